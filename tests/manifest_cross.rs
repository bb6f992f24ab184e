//! Warnings across objects, which no API-server validator gives: the governing Service of a
//! StatefulSet (missing, not headless, not selecting the pods), storage classes nothing
//! carries, volume mounts without a volume, several default classes, and PersistentVolumes
//! reserved for claims that will never exist. Each case shows every diagnostic with its
//! position and path (`## case` headers); `UPDATE_EXPECT=1 cargo test` re-blesses.

use expect_test::{expect, Expect};
use stsplay::manifest::{self, Severity};

fn check_cases(cases: &[(&str, String)], expect: Expect) {
    let mut out = String::new();
    for (name, text) in cases {
        out.push_str(&format!("## {name}\n"));
        for d in &manifest::parse(text).diagnostics {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "{}:{}:{} {severity} {:?} {}: {}\n",
                d.document, d.line, d.column, d.code, d.path, d.message
            ));
        }
    }
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
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      storageClassName: gsh-pv
      resources:
        requests:
          storage: 1Gi
";

const SERVICE: &str = "apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
";

const PV: &str = "apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: gsh-pv
  hostPath: {path: /tmp/pv_a}
";

fn docs(parts: &[&str]) -> String {
    parts.join("---\n")
}

#[test]
fn the_governing_service() {
    check_cases(
        &[
            ("all present", docs(&[PV, SERVICE, STATEFULSET])),
            ("no Service", docs(&[PV, STATEFULSET])),
            (
                "Service in another namespace",
                docs(&[
                    PV,
                    &SERVICE.replace("  name: nginx", "  name: nginx\n  namespace: other"),
                    STATEFULSET,
                ]),
            ),
            (
                "not headless",
                docs(&[
                    PV,
                    &SERVICE.replace("  clusterIP: None\n", "  ports: [{port: 80}]\n"),
                    STATEFULSET,
                ]),
            ),
            (
                "selects other pods",
                docs(&[PV, &SERVICE.replace("app: nginx", "app: web"), STATEFULSET]),
            ),
            (
                "no selector",
                docs(&[
                    PV,
                    &SERVICE.replace("  selector:\n    app: nginx\n", ""),
                    STATEFULSET,
                ]),
            ),
        ],
        expect![[r###"
            ## all present
            ## no Service
            1:16:3 warning ServiceMissing spec.serviceName: serviceName "nginx" names no Service in namespace "default"; the pods run, but names such as web-0.nginx.default.svc.cluster.local will not resolve
            ## Service in another namespace
            2:26:3 warning ServiceMissing spec.serviceName: serviceName "nginx" names no Service in namespace "default"; the pods run, but names such as web-0.nginx.default.svc.cluster.local will not resolve
            ## not headless
            2:25:3 warning ServiceNotHeadless spec.serviceName: Service "nginx" is not headless (it gets a cluster IP); the governing Service of a StatefulSet should set clusterIP: None
            ## selects other pods
            2:25:3 warning ServiceSelectorMismatch spec.serviceName: Service "nginx" selects app=web but the pod template's labels are app=nginx; the pods get no endpoints and no DNS records
            ## no selector
            2:23:3 warning ServiceSelectorMismatch spec.serviceName: Service "nginx" has no selector, so it selects none of the pods; they get no endpoints and no DNS records
        "###]],
    );
}

#[test]
fn storage_classes_and_mounts() {
    let class = "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: \"true\"
provisioner: example.com/nfs
";
    check_cases(
        &[
            (
                "class carried by a StorageClass",
                docs(&[class, SERVICE, &STATEFULSET.replace("gsh-pv", "fast")]),
            ),
            ("class carried by nothing", docs(&[SERVICE, STATEFULSET])),
            (
                "claim with an unknown class",
                "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: slow\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n".to_string(),
            ),
            (
                "claim with no class or the empty class",
                "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: a}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: b}\nspec:\n  storageClassName: \"\"\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n".to_string(),
            ),
            (
                "mount of nothing",
                docs(&[PV, SERVICE, &STATEFULSET.replace("        - name: www", "        - name: data")]),
            ),
            (
                "mount of a template volume",
                docs(&[PV, SERVICE, &STATEFULSET.replace(
                    "        - name: www\n          mountPath: /usr/share/nginx/html\n",
                    "        - name: www\n          mountPath: /usr/share/nginx/html\n        - name: cache\n          mountPath: /cache\n      volumes:\n      - name: cache\n        emptyDir: {}\n",
                )]),
            ),
            (
                "two default classes",
                docs(&[class, &class.replace("name: fast", "name: slow")]),
            ),
        ],
        expect![[r###"
            ## class carried by a StorageClass
            ## class carried by nothing
            1:36:7 warning UnknownStorageClass spec.volumeClaimTemplates[0].spec.storageClassName: storageClassName "gsh-pv" names no StorageClass and no PersistentVolume in this manifest; the claim would stay Pending
            ## claim with an unknown class
            0:5:3 warning UnknownStorageClass spec.storageClassName: storageClassName "slow" names no StorageClass and no PersistentVolume in this manifest; the claim would stay Pending
            ## claim with no class or the empty class
            ## mount of nothing
            2:39:11 warning MountWithoutVolume spec.template.spec.containers[0].volumeMounts[0].name: volumeMount "data" matches no volume in spec.template.spec.volumes and no volumeClaimTemplate; every pod would be rejected with spec.containers[0].volumeMounts[0].name: Not found: "data"
            ## mount of a template volume
            ## two default classes
            1:14:5 warning SeveralDefaultClasses metadata.annotations[storageclass.kubernetes.io/is-default-class]: StorageClasses "fast" and "slow" are both marked default; a claim without storageClassName gets the most recently created one
        "###]],
    );
}

#[test]
fn claim_references_of_volumes() {
    let reserved = |claim: &str| {
        PV.replace(
            "  hostPath",
            &format!("  claimRef: {{namespace: default, name: {claim}}}\n  hostPath"),
        )
    };
    check_cases(
        &[
            (
                "reserved for a claim the StatefulSet will create",
                docs(&[&reserved("www-web-1"), SERVICE, STATEFULSET]),
            ),
            (
                "reserved for an ordinal beyond replicas",
                docs(&[&reserved("www-web-2"), SERVICE, STATEFULSET]),
            ),
            (
                "reserved for a claim in the manifest",
                docs(&[&reserved("data"), "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gsh-pv\n  resources: {requests: {storage: 1Gi}}\n"]),
            ),
            (
                "reserved without a namespace",
                PV.replace("  hostPath", "  claimRef: {name: data}\n  hostPath"),
            ),
        ],
        expect![[r#"
            ## reserved for a claim the StatefulSet will create
            ## reserved for an ordinal beyond replicas
            0:9:3 warning ClaimRefMissing spec.claimRef: claimRef reserves this volume for claim "default/www-web-2", which is not in this manifest; no other claim can bind it
            ## reserved for a claim in the manifest
            ## reserved without a namespace
            0:9:3 warning ClaimRefMissing spec.claimRef: claimRef reserves this volume for claim "<no namespace>/data", which is not in this manifest; no other claim can bind it
        "#]],
    );
}
