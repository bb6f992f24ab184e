//! Which PersistentVolume a claim gets: the PV controller's two-level search (volumes grouped
//! by their exact access-mode set, smallest group first; inside a group the smallest fitting
//! volume, or a volume pre-bound to the claim) and the scheduler's per-node variant, plus the
//! small predicates both are built from. Pure functions of typed objects; nothing here writes.
//!
//! Ties that upstream leaves to map iteration order are broken by the order of the `volumes`
//! slice (the engine passes volumes sorted by name) and, between access-mode groups of the
//! same size, by the groups' canonical strings (`RWO,ROX` before `RWO,RWX`).

use super::quantity::quantity_bytes;
use crate::manifest::model::{
    LabelSelector, Node, NodeSelectorRequirement, PersistentVolume, PersistentVolumeClaim,
    PersistentVolumeClaimSpec, PersistentVolumeSpec, StorageClass, StringMap,
};

/// `volume.beta.kubernetes.io/storage-class`: the deprecated class annotation, which wins over
/// `storageClassName` on both claims and volumes.
pub const ANN_BETA_STORAGE_CLASS: &str = "volume.beta.kubernetes.io/storage-class";
/// The only binding modes a StorageClass may have.
pub const VOLUME_BINDING_IMMEDIATE: &str = "Immediate";
pub const VOLUME_BINDING_WAIT_FOR_FIRST_CONSUMER: &str = "WaitForFirstConsumer";

/// Whether the PV controller may bind a claim now (`Immediate`) or must leave unbound volumes
/// to the scheduler (`WaitForFirstConsumer`, upstream's `delayBinding == true`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingMode {
    Immediate,
    WaitForFirstConsumer,
}

/// The access modes kubectl and the volume index abbreviate, in the index's fixed order.
const ACCESS_MODES: [(&str, &str); 4] = [
    ("ReadWriteOnce", "RWO"),
    ("ReadOnlyMany", "ROX"),
    ("ReadWriteMany", "RWX"),
    ("ReadWriteOncePod", "RWOP"),
];

/// The short form of a list of access modes, duplicates removed, in the fixed order
/// `RWO,ROX,RWX,RWOP`; unknown modes are left out, as upstream's index does.
///
/// Upstream: pkg/apis/core/v1/helper/helpers.go GetAccessModesAsString
pub fn access_modes_as_string(modes: &[String]) -> String {
    ACCESS_MODES
        .iter()
        .filter(|(long, _)| modes.iter().any(|m| m == long))
        .map(|(_, short)| *short)
        .collect::<Vec<_>>()
        .join(",")
}

/// The full names of the known access modes in `modes`, in the index's fixed order.
pub(crate) fn canonical_access_modes(modes: &[String]) -> Vec<String> {
    ACCESS_MODES
        .iter()
        .filter(|(long, _)| modes.iter().any(|m| m == long))
        .map(|(long, _)| (*long).to_string())
        .collect()
}

/// Whether the volume offers every access mode the claim asks for.
///
/// Upstream: k/component-helpers storage/volume/pv_helpers.go CheckAccessModes
pub fn check_access_modes(claim: &PersistentVolumeClaim, volume: &PersistentVolume) -> bool {
    claim
        .spec
        .access_modes
        .iter()
        .all(|mode| volume.spec.access_modes.contains(mode))
}

/// Whether the claim's and the volume's `volumeMode` differ; unset counts as `Filesystem`.
///
/// Upstream: k/component-helpers storage/volume/pv_helpers.go CheckVolumeModeMismatches
pub fn check_volume_mode_mismatches(
    claim_spec: &PersistentVolumeClaimSpec,
    volume_spec: &PersistentVolumeSpec,
) -> bool {
    claim_volume_mode(claim_spec) != volume_volume_mode(volume_spec)
}

pub(crate) fn claim_volume_mode(spec: &PersistentVolumeClaimSpec) -> &str {
    spec.volume_mode.as_deref().unwrap_or("Filesystem")
}

