//! Bad input through `kubectl apply`: malformed YAML, binary data, a manifest over 1 MiB,
//! an alias bomb, 10,000 replicas, names at every length limit and one over, unicode and
//! right-to-left text. Each gets the API server's (or the YAML reader's) message at the
//! right line, column and field path, and the simulation keeps working: a valid apply
//! afterwards creates the tutorial's StatefulSet and settles. Timings are in
//! `examples/bad_input_timings.rs`.

use expect_test::{expect, Expect};
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::engine::statefulset::is_running_and_ready;
use stsplay::manifest::MAX_INPUT_BYTES;
use stsplay::present::shell;

const WEB: &str = include_str!("../static/examples/web.yaml");

/// Applies `text` as `bad.yaml`, settles, then applies the tutorial and checks that it
/// comes up; returns the first apply's output and exit code.
fn apply_then_recover(text: &str) -> String {
    let mut sim = Simulation::new(1);
    let printed = shell::run(&mut sim, "kubectl apply -f bad.yaml", &|_| {
        Ok(text.to_string())
    });
    assert_eq!(sim.settle(), Settle::Settled, "after the bad input");
    let again = shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| {
        Ok(WEB.to_string())
    });
    assert_eq!(
        again.exit_code, 0,
        "the valid apply failed: {}",
        again.output
    );
    assert_eq!(sim.settle(), Settle::Settled, "after the valid apply");
    let ready = sim
        .world()
        .pods()
        .filter(|p| p.metadata.name.starts_with("web-") && is_running_and_ready(p))
        .count();
    assert_eq!(ready, 3, "the tutorial's pods after the bad input");
    format!("{}(exit code {})\n", printed.output, printed.exit_code)
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&apply_then_recover(text));
}

/// The tutorial's StatefulSet alone, with `name` and extra metadata lines; its claims
/// ask for a class of their own, so they never take the tutorial's volumes.
fn set_named(name: &str, metadata: &str) -> String {
    let set = &WEB[WEB.find("apiVersion: apps/v1").unwrap_or(0)..];
    set.replacen("  name: web\n", &format!("  name: {name}\n{metadata}"), 1)
        .replace("storageClassName: gsh-pv", "storageClassName: elsewhere")
}

fn volume_named(name: &str) -> String {
    format!("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: {name}\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /tmp/x\n")
}

