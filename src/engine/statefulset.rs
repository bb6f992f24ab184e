//! The StatefulSet controller: one decision per call over the world, following upstream's
//! sync (`updateStatefulSet`): revisions, then the replicas in ordinal order (create the
//! claims, then the pod; OrderedReady waits for each predecessor to be Running, Ready and
//! available), then condemned pods from the highest ordinal, then the rolling update in
//! reverse ordinal order above the partition, then the status.
//!
//! Upstream: pkg/controller/statefulset/stateful_set_control.go, stateful_set_utils.go,
//! stateful_pod_control.go

use super::api::{self, Propagation};
use super::queue::{self, Part};
use super::step::{Act, Component, Decision, EventSpec, Write};
use super::text::Text;
use super::world::{key_of, Key, Name, OrdinalClaims, OrdinalPod, OrdinalPods, Tally, World};
use crate::json::Value;
use crate::manifest::json::ToJson;
use crate::manifest::model::*;
use crate::time::parse_rfc3339;
use std::rc::Rc;

pub const POD_NAME_LABEL: &str = "statefulset.kubernetes.io/pod-name";
pub const POD_INDEX_LABEL: &str = "apps.kubernetes.io/pod-index";
pub const REVISION_LABEL: &str = "controller-revision-hash";
pub const HASH_LABEL: &str = "controller.kubernetes.io/hash";

/// `(parent, ordinal)` of a pod name, or `("", -1)` when it has no trailing ordinal.
/// Upstream: stateful_set_utils.go `getParentNameAndOrdinal`
pub fn parent_name_and_ordinal(name: &str) -> (&str, i64) {
    let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits == name.len() {
        return ("", -1);
    }
    let (head, tail) = name.split_at(name.len() - digits);
    match (head.strip_suffix('-'), tail.parse::<i64>()) {
        (Some(parent), Ok(ordinal)) => (parent, ordinal),
        _ => ("", -1),
    }
}

/// Upstream: stateful_set_utils.go `getPodName`
pub fn pod_name(set: &str, ordinal: i64) -> String {
    format!("{set}-{ordinal}")
}

/// Upstream: stateful_set_utils.go `getPersistentVolumeClaimName`
pub fn claim_name(template: &str, set: &str, ordinal: i64) -> String {
    format!("{template}-{set}-{ordinal}")
}

/// Upstream: stateful_set_utils.go `getStartOrdinal`
pub fn start_ordinal(set: &StatefulSet) -> i64 {
    set.spec
        .ordinals
        .as_ref()
        .and_then(|o| o.start)
        .unwrap_or(0)
}

pub fn replicas(set: &StatefulSet) -> i64 {
    set.spec.replicas.unwrap_or(1).max(0)
}

/// The most pods of one StatefulSet the playground simulates step by step: the API
/// server accepts any count, but ten thousand pods would take the simulation hours and
/// gigabytes. A thousand is the size the performance budgets are set at.
pub const MAX_SIMULATED_PODS: i64 = 1000;

/// The replicas the controller works towards here: `spec.replicas`, at most
/// [`MAX_SIMULATED_PODS`].
pub fn simulated_replicas(set: &StatefulSet) -> i64 {
    replicas(set).min(MAX_SIMULATED_PODS)
}

fn monotonic(set: &StatefulSet) -> bool {
    set.spec.pod_management_policy.as_deref() != Some("Parallel")
}

fn has_condition<'a>(pod: &'a Pod, kind: &str) -> Option<&'a Condition> {
    pod.status.as_ref().and_then(|s| {
        s.conditions
            .iter()
            .find(|c| c.type_ == kind && c.status == "True")
    })
}

/// Upstream: stateful_set_utils.go `isRunningAndReady`
pub fn is_running_and_ready(pod: &Pod) -> bool {
    pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running")
        && has_condition(pod, "Ready").is_some()
}

/// Ready for at least `minReadySeconds`; the time it becomes available, if it is ready.
/// Upstream: stateful_set_utils.go `isRunningAndAvailable`
pub fn available_at(pod: &Pod, min_ready_seconds: i64) -> Option<i64> {
    if !is_running_and_ready(pod) {
        return None;
    }
    available_from(ready_since(pod), min_ready_seconds)
}

/// When a pod's Ready condition last turned True, if it is True and has a time.
pub fn ready_since(pod: &Pod) -> Option<i64> {
    has_condition(pod, "Ready")
        .and_then(|c| c.last_transition_time.as_deref())
        .and_then(parse_rfc3339)
}

/// When a pod ready since `since` becomes available.
fn available_from(since: Option<i64>, min_ready_seconds: i64) -> Option<i64> {
    Some(since?.saturating_add(min_ready_seconds.max(0).saturating_mul(1000)))
}

/// Running, Ready, and Ready for at least `minReadySeconds` at `now_ms`; without
/// `minReadySeconds` a ready pod is available at once.
/// Upstream: api/v1/pod/util.go `IsPodAvailable`
#[cfg(test)]
fn is_available(pod: &Pod, min_ready_seconds: i64, now_ms: i64) -> bool {
    let ready = is_running_and_ready(pod);
    let since = if ready { ready_since(pod) } else { None };
    is_available_from(ready, since, min_ready_seconds, now_ms)
}

/// [`is_available`] from what the index keeps of a pod.
fn is_available_from(ready: bool, since: Option<i64>, min_ready_seconds: i64, now_ms: i64) -> bool {
    if min_ready_seconds <= 0 {
        return ready;
    }
    ready && available_from(since, min_ready_seconds).is_some_and(|t| t <= now_ms)
}

pub fn is_terminating(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_some()
}

/// Upstream: stateful_set_utils.go `isHealthy`
pub fn is_healthy(pod: &Pod) -> bool {
    is_running_and_ready(pod) && !is_terminating(pod)
}

/// The controller reference a set puts on what it owns.
pub fn controller_ref(set: &StatefulSet) -> OwnerReference {
    OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: set.metadata.name.clone(),
        uid: set.metadata.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

fn owned_by(meta: &ObjectMeta, uid: &str) -> bool {
    meta.owner_references
        .iter()
        .any(|r| r.controller == Some(true) && r.uid == uid)
}

/// `SafeEncodeString` of the FNV-32a hash of the template, as a ControllerRevision name suffix.
/// Upstream: pkg/controller/history/controller_history.go `HashControllerRevision`;
/// apimachinery util/rand `SafeEncodeString`
pub fn revision_hash(template: &Value, collision_count: i64) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    let text = template.text();
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    if collision_count > 0 {
        for byte in collision_count.to_le_bytes() {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    hash.to_string()
        .bytes()
        .map(|b| ALPHANUMS[usize::from(b) % ALPHANUMS.len()] as char)
        .collect()
}

fn template_json(set: &StatefulSet) -> Value {
    set.spec.template.to_json()
}

/// The revision data: a strategic-merge "replace" patch of the template.
fn revision_data(template: &Value) -> Value {
    let mut t = template.clone();
    if let Value::Object(m) = &mut t {
        m.insert("$patch".into(), Value::String("replace".into()));
    }
    let mut spec = crate::json::Map::new();
    spec.insert("template".into(), t);
    let mut data = crate::json::Map::new();
    data.insert("spec".into(), Value::Object(spec));
    Value::Object(data)
}

fn template_of_revision(revision: &ControllerRevision) -> Option<PodTemplateSpec> {
    let mut t = revision.data.get("spec")?.get("template")?.clone();
    if let Value::Object(m) = &mut t {
        m.remove("$patch");
    }
    crate::manifest::json::from_value(t).ok()
}

/// Everything one sync looks at, gathered once.
struct View<'a> {
    set: &'a StatefulSet,
    key: Key,
    uid: String,
    /// The pods the set owns, in (ordinal, name) order, each read once: all of them, or
    /// all but the `hidden` ones.
    pods: Vec<Member<'a>>,
    /// Whether `pods` leaves out pods that cannot give the sync work: then it lists only
    /// the set's pods that are odd, out of the range, or (depending on the policy)
    /// unhealthy, and `counted` counts every pod with the set as its one controller.
    hiding: bool,
    counted: &'a [Tally],
    /// How many of the counted pods `pods` leaves out: all are in the ordinal range.
    hidden: usize,
    /// The set's uid as the group's pods share it.
    set_uid: Option<&'a Name>,
    /// Each template's claims (see `claim_groups`).
    claims: Vec<Option<&'a OrdinalClaims>>,
    /// The index group they come from, whose shared strings tell revisions apart.
    group: Option<&'a OrdinalPods>,
    /// The pods named for the set that have no controller.
    unowned: Vec<&'a Pod>,
    revisions: Vec<&'a ControllerRevision>,
}

impl View<'_> {
    /// The shared string of a revision name among the pods (`None` when no pod has it).
    fn shared(&self, revision: &str) -> Option<&Name> {
        self.group.and_then(|g| g.shared(revision))
    }
}

