//! Reading manifest text: documents, YAML as kubectl reads it, kinds, strict fields, types
//! and quantities, each diagnostic with its exact message, position and field path. Every
//! case goes through `check`, which renders the diagnostics one per line
//! (`document:line:column severity code path: message`) and the objects read;
//! `UPDATE_EXPECT=1 cargo test` re-blesses the expectations.

use expect_test::{expect, Expect};
use stsplay::manifest::{self, model::Object, Manifest, Severity};

fn render(manifest: &Manifest) -> String {
    let mut out = String::new();
    for d in &manifest.diagnostics {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "{}:{}:{} {severity} {:?} {}: {}\n",
            d.document, d.line, d.column, d.code, d.path, d.message
        ));
    }
    for (o, s) in manifest.objects.iter().zip(&manifest.sources) {
        out.push_str(&format!(
            "object {}/{} from {}:{}:{}\n",
            o.kind().name(),
            o.name(),
            s.document,
            s.line,
            s.column
        ));
    }
    out
}

fn check(input: &str, expect: Expect) {
    expect.assert_eq(&render(&manifest::parse(input)));
}

const SERVICE: &str = "apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
";

// ---------------------------------------------------------------------------------------
// The seed examples

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/static/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_examples_read_without_diagnostics() {
    check(
        &example("web.yaml"),
        expect![[r#"
            object PersistentVolume/pv1 from 0:5:1
            object PersistentVolume/pv2 from 1:18:1
            object PersistentVolume/pv3 from 2:31:1
            object Service/nginx from 3:44:1
            object StatefulSet/web from 4:58:1
        "#]],
    );
    check(
        &example("dynamic.yaml"),
        expect![[r#"
            object StorageClass/nfs-storage from 0:4:1
            object PersistentVolumeClaim/data from 1:15:1
        "#]],
    );
}

#[test]
fn a_typo_in_the_example_names_the_field_it_meant() {
    let text = example("web.yaml").replace("  replicas: 3", "  replica: 3");
    check(
        &text,
        expect![[r#"
            4:64:3 warning UnknownField spec.replica: unknown field "replica"; did you mean "replicas"?
            object PersistentVolume/pv1 from 0:5:1
            object PersistentVolume/pv2 from 1:18:1
            object PersistentVolume/pv3 from 2:31:1
            object Service/nginx from 3:44:1
            object StatefulSet/web from 4:58:1
        "#]],
    );
}

#[test]
fn a_mismatched_selector_in_the_example_is_refused_as_the_api_server_would() {
    let text = example("web.yaml").replace(
        "      labels:\n        app: nginx\n    spec:",
        "      labels:\n        app: x\n    spec:",
    );
    check(
        &text,
        expect![[r#"
            4:63:3 warning ServiceSelectorMismatch spec.serviceName: Service "nginx" selects app=nginx but the pod template's labels are app=x; the pods get no endpoints and no DNS records
            4:70:7 error SelectorMismatch spec.template.metadata.labels: StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`
            object PersistentVolume/pv1 from 0:5:1
            object PersistentVolume/pv2 from 1:18:1
            object PersistentVolume/pv3 from 2:31:1
            object Service/nginx from 3:44:1
            object StatefulSet/web from 4:58:1
        "#]],
    );
}

#[test]
fn every_diagnostic_explains_itself_in_english_and_chinese() {
    let text = example("web.yaml").replace("  replicas: 3", "  replica: 3");
    let parsed = manifest::parse(&text);
    let d = &parsed.diagnostics[0];
    assert!(d.explanation.en.contains("typo"), "{}", d.explanation.en);
    assert!(d.explanation.zh.contains("拼写"), "{}", d.explanation.zh);
    assert_eq!(d.explanation, d.code.explanation());
}

// ---------------------------------------------------------------------------------------
// Documents

#[test]
fn documents_are_cut_at_separator_lines_and_empty_ones_are_skipped() {
    check(
        &format!("---\n# only a comment\n---\n---\n{SERVICE}---\n\n---\n{SERVICE}...\n"),
        expect![[r#"
            object Service/nginx from 0:5:1
            object Service/nginx from 1:19:1
        "#]],
    );
}

#[test]
fn a_separator_followed_by_content_is_an_error_and_reading_goes_on() {
    check(
        &format!("--- {{a: 1}}\n{SERVICE}"),
        expect![[r#"
            0:1:4 error DocumentSeparator : invalid Yaml document separator: {a: 1}
            object Service/nginx from 1:2:1
        "#]],
    );
}

#[test]
fn a_syntax_error_spoils_only_its_own_document() {
    check(
        &format!("{SERVICE}---\nkind: Pod\n  name: x\n---\n{SERVICE}"),
        expect![[r#"
            1:14:7 error YamlSyntax : yaml: line 14: mapping values are not allowed in this context
            object Service/nginx from 0:1:1
            object Service/nginx from 2:16:1
        "#]],
    );
}

#[test]
fn tabs_for_indentation_are_a_syntax_error() {
    check(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: x\n",
        expect![[r#"
            0:4:1 error YamlSyntax : yaml: line 4: found character that cannot start any token
        "#]],
    );
}

#[test]
fn a_document_must_be_a_mapping_with_apiversion_and_kind() {
    check(
        "- a\n---\njust text\n---\nmetadata: {name: x}\n---\nkind: Namespace\nmetadata: {name: x}\n",
        expect![[r#"
            0:1:1 error NotAnObject : error validating data: expected a Kubernetes object (a mapping with apiVersion and kind), found a list
            1:3:1 error NotAnObject : error validating data: expected a Kubernetes object (a mapping with apiVersion and kind), found a single value
            2:5:1 error MissingTypeInfo : error validating data: [apiVersion not set, kind not set]
            3:7:1 error MissingTypeInfo : error validating data: apiVersion not set
        "#]],
    );
}

#[test]
fn duplicate_keys_are_refused_as_kubectl_refuses_them() {
    check(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n",
        expect![[r#"
            0:5:3 error DuplicateKey : yaml: unmarshal errors: line 5: key "name" already set in map
        "#]],
    );
}

// ---------------------------------------------------------------------------------------
// Kinds

#[test]
fn kinds_not_simulated_are_skipped_with_a_warning_naming_what_is() {
    check(
        &format!("apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\n---\n{SERVICE}"),
        expect![[r#"
            0:2:7 warning KindNotSimulated kind: Deployment is not simulated here and is skipped; the playground simulates apps/v1 StatefulSet, v1 Pod, v1 PersistentVolume, v1 PersistentVolumeClaim, storage.k8s.io/v1 StorageClass, v1 Service, v1 Namespace and v1 Node
            object Service/nginx from 1:5:1
        "#]],
    );
}

#[test]
fn a_simulated_kind_under_another_apiversion_is_skipped() {
    check(
        "apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: {name: web}\n",
        expect![[r#"
            0:1:13 warning ApiVersionNotSimulated apiVersion: no matches for kind "StatefulSet" in version "apps/v1beta1": StatefulSet is simulated as apps/v1, so this document is skipped
        "#]],
    );
}

#[test]
fn a_list_reads_each_item_with_its_path() {
    check(
        "apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: one}
- apiVersion: v1
  kind: Namespace
  metadata: {name: two, labelz: {}}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: three}
",
        expect![[r#"
            0:9:25 warning UnknownField items[1].metadata.labelz: unknown field "labelz"; did you mean "labels"?
            0:11:9 warning KindNotSimulated items[2].kind: ConfigMap is not simulated here and is skipped; the playground simulates apps/v1 StatefulSet, v1 Pod, v1 PersistentVolume, v1 PersistentVolumeClaim, storage.k8s.io/v1 StorageClass, v1 Service, v1 Namespace and v1 Node
            object Namespace/one from 0:4:3
            object Namespace/two from 0:7:3
        "#]],
    );
}

// ---------------------------------------------------------------------------------------
// YAML as kubectl reads it

#[test]
fn anchors_aliases_and_merge_keys_work_as_in_kubectl() {
    let text = "apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
  labels: &labels {tier: storage}
  annotations: *labels
spec:
  <<: &common
    accessModes: [ReadWriteOnce]
    storageClassName: gsh-pv
  capacity: {storage: 1Gi}
  hostPath: {path: /tmp/pv_a}
";
    let parsed = manifest::parse(text);
    assert_eq!(render(&parsed), "object PersistentVolume/pv1 from 0:1:1\n");
    let Object::PersistentVolume(pv) = &parsed.objects[0] else {
        panic!("not a PV")
    };
    assert_eq!(pv.metadata.annotations, pv.metadata.labels);
    assert_eq!(pv.spec.storage_class_name.as_deref(), Some("gsh-pv"));
    assert_eq!(pv.spec.access_modes, ["ReadWriteOnce"]);
}

#[test]
fn explicit_keys_win_over_merged_ones() {
    let text = "apiVersion: v1
kind: Namespace
metadata:
  <<: {name: merged, labels: {a: b}}
  name: own
";
    let parsed = manifest::parse(text);
    assert_eq!(parsed.objects[0].name(), "own");
    assert_eq!(parsed.objects[0].meta().labels["a"], "b");
}

#[test]
fn yaml_1_1_booleans_and_numbers_are_type_errors_where_text_is_expected() {
    check(
        "apiVersion: v1
kind: Namespace
metadata:
  name: ns
  labels:
    enabled: yes
    version: 1.0
    quoted: \"yes\"
    on: x
",
        expect![[r#"
            0:6:14 error TypeMismatch metadata.labels[enabled]: Namespace in version "v1" cannot be handled as a Namespace: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string
            0:7:14 error TypeMismatch metadata.labels[version]: Namespace in version "v1" cannot be handled as a Namespace: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string
        "#]],
    );
}

#[test]
fn octal_hex_and_underscored_integers_and_integral_floats_read_as_go_yaml_reads_them() {
    let text = "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: 0x3
  minReadySeconds: 010
  revisionHistoryLimit: 1_0
  ordinals: {start: 2.0}
  selector: {matchLabels: {app: x}}
  template: {metadata: {labels: {app: x}}, spec: {containers: [{name: c, image: i}]}}
";
    let parsed = manifest::parse(text);
    assert_eq!(render(&parsed), "object StatefulSet/web from 0:1:1\n");
    let Object::StatefulSet(s) = &parsed.objects[0] else {
        panic!()
    };
    assert_eq!(s.spec.replicas, Some(3));
    assert_eq!(s.spec.min_ready_seconds, Some(8));
    assert_eq!(s.spec.revision_history_limit, Some(10));
    assert_eq!(s.spec.ordinals.as_ref().unwrap().start, Some(2));
}

#[test]
fn nulls_leave_a_field_unset() {
    let parsed = manifest::parse(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c, namespace: ~}\nspec:\n  storageClassName:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n",
    );
    assert_eq!(
        render(&parsed),
        "object PersistentVolumeClaim/c from 0:1:1\n"
    );
    let Object::PersistentVolumeClaim(c) = &parsed.objects[0] else {
        panic!()
    };
    assert_eq!(c.spec.storage_class_name, None);
    assert_eq!(c.metadata.namespace, None);
}

#[test]
fn unset_and_empty_storage_class_stay_different() {
    let parsed = manifest::parse(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  storageClassName: \"\"\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n",
    );
    let Object::PersistentVolumeClaim(c) = &parsed.objects[0] else {
        panic!()
    };
    assert_eq!(c.spec.storage_class_name.as_deref(), Some(""));
}

#[test]
fn flow_style_positions_point_into_the_line() {
    check(
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, nmae: web}], selector: {app: x}}\n",
        expect![[r#"
            0:4:27 warning UnknownField spec.ports[0].nmae: unknown field "nmae"; did you mean "name"?
            object Service/s from 0:1:1
        "#]],
    );
}

// ---------------------------------------------------------------------------------------
// Strict fields

#[test]
fn unknown_fields_are_warned_with_the_nearest_valid_name_and_dropped() {
    check(
        "apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  lables: {app: web}
spec:
  ServiceName: nginx
  replica: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        port: 80
        volumeMount: []
        readinessProbe:
          initialDelay: 5
  volumeClaimTemplate: []
  banana: 1
",
        expect![[r#"
            0:5:3 warning UnknownField metadata.lables: unknown field "lables"; did you mean "labels"?
            0:7:3 warning UnknownField spec.ServiceName: unknown field "ServiceName"; did you mean "serviceName"?
            0:8:3 warning UnknownField spec.replica: unknown field "replica"; did you mean "replicas"?
            0:18:9 warning UnknownField spec.template.spec.containers[0].port: unknown field "port"; did you mean "ports"?
            0:19:9 warning UnknownField spec.template.spec.containers[0].volumeMount: unknown field "volumeMount"; did you mean "volumeMounts"?
            0:21:11 warning UnknownField spec.template.spec.containers[0].readinessProbe.initialDelay: unknown field "initialDelay"; did you mean "initialDelaySeconds"?
            0:22:3 warning UnknownField spec.volumeClaimTemplate: unknown field "volumeClaimTemplate"; did you mean "volumeClaimTemplates"?
            0:23:3 warning UnknownField spec.banana: unknown field "banana"
            object StatefulSet/web from 0:1:1
        "#]],
    );
}

#[test]
fn valid_fields_the_simulation_ignores_are_kept_without_warning() {
    let text = "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      affinity: {podAntiAffinity: {}}
      tolerations: [{key: k, operator: Exists}]
      containers:
      - name: web
        image: nginx
        env: [{name: A, value: \"1\"}]
        resources: {requests: {cpu: 100m}}
        livenessProbe: {httpGet: {path: /, port: 80}}
";
    let parsed = manifest::parse(text);
    assert_eq!(render(&parsed), "object StatefulSet/web from 0:1:1\n");
    let printed = manifest::to_yaml(&parsed.objects[0]);
    for kept in [
        "podAntiAffinity",
        "tolerations",
        "env:",
        "cpu: 100m",
        "httpGet",
    ] {
        assert!(printed.contains(kept), "{kept} missing from\n{printed}");
    }
}

// ---------------------------------------------------------------------------------------
// Types and quantities

#[test]
fn type_errors_name_the_go_field_and_sit_at_the_value() {
    check(
        "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: three
  selector: [app]
  template:
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: \"80\"
        - containerPort: 3000000000
        - containerPort: 80.5
      volumes: {name: x}
",
        expect![[r#"
            0:5:13 error TypeMismatch spec.replicas: StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32
            0:6:13 error TypeMismatch spec.selector: StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal array into Go struct field StatefulSetSpec.spec.selector of type v1.LabelSelector
            0:13:26 error TypeMismatch spec.template.spec.containers[0].ports[0].containerPort: StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32
            0:14:26 error TypeMismatch spec.template.spec.containers[0].ports[1].containerPort: StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32
            0:15:26 error TypeMismatch spec.template.spec.containers[0].ports[2].containerPort: StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32
            0:16:16 error TypeMismatch spec.template.spec.volumes: StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.volumes of type []v1.Volume
        "#]],
    );
}

fn claim(storage: &str) -> String {
    format!(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: c}}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: {storage}\n"
    )
}

#[test]
fn storage_quantities() {
    for good in [
        "1Gi", "500Mi", "2G", "1.5Gi", "1e9", "1", "0.5Ki", "\"1Gi\"",
    ] {
        assert_eq!(
            render(&manifest::parse(&claim(good))),
            "object PersistentVolumeClaim/c from 0:1:1\n",
            "{good}"
        );
    }
    check(
        &claim("100m"),
        expect![[r#"
            0:8:7 error FractionalStorage spec.resources.requests[storage]: storage "100m" is a fraction of a byte ("m" means one thousandth); the playground counts storage in whole bytes: for megabytes write "100M" or "100Mi"
            object PersistentVolumeClaim/c from 0:1:1
        "#]],
    );
    check(
        &claim("1GB"),
        expect![[r#"
            0:8:16 error BadQuantity spec.resources.requests[storage]: PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
        "#]],
    );
    check(
        &claim("0"),
        expect![[r#"
            0:8:7 error Invalid spec.resources[storage]: PersistentVolumeClaim "c" is invalid: spec.resources[storage]: Invalid value: "0": must be greater than zero
            object PersistentVolumeClaim/c from 0:1:1
        "#]],
    );
}

#[test]
fn objects_remember_where_they_came_from() {
    let parsed = manifest::parse(&format!("{SERVICE}---\nkind: Pod\n---\n{SERVICE}"));
    assert_eq!(parsed.sources.len(), 2);
    assert!(parsed.document_has_errors(1));
    assert!(!parsed.document_has_errors(2));
    assert_eq!(parsed.applicable().count(), 2);
}

/// `kubectl get statefulset web -o yaml` and `kubectl get pod web-0 -o yaml` from a 1.33
/// cluster, abridged: everything a server adds reads back without a diagnostic.
const KUBECTL_OUTPUT: &str = r#"apiVersion: apps/v1
kind: StatefulSet
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"annotations":{},"name":"web","namespace":"default"}}
  creationTimestamp: "2024-05-01T10:00:00Z"
  generation: 1
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:replicas: {}
    manager: kubectl-client-side-apply
    operation: Update
    time: "2024-05-01T10:00:00Z"
  name: web
  namespace: default
  resourceVersion: "1234"
  uid: 3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
spec:
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  podManagementPolicy: OrderedReady
  replicas: 2
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: nginx
    spec:
      containers:
      - image: registry.k8s.io/nginx-slim:0.24
        imagePullPolicy: IfNotPresent
        name: nginx
        ports:
        - containerPort: 80
          name: web
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: www
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 10
  updateStrategy:
    rollingUpdate:
      partition: 0
    type: RollingUpdate
  volumeClaimTemplates:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      creationTimestamp: null
      name: www
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
      volumeMode: Filesystem
    status:
      phase: Pending
status:
  availableReplicas: 2
  collisionCount: 0
  currentReplicas: 2
  currentRevision: web-6ddf4b8b7b
  observedGeneration: 1
  readyReplicas: 2
  replicas: 2
  updateRevision: web-6ddf4b8b7b
  updatedReplicas: 2
---
apiVersion: v1
kind: Pod
metadata:
  generateName: web-
  labels:
    app: nginx
    apps.kubernetes.io/pod-index: "0"
    controller-revision-hash: web-6ddf4b8b7b
    statefulset.kubernetes.io/pod-name: web-0
  name: web-0
  namespace: default
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: StatefulSet
    name: web
    uid: 3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
spec:
  containers:
  - image: registry.k8s.io/nginx-slim:0.24
    imagePullPolicy: IfNotPresent
    name: nginx
    ports:
    - containerPort: 80
      name: web
      protocol: TCP
    resources: {}
    volumeMounts:
    - mountPath: /usr/share/nginx/html
      name: www
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-abcde
      readOnly: true
  enableServiceLinks: true
  hostname: web-0
  nodeName: node-1
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  subdomain: nginx
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: www
    persistentVolumeClaim:
      claimName: www-web-0
  - name: kube-api-access-abcde
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2024-05-01T10:00:05Z"
    status: "True"
    type: Ready
  containerStatuses:
  - containerID: containerd://abc
    image: registry.k8s.io/nginx-slim:0.24
    imageID: registry.k8s.io/nginx-slim@sha256:abc
    lastState: {}
    name: nginx
    ready: true
    restartCount: 0
    started: true
    state:
      running:
        startedAt: "2024-05-01T10:00:04Z"
  hostIP: 172.18.0.2
  hostIPs:
  - ip: 172.18.0.2
  phase: Running
  podIP: 10.244.1.6
  podIPs:
  - ip: 10.244.1.6
  qosClass: BestEffort
  startTime: "2024-05-01T10:00:00Z"
"#;

#[test]
fn kubectl_get_output_reads_back_cleanly() {
    check(
        &format!("{KUBECTL_OUTPUT}---\n{SERVICE}"),
        expect![[r#"
            object StatefulSet/web from 0:1:1
            object Pod/web-0 from 1:88:1
            object Service/nginx from 2:172:1
        "#]],
    );
}
