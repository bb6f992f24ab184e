//! The binding explainer: for one claim, a verdict on every volume (chosen and why, fits
//! but lost and to whom, or the first check it fails, in the order the PV controller or the
//! scheduler checks) and the overall outcome (bind, default class, wait for a consumer,
//! provision, or why nothing happens). Every verdict and outcome comes in English and
//! Simplified Chinese; the views pick one.
//!
//! The explainer re-runs the same predicates as [`find_matching_volume`] one volume at a
//! time, then takes the winner from the real search, so the table can never disagree with
//! what the controller does.

use super::binder::{sync_unbound_claim, UnboundClaimSync};
use super::events::{self, StorageEvent};
use super::matching::*;
use super::provision::{
    allowed_topologies_match, class_can_provision, find_provisionable_plugin, ANN_BIND_COMPLETED,
};
use super::reclaim::{sync_bound_claim, BoundClaimSync};
use crate::manifest::model::{
    LabelSelector, Node, PersistentVolume, PersistentVolumeClaim, StorageClass, StringMap,
};

pub use crate::engine::text::Text;

fn text(en: String, zh: String) -> Text {
    Text { en, zh }
}

/// Why a volume was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// Its `spec.claimRef` names this claim: returned at once, whatever its size.
    PreBound,
    /// The smallest of several volumes that fit.
    SmallestFit { capacity: String, request: String },
    /// The only volume that fits.
    OnlyFit { capacity: String, request: String },
    /// The claim names it in `spec.volumeName`.
    RequestedByClaim,
    /// Binding already finished.
    AlreadyBound,
}

/// Why a volume that fits was not chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotChosen {
    /// Another fitting volume is smaller.
    Larger {
        winner: String,
        winner_capacity: String,
    },
    /// Another fitting volume has the same size and comes first.
    SameSizeFirst { winner: String },
    /// The winner sits in an access-mode group with fewer modes, which is searched first.
    EarlierGroup {
        winner: String,
        winner_modes: String,
        own_modes: String,
    },
    /// Another volume is pre-bound to the claim.
    PreBoundWins { winner: String },
    /// No search ran (the claim's sync failed first, or it is a bound claim that lost its volume).
    Undecided,
}

/// The first check a volume fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    AccessModes {
        offered: String,
        asked: String,
    },
    BoundTo {
        claim: String,
    },
    ReservedFor {
        claim: String,
    },
    TooSmall {
        capacity: String,
        request: String,
    },
    VolumeMode {
        volume_mode: String,
        claim_mode: String,
    },
    AttributesClass {
        name: String,
    },
    BeingDeleted,
    PreBoundNodeAffinity {
        node: String,
    },
    LeftToScheduler {
        class: String,
    },
    NotAvailable {
        phase: String,
    },
    Selector {
        labels: String,
        selector: String,
    },
    Class {
        volume_class: String,
        claim_class: String,
    },
    NodeAffinity {
        node: String,
    },
    /// The claim names another volume in `spec.volumeName`.
    NotConsidered {
        requested: String,
    },
}

/// The verdict on one volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Chosen(Why),
    Fits(NotChosen),
    Rejected(Rejection),
}

/// One row of the table: a volume, its capacity and the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub volume: String,
    pub capacity: String,
    pub verdict: Verdict,
}

/// What happens to the claim as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Binds {
        volume: String,
    },
    /// Scheduler path: the volume is reserved for the claim on this node (claimRef written
    /// in PreBind); the PV controller then completes the binding.
    SchedulerBinds {
        volume: String,
        node: String,
    },
    AlreadyBound {
        volume: String,
    },
    AssignDefaultClass {
        class: String,
    },
    WaitForFirstConsumer {
        class: String,
    },
    Provision {
        class: String,
        provisioner: String,
        node: Option<String>,
    },
    ProvisioningFailed {
        message: String,
    },
    NoClass,
    NoVolumeOnNode {
        node: String,
    },
    WaitForNamedVolume {
        volume: String,
    },
    NamedVolumeMismatch {
        volume: String,
        reason: String,
    },
    NamedVolumeBoundElsewhere {
        volume: String,
        claim: String,
    },
    /// A bound claim whose volume reference or volume is gone, or misbound: phase Lost.
    Lost {
        message: String,
    },
    Error {
        message: String,
    },
}