/// A pod of the set and what a sync asks of it, as the world's index keeps it.
#[derive(Clone, Copy)]
struct Member<'a> {
    pod: &'a Pod,
    ordinal: i64,
    facts: &'a OrdinalPod,
}

impl<'a> Member<'a> {
    fn new(pod: &'a Pod, ordinal: i64, facts: &'a OrdinalPod) -> Self {
        Member {
            pod,
            ordinal,
            facts,
        }
    }

    /// Being deleted.
    fn terminating(&self) -> bool {
        self.facts.terminating
    }

    /// Whether its revision is the group's shared string `revision` (see `View::shared`).
    fn revision_is(&self, revision: Option<&Name>) -> bool {
        OrdinalPods::is(&self.facts.revision, revision)
    }

    /// Running and Ready.
    fn ready(&self) -> bool {
        self.facts.ready
    }

    /// Its `controller-revision-hash` label (debug builds check it against the pod).
    #[cfg(debug_assertions)]
    fn revision(&self) -> Option<&'a str> {
        self.facts.revision.as_deref()
    }

    fn healthy(&self) -> bool {
        self.ready() && !self.terminating()
    }
}

/// The ordinals `[start, end)` the set wants pods for.
fn ordinal_range(set: &StatefulSet) -> (i64, i64) {
    let start = start_ordinal(set);
    (start, start.saturating_add(simulated_replicas(set)))
}

/// Each volume claim template's claims `<template>-<set>-<ordinal>`, in template order.
fn claim_groups<'a>(world: &'a World, set: &StatefulSet) -> Vec<Option<&'a OrdinalClaims>> {
    let ns = set.metadata.namespace.as_deref().unwrap_or("default");
    let name = set.metadata.name.as_str();
    set.spec
        .volume_claim_templates
        .iter()
        .map(|t| world.ordinal_claims(ns, &format!("{}-{name}", t.metadata.name)))
        .collect()
}

/// Whether a sync of this set can leave its settled pods out of the view: nothing about
/// the set makes it read each pod (minReadySeconds, OnDelete, a deletion, a retention
/// policy that owns claims, claims that have owners).
fn may_hide(set: &StatefulSet, claims: &[Option<&OrdinalClaims>]) -> bool {
    let strategy = set.spec.update_strategy.as_ref();
    set.spec.min_ready_seconds.unwrap_or(0) <= 0
        && strategy.and_then(|u| u.type_.as_deref()) != Some("OnDelete")
        && set.metadata.deletion_timestamp.is_none()
        && wanted_owner(set, false).is_none()
        && wanted_owner(set, true).is_none()
        && claims.iter().flatten().all(|c| !c.any_owners())
}

/// The ordinals `(first, last)` every template has a claim for, when each template's
/// claims run without a gap: then a pod in that span lacks no claim.
fn claims_span(claims: &[Option<&OrdinalClaims>]) -> Option<(i64, i64)> {
    claims
        .iter()
        .try_fold((i64::MIN, i64::MAX), |(first, last), group| {
            let (f, l) = group.and_then(OrdinalClaims::span)?;
            Some((first.max(f), last.min(l)))
        })
}

/// What a sync reads of the set and its pods. With `hide`, the pods with the set as
/// their one controller that cannot give this sync work are counted instead of listed
/// (when nothing about the set makes it read every pod; see `may_hide`).
fn view<'a>(world: &'a World, set: &'a StatefulSet, hide: bool) -> View<'a> {
    let uid = set.metadata.uid.clone().unwrap_or_default();
    let ns = set.metadata.namespace.clone().unwrap_or_default();
    let name = set.metadata.name.as_str();
    // One pass over the pods named `<set>-<ordinal>` (ordinal order): those it owns, and
    // those without a controller it may adopt (name order).
    let (mut pods, mut unowned) = (Vec::new(), Vec::new());
    let group = world.ordinal_pods(&ns, name);
    let set_uid = group.and_then(|g| g.shared(&uid));
    let (start, end) = ordinal_range(set);
    let claims = claim_groups(world, set);
    let hiding = group
        .filter(|g| hide && g.shared_ordinals() == 0 && set_uid.is_some())
        .filter(|_| may_hide(set, &claims));
    let singly_owned =
        |f: &OrdinalPod| f.controllers == 1 && OrdinalPods::is(&f.controller, set_uid);
    // The set's counted pods, and those a sync may have work for.
    let mut counted: &[Tally] = &[];
    let mut picked: Vec<(i64, &OrdinalPod)> = Vec::new();
    if let Some(g) = hiding {
        let tallies = g.tallies();
        let mine = |t: &Tally| set_uid.is_some_and(|u| Rc::ptr_eq(u, &t.controller));
        let first = tallies.iter().position(mine).unwrap_or(tallies.len());
        let after = first + tallies[first..].iter().take_while(|t| mine(t)).count();
        counted = &tallies[first..after];
        // Failed pods and pods without exactly one controller; pods out of the range.
        picked.extend(g.odd());
        picked.extend(g.outside(start, end));
        if monotonic(set) {
            // OrderedReady waits for (or scales down past) any unhealthy pod.
            picked.extend(g.unhealthy());
        } else {
            // A pending pod gets any claim that went missing.
            let lacking = match claims_span(&claims) {
                Some((first, last)) => g.unhealthy_outside(first, last.saturating_add(1)),
                None => g.unhealthy_outside(i64::MAX, i64::MAX),
            };
            picked.extend(lacking.filter(|(_, f)| f.pending));
            // A rolling pass waits for the highest unhealthy pod.
            picked.extend(
                g.unhealthy()
                    .rev()
                    .find(|(o, f)| start <= *o && *o < end && singly_owned(f)),
            );
        }
        // No two pods share an ordinal here.
        crate::sort::by_key(&mut picked, |(o, _)| *o);
        picked.dedup_by_key(|(o, _)| *o);
    }
    let all = group.filter(|_| hiding.is_none()).map(OrdinalPods::iter);
    let listed = picked.iter().copied().chain(all.into_iter().flatten());
    let mut listed_singly = 0;
    for (ordinal, facts) in listed {
        let Object::Pod(pod) = &*facts.object else {
            continue;
        };
        let owned = match facts.controllers {
            0 => false,
            1 => OrdinalPods::is(&facts.controller, set_uid),
            _ => owned_by(&pod.metadata, &uid),
        };
        if owned {
            listed_singly += usize::from(facts.controllers == 1);
            pods.push(Member::new(pod, ordinal, facts));
        } else if facts.controllers == 0 {
            unowned.push(pod);
        }
    }
    let hidden = counted
        .iter()
        .map(|t| t.pods)
        .sum::<usize>()
        .saturating_sub(listed_singly);
    crate::sort::by(&mut unowned, |a, b| a.metadata.name.cmp(&b.metadata.name));
    #[cfg(debug_assertions)]
    {
        if hiding.is_none() {
            check_members(world, set, &pods, &unowned);
        }
        if let Some(g) = group {
            g.check();
        }
    }
    let revisions = world
        .of_kind(Kind::ControllerRevision)
        .filter_map(|o| match o {
            Object::ControllerRevision(r) if owned_by(&r.metadata, &uid) => Some(r),
            _ => None,
        })
        .collect();
    View {
        set,
        key: (Kind::StatefulSet, ns, set.metadata.name.clone()),
        uid,
        pods,
        hiding: hiding.is_some(),
        counted,
        hidden,
        set_uid,
        group,
        claims,
        unowned,
        revisions,
    }
}

