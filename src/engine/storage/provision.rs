//! Dynamic provisioning decisions: which provisioner serves a claim's class (1.33 has no
//! working in-tree provisioner left: cloud plugins are migrated to their CSI drivers, and any
//! other `kubernetes.io/…` name has no plugin), the annotations the PV controller writes on
//! the claim, whether and why an external provisioner fails, and the PersistentVolume it
//! creates. Every non-`kubernetes.io/` provisioner acts as a working external provisioner.

use super::class::class_reclaim_policy;
use super::matching::{claim_namespace, claim_volume_mode, persistent_volume_claim_class};
use crate::manifest::model::{
    CsiPersistentVolumeSource, HostPathVolumeSource, Node, NodeSelector, NodeSelectorRequirement,
    NodeSelectorTerm, ObjectMeta, ObjectReference, PersistentVolume, PersistentVolumeClaim,
    PersistentVolumeSpec, PersistentVolumeStatus, StorageClass, VolumeNodeAffinity,
};

/// The provisioner name meaning "no dynamic provisioning" (local volumes).
pub const NOT_SUPPORTED_PROVISIONER: &str = "kubernetes.io/no-provisioner";
/// On a claim: the provisioner asked to create its volume (written with its beta twin).
pub const ANN_STORAGE_PROVISIONER: &str = "volume.kubernetes.io/storage-provisioner";
pub const ANN_BETA_STORAGE_PROVISIONER: &str = "volume.beta.kubernetes.io/storage-provisioner";
/// On a claim: the node the scheduler chose for a WaitForFirstConsumer claim.
pub const ANN_SELECTED_NODE: &str = "volume.kubernetes.io/selected-node";
/// On a volume: the provisioner that created it.
pub const ANN_DYNAMICALLY_PROVISIONED: &str = "pv.kubernetes.io/provisioned-by";
/// On volume and claim: the controller (not the user) filled in the binding.
pub const ANN_BOUND_BY_CONTROLLER: &str = "pv.kubernetes.io/bound-by-controller";
/// On a claim: binding finished.
pub const ANN_BIND_COMPLETED: &str = "pv.kubernetes.io/bind-completed";
/// Finalizers of storage-object-in-use protection and of the deletion protection of
/// dynamically provisioned Delete volumes.
pub const FINALIZER_PVC_PROTECTION: &str = "kubernetes.io/pvc-protection";
pub const FINALIZER_PV_PROTECTION: &str = "kubernetes.io/pv-protection";
pub const FINALIZER_EXTERNAL_PROVISIONER: &str =
    "external-provisioner.volume.kubernetes.io/finalizer";
pub const FINALIZER_IN_TREE_DELETION: &str = "kubernetes.io/pv-controller";
/// A class parameter this playground reads: when set, the external provisioner fails with
/// its value as the error, so that `ProvisioningFailed` and the retries can be watched.
/// Parameters are opaque to Kubernetes, so a real cluster would pass it to the driver.
pub const PARAM_SIMULATED_FAILURE: &str = "stsplay.dev/provisioning-error";

/// In-tree provisioner names that 1.33 hands to their CSI driver (CSI migration, GA).
const CSI_MIGRATED: [(&str, &str); 7] = [
    ("kubernetes.io/aws-ebs", "ebs.csi.aws.com"),
    ("kubernetes.io/gce-pd", "pd.csi.storage.gke.io"),
    ("kubernetes.io/azure-disk", "disk.csi.azure.com"),
    ("kubernetes.io/azure-file", "file.csi.azure.com"),
    ("kubernetes.io/cinder", "cinder.csi.openstack.org"),
    ("kubernetes.io/vsphere-volume", "csi.vsphere.vmware.com"),
    ("kubernetes.io/portworx-volume", "pxd.portworx.com"),
];

/// The provisioner that will create a claim's volume, as the PV controller resolves it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvisionPlan<'a> {
    pub class: &'a StorageClass,
    /// The name written into the claim's storage-provisioner annotations and the
    /// `ExternalProvisioning` event: the class's provisioner, or its CSI driver if migrated.
    pub provisioner: String,
}