#[test]
fn malformed_yaml_names_line_and_column() {
    check(
        "kind: StatefulSet\nspec: [\n",
        expect![[r#"
            error: bad.yaml:3:1: yaml: line 2: did not find expected node content
            (exit code 1)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n   bad: indent\n",
        expect![[r#"
            error: bad.yaml:5:7: yaml: line 5: mapping values are not allowed in this context
            (exit code 1)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nmetadata: {name: \"open\n",
        expect![[r#"
        error: bad.yaml:4:1: yaml: line 4: found unexpected end of stream
        (exit code 1)
    "#]],
    );
}

#[test]
fn binary_data_is_refused_without_panicking() {
    let bytes: Vec<u8> = (0u16..512).map(|i| (i * 37 % 256) as u8).collect();
    check(
        &String::from_utf8_lossy(&bytes),
        expect![[r#"
            error: bad.yaml:1:1: yaml: line 1: control characters are not allowed (found U+0000)
            (exit code 1)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\u{0}b\n",
        expect![[r#"
            error: bad.yaml:4:10: yaml: line 4: control characters are not allowed (found U+0000)
            (exit code 1)
        "#]],
    );
    // Other forbidden characters, in a later document, after multi-byte text (columns count
    // characters) and after a tab (allowed); the document before is still applied.
    check(
        &format!(
            "{}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  labels: {{é: \"x\t\u{7}\"}}\n",
            volume_named("kept")
        ),
        expect![[r#"
            error: bad.yaml:16:18: yaml: line 16: control characters are not allowed (found U+0007)
            persistentvolume/kept created
            (exit code 1)
        "#]],
    );
    check(
        "# DEL\napiVersion: v1\r\nkind: Service\u{7f}\n",
        expect![[r#"
            error: bad.yaml:3:14: yaml: line 3: control characters are not allowed (found U+007F)
            (exit code 1)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: \"c\u{85}d\u{9f}\"\n",
        expect![[r#"
            error: bad.yaml:4:13: yaml: line 4: control characters are not allowed (found U+009F)
            (exit code 1)
        "#]],
    );
}

#[test]
fn a_manifest_over_one_mebibyte_is_refused_whole() {
    let mut big = volume_named("big");
    big.push('#');
    big.push_str(&"x".repeat(MAX_INPUT_BYTES));
    big.push('\n');
    check(
        &big,
        expect![[r#"
        error: bad.yaml:1:1: the manifest is 1048733 bytes; the playground reads at most 1048576 bytes (1 MiB)
        (exit code 1)
    "#]],
    );
}

#[test]
fn a_manifest_just_under_one_mebibyte_is_read() {
    let mut text = volume_named("padded");
    let room = MAX_INPUT_BYTES - text.len() - 2;
    text.push('#');
    text.push_str(&"x".repeat(room));
    text.push('\n');
    assert!(text.len() <= MAX_INPUT_BYTES);
    check(
        &text,
        expect![[r#"
        persistentvolume/padded created
        (exit code 0)
    "#]],
    );
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let items = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    check(
        &text,
        expect![[r#"
        error: bad.yaml:5:23: yaml: document contains excessive aliasing (aliases expand to more than 50000 nodes)
        (exit code 1)
    "#]],
    );
}

#[test]
fn ten_thousand_replicas_are_accepted_and_a_thousand_pods_simulated() {
    let mut sim = Simulation::new(1);
    let text = WEB.replace("replicas: 3", "replicas: 10000");
    let printed = shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| Ok(text.clone()));
    expect![[r#"
        persistentvolume/pv1 created
        persistentvolume/pv2 created
        persistentvolume/pv3 created
        service/nginx created
        statefulset.apps/web created
        Note (playground): StatefulSet web asks for 10000 replicas; the playground simulates at most 1000 pods per StatefulSet, so only web-0 to web-999 are created here.
    "#]].assert_eq(&printed.output);
    assert_eq!(sim.settle(), Settle::Settled);
    let scaled = shell::run(&mut sim, "kubectl scale sts web --replicas=20000", &|_| {
        Err("no file".into())
    });
    expect![[r#"
        statefulset.apps/web scaled
        Note (playground): StatefulSet web asks for 20000 replicas; the playground simulates at most 1000 pods per StatefulSet, so only web-0 to web-999 are created here.
    "#]].assert_eq(&scaled.output);
    assert_eq!(sim.settle(), Settle::Settled);
    // Three static volumes: web-3 waits for a claim that cannot bind.
    let get = shell::run(&mut sim, "kubectl get sts", &|_| Err("no file".into()));
    expect![[r#"
        NAME   READY     AGE
        web    3/20000   12s
    "#]]
    .assert_eq(&get.output);
}

#[test]
fn names_at_the_length_limits() {
    // A PersistentVolume name is a DNS-1123 subdomain: 253 characters, in labels of 63.
    let label63 = "a".repeat(63);
    let subdomain253 = format!("{label63}.{label63}.{label63}.{}", "a".repeat(61));
    assert_eq!(subdomain253.len(), 253);
    check(
        &volume_named(&subdomain253),
        expect![[r#"
        persistentvolume/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa created
        (exit code 0)
    "#]],
    );
    check(
        &volume_named(&format!("{subdomain253}a")),
        expect![[r#"
        error: bad.yaml:4:3: PersistentVolume "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is invalid: metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 253 characters
        The PersistentVolume "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is invalid: metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 253 characters
        (exit code 1)
    "#]],
    );
    // A label within a subdomain name is at most 63 characters too.
    check(
        &volume_named(&format!("{label63}a.b")),
        expect![[r#"
        persistentvolume/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b created
        (exit code 0)
    "#]],
    );
}

#[test]
fn statefulset_names_and_the_pod_labels_they_make() {
    // The set's name is a DNS-1123 label (63). Its pods carry
    // controller-revision-hash: <name>-<hash> (a label value, at most 63), so at 53
    // characters the API server accepts the set but rejects every pod (FailedCreate).
    let mut sim = Simulation::new(1);
    let name52 = "s".repeat(52);
    let name53 = "t".repeat(53);
    let text = format!("{}---\n{}", set_named(&name52, ""), set_named(&name53, ""));
    let printed = shell::run(
        &mut sim,
        "kubectl apply -f sets.yaml",
        &|_| Ok(text.clone()),
    );
    expect![[r#"
        statefulset.apps/ssssssssssssssssssssssssssssssssssssssssssssssssssss created
        statefulset.apps/ttttttttttttttttttttttttttttttttttttttttttttttttttttt created
    "#]]
    .assert_eq(&printed.output);
    assert_eq!(sim.settle(), Settle::Settled);
    let pods: Vec<String> = sim
        .world()
        .pods()
        .map(|p| format!("{} {}", p.metadata.name.len(), p.metadata.name))
        .collect();
    expect!["54 ssssssssssssssssssssssssssssssssssssssssssssssssssss-0"]
        .assert_eq(&pods.join("\n"));
    let failed: Vec<String> = sim
        .steps()
        .iter()
        .filter_map(|s| s.event.as_ref())
        .filter(|e| e.reason == "FailedCreate")
        .map(|e| e.message.clone())
        .collect();
    expect![[r#"create Pod ttttttttttttttttttttttttttttttttttttttttttttttttttttt-0 in StatefulSet ttttttttttttttttttttttttttttttttttttttttttttttttttttt failed error: Pod "ttttttttttttttttttttttttttttttttttttttttttttttttttttt-0" is invalid: metadata.labels: Invalid value: "ttttttttttttttttttttttttttttttttttttttttttttttttttttt-7666774fc8": must be no more than 63 characters"#]].assert_eq(&failed.join("\n"));
    check(
        &set_named(&"u".repeat(63), ""),
        expect![[r#"
        statefulset.apps/uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu created
        (exit code 0)
    "#]],
    );
    check(
        &set_named(&"v".repeat(64), ""),
        expect![[r#"
        error: bad.yaml:4:3: StatefulSet.apps "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" is invalid: metadata.name: Invalid value: "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv": must be no more than 63 characters
        The StatefulSet "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv" is invalid: metadata.name: Invalid value: "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv": must be no more than 63 characters
        (exit code 1)
    "#]],
    );
}

#[test]
fn label_keys_and_values_at_their_limits() {
    let value63 = "v".repeat(63);
    check(
        &set_named("app", &format!("  labels:\n    team: {value63}\n")),
        expect![[r#"
            statefulset.apps/app created
            (exit code 0)
        "#]],
    );
    check(
        &set_named("app", &format!("  labels:\n    team: {value63}v\n")),
        expect![[r#"
            error: bad.yaml:5:3: StatefulSet.apps "app" is invalid: metadata.labels: Invalid value: "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv": must be no more than 63 characters
            The StatefulSet "app" is invalid: metadata.labels: Invalid value: "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv": must be no more than 63 characters
            (exit code 1)
        "#]],
    );
    let key63 = "k".repeat(63);
    check(
        &set_named("app", &format!("  labels:\n    example.com/{key63}: x\n")),
        expect![[r#"
            statefulset.apps/app created
            (exit code 0)
        "#]],
    );
    check(
        &set_named("app", &format!("  labels:\n    example.com/{key63}k: x\n")),
        expect![[r#"
            error: bad.yaml:5:3: StatefulSet.apps "app" is invalid: metadata.labels: Invalid value: "example.com/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": name part must be no more than 63 characters
            The StatefulSet "app" is invalid: metadata.labels: Invalid value: "example.com/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": name part must be no more than 63 characters
            (exit code 1)
        "#]],
    );
}

#[test]
fn unicode_and_right_to_left_text() {
    // Names and label values are ASCII by their grammar; annotation values are any text.
    check(
        &set_named("wéb", ""),
        expect![[r#"
            error: bad.yaml:4:3: StatefulSet.apps "wéb" is invalid: metadata.name: Invalid value: "wéb": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            The StatefulSet "wéb" is invalid: metadata.name: Invalid value: "wéb": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            (exit code 1)
        "#]],
    );
    check(
        &set_named("\"\u{202e}bew\"", ""),
        expect![[r#"
        error: bad.yaml:4:3: StatefulSet.apps "\u202ebew" is invalid: metadata.name: Invalid value: "\u202ebew": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
        The StatefulSet "\u202ebew" is invalid: metadata.name: Invalid value: "\u202ebew": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
        (exit code 1)
    "#]],
    );
    check(
        &set_named("app", "  labels:\n    team: שלום\n"),
        expect![[r#"
            error: bad.yaml:5:3: StatefulSet.apps "app" is invalid: metadata.labels: Invalid value: "שלום": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
            The StatefulSet "app" is invalid: metadata.labels: Invalid value: "שלום": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
            (exit code 1)
        "#]],
    );
    check(
        &set_named("app", "  labels:\n    צוות: a\n"),
        expect![[r#"
            error: bad.yaml:5:3: StatefulSet.apps "app" is invalid: metadata.labels: Invalid value: "צוות": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            The StatefulSet "app" is invalid: metadata.labels: Invalid value: "צוות": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            (exit code 1)
        "#]],
    );
    check(
        &set_named(
            "app",
            "  annotations:\n    note: \"שלום \u{202e}עולם مرحبا 你好\"\n",
        ),
        expect![[r#"
            statefulset.apps/app created
            (exit code 0)
        "#]],
    );
}

#[test]
fn a_file_of_more_than_five_hundred_objects_is_refused() {
    let volumes = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{}---\n", volume_named(&format!("pv-{i}"))))
            .collect()
    };
    let answer = apply_then_recover(&volumes(501));
    expect![[r#"
        error: bad.yaml: 501 objects; the playground applies at most 500 objects from one file, so nothing was applied
        (exit code 1)
    "#]].assert_eq(&answer);
    let accepted = apply_then_recover(&volumes(500));
    assert!(accepted.ends_with("persistentvolume/pv-499 created\n(exit code 0)\n"));
}
