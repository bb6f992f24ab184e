//! Bounds: oversized input, alias expansion bombs and runaway nesting are each answered
//! with one diagnostic, and a full-size legitimate manifest still reads whole. How fast
//! each answer comes is measured by `cargo run --release --example bad_input_timings`,
//! not asserted here (a timed test fails on a busy machine, not on a slow parser).

use stsplay::manifest::{self, Code, Manifest, Severity, MAX_INPUT_BYTES};

fn only_error(parsed: &Manifest) -> (Code, usize, usize, &str) {
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    (d.code, d.line, d.column, d.message.as_str())
}

#[test]
fn input_over_one_mebibyte_is_refused_at_once() {
    let text = format!("# {}\n", "x".repeat(MAX_INPUT_BYTES));
    let parsed = manifest::parse(&text);
    assert_eq!(
        only_error(&parsed),
        (
            Code::InputTooLarge,
            1,
            1,
            "the manifest is 1048579 bytes; the playground reads at most 1048576 bytes (1 MiB)"
        )
    );
    assert!(parsed.objects.is_empty());
}

#[test]
fn an_alias_bomb_is_refused() {
    // Each level holds ten aliases of the one before: 10^9 nodes if expanded.
    let mut text = String::from("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..9 {
        let previous = format!("*l{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        text.push_str(&format!("l{level}: &l{level} [{items}]\n"));
    }
    let parsed = manifest::parse(&text);
    let (code, line, column, message) = only_error(&parsed);
    assert_eq!(code, Code::AliasBomb);
    assert_eq!((line, column), (8, 25));
    assert_eq!(
        message,
        "yaml: document contains excessive aliasing (aliases expand to more than 50000 nodes)"
    );
}

#[test]
fn deep_nesting_is_refused_in_flow_and_block_style() {
    let flow = format!("a: {}", "[".repeat(500_000));
    let parsed = manifest::parse(&flow);
    assert_eq!(
        only_error(&parsed),
        (
            Code::NestingTooDeep,
            1,
            68,
            "nesting is deeper than 64 levels"
        )
    );

    let mut block = String::new();
    for depth in 0..200 {
        block.push_str(&format!("{}k{depth}:\n", "  ".repeat(depth)));
    }
    let parsed = manifest::parse(&block);
    assert_eq!(
        only_error(&parsed),
        (
            Code::NestingTooDeep,
            65,
            129,
            "nesting is deeper than 64 levels"
        )
    );
}

#[test]
fn a_bomb_spoils_only_its_own_document() {
    let text = format!(
        "a: &a [{}]\nb: [{}]\n---\napiVersion: v1\nkind: Namespace\nmetadata: {{name: ok}}\n",
        ["x"; 1000].join(","),
        ["*a"; 100].join(",")
    );
    let parsed = manifest::parse(&text);
    assert_eq!(parsed.diagnostics[0].code, Code::AliasBomb);
    assert_eq!(parsed.objects.len(), 1);
    assert_eq!(parsed.objects[0].name(), "ok");
}

#[test]
fn a_full_size_manifest_reads_in_bounded_time() {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < MAX_INPUT_BYTES - 400 {
        text.push_str(&format!(
            "---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv{i}\nspec:\n  capacity: {{storage: 1Gi}}\n  accessModes: [ReadWriteOnce]\n  storageClassName: gsh-pv\n  hostPath: {{path: /tmp/pv{i}}}\n"
        ));
        i += 1;
    }
    let parsed = manifest::parse(&text);
    assert_eq!(parsed.diagnostics, []);
    assert_eq!(parsed.objects.len(), i);
}

#[test]
fn floods_of_problems_stay_linear_and_are_summarised() {
    // About 1 MiB of unknown fields with long names, then of duplicate keys.
    let mut unknown = String::from("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
    let mut i = 0;
    while unknown.len() < MAX_INPUT_BYTES - 100 {
        unknown.push_str(&format!("{}{i}: 1\n", "unknownfieldname".repeat(4)));
        i += 1;
    }
    let parsed = manifest::parse(&unknown);
    assert_eq!(parsed.diagnostics.len(), 101);
    let last = parsed.diagnostics.last().unwrap();
    assert_eq!(last.code, Code::TooManyProblems);
    assert_eq!(
        last.message,
        format!(
            "{} more problems in this document are not shown (at most 100 per document)",
            i - 100
        )
    );

    let mut duplicates =
        String::from("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\nspec:\n");
    while duplicates.len() < MAX_INPUT_BYTES - 100 {
        duplicates.push_str("  finalizers: []\n");
    }
    let parsed = manifest::parse(&duplicates);
    assert_eq!(parsed.diagnostics.len(), 101);
}

#[test]
fn many_statefulsets_with_huge_replica_counts_are_checked_quickly() {
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!(
            "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {{name: s{i}}}\nspec:\n  replicas: 2000000000\n  selector: {{matchLabels: {{app: a}}}}\n  template: {{metadata: {{labels: {{app: a}}}}, spec: {{containers: [{{name: c, image: i}}]}}}}\n  volumeClaimTemplates: [{{metadata: {{name: www}}, spec: {{accessModes: [ReadWriteOnce], resources: {{requests: {{storage: 1Gi}}}}}}}}]\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {{name: pv{i}}}\nspec: {{capacity: {{storage: 1Gi}}, accessModes: [ReadWriteOnce], hostPath: {{path: /x}}, claimRef: {{namespace: default, name: www-s{i}-1999999999}}}}\n"
        ));
    }
    let parsed = manifest::parse(&text);
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| d.code != Code::ClaimRefMissing));
}
