//! The binding explainer, as text snapshots: the seed's static walkthrough (three hostPath
//! volumes of class gsh-pv bound in order by a StatefulSet's claims), one case per rejection
//! reason, and the outcomes when nothing fits.

mod storage_common;

use expect_test::{expect, Expect};
use storage_common::*;
use stsplay::engine::storage::explain_binding;
use stsplay::manifest::model::{Node, PersistentVolume, PersistentVolumeClaim, StorageClass};

/// Explains `claim` and prints the English lines, then the Chinese ones.
fn check(
    claim: &PersistentVolumeClaim,
    volumes: &[PersistentVolume],
    classes: &[StorageClass],
    node: Option<&Node>,
    expect: Expect,
) {
    let explanation = explain_binding(claim, &refs(volumes), &refs(classes), node);
    let lines = explanation.lines();
    let mut out: String = lines.iter().map(|l| format!("{}\n", l.en)).collect();
    out.push_str("--\n");
    out.extend(lines.iter().map(|l| format!("{}\n", l.zh)));
    expect.assert_eq(&out);
}

fn gsh(name: &str) -> PersistentVolume {
    let mut v = with_class(pv(name, "1Gi", &[RWO]), "gsh-pv");
    v.spec.persistent_volume_reclaim_policy = Some("Retain".into());
    v
}

fn www(ordinal: u32) -> PersistentVolumeClaim {
    let mut c = claim_class(
        pvc(&format!("www-web-{ordinal}"), "1Gi", &[RWO]),
        Some("gsh-pv"),
    );
    c.metadata.namespace = Some("default".into());
    c
}

fn bound_to(v: PersistentVolume, claim: &PersistentVolumeClaim) -> PersistentVolume {
    with_phase(
        with_claim_ref(
            v,
            "default",
            &claim.metadata.name,
            claim.metadata.uid.as_deref().unwrap_or(""),
        ),
        Some("Bound"),
    )
}

