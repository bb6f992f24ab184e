//! Printing and reading back: every object read from a manifest prints with `to_yaml`
//! (as `kubectl get -o yaml` would, keys sorted at every level) and reads back as the same
//! object, before and after defaults, including strings YAML would otherwise take for
//! booleans, numbers, dates or nulls.

use expect_test::expect;
use stsplay::manifest::{self, defaults, model::Object, Code, Severity};

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/static/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn round_trip(object: &Object) {
    let printed = manifest::to_yaml(object);
    let again = manifest::parse(&printed);
    // Alone, an object may draw warnings about the others it refers to; nothing else.
    assert!(
        again
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning
                && !matches!(d.code, Code::UnknownField | Code::TypeMismatch)),
        "{printed}\n{:#?}",
        again.diagnostics
    );
    assert_eq!(again.objects.len(), 1, "{printed}");
    assert_eq!(&again.objects[0], object, "{printed}");
}

#[test]
fn the_examples_round_trip_as_written_and_defaulted() {
    for name in ["web.yaml", "dynamic.yaml"] {
        let parsed = manifest::parse(&example(name));
        assert_eq!(parsed.diagnostics, []);
        for object in &parsed.objects {
            round_trip(object);
            let mut defaulted = object.clone();
            defaults::apply(&mut defaulted);
            round_trip(&defaulted);
        }
    }
}

#[test]
fn ambiguous_strings_are_quoted_so_they_read_back_as_strings() {
    let text = r#"apiVersion: v1
kind: Namespace
metadata:
  name: tricky
  annotations:
    a/yes: "yes"
    a/on: "on"
    a/y: "y"
    a/number: "1.0"
    a/octal: "0755"
    a/hex: "0x1F"
    a/null: "null"
    a/tilde: "~"
    a/empty: ""
    a/date: "2024-05-01"
    a/time: "2024-05-01T10:00:00Z"
    a/sexagesimal: "1:20"
    a/colon: "key: value"
    a/hash: "a #comment"
    a/leading-space: " x"
    a/dash: "- item"
    a/braces: "{json: true}"
    a/quote: "it's"
    a/multiline: "line one\nline two\n"
    a/no-final-newline: "one\ntwo"
    a/tab: "a\tb"
    a/unicode: "存储卷"
    a/merge: "<<"
    a/star: "*alias"
"#;
    let parsed = manifest::parse(text);
    assert_eq!(parsed.diagnostics, []);
    round_trip(&parsed.objects[0]);
    expect![[r#"
        apiVersion: v1
        kind: Namespace
        metadata:
          annotations:
            a/braces: '{json: true}'
            a/colon: 'key: value'
            a/dash: '- item'
            a/date: "2024-05-01"
            a/empty: ""
            a/hash: 'a #comment'
            a/hex: "0x1F"
            a/leading-space: ' x'
            a/merge: "<<"
            a/multiline: |
              line one
              line two
            a/no-final-newline: |-
              one
              two
            a/null: "null"
            a/number: "1.0"
            a/octal: "0755"
            a/on: "on"
            a/quote: it's
            a/sexagesimal: "1:20"
            a/star: '*alias'
            a/tab: "a\tb"
            a/tilde: "~"
            a/time: "2024-05-01T10:00:00Z"
            a/unicode: 存储卷
            a/y: "y"
            a/yes: "yes"
          name: tricky
    "#]]
    .assert_eq(&manifest::to_yaml(&parsed.objects[0]));
}

#[test]
fn kept_fields_of_every_shape_round_trip() {
    let text = "apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {app: x}
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: web, uid: u1, controller: true}]
spec:
  nodeName: node-1
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: zone, operator: In, values: [a, b]}]
  tolerations: []
  containers:
  - name: c
    image: busybox
    command: [sh, -c, 'echo hi; sleep 3600']
    env: [{name: RATIO, value: \"0.5\"}, {name: EMPTY}]
    resources: {limits: {cpu: 500m, memory: 128Mi}}
    readinessProbe: {exec: {command: [cat, /tmp/ready]}, initialDelaySeconds: 5}
  - name: d
    image: busybox
    args: ['--flag=1', 'x y']
status:
  phase: Running
  podIP: 10.244.0.5
  conditions: [{type: Ready, status: \"True\"}]
";
    let parsed = manifest::parse(text);
    assert_eq!(parsed.diagnostics, []);
    round_trip(&parsed.objects[0]);
}

/// A double-quoted YAML scalar with everything but printable ASCII escaped.
fn yaml_escaped(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => out.push_str(&format!("\\{c}")),
            ' '..='~' => out.push(c),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

#[test]
fn unusual_strings_and_keys_round_trip() {
    let values = [
        "a\n\n\n",
        "\n\nleading newlines",
        "trailing spaces  \nnext",
        "  indented\nblock",
        "no\u{a0}break",
        "line\u{2028}separator",
        "nel\u{85}x",
        "bom\u{feff}",
        "emoji 😀",
        "1:20:30",
        "-",
        "? x",
        "a: b: c",
        "#",
        "x #y",
        "'quoted'",
        "\"double\"",
        "back\\slash",
        "tab\tin",
        "\u{7}bell",
    ];
    let mut text =
        String::from("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  annotations:\n");
    for (i, v) in values.iter().enumerate() {
        text.push_str(&format!("    k{i}: {}\n", yaml_escaped(v)));
    }
    let long_key = format!("example.com/{}", "k".repeat(50));
    text.push_str(&format!("  labels: {{\"{long_key}\": v}}\n"));
    let parsed = manifest::parse(&text);
    assert!(!parsed.objects.is_empty(), "{:#?}", parsed.diagnostics);
    round_trip(&parsed.objects[0]);
    let annotations = &parsed.objects[0].meta().annotations;
    for (i, v) in values.iter().enumerate() {
        assert_eq!(annotations[&format!("k{i}")], *v);
    }

    // A key longer than YAML's 1024-character limit for implicit keys (and invalid as an
    // annotation key, which the API server would refuse) still prints and reads back.
    let mut object = parsed.objects[0].clone();
    object
        .meta_mut()
        .annotations
        .insert("x".repeat(1500), "long".into());
    let printed = manifest::to_yaml(&object);
    assert_eq!(manifest::parse(&printed).objects, [object], "{printed}");
}