/// Debug builds: the index gives the pods a scan of the set's name prefix finds, with
/// the facts the pods say.
#[cfg(debug_assertions)]
fn check_members(world: &World, set: &StatefulSet, pods: &[Member], unowned: &[&Pod]) {
    let name = set.metadata.name.as_str();
    let ns = set.metadata.namespace.as_deref().unwrap_or("");
    let mut scanned: Vec<&str> = world
        .with_prefix(Kind::Pod, ns, format!("{name}-"))
        .map(|o| o.name())
        .filter(|n| parent_name_and_ordinal(n).0 == name)
        .collect();
    let group = world.ordinal_pods(ns, name);
    let mut indexed: Vec<&str> = group
        .into_iter()
        .flat_map(|g| g.iter())
        .map(|(_, p)| p.object.name())
        .collect();
    crate::sort::ascending(&mut scanned);
    crate::sort::ascending(&mut indexed);
    assert_eq!(scanned, indexed, "ordinal index of {ns}/{name}");
    // Owned and unowned as the pods' references say.
    let uid = set.metadata.uid.as_deref().unwrap_or_default();
    let mut owned: Vec<&str> = Vec::new();
    let mut orphans: Vec<&str> = Vec::new();
    for o in world.with_prefix(Kind::Pod, ns, format!("{name}-")) {
        let Object::Pod(p) = o else { continue };
        if parent_name_and_ordinal(&p.metadata.name).0 == name {
            if owned_by(&p.metadata, uid) {
                owned.push(&p.metadata.name);
            } else if !p
                .metadata
                .owner_references
                .iter()
                .any(|r| r.controller == Some(true))
            {
                orphans.push(&p.metadata.name);
            }
        }
    }
    let mut members: Vec<&str> = pods.iter().map(|m| m.pod.metadata.name.as_str()).collect();
    crate::sort::ascending(&mut owned);
    crate::sort::ascending(&mut members);
    assert_eq!(owned, members, "pods owned by {ns}/{name}");
    crate::sort::ascending(&mut orphans);
    let listed: Vec<&str> = unowned.iter().map(|p| p.metadata.name.as_str()).collect();
    assert_eq!(
        orphans, listed,
        "pods without a controller named for {ns}/{name}"
    );
    for m in pods {
        assert_eq!(m.terminating(), is_terminating(m.pod));
        // Equal revisions are one shared string.
        if let Some(r) = &m.facts.revision {
            assert!(m.revision_is(group.and_then(|g| g.shared(r))), "{r}");
        }
        let stored = world.find(Kind::Pod, ns, &m.pod.metadata.name);
        assert!(
            stored.is_some_and(|o| std::ptr::eq(o, &*m.facts.object)),
            "{}",
            m.pod.metadata.name
        );
        assert_eq!(m.ordinal, parent_name_and_ordinal(&m.pod.metadata.name).1);
        assert_eq!(m.ready(), is_running_and_ready(m.pod));
        let since = if m.ready() { ready_since(m.pod) } else { None };
        assert_eq!(m.facts.ready_since, since);
        let phase = m.pod.status.as_ref().and_then(|s| s.phase.as_deref());
        assert_eq!(
            m.facts.failed,
            matches!(phase, Some("Failed" | "Succeeded"))
        );
        assert_eq!(m.facts.pending, phase == Some("Pending"));
        assert_eq!(
            m.revision(),
            m.pod
                .metadata
                .labels
                .get(REVISION_LABEL)
                .map(String::as_str)
        );
    }
    assert!(unowned
        .windows(2)
        .all(|w| w[0].metadata.name <= w[1].metadata.name));
}

/// Debug builds: the index gives each in-range ordinal the claim a lookup by name
/// finds, and says which of them have ownerReferences.
#[cfg(debug_assertions)]
fn check_claims(
    world: &World,
    set: &StatefulSet,
    start: i64,
    end: i64,
    claims: &[Option<&OrdinalClaims>],
) {
    let ns = set.metadata.namespace.as_deref().unwrap_or("default");
    for (template, group) in set.spec.volume_claim_templates.iter().zip(claims) {
        for ordinal in start..end {
            let name = claim_name(&template.metadata.name, &set.metadata.name, ordinal);
            let stored = world.find(Kind::PersistentVolumeClaim, ns, &name);
            let indexed = group.and_then(|g| g.get(ordinal));
            match (indexed, stored) {
                (Some(claim), Some(Object::PersistentVolumeClaim(found))) => {
                    assert!(std::ptr::eq(claim, found), "{name}");
                    let has = group.is_some_and(|g| g.has_owners(ordinal));
                    assert_eq!(has, !found.metadata.owner_references.is_empty(), "{name}");
                }
                (None, None) => {}
                _ => panic!("claim index disagrees about {ns}/{name}"),
            }
        }
    }
}

fn set_event(v: &View, reason: &str, message: String, warning: bool) -> EventSpec {
    if warning {
        EventSpec::warning(v.key.clone(), reason, message)
    } else {
        EventSpec::normal(v.key.clone(), reason, message)
    }
}

fn act(writes: Vec<Write>, event: Option<EventSpec>, explain: Text) -> Decision {
    Decision::Act(Act {
        component: Component::StatefulSet,
        writes,
        event,
        explain,
    })
}

/// Whether an identical warning was already recorded for this set (so a blocked sync
/// does not repeat it every step).
fn already_reported(world: &World, v: &View, message: &str) -> bool {
    world.events_for(&v.uid).any(|e| e.message == message)
}

/// The update revision (name, template) and whether it must be created or renumbered first.
fn revisions(world: &World, v: &View) -> Result<(String, String), Box<Decision>> {
    let set = v.set;
    let template = template_json(set);
    let collision = set
        .status
        .as_ref()
        .and_then(|s| s.collision_count)
        .unwrap_or(0);
    let name = format!(
        "{}-{}",
        set.metadata.name,
        revision_hash(&template, collision)
    );
    let max = v.revisions.iter().map(|r| r.revision).max().unwrap_or(0);
    let ns = set.metadata.namespace.as_deref().unwrap_or("default");
    if let Some(Object::ControllerRevision(other)) = world.find(Kind::ControllerRevision, ns, &name)
    {
        let owned = owned_by(&other.metadata, &v.uid);
        let orphan = !other
            .metadata
            .owner_references
            .iter()
            .any(|r| r.controller == Some(true));
        if orphan {
            let mut adopted = other.clone();
            adopted.metadata.owner_references.push(controller_ref(set));
            return Err(Box::new(act(
                vec![Write::Update(Object::ControllerRevision(adopted))],
                None,
                Text::new(
                    format!("ControllerRevision {name} has no controller and matches StatefulSet {}: the controller adopts it.", set.metadata.name),
                    format!("ControllerRevision {name} 没有控制器,且与 StatefulSet {} 匹配:控制器收养它。", set.metadata.name),
                ),
            )));
        }
        if !owned {
            // A revision of that name belongs to someone else: a hash collision.
            let mut bumped = set.clone();
            let status = bumped.status.get_or_insert_with(Default::default);
            status.collision_count = Some(collision.saturating_add(1));
            return Err(Box::new(act(
                vec![Write::Update(Object::StatefulSet(bumped))],
                None,
                Text::new(
                    format!("The name {name} is taken by another object: the controller raises status.collisionCount and hashes again."),
                    format!("名称 {name} 已被其他对象占用:控制器增加 status.collisionCount 并重新计算哈希。"),
                ),
            )));
        }
    }
    match v.revisions.iter().find(|r| r.metadata.name == name) {
        None => {
            let mut labels = set.spec.template.metadata.labels.clone();
            labels.insert(
                HASH_LABEL.into(),
                name.rsplit('-').next().unwrap_or("").into(),
            );
            let revision = ControllerRevision {
                api_version: "apps/v1".into(),
                kind: "ControllerRevision".into(),
                metadata: ObjectMeta {
                    name: name.clone(),
                    namespace: set.metadata.namespace.clone(),
                    labels,
                    annotations: set.metadata.annotations.clone(),
                    owner_references: vec![controller_ref(set)],
                    ..Default::default()
                },
                data: revision_data(&template),
                revision: max + 1,
            };
            let first = v.revisions.is_empty();
            return Err(Box::new(act(
                vec![Write::Create(Object::ControllerRevision(revision))],
                None,
                if first {
                    Text::new(
                        format!("The StatefulSet controller records the pod template of {} as ControllerRevision {name} (revision 1). Every pod it creates is labelled controller-revision-hash={name}.", set.metadata.name),
                        format!("StatefulSet 控制器把 {} 的 Pod 模板记录为 ControllerRevision {name}(修订版本 1)。它创建的每个 Pod 都带有标签 controller-revision-hash={name}。", set.metadata.name),
                    )
                } else {
                    Text::new(
                        format!("spec.template of {} changed, so the controller records it as a new ControllerRevision {name} (revision {}). Pods will move to it as the update strategy allows.", set.metadata.name, max + 1),
                        format!("{} 的 spec.template 变了,控制器把它记录为新的 ControllerRevision {name}(修订版本 {})。Pod 会按照更新策略逐步切换到它。", set.metadata.name, max + 1),
                    )
                },
            )));
        }
        Some(existing) if existing.revision < max => {
            let mut renumbered = (*existing).clone();
            renumbered.revision = max + 1;
            return Err(Box::new(act(
                vec![Write::Update(Object::ControllerRevision(renumbered))],
                None,
                Text::new(
                    format!("spec.template of {} matches an older ControllerRevision {name}: a rollback. The controller reuses it and raises its revision to {}.", set.metadata.name, max + 1),
                    format!("{} 的 spec.template 与较早的 ControllerRevision {name} 相同:这是一次回滚。控制器复用它,并把修订号提升为 {}。", set.metadata.name, max + 1),
                ),
            )));
        }
        Some(_) => {}
    }
    let current = set
        .status
        .as_ref()
        .and_then(|s| s.current_revision.clone())
        .filter(|c| v.revisions.iter().any(|r| r.metadata.name == *c))
        .unwrap_or_else(|| name.clone());
    let _ = world;
    Ok((current, name))
}

