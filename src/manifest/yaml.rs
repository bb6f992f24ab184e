//! The only file that touches a YAML library: it turns manifest text into trees of
//! positioned nodes, and prints objects back as YAML the way `kubectl get -o yaml` does.
//!
//! Decision: positions come from the libyaml event parser in the `unsafe-libyaml` crate
//! (the parser serde_yaml itself is built on, so it adds no bundle bytes), not from a
//! scanner of our own. Every event carries an exact line and column, in block and flow
//! style alike, and anchors, aliases, tags and multi-line scalars are handled by the same
//! code kubectl's YAML library descends from. The unsafe code is a thin wrapper
//! (`Parser`) that owns one boxed `yaml_parser_t` and copies each event out before
//! freeing it. serde_yaml gives no positions, and its YAML 1.2 scalars differ from
//! kubectl's, so it is not used for reading.
//!
//! Reading follows kubectl (`k8s.io/apimachinery/pkg/util/yaml` and `sigs.k8s.io/yaml`):
//! the text is cut into documents at `---` lines, each document is parsed on its own, and
//! plain scalars resolve as YAML 1.1 does in go-yaml v2 (`yes`, `on` and `y` are booleans,
//! `0755` is octal, dates stay strings). Merge keys (`<<`) are honoured. Bounds are
//! enforced here: nesting depth and alias expansion, each answered with an error instead
//! of a hang. Printing sorts keys at every level and quotes a string whenever kubectl
//! would (`"yes"`, `"1"`, timestamps).

use super::model::Object;
use crate::json::Value as Json;
use crate::vecmap::VecMap;
use std::mem::MaybeUninit;
use std::ptr::{addr_of_mut, NonNull};

/// Deepest nesting of mappings and sequences a document may have. Real manifests stay
/// under 20 levels; the limit keeps every recursive walk over the tree shallow.
pub(crate) const MAX_DEPTH: usize = 64;
/// Most nodes alias expansion may add to one document ("billion laughs" guard).
pub(crate) const MAX_ALIAS_NODES: usize = 50_000;
/// Longest key printed in the implicit `key: value` form (YAML's limit is 1024).
const MAX_IMPLICIT_KEY: usize = 1000;

/// A 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A YAML node with the position where it starts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// A resolved YAML value, as kubectl's YAML-to-JSON step sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i64),
    /// Integers above `i64::MAX`.
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One key of a mapping, with the key's own position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Entry> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The JSON type name Go's decoder uses in its errors.
    pub fn json_type(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::UInt(_) | Value::Float(_) => "number",
            Value::Str(_) => "string",
            Value::Seq(_) => "array",
            Value::Map(_) => "object",
        }
    }
}

/// A problem found while reading YAML, placed at the offending text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct YamlError {
    pub pos: Pos,
    pub kind: YamlErrorKind,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YamlErrorKind {
    Syntax,
    DuplicateKey,
    Separator,
    TooDeep,
    Aliases,
}

/// One YAML document of the input: its tree (absent for an empty document) and the
/// problems that make it unreadable.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub root: Option<Node>,
    pub errors: Vec<YamlError>,
}

/// Reads every document of a manifest text, in order. Never fails as a whole: a broken
/// document comes back with its errors and the next one is read afresh.
pub(crate) fn read(text: &str) -> Vec<Document> {
    let mut documents = Vec::new();
    for chunk in split(text) {
        if let Some(error) = chunk.separator_error {
            documents.push(Document {
                root: None,
                errors: vec![error],
            });
        }
        if chunk.text.trim().is_empty() {
            continue;
        }
        if let Some(error) = forbidden_character(chunk.text, chunk.first_line) {
            documents.push(Document {
                root: None,
                errors: vec![error],
            });
            continue;
        }
        documents.extend(load(chunk.text, chunk.first_line));
    }
    documents
}