/// Finds who provisions a claim's class. The error is the `ProvisioningFailed` message:
/// `storageclass.storage.k8s.io "<name>" not found` for a missing class, and
/// `no volume plugin matched name: <provisioner>` for a `kubernetes.io/…` name without a
/// plugin, `kubernetes.io/no-provisioner` included.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go findProvisionablePlugin
pub fn find_provisionable_plugin<'a>(
    claim: &PersistentVolumeClaim,
    classes: &[&'a StorageClass],
) -> Result<ProvisionPlan<'a>, String> {
    let name = persistent_volume_claim_class(claim);
    let class = classes
        .iter()
        .copied()
        .find(|c| c.metadata.name == name)
        .ok_or_else(|| {
            format!(
                "storageclass.storage.k8s.io {} not found",
                crate::quote::quote(name)
            )
        })?;
    let provisioner = class.provisioner.as_str();
    if let Some((_, driver)) = CSI_MIGRATED
        .iter()
        .find(|(in_tree, _)| *in_tree == provisioner)
    {
        return Ok(ProvisionPlan {
            class,
            provisioner: (*driver).to_string(),
        });
    }
    if provisioner.starts_with("kubernetes.io/") {
        return Err(format!("no volume plugin matched name: {provisioner}"));
    }
    Ok(ProvisionPlan {
        class,
        provisioner: provisioner.to_string(),
    })
}

/// Whether a class can provision at all, as the scheduler asks it for WaitForFirstConsumer
/// claims: a provisioner that is neither empty nor `kubernetes.io/no-provisioner`.
///
/// Upstream: pkg/scheduler/framework/plugins/volumebinding/binder.go checkVolumeProvisions
pub fn class_can_provision(class: &StorageClass) -> bool {
    !class.provisioner.is_empty() && class.provisioner != NOT_SUPPORTED_PROVISIONER
}

/// The claim with both storage-provisioner annotations set to `provisioner`.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller_base.go setClaimProvisioner
pub fn set_claim_provisioner(
    claim: &PersistentVolumeClaim,
    provisioner: &str,
) -> PersistentVolumeClaim {
    let mut claim = claim.clone();
    for key in [ANN_STORAGE_PROVISIONER, ANN_BETA_STORAGE_PROVISIONER] {
        claim
            .metadata
            .annotations
            .insert(key.to_string(), provisioner.to_string());
    }
    claim
}

/// The claim without its selected-node annotation, after provisioning for that node failed,
/// so that the scheduler picks a node again.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go rescheduleProvisioning
pub fn reschedule_provisioning(claim: &PersistentVolumeClaim) -> PersistentVolumeClaim {
    let mut claim = claim.clone();
    claim.metadata.annotations.remove(ANN_SELECTED_NODE);
    claim
}

/// The name of a provisioned volume: `pvc-<claim uid>`.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go getProvisionedVolumeNameForClaim
pub fn provisioned_volume_name(claim: &PersistentVolumeClaim) -> String {
    format!("pvc-{}", claim.metadata.uid.as_deref().unwrap_or(""))
}

/// Provisioners that create node-local directories (the volume is pinned to one node).
fn is_node_local(provisioner: &str) -> bool {
    provisioner == "rancher.io/local-path" || provisioner.contains("local-path")
}

/// Why an external provisioner refuses or fails a claim, as the error part of its
/// `ProvisioningFailed` message; `None` when it succeeds. A claim with a selector cannot be
/// provisioned; a node-local provisioner needs the scheduler's node (Immediate binding gives
/// it none); the playground's failure parameter fails on purpose.
pub fn external_provision_error(
    claim: &PersistentVolumeClaim,
    class: &StorageClass,
    provisioner: &str,
) -> Option<String> {
    if claim.spec.selector.is_some() {
        return Some("claim Selector is not supported".to_string());
    }
    if is_node_local(provisioner) && !claim.metadata.annotations.contains_key(ANN_SELECTED_NODE) {
        return Some("configuration error, no node was specified".to_string());
    }
    class.parameters.get(PARAM_SIMULATED_FAILURE).cloned()
}

