//! JSON values: the tree objects travel as between the manifest reader, the API server's
//! patches and merges, and kubectl's output. The names and meanings follow serde_json's
//! `Value` (so do equality, the text `to_string` writes and the numbers it keeps exact);
//! an object's keys are kept sorted in a `VecMap`, the order kubectl prints them in.
//!
//! Decision: serde_json's `Value` keeps objects in a `BTreeMap`, whose node code and
//! serde's machinery made up about 40 KB of the browser bundle; writing and reading JSON
//! text, which is all the crate needs besides the tree, are a few dozen lines here.

use crate::vecmap::VecMap;
use std::fmt::{self, Write as _};

/// A JSON object: keys in order.
pub type Map = VecMap<String, Value>;

/// Any JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: an integer kept exactly (`u64` or negative `i64`) or a finite float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number(N);

#[derive(Clone, Copy, Debug, PartialEq)]
enum N {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    /// `None` for NaN and the infinities, which JSON cannot write.
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number(N::Float(f)))
    }

    pub fn is_i64(&self) -> bool {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).is_ok(),
            N::NegInt(_) => true,
            N::Float(_) => false,
        }
    }

    pub fn is_u64(&self) -> bool {
        matches!(self.0, N::PosInt(_))
    }

    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            _ => None,
        }
    }

    /// The number as a float (integers too, rounded to the nearest one).
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(f) => f,
        })
    }
}

macro_rules! from_integer {
    ($($signed:ty),* ; $($unsigned:ty),*) => {
        $(impl From<$signed> for Number {
            fn from(i: $signed) -> Number {
                match u64::try_from(i) {
                    Ok(u) => Number(N::PosInt(u)),
                    Err(_) => Number(N::NegInt(i as i64)),
                }
            }
        }
        impl From<$signed> for Value {
            fn from(i: $signed) -> Value {
                Value::Number(i.into())
            }
        })*
        $(impl From<$unsigned> for Number {
            fn from(u: $unsigned) -> Number {
                Number(N::PosInt(u as u64))
            }
        }
        impl From<$unsigned> for Value {
            fn from(u: $unsigned) -> Value {
                Value::Number(u.into())
            }
        })*
    };
}
from_integer!(i32, i64, isize; u8, u16, u32, u64, usize);

impl fmt::Display for Number {
    /// As serde_json writes it: integers in full, floats in their shortest form (`1.5`,
    /// `3.0`, `1e21`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            N::PosInt(u) => write!(f, "{u}"),
            N::NegInt(i) => write!(f, "{i}"),
            N::Float(x) => f.write_str(zmij::Buffer::new().format_finite(x)),
        }
    }
}

/// What `Value::get` takes: a key of an object or an index of an array.
pub trait Index {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value>;
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value>;
}

impl Index for usize {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        value.as_array()?.get(*self)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        value.as_array_mut()?.get_mut(*self)
    }
}

impl Index for str {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        value.as_object()?.get(self)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        value.as_object_mut()?.get_mut(self)
    }
}

impl Index for String {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        self.as_str().index_into(value)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        self.as_str().index_into_mut(value)
    }
}

impl<T: Index + ?Sized> Index for &T {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        (**self).index_into(value)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        (**self).index_into_mut(value)
    }
}

static NULL: Value = Value::Null;

impl<I: Index> std::ops::Index<I> for Value {
    type Output = Value;

    /// The key's or index's value; `null` when there is none.
    fn index(&self, index: I) -> &Value {
        index.index_into(self).unwrap_or(&NULL)
    }
}

impl Value {
    /// An object's value for a key, or an array's item at an index.
    pub fn get<I: Index>(&self, index: I) -> Option<&Value> {
        index.index_into(self)
    }

    pub fn get_mut<I: Index>(&mut self, index: I) -> Option<&mut Value> {
        index.index_into_mut(self)
    }