pub(crate) fn volume_volume_mode(spec: &PersistentVolumeSpec) -> &str {
    spec.volume_mode.as_deref().unwrap_or("Filesystem")
}

/// Whether the volume is pre-bound or bound to this claim: same name and namespace in
/// `spec.claimRef`, and the same UID unless the reference has none.
///
/// Upstream: k/component-helpers storage/volume/pv_helpers.go IsVolumeBoundToClaim
pub fn is_volume_bound_to_claim(volume: &PersistentVolume, claim: &PersistentVolumeClaim) -> bool {
    let Some(claim_ref) = &volume.spec.claim_ref else {
        return false;
    };
    if claim_ref.name.as_deref().unwrap_or("") != claim.metadata.name
        || claim_ref.namespace.as_deref().unwrap_or("") != claim_namespace(claim)
    {
        return false;
    }
    let ref_uid = claim_ref.uid.as_deref().unwrap_or("");
    ref_uid.is_empty() || ref_uid == claim.metadata.uid.as_deref().unwrap_or("")
}

pub(crate) fn claim_namespace(claim: &PersistentVolumeClaim) -> &str {
    claim.metadata.namespace.as_deref().unwrap_or("")
}

/// `namespace/name` of a claim, as upstream's messages print it.
pub fn claim_key(claim: &PersistentVolumeClaim) -> String {
    format!("{}/{}", claim_namespace(claim), claim.metadata.name)
}

/// Whether the claim names a class at all: the beta annotation or `storageClassName`, even `""`.
///
/// Upstream: k/component-helpers storage/volume/helpers.go PersistentVolumeClaimHasClass
pub fn persistent_volume_claim_has_class(claim: &PersistentVolumeClaim) -> bool {
    claim
        .metadata
        .annotations
        .contains_key(ANN_BETA_STORAGE_CLASS)
        || claim.spec.storage_class_name.is_some()
}

/// The class a claim asks for: the beta annotation if present, else `storageClassName`, else
/// `""`. For matching, unset and `""` are the same; they differ only for defaulting.
///
/// Upstream: k/component-helpers storage/volume/helpers.go GetPersistentVolumeClaimClass
pub fn persistent_volume_claim_class(claim: &PersistentVolumeClaim) -> &str {
    if let Some(class) = claim.metadata.annotations.get(ANN_BETA_STORAGE_CLASS) {
        return class;
    }
    claim.spec.storage_class_name.as_deref().unwrap_or("")
}

/// The class of a volume: the beta annotation if present, else `storageClassName`, else `""`.
///
/// Upstream: k/component-helpers storage/volume/helpers.go GetPersistentVolumeClass
pub fn persistent_volume_class(volume: &PersistentVolume) -> &str {
    if let Some(class) = volume.metadata.annotations.get(ANN_BETA_STORAGE_CLASS) {
        return class;
    }
    volume.spec.storage_class_name.as_deref().unwrap_or("")
}

/// The class object a claim asks for, if it names one that exists.
pub fn claim_storage_class<'a>(
    claim: &PersistentVolumeClaim,
    classes: &[&'a StorageClass],
) -> Option<&'a StorageClass> {
    let name = persistent_volume_claim_class(claim);
    if name.is_empty() {
        return None;
    }
    classes.iter().copied().find(|c| c.metadata.name == name)
}

/// Whether the PV controller must leave this claim to the scheduler. No class, or a class
/// that does not exist, means no delay; a class without a binding mode is an error (the API
/// server always defaults it, so only a hand-made object can lack it).
///
/// Upstream: k/component-helpers storage/volume/helpers.go IsDelayBindingMode
pub fn is_delay_binding_mode(
    claim: &PersistentVolumeClaim,
    classes: &[&StorageClass],
) -> Result<BindingMode, String> {
    let name = persistent_volume_claim_class(claim);
    if name.is_empty() {
        return Ok(BindingMode::Immediate);
    }
    let Some(class) = classes.iter().find(|c| c.metadata.name == name) else {
        return Ok(BindingMode::Immediate);
    };
    match class.volume_binding_mode.as_deref() {
        None => Err(format!(
            "VolumeBindingMode not set for StorageClass {}",
            crate::quote::quote(name)
        )),
        Some(VOLUME_BINDING_WAIT_FOR_FIRST_CONSUMER) => Ok(BindingMode::WaitForFirstConsumer),
        Some(_) => Ok(BindingMode::Immediate),
    }
}