/// The claims a pod of this set needs: (volume name, claim).
fn claims_for(set: &StatefulSet, ordinal: i64) -> Vec<(String, PersistentVolumeClaim)> {
    let name = &set.metadata.name;
    let match_labels = set
        .spec
        .selector
        .as_ref()
        .map(|s| s.match_labels.clone())
        .unwrap_or_default();
    set.spec
        .volume_claim_templates
        .iter()
        .map(|template| {
            let mut claim = template.clone();
            let template_name = template.metadata.name.clone();
            claim.api_version = "v1".into();
            claim.kind = "PersistentVolumeClaim".into();
            claim.metadata.name = claim_name(&template_name, name, ordinal);
            claim.metadata.namespace = set.metadata.namespace.clone();
            for (k, v) in &match_labels {
                claim.metadata.labels.insert(k.clone(), v.clone());
            }
            claim.status = None;
            (template_name, claim)
        })
        .collect()
}

/// A new pod for an ordinal from a template and revision.
/// Upstream: stateful_set_utils.go `newVersionedStatefulSetPod`, `initIdentity`, `updateStorage`
fn new_pod(set: &StatefulSet, template: &PodTemplateSpec, revision: &str, ordinal: i64) -> Pod {
    let name = pod_name(&set.metadata.name, ordinal);
    let mut metadata = ObjectMeta {
        name: name.clone(),
        generate_name: Some(format!("{}-", set.metadata.name)),
        namespace: set.metadata.namespace.clone(),
        labels: template.metadata.labels.clone(),
        annotations: template.metadata.annotations.clone(),
        finalizers: template.metadata.finalizers.clone(),
        owner_references: vec![controller_ref(set)],
        ..Default::default()
    };
    metadata.labels.insert(POD_NAME_LABEL.into(), name.clone());
    metadata
        .labels
        .insert(POD_INDEX_LABEL.into(), ordinal.to_string());
    metadata
        .labels
        .insert(REVISION_LABEL.into(), revision.into());
    let mut spec = template.spec.clone();
    spec.hostname = Some(name.clone());
    if let Some(service) = set.spec.service_name.as_deref().filter(|s| !s.is_empty()) {
        spec.subdomain = Some(service.into());
    }
    for (volume, claim) in claims_for(set, ordinal) {
        let wanted = Volume {
            name: volume.clone(),
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: claim.metadata.name.clone(),
                read_only: Some(false),
            }),
            ..Default::default()
        };
        match spec.volumes.iter_mut().find(|v| v.name == volume) {
            Some(existing) => *existing = wanted,
            None => spec.volumes.push(wanted),
        }
    }
    Pod {
        api_version: "v1".into(),
        kind: "Pod".into(),
        metadata,
        spec,
        status: None,
    }
}

/// What the retention policy wants on a claim: a controller ref to the set, to the pod,
/// or none. Upstream: stateful_set_utils.go `isClaimOwnerUpToDate`
fn wanted_claim_owner(set: &StatefulSet, pod: &Pod, condemned: bool) -> Option<OwnerReference> {
    match wanted_owner(set, condemned)? {
        Owner::Pod => Some(OwnerReference {
            api_version: "v1".into(),
            kind: "Pod".into(),
            name: pod.metadata.name.clone(),
            uid: pod.metadata.uid.clone().unwrap_or_default(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }),
        Owner::Set => Some(controller_ref(set)),
    }
}

/// Who the retention policy wants to own a claim.
enum Owner {
    Set,
    Pod,
}

fn wanted_owner(set: &StatefulSet, condemned: bool) -> Option<Owner> {
    let policy = set.spec.persistent_volume_claim_retention_policy.as_ref()?;
    if condemned && policy.when_scaled.as_deref() == Some("Delete") {
        return Some(Owner::Pod);
    }
    (policy.when_deleted.as_deref() == Some("Delete")).then_some(Owner::Set)
}

/// The claim update that makes its ownerReferences match the retention policy, if any.
fn fix_claim_owner(
    set: &StatefulSet,
    pod: &Pod,
    claim: Option<&PersistentVolumeClaim>,
    condemned: bool,
) -> Option<PersistentVolumeClaim> {
    let claim = claim?;
    if claim.metadata.deletion_timestamp.is_some() {
        return None;
    }
    // Most claims have no owner and the policy wants none.
    if claim.metadata.owner_references.is_empty() && wanted_owner(set, condemned).is_none() {
        return None;
    }
    let set_uid = set.metadata.uid.as_deref().unwrap_or_default();
    // A claim with another controller is left alone (ConflictingController).
    if claim.metadata.owner_references.iter().any(|r| {
        r.controller == Some(true)
            && r.uid != set_uid
            && Some(&r.uid) != pod.metadata.uid.as_ref()
            && !(r.kind == "Pod" && r.name == pod.metadata.name)
    }) {
        return None;
    }
    let wanted = wanted_claim_owner(set, pod, condemned);
    // Most syncs find the references already right: check before building new ones.
    let ours =
        |r: &&OwnerReference| r.uid == set_uid || (r.kind == "Pod" && r.name == pod.metadata.name);
    let mut current = claim.metadata.owner_references.iter().filter(ours);
    let up_to_date = match (&wanted, current.next(), current.next()) {
        (None, None, _) => true,
        (Some(w), Some(r), None) => w == r,
        _ => false,
    };
    if up_to_date {
        return None;
    }
    let mut refs: Vec<OwnerReference> = claim
        .metadata
        .owner_references
        .iter()
        .filter(|r| !(r.uid == set_uid || (r.kind == "Pod" && r.name == pod.metadata.name)))
        .cloned()
        .collect();
    if let Some(w) = wanted {
        refs.push(w);
    }
    if refs == claim.metadata.owner_references {
        return None;
    }
    let mut updated = claim.clone();
    updated.metadata.owner_references = refs;
    Some(updated)
}

/// The status a sync writes. Upstream: stateful_set_control.go `computeReplicaStatus`,
/// stateful_set_utils.go `completeRollingUpdate`
fn status(world: &World, v: &View, current: &str, update: &str) -> StatefulSetStatus {
    let set = v.set;
    let min_ready = set.spec.min_ready_seconds.unwrap_or(0);
    let mut s = StatefulSetStatus {
        observed_generation: set.metadata.generation,
        collision_count: Some(
            set.status
                .as_ref()
                .and_then(|s| s.collision_count)
                .unwrap_or(0),
        ),
        current_revision: Some(current.to_string()),
        update_revision: Some(update.to_string()),
        ..Default::default()
    };
    let (mut ready, mut available, mut cur, mut upd) = (0, 0, 0, 0);
    let same = current == update;
    // Counted pods: each is available when ready (the view counts none under
    // minReadySeconds).
    let n = |count: usize| i64::try_from(count).unwrap_or(i64::MAX);
    for t in v.counted {
        s.replicas += n(t.pods);
        ready += n(t.ready);
        available += n(t.ready);
        let running = n(t.pods.saturating_sub(t.terminating));
        if t.revision.as_deref() == Some(update) {
            upd += running;
            cur += if same { running } else { 0 };
        } else if !same && t.revision.as_deref() == Some(current) {
            cur += running;
        }
    }
    let (current_shared, update_shared) = (v.shared(current), v.shared(update));
    // The listed pods, but for those already counted.
    let listed = v
        .pods
        .iter()
        .filter(|m| !v.hiding || m.facts.controllers != 1);
    for m in listed {
        s.replicas += 1;
        if m.ready() {
            ready += 1;
            if is_available_from(true, m.facts.ready_since, min_ready, world.now_ms) {
                available += 1;
            }
        }
        if !m.terminating() {
            if m.revision_is(update_shared) {
                upd += 1;
                cur += i64::from(same);
            } else if !same && m.revision_is(current_shared) {
                cur += 1;
            }
        }
    }
    s.ready_replicas = Some(ready);
    s.available_replicas = Some(available);
    s.current_replicas = Some(cur);
    s.updated_replicas = Some(upd);
    let rolling = set
        .spec
        .update_strategy
        .as_ref()
        .and_then(|u| u.type_.as_deref())
        .unwrap_or("RollingUpdate")
        == "RollingUpdate";
    if rolling && upd == ready && ready == s.replicas && s.replicas == simulated_replicas(set) {
        s.current_revision = Some(update.to_string());
        s.current_replicas = Some(upd);
    }
    s
}

fn pod_text(v: &View, pod: &str) -> (String, String) {
    (pod.to_string(), v.set.metadata.name.clone())
}

/// A pod without a controller that this set should own: its name parses to this set and
/// its labels match the selector. Upstream: stateful_set.go `getPodsForStatefulSet` (ClaimPods)
fn orphan_to_adopt<'a>(v: &View<'a>) -> Option<&'a Pod> {
    let selector = v.set.spec.selector.as_ref()?;
    if selector.match_labels.is_empty() && selector.match_expressions.is_empty() {
        return None;
    }
    v.unowned.iter().copied().find(|p| {
        p.metadata.deletion_timestamp.is_none()
            && selector
                .match_labels
                .iter()
                .all(|(k, v)| p.metadata.labels.get(k) == Some(v))
            && selector.match_expressions.is_empty()
    })
}

