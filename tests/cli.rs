//! The `stsplay` command line as other tools run it: the transcript, `--json`, `--seed`,
//! standard input, and the exit codes (0 loaded, 1 a file had errors, 2 bad arguments).

use std::io::Write;
use std::process::{Command, Stdio};

fn stsplay(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stsplay"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("stsplay runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("stsplay finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn transcript_of_files_and_commands() {
    let (code, out, err) = stsplay(
        &[
            "tests/scenarios/web.yaml",
            "--cmd",
            "kubectl get pods",
            "--cmd",
            "kubectl get pvc -o name",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    expect_test::expect![[r#"
        $ kubectl apply -f tests/scenarios/web.yaml
        persistentvolume/pv1 created
        persistentvolume/pv2 created
        persistentvolume/pv3 created
        service/nginx created
        statefulset.apps/web created
        $ kubectl get pods
        NAME    READY   STATUS    RESTARTS   AGE
        web-0   1/1     Running   0          12s
        web-1   1/1     Running   0          8s
        web-2   1/1     Running   0          4s
        $ kubectl get pvc -o name
        persistentvolumeclaim/www-web-0
        persistentvolumeclaim/www-web-1
        persistentvolumeclaim/www-web-2
    "#]]
    .assert_eq(&out);
}

#[test]
fn json_output_carries_real_objects() {
    let (code, out, _) = stsplay(
        &[
            "tests/scenarios/web.yaml",
            "--json",
            "--cmd",
            "kubectl get pod web-0 -o json",
            "--cmd",
            "kubectl get pod web-9",
        ],
        None,
    );
    assert_eq!(code, 0);
    let items: serde_json::Value = serde_json::from_str(&out).expect("one JSON array");
    let items = items.as_array().expect("array");
    assert_eq!(items.len(), 3);
    assert_eq!(items[1]["command"], "kubectl get pod web-0 -o json");
    assert_eq!(items[1]["exit_code"], 0);
    let pod: serde_json::Value =
        serde_json::from_str(items[1]["output"].as_str().unwrap_or("")).expect("a pod as JSON");
    assert_eq!(pod["apiVersion"], "v1");
    assert_eq!(pod["kind"], "Pod");
    assert_eq!(pod["metadata"]["name"], "web-0");
    assert_eq!(pod["spec"]["hostname"], "web-0");
    assert_eq!(pod["spec"]["subdomain"], "nginx");
    assert_eq!(pod["status"]["phase"], "Running");
    assert_eq!(items[2]["exit_code"], 1);
    assert_eq!(
        items[2]["output"],
        "Error from server (NotFound): pods \"web-9\" not found\n"
    );
}

#[test]
fn standard_input_and_seed() {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/scenarios/web.yaml"
    ))
    .unwrap_or_default();
    let (a_code, a, _) = stsplay(
        &[
            "-",
            "--seed",
            "42",
            "--cmd",
            "kubectl get pods -o jsonpath={.items[*].metadata.uid}",
        ],
        Some(&yaml),
    );
    let (_, b, _) = stsplay(
        &[
            "-",
            "--seed",
            "42",
            "--cmd",
            "kubectl get pods -o jsonpath={.items[*].metadata.uid}",
        ],
        Some(&yaml),
    );
    let (_, c, _) = stsplay(
        &[
            "-",
            "--seed",
            "43",
            "--cmd",
            "kubectl get pods -o jsonpath={.items[*].metadata.uid}",
        ],
        Some(&yaml),
    );
    assert_eq!(a_code, 0);
    assert_eq!(a, b, "the same seed gives the same run");
    assert_ne!(a, c, "another seed gives other uids");
}

#[test]
fn a_file_with_errors_exits_1_with_positions_on_stderr() {
    let (code, out, err) = stsplay(&["tests/scenarios/broken.yaml"], None);
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("tests/scenarios/broken.yaml:6:3: warning: spec.replica: unknown field \"replica\"; did you mean \"replicas\"?"), "{err}");
    assert!(
        err.contains("tests/scenarios/broken.yaml:")
            && err.contains("`selector` does not match template `labels`"),
        "{err}"
    );
}

#[test]
fn bad_arguments_exit_2() {
    let (code, _, err) = stsplay(&["--frobnicate"], None);
    assert_eq!(code, 2);
    assert!(err.contains("unknown option: --frobnicate"), "{err}");
    let (code, _, _) = stsplay(&["--seed", "many"], None);
    assert_eq!(code, 2);
    let (code, _, err) = stsplay(&["no/such/file.yaml"], None);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn commands_are_split_like_a_shell() {
    let (code, out, _) = stsplay(
        &[
            "tests/scenarios/web.yaml",
            "--cmd",
            r#"kubectl patch statefulset web -p "{\"spec\": {\"replicas\": 1}}""#,
            "--cmd",
            "kubectl get pods -o name",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("statefulset.apps/web patched\n$ kubectl get pods -o name\npod/web-0\n"),
        "{out}"
    );
}
