//! kubectl's `-o jsonpath=TEMPLATE` over an object's JSON: `{.a.b}`, indexes and `[*]`,
//! filters `[?(@.type=="Ready")]`, `{range …}{…}{end}`, quoted literals such as `{"\n"}`,
//! and plain text between the braces. Several results of one expression print separated
//! by spaces, as kubectl prints them.
//!
//! Upstream: k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go)

use crate::json::Value;

/// One piece of a template.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Text(String),
    Path(Vec<Step>),
    Range(Vec<Step>, Vec<Node>),
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Field(String),
    /// `..name`: every field of that name at any depth.
    Recursive(String),
    Index(i64),
    All,
    Filter {
        path: Vec<String>,
        op: FilterOp,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum FilterOp {
    Exists,
    Eq(String),
    Ne(String),
}

/// Bound on template length and nesting, so no input can make evaluation slow.
const MAX_TEMPLATE: usize = 4096;
const MAX_DEPTH: usize = 16;

/// Evaluates `template` against `value`, or says why the template is invalid.
pub fn eval(template: &str, value: &Value) -> Result<String, String> {
    if template.len() > MAX_TEMPLATE {
        return Err("error parsing jsonpath: template too long".into());
    }
    let (nodes, rest) = parse(template, 0)?;
    if !rest.is_empty() {
        return Err(format!(
            "error parsing jsonpath {template}, not in range, nothing to end"
        ));
    }
    let mut out = String::new();
    render(&nodes, value, &mut out)?;
    Ok(out)
}

/// Parses nodes until the end of the text or an `{end}`; returns the nodes and what follows.
fn parse(text: &str, depth: usize) -> Result<(Vec<Node>, &str), String> {
    if depth > MAX_DEPTH {
        return Err("error parsing jsonpath: ranges nested too deep".into());
    }
    let mut nodes = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(open) = rest.find('{') else {
            nodes.push(Node::Text(rest.to_string()));
            rest = "";
            break;
        };
        let (before, brace) = cut(rest, open);
        if open > 0 {
            nodes.push(Node::Text(before.to_string()));
        }
        let after = brace.get(1..).unwrap_or("");
        let close = closing_brace(after)
            .ok_or_else(|| format!("error parsing jsonpath {text}, unclosed action"))?;
        let (inner, brace) = cut(after, close);
        let inner = inner.trim();
        rest = brace.get(1..).unwrap_or("");
        if inner == "end" {
            if depth == 0 {
                return Err(format!(
                    "error parsing jsonpath {text}, not in range, nothing to end"
                ));
            }
            return Ok((nodes, rest));
        }
        if let Some(path) = inner.strip_prefix("range") {
            let steps = parse_path(path.trim())?;
            let (body, after_end) = parse(rest, depth + 1)?;
            nodes.push(Node::Range(steps, body));
            rest = after_end;
            continue;
        }
        if let Some(literal) = quoted(inner) {
            nodes.push(Node::Text(literal));
            continue;
        }
        nodes.push(Node::Path(parse_path(inner)?));
    }
    if depth > 0 {
        return Err("error parsing jsonpath: range without end".into());
    }
    Ok((nodes, rest))
}

/// Finds the `}` that closes an action, skipping quoted text.
fn closing_brace(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '}') => return Some(i),
            _ => {}
        }
        escaped = false;
    }
    None
}

/// `text` split at byte `at`, a boundary found by a search (the whole text and nothing
/// if it were not one): slicing that cannot panic leaves no panic location in the wasm.
fn cut(text: &str, at: usize) -> (&str, &str) {
    text.split_at_checked(at).unwrap_or((text, ""))
}

/// A quoted literal (`"\n"`, `'x'`) with its escapes resolved.
fn quoted(inner: &str) -> Option<String> {
    let q = inner.chars().next()?;
    if (q != '"' && q != '\'') || inner.len() < 2 || !inner.ends_with(q) {
        return None;
    }
    let body = inner.get(1..inner.len() - 1)?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn parse_path(path: &str) -> Result<Vec<Step>, String> {
    let bad = || format!("error parsing jsonpath {{{path}}}: unrecognized identifier");
    let mut steps = Vec::new();
    let mut rest = path.strip_prefix('$').unwrap_or(path);
    if rest == "." || rest == "@" {
        return Ok(steps);
    }
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("..") {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let (name, tail) = cut(r, end);
            steps.push(Step::Recursive(name.to_string()));
            rest = tail;
        } else if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let (name, tail) = cut(r, end);
            if name.is_empty() {
                return Err(bad());
            }
            steps.push(Step::Field(name.to_string()));
            rest = tail;
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(bad)?;
            let (inside, bracket) = cut(r, end);
            let inside = inside.trim();
            rest = bracket.get(1..).unwrap_or("");
            if inside == "*" {
                steps.push(Step::All);
            } else if let Some(filter) = inside.strip_prefix("?(").and_then(|f| f.strip_suffix(')'))
            {
                steps.push(parse_filter(filter).ok_or_else(bad)?);
            } else if let Some(name) = quoted(inside) {
                steps.push(Step::Field(name));
            } else {
                steps.push(Step::Index(inside.parse().map_err(|_| bad())?));
            }
        } else {
            return Err(bad());
        }
    }
    Ok(steps)
}

