//! The PV matching algorithm against upstream's own tables (`index_test.go` `TestMatchVolume`,
//! `TestFindingVolumeWithDifferentAccessModes`, `TestFindingPreboundVolumes`,
//! `TestFindMatchVolumeWithNode`, `TestVolumeModeCheck`, …, and `pv_helpers_test.go`
//! `TestDelayBindingMode`), each row named as upstream names it.

mod storage_common;

use expect_test::{expect, Expect};
use storage_common::*;
use stsplay::engine::storage::{
    check_access_modes, check_volume_mode_mismatches, check_volume_satisfy_claim,
    find_best_match_for_claim, find_matching_volume, is_delay_binding_mode, BindingMode,
};
use stsplay::manifest::model::{Node, PersistentVolume, PersistentVolumeClaim};

/// `createTestVolumes()` of index_test.go, named by their upstream UIDs.
fn create_test_volumes() -> Vec<PersistentVolume> {
    let wait = |v| with_class(v, "wait");
    vec![
        pv("gce-pd-10", "10G", &[RWO, ROX]),
        with_phase(
            with_claim_ref(pv("gce-pd-20", "20G", &[RWO, ROX]), "", "", "def456"),
            Some("Bound"),
        ),
        pv("nfs-5", "5G", &[RWO, ROX, RWX]),
        with_phase(
            with_claim_ref(pv("gce-pd-1", "1G", &[RWO, ROX]), "", "", "abc123"),
            Some("Bound"),
        ),
        pv("nfs-10", "10G", &[RWO, ROX, RWX]),
        pv("gce-pd-5", "5G", &[RWO, ROX]),
        pv("nfs-1", "1G", &[RWO, ROX, RWX]),
        with_label(pv("gce-pd-2", "20000G", &[RWO]), "should-exist", "true"),
        with_label(
            with_class(pv("gce-pd-silver1", "10000G", &[RWO]), "silver"),
            "should-exist",
            "true",
        ),
        with_class(pv("gce-pd-silver2", "100G", &[RWO]), "silver"),
        with_class(pv("gce-pd-gold", "50G", &[RWO]), "gold"),
        with_class(pv("local-pd-very-large", "200E", &[RWO, ROX, RWX]), "large"),
        with_class(
            pv("local-pd-extremely-large", "800E", &[RWO, ROX, RWX]),
            "large",
        ),
        wait(with_affinity(
            pv("affinity-pv", "100G", &[RWO, ROX]),
            "key1",
            "value1",
        )),
        wait(with_affinity(
            pv("affinity-pv2", "150G", &[RWO, ROX]),
            "key1",
            "value1",
        )),
        wait(with_claim_ref(
            with_affinity(
                pv("affinity-prebound", "100G", &[RWO, ROX]),
                "key1",
                "value1",
            ),
            "myns",
            "claim02",
            "",
        )),
        wait(with_affinity(
            pv("affinity-pv3", "200G", &[RWO, ROX]),
            "key1",
            "value3",
        )),
        wait(with_phase(
            with_affinity(
                pv("affinity-pv4-pending", "200G", &[RWO, ROX]),
                "key1",
                "value4",
            ),
            Some("Pending"),
        )),
        wait(with_phase(
            with_affinity(
                pv("affinity-pv4-failed", "200G", &[RWO, ROX]),
                "key1",
                "value4",
            ),
            Some("Failed"),
        )),
        wait(with_phase(
            with_affinity(
                pv("affinity-pv4-released", "200G", &[RWO, ROX]),
                "key1",
                "value4",
            ),
            Some("Released"),
        )),
        wait(with_phase(
            with_affinity(
                pv("affinity-pv4-empty", "200G", &[RWO, ROX]),
                "key1",
                "value4",
            ),
            None,
        )),
    ]
}

/// `makePVC` of index_test.go: claim01 in myns, [ROX, RWO], Filesystem.
fn make_pvc(size: &str) -> PersistentVolumeClaim {
    pvc("claim01", size, &[ROX, RWO])
}

fn name(found: Result<Option<&PersistentVolume>, String>) -> String {
    match found {
        Ok(Some(v)) => v.metadata.name.clone(),
        Ok(None) => "<none>".to_string(),
        Err(err) => format!("error: {err}"),
    }
}