/// The PersistentVolume an external provisioner creates for a claim: named `pvc-<uid>`,
/// pre-bound to the claim (claimRef with its UID), the claim's request as capacity, its
/// access modes and volumeMode, the claim's class, the class's reclaim policy (default
/// Delete) and mount options, `pv.kubernetes.io/provisioned-by`, and the protection
/// finalizers. A node-local provisioner writes a hostPath under its data directory and pins
/// the volume to the selected node; other drivers give a CSI source and, when the class has
/// `allowedTopologies`, that topology as node affinity. The API server stores every new
/// volume with phase `Pending`; the PV controller then binds it.
pub fn provisioned_volume(
    claim: &PersistentVolumeClaim,
    class: &StorageClass,
    provisioner: &str,
    selected_node: Option<&Node>,
    created_at: &str,
) -> PersistentVolume {
    let name = provisioned_volume_name(claim);
    let reclaim_policy = class_reclaim_policy(class).to_string();
    let mut finalizers = vec![FINALIZER_PV_PROTECTION.to_string()];
    if reclaim_policy == "Delete" && !is_node_local(provisioner) {
        finalizers.push(FINALIZER_EXTERNAL_PROVISIONER.to_string());
    }
    let mut metadata = ObjectMeta {
        name: name.clone(),
        creation_timestamp: Some(created_at.to_string()),
        finalizers,
        ..Default::default()
    };
    metadata.annotations.insert(
        ANN_DYNAMICALLY_PROVISIONED.to_string(),
        provisioner.to_string(),
    );
    let mut spec = PersistentVolumeSpec {
        access_modes: claim.spec.access_modes.clone(),
        storage_class_name: Some(persistent_volume_claim_class(claim).to_string()),
        persistent_volume_reclaim_policy: Some(reclaim_policy),
        volume_mode: Some(claim_volume_mode(&claim.spec).to_string()),
        mount_options: class.mount_options.clone(),
        claim_ref: Some(ObjectReference {
            api_version: Some("v1".to_string()),
            kind: Some("PersistentVolumeClaim".to_string()),
            namespace: Some(claim_namespace(claim).to_string()),
            name: Some(claim.metadata.name.clone()),
            uid: claim.metadata.uid.clone(),
            resource_version: claim.metadata.resource_version.clone(),
            field_path: None,
        }),
        ..Default::default()
    };
    if let Some(request) = claim.spec.resources.requests.get("storage") {
        spec.capacity.insert("storage".to_string(), request.clone());
    }
    if is_node_local(provisioner) {
        spec.host_path = Some(HostPathVolumeSource {
            path: format!(
                "/opt/local-path-provisioner/{name}_{}_{}",
                claim_namespace(claim),
                claim.metadata.name
            ),
            type_: Some("DirectoryOrCreate".to_string()),
        });
        if let Some(node) = selected_node {
            spec.node_affinity = Some(node_affinity(vec![NodeSelectorTerm {
                match_expressions: vec![NodeSelectorRequirement {
                    key: "kubernetes.io/hostname".to_string(),
                    operator: "In".to_string(),
                    values: vec![node
                        .metadata
                        .labels
                        .get("kubernetes.io/hostname")
                        .cloned()
                        .unwrap_or_else(|| node.metadata.name.clone())],
                }],
                match_fields: Vec::new(),
            }]));
        }
    } else {
        let mut csi = CsiPersistentVolumeSource {
            driver: provisioner.to_string(),
            volume_handle: name.clone(),
            ..Default::default()
        };
        csi.volume_attributes = class.parameters.clone();
        csi.volume_attributes.remove(PARAM_SIMULATED_FAILURE);
        spec.csi = Some(csi);
        let terms: Vec<NodeSelectorTerm> = class
            .allowed_topologies
            .iter()
            .map(|term| NodeSelectorTerm {
                match_expressions: term
                    .match_label_expressions
                    .iter()
                    .map(|r| NodeSelectorRequirement {
                        key: r.key.clone(),
                        operator: "In".to_string(),
                        values: r.values.clone(),
                    })
                    .collect(),
                match_fields: Vec::new(),
            })
            .collect();
        if !terms.is_empty() {
            spec.node_affinity = Some(node_affinity(terms));
        }
    }
    PersistentVolume {
        api_version: "v1".to_string(),
        kind: "PersistentVolume".to_string(),
        metadata,
        spec,
        status: Some(PersistentVolumeStatus {
            phase: Some("Pending".to_string()),
            last_phase_transition_time: Some(created_at.to_string()),
            ..Default::default()
        }),
    }
}

fn node_affinity(terms: Vec<NodeSelectorTerm>) -> VolumeNodeAffinity {
    VolumeNodeAffinity {
        required: Some(NodeSelector {
            node_selector_terms: terms,
        }),
    }
}

/// Whether a node lies inside a class's `allowedTopologies`: no terms allow every node;
/// terms are ORed, an empty term allows nothing, and inside a term every key must carry
/// one of its values in the node's labels.
///
/// Upstream: pkg/apis/core/v1/helper/helpers.go MatchTopologySelectorTerms
pub fn allowed_topologies_match(class: &StorageClass, node: &Node) -> bool {
    if class.allowed_topologies.is_empty() {
        return true;
    }
    class.allowed_topologies.iter().any(|term| {
        !term.match_label_expressions.is_empty()
            && term.match_label_expressions.iter().all(|r| {
                !r.values.is_empty()
                    && node
                        .metadata
                        .labels
                        .get(&r.key)
                        .is_some_and(|v| r.values.contains(v))
            })
    })
}