    /// The value a JSON pointer (`/spec/template`, RFC 6901) names; `""` is the whole.
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
            .try_fold(self, |value, token| match value {
                Value::Object(map) => map.get(token.as_str()),
                Value::Array(items) => {
                    let plain =
                        !token.starts_with('+') && (token == "0" || !token.starts_with('0'));
                    items.get(token.parse::<usize>().ok().filter(|_| plain)?)
                }
                _ => None,
            })
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl fmt::Display for Value {
    /// The compact JSON text serde_json's `to_string` writes: no spaces, keys in order,
    /// strings escaped as it escapes them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Value {
    /// The compact JSON text, as `to_string` gives it, written straight into one string.
    pub fn text(&self) -> String {
        let mut out = String::new();
        write_value(self, &mut out);
        out
    }
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(s, false, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, false, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

/// A JSON string literal: `"` and `\` escaped, control characters as `\n` and friends or
/// `\u00XX`, everything else as it is; as serde_json writes it and as Go's encoding/json
/// (1.22 and later) does, which with `html` also escapes `<`, `>`, `&`, U+2028 and U+2029
/// (`json.Marshal`, which kubectl prints with).
pub fn write_string(s: &str, html: bool, out: &mut String) {
    out.push('"');
    // Runs of characters that need no escape are copied whole.
    let mut plain = 0;
    for (at, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' if html => "",
            c if c < ' ' => "",
            _ => continue,
        };
        out.push_str(s.get(plain..at).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push_str(escape);
        }
        plain = at + c.len_utf8();
    }
    out.push_str(s.get(plain..).unwrap_or_default());
    out.push('"');
}

/// Arrays and objects nested this deep are refused rather than recursed into (serde_json's
/// limit: 127 levels read, the 128th refused).
const MAX_DEPTH: usize = 128;

/// Reads JSON text (RFC 8259: one value, whitespace around it). Integers that fit stay
/// exact, others become floats, as serde_json reads them.
pub fn from_str(text: &str) -> Result<Value, String> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.space();
    if reader.at < reader.text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> Result<(), String> {
        if self.text[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        self.space();
        // This value, if an array or object, is the container number depth + 1.
        if matches!(self.peek(), Some(b'[' | b'{')) && depth + 1 >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        match self.peek() {
            Some(b'n') => self.eat("null").map(|()| Value::Null),
            Some(b't') => self.eat("true").map(|()| Value::Bool(true)),
            Some(b'f') => self.eat("false").map(|()| Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.error("expected `,` or `]`")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut entries = Vec::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Value::Object(Map::new()));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("key must be a string"));
                    }
                    let key = self.string()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(self.error("expected `:`"));
                    }
                    self.at += 1;
                    entries.push((key, self.value(depth + 1)?));
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            // A key given twice keeps its last value, as serde_json does.
                            return Ok(Value::Object(entries.into_iter().collect()));
                        }
                        _ => return Err(self.error("expected `,` or `}`")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("expected value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let first = self.peek();
        let whole = self.digits();
        if whole == 0 || (first == Some(b'0') && whole > 1) {
            return Err(self.error("invalid number"));
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        // The slice is ASCII digits and signs, so it is valid UTF-8.
        let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        if integer {
            let exact = if negative {
                // `-0` is the float -0.0, as serde_json reads it.
                text.parse::<i64>().ok().map(|i| {
                    if i == 0 {
                        Number(N::Float(-0.0))
                    } else {
                        Number::from(i)
                    }
                })
            } else {
                text.parse::<u64>().ok().map(Number::from)
            };
            if let Some(n) = exact {
                return Ok(Value::Number(n));
            }
        }
        crate::manifest::decimal::parse_float(text)
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| self.error("number out of range"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid escape"))?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.at += 1;
            match byte {
                b'"' => {
                    return String::from_utf8(out).map_err(|_| self.error("invalid unicode"));
                }
                b'\\' => {
                    let escape = self.peek().ok_or_else(|| self.error("invalid escape"))?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&high) {
                                if !self.text[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                            } else {
                                high
                            };
                            char::from_u32(code).ok_or_else(|| {
                                self.error("lone trailing surrogate in hex escape")
                            })?
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => {
                    return Err(self.error("control character while parsing a string"));
                }
                byte => out.push(byte),
            }
        }
    }
}

/// `json!` for unit tests: serde_json's macro, read back as a `Value`.
#[cfg(test)]
macro_rules! json {
    ($($t:tt)+) => {
        $crate::json::from_str(&serde_json::json!($($t)+).to_string()).expect("valid JSON")
    };
}
#[cfg(test)]
pub(crate) use json;

#[cfg(test)]
mod tests {
    use super::{from_str, Map, Number, Value};

    /// The same text read by serde_json, for comparing.
    fn theirs(text: &str) -> Option<String> {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .map(|v| v.to_string())
    }

    #[test]
    fn reads_and_writes_json_as_serde_json_does() {
        for text in [
            "null",
            "true",
            " false ",
            "0",
            "-0",
            "12",
            "-12",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "-2.5e-7",
            "1e21",
            "3.0",
            "1E400",
            "\"\"",
            r#""a\"b\\c\/d\b\f\n\r\t\u0001\u001f\u007f é 😀 \ud83d\ude00""#,
            "[]",
            "[1,[2,[3]],{}]",
            r#"{"b":1,"a":[true,null],"c":{"z":"x","y":""}}"#,
            r#"{"a":1,"a":2}"#,
            "\n{ \"k\" : [ 1 , 2 ] }\t",
        ] {
            let ours = from_str(text).map(|v| v.to_string()).ok();
            assert_eq!(ours, theirs(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for text in [
            "",
            " ",
            "nul",
            "tru",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "[1,]",
            "[1 2]",
            "{\"a\"}",
            "{\"a\":}",
            "{a:1}",
            "{\"a\":1,}",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\u{1}\"",
            "1 2",
            "[",
            "{",
            "NaN",
            "Infinity",
        ] {
            assert!(from_str(text).is_err(), "{text:?} was read");
            assert_eq!(theirs(text), None, "{text:?}");
        }
        let deep = "[".repeat(300) + &"]".repeat(300);
        assert!(from_str(&deep).is_err());
    }

    #[test]
    fn strings_are_escaped_as_serde_json_and_go_escape_them() {
        let text = "a\"b\\c\u{8}\u{c}\n\r\t\u{1}\u{7f} <&> \u{2028}\u{2029} é";
        let mut plain = String::new();
        super::write_string(text, false, &mut plain);
        assert_eq!(plain, serde_json::Value::from(text).to_string());
        let mut go = String::new();
        super::write_string(text, true, &mut go);
        // Go 1.22+ `json.Marshal`: \b and \f short, HTML characters escaped.
        assert_eq!(
            go,
            "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\u{7f} \\u003c\\u0026\\u003e \\u2028\\u2029 é\""
        );
    }

    #[test]
    fn numbers_keep_integers_exact_and_compare_as_serde_json_does() {
        assert_eq!(Value::from(5i64), Value::from(5u64));
        assert_ne!(
            Value::from(5i64),
            Value::Number(Number::from_f64(5.0).unwrap())
        );
        assert_eq!(Number::from(-3i32).as_i64(), Some(-3));
        assert_eq!(Number::from(-3i32).as_u64(), None);
        assert_eq!(Number::from(u64::MAX).as_i64(), None);
        assert!(Number::from(u64::MAX).is_u64() && !Number::from(u64::MAX).is_i64());
        assert_eq!(Number::from_f64(f64::NAN), None);
        assert_eq!(Number::from(7u8).as_f64(), Some(7.0));
    }

    #[test]
    fn indexes_objects_and_arrays() {
        let v = from_str(r#"{"a":[10,{"b":"x"}]}"#).unwrap();
        assert_eq!(v["a"][1]["b"], "x");
        assert_eq!(v.get("a").and_then(|a| a.get(0)), Some(&Value::from(10u64)));
        assert!(v["missing"][3].is_null());
        assert_eq!(v.pointer("/a/1/b"), Some(&Value::from("x")));
        assert_eq!(v.pointer(""), Some(&v));
        assert_eq!(v.pointer("/a/01"), None);
        assert_eq!(v.pointer("a"), None);
        let mut m = v.clone();
        if let Some(b) = m.get_mut("a").and_then(|a| a.get_mut(1)) {
            *b = Value::Object(Map::new());
        }
        assert_eq!(m.to_string(), r#"{"a":[10,{}]}"#);
    }
}
