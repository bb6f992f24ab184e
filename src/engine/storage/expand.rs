//! Growing a claim: the API server's checks on an update of `spec.resources.requests.storage`
//! (validation first, then the `PersistentVolumeClaimResize` admission plugin), with their
//! exact messages, and the objects after a resize completes.

use super::matching::{persistent_volume_claim_class, requested_bytes};
use super::quantity::quantity_bytes;
use crate::manifest::model::{PersistentVolume, PersistentVolumeClaim, StorageClass};
use crate::quote::quote;

/// How the API server refuses an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// Validation failed: `field` and `detail` as in `<field>: Forbidden: <detail>`.
    Invalid { field: String, detail: String },
    /// Admission refused the update.
    Forbidden { detail: String },
}

impl ApiError {
    /// What kubectl prints for this error about claim `name`.
    pub fn kubectl_message(&self, name: &str) -> String {
        match self {
            ApiError::Invalid { field, detail } => format!(
                "The PersistentVolumeClaim {} is invalid: {field}: Forbidden: {detail}",
                quote(name)
            ),
            ApiError::Forbidden { detail } => format!(
                "Error from server (Forbidden): persistentvolumeclaims {} is forbidden: {detail}",
                quote(name)
            ),
        }
    }
}

/// What an accepted update asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resize {
    /// The storage request did not grow (equal, or lowered but still above status.capacity).
    NoExpansion,
    /// The request grew: the resizer expands the volume, then the claim's status.capacity.
    Expand { from: String, to: String },
}

fn storage(claim: &PersistentVolumeClaim) -> &str {
    claim
        .spec
        .resources
        .requests
        .get("storage")
        .map(String::as_str)
        .unwrap_or("")
}

fn phase(claim: &PersistentVolumeClaim) -> &str {
    claim
        .status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("")
}

/// Checks an update from `old` to `new` of a claim's storage request, in the API server's
/// order. Validation: only a Bound claim may change its request at all, and a lowered
/// request must stay above `status.capacity` (RecoverVolumeExpansionFailure, on in 1.33).
/// Admission, for growth: the claim must be Bound, and its class must exist and allow
/// volume expansion.
///
/// Upstream: pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate;
/// plugin/pkg/admission/storage/persistentvolume/resize/admission.go Validate, allowResize
pub fn validate_claim_resize(
    old: &PersistentVolumeClaim,
    new: &PersistentVolumeClaim,
    classes: &[&StorageClass],
) -> Result<Resize, ApiError> {
    let (old_bytes, new_bytes) = (requested_bytes(old), requested_bytes(new));
    let bound = phase(old) == "Bound";
    if old_bytes != new_bytes && !bound {
        return Err(ApiError::Invalid {
            field: "spec".into(),
            detail: "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims".into(),
        });
    }
    if new_bytes < old_bytes {
        let status_bytes = old
            .status
            .as_ref()
            .and_then(|s| s.capacity.get("storage"))
            .and_then(|q| quantity_bytes(q))
            .unwrap_or(0);
        if new_bytes <= status_bytes {
            return Err(ApiError::Invalid {
                field: "spec.resources.requests.storage".into(),
                detail: "field can not be less than status.capacity".into(),
            });
        }
    }
    if new_bytes <= old_bytes {
        return Ok(Resize::NoExpansion);
    }
    if !bound {
        return Err(ApiError::Forbidden {
            detail: "Only bound persistent volume claims can be expanded".into(),
        });
    }
    let (class, old_class) = (
        persistent_volume_claim_class(new),
        persistent_volume_claim_class(old),
    );
    let allowed = !class.is_empty()
        && class == old_class
        && classes
            .iter()
            .find(|c| c.metadata.name == class)
            .and_then(|c| c.allow_volume_expansion)
            .unwrap_or(false);
    if !allowed {
        return Err(ApiError::Forbidden {
            detail: "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize".into(),
        });
    }
    Ok(Resize::Expand {
        from: storage(old).to_string(),
        to: storage(new).to_string(),
    })
}

/// The volume after the resizer grew it to `size` (`spec.capacity.storage`).
pub fn expanded_volume(volume: &PersistentVolume, size: &str) -> PersistentVolume {
    let mut volume = volume.clone();
    volume
        .spec
        .capacity
        .insert("storage".to_string(), size.to_string());
    volume
}

/// The claim once the resize finished: `status.capacity.storage` shows the new size (until
/// then `kubectl get pvc` keeps printing the old one) and the resize conditions are gone.
pub fn resized_claim(claim: &PersistentVolumeClaim, size: &str) -> PersistentVolumeClaim {
    let mut claim = claim.clone();
    let status = claim.status.get_or_insert_with(Default::default);
    status
        .capacity
        .insert("storage".to_string(), size.to_string());
    status
        .conditions
        .retain(|c| c.type_ != "Resizing" && c.type_ != "FileSystemResizePending");
    claim
}
