//! The bind procedure's object changes (who gets `bound-by-controller`, what the claim's
//! status shows) as upstream's binder cases expect them, and the protection finalizers.

mod storage_common;

use expect_test::expect;
use storage_common::*;
use stsplay::engine::storage::{
    bind_claim_to_volume, bind_volume_to_claim, claim_with_status, pv_protection_can_release,
    pvc_protection_blockers, sync_unbound_claim, UnboundClaimSync,
};
use stsplay::manifest::model::{
    PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimVolumeSource, Pod, Volume,
};

/// Runs one claim sync and, if it binds, applies the bind; prints both objects' binding fields.
fn bind(claim: &PersistentVolumeClaim, volumes: &[PersistentVolume]) -> String {
    let refs = refs(volumes);
    let UnboundClaimSync::Bind { volume } = sync_unbound_claim(claim, &refs, &[]) else {
        return "no bind\n".into();
    };
    let pv = bind_volume_to_claim(volume, claim);
    let claim = claim_with_status(&bind_claim_to_volume(claim, &pv), "Bound", Some(&pv));
    let r = pv.spec.claim_ref.clone().unwrap_or_default();
    let status = claim.status.clone().unwrap_or_default();
    format!(
        "pv {}: claimRef {}/{} uid {}, annotations {:?}\nclaim: volumeName {}, annotations {:?}, status {:?} {:?} {:?}\n",
        pv.metadata.name,
        r.namespace.unwrap_or_default(),
        r.name.unwrap_or_default(),
        r.uid.unwrap_or_default(),
        pv.metadata.annotations,
        claim.spec.volume_name.unwrap_or_default(),
        claim.metadata.annotations,
        status.phase.unwrap_or_default(),
        status.access_modes,
        status.capacity,
    )
}

