//! Strict fields and types: walks one object's YAML tree against its schema (`schema.rs`)
//! and builds the JSON the typed model is read from.
//!
//! On the way it reports, each at its node: unknown fields (a warning naming the nearest
//! valid field; the field is dropped, as the API server drops it with
//! `--validate=warn`), and values of the wrong type (an error in the words of the API
//! server's JSON decoder). Nulls are dropped as Go's decoder ignores them. Numbers become
//! strings where a quantity is expected, and integral floats become integers, as
//! kubectl's YAML-to-JSON step produces them.

use super::quantity;
use super::schema::{Struct, Ty};
use super::yaml::{go_quote, Entry, Node, Pos, Value};
use crate::json::{Map, Number, Value as Json};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IssueKind {
    UnknownField,
    TypeMismatch,
}

/// One problem with a field, placed at its node.
#[derive(Clone, Debug)]
pub(crate) struct Issue {
    pub kind: IssueKind,
    pub pos: Pos,
    /// Field path with indices, e.g. `spec.template.spec.containers[0].ports[0].containerPort`.
    pub path: String,
    pub message: String,
}

/// The outcome of checking one object.
pub(crate) struct Checked {
    pub json: Json,
    pub issues: Vec<Issue>,
}

impl Checked {
    /// Whether the object can be read: no value had the wrong type.
    pub fn readable(&self) -> bool {
        !self
            .issues
            .iter()
            .any(|i| i.kind == IssueKind::TypeMismatch)
    }
}

/// Checks `root` (a mapping) against `schema`.
pub(crate) fn check(root: &Node, schema: &'static Struct) -> Checked {
    let mut walker = Walker {
        issues: Vec::new(),
        suggestions_left: MAX_SUGGESTIONS,
    };
    let json = match &root.value {
        Value::Map(entries) => walker.object(entries, schema, "", ""),
        _ => Json::Object(Map::new()),
    };
    Checked {
        json,
        issues: walker.issues,
    }
}

/// Unknown fields of one object that get a "did you mean" (the search is bounded work).
const MAX_SUGGESTIONS: usize = 200;

struct Walker {
    issues: Vec<Issue>,
    suggestions_left: usize,
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Where a type error happened, for the Go decoder's message: the struct holding the
/// field and the JSON path without indices (`StatefulSetSpec.spec.replicas`).
#[derive(Clone, Copy)]
struct GoField<'a> {
    parent: &'static str,
    path: &'a str,
}

impl Walker {
    fn object(
        &mut self,
        entries: &[Entry],
        schema: &'static Struct,
        path: &str,
        go_path: &str,
    ) -> Json {
        let mut out = Map::new();
        for entry in entries {
            let field_path = join(path, &entry.key);
            let Some(ty) = schema.field(&entry.key) else {
                let near = if self.suggestions_left > 0 {
                    self.suggestions_left -= 1;
                    nearest(&entry.key, schema)
                } else {
                    None
                };
                let message = match near {
                    Some(near) => format!(
                        "unknown field {}; did you mean {}?",
                        go_quote(&entry.key),
                        go_quote(near)
                    ),
                    None => format!("unknown field {}", go_quote(&entry.key)),
                };
                self.issues.push(Issue {
                    kind: IssueKind::UnknownField,
                    pos: entry.key_pos,
                    path: field_path,
                    message,
                });
                continue;
            };
            let go_field_path = join(go_path, &entry.key);
            let go = GoField {
                parent: schema.go,
                path: &go_field_path,
            };
            if let Some(value) = self.value(&entry.value, ty, &field_path, go) {
                out.insert(entry.key.clone(), value);
            }
        }
        Json::Object(out)
    }

    fn mismatch(&mut self, node: &Node, path: &str, go: GoField<'_>, go_type: &str) {
        // Go names a number's literal only when it does not fit an integer type.
        let integer_target = go_type.starts_with("int");
        let found = match &node.value {
            Value::Float(f) if integer_target => format!("number {}", json_number_text(*f)),
            Value::UInt(u) if integer_target => format!("number {u}"),
            _ => node.json_type().to_string(),
        };
        self.type_error(
            node.pos,
            path,
            format!(
                "json: cannot unmarshal {found} into Go struct field {}.{} of type {go_type}",
                go.parent, go.path
            ),
        );
    }

    fn type_error(&mut self, pos: Pos, path: &str, message: String) {
        self.issues.push(Issue {
            kind: IssueKind::TypeMismatch,
            pos,
            path: path.to_string(),
            message,
        });
    }

