//! Typed objects to and from JSON trees (`crate::json::Value`), written out rather than
//! derived: one small conversion per model type (`json_struct!`) over shared helpers, so
//! the browser bundle carries no serde visitor machinery per type. The rules are serde's
//! with `#[serde(default)]`: a missing field takes its default (a `required` one is an
//! error), `null` is `None` for an `Option` and a type error otherwise, unknown fields are
//! ignored or kept in the struct's `extra` map, and errors read like serde's
//! (`invalid type: string "x", expected i64`).

use crate::json::{Map, Value};
use crate::vecmap::VecMap;

/// Why a JSON tree does not fit a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A type that prints itself as a JSON tree.
pub trait ToJson {
    fn to_json(&self) -> Value;
    /// Whether an `omitempty` field of this value is left out (none, empty, false).
    fn is_empty_json(&self) -> bool {
        false
    }
}

/// A type read from a JSON tree.
pub trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self, Error>;
}

/// Reads a typed value out of a JSON tree.
pub fn from_value<T: FromJson>(value: Value) -> Result<T, Error> {
    T::from_json(value)
}

/// How a struct field is written and read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Always written; defaults when missing.
    Always,
    /// Left out when empty (`skip_serializing_if`); defaults when missing.
    Omit,
    /// Always written; missing is an error.
    Required,
}

/// What a value is, as serde names it in an error.
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {}", crate::quote::quote(s)),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// The error for a value of the wrong type.
#[inline(never)]
pub fn invalid(value: &Value, expected: &str) -> Error {
    Error(format!(
        "invalid type: {}, expected {expected}",
        unexpected(value)
    ))
}

/// The object a struct is read from.
#[inline(never)]
pub fn object(value: Value, name: &str) -> Result<Map, Error> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(invalid(&other, &format!("struct {name}"))),
    }
}

/// Writes one field of a struct.
#[inline(never)]
pub fn put<T: ToJson>(map: &mut Map, key: &str, value: &T, field: Field) {
    if field == Field::Omit && value.is_empty_json() {
        return;
    }
    put_value(map, key, value.to_json());
}

#[inline(never)]
fn put_value(map: &mut Map, key: &str, value: Value) {
    map.insert(key.to_string(), value);
}

/// Reads (and removes) one field of a struct into its place in a default value, which
/// stays when the field is missing. Filling one value in place, rather than building the
/// struct from a value per field, leaves a single drop on the error path.
#[inline(never)]
pub fn take<T: FromJson>(
    slot: &mut T,
    map: &mut Map,
    key: &str,
    field: Field,
) -> Result<(), Error> {
    match map.remove(key) {
        Some(value) => *slot = T::from_json(value)?,
        None if field == Field::Required => return Err(Error(format!("missing field `{key}`"))),
        None => {}
    }
    Ok(())
}

/// Writes a struct's unmodelled fields next to its modelled ones.
#[inline(never)]
pub fn put_extra(map: &mut Map, extra: &VecMap<String, Value>) {
    for (key, value) in extra {
        map.insert(key.clone(), value.clone());
    }
}

/// Conversions for a struct: `json_struct!(Type { field: "key" Mode, ... } extra);`
/// (`extra` names a map field that keeps every other key).
macro_rules! json_struct {
    ($ty:ident { $($field:ident : $key:literal $mode:ident),* $(,)? } $($extra:ident)?) => {
        impl $crate::manifest::json::ToJson for $ty {
            fn to_json(&self) -> crate::json::Value {
                #[allow(unused_mut)]
                let mut map = crate::json::Map::new();
                $($crate::manifest::json::put(
                    &mut map, $key, &self.$field, $crate::manifest::json::Field::$mode);)*
                $($crate::manifest::json::put_extra(&mut map, &self.$extra);)?
                crate::json::Value::Object(map)
            }
        }
        impl $crate::manifest::json::FromJson for $ty {
            fn from_json(value: crate::json::Value) -> Result<Self, $crate::manifest::json::Error> {
                #[allow(unused_mut)]
                let mut map = $crate::manifest::json::object(value, stringify!($ty))?;
                let mut out = <$ty>::default();
                $($crate::manifest::json::take(
                    &mut out.$field, &mut map, $key, $crate::manifest::json::Field::$mode)?;)*
                // The fields left once the modelled ones are taken: a struct's `extra`.
                $(out.$extra = map;)?
                Ok(out)
            }
        }
    };
}
pub(crate) use json_struct;

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
    fn is_empty_json(&self) -> bool {
        self.is_empty()
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(invalid(&other, "a string")),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
    fn is_empty_json(&self) -> bool {
        !*self
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(invalid(&other, "a boolean")),
        }
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl FromJson for i64 {
    fn from_json(value: Value) -> Result<Self, Error> {
        match &value {
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Ok(i),
                (None, Some(u)) => {
                    Err(Error(format!("invalid value: integer `{u}`, expected i64")))
                }
                _ => Err(invalid(&value, "i64")),
            },
            _ => Err(invalid(&value, "i64")),
        }
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl FromJson for u64 {
    fn from_json(value: Value) -> Result<Self, Error> {
        match &value {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Ok(u),
                (None, Some(i)) => {
                    Err(Error(format!("invalid value: integer `{i}`, expected u64")))
                }
                _ => Err(invalid(&value, "u64")),
            },
            _ => Err(invalid(&value, "u64")),
        }
    }
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, Error> {
        Ok(value)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_json)
    }
    fn is_empty_json(&self) -> bool {
        self.is_none()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        list_json(&mut self.iter().map(T::to_json))
    }
    fn is_empty_json(&self) -> bool {
        self.is_empty()
    }
}