/// The storage a claim requests, in bytes (`spec.resources.requests.storage`); a missing or
/// unreadable request counts as zero, as an empty Quantity does upstream.
pub(crate) fn requested_bytes(claim: &PersistentVolumeClaim) -> i128 {
    claim
        .spec
        .resources
        .requests
        .get("storage")
        .and_then(|q| quantity_bytes(q))
        .unwrap_or(0)
}

/// The capacity of a volume in bytes (`spec.capacity.storage`); missing or unreadable is zero.
pub(crate) fn capacity_bytes(volume: &PersistentVolume) -> i128 {
    volume
        .spec
        .capacity
        .get("storage")
        .and_then(|q| quantity_bytes(q))
        .unwrap_or(0)
}

/// `volumeAttributesClassName` of a claim or volume spec (kept in `extra`); `""` when unset.
pub(crate) fn attributes_class(extra: &crate::manifest::model::Extra) -> &str {
    extra
        .get("volumeAttributesClassName")
        .and_then(|v| v.as_str())
        .unwrap_or("")
}

/// Whether `labels` satisfy a claim's label selector. An empty selector selects everything;
/// an invalid requirement (unknown operator, wrong number of values) is an error, as
/// `LabelSelectorAsSelector` reports it.
///
/// Upstream: k/apimachinery pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
pub fn label_selector_matches(
    selector: &LabelSelector,
    labels: &StringMap,
) -> Result<bool, String> {
    let mut matches = selector
        .match_labels
        .iter()
        .all(|(key, value)| labels.get(key) == Some(value));
    for requirement in &selector.match_expressions {
        let values = &requirement.values;
        let has = labels.get(&requirement.key);
        let ok = match requirement.operator.as_str() {
            "In" | "NotIn" if values.is_empty() => {
                return Err("for 'in', 'notin' operators, values set can't be empty".to_string())
            }
            "Exists" | "DoesNotExist" if !values.is_empty() => {
                return Err("values set must be empty for exists and does not exist".to_string())
            }
            "In" => has.is_some_and(|v| values.contains(v)),
            "NotIn" => !has.is_some_and(|v| values.contains(v)),
            "Exists" => has.is_some(),
            "DoesNotExist" => has.is_none(),
            other => {
                return Err(format!(
                    "{} is not a valid label selector operator",
                    crate::quote::quote(other)
                ))
            }
        };
        matches &= ok;
    }
    Ok(matches)
}

/// Whether one node-selector requirement holds for `labels` (`In`, `NotIn`, `Exists`,
/// `DoesNotExist`, `Gt`, `Lt`); `Err` for a requirement that does not parse.
fn node_requirement_matches(
    requirement: &NodeSelectorRequirement,
    labels: &StringMap,
) -> Result<bool, String> {
    let values = &requirement.values;
    let has = labels.get(&requirement.key);
    match requirement.operator.as_str() {
        "In" | "NotIn" if values.is_empty() => {
            Err("for 'in', 'notin' operators, values set can't be empty".to_string())
        }
        "Exists" | "DoesNotExist" if !values.is_empty() => {
            Err("values set must be empty for exists and does not exist".to_string())
        }
        "In" => Ok(has.is_some_and(|v| values.contains(v))),
        "NotIn" => Ok(!has.is_some_and(|v| values.contains(v))),
        "Exists" => Ok(has.is_some()),
        "DoesNotExist" => Ok(has.is_none()),
        "Gt" | "Lt" => {
            let [value] = values.as_slice() else {
                return Err("for 'Gt', 'Lt' operators, exactly one value is required".to_string());
            };
            let Ok(limit) = value.parse::<i64>() else {
                return Err("for 'Gt', 'Lt' operators, the value must be an integer".to_string());
            };
            let Some(Ok(actual)) = has.map(|v| v.parse::<i64>()) else {
                return Ok(false);
            };
            Ok(if requirement.operator == "Gt" {
                actual > limit
            } else {
                actual < limit
            })
        }
        other => Err(format!(
            "{} is not a valid node selector operator",
            crate::quote::quote(other)
        )),
    }
}

