//! What one PV-controller sync of an unbound claim decides: bind to a volume, write the
//! default class, wait for the first consumer, provision, or report that nothing can happen.
//! The decision only; the caller applies it and records [`UnboundClaimSync::event`].

use super::class::assign_default_storage_class;
use super::events::{self, StorageEvent};
use super::matching::{
    check_volume_satisfy_claim, find_best_match_for_claim, is_delay_binding_mode,
    is_volume_bound_to_claim, persistent_volume_claim_class, BindingMode,
};
use super::provision::{
    find_provisionable_plugin, ProvisionPlan, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE,
};
use crate::manifest::model::{PersistentVolume, PersistentVolumeClaim, StorageClass};

/// The outcome of `syncUnboundClaim` for one claim.
#[derive(Clone, Debug, PartialEq)]
pub enum UnboundClaimSync<'a> {
    /// Bind the claim to this volume (PV claimRef, PV Bound, claim volumeName, claim Bound).
    Bind { volume: &'a PersistentVolume },
    /// Write this default class into the claim (`storageClassName` was unset); sync again.
    AssignDefaultClass { class: &'a StorageClass },
    /// WaitForFirstConsumer and no node chosen yet: stay Pending.
    WaitForFirstConsumer,
    /// Annotate the claim with the provisioner and let it create a volume.
    Provision(ProvisionPlan<'a>),
    /// Provisioning cannot start; the message is the `ProvisioningFailed` event's.
    ProvisioningFailed { message: String },
    /// No volume fits and the claim has no class.
    FailedBinding,
    /// The claim names a volume (`spec.volumeName`) that does not exist yet.
    WaitForNamedVolume { volume: String },
    /// The named volume exists but does not satisfy the claim (checkVolumeSatisfyClaim).
    NamedVolumeMismatch {
        volume: &'a PersistentVolume,
        reason: String,
    },
    /// The named volume is bound to another claim. Upstream also returns an error when the
    /// claim itself was bound by the controller ("THIS SHOULD NEVER HAPPEN").
    NamedVolumeBoundElsewhere { volume: &'a PersistentVolume },
    /// The sync fails before deciding (a class without binding mode, a broken selector, a
    /// volumeAttributesClassName while the feature is off); retried on the next sync.
    Error { message: String },
}

impl UnboundClaimSync<'_> {
    /// The event this decision records on the claim, if any. `unscheduled_pods` names the
    /// pods that use the claim and have no node yet (for `WaitForPodScheduled`).
    pub fn event(&self, unscheduled_pods: &[&str]) -> Option<StorageEvent> {
        match self {
            UnboundClaimSync::WaitForFirstConsumer => {
                Some(events::wait_for_first_consumer(unscheduled_pods))
            }
            UnboundClaimSync::Provision(plan) => {
                Some(events::external_provisioning(&plan.provisioner))
            }
            UnboundClaimSync::ProvisioningFailed { message } => {
                Some(events::provisioning_failed(message))
            }
            UnboundClaimSync::FailedBinding => Some(events::failed_binding_no_class()),
            UnboundClaimSync::NamedVolumeMismatch { volume, reason } => {
                Some(events::volume_mismatch(&volume.metadata.name, reason))
            }
            UnboundClaimSync::NamedVolumeBoundElsewhere { volume } => {
                Some(events::failed_binding_already_bound(&volume.metadata.name))
            }
            UnboundClaimSync::Bind { .. }
            | UnboundClaimSync::AssignDefaultClass { .. }
            | UnboundClaimSync::WaitForNamedVolume { .. }
            | UnboundClaimSync::Error { .. } => None,
        }
    }
}

/// One sync of a claim that is not bound yet (no `pv.kubernetes.io/bind-completed`).
///
/// Without `spec.volumeName`: the best match binds (a pre-bound volume even under
/// WaitForFirstConsumer); otherwise a claim without any class gets the default class if
/// one exists; then a WaitForFirstConsumer claim without a selected node waits, a claim
/// with a class provisions, and a class-less claim gets `FailedBinding`.
/// With `spec.volumeName`: that volume binds if free and fitting, or if pre-bound to the claim.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim
pub fn sync_unbound_claim<'a>(
    claim: &PersistentVolumeClaim,
    volumes: &[&'a PersistentVolume],
    classes: &[&'a StorageClass],
) -> UnboundClaimSync<'a> {
    let volume_name = claim.spec.volume_name.as_deref().unwrap_or("");
    if !volume_name.is_empty() {
        let Some(volume) = volumes
            .iter()
            .copied()
            .find(|v| v.metadata.name == volume_name)
        else {
            return UnboundClaimSync::WaitForNamedVolume {
                volume: volume_name.to_string(),
            };
        };
        if volume.spec.claim_ref.is_none() {
            return match check_volume_satisfy_claim(volume, claim) {
                Some(reason) => UnboundClaimSync::NamedVolumeMismatch { volume, reason },
                None => UnboundClaimSync::Bind { volume },
            };
        }
        if is_volume_bound_to_claim(volume, claim) {
            return UnboundClaimSync::Bind { volume };
        }
        return UnboundClaimSync::NamedVolumeBoundElsewhere { volume };
    }
    let mode = match is_delay_binding_mode(claim, classes) {
        Ok(mode) => mode,
        Err(message) => return UnboundClaimSync::Error { message },
    };
    match find_best_match_for_claim(claim, volumes, mode) {
        Err(err) => {
            return UnboundClaimSync::Error {
                message: format!(
                    "error finding PV for claim {}: {err}",
                    crate::quote::quote(&super::matching::claim_key(claim))
                ),
            }
        }
        Ok(Some(volume)) => return UnboundClaimSync::Bind { volume },
        Ok(None) => {}
    }
    if let Some(class) = assign_default_storage_class(claim, classes) {
        return UnboundClaimSync::AssignDefaultClass { class };
    }
    if mode == BindingMode::WaitForFirstConsumer
        && !claim.metadata.annotations.contains_key(ANN_SELECTED_NODE)
    {
        return UnboundClaimSync::WaitForFirstConsumer;
    }
    if !persistent_volume_claim_class(claim).is_empty() {
        return match find_provisionable_plugin(claim, classes) {
            Ok(plan) => UnboundClaimSync::Provision(plan),
            Err(message) => UnboundClaimSync::ProvisioningFailed { message },
        };
    }
    UnboundClaimSync::FailedBinding
}

/// Whether the claim's binding was filled in by the controller rather than by its author.
pub fn claim_bound_by_controller(claim: &PersistentVolumeClaim) -> bool {
    claim
        .metadata
        .annotations
        .contains_key(ANN_BOUND_BY_CONTROLLER)
}

/// The volume after the first step of a bind: `spec.claimRef` names the claim with its UID,
/// and `pv.kubernetes.io/bound-by-controller: "yes"` is added unless the volume was already
/// pre-bound to this claim (then a user chose it). The phase is set separately.
///
/// Upstream: k/component-helpers storage/volume/pv_helpers.go GetBindVolumeToClaim
pub fn bind_volume_to_claim(
    volume: &PersistentVolume,
    claim: &PersistentVolumeClaim,
) -> PersistentVolume {
    let mut bound = volume.clone();
    let pre_bound = is_volume_bound_to_claim(volume, claim);
    bound.spec.claim_ref = Some(crate::manifest::model::ObjectReference {
        api_version: Some("v1".to_string()),
        kind: Some("PersistentVolumeClaim".to_string()),
        namespace: claim.metadata.namespace.clone(),
        name: Some(claim.metadata.name.clone()),
        uid: claim.metadata.uid.clone(),
        resource_version: claim.metadata.resource_version.clone(),
        field_path: None,
    });
    if !pre_bound {
        bound
            .metadata
            .annotations
            .entry(ANN_BOUND_BY_CONTROLLER.to_string())
            .or_insert_with(|| "yes".to_string());
    }
    bound
}

/// The claim after the third step of a bind: `spec.volumeName` set, bound-by-controller
/// added when the controller picked the volume (the claim named none), and
/// `pv.kubernetes.io/bind-completed: "yes"` always.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go bindClaimToVolume
pub fn bind_claim_to_volume(
    claim: &PersistentVolumeClaim,
    volume: &PersistentVolume,
) -> PersistentVolumeClaim {
    let mut bound = claim.clone();
    if bound.spec.volume_name.as_deref().unwrap_or("").is_empty() {
        bound.spec.volume_name = Some(volume.metadata.name.clone());
        bound
            .metadata
            .annotations
            .insert(ANN_BOUND_BY_CONTROLLER.to_string(), "yes".to_string());
    }
    bound.metadata.annotations.insert(
        super::provision::ANN_BIND_COMPLETED.to_string(),
        "yes".to_string(),
    );
    bound
}

/// The claim's status for `phase`: with a volume (Bound) the volume's access modes, and its
/// capacity when the claim is only now becoming Bound (so a later resize is not clobbered);
/// without one (Pending, Lost) access modes and capacity are cleared.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go updateClaimStatus
pub fn claim_with_status(
    claim: &PersistentVolumeClaim,
    phase: &str,
    volume: Option<&PersistentVolume>,
) -> PersistentVolumeClaim {
    let mut updated = claim.clone();
    let was = claim
        .status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_default();
    let status = updated.status.get_or_insert_with(Default::default);
    status.phase = Some(phase.to_string());
    match volume {
        None => {
            status.access_modes.clear();
            status.capacity.clear();
        }
        Some(volume) => {
            status.access_modes = volume.spec.access_modes.clone();
            if was != phase {
                status.capacity = volume.spec.capacity.clone();
            }
        }
    }
    updated
}
