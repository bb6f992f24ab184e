//! Dynamic provisioning: who provisions a class, the claim annotations, the external
//! provisioner's failures, and the shape of the PersistentVolume it creates (as YAML).

mod storage_common;

use expect_test::{expect, Expect};
use storage_common::*;
use stsplay::engine::storage::{
    events, external_provision_error, find_provisionable_plugin, provisioned_volume,
    reschedule_provisioning, set_claim_provisioner,
};
use stsplay::manifest::model::{
    Node, Object, PersistentVolumeClaim, StorageClass, TopologySelectorLabelRequirement,
    TopologySelectorTerm,
};
use stsplay::manifest::to_yaml;

fn www0(class: &str) -> PersistentVolumeClaim {
    let mut c = claim_class(pvc("www-web-0", "1Gi", &[RWO]), Some(class));
    c.metadata.namespace = Some("default".into());
    c.metadata.uid = Some("3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00".into());
    c
}

fn check_volume(
    claim: &PersistentVolumeClaim,
    class: &StorageClass,
    node: Option<&Node>,
    expect: Expect,
) {
    let plan = find_provisionable_plugin(claim, &[class]).expect("class provisions");
    let volume = provisioned_volume(
        claim,
        class,
        &plan.provisioner,
        node,
        "2024-01-01T00:00:07Z",
    );
    expect.assert_eq(&to_yaml(&Object::PersistentVolume(volume)));
}