/// One decision of the StatefulSet controller for one set. Debug builds check that
/// leaving the settled pods out decides the same as reading every pod.
fn sync(world: &World, set: &StatefulSet) -> Decision {
    let decision = sync_view(world, set, true);
    #[cfg(debug_assertions)]
    assert_eq!(
        decision,
        sync_view(world, set, false),
        "a sync without the settled pods decided otherwise"
    );
    decision
}

fn sync_view(world: &World, set: &StatefulSet, hide: bool) -> Decision {
    let mut v = view(world, set, hide);
    let (current, update) = match revisions(world, &v) {
        Ok(r) => r,
        Err(decision) => return *decision,
    };
    if v.counted
        .iter()
        .any(|t| t.revision.as_deref() != Some(update.as_str()))
    {
        // A rolling update reads every pod.
        v = view(world, set, false);
    }
    let name = set.metadata.name.as_str();
    let mut waits: Vec<Text> = Vec::new();
    let mut next_ms: Option<i64> = None;
    if set.metadata.deletion_timestamp.is_none() {
        if let Some(orphan) = orphan_to_adopt(&v) {
            let pname = orphan.metadata.name.clone();
            let mut adopted = orphan.clone();
            adopted.metadata.owner_references.push(controller_ref(set));
            return act(
                vec![Write::Update(Object::Pod(adopted))],
                None,
                Text::new(
                    format!("Pod {pname} has no controller, its labels match the selector of StatefulSet {name} and its name is {name}-<ordinal>: the controller adopts it (adds its ownerReference) instead of creating another {pname}."),
                    format!("Pod {pname} 没有控制器,它的标签匹配 StatefulSet {name} 的选择算符,名称也是 {name}-<序号>:控制器收养它(添加 ownerReference),而不是再创建一个 {pname}。"),
                ),
            );
        }
        if let Some(decision) =
            replicas_pass(world, &v, &current, &update, &mut waits, &mut next_ms)
        {
            return decision;
        }
    }
    // Status.
    let computed = status(world, &v, &current, &update);
    let stored = set.status.clone().unwrap_or_default();
    if computed != stored {
        let mut updated = set.clone();
        let ready = computed.ready_replicas.unwrap_or(0);
        updated.status = Some(computed);
        return act(
            vec![Write::Update(Object::StatefulSet(updated))],
            None,
            Text::new(
                format!("The StatefulSet controller updates the status of {name}: {ready}/{} pods ready.", replicas(set)),
                format!("StatefulSet 控制器更新 {name} 的状态:{ready}/{} 个 Pod 就绪。", replicas(set)),
            ),
        );
    }
    if let Some(decision) = truncate_history(&v, &current, &update) {
        return decision;
    }
    let _ = pod_text;
    Decision::Idle { waits, next_ms }
}

/// Deletes the oldest revisions that no pod, and neither the current nor the update
/// revision, uses, keeping `revisionHistoryLimit` of them.
/// Upstream: pkg/controller/statefulset/stateful_set_control.go truncateHistory
fn truncate_history(v: &View, current: &str, update: &str) -> Option<Decision> {
    let limit = v.set.spec.revision_history_limit.unwrap_or(10).max(0) as usize;
    let live = |name: &str| {
        name == current || name == update || {
            let shared = v.shared(name);
            v.pods.iter().any(|m| m.revision_is(shared))
        }
    };
    let mut history: Vec<&ControllerRevision> = v
        .revisions
        .iter()
        .copied()
        .filter(|r| !live(&r.metadata.name))
        .collect();
    if history.len() <= limit {
        return None;
    }
    crate::sort::by_key(&mut history, |r| (r.revision, r.metadata.name.clone()));
    let excess = &history[..history.len() - limit];
    let ns = v.key.1.clone();
    let names: Vec<String> = excess.iter().map(|r| r.metadata.name.clone()).collect();
    let set = &v.set.metadata.name;
    Some(act(
        excess
            .iter()
            .map(|r| Write::Remove((Kind::ControllerRevision, ns.clone(), r.metadata.name.clone())))
            .collect(),
        None,
        Text::new(
            format!("StatefulSet {set} keeps revisionHistoryLimit: {limit} old revisions, so the controller deletes the oldest: {}.", names.join(", ")),
            format!("StatefulSet {set} 只保留 revisionHistoryLimit: {limit} 个旧修订版本,控制器删除最早的:{}。", names.join("、")),
        ),
    ))
}

/// A pod's name, `<set>-<ordinal>`, written out only when a message needs it.
struct PodName<'a>(&'a str, i64);

impl std::fmt::Display for PodName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.0, self.1)
    }
}

