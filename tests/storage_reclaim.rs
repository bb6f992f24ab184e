//! Volume sync, reclaim policies and claim expansion, as upstream's `TestSync` (set 3 and
//! 4), `TestDeleteSync`, `TestRecycleSync` and the resize admission name their cases.

mod storage_common;

use expect_test::expect;
use storage_common::*;
use stsplay::engine::storage::{
    clear_claim_ref, find_best_match_for_claim, reclaim_policy_note, reclaim_volume,
    sync_bound_claim, sync_volume, unbind_volume, validate_claim_resize, BindingMode, Reclaim,
    VolumeSync,
};
use stsplay::manifest::model::{
    HostPathVolumeSource, NfsVolumeSource, PersistentVolume, PersistentVolumeClaim,
    PersistentVolumeClaimStatus, StorageClass,
};

fn policy(mut v: PersistentVolume, policy: &str) -> PersistentVolume {
    v.spec.persistent_volume_reclaim_policy = Some(policy.into());
    v
}

fn annotate(mut v: PersistentVolume, key: &str, value: &str) -> PersistentVolume {
    v.metadata.annotations.insert(key.into(), value.into());
    v
}

fn bound_claim(name: &str, uid: &str, volume: &str) -> PersistentVolumeClaim {
    let mut c = pvc(name, "1Gi", &[RWO]);
    c.metadata.uid = Some(uid.into());
    c.spec.volume_name = (!volume.is_empty()).then(|| volume.into());
    c
}

fn show_sync(s: &VolumeSync) -> String {
    match s {
        VolumeSync::Phase(p) => format!("phase {p}"),
        VolumeSync::Release => "release, then reclaim".into(),
        VolumeSync::WaitForClaim => "wait for the claim sync".into(),
        VolumeSync::VolumeModeMismatch {
            on_volume,
            on_claim,
        } => {
            format!(
                "{}: {} / {}",
                on_volume.reason, on_volume.message, on_claim.message
            )
        }
        VolumeSync::Unbind => "unbind".into(),
    }
}