/// The whole explanation for one claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindingExplanation {
    /// `namespace/name` of the claim.
    pub claim: String,
    /// What the claim asks for, in one line.
    pub asks: Text,
    pub rows: Vec<Row>,
    pub outcome: Outcome,
    /// The event the outcome records on the claim, if any.
    pub event: Option<StorageEvent>,
}

fn quoted_class(class: &str) -> String {
    if class.is_empty() {
        "\"\"".to_string()
    } else {
        class.to_string()
    }
}

fn labels_string(labels: &StringMap) -> String {
    if labels.is_empty() {
        return "<none>".to_string();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// A selector as kubectl prints one: `a=b,c in (x,y),!d`.
fn selector_string(selector: &LabelSelector) -> String {
    let mut parts: Vec<String> = selector
        .match_labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    for r in &selector.match_expressions {
        parts.push(match r.operator.as_str() {
            "In" => format!("{} in ({})", r.key, r.values.join(",")),
            "NotIn" => format!("{} notin ({})", r.key, r.values.join(",")),
            "Exists" => r.key.clone(),
            "DoesNotExist" => format!("!{}", r.key),
            other => format!("{} {other} ({})", r.key, r.values.join(",")),
        });
    }
    if parts.is_empty() {
        "<everything>".to_string()
    } else {
        parts.join(",")
    }
}

fn storage_of(map: &StringMap) -> String {
    map.get("storage")
        .cloned()
        .unwrap_or_else(|| "0".to_string())
}

fn modes_or_none(modes: &[String]) -> String {
    let short = access_modes_as_string(modes);
    if short.is_empty() {
        "<none>".to_string()
    } else {
        short
    }
}

/// What the checks of one volume found, in upstream's order: it fits, it is pre-bound to
/// the claim (and so wins at once), or the first check it fails.
enum Check {
    Fits,
    PreBound,
    Fails(Rejection),
}

fn check_volume(
    claim: &PersistentVolumeClaim,
    volume: &PersistentVolume,
    node: Option<&Node>,
    mode: BindingMode,
) -> Check {
    let asked = &claim.spec.access_modes;
    // The PV controller only looks into access-mode groups that contain the request; a
    // group is keyed by the volume's known modes only.
    let in_group = canonical_access_modes(&volume.spec.access_modes);
    if node.is_none() && !asked.iter().all(|m| in_group.contains(m)) {
        return Check::Fails(Rejection::AccessModes {
            offered: modes_or_none(&volume.spec.access_modes),
            asked: modes_or_none(asked),
        });
    }
    if let Some(rejection) = held_by_another(claim, volume) {
        return Check::Fails(rejection);
    }
    if capacity_bytes(volume) < requested_bytes(claim) {
        return Check::Fails(Rejection::TooSmall {
            capacity: storage_of(&volume.spec.capacity),
            request: storage_of(&claim.spec.resources.requests),
        });
    }
    if check_volume_mode_mismatches(&claim.spec, &volume.spec) {
        return Check::Fails(Rejection::VolumeMode {
            volume_mode: volume_volume_mode(&volume.spec).to_string(),
            claim_mode: claim_volume_mode(&claim.spec).to_string(),
        });
    }
    let attributes = attributes_class(&volume.spec.extra);
    if !attributes.is_empty() {
        return Check::Fails(Rejection::AttributesClass {
            name: attributes.to_string(),
        });
    }
    if volume.metadata.deletion_timestamp.is_some() {
        return Check::Fails(Rejection::BeingDeleted);
    }
    let affinity_ok = node.is_none_or(|n| node_affinity_matches(volume, n));
    let node_name = node.map(|n| n.metadata.name.clone()).unwrap_or_default();
    if is_volume_bound_to_claim(volume, claim) {
        if !affinity_ok {
            return Check::Fails(Rejection::PreBoundNodeAffinity { node: node_name });
        }
        return Check::PreBound;
    }
    if node.is_none() && mode == BindingMode::WaitForFirstConsumer {
        return Check::Fails(Rejection::LeftToScheduler {
            class: persistent_volume_claim_class(claim).to_string(),
        });
    }
    let phase = volume_phase(volume);
    if phase != "Available" {
        return Check::Fails(Rejection::NotAvailable {
            phase: phase.to_string(),
        });
    }
    if let Some(selector) = &claim.spec.selector {
        if !label_selector_matches(selector, &volume.metadata.labels).unwrap_or(false) {
            return Check::Fails(Rejection::Selector {
                labels: labels_string(&volume.metadata.labels),
                selector: selector_string(selector),
            });
        }
    }
    let (volume_class, claim_class) = (
        persistent_volume_class(volume),
        persistent_volume_claim_class(claim),
    );
    if volume_class != claim_class {
        return Check::Fails(Rejection::Class {
            volume_class: volume_class.to_string(),
            claim_class: claim_class.to_string(),
        });
    }
    if !affinity_ok {
        return Check::Fails(Rejection::NodeAffinity { node: node_name });
    }
    if node.is_some() && !check_access_modes(claim, volume) {
        return Check::Fails(Rejection::AccessModes {
            offered: modes_or_none(&volume.spec.access_modes),
            asked: modes_or_none(asked),
        });
    }
    Check::Fits
}

/// The rejection of a volume whose `claimRef` names another claim: `BoundTo` when the
/// reference carries a UID, `ReservedFor` when it is a pre-binding by name only.
fn held_by_another(claim: &PersistentVolumeClaim, volume: &PersistentVolume) -> Option<Rejection> {
    let claim_ref = volume.spec.claim_ref.as_ref()?;
    if is_volume_bound_to_claim(volume, claim) {
        return None;
    }
    let uid = claim_ref.uid.as_deref().unwrap_or("");
    let who = match (claim_ref.namespace.as_deref(), claim_ref.name.as_deref()) {
        (None | Some(""), None | Some("")) if !uid.is_empty() => format!("with uid {uid}"),
        (namespace, name) => format!("{}/{}", namespace.unwrap_or(""), name.unwrap_or("")),
    };
    Some(if uid.is_empty() {
        Rejection::ReservedFor { claim: who }
    } else {
        Rejection::BoundTo { claim: who }
    })
}

/// Explains which volume `claim` gets and why. Without `node` this is the PV controller's
/// view (`syncUnboundClaim`); with `node` it is the scheduler's view for that node (a
/// WaitForFirstConsumer claim whose pod is being placed).
pub fn explain_binding(
    claim: &PersistentVolumeClaim,
    volumes: &[&PersistentVolume],
    classes: &[&StorageClass],
    node: Option<&Node>,
) -> BindingExplanation {
    let claim_key = claim_key(claim);
    let request = storage_of(&claim.spec.resources.requests);
    let class = persistent_volume_claim_class(claim);
    let modes = modes_or_none(&claim.spec.access_modes);
    let selector = claim
        .spec
        .selector
        .as_ref()
        .map(selector_string)
        .map(|s| (format!(", selector {s}"), format!("，选择器 {s}")))
        .unwrap_or_default();
    let asks = text(
        format!(
            "claim {claim_key} asks for {request}, {modes}, class {}, volumeMode {}{}",
            quoted_class(class),
            claim_volume_mode(&claim.spec),
            selector.0
        ),
        format!(
            "声明 {claim_key} 请求 {request}，访问模式 {modes}，存储类 {}，卷模式 {}{}",
            quoted_class(class),
            claim_volume_mode(&claim.spec),
            selector.1
        ),
    );
    let requested_volume = claim.spec.volume_name.clone().unwrap_or_default();
    let bind_completed = claim.metadata.annotations.contains_key(ANN_BIND_COMPLETED);
    let (rows, outcome, event) = if bind_completed && requested_volume.is_empty() {
        let event = events::claim_lost_reference();
        let rows = volumes
            .iter()
            .map(|&v| match held_by_another(claim, v) {
                Some(rejection) => row(v, Verdict::Rejected(rejection)),
                None => row(v, Verdict::Fits(NotChosen::Undecided)),
            })
            .collect();
        let outcome = Outcome::Lost {
            message: event.message.clone(),
        };
        (rows, outcome, Some(event))
    } else if !requested_volume.is_empty() {
        explain_named(claim, volumes, classes, &requested_volume)
    } else if let Some(node) = node {
        explain_on_node(claim, volumes, classes, node)
    } else {
        explain_controller(claim, volumes, classes)
    };
    BindingExplanation {
        claim: claim_key,
        asks,
        rows,
        outcome,
        event,
    }
}

type Explained = (Vec<Row>, Outcome, Option<StorageEvent>);

fn row(volume: &PersistentVolume, verdict: Verdict) -> Row {
    Row {
        volume: volume.metadata.name.clone(),
        capacity: storage_of(&volume.spec.capacity),
        verdict,
    }
}

fn explain_named(
    claim: &PersistentVolumeClaim,
    volumes: &[&PersistentVolume],
    classes: &[&StorageClass],
    requested: &str,
) -> Explained {
    let bound = claim.metadata.annotations.contains_key(ANN_BIND_COMPLETED);
    let rows = volumes
        .iter()
        .map(|&v| {
            if v.metadata.name != requested {
                return row(
                    v,
                    Verdict::Rejected(Rejection::NotConsidered {
                        requested: requested.to_string(),
                    }),
                );
            }
            if bound {
                return row(v, Verdict::Chosen(Why::AlreadyBound));
            }
            let verdict = match held_by_another(claim, v) {
                Some(rejection) => Verdict::Rejected(rejection),
                None if v.spec.claim_ref.is_some() => Verdict::Chosen(Why::RequestedByClaim),
                None => match satisfy_rejection(v, claim) {
                    Some(r) => Verdict::Rejected(r),
                    None => Verdict::Chosen(Why::RequestedByClaim),
                },
            };
            row(v, verdict)
        })
        .collect();
    if bound {
        let volume = volumes
            .iter()
            .copied()
            .find(|v| v.metadata.name == requested);
        return match sync_bound_claim(claim, volume) {
            BoundClaimSync::Bind => (
                rows,
                Outcome::AlreadyBound {
                    volume: requested.to_string(),
                },
                None,
            ),
            BoundClaimSync::Lost { event } => (
                rows,
                Outcome::Lost {
                    message: event.message.clone(),
                },
                Some(event),
            ),
        };
    }
    let decision = sync_unbound_claim(claim, volumes, classes);
    let event = decision.event(&[]);
    (rows, outcome_of(claim, decision), event)
}

/// The `checkVolumeSatisfyClaim` failure as a rejection, with its details.
fn satisfy_rejection(
    volume: &PersistentVolume,
    claim: &PersistentVolumeClaim,
) -> Option<Rejection> {
    let reason = check_volume_satisfy_claim(volume, claim)?;
    Some(if reason.starts_with("the volume is marked for deletion") {
        Rejection::BeingDeleted
    } else if reason == "requested PV is too small" {
        Rejection::TooSmall {
            capacity: storage_of(&volume.spec.capacity),
            request: storage_of(&claim.spec.resources.requests),
        }
    } else if reason == "storageClassName does not match" {
        Rejection::Class {
            volume_class: persistent_volume_class(volume).to_string(),
            claim_class: persistent_volume_claim_class(claim).to_string(),
        }
    } else if reason == "incompatible volumeMode" {
        Rejection::VolumeMode {
            volume_mode: volume_volume_mode(&volume.spec).to_string(),
            claim_mode: claim_volume_mode(&claim.spec).to_string(),
        }
    } else {
        Rejection::AccessModes {
            offered: modes_or_none(&volume.spec.access_modes),
            asked: modes_or_none(&claim.spec.access_modes),
        }
    })
}

fn explain_controller(
    claim: &PersistentVolumeClaim,
    volumes: &[&PersistentVolume],
    classes: &[&StorageClass],
) -> Explained {
    let mode = is_delay_binding_mode(claim, classes).unwrap_or(BindingMode::Immediate);
    let winner = find_best_match_for_claim(claim, volumes, mode)
        .ok()
        .flatten();
    let rows = rank(claim, volumes, None, mode, winner);
    let decision = sync_unbound_claim(claim, volumes, classes);
    let event = decision.event(&[]);
    (rows, outcome_of(claim, decision), event)
}

fn explain_on_node(
    claim: &PersistentVolumeClaim,
    volumes: &[&PersistentVolume],
    classes: &[&StorageClass],
    node: &Node,
) -> Explained {
    let mode = is_delay_binding_mode(claim, classes).unwrap_or(BindingMode::Immediate);
    let found = find_matching_volume(claim, volumes, Some(node), &[], mode);
    let winner = found.clone().ok().flatten();
    let rows = rank(claim, volumes, Some(node), mode, winner);
    let node_name = node.metadata.name.clone();
    let outcome = match found {
        Err(message) => Outcome::Error { message },
        Ok(Some(v)) => Outcome::SchedulerBinds {
            volume: v.metadata.name.clone(),
            node: node_name,
        },
        Ok(None) => match claim_storage_class(claim, classes) {
            Some(class) if class_can_provision(class) && allowed_topologies_match(class, node) => {
                match find_provisionable_plugin(claim, classes) {
                    Ok(plan) => Outcome::Provision {
                        class: class.metadata.name.clone(),
                        provisioner: plan.provisioner,
                        node: Some(node_name),
                    },
                    Err(message) => Outcome::ProvisioningFailed { message },
                }
            }
            _ => Outcome::NoVolumeOnNode { node: node_name },
        },
    };
    (rows, outcome, None)
}

/// Verdicts for every volume, given the winner of the real search.
fn rank(
    claim: &PersistentVolumeClaim,
    volumes: &[&PersistentVolume],
    node: Option<&Node>,
    mode: BindingMode,
    winner: Option<&PersistentVolume>,
) -> Vec<Row> {
    let checks: Vec<Check> = volumes
        .iter()
        .map(|v| check_volume(claim, v, node, mode))
        .collect();
    let fitting = checks
        .iter()
        .filter(|c| matches!(c, Check::Fits | Check::PreBound))
        .count();
    let request = storage_of(&claim.spec.resources.requests);
    let winner_prebound = winner.is_some_and(|w| is_volume_bound_to_claim(w, claim));
    volumes
        .iter()
        .zip(checks)
        .map(|(&volume, check)| {
            let capacity = storage_of(&volume.spec.capacity);
            let is_winner = winner.is_some_and(|w| std::ptr::eq(w, volume));
            let verdict = match check {
                Check::Fails(rejection) => Verdict::Rejected(rejection),
                _ if is_winner && winner_prebound => Verdict::Chosen(Why::PreBound),
                _ if is_winner && fitting <= 1 => Verdict::Chosen(Why::OnlyFit {
                    capacity,
                    request: request.clone(),
                }),
                _ if is_winner => Verdict::Chosen(Why::SmallestFit {
                    capacity,
                    request: request.clone(),
                }),
                _ => Verdict::Fits(not_chosen(volume, winner, winner_prebound)),
            };
            row(volume, verdict)
        })
        .collect()
}

fn not_chosen(
    volume: &PersistentVolume,
    winner: Option<&PersistentVolume>,
    winner_prebound: bool,
) -> NotChosen {
    let Some(winner) = winner else {
        return NotChosen::Undecided;
    };
    let name = winner.metadata.name.clone();
    if winner_prebound {
        return NotChosen::PreBoundWins { winner: name };
    }
    let (own_modes, winner_modes) = (
        access_modes_as_string(&volume.spec.access_modes),
        access_modes_as_string(&winner.spec.access_modes),
    );
    if own_modes != winner_modes {
        return NotChosen::EarlierGroup {
            winner: name,
            winner_modes,
            own_modes,
        };
    }
    if capacity_bytes(winner) < capacity_bytes(volume) {
        NotChosen::Larger {
            winner: name,
            winner_capacity: storage_of(&winner.spec.capacity),
        }
    } else {
        NotChosen::SameSizeFirst { winner: name }
    }
}

fn outcome_of(claim: &PersistentVolumeClaim, decision: UnboundClaimSync<'_>) -> Outcome {
    match decision {
        UnboundClaimSync::Bind { volume } => Outcome::Binds {
            volume: volume.metadata.name.clone(),
        },
        UnboundClaimSync::AssignDefaultClass { class } => Outcome::AssignDefaultClass {
            class: class.metadata.name.clone(),
        },
        UnboundClaimSync::WaitForFirstConsumer => Outcome::WaitForFirstConsumer {
            class: persistent_volume_claim_class(claim).to_string(),
        },
        UnboundClaimSync::Provision(plan) => Outcome::Provision {
            class: plan.class.metadata.name.clone(),
            provisioner: plan.provisioner,
            node: claim
                .metadata
                .annotations
                .get(super::provision::ANN_SELECTED_NODE)
                .cloned(),
        },
        UnboundClaimSync::ProvisioningFailed { message } => Outcome::ProvisioningFailed { message },
        UnboundClaimSync::FailedBinding => Outcome::NoClass,
        UnboundClaimSync::WaitForNamedVolume { volume } => Outcome::WaitForNamedVolume { volume },
        UnboundClaimSync::NamedVolumeMismatch { volume, reason } => Outcome::NamedVolumeMismatch {
            volume: volume.metadata.name.clone(),
            reason,
        },
        UnboundClaimSync::NamedVolumeBoundElsewhere { volume } => {
            let holder = volume
                .spec
                .claim_ref
                .as_ref()
                .map(|r| {
                    format!(
                        "{}/{}",
                        r.namespace.as_deref().unwrap_or(""),
                        r.name.as_deref().unwrap_or("")
                    )
                })
                .unwrap_or_default();
            Outcome::NamedVolumeBoundElsewhere {
                volume: volume.metadata.name.clone(),
                claim: holder,
            }
        }
        UnboundClaimSync::Error { message } => Outcome::Error { message },
    }
}

impl Why {
    pub fn text(&self) -> Text {
        match self {
            Why::PreBound => text(
                "chosen: pre-bound to this claim through spec.claimRef, which wins over any size"
                    .into(),
                "选中：已通过 spec.claimRef 预绑定到此声明，优先于容量比较".into(),
            ),
            Why::SmallestFit { capacity, request } => text(
                format!(
                    "chosen: the smallest volume that fits ({capacity} >= {request} requested)"
                ),
                format!("选中：满足条件的最小卷（{capacity} ≥ 请求的 {request}）"),
            ),
            Why::OnlyFit { capacity, request } => text(
                format!("chosen: the only volume that fits ({capacity} >= {request} requested)"),
                format!("选中：唯一满足条件的卷（{capacity} ≥ 请求的 {request}）"),
            ),
            Why::RequestedByClaim => text(
                "chosen: the claim asks for it in spec.volumeName".into(),
                "选中：声明通过 spec.volumeName 指定了它".into(),
            ),
            Why::AlreadyBound => text("bound to this claim".into(), "已绑定到此声明".into()),
        }
    }
}

impl NotChosen {
    pub fn text(&self) -> Text {
        match self {
            NotChosen::Larger { winner, winner_capacity } => text(
                format!("fits, but {winner} ({winner_capacity}) is smaller"),
                format!("满足条件，但 {winner}（{winner_capacity}）更小"),
            ),
            NotChosen::SameSizeFirst { winner } => text(
                format!("fits, but {winner} has the same size and comes first"),
                format!("满足条件，但 {winner} 容量相同且排在前面"),
            ),
            NotChosen::EarlierGroup { winner, winner_modes, own_modes } => text(
                format!("fits, but {winner} was found first: volumes offering exactly {winner_modes} are searched before volumes offering {own_modes}"),
                format!("满足条件，但先找到了 {winner}：只提供 {winner_modes} 的卷先于提供 {own_modes} 的卷被搜索"),
            ),
            NotChosen::PreBoundWins { winner } => text(
                format!("fits, but {winner} is pre-bound to this claim"),
                format!("满足条件，但 {winner} 已预绑定到此声明"),
            ),
            NotChosen::Undecided => text(
                "not chosen: no search ran".into(),
                "未选中：没有进行搜索".into(),
            ),
        }
    }
}

impl Rejection {
    pub fn text(&self) -> Text {
        match self {
            Rejection::AccessModes { offered, asked } => text(
                format!("access modes: offers {offered}, claim asks for {asked}"),
                format!("访问模式不符：卷提供 {offered}，声明需要 {asked}"),
            ),
            Rejection::BoundTo { claim } if claim.is_empty() => text(
                "already bound to a different claim".into(),
                "已绑定到另一个声明".into(),
            ),
            Rejection::BoundTo { claim } => text(
                format!("already bound to claim {claim}"),
                format!("已绑定到声明 {claim}"),
            ),
            Rejection::ReservedFor { claim } => text(
                format!("reserved for claim {claim} (pre-bound through spec.claimRef)"),
                format!("已通过 spec.claimRef 预留给声明 {claim}"),
            ),
            Rejection::TooSmall { capacity, request } => text(
                format!("too small: {capacity} < {request} requested"),
                format!("容量不足：{capacity} < 请求的 {request}"),
            ),
            Rejection::VolumeMode { volume_mode, claim_mode } => text(
                format!("volumeMode {volume_mode}, claim asks for {claim_mode}"),
                format!("卷模式为 {volume_mode}，声明需要 {claim_mode}"),
            ),
            Rejection::AttributesClass { name } => text(
                format!("has volumeAttributesClassName {name}, and the VolumeAttributesClass feature is off"),
                format!("设置了 volumeAttributesClassName {name}，而 VolumeAttributesClass 特性未开启"),
            ),
            Rejection::BeingDeleted => text(
                "being deleted (deletionTimestamp is set)".into(),
                "正在删除（已设置 deletionTimestamp）".into(),
            ),
            Rejection::PreBoundNodeAffinity { node } => text(
                format!("pre-bound to this claim, but its node affinity excludes node {node}, so no volume matches on this node"),
                format!("已预绑定到此声明，但其节点亲和性排除了节点 {node}，因此此节点上没有可匹配的卷"),
            ),
            Rejection::LeftToScheduler { class } => text(
                format!("class {class} is WaitForFirstConsumer: the scheduler picks a volume once a pod using the claim is being scheduled"),
                format!("存储类 {class} 为 WaitForFirstConsumer：待使用该声明的 Pod 调度时由调度器选择卷"),
            ),
            Rejection::NotAvailable { phase } => {
                let shown = if phase.is_empty() { "<none>" } else { phase };
                text(
                    format!("phase {shown}: only Available volumes are matched"),
                    format!("阶段为 {shown}：只匹配 Available 的卷"),
                )
            }
            Rejection::Selector { labels, selector } => text(
                format!("labels {labels} do not match the claim's selector {selector}"),
                format!("标签 {labels} 不满足声明的选择器 {selector}"),
            ),
            Rejection::Class { volume_class, claim_class } => text(
                format!(
                    "volume class {}, claim asks for {}",
                    quoted_class(volume_class),
                    quoted_class(claim_class)
                ),
                format!(
                    "卷的存储类为 {}，声明需要 {}",
                    quoted_class(volume_class),
                    quoted_class(claim_class)
                ),
            ),
            Rejection::NodeAffinity { node } => text(
                format!("node affinity does not match node {node}"),
                format!("节点亲和性与节点 {node} 不匹配"),
            ),
            Rejection::NotConsidered { requested } => text(
                format!("not considered: the claim asks for volume {requested} in spec.volumeName"),
                format!("未考虑：声明通过 spec.volumeName 指定了卷 {requested}"),
            ),
        }
    }
}

impl Verdict {
    pub fn text(&self) -> Text {
        match self {
            Verdict::Chosen(why) => why.text(),
            Verdict::Fits(not) => not.text(),
            Verdict::Rejected(rejection) => rejection.text(),
        }
    }
}

impl Outcome {
    pub fn text(&self) -> Text {
        match self {
            Outcome::Binds { volume } => text(
                format!("binds to {volume}: the volume and the claim both become Bound"),
                format!("绑定到 {volume}：卷和声明都变为 Bound"),
            ),
            Outcome::SchedulerBinds { volume, node } => text(
                format!("on node {node} the scheduler reserves {volume} for the claim (spec.claimRef), then the PV controller binds them"),
                format!("在节点 {node} 上，调度器把 {volume} 预留给此声明（spec.claimRef），随后 PV 控制器完成绑定"),
            ),
            Outcome::AlreadyBound { volume } => text(
                format!("already bound to {volume}"),
                format!("已绑定到 {volume}"),
            ),
            Outcome::AssignDefaultClass { class } => text(
                format!("no volume without a class fits, so the PV controller writes the default StorageClass {class} into the claim and syncs it again (retroactive default class assignment)"),
                format!("没有无存储类的卷满足条件，PV 控制器把默认存储类 {class} 写入声明并重新同步（追溯分配默认存储类）"),
            ),
            Outcome::WaitForFirstConsumer { class } => text(
                format!("stays Pending: class {class} is WaitForFirstConsumer, so nothing is bound or provisioned until a pod using the claim is scheduled (event WaitForFirstConsumer)"),
                format!("保持 Pending：存储类 {class} 为 WaitForFirstConsumer，在使用该声明的 Pod 被调度之前不会绑定或供应卷（事件 WaitForFirstConsumer）"),
            ),
            Outcome::Provision { class, provisioner, node: Some(node) } => text(
                format!("no volume fits, so StorageClass {class} provisions a new volume with {provisioner} for node {node} (volume.kubernetes.io/selected-node: {node}; event ExternalProvisioning)"),
                format!("没有卷满足条件，存储类 {class} 通过 {provisioner} 为节点 {node} 供应一个新卷（volume.kubernetes.io/selected-node: {node}；事件 ExternalProvisioning）"),
            ),
            Outcome::Provision { class, provisioner, node: None } => text(
                format!("no volume fits, so StorageClass {class} provisions a new volume with {provisioner} (event ExternalProvisioning)"),
                format!("没有卷满足条件，存储类 {class} 通过 {provisioner} 供应一个新卷（事件 ExternalProvisioning）"),
            ),
            Outcome::ProvisioningFailed { message } => text(
                format!("stays Pending: no volume fits and provisioning cannot start: {message} (Warning ProvisioningFailed, repeated on every sync)"),
                format!("保持 Pending：没有卷满足条件，且无法开始供应：{message}（Warning ProvisioningFailed，每次同步都会重复）"),
            ),
            Outcome::NoClass => text(
                "stays Pending: no volume fits and the claim has no StorageClass, so nothing provisions one (event FailedBinding: no persistent volumes available for this claim and no storage class is set)".into(),
                "保持 Pending：没有卷满足条件，且声明没有存储类，因此不会供应新卷（事件 FailedBinding：no persistent volumes available for this claim and no storage class is set）".into(),
            ),
            Outcome::NoVolumeOnNode { node } => text(
                format!("no volume fits on node {node} and the class cannot provision one there: node(s) didn't find available persistent volumes to bind"),
                format!("节点 {node} 上没有满足条件的卷，且存储类无法在此供应新卷：node(s) didn't find available persistent volumes to bind"),
            ),
            Outcome::WaitForNamedVolume { volume } => text(
                format!("stays Pending until volume {volume} (spec.volumeName) exists"),
                format!("保持 Pending，直到卷 {volume}（spec.volumeName）出现"),
            ),
            Outcome::NamedVolumeMismatch { volume, reason } => text(
                format!("stays Pending: the requested volume {volume} does not fit: {reason} (Warning VolumeMismatch)"),
                format!("保持 Pending：指定的卷 {volume} 不满足条件：{reason}（Warning VolumeMismatch）"),
            ),
            Outcome::NamedVolumeBoundElsewhere { volume, claim } => text(
                format!("stays Pending: the requested volume {volume} is bound to claim {claim} (Warning FailedBinding)"),
                format!("保持 Pending：指定的卷 {volume} 已绑定到声明 {claim}（Warning FailedBinding）"),
            ),
            Outcome::Lost { message } => text(
                format!("phase Lost, with no automatic recovery: {message}"),
                format!("阶段变为 Lost，不会自动恢复：{message}"),
            ),
            Outcome::Error { message } => text(
                format!("the PV controller cannot match this claim: {message}"),
                format!("PV 控制器无法为此声明匹配卷：{message}"),
            ),
        }
    }
}

impl BindingExplanation {
    /// The same explanation with the event a WaitForFirstConsumer claim records when pods
    /// that use it wait for a node (`WaitForPodScheduled` naming them).
    pub fn with_unscheduled_pods(mut self, pods: &[&str]) -> Self {
        if matches!(self.outcome, Outcome::WaitForFirstConsumer { .. }) {
            self.event = Some(events::wait_for_first_consumer(pods));
        }
        self
    }

    /// The explanation as lines of text: what the claim asks, one line per volume
    /// (`<volume> <capacity>: <verdict>`), then the outcome and its event.
    pub fn lines(&self) -> Vec<Text> {
        let mut lines = vec![self.asks.clone()];
        if self.rows.is_empty() {
            lines.push(text(
                "  (no PersistentVolumes)".into(),
                "  （没有持久卷）".into(),
            ));
        }
        for row in &self.rows {
            let verdict = row.verdict.text();
            let head = format!("  {} {}", row.volume, row.capacity);
            lines.push(text(
                format!("{head}: {}", verdict.en),
                format!("{head}：{}", verdict.zh),
            ));
        }
        let outcome = self.outcome.text();
        lines.push(text(
            format!("=> {}", outcome.en),
            format!("=> {}", outcome.zh),
        ));
        if let Some(event) = &self.event {
            let line = format!("   {} {}: {}", event.type_, event.reason, event.message);
            lines.push(text(line.clone(), line));
        }
        lines
    }
}