/// The first character YAML forbids in a chunk (a NUL byte or another control character),
/// with its own line and column. libyaml refuses it while decoding, before scanning, so its
/// error carries no position (it says line 1, column 1); the chunk is refused here instead,
/// with the same words and the character named, since it is invisible in the editor.
fn forbidden_character(text: &str, first_line: usize) -> Option<YamlError> {
    // libyaml's reader: tab, line feed, carriage return, printable ASCII, NEL and the
    // rest of Unicode except the C1 controls, surrogates and U+FFFE/U+FFFF.
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    };
    let (line_no, line) = text
        .split('\n')
        .enumerate()
        .find(|(_, line)| !line.chars().all(allowed))?;
    let (column, c) = line.chars().enumerate().find(|(_, c)| !allowed(*c))?;
    let line = first_line + line_no + 1;
    Some(YamlError {
        pos: Pos {
            line,
            column: column + 1,
        },
        kind: YamlErrorKind::Syntax,
        message: format!(
            "yaml: line {line}: control characters are not allowed (found U+{:04X})",
            c as u32
        ),
    })
}

struct Chunk<'a> {
    text: &'a str,
    /// 0-based line of the chunk's first line in the whole text.
    first_line: usize,
    separator_error: Option<YamlError>,
}

/// Cuts the text at `---` lines as kubectl's `YAMLReader` does. A separator followed by
/// anything but a comment is an error there too ("invalid Yaml document separator").
fn split(text: &str) -> Vec<Chunk<'_>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut first_line = 0;
    let mut offset = 0;
    let mut pending_error = None;
    for (line_no, line) in text.split_inclusive('\n').enumerate() {
        if let Some(rest) = line.strip_prefix("---") {
            let trimmed = rest.trim();
            let error = if !trimmed.is_empty() && !trimmed.starts_with('#') {
                Some(YamlError {
                    pos: Pos {
                        line: line_no + 1,
                        column: 4,
                    },
                    kind: YamlErrorKind::Separator,
                    message: format!("invalid Yaml document separator: {trimmed}"),
                })
            } else {
                None
            };
            chunks.push(Chunk {
                text: text.get(start..offset).unwrap_or(""),
                first_line,
                separator_error: pending_error.take(),
            });
            pending_error = error;
            start = offset + line.len();
            first_line = line_no + 1;
        }
        offset += line.len();
    }
    chunks.push(Chunk {
        text: text.get(start..).unwrap_or(""),
        first_line,
        separator_error: pending_error,
    });
    chunks
}

// ---------------------------------------------------------------------------------------
// The libyaml wrapper: the only unsafe code of the crate.

enum Event {
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias(String),
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        value: String,
        plain: bool,
    },
    SequenceStart {
        anchor: Option<String>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
    },
    MappingEnd,
    Other,
}

/// An owned libyaml parser over a borrowed input. The parser is boxed because libyaml
/// keeps pointers into its own struct; the input outlives it through the lifetime.
struct Parser<'input> {
    sys: Box<unsafe_libyaml::yaml_parser_t>,
    _input: &'input [u8],
}