/// Runs the PV controller's search for every named claim and prints `case -> volume`.
fn check_best(
    volumes: &[PersistentVolume],
    cases: Vec<(&str, PersistentVolumeClaim)>,
    mode: BindingMode,
    expect: Expect,
) {
    let volumes = refs(volumes);
    let out: String = cases
        .into_iter()
        .map(|(case, claim)| {
            format!(
                "{case} -> {}\n",
                name(find_best_match_for_claim(&claim, &volumes, mode))
            )
        })
        .collect();
    expect.assert_eq(&out);
}

#[test]
fn match_volume() {
    let rwo = |c: PersistentVolumeClaim| {
        let mut c = c;
        c.spec.access_modes = vec![RWO.into()];
        c
    };
    let cases = vec![
        ("successful-match-gce-10", make_pvc("8G")),
        (
            "successful-match-nfs-5",
            pvc("claim01", "5G", &[ROX, RWO, RWX]),
        ),
        ("successful-skip-1g-bound-volume", make_pvc("1G")),
        ("successful-no-match", make_pvc("999G")),
        (
            "successful-no-match-due-to-label",
            claim_selector(make_pvc("999G"), "should-not-exist", "true"),
        ),
        (
            "successful-no-match-due-to-size-constraint-with-label-selector",
            claim_selector(make_pvc("20000G"), "should-exist", "true"),
        ),
        (
            "successful-match-due-with-constraint-and-label-selector",
            rwo(claim_selector(make_pvc("20000G"), "should-exist", "true")),
        ),
        (
            "successful-match-with-class",
            rwo(claim_class(
                claim_selector(make_pvc("1G"), "should-exist", "true"),
                Some("silver"),
            )),
        ),
        (
            "successful-match-with-class-and-labels",
            rwo(claim_class(make_pvc("1G"), Some("silver"))),
        ),
        (
            "successful-match-very-large",
            rwo(claim_class(make_pvc("1E"), Some("large"))),
        ),
        (
            "successful-match-exact-extremely-large",
            rwo(claim_class(make_pvc("800E"), Some("large"))),
        ),
        (
            "successful-no-match-way-too-large",
            rwo(claim_class(make_pvc("950E"), Some("large"))),
        ),
        (
            "1Gi silver claim",
            rwo(claim_class(make_pvc("1Gi"), Some("silver"))),
        ),
    ];
    check_best(
        &create_test_volumes(),
        cases,
        BindingMode::Immediate,
        expect![[r#"
        successful-match-gce-10 -> gce-pd-10
        successful-match-nfs-5 -> nfs-5
        successful-skip-1g-bound-volume -> gce-pd-5
        successful-no-match -> <none>
        successful-no-match-due-to-label -> <none>
        successful-no-match-due-to-size-constraint-with-label-selector -> <none>
        successful-match-due-with-constraint-and-label-selector -> gce-pd-2
        successful-match-with-class -> gce-pd-silver1
        successful-match-with-class-and-labels -> gce-pd-silver2
        successful-match-very-large -> local-pd-very-large
        successful-match-exact-extremely-large -> local-pd-extremely-large
        successful-no-match-way-too-large -> <none>
        1Gi silver claim -> gce-pd-silver2
    "#]],
    );
}

#[test]
fn exact_decimal_and_binary_sizes() {
    // 1G is 10^9 bytes, 1Gi is 2^30: a 1G volume never satisfies a 1Gi claim.
    let volumes = vec![pv("one-g", "1G", &[RWO]), pv("one-gi", "1Gi", &[RWO])];
    let cases = vec![
        ("1Gi claim", pvc("c", "1Gi", &[RWO])),
        ("1G claim", pvc("c", "1G", &[RWO])),
        ("1.5Gi claim", pvc("c", "1.5Gi", &[RWO])),
        ("1073741824 claim", pvc("c", "1073741824", &[RWO])),
    ];
    check_best(
        &volumes,
        cases,
        BindingMode::Immediate,
        expect![[r#"
        1Gi claim -> one-gi
        1G claim -> one-g
        1.5Gi claim -> <none>
        1073741824 claim -> one-gi
    "#]],
    );
}

#[test]
fn matching_with_bound_volumes() {
    let volumes = vec![
        with_phase(
            with_claim_ref(pv("gce001", "1G", &[RWO, ROX]), "", "", "abc123"),
            Some("Bound"),
        ),
        pv("gce002", "1G", &[RWO, ROX]),
    ];
    check_best(
        &volumes,
        vec![("claim01", make_pvc("1G"))],
        BindingMode::Immediate,
        expect![[r#"
        claim01 -> gce002
    "#]],
    );
}

#[test]
fn finding_volume_with_different_access_modes() {
    let gce = pv("gce", "10G", &[RWO, ROX]);
    let ebs = pv("ebs", "10G", &[RWO]);
    let nfs = pv("nfs", "10G", &[RWO, ROX, RWX]);
    let claimed = |v: PersistentVolume| with_claim_ref(v, "", "", "");
    let claim = |modes: &[&str]| pvc("claim01", "1G", modes);
    let mut out = String::new();
    let rows: Vec<(&str, Vec<PersistentVolume>, PersistentVolumeClaim)> = vec![
        (
            "RWO: the exact group first",
            vec![gce.clone(), ebs.clone(), nfs.clone()],
            claim(&[RWO]),
        ),
        (
            "RWO,ROX",
            vec![gce.clone(), ebs.clone(), nfs.clone()],
            claim(&[RWO, ROX]),
        ),
        (
            "order of the requested modes does not matter",
            vec![gce.clone(), ebs.clone(), nfs.clone()],
            claim(&[RWX, RWO, ROX]),
        ),
        (
            "fewer modes requested still match",
            vec![gce.clone(), ebs.clone(), nfs.clone()],
            claim(&[RWX]),
        ),
        (
            "exact match bound: next level up",
            vec![gce.clone(), claimed(ebs.clone()), nfs.clone()],
            claim(&[RWO]),
        ),
        (
            "continue up the levels",
            vec![claimed(gce.clone()), claimed(ebs.clone()), nfs.clone()],
            claim(&[RWO]),
        ),
        (
            "partial mode request",
            vec![gce.clone(), claimed(ebs.clone()), nfs.clone()],
            claim(&[ROX]),
        ),
        (
            "a bigger RWO volume beats a smaller RWO,ROX one",
            vec![
                pv("small-rwo-rox", "5G", &[RWO, ROX]),
                pv("big-rwo", "10G", &[RWO]),
            ],
            claim(&[RWO]),
        ),
    ];
    for (case, volumes, claim) in rows {
        let volumes = refs(&volumes);
        out += &format!(
            "{case} -> {}\n",
            name(find_best_match_for_claim(
                &claim,
                &volumes,
                BindingMode::Immediate
            ))
        );
    }
    expect![[r#"
        RWO: the exact group first -> ebs
        RWO,ROX -> gce
        order of the requested modes does not matter -> nfs
        fewer modes requested still match -> nfs
        exact match bound: next level up -> gce
        continue up the levels -> nfs
        partial mode request -> gce
        a bigger RWO volume beats a smaller RWO,ROX one -> big-rwo
    "#]]
    .assert_eq(&out);
}

#[test]
fn finding_prebound_volumes() {
    let claim = pvc("claim01", "1Gi", &[RWO]);
    let base = || {
        vec![
            pv("pv1", "1Gi", &[RWO]),
            pv("pv5", "5Gi", &[RWO]),
            pv("pv8", "8Gi", &[RWO]),
            pv("pvBadSize", "1Mi", &[RWO]),
            pv("pvBadMode", "1Gi", &[ROX]),
        ]
    };
    let prebind = |mut vs: Vec<PersistentVolume>, target: &str, ns: &str, name: &str, uid: &str| {
        for v in vs.iter_mut() {
            if v.metadata.name == target {
                *v = with_claim_ref(v.clone(), ns, name, uid);
            }
        }
        vs
    };
    let rows = vec![
        ("expected exact match on size", base()),
        (
            "exact match pre-bound elsewhere: next size up",
            prebind(base(), "pv1", "bar", "foo", ""),
        ),
        (
            "largest pre-bound to the claim wins",
            prebind(base(), "pv8", "myns", "claim01", "uid-claim01"),
        ),
        (
            "too small pre-bound volume is skipped",
            prebind(base(), "pvBadSize", "myns", "claim01", "uid-claim01"),
        ),
        (
            "pre-bound volume without the mode is never examined",
            prebind(base(), "pvBadMode", "myns", "claim01", "uid-claim01"),
        ),
        (
            "pre-bound to the claim's name with another uid",
            prebind(base(), "pv1", "myns", "claim01", "other-uid"),
        ),
    ];
    let mut out = String::new();
    for (case, volumes) in rows {
        let volumes = refs(&volumes);
        out += &format!(
            "{case} -> {}\n",
            name(find_best_match_for_claim(
                &claim,
                &volumes,
                BindingMode::Immediate
            ))
        );
    }
    expect![[r#"
        expected exact match on size -> pv1
        exact match pre-bound elsewhere: next size up -> pv5
        largest pre-bound to the claim wins -> pv8
        too small pre-bound volume is skipped -> pv1
        pre-bound volume without the mode is never examined -> pv1
        pre-bound to the claim's name with another uid -> pv5
    "#]]
    .assert_eq(&out);
}

#[test]
fn best_match_delayed() {
    // Binding through the PV controller is delayed: unbound volumes are left to the scheduler,
    // but a volume pre-bound to the claim is still returned.
    let mut volumes = create_test_volumes();
    volumes.push(with_claim_ref(
        pv("prebound-to-claim01", "100G", &[RWO, ROX]),
        "myns",
        "claim01",
        "",
    ));
    check_best(
        &create_test_volumes(),
        vec![("8G claim, delayed", make_pvc("8G"))],
        BindingMode::WaitForFirstConsumer,
        expect![[r#"
            8G claim, delayed -> <none>
        "#]],
    );
    check_best(
        &volumes,
        vec![("8G claim, delayed, one pre-bound", make_pvc("8G"))],
        BindingMode::WaitForFirstConsumer,
        expect![[r#"
            8G claim, delayed, one pre-bound -> prebound-to-claim01
        "#]],
    );
}

#[test]
fn find_match_volume_with_node() {
    let volumes = create_test_volumes();
    let volumes = refs(&volumes);
    let node1 = node("node1", "key1", "value1");
    let node2 = node("node2", "key1", "value2");
    let node3 = node("node3", "key1", "value3");
    let node4 = node("node4", "key1", "value4");
    let claim = |name: &str, modes: &[&str]| claim_class(pvc(name, "100G", modes), Some("wait"));
    let rows: Vec<(&str, PersistentVolumeClaim, &Node, Vec<&str>)> = vec![
        ("success-match", claim("claim01", &[RWO]), &node1, vec![]),
        ("success-prebound", claim("claim02", &[RWO]), &node1, vec![]),
        (
            "success-exclusion",
            claim("claim01", &[RWO]),
            &node1,
            vec!["affinity-pv"],
        ),
        (
            "fail-exclusion",
            claim("claim01", &[RWO]),
            &node1,
            vec!["affinity-pv", "affinity-pv2"],
        ),
        ("fail-accessmode", claim("claim01", &[RWX]), &node1, vec![]),
        (
            "fail-nodeaffinity",
            claim("claim01", &[RWO]),
            &node2,
            vec![],
        ),
        (
            "fail-prebound-node-affinity",
            claim("claim02", &[RWO]),
            &node3,
            vec![],
        ),
        ("fail-nonavaiable", claim("claim04", &[RWO]), &node4, vec![]),
        (
            "success-bad-and-good-node-affinity",
            claim("claim03", &[RWO]),
            &node3,
            vec![],
        ),
    ];
    let mut out = String::new();
    for (case, claim, node, excluded) in rows {
        let found = find_matching_volume(
            &claim,
            &volumes,
            Some(node),
            &excluded,
            BindingMode::WaitForFirstConsumer,
        );
        out += &format!("{case} -> {}\n", name(found));
    }
    let mut with_vac = pvc("claim01", "100G", &[RWO]);
    with_vac
        .spec
        .extra
        .insert("volumeAttributesClassName".into(), "gold".into());
    out += &format!(
        "fail-on-error -> {}\n",
        name(find_matching_volume(
            &with_vac,
            &volumes,
            Some(&node1),
            &[],
            BindingMode::WaitForFirstConsumer
        ))
    );
    expect![[r#"
        success-match -> affinity-pv
        success-prebound -> affinity-prebound
        success-exclusion -> affinity-pv2
        fail-exclusion -> <none>
        fail-accessmode -> <none>
        fail-nodeaffinity -> <none>
        fail-prebound-node-affinity -> <none>
        fail-nonavaiable -> <none>
        success-bad-and-good-node-affinity -> affinity-pv3
        fail-on-error -> error: unsupported volumeAttributesClassName is set on claim myns/claim01 when the feature-gate VolumeAttributesClass is disabled
    "#]]
    .assert_eq(&out);
}

#[test]
fn access_modes_check() {
    let volume = pv("v", "1G", &[RWO, RWX]);
    let rows: Vec<(&str, &[&str])> = vec![
        ("success-single-mode", &[RWX]),
        ("success-many-modes", &[RWX, RWO]),
        ("fail-single-mode", &[ROX]),
        ("fail-many-modes", &[RWX, ROX]),
    ];
    let out: String = rows
        .into_iter()
        .map(|(case, modes)| {
            format!(
                "{case} -> {}\n",
                check_access_modes(&pvc("c", "1G", modes), &volume)
            )
        })
        .collect();
    expect![[r#"
        success-single-mode -> true
        success-many-modes -> true
        fail-single-mode -> false
        fail-many-modes -> false
    "#]]
    .assert_eq(&out);
}

#[test]
fn volume_mode_check_and_filtering() {
    let rows = [
        (
            "pvc block and pv filesystem",
            Some("Block"),
            Some("Filesystem"),
        ),
        (
            "pvc filesystem and pv block",
            Some("Filesystem"),
            Some("Block"),
        ),
        ("pvc block and pv block", Some("Block"), Some("Block")),
        (
            "pvc filesystem and pv filesystem",
            Some("Filesystem"),
            Some("Filesystem"),
        ),
        ("pvc filesystem and pv nil", Some("Filesystem"), None),
        ("pvc nil and pv filesystem", None, Some("Filesystem")),
        ("pvc nil and pv nil", None, None),
        ("pvc nil and pv block", None, Some("Block")),
        ("pvc block and pv nil", Some("Block"), None),
    ];
    let mut out = String::new();
    for (case, claim_mode_, volume_mode) in rows {
        let claim = claim_mode(pvc("claim01", "8G", &[RWO]), claim_mode_);
        let volume = with_mode(pv("block", "10G", &[RWO]), volume_mode);
        let mismatch = check_volume_mode_mismatches(&claim.spec, &volume.spec);
        let found = name(find_best_match_for_claim(
            &claim,
            &[&volume],
            BindingMode::Immediate,
        ));
        out += &format!("{case} -> mismatch {mismatch}, match {found}\n");
    }
    expect![[r#"
        pvc block and pv filesystem -> mismatch true, match <none>
        pvc filesystem and pv block -> mismatch true, match <none>
        pvc block and pv block -> mismatch false, match block
        pvc filesystem and pv filesystem -> mismatch false, match block
        pvc filesystem and pv nil -> mismatch false, match block
        pvc nil and pv filesystem -> mismatch false, match block
        pvc nil and pv nil -> mismatch false, match block
        pvc nil and pv block -> mismatch true, match <none>
        pvc block and pv nil -> mismatch true, match <none>
    "#]]
    .assert_eq(&out);
}

#[test]
fn storage_object_in_use_protection_filtering() {
    let claim = pvc("pvc1", "1G", &[RWO]);
    let live = pv("pv1", "1G", &[RWO]);
    let doomed = deleting(pv("pv1", "1G", &[RWO]));
    let doomed_prebound = with_claim_ref(doomed.clone(), "myns", "pvc1", "");
    let mut out = String::new();
    for (case, volume) in [
        ("pv deletionTimeStamp not set", &live),
        ("pv deletionTimeStamp set", &doomed),
        ("pre-bound pv deletionTimeStamp set", &doomed_prebound),
    ] {
        let found = name(find_best_match_for_claim(
            &claim,
            &[volume],
            BindingMode::Immediate,
        ));
        let satisfy = check_volume_satisfy_claim(volume, &claim).unwrap_or_else(|| "ok".into());
        out += &format!("{case} -> match {found}; checkVolumeSatisfyClaim: {satisfy}\n");
    }
    expect![[r#"
        pv deletionTimeStamp not set -> match pv1; checkVolumeSatisfyClaim: ok
        pv deletionTimeStamp set -> match <none>; checkVolumeSatisfyClaim: the volume is marked for deletion "pv1"
        pre-bound pv deletionTimeStamp set -> match <none>; checkVolumeSatisfyClaim: the volume is marked for deletion "pv1"
    "#]]
    .assert_eq(&out);
}

#[test]
fn check_volume_satisfy_claim_order() {
    let claim = claim_class(pvc("c", "2Gi", &[RWX]), Some("gold"));
    let rows = [
        ("too small", with_class(pv("a", "1Gi", &[RWO]), "silver")),
        (
            "class differs",
            with_class(pv("b", "5Gi", &[RWO]), "silver"),
        ),
        (
            "mode differs",
            with_mode(with_class(pv("c", "5Gi", &[RWO]), "gold"), Some("Block")),
        ),
        ("access modes", with_class(pv("d", "5Gi", &[RWO]), "gold")),
        ("fits", with_class(pv("e", "5Gi", &[RWO, RWX]), "gold")),
    ];
    let out: String = rows
        .iter()
        .map(|(case, v)| {
            format!(
                "{case} -> {}\n",
                check_volume_satisfy_claim(v, &claim).unwrap_or_else(|| "ok".into())
            )
        })
        .collect();
    expect![[r#"
        too small -> requested PV is too small
        class differs -> storageClassName does not match
        mode differs -> incompatible volumeMode
        access modes -> incompatible accessMode
        fits -> ok
    "#]]
    .assert_eq(&out);
}

#[test]
fn selector_expressions_and_classes() {
    let volumes = vec![
        with_label(pv("fast-a", "5Gi", &[RWO]), "tier", "fast"),
        with_label(pv("slow-b", "2Gi", &[RWO]), "tier", "slow"),
        pv("plain", "1Gi", &[RWO]),
        with_class(pv("classless-empty", "3Gi", &[RWO]), ""),
    ];
    let claim = || pvc("c", "1Gi", &[RWO]);
    let cases = vec![
        (
            "In [fast]",
            claim_expression(claim(), "tier", "In", &["fast"]),
        ),
        (
            "NotIn [fast]",
            claim_expression(claim(), "tier", "NotIn", &["fast"]),
        ),
        ("Exists", claim_expression(claim(), "tier", "Exists", &[])),
        (
            "DoesNotExist",
            claim_expression(claim(), "tier", "DoesNotExist", &[]),
        ),
        (
            "In with no values",
            claim_expression(claim(), "tier", "In", &[]),
        ),
        (
            "unknown operator",
            claim_expression(claim(), "tier", "Gt", &["1"]),
        ),
        ("nil class binds a volume without class", claim()),
        (
            "empty class binds a volume without class",
            claim_class(claim(), Some("")),
        ),
        (
            "named class binds nothing here",
            claim_class(claim(), Some("fast")),
        ),
    ];
    check_best(
        &volumes,
        cases,
        BindingMode::Immediate,
        expect![[r#"
        In [fast] -> fast-a
        NotIn [fast] -> plain
        Exists -> slow-b
        DoesNotExist -> plain
        In with no values -> error: error creating internal label selector for claim: myns/c: for 'in', 'notin' operators, values set can't be empty
        unknown operator -> error: error creating internal label selector for claim: myns/c: "Gt" is not a valid label selector operator
        nil class binds a volume without class -> plain
        empty class binds a volume without class -> plain
        named class binds nothing here -> <none>
    "#]],
    );
}

#[test]
fn delay_binding_mode() {
    let classes = [
        class("no-mode", "p", None),
        class("immediate-mode", "p", Some("Immediate")),
        class("wait-mode", "p", Some("WaitForFirstConsumer")),
    ];
    let classes = refs(&classes);
    let rows = [
        ("nil-class", None),
        ("class-not-found", Some("not-here")),
        ("no-mode-class", Some("no-mode")),
        ("immediate-mode-class", Some("immediate-mode")),
        ("wait-mode-class", Some("wait-mode")),
    ];
    let out: String = rows
        .into_iter()
        .map(|(case, class)| {
            let claim = claim_class(pvc("c", "1Gi", &[RWO]), class);
            format!("{case} -> {:?}\n", is_delay_binding_mode(&claim, &classes))
        })
        .collect();
    expect![[r#"
        nil-class -> Ok(Immediate)
        class-not-found -> Ok(Immediate)
        no-mode-class -> Err("VolumeBindingMode not set for StorageClass \"no-mode\"")
        immediate-mode-class -> Ok(Immediate)
        wait-mode-class -> Ok(WaitForFirstConsumer)
    "#]]
    .assert_eq(&out);
}