/// Steps 3–11 of upstream's sync: replicas, condemned pods, rolling update. `None` when
/// there is nothing to write (waits and timers are collected).
fn replicas_pass(
    world: &World,
    v: &View,
    current: &str,
    update: &str,
    waits: &mut Vec<Text>,
    next_ms: &mut Option<i64>,
) -> Option<Decision> {
    let set = v.set;
    let name = set.metadata.name.as_str();
    let ns = set.metadata.namespace.as_deref().unwrap_or("default");
    let start = start_ordinal(set);
    let count = simulated_replicas(set);
    if count < replicas(set) {
        waits.push(Text::new(
            format!("StatefulSet {name} asks for {} replicas; the playground simulates at most {MAX_SIMULATED_PODS} pods per StatefulSet", replicas(set)),
            format!("StatefulSet {name} 需要 {} 个副本;练习场每个 StatefulSet 最多模拟 {MAX_SIMULATED_PODS} 个 Pod", replicas(set)),
        ));
    }
    let end = start.saturating_add(count);
    let mono = monotonic(set);
    let min_ready = set.spec.min_ready_seconds.unwrap_or(0);
    let policy = if mono { "OrderedReady" } else { "Parallel" };
    let strategy = set.spec.update_strategy.clone().unwrap_or_default();
    let on_delete = strategy.type_.as_deref() == Some("OnDelete");
    let partition = strategy
        .rolling_update
        .as_ref()
        .and_then(|r| r.partition)
        .unwrap_or(0);
    let templates = &set.spec.volume_claim_templates;
    // Each template's claims `<template>-<set>-<ordinal>` (the names `claim_name` writes
    // for an ordinal, digits without a leading zero), as the view read them.
    let claims = &v.claims;
    #[cfg(debug_assertions)]
    check_claims(world, set, start, end, claims);
    // The claim of template `t` for an ordinal (never negative here).
    let claim_at = |t: usize, ordinal: i64| -> Option<&PersistentVolumeClaim> {
        claims.get(t).copied().flatten()?.get(ordinal)
    };
    // Whether an ordinal has its claim of template `t`: by the span of the claims when
    // they have no gap (they are created in order), else by reading it.
    let spans: Vec<Option<(i64, i64)>> = claims
        .iter()
        .map(|c| c.and_then(OrdinalClaims::span))
        .collect();
    let has_claim = |t: usize, ordinal: i64| match spans.get(t).copied().flatten() {
        Some((first, last)) => {
            debug_assert_eq!(
                first <= ordinal && ordinal <= last,
                claim_at(t, ordinal).is_some()
            );
            first <= ordinal && ordinal <= last
        }
        None => claim_at(t, ordinal).is_some(),
    };
    // The templates whose claim for an ordinal the retention policy may have to give
    // other owners: all when it wants an owner, else none unless a claim has one.
    let wants_owner = [false, true].map(|condemned| wanted_owner(set, condemned).is_some());
    let owners_to_check = |ordinal: i64, condemned: bool| {
        let may_change = wants_owner[usize::from(condemned)]
            || claims.iter().flatten().any(|c| c.has_owners(ordinal));
        0..if may_change { templates.len() } else { 0 }
    };
    let mut condemned: Vec<Member> = v
        .pods
        .iter()
        .copied()
        .filter(|m| m.ordinal >= 0 && (m.ordinal < start || m.ordinal >= end))
        .collect();
    crate::sort::by_key(&mut condemned, |m| std::cmp::Reverse(m.ordinal));
    // The first unhealthy pod: in-range ascending, then condemned from the lowest ordinal.
    // Only OrderedReady scale-down asks.
    let first_unhealthy: Option<String> = if mono && !condemned.is_empty() {
        visits(v, start, end, count)
            .find_map(|(o, m)| match m {
                None => Some(pod_name(name, o)),
                Some(m) if !m.healthy() => Some(m.pod.metadata.name.clone()),
                _ => None,
            })
            .or_else(|| {
                condemned
                    .iter()
                    .rev()
                    .find(|m| !m.healthy())
                    .map(|m| m.pod.metadata.name.clone())
            })
    } else {
        None
    };

    for (ordinal, member) in visits(v, start, end, count) {
        // A pod with nothing to do (running, or under OrderedReady ready and available,
        // its claims' owners as the policy wants) is passed over without reading its
        // claims: the arms below would do nothing with it.
        if let Some(m) = member {
            let steady = !m.facts.failed
                && !m.facts.pending
                && (!mono || (m.ready() && !m.terminating() && min_ready == 0));
            if steady && owners_to_check(ordinal, false).is_empty() {
                continue;
            }
        }
        let pod_name_here = PodName(name, ordinal);
        match member {
            Some(Member { pod, facts, .. }) if facts.failed && !facts.terminating => {
                let phase = pod
                    .status
                    .as_ref()
                    .and_then(|s| s.phase.clone())
                    .unwrap_or_default();
                return Some(act(
                    api::delete_writes(world, &key_of(&Object::Pod(pod.clone())), Propagation::Background),
                    Some(set_event(v, "SuccessfulDelete", format!("delete Pod {pod_name_here} in StatefulSet {name} successful"), false)),
                    Text::new(
                        format!("{pod_name_here} is {phase}. A StatefulSet pod must keep running, so the controller deletes it; once it is gone, a new {pod_name_here} with the same name and claims is created."),
                        format!("{pod_name_here} 处于 {phase} 状态。StatefulSet 的 Pod 必须一直运行,所以控制器删除它;它消失后,会以相同的名称和 PVC 重新创建 {pod_name_here}。"),
                    ),
                ));
            }
            None => {
                // Claims first, then the pod.
                for (_, claim) in claims_for(set, ordinal) {
                    let claim_key = (
                        Kind::PersistentVolumeClaim,
                        ns.to_string(),
                        claim.metadata.name.clone(),
                    );
                    match world.get(&claim_key) {
                        None => {
                            let claim_name = claim.metadata.name.clone();
                            return Some(act(
                                vec![Write::Create(Object::PersistentVolumeClaim(claim))],
                                Some(set_event(v, "SuccessfulCreate", format!("create Claim {claim_name} Pod {pod_name_here} in StatefulSet {name} success"), false)),
                                Text::new(
                                    format!("Before creating {pod_name_here}, the controller creates its claim {claim_name} from volumeClaimTemplates (name = <template>-<statefulset>-<ordinal>). A claim is created before its pod, and kept when the pod goes away."),
                                    format!("在创建 {pod_name_here} 之前,控制器根据 volumeClaimTemplates 创建它的 PVC {claim_name}(名称 = <模板名>-<StatefulSet 名>-<序号>)。PVC 总是先于 Pod 创建,Pod 消失后 PVC 仍然保留。"),
                                ),
                            ));
                        }
                        Some(Object::PersistentVolumeClaim(existing))
                            if existing.metadata.deletion_timestamp.is_some() =>
                        {
                            let message = format!("create Pod {pod_name_here} in StatefulSet {name} failed error: pvc {} is being deleted", existing.metadata.name);
                            if !already_reported(world, v, &message) {
                                return Some(act(Vec::new(), Some(set_event(v, "FailedCreate", message, true)), Text::new(
                                    format!("{pod_name_here} cannot be created while its claim {} is being deleted; the controller retries once it is gone.", existing.metadata.name),
                                    format!("PVC {} 正在被删除,{pod_name_here} 暂时无法创建;它消失后控制器会重试。", existing.metadata.name),
                                )));
                            }
                            waits.push(Text::new(
                                format!("statefulset/{name} waits for claim {} to finish deleting before creating {pod_name_here}", existing.metadata.name),
                                format!("statefulset/{name} 等待 PVC {} 删除完成,再创建 {pod_name_here}", existing.metadata.name),
                            ));
                            if mono {
                                return None;
                            }
                            continue;
                        }
                        Some(Object::PersistentVolumeClaim(existing)) => {
                            // A claim still owned by an older pod of the same name is stale.
                            if existing
                                .metadata
                                .owner_references
                                .iter()
                                .any(|r| r.kind == "Pod" && r.name == pod_name_here.to_string())
                            {
                                waits.push(Text::new(
                                    format!("statefulset/{name} waits for the stale claim {} (owned by an earlier {pod_name_here}) to be collected", existing.metadata.name),
                                    format!("statefulset/{name} 等待旧的 PVC {}(属于之前的 {pod_name_here})被回收", existing.metadata.name),
                                ));
                                if mono {
                                    return None;
                                }
                                continue;
                            }
                        }
                        Some(_) => {}
                    }
                }
                // A pod of that name that this set does not own (an earlier set's pod
                // still terminating, or another controller's): the create would fail
                // with AlreadyExists, so the controller reports it once and waits for
                // the garbage collector or the kubelet to remove it.
                if world
                    .find(Kind::Pod, ns, &pod_name_here.to_string())
                    .is_some()
                {
                    let message = format!("create Pod {pod_name_here} in StatefulSet {name} failed error: pods \"{pod_name_here}\" already exists");
                    if !already_reported(world, v, &message) {
                        return Some(act(Vec::new(), Some(set_event(v, "FailedCreate", message, true)), Text::new(
                            format!("A pod named {pod_name_here} already exists but does not belong to StatefulSet {name}: the create fails, and the controller retries once it is gone."),
                            format!("名为 {pod_name_here} 的 Pod 已存在,但不属于 StatefulSet {name}:创建失败,它消失后控制器会重试。"),
                        )));
                    }
                    waits.push(Text::new(
                        format!("statefulset/{name} waits for the existing pod {pod_name_here}, which it does not own, to go away"),
                        format!("statefulset/{name} 等待不属于它的现有 Pod {pod_name_here} 消失"),
                    ));
                    if mono {
                        return None;
                    }
                    continue;
                }
                let use_current = !on_delete && ordinal < start.saturating_add(partition);
                let (revision, template) = if use_current && current != update {
                    let template = v
                        .revisions
                        .iter()
                        .find(|r| r.metadata.name == current)
                        .and_then(|r| template_of_revision(r))
                        .unwrap_or_else(|| set.spec.template.clone());
                    (current, template)
                } else {
                    (update, set.spec.template.clone())
                };
                // The API server validates the pod like any other: with a long set name
                // the controller-revision-hash label value `<set>-<hash>` can exceed 63
                // characters, and every create fails.
                if revision.len() > 63 {
                    let message = format!("create Pod {pod_name_here} in StatefulSet {name} failed error: Pod \"{pod_name_here}\" is invalid: metadata.labels: Invalid value: \"{revision}\": must be no more than 63 characters");
                    if !already_reported(world, v, &message) {
                        return Some(act(Vec::new(), Some(set_event(v, "FailedCreate", message, true)), Text::new(
                            format!("Pod {pod_name_here} would carry the label {REVISION_LABEL}: {revision}, longer than the 63 characters a label value may have: the API server rejects it. Shorten the StatefulSet's name."),
                            format!("Pod {pod_name_here} 的标签 {REVISION_LABEL}: {revision} 超过了标签值允许的 63 个字符:API 服务器拒绝创建。请缩短 StatefulSet 的名称。"),
                        )));
                    }
                    waits.push(Text::new(
                        format!("statefulset/{name} cannot create {pod_name_here}: its revision label is longer than 63 characters"),
                        format!("statefulset/{name} 无法创建 {pod_name_here}:它的修订标签超过 63 个字符"),
                    ));
                    return None;
                }
                let pod = new_pod(set, &template, revision, ordinal);
                let why_now = if ordinal == start {
                    Text::new(
                        format!("{pod_name_here} is the first ordinal"),
                        format!("{pod_name_here} 是第一个序号"),
                    )
                } else if mono {
                    Text::new(
                        "podManagementPolicy is OrderedReady and every lower ordinal is Running and Ready",
                        "podManagementPolicy 是 OrderedReady,且所有更小序号的 Pod 都已运行并就绪",
                    )
                } else {
                    Text::new("podManagementPolicy is Parallel, so the controller does not wait for other pods", "podManagementPolicy 是 Parallel,所以控制器不等待其他 Pod")
                };
                return Some(act(
                    vec![Write::Create(Object::Pod(pod))],
                    Some(set_event(v, "SuccessfulCreate", format!("create Pod {pod_name_here} in StatefulSet {name} successful"), false)),
                    Text::new(
                        format!("The controller creates pod {pod_name_here} (name = <statefulset>-<ordinal>; hostname {pod_name_here}, subdomain {}): {}.", set.spec.service_name.as_deref().unwrap_or(""), why_now.en),
                        format!("控制器创建 Pod {pod_name_here}(名称 = <StatefulSet 名>-<序号>;hostname 为 {pod_name_here},subdomain 为 {}):{}。", set.spec.service_name.as_deref().unwrap_or(""), why_now.zh),
                    ),
                ));
            }
            Some(m) => {
                let pod = m.pod;
                // Pending pods get any claim that went missing.
                if m.facts.pending && (0..templates.len()).any(|t| !has_claim(t, ordinal)) {
                    for (_, claim) in claims_for(set, ordinal) {
                        let claim_key = (
                            Kind::PersistentVolumeClaim,
                            ns.to_string(),
                            claim.metadata.name.clone(),
                        );
                        if !world.contains(&claim_key) {
                            let claim_name = claim.metadata.name.clone();
                            return Some(act(
                                vec![Write::Create(Object::PersistentVolumeClaim(claim))],
                                Some(set_event(v, "SuccessfulCreate", format!("create Claim {claim_name} Pod {pod_name_here} in StatefulSet {name} success"), false)),
                                Text::new(
                                    format!("{pod_name_here} is Pending and its claim {claim_name} is missing, so the controller creates it again."),
                                    format!("{pod_name_here} 处于 Pending,而它的 PVC {claim_name} 不见了,控制器重新创建它。"),
                                ),
                            ));
                        }
                    }
                }
                // Claims follow the retention policy.
                for t in owners_to_check(ordinal, false) {
                    if let Some(fixed) = fix_claim_owner(set, pod, claim_at(t, ordinal), false) {
                        let claim_name = fixed.metadata.name.clone();
                        return Some(act(
                            vec![Write::Update(Object::PersistentVolumeClaim(fixed))],
                            None,
                            Text::new(
                                format!("persistentVolumeClaimRetentionPolicy decides who owns claim {claim_name}: the controller sets its ownerReferences so the garbage collector deletes it only when the policy says so."),
                                format!("persistentVolumeClaimRetentionPolicy 决定 PVC {claim_name} 的属主:控制器设置它的 ownerReferences,让垃圾回收器只在策略要求时删除它。"),
                            ),
                        ));
                    }
                }
                if !mono {
                    continue;
                }
                if m.terminating() {
                    waits.push(Text::new(
                        format!("statefulset/{name} waits for {pod_name_here} to finish terminating (podManagementPolicy: OrderedReady)"),
                        format!("statefulset/{name} 等待 {pod_name_here} 终止完成(podManagementPolicy: OrderedReady)"),
                    ));
                    return None;
                }
                if !m.ready() {
                    let next = pod_name(name, ordinal + 1);
                    let more = ordinal + 1 < end;
                    waits.push(if more {
                        Text::new(
                            format!("{next} is not created yet: podManagementPolicy is {policy} and {pod_name_here} is not Running and Ready"),
                            format!("{next} 还没有创建:podManagementPolicy 是 {policy},而 {pod_name_here} 还没有运行并就绪"),
                        )
                    } else {
                        Text::new(
                            format!("statefulset/{name} waits for {pod_name_here} to be Running and Ready"),
                            format!("statefulset/{name} 等待 {pod_name_here} 运行并就绪"),
                        )
                    });
                    return None;
                }
                match available_from(m.facts.ready_since, min_ready).filter(|_| min_ready > 0) {
                    Some(t) if t > world.now_ms => {
                        waits.push(Text::new(
                            format!("statefulset/{name} waits for {pod_name_here} to be available (minReadySeconds: {min_ready})"),
                            format!("statefulset/{name} 等待 {pod_name_here} 变为可用(minReadySeconds: {min_ready})"),
                        ));
                        *next_ms = Some(next_ms.map_or(t, |n| n.min(t)));
                        return None;
                    }
                    _ => {}
                }
            }
        }
    }

    // Condemned pods: claims first follow the scale-down retention policy.
    for &Member { pod, ordinal, .. } in &condemned {
        for t in owners_to_check(ordinal, true) {
            if let Some(fixed) = fix_claim_owner(set, pod, claim_at(t, ordinal), true) {
                let claim_name = fixed.metadata.name.clone();
                return Some(act(
                    vec![Write::Update(Object::PersistentVolumeClaim(fixed))],
                    None,
                    Text::new(
                        format!("{} is about to be removed by the scale-down; persistentVolumeClaimRetentionPolicy.whenScaled decides whether its claim {claim_name} goes with it, through the claim's ownerReferences.", pod.metadata.name),
                        format!("{} 即将因缩容被删除;persistentVolumeClaimRetentionPolicy.whenScaled 通过 PVC {claim_name} 的 ownerReferences 决定它是否随之删除。", pod.metadata.name),
                    ),
                ));
            }
        }
    }
    for m in &condemned {
        let (pod, pname) = (m.pod, m.pod.metadata.name.as_str());
        if m.terminating() {
            if mono {
                waits.push(Text::new(
                    format!("statefulset/{name} waits for {pname} to be gone before removing the next pod (scale-down is one at a time, highest ordinal first)"),
                    format!("statefulset/{name} 等待 {pname} 完全消失后再删除下一个 Pod(缩容一次一个,从最大序号开始)"),
                ));
                return None;
            }
            continue;
        }
        if mono && !m.healthy() && first_unhealthy.as_deref() != Some(pname) {
            waits.push(Text::new(
                format!("statefulset/{name} waits for {pname} to be Running and Ready before scaling down"),
                format!("statefulset/{name} 等待 {pname} 运行并就绪后再缩容"),
            ));
            return None;
        }
        return Some(act(
            api::delete_writes(
                world,
                &key_of(&Object::Pod(pod.clone())),
                Propagation::Background,
            ),
            Some(set_event(
                v,
                "SuccessfulDelete",
                format!("delete Pod {pname} in StatefulSet {name} successful"),
                false,
            )),
            if mono {
                Text::new(
                    format!("spec.replicas is {count}, so {pname} is out of range. Scale-down goes in reverse ordinal order, one pod at a time: the controller deletes {pname}. Its claims stay unless persistentVolumeClaimRetentionPolicy.whenScaled is Delete."),
                    format!("spec.replicas 是 {count},{pname} 超出了范围。缩容按序号从大到小、一次一个进行:控制器删除 {pname}。除非 persistentVolumeClaimRetentionPolicy.whenScaled 为 Delete,它的 PVC 会保留。"),
                )
            } else {
                Text::new(
                    format!("spec.replicas is {count}, so {pname} is out of range; with podManagementPolicy Parallel every surplus pod is deleted at once."),
                    format!("spec.replicas 是 {count},{pname} 超出了范围;podManagementPolicy 为 Parallel 时,多余的 Pod 会同时被删除。"),
                )
            },
        ));
    }
    if on_delete {
        let mut outdated: Vec<String> = v
            .pods
            .iter()
            .filter(|m| !m.revision_is(v.shared(update)))
            .map(|m| m.pod.metadata.name.clone())
            .collect();
        crate::sort::ascending(&mut outdated);
        if !outdated.is_empty() {
            waits.push(Text::new(
                format!(
                    "updateStrategy is OnDelete: {} keep the old template until you delete them",
                    outdated.join(", ")
                ),
                format!(
                    "updateStrategy 是 OnDelete:{} 会保持旧模板,直到你删除它们",
                    outdated.join("、")
                ),
            ));
        }
        return None;
    }
    // Rolling update: from the highest ordinal down to the partition.
    // (The hidden pods are at the update revision and healthy: nothing to do or wait for.)
    let update_shared = v.shared(update);
    let lowest = start.saturating_add(partition).max(start);
    let rolling = v.pods.iter().enumerate().rev().filter(|(i, m)| {
        let last_of_ordinal = v
            .pods
            .get(i + 1)
            .is_none_or(|next| next.ordinal != m.ordinal);
        last_of_ordinal && lowest <= m.ordinal && m.ordinal < end
    });
    for (_, m) in rolling {
        {
            let (pod, pname) = (m.pod, m.pod.metadata.name.as_str());
            if !m.revision_is(update_shared) && !m.terminating() {
                return Some(act(
                    api::delete_writes(world, &key_of(&Object::Pod(pod.clone())), Propagation::Background),
                    Some(set_event(v, "SuccessfulDelete", format!("delete Pod {pname} in StatefulSet {name} successful"), false)),
                    Text::new(
                        format!("Rolling update to revision {update}: pods are replaced one at a time in reverse ordinal order. {pname} runs an older revision, so the controller deletes it; it comes back from the new template with the same name and claims."),
                        format!("滚动更新到修订版本 {update}:Pod 按序号从大到小逐个替换。{pname} 运行的是旧版本,控制器删除它;它会以相同的名称和 PVC、用新模板重新创建。"),
                    ),
                ));
            }
            if !m.healthy() {
                waits.push(Text::new(
                    format!("the rolling update waits for {pname} to be Running and Ready before replacing the next pod"),
                    format!("滚动更新等待 {pname} 运行并就绪,再替换下一个 Pod"),
                ));
                return None;
            }
        }
    }
    if partition > 0 && v.pods.iter().any(|m| !m.revision_is(update_shared)) {
        waits.push(Text::new(
            format!("updateStrategy.rollingUpdate.partition is {partition}: pods with an ordinal below {} keep the current revision", start + partition),
            format!("updateStrategy.rollingUpdate.partition 为 {partition}:序号小于 {} 的 Pod 保持当前版本", start + partition),
        ));
    }
    None
}

