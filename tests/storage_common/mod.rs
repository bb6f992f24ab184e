//! Builders shared by the storage tests: short constructors for volumes, claims, classes and
//! nodes shaped like upstream's test fixtures, so each table row reads like the Go original.
#![allow(dead_code)]

use stsplay::manifest::model::{
    LabelSelector, LabelSelectorRequirement, Node, NodeSelector, NodeSelectorRequirement,
    NodeSelectorTerm, ObjectMeta, ObjectReference, PersistentVolume, PersistentVolumeClaim,
    PersistentVolumeStatus, StorageClass, VolumeNodeAffinity,
};

pub const RWO: &str = "ReadWriteOnce";
pub const ROX: &str = "ReadOnlyMany";
pub const RWX: &str = "ReadWriteMany";

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// An Available Filesystem volume with the given capacity and access modes.
pub fn pv(name: &str, size: &str, modes: &[&str]) -> PersistentVolume {
    let mut v = PersistentVolume {
        api_version: "v1".into(),
        kind: "PersistentVolume".into(),
        metadata: ObjectMeta {
            name: name.into(),
            uid: Some(format!("uid-{name}")),
            ..Default::default()
        },
        ..Default::default()
    };
    v.spec.capacity.insert("storage".into(), size.into());
    v.spec.access_modes = strings(modes);
    v.spec.volume_mode = Some("Filesystem".into());
    v.status = Some(PersistentVolumeStatus {
        phase: Some("Available".into()),
        ..Default::default()
    });
    v
}

pub fn with_class(mut v: PersistentVolume, class: &str) -> PersistentVolume {
    v.spec.storage_class_name = Some(class.into());
    v
}

pub fn with_phase(mut v: PersistentVolume, phase: Option<&str>) -> PersistentVolume {
    v.status = phase.map(|p| PersistentVolumeStatus {
        phase: Some(p.into()),
        ..Default::default()
    });
    v
}

pub fn with_label(mut v: PersistentVolume, key: &str, value: &str) -> PersistentVolume {
    v.metadata.labels.insert(key.into(), value.into());
    v
}

/// `spec.claimRef`; an empty `uid` leaves the reference without one (pre-bound by name).
pub fn with_claim_ref(
    mut v: PersistentVolume,
    namespace: &str,
    name: &str,
    uid: &str,
) -> PersistentVolume {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    v.spec.claim_ref = Some(ObjectReference {
        kind: Some("PersistentVolumeClaim".into()),
        api_version: Some("v1".into()),
        namespace: some(namespace),
        name: some(name),
        uid: some(uid),
        ..Default::default()
    });
    v
}

/// Required node affinity `key In [value]`, as upstream's `GetVolumeNodeAffinity`.
pub fn with_affinity(mut v: PersistentVolume, key: &str, value: &str) -> PersistentVolume {
    v.spec.node_affinity = Some(VolumeNodeAffinity {
        required: Some(NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_expressions: vec![NodeSelectorRequirement {
                    key: key.into(),
                    operator: "In".into(),
                    values: vec![value.into()],
                }],
                match_fields: vec![],
            }],
        }),
    });
    v
}

pub fn with_mode(mut v: PersistentVolume, mode: Option<&str>) -> PersistentVolume {
    v.spec.volume_mode = mode.map(Into::into);
    v
}

pub fn deleting(mut v: PersistentVolume) -> PersistentVolume {
    v.metadata.deletion_timestamp = Some("2024-01-01T00:00:10Z".into());
    v
}

/// A claim in namespace `myns` requesting `size`, Filesystem, no class.
pub fn pvc(name: &str, size: &str, modes: &[&str]) -> PersistentVolumeClaim {
    let mut c = PersistentVolumeClaim {
        api_version: "v1".into(),
        kind: "PersistentVolumeClaim".into(),
        metadata: ObjectMeta {
            name: name.into(),
            namespace: Some("myns".into()),
            uid: Some(format!("uid-{name}")),
            ..Default::default()
        },
        ..Default::default()
    };
    c.spec.access_modes = strings(modes);
    c.spec
        .resources
        .requests
        .insert("storage".into(), size.into());
    c.spec.volume_mode = Some("Filesystem".into());
    c
}

pub fn claim_class(mut c: PersistentVolumeClaim, class: Option<&str>) -> PersistentVolumeClaim {
    c.spec.storage_class_name = class.map(Into::into);
    c
}

pub fn claim_selector(
    mut c: PersistentVolumeClaim,
    key: &str,
    value: &str,
) -> PersistentVolumeClaim {
    c.spec
        .selector
        .get_or_insert_with(LabelSelector::default)
        .match_labels
        .insert(key.into(), value.into());
    c
}

pub fn claim_expression(
    mut c: PersistentVolumeClaim,
    key: &str,
    operator: &str,
    values: &[&str],
) -> PersistentVolumeClaim {
    c.spec
        .selector
        .get_or_insert_with(LabelSelector::default)
        .match_expressions
        .push(LabelSelectorRequirement {
            key: key.into(),
            operator: operator.into(),
            values: strings(values),
        });
    c
}

pub fn claim_mode(mut c: PersistentVolumeClaim, mode: Option<&str>) -> PersistentVolumeClaim {
    c.spec.volume_mode = mode.map(Into::into);
    c
}

pub fn node(name: &str, key: &str, value: &str) -> Node {
    let mut n = Node {
        api_version: "v1".into(),
        kind: "Node".into(),
        ..Default::default()
    };
    n.metadata.name = name.into();
    n.metadata.labels.insert(key.into(), value.into());
    n
}

/// A class with an explicit binding mode (`None` leaves it unset).
pub fn class(name: &str, provisioner: &str, mode: Option<&str>) -> StorageClass {
    StorageClass {
        api_version: "storage.k8s.io/v1".into(),
        kind: "StorageClass".into(),
        metadata: ObjectMeta {
            name: name.into(),
            ..Default::default()
        },
        provisioner: provisioner.into(),
        volume_binding_mode: mode.map(Into::into),
        ..Default::default()
    }
}

pub fn refs<T>(items: &[T]) -> Vec<&T> {
    items.iter().collect()
}