/// Whether the volume's `spec.nodeAffinity.required` lets it be used on `node`. No affinity
/// means anywhere. Terms are ORed, expressions inside a term ANDed, an empty term matches
/// nothing, and a term that does not parse counts as not matching. As upstream passes only
/// the node's labels, `matchFields` terms are not evaluated (they never exclude a node).
///
/// Upstream: k/component-helpers storage/volume/helpers.go CheckNodeAffinity
pub fn node_affinity_matches(volume: &PersistentVolume, node: &Node) -> bool {
    let Some(required) = volume
        .spec
        .node_affinity
        .as_ref()
        .and_then(|a| a.required.as_ref())
    else {
        return true;
    };
    required.node_selector_terms.iter().any(|term| {
        if term.match_expressions.is_empty() && term.match_fields.is_empty() {
            return false;
        }
        term.match_expressions.iter().try_fold(true, |all, r| {
            node_requirement_matches(r, &node.metadata.labels).map(|ok| all && ok)
        }) == Ok(true)
    })
}

/// The best volume for a claim in one list of volumes: a volume pre-bound to the claim wins
/// at once, otherwise the smallest Available volume that passes every check.
///
/// `node` is given only by the scheduler: then the volume's node affinity and the access
/// modes are checked too, and a pre-bound volume whose affinity does not fit the node means
/// no match at all. `excluded` names volumes the scheduler already chose for other claims
/// of the same pod. With `BindingMode::WaitForFirstConsumer` and no node (the PV controller),
/// only pre-bound volumes are returned.
///
/// The error is upstream's: a claim with `volumeAttributesClassName` while that feature is
/// off (as in 1.33 by default), or a selector that does not parse.
///
/// Upstream: k/component-helpers storage/volume/pv_helpers.go FindMatchingVolume
pub fn find_matching_volume<'a>(
    claim: &PersistentVolumeClaim,
    volumes: &[&'a PersistentVolume],
    node: Option<&Node>,
    excluded: &[&str],
    mode: BindingMode,
) -> Result<Option<&'a PersistentVolume>, String> {
    if !attributes_class(&claim.spec.extra).is_empty() {
        return Err(format!(
            "unsupported volumeAttributesClassName is set on claim {} when the feature-gate VolumeAttributesClass is disabled",
            claim_key(claim)
        ));
    }
    let requested = requested_bytes(claim);
    let requested_class = persistent_volume_claim_class(claim);
    if let Some(selector) = &claim.spec.selector {
        // Surface a broken selector before looking at any volume, as upstream does.
        label_selector_matches(selector, &StringMap::new()).map_err(|err| {
            format!(
                "error creating internal label selector for claim: {}: {err}",
                claim_key(claim)
            )
        })?;
    }
    let mut smallest: Option<(&PersistentVolume, i128)> = None;
    for &volume in volumes {
        if excluded.contains(&volume.metadata.name.as_str()) {
            continue;
        }
        if volume.spec.claim_ref.is_some() && !is_volume_bound_to_claim(volume, claim) {
            continue;
        }
        let capacity = capacity_bytes(volume);
        if capacity < requested {
            continue;
        }
        if check_volume_mode_mismatches(&claim.spec, &volume.spec) {
            continue;
        }
        if !attributes_class(&volume.spec.extra).is_empty() {
            continue;
        }
        if volume.metadata.deletion_timestamp.is_some() {
            continue;
        }
        let node_affinity_valid = node.is_none_or(|n| node_affinity_matches(volume, n));
        if is_volume_bound_to_claim(volume, claim) {
            if !node_affinity_valid {
                return Ok(None);
            }
            return Ok(Some(volume));
        }
        if node.is_none() && mode == BindingMode::WaitForFirstConsumer {
            continue;
        }
        if volume_phase(volume) != "Available" {
            continue;
        }
        if let Some(selector) = &claim.spec.selector {
            if !label_selector_matches(selector, &volume.metadata.labels).unwrap_or(false) {
                continue;
            }
        }
        if persistent_volume_class(volume) != requested_class {
            continue;
        }
        if !node_affinity_valid {
            continue;
        }
        if node.is_some() && !check_access_modes(claim, volume) {
            continue;
        }
        if smallest.is_none_or(|(_, size)| size > capacity) {
            smallest = Some((volume, capacity));
        }
    }
    Ok(smallest.map(|(volume, _)| volume))
}