#[test]
fn bind_cases() {
    let claim = pvc("claim", "1Gi", &[RWO]);
    let mut named = claim.clone();
    named.spec.volume_name = Some("big".into());
    let mut out = String::new();
    out += "1-1 successful bind\n";
    out += &bind(&claim, &[pv("volume", "1Gi", &[RWO])]);
    out += "1-5 prebound volume by name\n";
    out += &bind(
        &claim,
        &[
            pv("small", "1Gi", &[RWO]),
            with_claim_ref(pv("big", "10Gi", &[RWO]), "myns", "claim", ""),
        ],
    );
    // Groups come first: a volume pre-bound to the claim in the RWO,ROX group is never
    // reached when the RWO group already has a match.
    out += "pre-bound volume in a later access-mode group\n";
    out += &bind(
        &claim,
        &[
            pv("small", "1Gi", &[RWO]),
            with_claim_ref(pv("big", "10Gi", &[RWO, ROX]), "myns", "claim", ""),
        ],
    );
    out += "1-15 successful prebound PVC\n";
    out += &bind(
        &named,
        &[pv("small", "1Gi", &[RWO]), pv("big", "10Gi", &[RWO])],
    );
    out += "2-4 claim prebound to prebound volume by name\n";
    out += &bind(
        &named,
        &[with_claim_ref(
            pv("big", "10Gi", &[RWO]),
            "myns",
            "claim",
            "",
        )],
    );
    expect![[r#"
        1-1 successful bind
        pv volume: claimRef myns/claim uid uid-claim, annotations {"pv.kubernetes.io/bound-by-controller": "yes"}
        claim: volumeName volume, annotations {"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes"}, status "Bound" ["ReadWriteOnce"] {"storage": "1Gi"}
        1-5 prebound volume by name
        pv big: claimRef myns/claim uid uid-claim, annotations {}
        claim: volumeName big, annotations {"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes"}, status "Bound" ["ReadWriteOnce"] {"storage": "10Gi"}
        pre-bound volume in a later access-mode group
        pv small: claimRef myns/claim uid uid-claim, annotations {"pv.kubernetes.io/bound-by-controller": "yes"}
        claim: volumeName small, annotations {"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes"}, status "Bound" ["ReadWriteOnce"] {"storage": "1Gi"}
        1-15 successful prebound PVC
        pv big: claimRef myns/claim uid uid-claim, annotations {"pv.kubernetes.io/bound-by-controller": "yes"}
        claim: volumeName big, annotations {"pv.kubernetes.io/bind-completed": "yes"}, status "Bound" ["ReadWriteOnce"] {"storage": "10Gi"}
        2-4 claim prebound to prebound volume by name
        pv big: claimRef myns/claim uid uid-claim, annotations {}
        claim: volumeName big, annotations {"pv.kubernetes.io/bind-completed": "yes"}, status "Bound" ["ReadWriteOnce"] {"storage": "10Gi"}
    "#]].assert_eq(&out);
}

#[test]
fn claim_status_keeps_capacity_once_bound() {
    let volume = pv("volume", "2Gi", &[RWO]);
    let bound = claim_with_status(&pvc("claim", "1Gi", &[RWO]), "Bound", Some(&volume));
    let grown = with_class(pv("volume", "5Gi", &[RWO]), "");
    let again = claim_with_status(&bound, "Bound", Some(&grown));
    let pending = claim_with_status(&again, "Pending", None);
    let show = |c: &PersistentVolumeClaim| format!("{:?}\n", c.status);
    let out = show(&bound) + &show(&again) + &show(&pending);
    expect![[r#"
        Some(PersistentVolumeClaimStatus { phase: Some("Bound"), access_modes: ["ReadWriteOnce"], capacity: {"storage": "2Gi"}, conditions: [], allocated_resources: {} })
        Some(PersistentVolumeClaimStatus { phase: Some("Bound"), access_modes: ["ReadWriteOnce"], capacity: {"storage": "2Gi"}, conditions: [], allocated_resources: {} })
        Some(PersistentVolumeClaimStatus { phase: Some("Pending"), access_modes: [], capacity: {}, conditions: [], allocated_resources: {} })
    "#]].assert_eq(&out);
}

fn pod(name: &str, node: Option<&str>, claim: &str) -> Pod {
    let mut p = Pod::default();
    p.metadata.name = name.into();
    p.metadata.namespace = Some("myns".into());
    p.spec.node_name = node.map(Into::into);
    p.spec.volumes = vec![Volume {
        name: "www".into(),
        persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
            claim_name: claim.into(),
            read_only: None,
        }),
        extra: Default::default(),
    }];
    p
}

#[test]
fn protection_finalizers() {
    let claim = pvc("www-web-0", "1Gi", &[RWO]);
    let running = pod("web-0", Some("node-1"), "www-web-0");
    let pending = pod("web-0", None, "www-web-0");
    let other = pod("web-1", Some("node-1"), "www-web-1");
    let mut elsewhere = pod("web-0", Some("node-1"), "www-web-0");
    elsewhere.metadata.namespace = Some("other".into());
    let mut out = String::new();
    for (case, pods) in [
        ("scheduled pod uses it", vec![&running, &other]),
        ("only an unscheduled pod", vec![&pending]),
        ("same name in another namespace", vec![&elsewhere]),
    ] {
        out += &format!(
            "{case} -> blockers {:?}\n",
            pvc_protection_blockers(&claim, &pods)
        );
    }
    for phase in ["Bound", "Released", "Available"] {
        let volume = with_phase(pv("pv1", "1Gi", &[RWO]), Some(phase));
        out += &format!(
            "pv {phase} -> finalizer may go: {}\n",
            pv_protection_can_release(&volume)
        );
    }
    expect![[r#"
        scheduled pod uses it -> blockers ["web-0"]
        only an unscheduled pod -> blockers []
        same name in another namespace -> blockers []
        pv Bound -> finalizer may go: false
        pv Released -> finalizer may go: true
        pv Available -> finalizer may go: true
    "#]]
    .assert_eq(&out);
}