#[test]
fn seed_static_volumes_bind_in_order() {
    let volumes = vec![gsh("pv1"), gsh("pv2"), gsh("pv3")];
    check(
        &www(0),
        &volumes,
        &[],
        None,
        expect![[r#"
        claim default/www-web-0 asks for 1Gi, RWO, class gsh-pv, volumeMode Filesystem
          pv1 1Gi: chosen: the smallest volume that fits (1Gi >= 1Gi requested)
          pv2 1Gi: fits, but pv1 has the same size and comes first
          pv3 1Gi: fits, but pv1 has the same size and comes first
        => binds to pv1: the volume and the claim both become Bound
        --
        声明 default/www-web-0 请求 1Gi，访问模式 RWO，存储类 gsh-pv，卷模式 Filesystem
          pv1 1Gi：选中：满足条件的最小卷（1Gi ≥ 请求的 1Gi）
          pv2 1Gi：满足条件，但 pv1 容量相同且排在前面
          pv3 1Gi：满足条件，但 pv1 容量相同且排在前面
        => 绑定到 pv1：卷和声明都变为 Bound
    "#]],
    );
    let volumes = vec![bound_to(gsh("pv1"), &www(0)), gsh("pv2"), gsh("pv3")];
    check(
        &www(1),
        &volumes,
        &[],
        None,
        expect![[r#"
        claim default/www-web-1 asks for 1Gi, RWO, class gsh-pv, volumeMode Filesystem
          pv1 1Gi: already bound to claim default/www-web-0
          pv2 1Gi: chosen: the smallest volume that fits (1Gi >= 1Gi requested)
          pv3 1Gi: fits, but pv2 has the same size and comes first
        => binds to pv2: the volume and the claim both become Bound
        --
        声明 default/www-web-1 请求 1Gi，访问模式 RWO，存储类 gsh-pv，卷模式 Filesystem
          pv1 1Gi：已绑定到声明 default/www-web-0
          pv2 1Gi：选中：满足条件的最小卷（1Gi ≥ 请求的 1Gi）
          pv3 1Gi：满足条件，但 pv2 容量相同且排在前面
        => 绑定到 pv2：卷和声明都变为 Bound
    "#]],
    );
    let volumes = vec![
        bound_to(gsh("pv1"), &www(0)),
        bound_to(gsh("pv2"), &www(1)),
        gsh("pv3"),
    ];
    check(
        &www(2),
        &volumes,
        &[],
        None,
        expect![[r#"
        claim default/www-web-2 asks for 1Gi, RWO, class gsh-pv, volumeMode Filesystem
          pv1 1Gi: already bound to claim default/www-web-0
          pv2 1Gi: already bound to claim default/www-web-1
          pv3 1Gi: chosen: the only volume that fits (1Gi >= 1Gi requested)
        => binds to pv3: the volume and the claim both become Bound
        --
        声明 default/www-web-2 请求 1Gi，访问模式 RWO，存储类 gsh-pv，卷模式 Filesystem
          pv1 1Gi：已绑定到声明 default/www-web-0
          pv2 1Gi：已绑定到声明 default/www-web-1
          pv3 1Gi：选中：唯一满足条件的卷（1Gi ≥ 请求的 1Gi）
        => 绑定到 pv3：卷和声明都变为 Bound
    "#]],
    );
}

#[test]
fn a_fourth_claim_finds_nothing() {
    let volumes = vec![
        bound_to(gsh("pv1"), &www(0)),
        bound_to(gsh("pv2"), &www(1)),
        bound_to(gsh("pv3"), &www(2)),
    ];
    // gsh-pv names no StorageClass object: provisioning is attempted and fails.
    check(
        &www(3),
        &volumes,
        &[],
        None,
        expect![[r#"
        claim default/www-web-3 asks for 1Gi, RWO, class gsh-pv, volumeMode Filesystem
          pv1 1Gi: already bound to claim default/www-web-0
          pv2 1Gi: already bound to claim default/www-web-1
          pv3 1Gi: already bound to claim default/www-web-2
        => stays Pending: no volume fits and provisioning cannot start: storageclass.storage.k8s.io "gsh-pv" not found (Warning ProvisioningFailed, repeated on every sync)
           Warning ProvisioningFailed: storageclass.storage.k8s.io "gsh-pv" not found
        --
        声明 default/www-web-3 请求 1Gi，访问模式 RWO，存储类 gsh-pv，卷模式 Filesystem
          pv1 1Gi：已绑定到声明 default/www-web-0
          pv2 1Gi：已绑定到声明 default/www-web-1
          pv3 1Gi：已绑定到声明 default/www-web-2
        => 保持 Pending：没有卷满足条件，且无法开始供应：storageclass.storage.k8s.io "gsh-pv" not found（Warning ProvisioningFailed，每次同步都会重复）
           Warning ProvisioningFailed: storageclass.storage.k8s.io "gsh-pv" not found
    "#]],
    );
}

#[test]
fn every_rejection_reason() {
    let claim = claim_selector(
        claim_class(pvc("data", "5Gi", &[RWO]), Some("fast")),
        "tier",
        "gold",
    );
    let gold = |v: PersistentVolume| with_label(with_class(v, "fast"), "tier", "gold");
    let mut vac = gold(pv("with-vac", "10Gi", &[RWO]));
    vac.spec
        .extra
        .insert("volumeAttributesClassName".into(), "silver".into());
    let volumes = vec![
        gold(pv("read-only", "10Gi", &[ROX])),
        gold(with_phase(
            with_claim_ref(pv("taken", "10Gi", &[RWO]), "myns", "other", "uid-other"),
            Some("Bound"),
        )),
        gold(with_claim_ref(
            pv("reserved", "10Gi", &[RWO]),
            "myns",
            "someone",
            "",
        )),
        gold(pv("small", "1Gi", &[RWO])),
        gold(with_mode(pv("block", "10Gi", &[RWO]), Some("Block"))),
        vac,
        gold(deleting(pv("doomed", "10Gi", &[RWO]))),
        gold(with_phase(pv("released", "10Gi", &[RWO]), Some("Released"))),
        with_class(pv("unlabelled", "10Gi", &[RWO]), "fast"),
        with_label(
            with_class(pv("gsh", "10Gi", &[RWO]), "gsh-pv"),
            "tier",
            "gold",
        ),
        gold(pv("big", "20Gi", &[RWO, ROX])),
        gold(pv("fits", "8Gi", &[RWO])),
        gold(pv("larger", "9Gi", &[RWO])),
    ];
    let classes = vec![class("fast", "rancher.io/local-path", Some("Immediate"))];
    check(
        &claim,
        &volumes,
        &classes,
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class fast, volumeMode Filesystem, selector tier=gold
          read-only 10Gi: access modes: offers ROX, claim asks for RWO
          taken 10Gi: already bound to claim myns/other
          reserved 10Gi: reserved for claim myns/someone (pre-bound through spec.claimRef)
          small 1Gi: too small: 1Gi < 5Gi requested
          block 10Gi: volumeMode Block, claim asks for Filesystem
          with-vac 10Gi: has volumeAttributesClassName silver, and the VolumeAttributesClass feature is off
          doomed 10Gi: being deleted (deletionTimestamp is set)
          released 10Gi: phase Released: only Available volumes are matched
          unlabelled 10Gi: labels <none> do not match the claim's selector tier=gold
          gsh 10Gi: volume class gsh-pv, claim asks for fast
          big 20Gi: fits, but fits was found first: volumes offering exactly RWO are searched before volumes offering RWO,ROX
          fits 8Gi: chosen: the smallest volume that fits (8Gi >= 5Gi requested)
          larger 9Gi: fits, but fits (8Gi) is smaller
        => binds to fits: the volume and the claim both become Bound
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 fast，卷模式 Filesystem，选择器 tier=gold
          read-only 10Gi：访问模式不符：卷提供 ROX，声明需要 RWO
          taken 10Gi：已绑定到声明 myns/other
          reserved 10Gi：已通过 spec.claimRef 预留给声明 myns/someone
          small 1Gi：容量不足：1Gi < 请求的 5Gi
          block 10Gi：卷模式为 Block，声明需要 Filesystem
          with-vac 10Gi：设置了 volumeAttributesClassName silver，而 VolumeAttributesClass 特性未开启
          doomed 10Gi：正在删除（已设置 deletionTimestamp）
          released 10Gi：阶段为 Released：只匹配 Available 的卷
          unlabelled 10Gi：标签 <none> 不满足声明的选择器 tier=gold
          gsh 10Gi：卷的存储类为 gsh-pv，声明需要 fast
          big 20Gi：满足条件，但先找到了 fits：只提供 RWO 的卷先于提供 RWO,ROX 的卷被搜索
          fits 8Gi：选中：满足条件的最小卷（8Gi ≥ 请求的 5Gi）
          larger 9Gi：满足条件，但 fits（8Gi）更小
        => 绑定到 fits：卷和声明都变为 Bound
    "#]],
    );
}

#[test]
fn pre_bound_volume_wins_over_smaller() {
    let claim = pvc("claim01", "1Gi", &[RWO]);
    let volumes = vec![
        pv("pv1", "1Gi", &[RWO]),
        with_claim_ref(pv("pv8", "8Gi", &[RWO]), "myns", "claim01", ""),
    ];
    check(
        &claim,
        &volumes,
        &[],
        None,
        expect![[r#"
        claim myns/claim01 asks for 1Gi, RWO, class "", volumeMode Filesystem
          pv1 1Gi: fits, but pv8 is pre-bound to this claim
          pv8 8Gi: chosen: pre-bound to this claim through spec.claimRef, which wins over any size
        => binds to pv8: the volume and the claim both become Bound
        --
        声明 myns/claim01 请求 1Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
          pv1 1Gi：满足条件，但 pv8 已预绑定到此声明
          pv8 8Gi：选中：已通过 spec.claimRef 预绑定到此声明，优先于容量比较
        => 绑定到 pv8：卷和声明都变为 Bound
    "#]],
    );
}

#[test]
fn claim_names_its_volume() {
    let mut claim = pvc("claim01", "2Gi", &[RWO]);
    claim.spec.volume_name = Some("pv1".into());
    check(
        &claim,
        &[pv("pv1", "1Gi", &[RWO]), pv("pv2", "5Gi", &[RWO])],
        &[],
        None,
        expect![[r#"
        claim myns/claim01 asks for 2Gi, RWO, class "", volumeMode Filesystem
          pv1 1Gi: too small: 1Gi < 2Gi requested
          pv2 5Gi: not considered: the claim asks for volume pv1 in spec.volumeName
        => stays Pending: the requested volume pv1 does not fit: requested PV is too small (Warning VolumeMismatch)
           Warning VolumeMismatch: Cannot bind to requested volume "pv1": requested PV is too small
        --
        声明 myns/claim01 请求 2Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
          pv1 1Gi：容量不足：1Gi < 请求的 2Gi
          pv2 5Gi：未考虑：声明通过 spec.volumeName 指定了卷 pv1
        => 保持 Pending：指定的卷 pv1 不满足条件：requested PV is too small（Warning VolumeMismatch）
           Warning VolumeMismatch: Cannot bind to requested volume "pv1": requested PV is too small
    "#]],
    );
    check(
        &claim,
        &[with_phase(
            with_claim_ref(pv("pv1", "5Gi", &[RWO]), "myns", "other", "u2"),
            Some("Bound"),
        )],
        &[],
        None,
        expect![[r#"
            claim myns/claim01 asks for 2Gi, RWO, class "", volumeMode Filesystem
              pv1 5Gi: already bound to claim myns/other
            => stays Pending: the requested volume pv1 is bound to claim myns/other (Warning FailedBinding)
               Warning FailedBinding: volume "pv1" already bound to a different claim.
            --
            声明 myns/claim01 请求 2Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
              pv1 5Gi：已绑定到声明 myns/other
            => 保持 Pending：指定的卷 pv1 已绑定到声明 myns/other（Warning FailedBinding）
               Warning FailedBinding: volume "pv1" already bound to a different claim.
        "#]],
    );
    check(
        &claim,
        &[pv("pv2", "5Gi", &[RWO])],
        &[],
        None,
        expect![[r#"
        claim myns/claim01 asks for 2Gi, RWO, class "", volumeMode Filesystem
          pv2 5Gi: not considered: the claim asks for volume pv1 in spec.volumeName
        => stays Pending until volume pv1 (spec.volumeName) exists
        --
        声明 myns/claim01 请求 2Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
          pv2 5Gi：未考虑：声明通过 spec.volumeName 指定了卷 pv1
        => 保持 Pending，直到卷 pv1（spec.volumeName）出现
    "#]],
    );
}

#[test]
fn outcomes_when_nothing_fits() {
    let volumes = vec![pv("small", "1Gi", &[RWO])];
    let big = |class: Option<&str>| claim_class(pvc("data", "5Gi", &[RWO]), class);
    let mut standard = class(
        "standard",
        "rancher.io/local-path",
        Some("WaitForFirstConsumer"),
    );
    standard.metadata.annotations.insert(
        "storageclass.kubernetes.io/is-default-class".into(),
        "true".into(),
    );
    let nfs = class("nfs", "nfs.csi.k8s.io", Some("Immediate"));
    let local = class("local", "kubernetes.io/no-provisioner", Some("Immediate"));
    let ebs = class("ebs", "kubernetes.io/aws-ebs", Some("Immediate"));
    check(
        &big(None),
        &volumes,
        &[],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class "", volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => stays Pending: no volume fits and the claim has no StorageClass, so nothing provisions one (event FailedBinding: no persistent volumes available for this claim and no storage class is set)
           Normal FailedBinding: no persistent volumes available for this claim and no storage class is set
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 保持 Pending：没有卷满足条件，且声明没有存储类，因此不会供应新卷（事件 FailedBinding：no persistent volumes available for this claim and no storage class is set）
           Normal FailedBinding: no persistent volumes available for this claim and no storage class is set
    "#]],
    );
    check(
        &big(None),
        &volumes,
        &[standard.clone()],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class "", volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => no volume without a class fits, so the PV controller writes the default StorageClass standard into the claim and syncs it again (retroactive default class assignment)
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 没有无存储类的卷满足条件，PV 控制器把默认存储类 standard 写入声明并重新同步（追溯分配默认存储类）
    "#]],
    );
    check(
        &big(Some("")),
        &volumes,
        &[standard.clone()],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class "", volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => stays Pending: no volume fits and the claim has no StorageClass, so nothing provisions one (event FailedBinding: no persistent volumes available for this claim and no storage class is set)
           Normal FailedBinding: no persistent volumes available for this claim and no storage class is set
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 ""，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 保持 Pending：没有卷满足条件，且声明没有存储类，因此不会供应新卷（事件 FailedBinding：no persistent volumes available for this claim and no storage class is set）
           Normal FailedBinding: no persistent volumes available for this claim and no storage class is set
    "#]],
    );
    check(
        &big(Some("standard")),
        &volumes,
        &[standard.clone()],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class standard, volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => stays Pending: class standard is WaitForFirstConsumer, so nothing is bound or provisioned until a pod using the claim is scheduled (event WaitForFirstConsumer)
           Normal WaitForFirstConsumer: waiting for first consumer to be created before binding
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 standard，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 保持 Pending：存储类 standard 为 WaitForFirstConsumer，在使用该声明的 Pod 被调度之前不会绑定或供应卷（事件 WaitForFirstConsumer）
           Normal WaitForFirstConsumer: waiting for first consumer to be created before binding
    "#]],
    );
    check(
        &big(Some("nfs")),
        &volumes,
        &[nfs],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class nfs, volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => no volume fits, so StorageClass nfs provisions a new volume with nfs.csi.k8s.io (event ExternalProvisioning)
           Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'nfs.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 nfs，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 没有卷满足条件，存储类 nfs 通过 nfs.csi.k8s.io 供应一个新卷（事件 ExternalProvisioning）
           Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'nfs.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
    "#]],
    );
    check(
        &big(Some("local")),
        &volumes,
        &[local],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class local, volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => stays Pending: no volume fits and provisioning cannot start: no volume plugin matched name: kubernetes.io/no-provisioner (Warning ProvisioningFailed, repeated on every sync)
           Warning ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 local，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 保持 Pending：没有卷满足条件，且无法开始供应：no volume plugin matched name: kubernetes.io/no-provisioner（Warning ProvisioningFailed，每次同步都会重复）
           Warning ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner
    "#]],
    );
    check(
        &big(Some("ebs")),
        &volumes,
        &[ebs],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class ebs, volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => no volume fits, so StorageClass ebs provisions a new volume with ebs.csi.aws.com (event ExternalProvisioning)
           Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 ebs，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 没有卷满足条件，存储类 ebs 通过 ebs.csi.aws.com 供应一个新卷（事件 ExternalProvisioning）
           Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
    "#]],
    );
    check(
        &big(Some("missing")),
        &volumes,
        &[],
        None,
        expect![[r#"
        claim myns/data asks for 5Gi, RWO, class missing, volumeMode Filesystem
          small 1Gi: too small: 1Gi < 5Gi requested
        => stays Pending: no volume fits and provisioning cannot start: storageclass.storage.k8s.io "missing" not found (Warning ProvisioningFailed, repeated on every sync)
           Warning ProvisioningFailed: storageclass.storage.k8s.io "missing" not found
        --
        声明 myns/data 请求 5Gi，访问模式 RWO，存储类 missing，卷模式 Filesystem
          small 1Gi：容量不足：1Gi < 请求的 5Gi
        => 保持 Pending：没有卷满足条件，且无法开始供应：storageclass.storage.k8s.io "missing" not found（Warning ProvisioningFailed，每次同步都会重复）
           Warning ProvisioningFailed: storageclass.storage.k8s.io "missing" not found
    "#]],
    );
    let mut selected = big(Some("standard"));
    selected
        .metadata
        .annotations
        .insert("volume.kubernetes.io/selected-node".into(), "node-1".into());
    check(
        &selected,
        &volumes,
        &[standard],
        None,
        expect![[r#"
            claim myns/data asks for 5Gi, RWO, class standard, volumeMode Filesystem
              small 1Gi: too small: 1Gi < 5Gi requested
            => no volume fits, so StorageClass standard provisions a new volume with rancher.io/local-path for node node-1 (volume.kubernetes.io/selected-node: node-1; event ExternalProvisioning)
               Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
            --
            声明 myns/data 请求 5Gi，访问模式 RWO，存储类 standard，卷模式 Filesystem
              small 1Gi：容量不足：1Gi < 请求的 5Gi
            => 没有卷满足条件，存储类 standard 通过 rancher.io/local-path 为节点 node-1 供应一个新卷（volume.kubernetes.io/selected-node: node-1；事件 ExternalProvisioning）
               Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
        "#]],
    );
}

#[test]
fn scheduler_view_on_a_node() {
    let claim = claim_class(pvc("data", "1Gi", &[RWO]), Some("local"));
    let local = class(
        "local",
        "kubernetes.io/no-provisioner",
        Some("WaitForFirstConsumer"),
    );
    let volumes = vec![
        with_class(
            with_affinity(
                pv("local-node-1", "10Gi", &[RWO]),
                "kubernetes.io/hostname",
                "node-1",
            ),
            "local",
        ),
        with_class(
            with_affinity(
                pv("local-node-2", "10Gi", &[RWO]),
                "kubernetes.io/hostname",
                "node-2",
            ),
            "local",
        ),
    ];
    let node1 = node("node-1", "kubernetes.io/hostname", "node-1");
    let node3 = node("node-3", "kubernetes.io/hostname", "node-3");
    check(
        &claim,
        &volumes,
        std::slice::from_ref(&local),
        None,
        expect![[r#"
        claim myns/data asks for 1Gi, RWO, class local, volumeMode Filesystem
          local-node-1 10Gi: class local is WaitForFirstConsumer: the scheduler picks a volume once a pod using the claim is being scheduled
          local-node-2 10Gi: class local is WaitForFirstConsumer: the scheduler picks a volume once a pod using the claim is being scheduled
        => stays Pending: class local is WaitForFirstConsumer, so nothing is bound or provisioned until a pod using the claim is scheduled (event WaitForFirstConsumer)
           Normal WaitForFirstConsumer: waiting for first consumer to be created before binding
        --
        声明 myns/data 请求 1Gi，访问模式 RWO，存储类 local，卷模式 Filesystem
          local-node-1 10Gi：存储类 local 为 WaitForFirstConsumer：待使用该声明的 Pod 调度时由调度器选择卷
          local-node-2 10Gi：存储类 local 为 WaitForFirstConsumer：待使用该声明的 Pod 调度时由调度器选择卷
        => 保持 Pending：存储类 local 为 WaitForFirstConsumer，在使用该声明的 Pod 被调度之前不会绑定或供应卷（事件 WaitForFirstConsumer）
           Normal WaitForFirstConsumer: waiting for first consumer to be created before binding
    "#]],
    );
    check(
        &claim,
        &volumes,
        std::slice::from_ref(&local),
        Some(&node1),
        expect![[r#"
        claim myns/data asks for 1Gi, RWO, class local, volumeMode Filesystem
          local-node-1 10Gi: chosen: the only volume that fits (10Gi >= 1Gi requested)
          local-node-2 10Gi: node affinity does not match node node-1
        => on node node-1 the scheduler reserves local-node-1 for the claim (spec.claimRef), then the PV controller binds them
        --
        声明 myns/data 请求 1Gi，访问模式 RWO，存储类 local，卷模式 Filesystem
          local-node-1 10Gi：选中：唯一满足条件的卷（10Gi ≥ 请求的 1Gi）
          local-node-2 10Gi：节点亲和性与节点 node-1 不匹配
        => 在节点 node-1 上，调度器把 local-node-1 预留给此声明（spec.claimRef），随后 PV 控制器完成绑定
    "#]],
    );
    check(
        &claim,
        &volumes,
        &[local],
        Some(&node3),
        expect![[r#"
            claim myns/data asks for 1Gi, RWO, class local, volumeMode Filesystem
              local-node-1 10Gi: node affinity does not match node node-3
              local-node-2 10Gi: node affinity does not match node node-3
            => no volume fits on node node-3 and the class cannot provision one there: node(s) didn't find available persistent volumes to bind
            --
            声明 myns/data 请求 1Gi，访问模式 RWO，存储类 local，卷模式 Filesystem
              local-node-1 10Gi：节点亲和性与节点 node-3 不匹配
              local-node-2 10Gi：节点亲和性与节点 node-3 不匹配
            => 节点 node-3 上没有满足条件的卷，且存储类无法在此供应新卷：node(s) didn't find available persistent volumes to bind
        "#]],
    );
}

#[test]
fn scheduler_view_with_allowed_topologies() {
    use stsplay::manifest::model::{TopologySelectorLabelRequirement, TopologySelectorTerm};
    let claim = claim_class(pvc("data", "1Gi", &[RWO]), Some("zonal"));
    let mut zonal = class("zonal", "ebs.csi.aws.com", Some("WaitForFirstConsumer"));
    zonal.allowed_topologies = vec![TopologySelectorTerm {
        match_label_expressions: vec![TopologySelectorLabelRequirement {
            key: "topology.kubernetes.io/zone".into(),
            values: vec!["zone-a".into()],
        }],
    }];
    let in_a = node("node-a", "topology.kubernetes.io/zone", "zone-a");
    let in_b = node("node-b", "topology.kubernetes.io/zone", "zone-b");
    let classes = std::slice::from_ref(&zonal);
    check(
        &claim,
        &[],
        classes,
        Some(&in_a),
        expect![[r#"
            claim myns/data asks for 1Gi, RWO, class zonal, volumeMode Filesystem
              (no PersistentVolumes)
            => no volume fits, so StorageClass zonal provisions a new volume with ebs.csi.aws.com for node node-a (volume.kubernetes.io/selected-node: node-a; event ExternalProvisioning)
            --
            声明 myns/data 请求 1Gi，访问模式 RWO，存储类 zonal，卷模式 Filesystem
              （没有持久卷）
            => 没有卷满足条件，存储类 zonal 通过 ebs.csi.aws.com 为节点 node-a 供应一个新卷（volume.kubernetes.io/selected-node: node-a；事件 ExternalProvisioning）
        "#]],
    );
    check(
        &claim,
        &[],
        classes,
        Some(&in_b),
        expect![[r#"
            claim myns/data asks for 1Gi, RWO, class zonal, volumeMode Filesystem
              (no PersistentVolumes)
            => no volume fits on node node-b and the class cannot provision one there: node(s) didn't find available persistent volumes to bind
            --
            声明 myns/data 请求 1Gi，访问模式 RWO，存储类 zonal，卷模式 Filesystem
              （没有持久卷）
            => 节点 node-b 上没有满足条件的卷，且存储类无法在此供应新卷：node(s) didn't find available persistent volumes to bind
        "#]],
    );
}

#[test]
fn bound_claims() {
    let mut bound = www(0);
    bound.spec.volume_name = Some("pv1".into());
    bound
        .metadata
        .annotations
        .insert("pv.kubernetes.io/bind-completed".into(), "yes".into());
    let volumes = vec![bound_to(gsh("pv1"), &www(0)), gsh("pv2")];
    check(
        &bound,
        &volumes,
        &[],
        None,
        expect![[r#"
        claim default/www-web-0 asks for 1Gi, RWO, class gsh-pv, volumeMode Filesystem
          pv1 1Gi: bound to this claim
          pv2 1Gi: not considered: the claim asks for volume pv1 in spec.volumeName
        => already bound to pv1
        --
        声明 default/www-web-0 请求 1Gi，访问模式 RWO，存储类 gsh-pv，卷模式 Filesystem
          pv1 1Gi：已绑定到此声明
          pv2 1Gi：未考虑：声明通过 spec.volumeName 指定了卷 pv1
        => 已绑定到 pv1
    "#]],
    );
    check(
        &bound,
        &[gsh("pv2")],
        &[],
        None,
        expect![[r#"
        claim default/www-web-0 asks for 1Gi, RWO, class gsh-pv, volumeMode Filesystem
          pv2 1Gi: not considered: the claim asks for volume pv1 in spec.volumeName
        => phase Lost, with no automatic recovery: Bound claim has lost its PersistentVolume. Data on the volume is lost!
           Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!
        --
        声明 default/www-web-0 请求 1Gi，访问模式 RWO，存储类 gsh-pv，卷模式 Filesystem
          pv2 1Gi：未考虑：声明通过 spec.volumeName 指定了卷 pv1
        => 阶段变为 Lost，不会自动恢复：Bound claim has lost its PersistentVolume. Data on the volume is lost!
           Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!
    "#]],
    );
}

#[test]
fn pods_waiting_for_a_node() {
    let claim = claim_class(pvc("data", "1Gi", &[RWO]), Some("local"));
    let local = class(
        "local",
        "kubernetes.io/no-provisioner",
        Some("WaitForFirstConsumer"),
    );
    let explanation =
        explain_binding(&claim, &[], &[&local], None).with_unscheduled_pods(&["web-0", "web-1"]);
    let event = explanation
        .event
        .map(|e| format!("{} {}: {}", e.type_, e.reason, e.message));
    expect![[
        r#"Some("Normal WaitForPodScheduled: waiting for pods web-0,web-1 to be scheduled")"#
    ]]
    .assert_eq(&format!("{event:?}"));
}