    /// The JSON for one value, or `None` when it is dropped (null or wrong type).
    fn value(&mut self, node: &Node, ty: &'static Ty, path: &str, go: GoField<'_>) -> Option<Json> {
        if let Value::Null = node.value {
            return None;
        }
        match ty {
            Ty::Str(go_type) => match &node.value {
                Value::Str(s) => Some(Json::String(s.clone())),
                _ => {
                    self.mismatch(node, path, go, go_type);
                    None
                }
            },
            Ty::Int32 | Ty::Int64 => {
                let (go_type, min, max) = match ty {
                    Ty::Int32 => ("int32", i64::from(i32::MIN), i64::from(i32::MAX)),
                    _ => ("int64", i64::MIN, i64::MAX),
                };
                match (integer(&node.value), &node.value) {
                    (Some(i), _) if i >= min && i <= max => Some(Json::from(i)),
                    (_, Value::Int(i)) => {
                        // Go names the literal when a number does not fit the integer type.
                        self.type_error(
                            node.pos,
                            path,
                            format!(
                                "json: cannot unmarshal number {i} into Go struct field {}.{} of type {go_type}",
                                go.parent, go.path
                            ),
                        );
                        None
                    }
                    _ => {
                        self.mismatch(node, path, go, go_type);
                        None
                    }
                }
            }
            Ty::Bool => match node.value {
                Value::Bool(b) => Some(Json::Bool(b)),
                _ => {
                    self.mismatch(node, path, go, "bool");
                    None
                }
            },
            Ty::IntOrStr => match &node.value {
                Value::Str(s) => Some(Json::String(s.clone())),
                v => match integer(v) {
                    Some(i) if i32::try_from(i).is_ok() => Some(Json::from(i)),
                    _ => {
                        let found = match v {
                            Value::Float(f) => format!("number {}", json_number_text(*f)),
                            Value::Int(i) => format!("number {i}"),
                            Value::UInt(u) => format!("number {u}"),
                            _ => node.json_type().to_string(),
                        };
                        self.type_error(
                            node.pos,
                            path,
                            format!("json: cannot unmarshal {found} into Go value of type int32"),
                        );
                        None
                    }
                },
            },
            Ty::StrMap | Ty::QuantityMap => {
                let Value::Map(entries) = &node.value else {
                    let go_type = if matches!(ty, Ty::StrMap) {
                        "map[string]string"
                    } else {
                        "v1.ResourceList"
                    };
                    self.mismatch(node, path, go, go_type);
                    return None;
                };
                let mut out = Map::new();
                for entry in entries {
                    let item_path = format!("{path}[{}]", entry.key);
                    let value = if matches!(ty, Ty::StrMap) {
                        match &entry.value.value {
                            Value::Str(s) => Some(Json::String(s.clone())),
                            Value::Null => Some(Json::String(String::new())),
                            _ => {
                                self.mismatch(&entry.value, &item_path, go, "string");
                                None
                            }
                        }
                    } else {
                        self.quantity(&entry.value, &item_path)
                    };
                    if let Some(value) = value {
                        out.insert(entry.key.clone(), value);
                    }
                }
                Some(Json::Object(out))
            }
            Ty::StrList(elem) => {
                let Value::Seq(items) = &node.value else {
                    self.mismatch(node, path, go, &format!("[]{elem}"));
                    return None;
                };
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match &item.value {
                        Value::Str(s) => out.push(Json::String(s.clone())),
                        Value::Null => out.push(Json::String(String::new())),
                        _ => self.mismatch(item, &format!("{path}[{i}]"), go, elem),
                    }
                }
                Some(Json::Array(out))
            }
            Ty::Obj(schema) => match &node.value {
                Value::Map(entries) => Some(self.object(entries, schema, path, go.path)),
                _ => {
                    self.mismatch(node, path, go, &format!("v1.{}", schema.go));
                    None
                }
            },
            Ty::ObjList(schema) => {
                let Value::Seq(items) = &node.value else {
                    self.mismatch(node, path, go, &format!("[]v1.{}", schema.go));
                    return None;
                };
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}[{i}]");
                    match &item.value {
                        Value::Map(entries) => {
                            out.push(self.object(entries, schema, &item_path, go.path))
                        }
                        Value::Null => out.push(Json::Object(Map::new())),
                        _ => self.mismatch(item, &item_path, go, &format!("v1.{}", schema.go)),
                    }
                }
                Some(Json::Array(out))
            }
            Ty::Any => self.any(node, path),
        }
    }

    /// A quantity: a string in the API's grammar, or a number (kept as its JSON text).
    fn quantity(&mut self, node: &Node, path: &str) -> Option<Json> {
        let text = match &node.value {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::UInt(u) => u.to_string(),
            Value::Float(f) if f.is_finite() => json_number_text(*f),
            Value::Null => return None,
            _ => String::new(),
        };
        match quantity::parse(text.trim()) {
            Ok(_) => Some(Json::String(text.trim().to_string())),
            Err(e) => {
                self.type_error(node.pos, path, e.to_string());
                None
            }
        }
    }

    /// Any value, converted as kubectl converts YAML to JSON.
    fn any(&mut self, node: &Node, path: &str) -> Option<Json> {
        Some(match &node.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => Json::from(*i),
            Value::UInt(u) => Json::from(*u),
            Value::Float(f) => match float_json(*f) {
                Some(n) => n,
                None => {
                    self.type_error(
                        node.pos,
                        path,
                        format!("json: unsupported value: {}", json_number_text(*f)),
                    );
                    return None;
                }
            },
            Value::Str(s) => Json::String(s.clone()),
            Value::Seq(items) => Json::Array(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| self.any(item, &format!("{path}[{i}]")))
                    .collect(),
            ),
            Value::Map(entries) => {
                // Inserted one by one: `collect()` would compile a sort for the pairs.
                let mut map = Map::new();
                map.extend(entries.iter().filter_map(|e| {
                    let v = self.any(&e.value, &join(path, &e.key))?;
                    Some((e.key.clone(), v))
                }));
                Json::Object(map)
            }
        })
    }
}