/// A sequence of the items `items` writes: collected by one compiled copy for every item type.
#[inline(never)]
fn list_json(items: &mut dyn Iterator<Item = Value>) -> Value {
    Value::Array(items.collect())
}

/// Reads every item of a sequence with `each`: the walk is compiled once, only the item's
/// conversion once per item type.
#[inline(never)]
fn each_item(value: Value, each: &mut dyn FnMut(Value) -> Result<(), Error>) -> Result<(), Error> {
    match value {
        Value::Array(items) => items.into_iter().try_for_each(each),
        other => Err(invalid(&other, "a sequence")),
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        let mut out = Vec::new();
        each_item(value, &mut |item| {
            out.push(T::from_json(item)?);
            Ok(())
        })?;
        Ok(out)
    }
}

impl<T: ToJson> ToJson for VecMap<String, T> {
    fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (key, value) in self {
            map.insert(key.clone(), value.to_json());
        }
        Value::Object(map)
    }
    fn is_empty_json(&self) -> bool {
        self.is_empty()
    }
}

/// Reads every entry of a map with `each`, like `each_item`.
#[inline(never)]
fn each_entry(
    value: Value,
    each: &mut dyn FnMut(String, Value) -> Result<(), Error>,
) -> Result<(), Error> {
    match value {
        Value::Object(map) => map
            .into_iter()
            .try_for_each(|(key, value)| each(key, value)),
        other => Err(invalid(&other, "a map")),
    }
}

impl<T: FromJson> FromJson for VecMap<String, T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        let mut out = VecMap::new();
        each_entry(value, &mut |key, value| {
            out.insert(key, T::from_json(value)?);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;

    #[derive(Debug, Default, PartialEq)]
    struct Probe {
        name: String,
        size: Option<i64>,
        tags: Vec<String>,
        kind: String,
        extra: VecMap<String, Value>,
    }
    json_struct!(Probe { name: "name" Omit, size: "size" Omit, tags: "tags" Omit, kind: "type" Required } extra);

    #[test]
    fn reads_and_writes_like_serde_with_defaults() {
        let value = json!({"name": "a", "type": "T", "other": {"x": 1}});
        let probe: Probe = from_value(value.clone()).unwrap();
        assert_eq!(probe.name, "a");
        assert_eq!(probe.size, None);
        assert!(probe.tags.is_empty());
        assert_eq!(probe.extra.get("other"), Some(&json!({"x": 1})));
        assert_eq!(probe.to_json(), value);
        let empty = Probe {
            kind: "T".into(),
            ..Probe::default()
        };
        assert_eq!(empty.to_json(), json!({"type": "T"}));
    }

    #[test]
    fn errors_read_like_serde() {
        let err = |v: Value| from_value::<Probe>(v).unwrap_err().0;
        assert_eq!(err(json!({"name": "a"})), "missing field `type`");
        assert_eq!(
            err(json!({"type": "T", "size": "big"})),
            "invalid type: string \"big\", expected i64"
        );
        assert_eq!(
            err(json!({"type": "T", "size": 1.5})),
            "invalid type: floating point `1.5`, expected i64"
        );
        assert_eq!(
            err(json!({"type": "T", "tags": {"a": 1}})),
            "invalid type: map, expected a sequence"
        );
        assert_eq!(
            err(json!({"type": "T", "tags": ["a", 1]})),
            "invalid type: integer `1`, expected a string"
        );
        assert_eq!(
            from_value::<VecMap<String, i64>>(json!({"a": 1, "b": "x"}))
                .unwrap_err()
                .0,
            "invalid type: string \"x\", expected i64"
        );
        assert_eq!(
            from_value::<VecMap<String, Vec<i64>>>(json!({"a": [1, 2]})).unwrap(),
            VecMap::from([("a".to_string(), vec![1, 2])])
        );
        assert_eq!(
            err(json!({"type": "T", "name": null})),
            "invalid type: null, expected a string"
        );
        assert_eq!(
            err(json!([1])),
            "invalid type: sequence, expected struct Probe"
        );
        assert_eq!(
            from_value::<Probe>(json!({"type": "T", "size": null}))
                .unwrap()
                .size,
            None
        );
    }
}
