//! The smaller kubectl views: AGE formatting (`HumanDuration`, §6.1 and §7.4 case 152),
//! `rollout status` (§6.12, §7.4 cases 145–146), `rollout history`, and the tab writer
//! every table goes through.

use expect_test::{expect, Expect};
use serde_json::json;
use stsplay::manifest::model::*;
use stsplay::present::kubectl::{self, format};
use stsplay::present::table::{tabwrite, Column, Table, Width, DESCRIBE, GET_TABLE};

#[test]
fn human_duration_table() {
    let cases: &[(&str, i64)] = &[
        ("3 s in the future", -3_000),
        ("2 s in the future", -2_000),
        ("1.5 s in the future", -1_500),
        ("1 s in the future", -1_000),
        ("now", 0),
        ("45 s", 45_000),
        ("119 s", 119_000),
        ("120 s", 120_000),
        ("125 s", 125_000),
        ("9 min 59 s", 599_000),
        ("10 min 30 s", 630_000),
        ("2 h 59 min", 10_740_000),
        ("3 h", 10_800_000),
        ("3 h 10 min", 11_400_000),
        ("8 h 30 min", 30_600_000),
        ("47 h", 169_200_000),
        ("50 h", 180_000_000),
        ("3 days", 259_200_000),
        ("8 days", 691_200_000),
        ("10 days", 864_000_000),
        ("729 days", 62_985_600_000),
        ("2 years", 63_072_000_000),
        ("3 years 5 days", 95_040_000_000),
        ("8 years", 252_288_000_000),
        ("far future", i64::MIN),
        ("far past", i64::MAX),
    ];
    let text: String = cases
        .iter()
        .map(|(name, ms)| format!("{:<12}{name}\n", format::human_duration(*ms)))
        .collect();
    expect![[r#"
        <invalid>   3 s in the future
        <invalid>   2 s in the future
        0s          1.5 s in the future
        0s          1 s in the future
        0s          now
        45s         45 s
        119s        119 s
        2m          120 s
        2m5s        125 s
        9m59s       9 min 59 s
        10m         10 min 30 s
        179m        2 h 59 min
        3h          3 h
        3h10m       3 h 10 min
        8h          8 h 30 min
        47h         47 h
        2d2h        50 h
        3d          3 days
        8d          8 days
        10d         10 days
        729d        729 days
        2y          2 years
        3y5d        3 years 5 days
        8y          8 years
        <invalid>   far future
        292471208y  far past
    "#]]
    .assert_eq(&text);
}

#[test]
fn ages_of_timestamps() {
    let now = stsplay::time::EPOCH_MS + 65_000;
    assert_eq!(
        format::translate_timestamp_since(Some("2024-01-01T00:00:00Z"), now),
        "65s"
    );
    assert_eq!(format::translate_timestamp_since(None, now), "<unknown>");
    assert_eq!(
        format::translate_timestamp_since(Some("yesterday"), now),
        "<unknown>"
    );
    assert_eq!(
        format::rfc1123z(Some("2024-02-29T13:04:05Z")),
        "Thu, 29 Feb 2024 13:04:05 +0000"
    );
    assert_eq!(format::rfc1123z(None), "Mon, 01 Jan 0001 00:00:00 +0000");
}

#[test]
fn access_modes_and_selectors() {
    let modes = |m: &[&str]| {
        format::access_modes_as_string(&m.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(
        modes(&["ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce"]),
        "RWO,RWX"
    );
    assert_eq!(modes(&["ReadWriteOncePod", "ReadOnlyMany"]), "ROX,RWOP");
    assert_eq!(modes(&[]), "");
    let selector: LabelSelector = stsplay::manifest::json::from_value(ours(json!({
        "matchLabels": {"app": "nginx"},
        "matchExpressions": [
            {"key": "tier", "operator": "In", "values": ["web", "cache"]},
            {"key": "canary", "operator": "DoesNotExist"},
            {"key": "zone", "operator": "Exists"}
        ]
    })))
    .expect("selector");
    assert_eq!(
        format::selector_string(Some(&selector)),
        "app=nginx,!canary,tier in (cache,web),zone"
    );
}

fn set(value: serde_json::Value) -> StatefulSet {
    let mut base = json!({
        "apiVersion": "apps/v1", "kind": "StatefulSet",
        "metadata": {"name": "web", "namespace": "default", "generation": 1},
        "spec": {"replicas": 2, "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}}},
        "status": {"observedGeneration": 1, "replicas": 2, "readyReplicas": 2, "updatedReplicas": 2,
            "currentRevision": "web-6749b5c6b9", "updateRevision": "web-6749b5c6b9"}
    });
    merge(&mut base, value);
    stsplay::manifest::json::from_value(ours(base)).expect("stateful set")
}

/// A fixture built with serde_json's `json!`, as the crate's own JSON value.
fn ours(value: serde_json::Value) -> stsplay::json::Value {
    stsplay::json::from_str(&value.to_string()).expect("JSON")
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
    match (base, patch) {
        (serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
            for (k, v) in patch {
                merge(base.entry(k).or_insert(serde_json::Value::Null), v);
            }
        }
        (base, patch) => *base = patch,
    }
}

fn check_status(set: &StatefulSet, expect: Expect) {
    expect.assert_eq(&kubectl::rollout_status(set, &[]));
}

#[test]
fn rollout_status_messages() {
    // §7.4 case 145.
    check_status(
        &set(json!({"status": {"readyReplicas": 1}})),
        expect![[r#"
            Waiting for 1 pods to be ready...
        "#]],
    );
    check_status(
        &set(json!({})),
        expect![[r#"
            partitioned roll out complete: 2 new pods have been updated...
        "#]],
    );
    // §7.4 case 146.
    check_status(
        &set(
            json!({"spec": {"replicas": 5, "updateStrategy": {"rollingUpdate": {"partition": 2}}},
            "status": {"replicas": 5, "readyReplicas": 5, "updatedReplicas": 1}}),
        ),
        expect![[r#"
            Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...
        "#]],
    );
    check_status(
        &set(json!({"metadata": {"generation": 2}})),
        expect![[r#"
            Waiting for statefulset spec update to be observed...
        "#]],
    );
    check_status(
        &set(json!({"status": {"observedGeneration": null}})),
        expect![[r#"
            Waiting for statefulset spec update to be observed...
        "#]],
    );
    check_status(
        &set(json!({"spec": {"updateStrategy": {"type": "OnDelete", "rollingUpdate": null}}})),
        expect![[r#"
            error: rollout status is only available for RollingUpdate strategy type
        "#]],
    );
    let done = kubectl::rollout_status_check(&set(json!({})));
    assert!(done.done && !done.error);
    let waiting = kubectl::rollout_status_check(&set(json!({"status": {"readyReplicas": 0}})));
    assert!(!waiting.done && !waiting.error);
}

fn revision(name: &str, number: i64, cause: Option<&str>) -> ControllerRevision {
    let mut value = json!({"apiVersion": "apps/v1", "kind": "ControllerRevision",
        "metadata": {"name": name, "namespace": "default"}, "data": {}, "revision": number});
    if let Some(cause) = cause {
        value["metadata"]["annotations"] = json!({"kubernetes.io/change-cause": cause});
    }
    stsplay::manifest::json::from_value(ours(value)).expect("revision")
}

#[test]
fn rollout_history_table() {
    let web = set(json!({}));
    let revisions = [
        revision(
            "web-7d4b9c5f6",
            2,
            Some("kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.24"),
        ),
        revision("web-6749b5c6b9", 1, None),
    ];
    let refs: Vec<&ControllerRevision> = revisions.iter().collect();
    expect![[r#"
        statefulset.apps/web 
        REVISION  CHANGE-CAUSE
        1         <none>
        2         kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.24

    "#]]
    .assert_eq(&kubectl::rollout_history(&web, &refs));
    expect![[r#"
        statefulset.apps/web 
        No rollout history found.
    "#]]
    .assert_eq(&kubectl::rollout_history(&web, &[]));
}

#[test]
fn tab_writer_cases() {
    let cases: &[(&str, &str, bool)] = &[
        ("get table", "NAME\tAGE\nweb-0\t5s\n", false),
        (
            "short column padded to the minimum width",
            "A\tB\nc\td\n",
            false,
        ),
        (
            "empty last cell keeps the padding",
            "NAME\tREASON\npv1\t\n",
            false,
        ),
        (
            "describe blocks split at lines without tabs",
            "Name:\tweb\nPod Template:\n  Labels:\tapp=nginx\n  Containers:\n",
            true,
        ),
        (
            "ragged rows align per column block",
            "a\tb\tc\nlonger\tb\nx\ty\tz\n",
            true,
        ),
        ("no trailing newline", "k:\tv", true),
        ("wide characters count once", "名前\tx\nab\ty\n", true),
        (
            "vertical tab ends a cell, form feed a line",
            "a\x0bb\x0cccc\td\n",
            true,
        ),
    ];
    let text: String = cases
        .iter()
        .map(|(name, input, describe)| {
            let config = if *describe { DESCRIBE } else { GET_TABLE };
            format!("== {name}\n{}\n", tabwrite(input, config))
        })
        .collect();
    expect![[r#"
        == get table
        NAME    AGE
        web-0   5s

        == short column padded to the minimum width
        A     B
        c     d

        == empty last cell keeps the padding
        NAME   REASON
        pv1    

        == describe blocks split at lines without tabs
        Name:  web
        Pod Template:
          Labels:  app=nginx
          Containers:

        == ragged rows align per column block
        a       b  c
        longer  b
        x       y  z

        == no trailing newline
        k:  v
        == wide characters count once
        名前  x
        ab  y

        == vertical tab ends a cell, form feed a line
        a  b
        ccc  d

    "#]]
    .assert_eq(&text);
}

#[test]
fn tables_escape_cells() {
    let table = Table {
        columns: vec![
            Column::new("Name"),
            Column::new("Message"),
            Column::wide("Extra"),
        ],
        rows: vec![vec![
            "a\x1b[31m".into(),
            "first line\nsecond".into(),
            "x".into(),
        ]],
    };
    expect![[r#"
        NAME      MESSAGE
        a^[[31m   first line...
    "#]]
    .assert_eq(&table.render(Width::Normal));
    assert_eq!(Table::default().render(Width::Wide), "");
}

#[test]
fn confirmations_and_errors() {
    use kubectl::messages::{self, FieldError, FieldErrorType, FieldValue};
    let replicas = FieldError {
        field: "spec.replicas".into(),
        type_: FieldErrorType::Invalid,
        value: FieldValue::Raw("-1".into()),
        detail: "must be greater than or equal to 0".into(),
    };
    let spec = FieldError {
        field: "spec".into(),
        type_: FieldErrorType::Forbidden,
        value: FieldValue::Omit,
        detail: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden".into(),
    };
    let name = FieldError {
        field: "metadata.name".into(),
        type_: FieldErrorType::Invalid,
        value: FieldValue::Str("Web".into()),
        detail:
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'"
                .into(),
    };
    let text = [
        messages::confirmation(Kind::StatefulSet, "web", "created"),
        messages::confirmation(Kind::Service, "nginx", "unchanged"),
        messages::confirmation(Kind::StatefulSet, "web", "scaled"),
        messages::deleted(Kind::StatefulSet, "web"),
        messages::deleted(Kind::Pod, "web-0"),
        messages::deleted(Kind::PersistentVolumeClaim, "www-web-0"),
        messages::not_found(Kind::Pod, "web-9"),
        messages::not_found(Kind::StatefulSet, "db"),
        messages::already_exists(Kind::StorageClass, "standard"),
        messages::forbidden(Kind::PersistentVolumeClaim, "data", "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize"),
        messages::invalid(Kind::StatefulSet, "web", &[spec]),
        messages::invalid(Kind::StatefulSet, "Web", &[replicas.clone(), name, replicas]),
    ]
    .concat();
    expect![[r#"
        statefulset.apps/web created
        service/nginx unchanged
        statefulset.apps/web scaled
        statefulset.apps "web" deleted
        pod "web-0" deleted
        persistentvolumeclaim "www-web-0" deleted
        Error from server (NotFound): pods "web-9" not found
        Error from server (NotFound): statefulsets.apps "db" not found
        Error from server (AlreadyExists): storageclasses.storage.k8s.io "standard" already exists
        Error from server (Forbidden): persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize
        The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
        The StatefulSet "Web" is invalid: 
        * spec.replicas: Invalid value: -1: must be greater than or equal to 0
        * metadata.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'
    "#]].assert_eq(&text);
}

/// Every view over empty (default) objects and odd text: nothing may panic, and the
/// outputs stay deterministic.
#[test]
fn odd_input_never_panics() {
    let objects = vec![
        Object::StatefulSet(StatefulSet::default()),
        Object::ControllerRevision(ControllerRevision::default()),
        Object::Pod(Pod::default()),
        Object::PersistentVolumeClaim(PersistentVolumeClaim::default()),
        Object::PersistentVolume(PersistentVolume::default()),
        Object::StorageClass(StorageClass::default()),
        Object::Service(Service::default()),
        Object::EndpointSlice(EndpointSlice::default()),
        Object::Namespace(Namespace::default()),
        Object::Node(Node::default()),
        Object::Event(Event::default()),
    ];
    let refs: Vec<&Object> = objects.iter().collect();
    let mut total = 0usize;
    for output in [
        kubectl::OutputFormat::Table,
        kubectl::OutputFormat::Wide,
        kubectl::OutputFormat::Name,
        kubectl::OutputFormat::Json,
        kubectl::OutputFormat::Yaml,
    ] {
        for kind in Kind::ALL {
            let options = kubectl::GetOptions {
                output,
                all_namespaces: true,
                show_kind: true,
                ..kubectl::GetOptions::default()
            };
            for now in [i64::MIN, 0, i64::MAX] {
                total += kubectl::get(kind, &refs, &options, now).len();
            }
        }
    }
    for object in &objects {
        for now in [i64::MIN, 0, i64::MAX] {
            total += kubectl::describe(object, &refs, now).len();
        }
    }
    for text in [
        "",
        "\t",
        "\t\t\n\t",
        "a\tb\tc\td\n\n\t\tx",
        "\u{1b}[2J\r\n\x0c",
    ] {
        total += tabwrite(text, DESCRIBE).len() + tabwrite(text, GET_TABLE).len();
    }
    let deep = "x\t".repeat(10_000);
    total += tabwrite(&deep, DESCRIBE).len();
    for text in [
        "",
        "-",
        ".",
        "1e99",
        "99999999999999999999999999Pi",
        "1.5.5",
        "--1",
        "1Qi",
    ] {
        let _ = format::human_duration(text.len() as i64);
        total += format::rfc1123z(Some(text)).len();
    }
    assert!(total > 0);
}

#[test]
fn rollout_history_of_one_revision() {
    let web = set(json!({}));
    let mut recorded = revision("web-7d4b9c5f6", 2, None);
    recorded.data = ours(json!({"spec": {"template": {"$patch": "replace",
        "metadata": {"labels": {"app": "nginx"}},
        "spec": {"containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24",
            "ports": [{"name": "web", "containerPort": 80, "protocol": "TCP"}]}]}}}}));
    let refs = [&recorded];
    expect![[r#"
        statefulset.apps/web with revision #2
        Pod Template:
          Labels:	app=nginx
          Containers:
           nginx:
            Image:	registry.k8s.io/nginx-slim:0.24
            Port:	80/TCP
            Host Port:	0/TCP
            Environment:	<none>
            Mounts:	<none>
          Volumes:	<none>
          Node-Selectors:	<none>
          Tolerations:	<none>

    "#]]
    .assert_eq(&kubectl::rollout_history_revision(&web, &refs, 2));
    expect![[r#"
        error: unable to find the specified revision
    "#]]
    .assert_eq(&kubectl::rollout_history_revision(&web, &refs, 3));
}