/// The ordinals `[start, end)` a pass visits, in order, each with the owned pod there
/// (the last in name order if two share it): all of them, or, when the view hides pods,
/// all but theirs (they have nothing to do).
fn visits<'v, 'a>(
    v: &'v View<'a>,
    start: i64,
    end: i64,
    count: i64,
) -> impl Iterator<Item = (i64, Option<Member<'a>>)> + 'v {
    let in_range = move |m: &&Member| start <= m.ordinal && m.ordinal < end;
    let listed = v.pods.iter().filter(in_range).count();
    let present = v.hidden + listed;
    let complete = usize::try_from(count).is_ok_and(|c| c == present);
    // When the set's pods in the range are exactly the first `present` ordinals (pods
    // are created in order), the rest of the range has none.
    let last_owned = v.group.filter(|_| v.hiding && !complete).and_then(|g| {
        let counted = g
            .within(start, end)
            .rev()
            .find(|(_, f)| f.controllers == 1 && OrdinalPods::is(&f.controller, v.set_uid))
            .map(|(o, _)| o);
        counted.max(v.pods.iter().filter(in_range).map(|m| m.ordinal).max())
    });
    let first_missing = i64::try_from(present)
        .ok()
        .and_then(|n| start.checked_add(n))
        .filter(|first| last_owned.is_none_or(|last| last.checked_add(1) == Some(*first)))
        .filter(|_| v.hiding && !complete);
    // Every ordinal up to `first_missing` (or all of them) has its pod: only the listed
    // ones can have work.
    let only_listed = (v.hiding && (complete || first_missing.is_some()))
        .then(|| v.pods.iter().filter(in_range).map(|m| m.ordinal));
    let after = first_missing.map(|first| first..end);
    let every = (!v.hiding || (!complete && first_missing.is_none())).then_some(start..end);
    // The ordinals of the pods with the set as their one controller, listed or not.
    let mut counted = v
        .group
        .filter(|_| v.hiding && every.is_some())
        .into_iter()
        .flat_map(move |g| g.within(start, end))
        .filter(|(_, f)| f.controllers == 1 && OrdinalPods::is(&f.controller, v.set_uid))
        .map(|(ordinal, _)| ordinal)
        .peekable();
    let mut cursor = 0;
    only_listed
        .into_iter()
        .flatten()
        .chain(after.into_iter().flatten())
        .chain(every.into_iter().flatten())
        .map(move |o| {
            while v.pods.get(cursor).is_some_and(|m| m.ordinal < o) {
                cursor += 1;
            }
            let mut found = None;
            while let Some(m) = v.pods.get(cursor).filter(|m| m.ordinal == o) {
                found = Some(*m);
                cursor += 1;
            }
            let hidden = counted.next_if_eq(&o).is_some() && found.is_none();
            (o, found, hidden)
        })
        .filter(|(_, _, hidden)| !hidden)
        .map(|(o, found, _)| (o, found))
}

/// The StatefulSet controller, one set at a time in namespace and name order. A set has
/// work again when it changes, when a revision, an event about it, or a claim or pod in
/// its namespace changes in a way it reads, and when the clock moves (minReadySeconds).
pub const PASS: Part = Part {
    kinds: &[Kind::StatefulSet],
    slot: |_| Some(String::new()),
    one: |world, key| match world.get(key) {
        Some(Object::StatefulSet(set)) => sync(world, set),
        _ => Decision::idle(),
    },
    touched: |world, key, before, after, mark| {
        let reads = match key.0 {
            Kind::ControllerRevision => true,
            Kind::Pod => pod_as_read(before) != pod_as_read(after),
            Kind::PersistentVolumeClaim => claim_as_read(before) != claim_as_read(after),
            Kind::Event => {
                if let Some(set) = queue::involved(before, after, Kind::StatefulSet) {
                    mark(set);
                }
                false
            }
            _ => false,
        };
        if reads {
            for set in world.of_kind(Kind::StatefulSet) {
                if set.namespace() == key.1 {
                    mark(key_of(set));
                }
            }
        }
    },
};

/// What the controller reads of a pod: its metadata, Ready condition and phase.
type PodAsRead<'a> = (
    (queue::MetaAsRead<'a>, Option<&'a Condition>),
    Option<&'a str>,
);

