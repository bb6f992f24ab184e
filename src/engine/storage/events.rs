//! The events the storage components record, with upstream's reasons and exact messages, as
//! small builders: the controller that decides picks one, the engine records it. Messages
//! marked [I] in the behaviour reference come from cluster output rather than source code.

use crate::quote::quote;

/// One event to record: `type` (`Normal` or `Warning`), upstream reason and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageEvent {
    pub type_: &'static str,
    pub reason: &'static str,
    pub message: String,
}

fn normal(reason: &'static str, message: String) -> StorageEvent {
    StorageEvent {
        type_: "Normal",
        reason,
        message,
    }
}

fn warning(reason: &'static str, message: String) -> StorageEvent {
    StorageEvent {
        type_: "Warning",
        reason,
        message,
    }
}

/// No volume fits a claim without a class: nothing will provision one.
pub fn failed_binding_no_class() -> StorageEvent {
    normal(
        "FailedBinding",
        "no persistent volumes available for this claim and no storage class is set".into(),
    )
}

/// The claim names a volume (`spec.volumeName`) that another claim holds.
pub fn failed_binding_already_bound(volume: &str) -> StorageEvent {
    warning(
        "FailedBinding",
        format!(
            "volume {} already bound to a different claim.",
            quote(volume)
        ),
    )
}

/// A WaitForFirstConsumer claim with no node chosen yet: `WaitForFirstConsumer` while no pod
/// uses it, `WaitForPodScheduled` naming the unscheduled pods that do.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go emitEventForUnboundDelayBindingClaim
pub fn wait_for_first_consumer(unscheduled_pods: &[&str]) -> StorageEvent {
    match unscheduled_pods {
        [] => normal(
            "WaitForFirstConsumer",
            "waiting for first consumer to be created before binding".into(),
        ),
        [pod] => normal(
            "WaitForPodScheduled",
            format!("waiting for pod {pod} to be scheduled"),
        ),
        pods => normal(
            "WaitForPodScheduled",
            format!("waiting for pods {} to be scheduled", pods.join(",")),
        ),
    }
}

/// The PV controller hands a claim to an external provisioner (repeated on every sync).
pub fn external_provisioning(provisioner: &str) -> StorageEvent {
    normal(
        "ExternalProvisioning",
        format!(
            "Waiting for a volume to be created either by the external provisioner '{provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."
        ),
    )
}

/// The external provisioner starts work on a claim (`<namespace>/<name>`). [I]
pub fn provisioning(claim_key: &str) -> StorageEvent {
    normal(
        "Provisioning",
        format!(
            "External provisioner is provisioning volume for claim {}",
            quote(claim_key)
        ),
    )
}

/// An external provisioner created the volume. [I]
pub fn provisioning_succeeded(volume: &str) -> StorageEvent {
    normal(
        "ProvisioningSucceeded",
        format!("Successfully provisioned volume {volume}"),
    )
}

/// An in-tree plugin created the volume.
pub fn provisioning_succeeded_in_tree(volume: &str, plugin: &str) -> StorageEvent {
    normal(
        "ProvisioningSucceeded",
        format!("Successfully provisioned volume {volume} using {plugin}"),
    )
}

/// Provisioning could not start (class missing, no plugin): the message as the controller has it.
pub fn provisioning_failed(message: &str) -> StorageEvent {
    warning("ProvisioningFailed", message.to_string())
}

/// An external provisioner failed to create the volume. [I: lower-case `failed`]
pub fn provisioning_failed_external(class: &str, error: &str) -> StorageEvent {
    warning(
        "ProvisioningFailed",
        format!(
            "failed to provision volume with StorageClass {}: {error}",
            quote(class)
        ),
    )
}

/// The volume named by the claim's `spec.volumeName` does not satisfy it.
pub fn volume_mismatch(volume: &str, reason: &str) -> StorageEvent {
    warning(
        "VolumeMismatch",
        format!(
            "Cannot bind to requested volume {}: {reason}",
            quote(volume)
        ),
    )
}

