//! The seed's two storage walkthroughs as transcripts: static hostPath volumes bound in
//! order to a StatefulSet's claims, surviving pod and StatefulSet deletion; and dynamic
//! provisioning through a StorageClass, with Delete vs Retain, WaitForFirstConsumer and
//! volume expansion.

use expect_test::{expect, Expect};
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::present::shell;

const WEB: &str = include_str!("../static/examples/web.yaml");

fn transcript(yaml: &str, commands: &[&str]) -> String {
    let mut sim = Simulation::new(1);
    let mut out = String::new();
    for line in std::iter::once("kubectl apply -f scenario.yaml").chain(commands.iter().copied()) {
        let printed = shell::run(&mut sim, line, &|_| Ok(yaml.to_string()));
        out.push_str(&format!("$ {line}\n{}", printed.output));
        assert_eq!(sim.settle(), Settle::Settled);
    }
    out
}

fn check(yaml: &str, commands: &[&str], expect: Expect) {
    expect.assert_eq(&transcript(yaml, commands));
}

#[test]
fn static_volumes_bind_in_order_and_outlive_pods_and_the_statefulset() {
    check(
        WEB,
        &[
            "kubectl get pvc",
            "kubectl delete pod web-0",
            "kubectl get pvc www-web-0",
            "kubectl delete statefulset web",
            "kubectl get pods",
            "kubectl get pvc",
            "kubectl get pv",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            $ kubectl get pvc
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    pv1      1Gi        RWO            gsh-pv         <unset>                 12s
            www-web-1   Bound    pv2      1Gi        RWO            gsh-pv         <unset>                 8s
            www-web-2   Bound    pv3      1Gi        RWO            gsh-pv         <unset>                 4s
            $ kubectl delete pod web-0
            pod "web-0" deleted
            $ kubectl get pvc www-web-0
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    pv1      1Gi        RWO            gsh-pv         <unset>                 16s
            $ kubectl delete statefulset web
            statefulset.apps "web" deleted
            $ kubectl get pods
            No resources found in default namespace.
            $ kubectl get pvc
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    pv1      1Gi        RWO            gsh-pv         <unset>                 18s
            www-web-1   Bound    pv2      1Gi        RWO            gsh-pv         <unset>                 14s
            www-web-2   Bound    pv3      1Gi        RWO            gsh-pv         <unset>                 10s
            $ kubectl get pv
            NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
            pv1    1Gi        RWO            Retain           Bound    default/www-web-0   gsh-pv         <unset>                          18s
            pv2    1Gi        RWO            Retain           Bound    default/www-web-1   gsh-pv         <unset>                          18s
            pv3    1Gi        RWO            Retain           Bound    default/www-web-2   gsh-pv         <unset>                          18s
        "#]],
    );
}

fn dynamic(reclaim: &str, mode: &str) -> String {
    format!(
        "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: nfs
provisioner: nfs.csi.k8s.io
reclaimPolicy: {reclaim}
volumeBindingMode: {mode}
allowVolumeExpansion: true
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: nfs
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
"
    )
}

const CONSUMER: &str = "apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}
";

#[test]
fn delete_policy_removes_the_volume_with_its_claim() {
    let out = transcript(
        &dynamic("Delete", "Immediate"),
        &[
            "kubectl get pvc data -o jsonpath={.status.phase}",
            "kubectl get pv -o name",
            "kubectl delete pvc data",
            "kubectl get pv",
        ],
    );
    assert!(out.contains("-o jsonpath={.status.phase}\nBound"), "{out}");
    assert!(out.contains("persistentvolume/pvc-"), "{out}");
    assert!(
        out.ends_with("$ kubectl get pv\nNo resources found\n"),
        "{out}"
    );
}

#[test]
fn retain_policy_leaves_the_volume_released() {
    let out = transcript(
        &dynamic("Retain", "Immediate"),
        &[
            "kubectl delete pvc data",
            "kubectl get pv -o jsonpath={.items[0].status.phase}",
        ],
    );
    assert!(
        out.ends_with("-o jsonpath={.items[0].status.phase}\nReleased"),
        "{out}"
    );
}

#[test]
fn wait_for_first_consumer_waits_for_a_pod() {
    let yaml = dynamic("Delete", "WaitForFirstConsumer");
    let out = transcript(
        &yaml,
        &[
            "kubectl get pvc data -o jsonpath={.status.phase}",
            "kubectl get pv",
            "kubectl get events -o jsonpath={.items[*].reason}",
        ],
    );
    assert!(
        out.contains("-o jsonpath={.status.phase}\nPending"),
        "{out}"
    );
    assert!(
        out.contains("$ kubectl get pv\nNo resources found\n"),
        "{out}"
    );
    assert!(out.contains("WaitForFirstConsumer"), "{out}");
    let with_pod = format!("{yaml}---\n{CONSUMER}");
    let out = transcript(&with_pod, &["kubectl get pvc data -o jsonpath={.metadata.annotations.volume\\.kubernetes\\.io/selected-node}", "kubectl get pvc data -o jsonpath={.status.phase}", "kubectl get pod app -o jsonpath={.status.phase}"]);
    assert!(out.ends_with("-o jsonpath={.status.phase}\nBound$ kubectl get pod app -o jsonpath={.status.phase}\nRunning"), "{out}");
}

#[test]
fn an_expandable_claim_grows_and_a_shrink_is_refused() {
    let yaml = format!("{}---\n{CONSUMER}", dynamic("Delete", "Immediate"));
    check(
        &yaml,
        &[
            r#"kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'"#,
            "kubectl get pvc data",
            r#"kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}'"#,
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            storageclass.storage.k8s.io/nfs created
            persistentvolumeclaim/data created
            pod/app created
            $ kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'
            persistentvolumeclaim/data patched
            $ kubectl get pvc data
            NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            data   Bound    pvc-29167527-0e30-4dc3-b8af-eb355eeef15a   2Gi        RWO            nfs            <unset>                 7s
            $ kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}'
            The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity
        "#]],
    );
}
