//! What the PV controller does with a volume on each sync (`syncVolume`) and with a bound
//! claim (`syncBoundClaim`), and what a reclaim policy does once a volume's claim is gone:
//! Retain keeps it Released with its claimRef, Delete removes the backing asset and the
//! object (or leaves that to the external provisioner), Recycle (deprecated) scrubs it and
//! makes it Available again. Decisions only; the caller applies them.

use super::events::{self, StorageEvent};
use super::matching::{check_volume_mode_mismatches, volume_phase};
use super::provision::{ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED};
use crate::manifest::model::{PersistentVolume, PersistentVolumeClaim};

/// On a volume: CSI migration moved it to a CSI driver; the PV controller stands down.
pub const ANN_MIGRATED_TO: &str = "pv.kubernetes.io/migrated-to";

/// Who deletes a released volume under the Delete policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deleter {
    /// An external provisioner (or CSI driver) deletes the asset and the object; the PV
    /// controller only marks the volume Released.
    External,
    /// The in-tree plugin deletes the asset, then the PV controller deletes the object.
    InTree,
    /// Deletion fails: phase Failed with this message and a Warning `VolumeFailedDelete`,
    /// retried on every sync.
    Fails { message: String },
}

/// What the reclaim policy of a released volume does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reclaim {
    /// Nothing: the volume stays Released, claimRef kept, data kept.
    Retain,
    Delete(Deleter),
    /// Deprecated: a recycler pod scrubs the volume, then it becomes Available again.
    /// Only NFS and hostPath volumes can be recycled.
    Recycle,
    /// Recycle on a volume no recycler supports: Failed plus a Warning.
    RecycleFails {
        event: StorageEvent,
    },
    /// Recycle postponed while pods (`namespace/name`) still use the volume.
    RecycleWaits {
        event: StorageEvent,
    },
    /// An unknown policy: Failed plus a Warning `VolumeUnknownReclaimPolicy`.
    Unknown {
        event: StorageEvent,
    },
    /// The volume was migrated to a CSI driver: the PV controller does nothing.
    StandDown,
}

/// The reclaim action for a released volume. `using_pods` lists the active pods
/// (`namespace/name`) that still use the volume's claim, which only Recycle waits for.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go reclaimVolume,
/// findDeletablePlugin, recycleVolumeOperation
pub fn reclaim_volume(volume: &PersistentVolume, using_pods: &[&str]) -> Reclaim {
    if volume
        .metadata
        .annotations
        .get(ANN_MIGRATED_TO)
        .is_some_and(|v| !v.is_empty())
    {
        return Reclaim::StandDown;
    }
    match volume.spec.persistent_volume_reclaim_policy.as_deref() {
        Some("Retain") => Reclaim::Retain,
        Some("Delete") => Reclaim::Delete(find_deleter(volume)),
        Some("Recycle") => {
            if !using_pods.is_empty() {
                return Reclaim::RecycleWaits {
                    event: events::volume_failed_recycle_in_use(using_pods),
                };
            }
            if volume.spec.nfs.is_some() || volume.spec.host_path.is_some() {
                Reclaim::Recycle
            } else {
                Reclaim::RecycleFails {
                    event: events::volume_failed_recycle_no_plugin(),
                }
            }
        }
        _ => Reclaim::Unknown {
            event: events::volume_unknown_reclaim_policy(),
        },
    }
}

/// Who deletes a volume: the provisioner named on it if external, a CSI driver, or the
/// in-tree plugin of its source. Of the in-tree sources only hostPath can delete, and only
/// paths matching `/tmp/.+`; local and NFS volumes have no deleter.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go findDeletablePlugin;
/// pkg/volume/hostpath/host_path.go hostPathDeleter.Delete
fn find_deleter(volume: &PersistentVolume) -> Deleter {
    let name = &volume.metadata.name;
    let provisioned_by = volume
        .metadata
        .annotations
        .get(ANN_DYNAMICALLY_PROVISIONED)
        .map(String::as_str)
        .unwrap_or("");
    if !provisioned_by.is_empty() && !provisioned_by.starts_with("kubernetes.io/") {
        return Deleter::External;
    }
    if volume.spec.csi.is_some() {
        return Deleter::External;
    }
    if let Some(host_path) = &volume.spec.host_path {
        let supported = host_path
            .path
            .find("/tmp/")
            .is_some_and(|at| host_path.path.len() > at + "/tmp/".len());
        return if supported {
            Deleter::InTree
        } else {
            Deleter::Fails {
                message: format!(
                    "host_path deleter only supports /tmp/.+ but received provided {}",
                    host_path.path
                ),
            }
        };
    }
    let detail = if volume.spec.local.is_some() || volume.spec.nfs.is_some() {
        "no deletable volume plugin matched"
    } else {
        "no volume plugin matched"
    };
    Deleter::Fails {
        message: format!(
            "error getting deleter volume plugin for volume {}: {detail}",
            crate::quote::quote(name)
        ),
    }
}