impl<'input> Parser<'input> {
    fn new(input: &'input [u8]) -> Parser<'input> {
        let mut raw: Box<MaybeUninit<unsafe_libyaml::yaml_parser_t>> = Box::new_uninit();
        // SAFETY: `yaml_parser_initialize` fully initialises the struct it is given (it
        // zeroes it first), after which `assume_init` is sound. The input slice stays
        // borrowed for the parser's lifetime, so the pointer handed over stays valid.
        unsafe {
            let parser = raw.as_mut_ptr();
            if unsafe_libyaml::yaml_parser_initialize(parser).fail {
                // Only an allocation failure gets here, and allocation failures abort anyway.
                std::process::abort();
            }
            unsafe_libyaml::yaml_parser_set_encoding(parser, unsafe_libyaml::YAML_UTF8_ENCODING);
            unsafe_libyaml::yaml_parser_set_input_string(
                parser,
                input.as_ptr(),
                input.len() as u64,
            );
            Parser {
                sys: raw.assume_init(),
                _input: input,
            }
        }
    }

    /// The next event and where it starts (0-based line and column), or the parser's error.
    #[allow(clippy::type_complexity)]
    fn next(&mut self) -> Result<(Event, usize, usize), (String, usize, usize, usize)> {
        if self.sys.error != unsafe_libyaml::YAML_NO_ERROR {
            return Err(self.error());
        }
        let mut event = MaybeUninit::<unsafe_libyaml::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised in `new` and never moves (it is boxed). After a
        // successful `yaml_parser_parse` the event is initialised; its data is read according
        // to its type tag, copied into owned values, and the event is freed exactly once.
        unsafe {
            let parser: *mut unsafe_libyaml::yaml_parser_t = &mut *self.sys;
            if unsafe_libyaml::yaml_parser_parse(parser, event.as_mut_ptr()).fail {
                return Err(self.error());
            }
            let event = event.as_mut_ptr();
            let mark = (*event).start_mark;
            let converted = match (*event).type_ {
                unsafe_libyaml::YAML_STREAM_END_EVENT => Event::StreamEnd,
                unsafe_libyaml::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
                unsafe_libyaml::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
                unsafe_libyaml::YAML_ALIAS_EVENT => {
                    Event::Alias(c_string((*event).data.alias.anchor).unwrap_or_default())
                }
                unsafe_libyaml::YAML_SCALAR_EVENT => {
                    let data = (*event).data.scalar;
                    let bytes = if data.value.is_null() {
                        &[][..]
                    } else {
                        std::slice::from_raw_parts(data.value, data.length as usize)
                    };
                    Event::Scalar {
                        anchor: c_string(data.anchor),
                        tag: c_string(data.tag),
                        value: String::from_utf8_lossy(bytes).into_owned(),
                        plain: data.style == unsafe_libyaml::YAML_PLAIN_SCALAR_STYLE,
                    }
                }
                unsafe_libyaml::YAML_SEQUENCE_START_EVENT => Event::SequenceStart {
                    anchor: c_string((*event).data.sequence_start.anchor),
                },
                unsafe_libyaml::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
                unsafe_libyaml::YAML_MAPPING_START_EVENT => Event::MappingStart {
                    anchor: c_string((*event).data.mapping_start.anchor),
                },
                unsafe_libyaml::YAML_MAPPING_END_EVENT => Event::MappingEnd,
                _ => Event::Other,
            };
            unsafe_libyaml::yaml_event_delete(event);
            Ok((converted, mark.line as usize, mark.column as usize))
        }
    }
}

impl Parser<'_> {
    /// The parser's error: its problem, the line go-yaml's message names, and where the
    /// problem was found (0-based line and column).
    fn error(&self) -> (String, usize, usize, usize) {
        // SAFETY: `problem` is null or a static NUL-terminated string set by libyaml.
        let problem = unsafe { c_string(self.sys.problem.cast()) }
            .unwrap_or_else(|| "unknown problem parsing YAML content".to_string());
        let mark = self.sys.problem_mark;
        // go-yaml (v2, which sigs.k8s.io/yaml uses) names the problem's line 1-based for a
        // scanner error but 0-based for a parser error, else the context's line, and no
        // line at all when that is 0.
        let line = if mark.line != 0 {
            mark.line as usize + usize::from(self.sys.error == unsafe_libyaml::YAML_SCANNER_ERROR)
        } else {
            self.sys.context_mark.line as usize
        };
        (problem, line, mark.line as usize, mark.column as usize)
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: the parser was initialised in `new` and is deleted once, here.
        unsafe { unsafe_libyaml::yaml_parser_delete(addr_of_mut!(*self.sys)) }
    }
}

/// Copies a NUL-terminated string owned by libyaml.
///
/// # Safety
/// `ptr` is null or points at a NUL-terminated string that stays valid during the call.
unsafe fn c_string(ptr: *const u8) -> Option<String> {
    let ptr = NonNull::new(ptr as *mut std::ffi::c_char)?;
    // SAFETY: guaranteed by the caller.
    let cstr = unsafe { std::ffi::CStr::from_ptr(ptr.as_ptr()) };
    Some(String::from_utf8_lossy(cstr.to_bytes()).into_owned())
}

