//! Default StorageClass selection and the two places a class-less claim gets it (admission
//! on create, retroactive assignment by the PV controller), and the one-sync decision for
//! unbound claims, as upstream's binder and provisioning cases name them.

mod storage_common;

use expect_test::expect;
use storage_common::*;
use stsplay::engine::storage::{
    admit_default_storage_class, assign_default_storage_class, default_storage_class,
    sync_unbound_claim, UnboundClaimSync,
};
use stsplay::manifest::model::{PersistentVolume, PersistentVolumeClaim, StorageClass};

fn default_class(name: &str, created: &str, annotation: &str, value: &str) -> StorageClass {
    let mut c = class(name, "rancher.io/local-path", Some("WaitForFirstConsumer"));
    c.metadata.creation_timestamp = Some(created.into());
    c.metadata
        .annotations
        .insert(annotation.into(), value.into());
    c
}

const GA: &str = "storageclass.kubernetes.io/is-default-class";
const BETA: &str = "storageclass.beta.kubernetes.io/is-default-class";

#[test]
fn default_class_selection() {
    let plain = class("plain", "p", Some("Immediate"));
    let old = default_class("old", "2024-01-01T00:00:00Z", GA, "true");
    let new = default_class("new", "2024-01-02T00:00:00Z", GA, "true");
    let beta = default_class("beta", "2024-01-03T00:00:00Z", BETA, "true");
    let twin_a = default_class("twin-a", "2024-01-02T00:00:00Z", GA, "true");
    let not_true = default_class("yes-not-true", "2024-01-09T00:00:00Z", GA, "yes");
    let rows: Vec<(&str, Vec<&StorageClass>)> = vec![
        ("no classes", vec![]),
        ("no default", vec![&plain]),
        ("one default", vec![&plain, &old]),
        ("two defaults: the newest", vec![&old, &new]),
        ("beta annotation counts", vec![&new, &beta]),
        ("same timestamp: name ascending", vec![&new, &twin_a]),
        ("value must be exactly true", vec![&not_true, &old]),
    ];
    let out: String = rows
        .into_iter()
        .map(|(case, classes)| {
            let found = default_storage_class(&classes)
                .map_or("<none>".to_string(), |c| c.metadata.name.clone());
            format!("{case} -> {found}\n")
        })
        .collect();
    expect![[r#"
        no classes -> <none>
        no default -> <none>
        one default -> old
        two defaults: the newest -> new
        beta annotation counts -> beta
        same timestamp: name ascending -> new
        value must be exactly true -> old
    "#]]
    .assert_eq(&out);
}

#[test]
fn admission_and_retroactive_assignment() {
    let standard = default_class("standard", "2024-01-01T00:00:00Z", GA, "true");
    let with_defaults = vec![&standard];
    let claim = |class: Option<&str>| claim_class(pvc("c", "1Gi", &[RWO]), class);
    let mut beta_annotated = claim(None);
    beta_annotated.metadata.annotations.insert(
        "volume.beta.kubernetes.io/storage-class".into(),
        "gold".into(),
    );
    let rows: Vec<(&str, PersistentVolumeClaim, Vec<&StorageClass>)> = vec![
        (
            "nil class, default exists",
            claim(None),
            with_defaults.clone(),
        ),
        ("nil class, no default", claim(None), vec![]),
        (
            "empty class stays class-less",
            claim(Some("")),
            with_defaults.clone(),
        ),
        (
            "named class untouched",
            claim(Some("fast")),
            with_defaults.clone(),
        ),
        (
            "beta annotation counts as a class",
            beta_annotated,
            with_defaults.clone(),
        ),
    ];
    let name =
        |c: Option<&StorageClass>| c.map_or("<unchanged>".to_string(), |c| c.metadata.name.clone());
    let out: String = rows
        .into_iter()
        .map(|(case, claim, classes)| {
            format!(
                "{case} -> admission {}, retroactive {}\n",
                name(admit_default_storage_class(&claim, &classes)),
                name(assign_default_storage_class(&claim, &classes))
            )
        })
        .collect();
    expect![[r#"
        nil class, default exists -> admission standard, retroactive standard
        nil class, no default -> admission <unchanged>, retroactive <unchanged>
        empty class stays class-less -> admission <unchanged>, retroactive <unchanged>
        named class untouched -> admission <unchanged>, retroactive <unchanged>
        beta annotation counts as a class -> admission <unchanged>, retroactive <unchanged>
    "#]]
    .assert_eq(&out);
}

fn decision(d: &UnboundClaimSync<'_>) -> String {
    let event = d
        .event(&[])
        .map(|e| format!(" [{} {}: {}]", e.type_, e.reason, e.message))
        .unwrap_or_default();
    let what = match d {
        UnboundClaimSync::Bind { volume } => format!("bind {}", volume.metadata.name),
        UnboundClaimSync::AssignDefaultClass { class } => {
            format!("assign default class {}", class.metadata.name)
        }
        UnboundClaimSync::WaitForFirstConsumer => "wait for first consumer".into(),
        UnboundClaimSync::Provision(plan) => format!("provision with {}", plan.provisioner),
        UnboundClaimSync::ProvisioningFailed { .. } => "provisioning failed".into(),
        UnboundClaimSync::FailedBinding => "failed binding".into(),
        UnboundClaimSync::WaitForNamedVolume { volume } => format!("wait for volume {volume}"),
        UnboundClaimSync::NamedVolumeMismatch { volume, .. } => {
            format!("mismatch {}", volume.metadata.name)
        }
        UnboundClaimSync::NamedVolumeBoundElsewhere { volume } => {
            format!("{} bound elsewhere", volume.metadata.name)
        }
        UnboundClaimSync::Error { message } => format!("error: {message}"),
    };
    format!("{what}{event}")
}

#[test]
fn unbound_claim_sync_cases() {
    let gold = class("gold", "example.com/gold", Some("Immediate"));
    let copper = class("copper", "example.com/copper", Some("WaitForFirstConsumer"));
    let classes = vec![gold.clone(), copper.clone()];
    let one = || pv("volume", "1Gi", &[RWO]);
    let selected = |mut c: PersistentVolumeClaim| {
        c.metadata
            .annotations
            .insert("volume.kubernetes.io/selected-node".into(), "node1".into());
        c
    };
    let named = |mut c: PersistentVolumeClaim, v: &str| {
        c.spec.volume_name = Some(v.into());
        c
    };
    let claim = |size: &str| pvc("claim", size, &[RWO]);
    let rows: Vec<(&str, PersistentVolumeClaim, Vec<PersistentVolume>)> = vec![
        ("1-1 successful bind", claim("1Gi"), vec![one()]),
        ("1-2 noop", claim("10Gi"), vec![one()]),
        (
            "1-13 delayed binding",
            claim_class(claim("1Gi"), Some("copper")),
            vec![with_class(one(), "copper")],
        ),
        (
            "1-14 successful prebound PV",
            claim_class(claim("1Gi"), Some("copper")),
            vec![with_claim_ref(
                with_class(one(), "copper"),
                "myns",
                "claim",
                "",
            )],
        ),
        (
            "1-17 skip non-available PV",
            claim("1Gi"),
            vec![with_phase(one(), Some("Released"))],
        ),
        (
            "2-1 claim prebound to non-existing volume",
            named(claim("1Gi"), "nope"),
            vec![one()],
        ),
        (
            "2-3 claim prebound to unbound volume",
            named(claim("1Gi"), "volume"),
            vec![one()],
        ),
        (
            "2-6 claim prebound to already bound volume",
            named(claim("1Gi"), "volume"),
            vec![with_claim_ref(one(), "myns", "other", "u")],
        ),
        (
            "2-8 prebound claim ignores the selector",
            named(claim_selector(claim("1Gi"), "a", "b"), "volume"),
            vec![one()],
        ),
        (
            "2-9 claim prebound to a too small volume",
            named(claim("2Gi"), "volume"),
            vec![one()],
        ),
        (
            "2-10 claim prebound to a volume of another class",
            named(claim("1Gi"), "volume"),
            vec![with_class(one(), "gold")],
        ),
        (
            "11-1 successful provision",
            claim_class(claim("1Gi"), Some("gold")),
            vec![],
        ),
        (
            "11-6 a volume available is preferred",
            claim_class(claim("1Gi"), Some("gold")),
            vec![with_class(one(), "gold")],
        ),
        (
            "11-14 non-existing class",
            claim_class(claim("1Gi"), Some("non-existing")),
            vec![],
        ),
        (
            "11-15 no provisioning with class ''",
            claim_class(claim("1Gi"), Some("")),
            vec![],
        ),
        ("11-16 no provisioning with class nil", claim("1Gi"), vec![]),
        (
            "11-23 selected node skips matching and provisions",
            selected(claim_class(claim("1Gi"), Some("copper"))),
            vec![with_class(one(), "copper")],
        ),
        (
            "13-1 class beats size",
            claim_class(claim("1Gi"), Some("gold")),
            vec![one(), with_class(pv("big-gold", "10Gi", &[RWO]), "gold")],
        ),
        (
            "14-3 mode mismatch without class",
            claim_mode(claim("1Gi"), Some("Block")),
            vec![one()],
        ),
    ];
    let classes = refs(&classes);
    let mut out = String::new();
    for (case, claim, volumes) in rows {
        let volumes = refs(&volumes);
        out += &format!(
            "{case} -> {}\n",
            decision(&sync_unbound_claim(&claim, &volumes, &classes))
        );
    }
    let no_mode = class("no-mode", "p", None);
    let claim_no_mode = claim_class(claim("1Gi"), Some("no-mode"));
    out += &format!(
        "class without binding mode -> {}\n",
        decision(&sync_unbound_claim(&claim_no_mode, &[], &[&no_mode]))
    );
    expect![[r#"
        1-1 successful bind -> bind volume
        1-2 noop -> failed binding [Normal FailedBinding: no persistent volumes available for this claim and no storage class is set]
        1-13 delayed binding -> wait for first consumer [Normal WaitForFirstConsumer: waiting for first consumer to be created before binding]
        1-14 successful prebound PV -> bind volume
        1-17 skip non-available PV -> failed binding [Normal FailedBinding: no persistent volumes available for this claim and no storage class is set]
        2-1 claim prebound to non-existing volume -> wait for volume nope
        2-3 claim prebound to unbound volume -> bind volume
        2-6 claim prebound to already bound volume -> volume bound elsewhere [Warning FailedBinding: volume "volume" already bound to a different claim.]
        2-8 prebound claim ignores the selector -> bind volume
        2-9 claim prebound to a too small volume -> mismatch volume [Warning VolumeMismatch: Cannot bind to requested volume "volume": requested PV is too small]
        2-10 claim prebound to a volume of another class -> mismatch volume [Warning VolumeMismatch: Cannot bind to requested volume "volume": storageClassName does not match]
        11-1 successful provision -> provision with example.com/gold [Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'example.com/gold' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.]
        11-6 a volume available is preferred -> bind volume
        11-14 non-existing class -> provisioning failed [Warning ProvisioningFailed: storageclass.storage.k8s.io "non-existing" not found]
        11-15 no provisioning with class '' -> failed binding [Normal FailedBinding: no persistent volumes available for this claim and no storage class is set]
        11-16 no provisioning with class nil -> failed binding [Normal FailedBinding: no persistent volumes available for this claim and no storage class is set]
        11-23 selected node skips matching and provisions -> provision with example.com/copper [Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'example.com/copper' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.]
        13-1 class beats size -> bind big-gold
        14-3 mode mismatch without class -> failed binding [Normal FailedBinding: no persistent volumes available for this claim and no storage class is set]
        class without binding mode -> error: VolumeBindingMode not set for StorageClass "no-mode"
    "#]].assert_eq(&out);
}
