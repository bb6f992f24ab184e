//! The API server's validation, rule by rule: each case is a small manifest with one
//! mistake, and the expectation shows every diagnostic with its exact message, position
//! and path (`## case` headers, then `line:column severity code path: message`). Update
//! rules go through `validate::update` directly, since they compare two objects.
//! `UPDATE_EXPECT=1 cargo test` re-blesses the expectations.

use expect_test::{expect, Expect};
use stsplay::manifest::{self, defaults, model::*, validate, Severity};

fn render_case(name: &str, text: &str) -> String {
    let parsed = manifest::parse(text);
    let mut out = format!("## {name}\n");
    for d in &parsed.diagnostics {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "{}:{} {severity} {:?} {}: {}\n",
            d.line, d.column, d.code, d.path, d.message
        ));
    }
    out
}

fn check_cases(cases: &[(&str, String)], expect: Expect) {
    let out: String = cases
        .iter()
        .map(|(name, text)| render_case(name, text))
        .collect();
    expect.assert_eq(&out);
}

const STATEFULSET: &str = "apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
";

fn sts(from: &str, to: &str) -> String {
    assert!(STATEFULSET.contains(from), "{from}");
    STATEFULSET.replacen(from, to, 1)
}

#[test]
fn statefulset_rules() {
    let long = "w".repeat(60);
    let too_long = "w".repeat(64);
    check_cases(
        &[
            ("valid", STATEFULSET.to_string()),
            ("upper-case name", sts("name: web", "name: Web")),
            ("name with dots", sts("name: web", "name: web.v1")),
            (
                "name of 60 characters",
                sts("name: web", &format!("name: {long}")),
            ),
            (
                "name of 64 characters",
                sts("name: web", &format!("name: {too_long}")),
            ),
            ("negative replicas", sts("replicas: 2", "replicas: -1")),
            (
                "negative minReadySeconds",
                sts("replicas: 2", "replicas: 2\n  minReadySeconds: -1"),
            ),
            (
                "negative ordinals.start",
                sts("replicas: 2", "replicas: 2\n  ordinals: {start: -1}"),
            ),
            (
                "negative revisionHistoryLimit",
                sts("replicas: 2", "replicas: 2\n  revisionHistoryLimit: -1"),
            ),
            (
                "unknown podManagementPolicy",
                sts("replicas: 2", "replicas: 2\n  podManagementPolicy: Sequential"),
            ),
            (
                "unknown updateStrategy",
                sts("replicas: 2", "replicas: 2\n  updateStrategy: {type: Rolling}"),
            ),
            (
                "OnDelete with rollingUpdate",
                sts(
                    "replicas: 2",
                    "replicas: 2\n  updateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}",
                ),
            ),
            (
                "negative partition",
                sts(
                    "replicas: 2",
                    "replicas: 2\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: -1}}",
                ),
            ),
            (
                "maxUnavailable (alpha, off)",
                sts(
                    "replicas: 2",
                    "replicas: 2\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 2",
                ),
            ),
            (
                "unknown retention policy",
                sts(
                    "replicas: 2",
                    "replicas: 2\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Keep, whenScaled: Delete}",
                ),
            ),
            (
                "serviceName not a DNS label",
                sts("serviceName: nginx", "serviceName: Nginx_svc"),
            ),
            (
                "selector missing",
                sts("  selector:\n    matchLabels:\n      app: nginx\n", ""),
            ),
            (
                "empty selector",
                sts(
                    "  selector:\n    matchLabels:\n      app: nginx\n",
                    "  selector: {}\n",
                ),
            ),
            (
                "bad match expressions",
                sts(
                    "    matchLabels:\n      app: nginx\n",
                    "    matchExpressions:\n    - {key: app, operator: In}\n    - {key: app, operator: Exists, values: [nginx]}\n    - {key: app, operator: Equals, values: [nginx]}\n",
                ),
            ),
            (
                "selector does not match",
                sts("      labels:\n        app: nginx", "      labels:\n        app: web"),
            ),
            (
                "restartPolicy Never",
                sts("    spec:\n      containers:", "    spec:\n      restartPolicy: Never\n      containers:"),
            ),
            (
                "activeDeadlineSeconds",
                sts("    spec:\n      containers:", "    spec:\n      activeDeadlineSeconds: 10\n      containers:"),
            ),
            (
                "template label value",
                sts(
                    "      labels:\n        app: nginx",
                    "      labels:\n        app: nginx\n        tier: bad value!",
                ),
            ),
            (
                "label key",
                sts("  name: web\n", "  name: web\n  labels: {\"-x\": a}\n"),
            ),
            (
                "namespace",
                sts("  name: web\n", "  name: web\n  namespace: Team_A\n"),
            ),
        ],
        expect![[r###"
            ## valid
            ## upper-case name
            4:3 error InvalidName metadata.name: StatefulSet.apps "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            ## name with dots
            4:3 error InvalidName metadata.name: StatefulSet.apps "web.v1" is invalid: metadata.name: Invalid value: "web.v1": must not contain dots
            ## name of 60 characters
            4:3 warning NameTooLongForPods metadata.name: StatefulSet name "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww" has 60 characters: the API server accepts it, but each pod's label controller-revision-hash: wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww-<hash> would exceed 63 characters, so no pod can be created (keep names to 52 characters)
            ## name of 64 characters
            4:3 error InvalidName metadata.name: StatefulSet.apps "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww" is invalid: metadata.name: Invalid value: "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww": must be no more than 63 characters
            ## negative replicas
            7:3 error Invalid spec.replicas: StatefulSet.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0
            ## negative minReadySeconds
            8:3 error Invalid spec.minReadySeconds: StatefulSet.apps "web" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0
            ## negative ordinals.start
            8:14 error Invalid spec.ordinals.start: StatefulSet.apps "web" is invalid: spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0
            ## negative revisionHistoryLimit
            8:3 error Invalid spec.revisionHistoryLimit: StatefulSet.apps "web" is invalid: spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
            ## unknown podManagementPolicy
            8:3 error Invalid spec.podManagementPolicy: StatefulSet.apps "web" is invalid: spec.podManagementPolicy: Invalid value: "Sequential": must be 'OrderedReady' or 'Parallel'
            ## unknown updateStrategy
            8:3 error Invalid spec.updateStrategy: StatefulSet.apps "web" is invalid: spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'
            ## OnDelete with rollingUpdate
            8:36 error Invalid spec.updateStrategy.rollingUpdate: StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'
            ## negative partition
            8:57 error Invalid spec.updateStrategy.rollingUpdate.partition: StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0
            ## maxUnavailable (alpha, off)
            10:7 warning FeatureDisabled spec.updateStrategy.rollingUpdate.maxUnavailable: maxUnavailable needs the MaxUnavailableStatefulSet feature gate, which is alpha and off in Kubernetes 1.33; the API server drops the field and a rolling update replaces one pod at a time
            ## unknown retention policy
            8:42 error UnsupportedValue spec.persistentVolumeClaimRetentionPolicy.whenDeleted: StatefulSet.apps "web" is invalid: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"
            ## serviceName not a DNS label
            6:3 error InvalidName spec.serviceName: StatefulSet.apps "web" is invalid: spec.serviceName: Invalid value: "Nginx_svc": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            6:3 warning ServiceMissing spec.serviceName: serviceName "Nginx_svc" names no Service in namespace "default"; the pods run, but names such as web-0.Nginx_svc.default.svc.cluster.local will not resolve
            ## selector missing
            5:1 error RequiredField spec.selector: StatefulSet.apps "web" is invalid: spec.selector: Required value
            10:7 error SelectorMismatch spec.template.metadata.labels: StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`
            ## empty selector
            8:3 error Invalid spec.selector: StatefulSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset
            ## bad match expressions
            10:7 error RequiredField spec.selector.matchExpressions[0].values: StatefulSet.apps "web" is invalid: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
            11:36 error Forbidden spec.selector.matchExpressions[1].values: StatefulSet.apps "web" is invalid: spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'
            12:18 error Invalid spec.selector.matchExpressions[2].operator: StatefulSet.apps "web" is invalid: spec.selector.matchExpressions[2].operator: Invalid value: "Equals": not a valid selector operator
            15:7 error SelectorMismatch spec.template.metadata.labels: StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`
            ## selector does not match
            6:3 warning ServiceSelectorMismatch spec.serviceName: Service "nginx" selects app=nginx but the pod template's labels are app=web; the pods get no endpoints and no DNS records
            13:7 error SelectorMismatch spec.template.metadata.labels: StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`
            ## restartPolicy Never
            16:7 error UnsupportedValue spec.template.spec.restartPolicy: StatefulSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
            ## activeDeadlineSeconds
            16:7 error Forbidden spec.template.spec.activeDeadlineSeconds: StatefulSet.apps "web" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported
            ## template label value
            11:3 error Invalid spec.template.labels: StatefulSet.apps "web" is invalid: spec.template.labels: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
            ## label key
            5:3 error Invalid metadata.labels: StatefulSet.apps "web" is invalid: metadata.labels: Invalid value: "-x": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            ## namespace
            5:3 error InvalidName metadata.namespace: StatefulSet.apps "web" is invalid: metadata.namespace: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            7:3 warning ServiceMissing spec.serviceName: serviceName "nginx" names no Service in namespace "Team_A"; the pods run, but names such as web-0.nginx.Team_A.svc.cluster.local will not resolve
        "###]],
    );
}

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web-0
spec:
  volumes:
  - name: www
    persistentVolumeClaim: {claimName: www-web-0}
  containers:
  - name: nginx
    image: nginx
    ports:
    - {containerPort: 80, name: web}
    volumeMounts:
    - {name: www, mountPath: /usr/share/nginx/html}
";

fn pod(from: &str, to: &str) -> String {
    assert!(POD.contains(from), "{from}");
    POD.replacen(from, to, 1)
}

#[test]
fn pod_rules() {
    check_cases(
        &[
            ("valid", POD.to_string()),
            ("no containers", pod("  containers:\n  - name: nginx\n    image: nginx\n    ports:\n    - {containerPort: 80, name: web}\n    volumeMounts:\n    - {name: www, mountPath: /usr/share/nginx/html}\n", "  containers: []\n")),
            ("container without name or image", pod("  - name: nginx\n    image: nginx\n", "  - image: \"\"\n")),
            ("port out of range", pod("containerPort: 80,", "containerPort: 70000,")),
            ("port missing", pod("containerPort: 80,", "containerPort: 0,")),
            ("port name", pod("name: web}", "name: Web--Port}")),
            ("protocol", pod("name: web}", "name: web, protocol: HTTP}")),
            ("mount without volume", pod("{name: www, mountPath", "{name: data, mountPath")),
            ("volume without source", pod("    persistentVolumeClaim: {claimName: www-web-0}\n", "")),
            ("two volume sources", pod("    persistentVolumeClaim: {claimName: www-web-0}\n", "    persistentVolumeClaim: {claimName: www-web-0}\n    emptyDir: {}\n")),
            ("restartPolicy", pod("spec:\n", "spec:\n  restartPolicy: Sometimes\n")),
            ("hostname", pod("spec:\n", "spec:\n  hostname: web_0\n")),
        ],
        expect![[r###"
            ## valid
            ## no containers
            9:3 error RequiredField spec.containers: Pod "web-0" is invalid: spec.containers: Required value
            ## container without name or image
            10:5 error RequiredField spec.containers[0].name: Pod "web-0" is invalid: spec.containers[0].name: Required value
            10:5 error RequiredField spec.containers[0].image: Pod "web-0" is invalid: spec.containers[0].image: Required value
            ## port out of range
            13:8 error Invalid spec.containers[0].ports[0].containerPort: Pod "web-0" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
            ## port missing
            13:8 error RequiredField spec.containers[0].ports[0].containerPort: Pod "web-0" is invalid: spec.containers[0].ports[0].containerPort: Required value
            ## port name
            13:27 error Invalid spec.containers[0].ports[0].name: Pod "web-0" is invalid: spec.containers[0].ports[0].name: Invalid value: "Web--Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)
            13:27 error Invalid spec.containers[0].ports[0].name: Pod "web-0" is invalid: spec.containers[0].ports[0].name: Invalid value: "Web--Port": must not contain consecutive hyphens
            ## protocol
            13:38 error UnsupportedValue spec.containers[0].ports[0].protocol: Pod "web-0" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"
            ## mount without volume
            15:8 error Invalid spec.containers[0].volumeMounts[0].name: Pod "web-0" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"
            ## volume without source
            7:5 error RequiredField spec.volumes[0]: Pod "web-0" is invalid: spec.volumes[0]: Required value: must specify a volume type
            ## two volume sources
            9:5 error Forbidden spec.volumes[0].emptyDir: Pod "web-0" is invalid: spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type
            ## restartPolicy
            6:3 error UnsupportedValue spec.restartPolicy: Pod "web-0" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"
            ## hostname
            6:3 error Invalid spec.hostname: Pod "web-0" is invalid: spec.hostname: Invalid value: "web_0": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
        "###]],
    );
}

const PV: &str = "apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  capacity:
    storage: 1Gi
  accessModes:
  - ReadWriteOnce
  storageClassName: gsh-pv
  hostPath:
    path: /tmp/pv_a
";

fn pv(from: &str, to: &str) -> String {
    assert!(PV.contains(from), "{from}");
    PV.replacen(from, to, 1)
}

#[test]
fn persistent_volume_rules() {
    check_cases(
        &[
            ("valid", PV.to_string()),
            (
                "no access modes",
                pv("  accessModes:\n  - ReadWriteOnce\n", ""),
            ),
            (
                "unknown access mode",
                pv("- ReadWriteOnce", "- ReadWriteAlways"),
            ),
            (
                "ReadWriteOncePod with others",
                pv("- ReadWriteOnce", "- ReadWriteOnce\n  - ReadWriteOncePod"),
            ),
            ("no capacity", pv("  capacity:\n    storage: 1Gi\n", "")),
            ("zero capacity", pv("storage: 1Gi", "storage: \"0\"")),
            ("capacity in milli", pv("storage: 1Gi", "storage: 100m")),
            (
                "capacity other than storage",
                pv("storage: 1Gi", "storage: 1Gi\n    cpu: \"1\""),
            ),
            (
                "reclaim policy",
                pv(
                    "  storageClassName",
                    "  persistentVolumeReclaimPolicy: Keep\n  storageClassName",
                ),
            ),
            ("no source", pv("  hostPath:\n    path: /tmp/pv_a\n", "")),
            (
                "two sources",
                pv(
                    "  hostPath:\n",
                    "  nfs: {server: nfs.local, path: /exports}\n  hostPath:\n",
                ),
            ),
            (
                "local without node affinity",
                pv("  hostPath:\n", "  local:\n"),
            ),
            (
                "nfs relative path",
                pv(
                    "  hostPath:\n    path: /tmp/pv_a\n",
                    "  nfs: {server: nfs.local, path: exports}\n",
                ),
            ),
            (
                "recycle a hostPath of /",
                pv(
                    "path: /tmp/pv_a",
                    "path: /\n  persistentVolumeReclaimPolicy: Recycle",
                ),
            ),
            ("class name", pv("gsh-pv", "GSH_PV")),
            (
                "volume mode",
                pv(
                    "  storageClassName",
                    "  volumeMode: Raw\n  storageClassName",
                ),
            ),
            (
                "hostPath type",
                pv("path: /tmp/pv_a", "path: /tmp/pv_a\n    type: Folder"),
            ),
        ],
        expect![[r###"
            ## valid
            ## no access modes
            5:1 error RequiredField spec.accessModes: PersistentVolume "pv1" is invalid: spec.accessModes: Required value
            ## unknown access mode
            8:3 error UnsupportedValue spec.accessModes: PersistentVolume "pv1" is invalid: spec.accessModes: Unsupported value: "ReadWriteAlways": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"
            ## ReadWriteOncePod with others
            8:3 error Forbidden spec.accessModes: PersistentVolume "pv1" is invalid: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes
            ## no capacity
            5:1 error RequiredField spec.capacity: PersistentVolume "pv1" is invalid: spec.capacity: Required value
            5:1 error UnsupportedValue spec.capacity: PersistentVolume "pv1" is invalid: spec.capacity: Unsupported value: core.ResourceList{}: supported values: "storage"
            ## zero capacity
            7:5 error Invalid spec.capacity[storage]: PersistentVolume "pv1" is invalid: spec.capacity[storage]: Invalid value: "0": must be greater than zero
            ## capacity in milli
            7:5 error FractionalStorage spec.capacity[storage]: storage "100m" is a fraction of a byte ("m" means one thousandth); the playground counts storage in whole bytes: for megabytes write "100M" or "100Mi"
            ## capacity other than storage
            6:3 error UnsupportedValue spec.capacity: PersistentVolume "pv1" is invalid: spec.capacity: Unsupported value: core.ResourceList{"cpu":"1", "storage":"1Gi"}: supported values: "storage"
            ## reclaim policy
            10:3 error UnsupportedValue spec.persistentVolumeReclaimPolicy: PersistentVolume "pv1" is invalid: spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"
            ## no source
            5:1 error RequiredField spec: PersistentVolume "pv1" is invalid: spec: Required value: must specify a volume type
            ## two sources
            11:3 error Forbidden spec.nfs: PersistentVolume "pv1" is invalid: spec.nfs: Forbidden: may not specify more than 1 volume type
            ## local without node affinity
            5:1 error RequiredField spec.nodeAffinity: PersistentVolume "pv1" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity
            ## nfs relative path
            11:28 error Invalid spec.nfs.path: PersistentVolume "pv1" is invalid: spec.nfs.path: Invalid value: "exports": must be an absolute path
            ## recycle a hostPath of /
            13:3 error Forbidden spec.persistentVolumeReclaimPolicy: PersistentVolume "pv1" is invalid: spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'
            ## class name
            10:3 error Invalid spec.storageClassName: PersistentVolume "pv1" is invalid: spec.storageClassName: Invalid value: "GSH_PV": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            ## volume mode
            10:3 error UnsupportedValue spec.volumeMode: PersistentVolume "pv1" is invalid: spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"
            ## hostPath type
            13:5 error UnsupportedValue spec.hostPath.type: PersistentVolume "pv1" is invalid: spec.hostPath.type: Unsupported value: "Folder": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"
        "###]],
    );
}

const CLAIM: &str = "apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
";

fn pvc(from: &str, to: &str) -> String {
    assert!(CLAIM.contains(from), "{from}");
    CLAIM.replacen(from, to, 1)
}

#[test]
fn persistent_volume_claim_rules() {
    check_cases(
        &[
            ("valid", CLAIM.to_string()),
            (
                "no access modes",
                pvc("  accessModes: [ReadWriteOnce]\n", ""),
            ),
            (
                "no storage request",
                pvc(
                    "    requests:\n      storage: 1Gi\n",
                    "    limits: {storage: 1Gi}\n",
                ),
            ),
            ("negative storage", pvc("storage: 1Gi", "storage: -1Gi")),
            (
                "volume mode",
                pvc("  accessModes", "  volumeMode: block\n  accessModes"),
            ),
            (
                "selector operator",
                pvc(
                    "  accessModes",
                    "  selector: {matchExpressions: [{key: tier, operator: Is}]}\n  accessModes",
                ),
            ),
            (
                "class name",
                pvc(
                    "  accessModes",
                    "  storageClassName: Fast_SSD\n  accessModes",
                ),
            ),
        ],
        expect![[r###"
            ## valid
            ## no access modes
            5:1 error RequiredField spec.accessModes: PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value: at least 1 access mode is required
            ## no storage request
            7:3 error RequiredField spec.resources[storage]: PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Required value
            ## negative storage
            9:7 error Invalid spec.resources[storage]: PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero
            ## volume mode
            6:3 error UnsupportedValue spec.volumeMode: PersistentVolumeClaim "data" is invalid: spec.volumeMode: Unsupported value: "block": supported values: "Block", "Filesystem"
            ## selector operator
            6:45 error Invalid spec.selector.matchExpressions[0].operator: PersistentVolumeClaim "data" is invalid: spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator
            ## class name
            6:3 error Invalid spec.storageClassName: PersistentVolumeClaim "data" is invalid: spec.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            6:3 warning UnknownStorageClass spec.storageClassName: storageClassName "Fast_SSD" names no StorageClass and no PersistentVolume in this manifest; the claim would stay Pending
        "###]],
    );
}

const CLASS: &str = "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: example.com/nfs
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
";

fn class(from: &str, to: &str) -> String {
    assert!(CLASS.contains(from), "{from}");
    CLASS.replacen(from, to, 1)
}

#[test]
fn storage_class_rules() {
    check_cases(
        &[
            ("valid", CLASS.to_string()),
            (
                "no provisioner",
                class("provisioner: example.com/nfs\n", ""),
            ),
            (
                "provisioner name",
                class("example.com/nfs", "example.com/nfs/v2"),
            ),
            (
                "reclaim policy Recycle",
                class("reclaimPolicy: Delete", "reclaimPolicy: Recycle"),
            ),
            ("binding mode", class("WaitForFirstConsumer", "Later")),
            ("name", class("name: fast", "name: Fast")),
            (
                "empty parameter key",
                class("reclaimPolicy", "parameters: {\"\": x}\nreclaimPolicy"),
            ),
        ],
        expect![[r#"
            ## valid
            ## no provisioner
            1:1 error RequiredField provisioner: StorageClass.storage.k8s.io "fast" is invalid: provisioner: Required value
            ## provisioner name
            5:1 error Invalid provisioner: StorageClass.storage.k8s.io "fast" is invalid: provisioner: Invalid value: "example.com/nfs/v2": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')
            ## reclaim policy Recycle
            6:1 error UnsupportedValue reclaimPolicy: StorageClass.storage.k8s.io "fast" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"
            ## binding mode
            7:1 error UnsupportedValue volumeBindingMode: StorageClass.storage.k8s.io "fast" is invalid: volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"
            ## name
            4:3 error InvalidName metadata.name: StorageClass.storage.k8s.io "Fast" is invalid: metadata.name: Invalid value: "Fast": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            ## empty parameter key
            6:1 error Invalid parameters: StorageClass.storage.k8s.io "fast" is invalid: parameters: Invalid value: "": field can not be empty.
        "#]],
    );
}

const SVC: &str = "apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector: {app: nginx}
  ports:
  - {port: 80, name: web}
";

fn svc(from: &str, to: &str) -> String {
    assert!(SVC.contains(from), "{from}");
    SVC.replacen(from, to, 1)
}

#[test]
fn service_rules() {
    check_cases(
        &[
            ("valid", SVC.to_string()),
            ("upper-case name", svc("name: nginx", "name: Nginx")),
            (
                "name starting with a digit",
                svc("name: nginx", "name: 1nginx"),
            ),
            ("no ports", svc("  ports:\n  - {port: 80, name: web}\n", "")),
            (
                "no ports, headless",
                svc(
                    "  ports:\n  - {port: 80, name: web}\n",
                    "  clusterIP: None\n",
                ),
            ),
            (
                "two ports, one unnamed",
                svc(
                    "- {port: 80, name: web}",
                    "- {port: 80, name: web}\n  - {port: 443}",
                ),
            ),
            ("port zero", svc("port: 80", "port: 0")),
            (
                "target port name",
                svc("name: web}", "name: web, targetPort: http_port}"),
            ),
            (
                "nodePort on ClusterIP",
                svc("name: web}", "name: web, nodePort: 30080}"),
            ),
            ("type", svc("  selector", "  type: Internal\n  selector")),
            (
                "ExternalName without name",
                svc("  selector", "  type: ExternalName\n  selector"),
            ),
            (
                "clusterIP",
                svc("  selector", "  clusterIP: ten\n  selector"),
            ),
            (
                "duplicate port names",
                svc(
                    "- {port: 80, name: web}",
                    "- {port: 80, name: web}\n  - {port: 81, name: web}",
                ),
            ),
        ],
        expect![[r###"
            ## valid
            ## upper-case name
            4:3 error InvalidName metadata.name: Service "Nginx" is invalid: metadata.name: Invalid value: "Nginx": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')
            ## name starting with a digit
            4:3 error InvalidName metadata.name: Service "1nginx" is invalid: metadata.name: Invalid value: "1nginx": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')
            ## no ports
            5:1 error RequiredField spec.ports: Service "nginx" is invalid: spec.ports: Required value
            ## no ports, headless
            ## two ports, one unnamed
            9:5 error RequiredField spec.ports[1].name: Service "nginx" is invalid: spec.ports[1].name: Required value
            ## port zero
            8:6 error Invalid spec.ports[0].port: Service "nginx" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive
            ## target port name
            8:27 error Invalid spec.ports[0].targetPort: Service "nginx" is invalid: spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)
            ## nodePort on ClusterIP
            8:27 error Forbidden spec.ports[0].nodePort: Service "nginx" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'
            ## type
            6:3 error UnsupportedValue spec.type: Service "nginx" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"
            ## ExternalName without name
            5:1 error RequiredField spec.externalName: Service "nginx" is invalid: spec.externalName: Required value
            ## clusterIP
            6:3 error Invalid spec.clusterIPs[0]: Service "nginx" is invalid: spec.clusterIPs[0]: Invalid value: "ten": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
            ## duplicate port names
            9:16 error Invalid spec.ports[1].name: Service "nginx" is invalid: spec.ports[1].name: Duplicate value: "web"
        "###]],
    );
}

#[test]
fn namespace_and_node_rules() {
    check_cases(
        &[
            (
                "namespace name",
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: team.a}\n".to_string(),
            ),
            (
                "node taint effect",
                "apiVersion: v1\nkind: Node\nmetadata: {name: node-1}\nspec:\n  taints: [{key: dedicated, effect: NoRun}]\n".to_string(),
            ),
            (
                "missing name",
                "apiVersion: v1\nkind: Node\nmetadata: {labels: {a: b}}\n".to_string(),
            ),
        ],
        expect![[r###"
            ## namespace name
            3:12 error InvalidName metadata.name: Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots
            ## node taint effect
            5:29 error UnsupportedValue spec.taints[0].effect: Node "node-1" is invalid: spec.taints[0].effect: Unsupported value: "NoRun": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"
            ## missing name
            3:1 error RequiredField metadata.name: Node "" is invalid: metadata.name: Required value: name or generateName is required
        "###]],
    );
}

// ---------------------------------------------------------------------------------------
// Updates

fn object(text: &str) -> Object {
    let parsed = manifest::parse(text);
    let mut object = parsed.objects.into_iter().next().expect("an object");
    defaults::apply(&mut object);
    object
}

fn update(old: &str, new: &str) -> String {
    let (old, new) = (object(old), object(new));
    let errors = validate::update(&old, &new);
    if errors.is_empty() {
        "accepted".to_string()
    } else {
        validate::invalid_message(new.kind(), new.name(), &errors)
    }
}

#[test]
fn statefulset_updates() {
    let changes = [
        ("replicas: 2", "replicas: 5"),
        ("image: nginx", "image: nginx:1.27"),
        ("replicas: 2", "replicas: 2\n  minReadySeconds: 10"),
        ("replicas: 2", "replicas: 2\n  revisionHistoryLimit: 3"),
        ("replicas: 2", "replicas: 2\n  ordinals: {start: 1}"),
        (
            "replicas: 2",
            "replicas: 2\n  updateStrategy: {type: OnDelete}",
        ),
        (
            "replicas: 2",
            "replicas: 2\n  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}",
        ),
        ("serviceName: nginx", "serviceName: other"),
        (
            "replicas: 2",
            "replicas: 2\n  podManagementPolicy: Parallel",
        ),
        (
            "      app: nginx\n  template",
            "      app: nginx\n      tier: web\n  template",
        ),
        ("replicas: 2", "replicas: -2"),
        ("        app: nginx\n", "        app: other\n"),
    ];
    let out: String = changes
        .iter()
        .map(|(from, to)| format!("{to:?}: {}\n", update(STATEFULSET, &sts(from, to))))
        .collect();
    expect![[r#"
        "replicas: 5": accepted
        "image: nginx:1.27": accepted
        "replicas: 2\n  minReadySeconds: 10": accepted
        "replicas: 2\n  revisionHistoryLimit: 3": accepted
        "replicas: 2\n  ordinals: {start: 1}": accepted
        "replicas: 2\n  updateStrategy: {type: OnDelete}": accepted
        "replicas: 2\n  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}": accepted
        "serviceName: other": The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
        "replicas: 2\n  podManagementPolicy: Parallel": The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
        "      app: nginx\n      tier: web\n  template": The StatefulSet "web" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`, spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden]
        "replicas: -2": The StatefulSet "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0
        "        app: other\n": The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`
    "#]]
    .assert_eq(&out);
}

#[test]
fn a_statefulset_service_name_is_checked_on_create_only() {
    let bad = sts("serviceName: nginx", "serviceName: Nginx");
    assert_eq!(
        update(&bad, &bad.replace("replicas: 2", "replicas: 3")),
        "accepted"
    );
}

#[test]
fn storage_updates() {
    let out = [
        (
            "parameters: {a: b}\nprovisioner",
            "parameters: {a: c}\nprovisioner",
        ),
        (
            "provisioner: example.com/nfs",
            "provisioner: example.com/ceph",
        ),
        ("reclaimPolicy: Delete", "reclaimPolicy: Retain"),
        ("WaitForFirstConsumer", "Immediate"),
        ("provisioner:", "allowVolumeExpansion: true\nprovisioner:"),
    ]
    .iter()
    .map(|(from, to)| {
        let old = CLASS.replace("provisioner:", "parameters: {a: b}\nprovisioner:");
        let old = if from.starts_with("parameters") {
            old
        } else {
            CLASS.to_string()
        };
        format!("{to:?}: {}\n", update(&old, &old.replacen(from, to, 1)))
    })
    .collect::<String>();
    expect![[r#"
        "parameters: {a: c}\nprovisioner": The StorageClass "fast" is invalid: parameters: Forbidden: updates to parameters are forbidden.
        "provisioner: example.com/ceph": The StorageClass "fast" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.
        "reclaimPolicy: Retain": The StorageClass "fast" is invalid: reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.
        "Immediate": The StorageClass "fast" is invalid: volumeBindingMode: Invalid value: "Immediate": field is immutable
        "allowVolumeExpansion: true\nprovisioner:": accepted
    "#]]
    .assert_eq(&out);

    let bound = |size: &str| {
        format!(
            "{}status:\n  phase: Bound\n  capacity: {{storage: 1Gi}}\n",
            pvc("1Gi", size)
        )
    };
    let out = [
        (
            "pending claim, new size",
            pvc("1Gi", "1Gi"),
            pvc("1Gi", "2Gi"),
        ),
        ("bound claim grows", bound("1Gi"), bound("2Gi")),
        (
            "bound claim shrinks to its capacity",
            bound("2Gi"),
            bound("1Gi"),
        ),
        (
            "same size, other spelling",
            pvc("1Gi", "1Gi"),
            pvc("1Gi", "1024Mi"),
        ),
        (
            "class added to a claim without",
            pvc("1Gi", "1Gi"),
            pvc("  accessModes", "  storageClassName: fast\n  accessModes"),
        ),
        (
            "access modes changed",
            pvc("1Gi", "1Gi"),
            pvc("ReadWriteOnce", "ReadWriteMany"),
        ),
    ]
    .iter()
    .map(|(name, old, new)| format!("{name}: {}\n", update(old, new)))
    .collect::<String>();
    expect![[r#"
        pending claim, new size: The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims
        bound claim grows: accepted
        bound claim shrinks to its capacity: The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity
        same size, other spelling: accepted
        class added to a claim without: accepted
        access modes changed: The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims
    "#]]
    .assert_eq(&out);

    let out = [
        ("capacity grows", pv("1Gi", "2Gi")),
        ("source changes", pv("/tmp/pv_a", "/tmp/pv_z")),
        (
            "volume mode changes",
            pv(
                "  storageClassName",
                "  volumeMode: Block\n  storageClassName",
            ),
        ),
    ]
    .iter()
    .map(|(name, new)| format!("{name}: {}\n", update(PV, new)))
    .collect::<String>();
    expect![[r#"
        capacity grows: accepted
        source changes: The PersistentVolume "pv1" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation
        volume mode changes: The PersistentVolume "pv1" is invalid: volumeMode: Invalid value: "Block": field is immutable
    "#]]
    .assert_eq(&out);
}

#[test]
fn service_and_pod_updates() {
    let headless = svc("  selector", "  clusterIP: None\n  selector");
    let out = [
        ("made headless", update(SVC, &headless)),
        (
            "headless given an IP",
            update(
                &headless,
                &svc("  selector", "  clusterIP: 10.96.0.20\n  selector"),
            ),
        ),
        ("new selector", update(SVC, &svc("app: nginx", "app: web"))),
        (
            "pod image",
            update(POD, &pod("image: nginx", "image: nginx:latest")),
        ),
        (
            "pod port",
            update(POD, &pod("containerPort: 80", "containerPort: 8080")),
        ),
    ]
    .iter()
    .map(|(name, result)| format!("{name}: {result}\n"))
    .collect::<String>();
    expect![[r#"
        made headless: accepted
        headless given an IP: The Service "nginx" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set
        new selector: accepted
        pod image: accepted
        pod port: The Pod "web-0" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)
    "#]]
    .assert_eq(&out);
}

#[test]
fn messages_as_kubectl_and_the_api_server_print_them() {
    let errors = vec![
        validate::FieldError::invalid(
            "spec.replicas",
            validate::BadValue::Int(-1),
            "must be greater than or equal to 0",
        ),
        validate::FieldError::required("spec.selector", ""),
    ];
    assert_eq!(
        validate::invalid_message(Kind::StatefulSet, "web", &errors[..1]),
        "The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"
    );
    assert_eq!(
        validate::server_message(Kind::StatefulSet, "web", &errors),
        "StatefulSet.apps \"web\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]"
    );
    assert_eq!(
        validate::qualified_kind(Kind::StorageClass),
        "StorageClass.storage.k8s.io"
    );
    assert_eq!(
        validate::qualified_kind(Kind::PersistentVolumeClaim),
        "PersistentVolumeClaim"
    );
}