// ---------------------------------------------------------------------------------------
// Building trees from events

struct Loader<'input> {
    parser: Parser<'input>,
    first_line: usize,
    anchors: VecMap<String, (Node, usize)>,
    alias_nodes: usize,
    errors: Vec<YamlError>,
}

/// A problem that stops reading the rest of the chunk.
struct Fatal(YamlError);

fn load(text: &str, first_line: usize) -> Vec<Document> {
    let mut loader = Loader {
        parser: Parser::new(text.as_bytes()),
        first_line,
        anchors: VecMap::new(),
        alias_nodes: 0,
        errors: Vec::new(),
    };
    let mut documents = Vec::new();
    loop {
        let (event, _) = match loader.next() {
            Ok(next) => next,
            Err(Fatal(error)) => {
                documents.push(Document {
                    root: None,
                    errors: vec![error],
                });
                return documents;
            }
        };
        match event {
            Event::StreamEnd => return documents,
            Event::DocumentStart => {
                loader.anchors.clear();
                loader.alias_nodes = 0;
                match loader.document() {
                    Ok(root) => documents.push(Document {
                        root,
                        errors: std::mem::take(&mut loader.errors),
                    }),
                    Err(Fatal(error)) => {
                        let mut errors = std::mem::take(&mut loader.errors);
                        errors.push(error);
                        documents.push(Document { root: None, errors });
                        return documents;
                    }
                }
            }
            _ => {}
        }
    }
}