fn pod_as_read(object: Option<&Object>) -> Option<PodAsRead<'_>> {
    let Some(Object::Pod(pod)) = object else {
        return None;
    };
    let phase = pod.status.as_ref().and_then(|s| s.phase.as_deref());
    Some((queue::pod_as_read(pod), phase))
}

/// What the controller reads of a claim: that it exists, whether it is being deleted,
/// and its ownerReferences.
fn claim_as_read(object: Option<&Object>) -> Option<(Option<&str>, &[OwnerReference])> {
    let Some(Object::PersistentVolumeClaim(claim)) = object else {
        return None;
    };
    Some((
        claim.metadata.deletion_timestamp.as_deref(),
        &claim.metadata.owner_references,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a set of `replicas` under `policy` to settled and reports, after each step,
    /// how many of the set's pods the view listed and how many it counted instead.
    fn views(policy: &str, replicas: usize) -> Vec<(usize, usize)> {
        use crate::engine::sim::Simulation;
        let yaml = format!(
            "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {{storageclass.kubernetes.io/is-default-class: \"true\"}}
provisioner: ebs.csi.aws.com
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {{name: web}}
spec:
  replicas: {replicas}
  podManagementPolicy: {policy}
  selector: {{matchLabels: {{app: web}}}}
  template:
    metadata: {{labels: {{app: web}}}}
    spec: {{containers: [{{name: c, image: nginx:1.27}}]}}
  volumeClaimTemplates:
  - metadata: {{name: data}}
    spec: {{accessModes: [ReadWriteOnce], resources: {{requests: {{storage: 1Gi}}}}}}
"
        );
        let mut sim = Simulation::new(3);
        crate::engine::sim::create_objects(&mut sim, &yaml, |_| {});
        let mut seen = Vec::new();
        loop {
            let world = sim.world();
            if let Some(Object::StatefulSet(set)) = world.find(Kind::StatefulSet, "default", "web")
            {
                let v = view(world, set, true);
                seen.push((v.pods.len(), v.hidden));
            }
            if !sim.step() {
                break;
            }
        }
        seen
    }

    /// A sync reads only the pods that can give it work: once the set has settled it
    /// lists none and counts them all, and along the way it lists far fewer than there
    /// are. (Debug builds check at every sync that it decides as reading every pod does.)
    #[test]
    fn a_sync_counts_the_pods_that_cannot_give_it_work() {
        for policy in ["Parallel", "OrderedReady"] {
            let seen = views(policy, 30);
            assert_eq!(seen.last(), Some(&(0, 30)), "{policy}");
            let listed: usize = seen.iter().map(|(listed, _)| listed).sum();
            let counted: usize = seen.iter().map(|(_, hidden)| hidden).sum();
            assert!(
                listed * 4 < counted,
                "{policy}: listed {listed}, counted {counted}"
            );
        }
    }

    #[test]
    fn parent_and_ordinal() {
        let cases = [
            ("foo-1", ("foo", 1)),
            ("1-bar", ("", -1)),
            ("web-10", ("web", 10)),
            ("a-b-0", ("a-b", 0)),
            ("web", ("", -1)),
            ("123", ("", -1)),
        ];
        for (name, want) in cases {
            assert_eq!(parent_name_and_ordinal(name), want, "{name}");
        }
        assert_eq!(claim_name("volume", "my-set", 2), "volume-my-set-2");
    }

    fn ready_pod(since: Option<&str>) -> Pod {
        Pod {
            status: Some(PodStatus {
                phase: Some("Running".into()),
                conditions: vec![Condition {
                    type_: "Ready".into(),
                    status: "True".into(),
                    last_transition_time: since.map(Into::into),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn availability_follows_is_pod_available() {
        let now = parse_rfc3339("2024-01-01T00:01:00Z").unwrap_or_default();
        // Without minReadySeconds a ready pod is available whatever its transition time says.
        assert!(is_available(&ready_pod(None), 0, now));
        assert!(is_available(
            &ready_pod(Some("2024-01-01T00:05:00Z")),
            0,
            now
        ));
        // With it, the Ready condition must be old enough, and have a time at all.
        assert!(!is_available(&ready_pod(None), 10, now));
        assert!(is_available(
            &ready_pod(Some("2024-01-01T00:00:30Z")),
            10,
            now
        ));
        assert!(!is_available(
            &ready_pod(Some("2024-01-01T00:00:55Z")),
            10,
            now
        ));
        let mut pending = ready_pod(None);
        if let Some(status) = pending.status.as_mut() {
            status.phase = Some("Pending".into());
        }
        assert!(!is_available(&pending, 0, now));
    }

    #[test]
    fn revision_names_use_the_safe_alphabet() {
        let hash = revision_hash(&crate::json::json!({"spec": 1}), 0);
        assert!(hash.len() <= 10 && !hash.is_empty());
        assert!(hash.chars().all(|c| "456789bcdf".contains(c)), "{hash}");
        assert_ne!(hash, revision_hash(&crate::json::json!({"spec": 1}), 1));
    }
}
