//! The machine-readable forms of `kubectl get`: `-o name`, `-o yaml` and `-o json`,
//! including the `List` wrapper kubectl builds around several objects.
//! YAML text itself comes from `manifest::to_yaml`; JSON is printed here the way Go's
//! `json.MarshalIndent(obj, "", "    ")` prints it.

use super::get::group_kind;
use crate::json::Value;
use crate::manifest::json::ToJson;
use crate::manifest::model::Object;
use crate::manifest::to_yaml;

/// `kind.group/name` as `kubectl get -o name` prints an object.
/// Upstream: k8s.io/cli-runtime pkg/printers/name.go printObj
pub fn resource_name(object: &Object) -> String {
    let kind = object.kind();
    let name = if object.name().is_empty() {
        "<unknown>"
    } else {
        object.name()
    };
    format!("{}/{name}", group_kind(kind.api_version(), kind.name()))
}

/// The object as JSON, with `apiVersion` and `kind` filled from its kind when empty.
pub fn to_value(object: &Object) -> Value {
    let mut value = object.to_json();
    if let Some(map) = value.as_object_mut() {
        let kind = object.kind();
        let empty = |v: Option<&Value>| v.and_then(Value::as_str).is_none_or(str::is_empty);
        if empty(map.get("apiVersion")) {
            map.insert("apiVersion".into(), Value::from(kind.api_version()));
        }
        if empty(map.get("kind")) {
            map.insert("kind".into(), Value::from(kind.name()));
        }
    }
    value
}

/// `kubectl get -o json`: the object itself when exactly one was named, else a `List`.
/// Upstream: k8s.io/kubectl pkg/cmd/get/get.go printGeneric; k8s.io/cli-runtime pkg/printers/json.go
pub fn json(objects: &[&Object], single_item: bool) -> String {
    let value = match objects {
        [one] if single_item => to_value(one),
        _ => {
            let mut list = crate::json::Map::new();
            list.insert("apiVersion".into(), Value::from("v1"));
            list.insert(
                "items".into(),
                Value::Array(objects.iter().map(|o| to_value(o)).collect()),
            );
            list.insert("kind".into(), Value::from("List"));
            let mut meta = crate::json::Map::new();
            meta.insert("resourceVersion".into(), Value::from(""));
            list.insert("metadata".into(), Value::Object(meta));
            Value::Object(list)
        }
    };
    let mut out = String::new();
    write_json(&value, 0, &mut out);
    out.push('\n');
    out
}

/// `kubectl get -o yaml`: the object itself when exactly one was named, else a `List`
/// whose items are the objects' YAML nested under `items:`.
pub fn yaml(objects: &[&Object], single_item: bool) -> String {
    if let [one] = objects {
        if single_item {
            return to_yaml(one);
        }
    }
    let mut out = String::from("apiVersion: v1\n");
    if objects.is_empty() {
        out.push_str("items: []\n");
    } else {
        out.push_str("items:\n");
        for object in objects {
            let text = to_yaml(object);
            let text = text.strip_prefix("---\n").unwrap_or(&text);
            for (i, line) in text.lines().enumerate() {
                let prefix = if i == 0 { "- " } else { "  " };
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str(prefix);
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out.push_str("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    out
}

/// Pretty-prints JSON as Go's `json.MarshalIndent` with a four-space indent: keys in
/// order, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c` and so on.
pub fn write_json(value: &Value, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("    ");
        }
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => crate::json::write_string(s, true, out),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_json(item, depth + 1, out);
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                crate::json::write_string(key, true, out);
                out.push_str(": ");
                write_json(item, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}