impl Loader<'_> {
    fn next(&mut self) -> Result<(Event, Pos), Fatal> {
        match self.parser.next() {
            Ok((event, line, column)) => Ok((event, self.pos(line, column))),
            Err((problem, named, line, column)) => {
                let pos = self.pos(line, column);
                let message = match named {
                    0 => format!("yaml: {problem}"),
                    named => format!("yaml: line {}: {problem}", self.first_line + named),
                };
                Err(Fatal(YamlError {
                    pos,
                    kind: YamlErrorKind::Syntax,
                    message,
                }))
            }
        }
    }

    fn pos(&self, line: usize, column: usize) -> Pos {
        Pos {
            line: self.first_line + line + 1,
            column: column + 1,
        }
    }

    /// Reads one document after its start event; `None` for an empty one.
    fn document(&mut self) -> Result<Option<Node>, Fatal> {
        let (event, pos) = self.next()?;
        let root = match event {
            Event::DocumentEnd => return Ok(None),
            event => self.node(event, pos, 0)?.0,
        };
        loop {
            if let (Event::DocumentEnd, _) = self.next()? {
                break;
            }
        }
        Ok(match root.value {
            Value::Null => None,
            _ => Some(root),
        })
    }

    /// Builds the node that starts with `event`; returns it with its node count.
    fn node(&mut self, event: Event, pos: Pos, depth: usize) -> Result<(Node, usize), Fatal> {
        if depth > MAX_DEPTH {
            return Err(Fatal(YamlError {
                pos,
                kind: YamlErrorKind::TooDeep,
                message: format!("nesting is deeper than {MAX_DEPTH} levels"),
            }));
        }
        let (node, count, anchor) = match event {
            Event::Scalar {
                anchor,
                tag,
                value,
                plain,
            } => (
                Node {
                    value: resolve(&value, plain, tag.as_deref()),
                    pos,
                },
                1,
                anchor,
            ),
            Event::Alias(name) => {
                let Some((node, count)) = self.anchors.get(&name) else {
                    return Err(Fatal(YamlError {
                        pos,
                        kind: YamlErrorKind::Syntax,
                        message: format!("yaml: unknown anchor '{name}' referenced"),
                    }));
                };
                self.alias_nodes += count;
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(Fatal(YamlError {
                        pos,
                        kind: YamlErrorKind::Aliases,
                        message: format!(
                            "yaml: document contains excessive aliasing (aliases expand to more than {MAX_ALIAS_NODES} nodes)"
                        ),
                    }));
                }
                return Ok((node.clone(), *count));
            }
            Event::SequenceStart { anchor } => {
                let mut items = Vec::new();
                let mut count = 1;
                loop {
                    let (event, item_pos) = self.next()?;
                    if let Event::SequenceEnd = event {
                        break;
                    }
                    let (item, n) = self.node(event, item_pos, depth + 1)?;
                    count += n;
                    items.push(item);
                }
                (
                    Node {
                        value: Value::Seq(items),
                        pos,
                    },
                    count,
                    anchor,
                )
            }
            Event::MappingStart { anchor } => {
                let (node, count) = self.mapping(pos, depth)?;
                (node, count, anchor)
            }
            _ => (
                Node {
                    value: Value::Null,
                    pos,
                },
                1,
                None,
            ),
        };
        if let Some(anchor) = anchor {
            self.anchors.insert(anchor, (node.clone(), count));
        }
        Ok((node, count))
    }

    fn mapping(&mut self, pos: Pos, depth: usize) -> Result<(Node, usize), Fatal> {
        let mut entries: Vec<Entry> = Vec::new();
        // Index of each key in `entries`, so that large mappings stay linear.
        let mut index: VecMap<String, usize> = VecMap::new();
        let mut merges: Vec<Node> = Vec::new();
        let mut count = 1;
        loop {
            let (event, key_pos) = self.next()?;
            if let Event::MappingEnd = event {
                break;
            }
            let is_merge = matches!(&event, Event::Scalar { value, plain: true, tag: None, .. } if value == "<<");
            let (key_node, n) = self.node(event, key_pos, depth + 1)?;
            count += n;
            let (value_event, value_pos) = self.next()?;
            let (value, n) = self.node(value_event, value_pos, depth + 1)?;
            count += n;
            if is_merge {
                merges.push(value);
                continue;
            }
            let Some(key) = key_string(&key_node) else {
                self.errors.push(YamlError {
                    pos: key_pos,
                    kind: YamlErrorKind::Syntax,
                    message: "yaml: a mapping key must be a string, a number or a boolean"
                        .to_string(),
                });
                continue;
            };
            if let Some(&existing) = index.get(&key) {
                self.errors.push(YamlError {
                    pos: key_pos,
                    kind: YamlErrorKind::DuplicateKey,
                    message: format!(
                        "yaml: unmarshal errors: line {}: key {} already set in map",
                        key_pos.line,
                        go_quote(&key)
                    ),
                });
                if let Some(entry) = entries.get_mut(existing) {
                    entry.value = value;
                }
                continue;
            }
            index.insert(key.clone(), entries.len());
            entries.push(Entry {
                key,
                key_pos: key_node.pos,
                value,
            });
        }
        // Merged keys never override the mapping's own keys; earlier merges win over later ones.
        for merge in merges {
            let sources = match merge.value {
                Value::Map(_) => vec![merge],
                Value::Seq(items) => items,
                _ => vec![merge],
            };
            for source in sources {
                match source.value {
                    Value::Map(merged) => {
                        for entry in merged {
                            if !index.contains_key(&entry.key) {
                                index.insert(entry.key.clone(), entries.len());
                                entries.push(entry);
                            }
                        }
                    }
                    _ => self.errors.push(YamlError {
                        pos: source.pos,
                        kind: YamlErrorKind::Syntax,
                        message: "yaml: map merge requires map or sequence of maps as the value"
                            .to_string(),
                    }),
                }
            }
        }
        Ok((
            Node {
                value: Value::Map(entries),
                pos,
            },
            count,
        ))
    }
}