#[test]
fn provisioner_resolution() {
    let classes = [
        class("nfs", "nfs.csi.k8s.io", Some("Immediate")),
        class(
            "local-path",
            "rancher.io/local-path",
            Some("WaitForFirstConsumer"),
        ),
        class(
            "no-provisioner",
            "kubernetes.io/no-provisioner",
            Some("WaitForFirstConsumer"),
        ),
        class("gp2", "kubernetes.io/aws-ebs", Some("Immediate")),
        class("gluster", "kubernetes.io/glusterfs", Some("Immediate")),
    ];
    let classes = refs(&classes);
    let mut out = String::new();
    for name in [
        "nfs",
        "local-path",
        "no-provisioner",
        "gp2",
        "gluster",
        "missing",
    ] {
        let result = match find_provisionable_plugin(&www0(name), &classes) {
            Ok(plan) => format!("provisioned by {}", plan.provisioner),
            Err(message) => format!("ProvisioningFailed: {message}"),
        };
        out += &format!("{name} -> {result}\n");
    }
    expect![[r#"
        nfs -> provisioned by nfs.csi.k8s.io
        local-path -> provisioned by rancher.io/local-path
        no-provisioner -> ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner
        gp2 -> provisioned by ebs.csi.aws.com
        gluster -> ProvisioningFailed: no volume plugin matched name: kubernetes.io/glusterfs
        missing -> ProvisioningFailed: storageclass.storage.k8s.io "missing" not found
    "#]].assert_eq(&out);
}

#[test]
fn claim_annotations() {
    let mut claim = set_claim_provisioner(&www0("nfs"), "nfs.csi.k8s.io");
    claim
        .metadata
        .annotations
        .insert("volume.kubernetes.io/selected-node".into(), "node-1".into());
    let mut out = format!("{:?}\n", claim.metadata.annotations);
    out += &format!(
        "{:?}\n",
        reschedule_provisioning(&claim).metadata.annotations
    );
    expect![[r#"
        {"volume.beta.kubernetes.io/storage-provisioner": "nfs.csi.k8s.io", "volume.kubernetes.io/selected-node": "node-1", "volume.kubernetes.io/storage-provisioner": "nfs.csi.k8s.io"}
        {"volume.beta.kubernetes.io/storage-provisioner": "nfs.csi.k8s.io", "volume.kubernetes.io/storage-provisioner": "nfs.csi.k8s.io"}
    "#]].assert_eq(&out);
}

#[test]
fn external_provisioner_failures() {
    let local = class("local-path", "rancher.io/local-path", Some("Immediate"));
    let mut failing = class("flaky", "nfs.csi.k8s.io", Some("Immediate"));
    failing.parameters.insert(
        "stsplay.dev/provisioning-error".into(),
        "rpc error: code = Internal desc = disk full".into(),
    );
    let nfs = class("nfs", "nfs.csi.k8s.io", Some("Immediate"));
    let rows: Vec<(&str, PersistentVolumeClaim, &StorageClass)> = vec![
        (
            "node-local with Immediate binding",
            www0("local-path"),
            &local,
        ),
        (
            "claim with a selector",
            claim_selector(www0("nfs"), "tier", "gold"),
            &nfs,
        ),
        ("failure parameter", www0("flaky"), &failing),
        ("plain nfs", www0("nfs"), &nfs),
    ];
    let mut out = String::new();
    for (case, claim, class) in rows {
        let line = match external_provision_error(&claim, class, &class.provisioner) {
            Some(err) => {
                let e = events::provisioning_failed_external(&class.metadata.name, &err);
                format!("{} {}: {}", e.type_, e.reason, e.message)
            }
            None => "succeeds".into(),
        };
        out += &format!("{case} -> {line}\n");
    }
    expect![[r#"
        node-local with Immediate binding -> Warning ProvisioningFailed: failed to provision volume with StorageClass "local-path": configuration error, no node was specified
        claim with a selector -> Warning ProvisioningFailed: failed to provision volume with StorageClass "nfs": claim Selector is not supported
        failure parameter -> Warning ProvisioningFailed: failed to provision volume with StorageClass "flaky": rpc error: code = Internal desc = disk full
        plain nfs -> succeeds
    "#]].assert_eq(&out);
}

#[test]
fn csi_volume_shape() {
    let mut nfs = class("nfs", "nfs.csi.k8s.io", Some("Immediate"));
    nfs.parameters
        .insert("server".into(), "nfs-server.default.svc".into());
    nfs.parameters.insert("share".into(), "/".into());
    nfs.mount_options = vec!["nfsvers=4.1".into()];
    check_volume(
        &www0("nfs"),
        &nfs,
        None,
        expect![[r#"
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              annotations:
                pv.kubernetes.io/provisioned-by: nfs.csi.k8s.io
              creationTimestamp: "2024-01-01T00:00:07Z"
              finalizers:
              - kubernetes.io/pv-protection
              - external-provisioner.volume.kubernetes.io/finalizer
              name: pvc-3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
            spec:
              accessModes:
              - ReadWriteOnce
              capacity:
                storage: 1Gi
              claimRef:
                apiVersion: v1
                kind: PersistentVolumeClaim
                name: www-web-0
                namespace: default
                uid: 3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
              csi:
                driver: nfs.csi.k8s.io
                volumeAttributes:
                  server: nfs-server.default.svc
                  share: /
                volumeHandle: pvc-3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
              mountOptions:
              - nfsvers=4.1
              persistentVolumeReclaimPolicy: Delete
              storageClassName: nfs
              volumeMode: Filesystem
            status:
              lastPhaseTransitionTime: "2024-01-01T00:00:07Z"
              phase: Pending
        "#]],
    );
}

#[test]
fn retain_class_with_topology() {
    let mut zonal = class("zonal", "ebs.csi.aws.com", Some("WaitForFirstConsumer"));
    zonal.reclaim_policy = Some("Retain".into());
    zonal.allowed_topologies = vec![TopologySelectorTerm {
        match_label_expressions: vec![TopologySelectorLabelRequirement {
            key: "topology.kubernetes.io/zone".into(),
            values: vec!["eu-west-1a".into()],
        }],
    }];
    let mut claim = www0("zonal");
    claim.spec.access_modes = vec![RWO.into(), ROX.into()];
    check_volume(
        &claim,
        &zonal,
        None,
        expect![[r#"
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              annotations:
                pv.kubernetes.io/provisioned-by: ebs.csi.aws.com
              creationTimestamp: "2024-01-01T00:00:07Z"
              finalizers:
              - kubernetes.io/pv-protection
              name: pvc-3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
            spec:
              accessModes:
              - ReadWriteOnce
              - ReadOnlyMany
              capacity:
                storage: 1Gi
              claimRef:
                apiVersion: v1
                kind: PersistentVolumeClaim
                name: www-web-0
                namespace: default
                uid: 3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
              csi:
                driver: ebs.csi.aws.com
                volumeHandle: pvc-3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - key: topology.kubernetes.io/zone
                      operator: In
                      values:
                      - eu-west-1a
              persistentVolumeReclaimPolicy: Retain
              storageClassName: zonal
              volumeMode: Filesystem
            status:
              lastPhaseTransitionTime: "2024-01-01T00:00:07Z"
              phase: Pending
        "#]],
    );
}

#[test]
fn local_path_volume_shape() {
    let local = class(
        "local-path",
        "rancher.io/local-path",
        Some("WaitForFirstConsumer"),
    );
    let node1 = node("node-1", "kubernetes.io/hostname", "node-1");
    check_volume(
        &www0("local-path"),
        &local,
        Some(&node1),
        expect![[r#"
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              annotations:
                pv.kubernetes.io/provisioned-by: rancher.io/local-path
              creationTimestamp: "2024-01-01T00:00:07Z"
              finalizers:
              - kubernetes.io/pv-protection
              name: pvc-3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
            spec:
              accessModes:
              - ReadWriteOnce
              capacity:
                storage: 1Gi
              claimRef:
                apiVersion: v1
                kind: PersistentVolumeClaim
                name: www-web-0
                namespace: default
                uid: 3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00
              hostPath:
                path: /opt/local-path-provisioner/pvc-3f1c2a4e-8b0d-4c1e-9a6b-2d7f5e9c1a00_default_www-web-0
                type: DirectoryOrCreate
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - key: kubernetes.io/hostname
                      operator: In
                      values:
                      - node-1
              persistentVolumeReclaimPolicy: Delete
              storageClassName: local-path
              volumeMode: Filesystem
            status:
              lastPhaseTransitionTime: "2024-01-01T00:00:07Z"
              phase: Pending
        "#]],
    );
}
