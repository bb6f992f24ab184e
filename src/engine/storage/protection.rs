//! Storage-object-in-use protection: when the `kubernetes.io/pvc-protection` and
//! `kubernetes.io/pv-protection` finalizers may come off, so that a claim in use by a
//! scheduled pod, or a Bound volume, stays `Terminating` after `kubectl delete`.

use crate::manifest::model::{PersistentVolume, PersistentVolumeClaim, Pod};

/// The scheduled pods (`spec.nodeName` set) in the claim's namespace that reference it in
/// `spec.volumes[].persistentVolumeClaim.claimName`; while any remain, the claim keeps its
/// protection finalizer. Unscheduled pods do not block.
///
/// Upstream: pkg/controller/volume/pvcprotection/pvc_protection_controller.go podUsesPVC
pub fn pvc_protection_blockers<'a>(
    claim: &PersistentVolumeClaim,
    pods: &[&'a Pod],
) -> Vec<&'a str> {
    let namespace = claim.metadata.namespace.as_deref().unwrap_or("");
    pods.iter()
        .filter(|pod| pod.metadata.namespace.as_deref().unwrap_or("") == namespace)
        .filter(|pod| !pod.spec.node_name.as_deref().unwrap_or("").is_empty())
        .filter(|pod| {
            pod.spec.volumes.iter().any(|v| {
                v.persistent_volume_claim
                    .as_ref()
                    .is_some_and(|source| source.claim_name == claim.metadata.name)
            })
        })
        .map(|pod| pod.metadata.name.as_str())
        .collect()
}

/// Whether the pv-protection finalizer may come off: only while the volume is not Bound.
///
/// Upstream: pkg/controller/volume/pvprotection/pv_protection_controller.go isBeingUsed
pub fn pv_protection_can_release(volume: &PersistentVolume) -> bool {
    volume.status.as_ref().and_then(|s| s.phase.as_deref()) != Some("Bound")
}