/// A mapping key as `sigs.k8s.io/yaml` turns it into a JSON object key.
fn key_string(node: &Node) -> Option<String> {
    Some(match &node.value {
        Value::Str(s) => s.clone(),
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::UInt(u) => u.to_string(),
        Value::Float(f) => go_float(*f),
        Value::Seq(_) | Value::Map(_) => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Scalars: YAML 1.1 as go-yaml v2 resolves them

const TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// Resolves a scalar as go-yaml v2 does: quoted and block scalars are strings; plain ones
/// may be null, a boolean (`yes`, `on`, `y`, …), an integer (`0x1F`, `0755`, `1_000`) or a
/// float. A YAML tag (`!!str 123`) forces the type.
fn resolve(text: &str, plain: bool, tag: Option<&str>) -> Value {
    let short = tag.map(|t| t.strip_prefix(TAG_PREFIX).unwrap_or(t));
    match short {
        Some("str") | Some("!") | Some("binary") => return Value::Str(text.to_string()),
        Some("null") => return Value::Null,
        Some("bool") | Some("int") | Some("float") => {
            let resolved = resolve_plain(text);
            if matches!(
                (&resolved, short),
                (Value::Bool(_), Some("bool"))
                    | (Value::Int(_) | Value::UInt(_), Some("int"))
                    | (Value::Float(_), Some("float"))
            ) {
                return resolved;
            }
            if let (Value::Int(i), Some("float")) = (&resolved, short) {
                return Value::Float(*i as f64);
            }
            return Value::Str(text.to_string());
        }
        _ => {}
    }
    if !plain {
        return Value::Str(text.to_string());
    }
    resolve_plain(text)
}

fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Value::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Value::Bool(false)
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let first = text.as_bytes().first().copied().unwrap_or(0);
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return Value::Str(text.to_string());
    }
    if looks_like_timestamp(text) {
        // go-yaml v2 keeps timestamps as strings when decoding into interface{}.
        return Value::Str(text.to_string());
    }
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    if let Some(v) = go_parse_int(&plain) {
        return v;
    }
    if let Some(f) = super::decimal::parse_float(&plain) {
        return Value::Float(f);
    }
    Value::Str(text.to_string())
}

/// `strconv.ParseInt(s, 0, 64)`, then `ParseUint`: sign, then `0x`, `0o`, `0b` or a leading
/// `0` (octal) prefix.
fn go_parse_int(s: &str) -> Option<Value> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, s.get(1..)?),
        b'+' => (false, s.get(1..)?),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(d) = rest.strip_prefix("0x").or(rest.strip_prefix("0X")) {
        (16, d)
    } else if let Some(d) = rest.strip_prefix("0b").or(rest.strip_prefix("0B")) {
        (2, d)
    } else if let Some(d) = rest.strip_prefix("0o").or(rest.strip_prefix("0O")) {
        (8, d)
    } else if rest.len() > 1 && rest.starts_with('0') {
        (8, rest.get(1..)?)
    } else {
        (10, rest)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u128::from_str_radix(digits, radix).ok()?;
    if negative {
        let value = i128::try_from(magnitude).ok()?;
        i64::try_from(-value).ok().map(Value::Int)
    } else if let Ok(i) = i64::try_from(magnitude) {
        Some(Value::Int(i))
    } else {
        u64::try_from(magnitude).ok().map(Value::UInt)
    }
}

/// go-yaml's timestamp forms: `2006-1-2`, optionally followed by `T`, `t` or a space and a time.
fn looks_like_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let run = |i: &mut usize, min: usize, max: usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - start < max {
            *i += 1;
        }
        *i - start >= min
    };
    if !run(&mut i, 4, 4) || b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    if !run(&mut i, 1, 2) || b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    if !run(&mut i, 1, 2) {
        return false;
    }
    matches!(b.get(i), None | Some(b'T' | b't' | b' '))
}