pub(crate) fn volume_phase(volume: &PersistentVolume) -> &str {
    volume
        .status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("")
}

/// The access-mode groups that can serve a claim, each the exact mode set of some volumes,
/// fewest modes first: a group qualifies when it contains every mode the claim asks for.
///
/// Upstream: pkg/controller/volume/persistentvolume/index.go allPossibleMatchingAccessModes
pub fn all_possible_matching_access_modes(
    requested: &[String],
    volumes: &[&PersistentVolume],
) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    for volume in volumes {
        let modes = canonical_access_modes(&volume.spec.access_modes);
        if !groups.contains(&modes) && requested.iter().all(|m| modes.contains(m)) {
            groups.push(modes);
        }
    }
    crate::sort::by(&mut groups, |a, b| {
        a.len()
            .cmp(&b.len())
            .then_with(|| access_mode_order(a).cmp(&access_mode_order(b)))
    });
    groups
}

fn access_mode_order(modes: &[String]) -> Vec<usize> {
    modes
        .iter()
        .filter_map(|m| ACCESS_MODES.iter().position(|(long, _)| long == m))
        .collect()
}

/// The volumes whose exact access-mode set is `modes` (one group of upstream's index).
pub(crate) fn volumes_in_group<'a>(
    modes: &[String],
    volumes: &[&'a PersistentVolume],
) -> Vec<&'a PersistentVolume> {
    volumes
        .iter()
        .copied()
        .filter(|v| canonical_access_modes(&v.spec.access_modes) == modes)
        .collect()
}

/// The PV controller's search for an unbound claim without `spec.volumeName`: the groups of
/// [`all_possible_matching_access_modes`] in turn, the first group with a match wins, so
/// "smallest fit" holds only within one access-mode group.
///
/// Upstream: pkg/controller/volume/persistentvolume/index.go findBestMatchForClaim
pub fn find_best_match_for_claim<'a>(
    claim: &PersistentVolumeClaim,
    volumes: &[&'a PersistentVolume],
    mode: BindingMode,
) -> Result<Option<&'a PersistentVolume>, String> {
    for group in all_possible_matching_access_modes(&claim.spec.access_modes, volumes) {
        let members = volumes_in_group(&group, volumes);
        if let Some(found) = find_matching_volume(claim, &members, None, &[], mode)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// Why a volume named by the claim's `spec.volumeName` cannot be bound to it, checked in
/// upstream's order; `None` when it can. Selector, phase and node affinity are not checked.
///
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go checkVolumeSatisfyClaim
pub fn check_volume_satisfy_claim(
    volume: &PersistentVolume,
    claim: &PersistentVolumeClaim,
) -> Option<String> {
    if volume.metadata.deletion_timestamp.is_some() {
        return Some(format!(
            "the volume is marked for deletion {}",
            crate::quote::quote(&volume.metadata.name)
        ));
    }
    if capacity_bytes(volume) < requested_bytes(claim) {
        return Some("requested PV is too small".to_string());
    }
    if persistent_volume_class(volume) != persistent_volume_claim_class(claim) {
        return Some("storageClassName does not match".to_string());
    }
    if check_volume_mode_mismatches(&claim.spec, &volume.spec) {
        return Some("incompatible volumeMode".to_string());
    }
    if !check_access_modes(claim, volume) {
        return Some("incompatible accessMode".to_string());
    }
    None
}