fn parse_filter(filter: &str) -> Option<Step> {
    let field_path = |p: &str| -> Option<Vec<String>> {
        let p = p.trim().strip_prefix("@.")?;
        Some(p.split('.').map(str::to_string).collect())
    };
    for (token, make) in [
        ("==", FilterOp::Eq as fn(String) -> FilterOp),
        ("!=", FilterOp::Ne),
    ] {
        if let Some((left, right)) = filter.split_once(token) {
            let right = right.trim();
            let value = quoted(right).unwrap_or_else(|| right.to_string());
            return Some(Step::Filter {
                path: field_path(left)?,
                op: make(value),
            });
        }
    }
    Some(Step::Filter {
        path: field_path(filter)?,
        op: FilterOp::Exists,
    })
}

fn lookup<'a>(value: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, key| v.get(key))
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn collect_recursive<'a>(value: &'a Value, name: &str, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 64 {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(v) = map.get(name) {
                out.push(v);
            }
            for v in map.values() {
                collect_recursive(v, name, out, depth + 1);
            }
        }
        Value::Array(items) => {
            for v in items {
                collect_recursive(v, name, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Every value a path selects from `value`.
fn select<'a>(steps: &[Step], value: &'a Value) -> Result<Vec<&'a Value>, String> {
    let mut current = vec![value];
    for step in steps {
        let mut next = Vec::new();
        for v in current {
            match step {
                Step::Field(name) => {
                    if let Some(found) = v.get(name) {
                        next.push(found);
                    } else if v.is_object() {
                        return Err(format!("{name} is not found"));
                    }
                }
                Step::Recursive(name) => collect_recursive(v, name, &mut next, 0),
                Step::Index(i) => {
                    let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
                    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
                    let at = if *i < 0 { len.saturating_add(*i) } else { *i };
                    match usize::try_from(at).ok().and_then(|a| items.get(a)) {
                        Some(found) => next.push(found),
                        None => return Err("array index out of bounds".into()),
                    }
                }
                Step::All => match v {
                    Value::Array(items) => next.extend(items.iter()),
                    Value::Object(map) => next.extend(map.values()),
                    _ => {}
                },
                Step::Filter { path, op } => {
                    for item in v.as_array().map(Vec::as_slice).unwrap_or_default() {
                        let field = lookup(item, path);
                        let keep = match op {
                            FilterOp::Exists => field.is_some(),
                            FilterOp::Eq(want) => field.is_some_and(|f| scalar(f) == *want),
                            FilterOp::Ne(want) => field.is_some_and(|f| scalar(f) != *want),
                        };
                        if keep {
                            next.push(item);
                        }
                    }
                }
            }
        }
        current = next;
    }
    Ok(current)
}

fn render(nodes: &[Node], value: &Value, out: &mut String) -> Result<(), String> {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Path(steps) => {
                let found = select(steps, value)?;
                let texts: Vec<String> = found
                    .into_iter()
                    .map(|v| match v {
                        Value::Object(_) | Value::Array(_) => v.to_string(),
                        other => scalar(other),
                    })
                    .collect();
                out.push_str(&texts.join(" "));
            }
            Node::Range(steps, body) => {
                for item in select(steps, value)? {
                    render(body, item, out)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;

    fn pods() -> Value {
        json!({
            "apiVersion": "v1",
            "kind": "List",
            "items": [
                {"metadata": {"name": "web-0"}, "spec": {"containers": [{"image": "nginx:1.25"}]},
                 "status": {"conditions": [{"type": "Ready", "status": "True"}]}},
                {"metadata": {"name": "web-1"}, "spec": {"containers": [{"image": "nginx:1.24"}]},
                 "status": {"conditions": [{"type": "Ready", "status": "False"}]}}
            ]
        })
    }

    #[test]
    fn kubectl_templates() {
        let cases = [
            ("{.items[0].metadata.name}", "web-0"),
            ("{.items[*].metadata.name}", "web-0 web-1"),
            ("{.items[-1].spec.containers[0].image}", "nginx:1.24"),
            ("{range .items[*]}{.metadata.name}{\"\\n\"}{end}", "web-0\nweb-1\n"),
            ("{.items[?(@.metadata.name==\"web-1\")].status.conditions[?(@.type==\"Ready\")].status}", "False"),
            ("names: {..name}", "names: web-0 web-1"),
            ("{.kind}", "List"),
            ("{.items[0].metadata}", "{\"name\":\"web-0\"}"),
        ];
        for (template, want) in cases {
            assert_eq!(eval(template, &pods()).as_deref(), Ok(want), "{template}");
        }
    }

    #[test]
    fn errors_are_kubectls() {
        assert_eq!(eval("{.nope}", &pods()), Err("nope is not found".into()));
        assert_eq!(
            eval("{.items[5]}", &pods()),
            Err("array index out of bounds".into())
        );
        assert!(eval("{.items", &pods())
            .unwrap_err()
            .contains("unclosed action"));
        assert!(eval("{end}", &pods())
            .unwrap_err()
            .contains("nothing to end"));
        assert!(eval("{range .items[*]}", &pods()).is_err());
        assert!(eval(&"{range .items[*]}".repeat(40), &pods()).is_err());
    }
}