/// go-yaml's base-60 float (`1:20`), which it always quotes.
fn is_base60_float(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut parts = body.split(':');
    let Some(head) = parts.next() else {
        return false;
    };
    if head.is_empty() || !head.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if !head.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return false;
    }
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        return false;
    }
    for (i, part) in rest.iter().enumerate() {
        let (sexagesimal, fraction) = if i + 1 == rest.len() {
            match part.split_once('.') {
                Some((a, f)) => (a, Some(f)),
                None => (*part, None),
            }
        } else {
            (*part, None)
        };
        let ok = matches!(sexagesimal.len(), 1 | 2)
            && sexagesimal.chars().all(|c| c.is_ascii_digit())
            && (sexagesimal.len() == 1 || sexagesimal.as_bytes()[0] <= b'5');
        if !ok || fraction.is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit() || c == '_')) {
            return false;
        }
    }
    true
}

/// Go's `%q`: a double-quoted string with Go escapes (`strconv.Quote`).
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if !printable(c) => {
                if (c as u32) <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a character may appear as itself in quoted or plain YAML: not a control
/// character, a byte-order mark, or a line or paragraph separator (which YAML folds).
/// Like Go's `strconv.IsPrint`, other spaces than the ASCII space count as unprintable.
fn printable(c: char) -> bool {
    // Go's unicode.IsPrint also excludes the format characters (category Cf), such as the
    // right-to-left override U+202E, which %q escapes.
    let format = matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}' | '\u{fff9}'..='\u{fffb}');
    !(c.is_control() || format || c == '\u{feff}' || (c.is_whitespace() && c != ' '))
}

/// A float as Go's `strconv.FormatFloat(f, 'g', -1, 64)` prints it, for map keys.
fn go_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    if f.is_nan() {
        return "NaN".to_string();
    }
    let exponent = if f == 0.0 {
        0
    } else {
        f.abs().log10().floor() as i32
    };
    if (-4..21).contains(&exponent) {
        super::decimal::positional(f)
    } else {
        let s = super::decimal::exponent_form(f);
        match s.split_once('e') {
            Some((m, e)) if e.starts_with('-') => {
                format!("{m}e-{:02}", e.get(1..).unwrap_or(""))
            }
            Some((m, e)) => format!("{m}e+{e:0>2}"),
            None => s,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Printing

/// Prints an object as `kubectl get -o yaml` does: keys sorted alphabetically at every
/// level, block style, sequences not indented under their key, `{}` and `[]` for empty
/// collections, and strings quoted wherever they would read back as something else.
pub fn to_yaml(object: &Object) -> String {
    print(&crate::manifest::json::ToJson::to_json(object))
}

/// Prints any JSON value as block YAML, as [`to_yaml`] does for objects.
pub(crate) fn print(value: &Json) -> String {
    let mut out = String::new();
    match value {
        Json::Object(map) if !map.is_empty() => print_map(map, 0, &mut out),
        Json::Array(items) if !items.is_empty() => print_seq(items, 0, &mut out),
        scalar => {
            out.push_str(&scalar_text(scalar, 0));
            out.push('\n');
        }
    }
    out
}

fn print_map(map: &crate::json::Map, indent: usize, out: &mut String) {
    // serde_json's map is ordered by key, which is the order kubectl prints.
    for (key, value) in map {
        let key = string_text(key, indent, true);
        out.push_str(&" ".repeat(indent));
        if key.chars().count() > MAX_IMPLICIT_KEY {
            // YAML allows implicit keys of at most 1024 characters; longer ones need `?`.
            out.push_str(&format!("? {key}\n{}", " ".repeat(indent)));
        } else {
            out.push_str(&key);
        }
        out.push(':');
        print_value_after_key(value, indent, out);
    }
}

fn print_value_after_key(value: &Json, indent: usize, out: &mut String) {
    match value {
        Json::Object(map) if !map.is_empty() => {
            out.push('\n');
            print_map(map, indent + 2, out);
        }
        Json::Array(items) if !items.is_empty() => {
            out.push('\n');
            print_seq(items, indent, out);
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_text(scalar, indent + 2));
            out.push('\n');
        }
    }
}

fn print_seq(items: &[Json], indent: usize, out: &mut String) {
    for item in items {
        // Print the item two columns in, then put the dash in the first line's margin.
        let mut inner = String::new();
        match item {
            Json::Object(map) if !map.is_empty() => print_map(map, indent + 2, &mut inner),
            Json::Array(nested) if !nested.is_empty() => print_seq(nested, indent + 2, &mut inner),
            scalar => {
                inner.push_str(&" ".repeat(indent + 2));
                inner.push_str(&scalar_text(scalar, indent + 2));
                inner.push('\n');
            }
        }
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        out.push_str(inner.get(indent + 2..).unwrap_or(""));
    }
}

fn scalar_text(value: &Json, indent: usize) -> String {
    match value {
        Json::Null => "null".to_string(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => string_text(s, indent, false),
        Json::Object(_) => "{}".to_string(),
        Json::Array(_) => "[]".to_string(),
    }
}

/// A string as go-yaml prints it: plain when it reads back as the same string, a literal
/// block for multi-line text, otherwise quoted.
fn string_text(s: &str, indent: usize, key: bool) -> String {
    let reads_back_as_string = !s.is_empty()
        && matches!(resolve_plain(s), Value::Str(_))
        && !looks_like_timestamp(s)
        && !is_base60_float(s)
        && s != "<<";
    if !reads_back_as_string {
        return go_quote(s);
    }
    let printable = s.chars().all(|c| c == '\n' || printable(c));
    if !key && printable && s.contains('\n') && !s.starts_with([' ', '\n']) {
        let chomp = if s.ends_with("\n\n") {
            "+"
        } else if s.ends_with('\n') {
            ""
        } else {
            "-"
        };
        let body = s.strip_suffix('\n').unwrap_or(s);
        let pad = " ".repeat(indent.max(2));
        let lines: Vec<String> = body
            .split('\n')
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{pad}{l}")
                }
            })
            .collect();
        return format!("|{chomp}\n{}", lines.join("\n"));
    }
    if printable && plain_allowed(s) {
        return s.to_string();
    }
    if printable && !s.contains('\n') {
        return format!("'{}'", s.replace('\'', "''"));
    }
    go_quote(s)
}