#[test]
fn volume_sync_cases() {
    let base = || pv("volume", "1Gi", &[RWO]);
    let claimed = |uid: &str| with_claim_ref(base(), "myns", "claim", uid);
    let rows: Vec<(&str, PersistentVolume, Option<PersistentVolumeClaim>)> = vec![
        (
            "4-1 pending volume",
            with_phase(base(), Some("Pending")),
            None,
        ),
        ("4-2 pending prebound volume", claimed(""), None),
        (
            "4-3 bound volume with missing claim",
            claimed("uid-claim"),
            None,
        ),
        (
            "4-4 volume bound to claim with different UID",
            claimed("old-uid"),
            Some(bound_claim("claim", "new-uid", "volume")),
        ),
        (
            "4-5 volume bound to unbound claim",
            claimed("uid-claim"),
            Some(bound_claim("claim", "uid-claim", "")),
        ),
        (
            "4-6 volume bound to bound claim",
            claimed("uid-claim"),
            Some(bound_claim("claim", "uid-claim", "volume")),
        ),
        (
            "4-7 volume bound by controller to claim bound somewhere else",
            annotate(
                claimed("uid-claim"),
                "pv.kubernetes.io/bound-by-controller",
                "yes",
            ),
            Some(bound_claim("claim", "uid-claim", "other")),
        ),
        (
            "4-8 volume bound by user to claim bound somewhere else",
            claimed("uid-claim"),
            Some(bound_claim("claim", "uid-claim", "other")),
        ),
        (
            "8-11 provisioned Delete volume, claim bound elsewhere",
            policy(
                annotate(claimed("uid-claim"), "pv.kubernetes.io/provisioned-by", "p"),
                "Delete",
            ),
            Some(bound_claim("claim", "uid-claim", "other")),
        ),
        (
            "14-13 prebound volume with a volumeMode mismatch",
            with_mode(claimed("uid-claim"), Some("Block")),
            Some(bound_claim("claim", "uid-claim", "")),
        ),
    ];
    let out: String = rows
        .iter()
        .map(|(case, v, c)| format!("{case} -> {}\n", show_sync(&sync_volume(v, c.as_ref()))))
        .collect();
    expect![[r#"
        4-1 pending volume -> phase Available
        4-2 pending prebound volume -> phase Available
        4-3 bound volume with missing claim -> release, then reclaim
        4-4 volume bound to claim with different UID -> release, then reclaim
        4-5 volume bound to unbound claim -> wait for the claim sync
        4-6 volume bound to bound claim -> phase Bound
        4-7 volume bound by controller to claim bound somewhere else -> unbind
        4-8 volume bound by user to claim bound somewhere else -> unbind
        8-11 provisioned Delete volume, claim bound elsewhere -> release, then reclaim
        14-13 prebound volume with a volumeMode mismatch -> VolumeMismatch: Cannot bind PersistentVolume to requested PersistentVolumeClaim "claim" due to incompatible volumeMode. / Cannot bind PersistentVolume "volume" to requested PersistentVolumeClaim due to incompatible volumeMode.
    "#]].assert_eq(&out);
}

#[test]
fn unbind_and_admin_reuse() {
    let controller_bound = annotate(
        with_claim_ref(pv("a", "1Gi", &[RWO]), "myns", "claim", "u1"),
        "pv.kubernetes.io/bound-by-controller",
        "yes",
    );
    let user_bound = with_claim_ref(pv("b", "1Gi", &[RWO]), "myns", "claim", "u1");
    let a = unbind_volume(&controller_bound);
    let b = unbind_volume(&user_bound);
    let mut out = format!(
        "controller-bound -> claimRef {:?}, annotations {:?}, phase {:?}\n",
        a.spec.claim_ref,
        a.metadata.annotations,
        a.status.and_then(|s| s.phase)
    );
    let r = b.spec.claim_ref.clone().unwrap_or_default();
    out += &format!(
        "user-bound -> claimRef {:?}/{:?} uid {:?}\n",
        r.namespace, r.name, r.uid
    );

    // Retain: a Released volume keeps its claimRef; a new claim with the same name (new UID)
    // cannot bind it until the admin removes the claimRef.
    let released = with_phase(
        policy(
            with_claim_ref(pv("pv1", "1Gi", &[RWO]), "myns", "www", "old-uid"),
            "Retain",
        ),
        Some("Released"),
    );
    let mut new_claim = pvc("www", "1Gi", &[RWO]);
    new_claim.metadata.uid = Some("new-uid".into());
    let found = |v: &PersistentVolume| {
        find_best_match_for_claim(&new_claim, &[v], BindingMode::Immediate)
            .ok()
            .flatten()
            .map_or("<none>".to_string(), |v| v.metadata.name.clone())
    };
    out += &format!(
        "released, new claim of the same name -> {}\n",
        found(&released)
    );
    let cleared = clear_claim_ref(&released);
    out += &format!(
        "after clearing claimRef, sync -> {}\n",
        show_sync(&sync_volume(&cleared, None))
    );
    let available = with_phase(cleared, Some("Available"));
    out += &format!("then the new claim -> {}\n", found(&available));
    expect![[r#"
        controller-bound -> claimRef None, annotations {}, phase Some("Available")
        user-bound -> claimRef Some("myns")/Some("claim") uid None
        released, new claim of the same name -> <none>
        after clearing claimRef, sync -> phase Available
        then the new claim -> pv1
    "#]]
    .assert_eq(&out);
}

#[test]
fn reclaim_policies() {
    let at = |path: &str| {
        let mut v = pv("vol", "1Gi", &[RWO]);
        v.spec.host_path = Some(HostPathVolumeSource {
            path: path.into(),
            type_: None,
        });
        v
    };
    let mut nfs = pv("nfs-vol", "1Gi", &[RWO]);
    nfs.spec.nfs = Some(NfsVolumeSource {
        server: "s".into(),
        path: "/".into(),
        read_only: None,
    });
    let mut local = pv("local-vol", "1Gi", &[RWO]);
    local.spec.local = Some(Default::default());
    let rows: Vec<(&str, PersistentVolume, Vec<&str>)> = vec![
        ("Retain", policy(at("/data/pv1"), "Retain"), vec![]),
        (
            "Delete, external provisioner",
            annotate(
                policy(pv("pvc-1", "1Gi", &[RWO]), "Delete"),
                "pv.kubernetes.io/provisioned-by",
                "rancher.io/local-path",
            ),
            vec![],
        ),
        (
            "Delete, hostPath under /tmp",
            policy(at("/tmp/pv1"), "Delete"),
            vec![],
        ),
        (
            "Delete, hostPath elsewhere",
            policy(at("/data/pv1"), "Delete"),
            vec![],
        ),
        (
            "Delete, local volume",
            policy(local.clone(), "Delete"),
            vec![],
        ),
        (
            "Delete, no source (4-10)",
            policy(pv("volume4-10", "1Gi", &[RWO]), "Delete"),
            vec![],
        ),
        ("Recycle, nfs", policy(nfs.clone(), "Recycle"), vec![]),
        (
            "Recycle, still used",
            policy(nfs, "Recycle"),
            vec!["default/web-0"],
        ),
        ("Recycle, local (6-3)", policy(local, "Recycle"), vec![]),
        (
            "unknown policy (6-10)",
            policy(at("/tmp/x"), "Shred"),
            vec![],
        ),
        (
            "migrated",
            annotate(
                policy(at("/tmp/x"), "Delete"),
                "pv.kubernetes.io/migrated-to",
                "ebs.csi.aws.com",
            ),
            vec![],
        ),
    ];
    let mut out = String::new();
    for (case, volume, pods) in rows {
        let shown = match reclaim_volume(&volume, &pods) {
            Reclaim::RecycleFails { event }
            | Reclaim::RecycleWaits { event }
            | Reclaim::Unknown { event } => {
                format!("{} {}: {}", event.type_, event.reason, event.message)
            }
            other => format!("{other:?}"),
        };
        out += &format!("{case} -> {shown}\n");
    }
    out += &format!("note -> {:?}\n", reclaim_policy_note("Recycle"));
    expect![[r#"
        Retain -> Retain
        Delete, external provisioner -> Delete(External)
        Delete, hostPath under /tmp -> Delete(InTree)
        Delete, hostPath elsewhere -> Delete(Fails { message: "host_path deleter only supports /tmp/.+ but received provided /data/pv1" })
        Delete, local volume -> Delete(Fails { message: "error getting deleter volume plugin for volume \"local-vol\": no deletable volume plugin matched" })
        Delete, no source (4-10) -> Delete(Fails { message: "error getting deleter volume plugin for volume \"volume4-10\": no volume plugin matched" })
        Recycle, nfs -> Recycle
        Recycle, still used -> Normal VolumeFailedRecycle: Volume is used by pods: default/web-0
        Recycle, local (6-3) -> Warning VolumeFailedRecycle: No recycler plugin found for the volume!
        unknown policy (6-10) -> Warning VolumeUnknownReclaimPolicy: Volume has unrecognized PersistentVolumeReclaimPolicy
        migrated -> StandDown
        note -> Some("Recycle is deprecated: only NFS and hostPath ever supported it; use dynamic provisioning instead")
    "#]].assert_eq(&out);
}

#[test]
fn bound_claim_sync_cases() {
    let claim = bound_claim("claim", "uid-claim", "volume");
    let volume = pv("volume", "1Gi", &[RWO]);
    let rows: Vec<(&str, PersistentVolumeClaim, Option<PersistentVolume>)> = vec![
        (
            "3-1 bound claim with missing VolumeName",
            bound_claim("claim", "uid-claim", ""),
            Some(volume.clone()),
        ),
        ("3-2 bound claim with missing volume", claim.clone(), None),
        (
            "3-3 bound claim with unbound volume",
            claim.clone(),
            Some(volume.clone()),
        ),
        (
            "3-4 bound claim with prebound volume",
            claim.clone(),
            Some(with_claim_ref(volume.clone(), "myns", "claim", "other")),
        ),
        (
            "3-5 bound claim with bound volume",
            claim.clone(),
            Some(with_claim_ref(volume, "myns", "claim", "uid-claim")),
        ),
    ];
    let out: String = rows
        .iter()
        .map(|(case, c, v)| format!("{case} -> {:?}\n", sync_bound_claim(c, v.as_ref())))
        .collect();
    expect![[r#"
        3-1 bound claim with missing VolumeName -> Lost { event: StorageEvent { type_: "Warning", reason: "ClaimLost", message: "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!" } }
        3-2 bound claim with missing volume -> Lost { event: StorageEvent { type_: "Warning", reason: "ClaimLost", message: "Bound claim has lost its PersistentVolume. Data on the volume is lost!" } }
        3-3 bound claim with unbound volume -> Bind
        3-4 bound claim with prebound volume -> Lost { event: StorageEvent { type_: "Warning", reason: "ClaimMisbound", message: "Two claims are bound to the same volume, this one is bound incorrectly" } }
        3-5 bound claim with bound volume -> Bind
    "#]].assert_eq(&out);
}

#[test]
fn claim_resize() {
    let mut expandable = class(
        "standard",
        "rancher.io/local-path",
        Some("WaitForFirstConsumer"),
    );
    expandable.allow_volume_expansion = Some(true);
    let fixed = class(
        "fixed",
        "rancher.io/local-path",
        Some("WaitForFirstConsumer"),
    );
    let classes: Vec<&StorageClass> = vec![&expandable, &fixed];
    let claim = |class: Option<&str>, size: &str, phase: &str, capacity: &str| {
        let mut c = claim_class(pvc("www-web-0", size, &[RWO]), class);
        let mut status = PersistentVolumeClaimStatus {
            phase: Some(phase.into()),
            ..Default::default()
        };
        if !capacity.is_empty() {
            status.capacity.insert("storage".into(), capacity.into());
        }
        c.status = Some(status);
        c
    };
    let rows = vec![
        (
            "grow a bound claim",
            claim(Some("standard"), "1Gi", "Bound", "1Gi"),
            "2Gi",
        ),
        (
            "same size in other units",
            claim(Some("standard"), "1Gi", "Bound", "1Gi"),
            "1024Mi",
        ),
        (
            "grow a pending claim",
            claim(Some("standard"), "1Gi", "Pending", ""),
            "2Gi",
        ),
        (
            "class without expansion",
            claim(Some("fixed"), "1Gi", "Bound", "1Gi"),
            "2Gi",
        ),
        ("no class", claim(Some(""), "1Gi", "Bound", "1Gi"), "2Gi"),
        (
            "missing class",
            claim(Some("gone"), "1Gi", "Bound", "1Gi"),
            "2Gi",
        ),
        (
            "shrink below status.capacity",
            claim(Some("standard"), "2Gi", "Bound", "2Gi"),
            "1Gi",
        ),
        (
            "shrink to status.capacity",
            claim(Some("standard"), "3Gi", "Bound", "2Gi"),
            "2Gi",
        ),
        (
            "lower a failed expansion above status.capacity",
            claim(Some("standard"), "3Gi", "Bound", "2Gi"),
            "2500Mi",
        ),
    ];
    let mut out = String::new();
    for (case, old, size) in rows {
        let mut new = old.clone();
        new.spec
            .resources
            .requests
            .insert("storage".into(), size.into());
        let shown = match validate_claim_resize(&old, &new, &classes) {
            Ok(resize) => format!("{resize:?}"),
            Err(err) => err.kubectl_message(&old.metadata.name),
        };
        out += &format!("{case} -> {shown}\n");
    }
    expect![[r#"
        grow a bound claim -> Expand { from: "1Gi", to: "2Gi" }
        same size in other units -> NoExpansion
        grow a pending claim -> The PersistentVolumeClaim "www-web-0" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims
        class without expansion -> Error from server (Forbidden): persistentvolumeclaims "www-web-0" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize
        no class -> Error from server (Forbidden): persistentvolumeclaims "www-web-0" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize
        missing class -> Error from server (Forbidden): persistentvolumeclaims "www-web-0" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize
        shrink below status.capacity -> The PersistentVolumeClaim "www-web-0" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity
        shrink to status.capacity -> The PersistentVolumeClaim "www-web-0" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity
        lower a failed expansion above status.capacity -> NoExpansion
    "#]].assert_eq(&out);
}