/// The outcome of one `syncVolume`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VolumeSync {
    /// Set the phase (no write when it already has it).
    Phase(&'static str),
    /// The claim is gone (or is another object with the same name): phase Released unless
    /// already Released or Failed, then apply the reclaim policy.
    Release,
    /// The claim exists and is not bound yet: its own sync completes the binding.
    WaitForClaim,
    /// The claim pre-bound to the volume wants another volumeMode: Warnings on both.
    VolumeModeMismatch {
        on_volume: StorageEvent,
        on_claim: StorageEvent,
    },
    /// The claim is bound to another volume: roll this one back to Available, as `unbind_volume`.
    Unbind,
}

/// One sync of a volume against the claim its `claimRef` names (`claim` is that claim as it
/// exists now, looked up by namespace and name, or `None`).
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go syncVolume
pub fn sync_volume(volume: &PersistentVolume, claim: Option<&PersistentVolumeClaim>) -> VolumeSync {
    let Some(claim_ref) = &volume.spec.claim_ref else {
        return VolumeSync::Phase("Available");
    };
    let ref_uid = claim_ref.uid.as_deref().unwrap_or("");
    if ref_uid.is_empty() {
        return VolumeSync::Phase("Available");
    }
    let claim = claim.filter(|c| c.metadata.uid.as_deref().unwrap_or("") == ref_uid);
    let Some(claim) = claim else {
        return VolumeSync::Release;
    };
    let claim_volume = claim.spec.volume_name.as_deref().unwrap_or("");
    if claim_volume.is_empty() {
        if check_volume_mode_mismatches(&claim.spec, &volume.spec) {
            return VolumeSync::VolumeModeMismatch {
                on_volume: events::volume_mismatch_volume_mode_on_volume(&claim.metadata.name),
                on_claim: events::volume_mismatch_volume_mode_on_claim(&volume.metadata.name),
            };
        }
        return VolumeSync::WaitForClaim;
    }
    if claim_volume == volume.metadata.name {
        return VolumeSync::Phase("Bound");
    }
    let dynamic = volume
        .metadata
        .annotations
        .contains_key(ANN_DYNAMICALLY_PROVISIONED);
    if dynamic && volume.spec.persistent_volume_reclaim_policy.as_deref() == Some("Delete") {
        return VolumeSync::Release;
    }
    VolumeSync::Unbind
}

/// Whether a release changes the phase: a Failed volume stays Failed ("do not overwrite
/// previous Failed state") and a Released one stays Released.
pub fn phase_after_release(volume: &PersistentVolume) -> &'static str {
    match volume_phase(volume) {
        "Failed" => "Failed",
        _ => "Released",
    }
}

/// The volume rolled back to Available: a binding the controller made loses its claimRef
/// and the bound-by-controller annotation; a user's pre-binding keeps the claimRef with an
/// empty UID, so it stays reserved for a claim of that name.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go unbindVolume
pub fn unbind_volume(volume: &PersistentVolume) -> PersistentVolume {
    let mut volume = volume.clone();
    if volume
        .metadata
        .annotations
        .remove(ANN_BOUND_BY_CONTROLLER)
        .is_some()
    {
        volume.spec.claim_ref = None;
    } else if let Some(claim_ref) = volume.spec.claim_ref.as_mut() {
        claim_ref.uid = None;
    }
    set_phase(&mut volume, "Available");
    volume
}

/// What an administrator does to reuse a Released volume (`kubectl patch pv … -p
/// '{"spec":{"claimRef":null}}'`): the claimRef goes; the next sync makes it Available.
pub fn clear_claim_ref(volume: &PersistentVolume) -> PersistentVolume {
    let mut volume = volume.clone();
    volume.spec.claim_ref = None;
    volume
}

fn set_phase(volume: &mut PersistentVolume, phase: &str) {
    volume.status.get_or_insert_with(Default::default).phase = Some(phase.to_string());
}

/// The outcome of one `syncBoundClaim` (a claim with `pv.kubernetes.io/bind-completed`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoundClaimSync {
    /// (Re)bind claim and volume so both are Bound.
    Bind,
    /// Phase Lost with this event (recorded only on the change to Lost).
    Lost { event: StorageEvent },
}

/// One sync of a bound claim; `volume` is the volume its `spec.volumeName` names, if it exists.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go syncBoundClaim
pub fn sync_bound_claim(
    claim: &PersistentVolumeClaim,
    volume: Option<&PersistentVolume>,
) -> BoundClaimSync {
    if claim.spec.volume_name.as_deref().unwrap_or("").is_empty() {
        return BoundClaimSync::Lost {
            event: events::claim_lost_reference(),
        };
    }
    let Some(volume) = volume else {
        return BoundClaimSync::Lost {
            event: events::claim_lost_volume(),
        };
    };
    match &volume.spec.claim_ref {
        None => BoundClaimSync::Bind,
        Some(r)
            if r.uid.as_deref().unwrap_or("") == claim.metadata.uid.as_deref().unwrap_or("") =>
        {
            BoundClaimSync::Bind
        }
        Some(_) => BoundClaimSync::Lost {
            event: events::claim_misbound(),
        },
    }
}

/// Why a reclaim policy is worth a word to a learner: Recycle is deprecated.
pub fn reclaim_policy_note(policy: &str) -> Option<&'static str> {
    (policy == "Recycle").then_some(
        "Recycle is deprecated: only NFS and hostPath ever supported it; use dynamic provisioning instead",
    )
}