/// Whether libyaml would print the string as a plain scalar in block context.
fn plain_allowed(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() || last == ':' {
        return false;
    }
    let second_is_blank = chars.get(1).is_none_or(|c| c.is_whitespace());
    match first {
        ',' | '[' | ']' | '{' | '}' | '#' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%'
        | '@' | '`' => return false,
        '-' | '?' | ':' if second_is_blank => return false,
        _ => {}
    }
    if s.starts_with("---") || s.starts_with("...") {
        return false;
    }
    !(s.contains(": ") || s.contains(" #") || s.contains('\t') || s.contains('\n'))
}

fn node_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::UInt(u) => Json::from(*u),
        Value::Float(f) => crate::json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::Str(s) => Json::String(s.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(node_json).collect()),
        Value::Map(entries) => {
            let mut map = crate::json::Map::new();
            map.extend(entries.iter().map(|e| (e.key.clone(), node_json(&e.value))));
            Json::Object(map)
        }
    }
}

/// The first document of a YAML text as JSON, as `yaml.ToJSON` reads a patch: nothing is
/// `null`; the error is go-yaml's (`yaml: line 1: did not find expected ',' or '}'`).
pub fn to_json(text: &str) -> Result<Json, String> {
    let Some(document) = read(text).into_iter().next() else {
        return Ok(Json::Null);
    };
    if let Some(e) = document.errors.first() {
        return Err(e.message.clone());
    }
    Ok(document.root.as_ref().map_or(Json::Null, node_json))
}

/// Reads a YAML text of one document as plain JSON data (for files that are not
/// Kubernetes objects, such as lessons). The error names the line and column.
pub fn read_data(text: &str) -> Result<Json, String> {
    let documents = read(text);
    let Some(document) = documents.into_iter().next() else {
        return Err("the file is empty".into());
    };
    if let Some(e) = document.errors.first() {
        return Err(format!("{}:{}: {}", e.pos.line, e.pos.column, e.message));
    }
    Ok(document.root.as_ref().map_or(Json::Null, node_json))
}
