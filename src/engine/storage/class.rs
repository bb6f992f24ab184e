//! StorageClass decisions: the class fields' defaults, which class is the default one, and
//! when a claim without a class gets it (the `DefaultStorageClass` admission plugin on create,
//! the PV controller's retroactive assignment later).

use super::matching::persistent_volume_claim_has_class;
use crate::manifest::model::{ObjectMeta, PersistentVolumeClaim, StorageClass};
use crate::time::parse_rfc3339;

/// The annotation that makes a class the default one, when its value is exactly `"true"`.
pub const ANN_IS_DEFAULT_CLASS: &str = "storageclass.kubernetes.io/is-default-class";
/// The older form of [`ANN_IS_DEFAULT_CLASS`], still honoured.
pub const ANN_BETA_IS_DEFAULT_CLASS: &str = "storageclass.beta.kubernetes.io/is-default-class";

/// Whether a class carries the default-class annotation (either form) with value `"true"`.
/// `kubectl get sc` marks every such class ` (default)`, even when there are several.
///
/// Upstream: pkg/volume/util/storageclass.go IsDefaultAnnotation
pub fn is_default_annotation(meta: &ObjectMeta) -> bool {
    [ANN_IS_DEFAULT_CLASS, ANN_BETA_IS_DEFAULT_CLASS]
        .iter()
        .any(|key| meta.annotations.get(*key).is_some_and(|v| v == "true"))
}

/// The default StorageClass: among the classes marked default, the most recently created,
/// ties (and unreadable timestamps, which count as oldest) broken by name ascending.
///
/// Upstream: pkg/volume/util/storageclass.go GetDefaultClass
pub fn default_storage_class<'a>(classes: &[&'a StorageClass]) -> Option<&'a StorageClass> {
    let created = |c: &StorageClass| {
        c.metadata
            .creation_timestamp
            .as_deref()
            .and_then(parse_rfc3339)
            .unwrap_or(i64::MIN)
    };
    classes
        .iter()
        .copied()
        .filter(|c| is_default_annotation(&c.metadata))
        .min_by(|a, b| {
            created(b)
                .cmp(&created(a))
                .then_with(|| a.metadata.name.cmp(&b.metadata.name))
        })
}

/// The class the `DefaultStorageClass` admission plugin writes into a claim being created:
/// the default class when the claim names no class at all (`storageClassName` unset and no
/// beta annotation). `""` means "no class" and is left alone; without a default, nothing.
///
/// Upstream: plugin/pkg/admission/storage/storageclass/setdefault/admission.go Admit
pub fn admit_default_storage_class<'a>(
    claim: &PersistentVolumeClaim,
    classes: &[&'a StorageClass],
) -> Option<&'a StorageClass> {
    if persistent_volume_claim_has_class(claim) {
        return None;
    }
    default_storage_class(classes)
}

/// The class the PV controller writes into an unbound claim that has no class and found no
/// class-less volume: the default class, if one exists now (retroactive default class
/// assignment, GA since 1.28). The claim is then synced again with its new class.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go assignDefaultStorageClass
pub fn assign_default_storage_class<'a>(
    claim: &PersistentVolumeClaim,
    classes: &[&'a StorageClass],
) -> Option<&'a StorageClass> {
    admit_default_storage_class(claim, classes)
}

/// The class's reclaim policy, `Delete` when unset (as the API server defaults it).
pub fn class_reclaim_policy(class: &StorageClass) -> &str {
    class.reclaim_policy.as_deref().unwrap_or("Delete")
}

/// The class's binding mode, `Immediate` when unset (as the API server defaults it).
pub fn class_volume_binding_mode(class: &StorageClass) -> &str {
    class.volume_binding_mode.as_deref().unwrap_or("Immediate")
}