/// An integer value, including floats with no fraction (`3.0` reaches the API as `3`).
fn integer(value: &Value) -> Option<i64> {
    match *value {
        Value::Int(i) => Some(i),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
        _ => None,
    }
}

/// A float as a JSON number, integral ones as integers, as Go's encoder writes them.
fn float_json(f: f64) -> Option<Json> {
    if !f.is_finite() {
        return None;
    }
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        return Some(Json::from(f as i64));
    }
    Number::from_f64(f).map(Json::Number)
}

/// The JSON text Go writes for a float: `3.5`, `3`, `1e+21`, `+Inf`.
fn json_number_text(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    let abs = f.abs();
    if (1e-6..1e21).contains(&abs) {
        super::decimal::positional(f)
    } else {
        let s = super::decimal::exponent_form(f);
        match s.split_once('e') {
            Some((m, e)) if e.starts_with('-') => format!("{m}e-{:0>2}", &e[1..]),
            Some((m, e)) => format!("{m}e+{e:0>2}"),
            None => s,
        }
    }
}

/// The valid field most like a mistyped one: same letters in another case, an edit
/// distance within a third of its length, or one name containing the other.
fn nearest(name: &str, schema: &Struct) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for (field, _) in schema.fields {
        let candidate = field.to_ascii_lowercase();
        let limit = (name.len().max(field.len()) / 3).max(1);
        let distance = if candidate == lower {
            0
        } else if lower.len().abs_diff(candidate.len()) > limit {
            usize::MAX
        } else {
            edit_distance(&lower, &candidate)
        };
        let contains =
            lower.len() >= 4 && (candidate.contains(&lower) || lower.contains(&candidate));
        if distance <= limit || contains {
            let score = if distance <= limit {
                distance
            } else {
                limit + 1
            };
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, field));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
///
/// The table is kept as its last three rows and read through `get`, so no index can
/// panic (and the wasm carries no panic locations for it).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX / 2);
    // Rows i - 2 and i - 1 of the table while row i is filled in.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut last_a: Option<char> = None;
    for (i, &ca) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        let mut last_b: Option<char> = None;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut d = (at(&previous, j + 1) + 1)
                .min(at(&row, j) + 1)
                .min(at(&previous, j) + cost);
            if last_a == Some(cb) && last_b == Some(ca) {
                d = d.min(at(&before, j.wrapping_sub(1)) + 1);
            }
            row.push(d);
            last_b = Some(cb);
        }
        before = std::mem::replace(&mut previous, row);
        last_a = Some(ca);
    }
    at(&previous, b.len())
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    /// The whole table, indexed directly: the textbook form of the distance.
    fn table_distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn edit_distance_matches_the_full_table() {
        let mut words: Vec<&str> = "a ab ba abc acb ca abcd badc replicas replcias rpelicas \
             replica replicass serviceName servicename sevriceName storageClassName \
             storageclassname volumeClaimTemplates 容量 量容"
            .split_whitespace()
            .collect();
        words.push("");
        for &a in &words {
            for &b in &words {
                assert_eq!(edit_distance(a, b), table_distance(a, b), "{a} / {b}");
            }
        }
        assert_eq!(edit_distance("replcias", "replicas"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
        assert_eq!(edit_distance(&"a".repeat(65), "a"), usize::MAX);
    }
}