/// On the volume: it is pre-bound to a claim whose volumeMode differs.
pub fn volume_mismatch_volume_mode_on_volume(claim: &str) -> StorageEvent {
    warning(
        "VolumeMismatch",
        format!("Cannot bind PersistentVolume to requested PersistentVolumeClaim {} due to incompatible volumeMode.", quote(claim)),
    )
}

/// On the claim: the volume pre-bound to it has a different volumeMode.
pub fn volume_mismatch_volume_mode_on_claim(volume: &str) -> StorageEvent {
    warning(
        "VolumeMismatch",
        format!("Cannot bind PersistentVolume {} to requested PersistentVolumeClaim due to incompatible volumeMode.", quote(volume)),
    )
}

/// A bound claim whose `spec.volumeName` was emptied.
pub fn claim_lost_reference() -> StorageEvent {
    warning(
        "ClaimLost",
        "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!".into(),
    )
}

/// A bound claim whose volume is gone.
pub fn claim_lost_volume() -> StorageEvent {
    warning(
        "ClaimLost",
        "Bound claim has lost its PersistentVolume. Data on the volume is lost!".into(),
    )
}

/// A bound claim whose volume points at another claim.
pub fn claim_misbound() -> StorageEvent {
    warning(
        "ClaimMisbound",
        "Two claims are bound to the same volume, this one is bound incorrectly".into(),
    )
}

/// On the volume: deleting its backing asset failed.
pub fn volume_failed_delete(message: &str) -> StorageEvent {
    warning("VolumeFailedDelete", message.to_string())
}

/// On the volume: its reclaim policy is none of Retain, Delete, Recycle.
pub fn volume_unknown_reclaim_policy() -> StorageEvent {
    warning(
        "VolumeUnknownReclaimPolicy",
        "Volume has unrecognized PersistentVolumeReclaimPolicy".into(),
    )
}

/// On the volume: the recycler scrubbed it.
pub fn volume_recycled() -> StorageEvent {
    normal("VolumeRecycled", "Volume recycled".into())
}

/// On the volume: pods (`namespace/name`) still use it, so it is not recycled yet.
pub fn volume_failed_recycle_in_use(pods: &[&str]) -> StorageEvent {
    normal(
        "VolumeFailedRecycle",
        format!("Volume is used by pods: {}", pods.join(",")),
    )
}

/// On the volume: nothing can recycle it.
pub fn volume_failed_recycle_no_plugin() -> StorageEvent {
    warning(
        "VolumeFailedRecycle",
        "No recycler plugin found for the volume!".into(),
    )
}

/// The expand controller waits for an external resizer. [I: type differs across releases]
pub fn external_expanding() -> StorageEvent {
    normal(
        "ExternalExpanding",
        "waiting for an external controller to expand this PVC".into(),
    )
}

/// The external resizer starts growing a volume. [I]
pub fn resizing(volume: &str) -> StorageEvent {
    normal(
        "Resizing",
        format!("External resizer is resizing volume {volume}"),
    )
}

/// The volume grew and its file system must grow on the node. [I]
pub fn file_system_resize_required() -> StorageEvent {
    normal(
        "FileSystemResizeRequired",
        "Require file system resize of volume on node".into(),
    )
}

/// The kubelet grew the file system. [I]
pub fn file_system_resize_successful(volume: &str, node: &str) -> StorageEvent {
    normal(
        "FileSystemResizeSuccessful",
        format!(
            "MountVolume.NodeExpandVolume succeeded for volume {} {node}",
            quote(volume)
        ),
    )
}

/// The resizer failed. [I]
pub fn volume_resize_failed(volume: &str, resizer: &str, error: &str) -> StorageEvent {
    warning(
        "VolumeResizeFailed",
        format!(
            "resize volume {} by resizer {} failed: {error}",
            quote(volume),
            quote(resizer)
        ),
    )
}
