//! The world: every stored object, the logical clock, the counters and the seeded random
//! generator, and the cluster a simulation starts with (three Ready nodes, the
//! namespaces and the `kubernetes` and `kube-dns` Services). Controllers read it; only
//! `apply` in `sim.rs` and the API server in `api.rs` write it.

use super::chunked::Chunked;
use crate::manifest::model::*;
use crate::time::{rfc3339, EPOCH_MS};
use crate::vecmap::{VecMap, VecSet};
use std::rc::Rc;

/// Where an object lives: kind, namespace (`""` for cluster objects), name.
pub type Key = (Kind, String, String);

pub fn key_of(object: &Object) -> Key {
    (
        object.kind(),
        object.namespace().to_string(),
        object.name().to_string(),
    )
}

/// A small, fast, seeded generator (PCG-XSH-RR 64/32). Lives inside the world so that a
/// run replays exactly from its seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut rng = Rng {
            state: seed.wrapping_add(0x853c_49e6_748f_ea9b),
        };
        rng.next_u32();
        rng
    }

    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        self.next_u32() % n
    }
}

/// Delays of the simulated components, in milliseconds. Documented defaults; a scenario
/// may override them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timing {
    /// From a pod being bound to a node until its sandbox (and IP) is ready.
    pub sandbox_ms: i64,
    /// Pulling an image a node does not have yet.
    pub pull_ms: i64,
    /// Creating and starting a container once the image is there.
    pub start_ms: i64,
    /// How long containers take to stop after SIGTERM (capped by the grace period).
    pub stop_ms: i64,
    /// How long an external provisioner takes to create a volume.
    pub provision_ms: i64,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            sandbox_ms: 1000,
            pull_ms: 2000,
            start_ms: 1000,
            stop_ms: 2000,
            provision_ms: 3000,
        }
    }
}

/// The state of the simulated cluster at one moment.
#[derive(Clone, Debug)]
pub struct World {
    pub now_ms: i64,
    /// kind → namespace → name → object: lookups by `&str`, iteration in key order.
    /// Objects, and the chunks of names that hold them, are shared between copies of the
    /// world (checkpoints) until one is written, so keeping a checkpoint costs a pointer
    /// per chunk, not a copy of every entry.
    objects: VecMap<Kind, VecMap<Name, Chunked<Name, Rc<Object>>>>,
    next_resource_version: u64,
    next_event: u64,
    pub rng: Rng,
    pub timing: Timing,
    /// The kubelets' bookkeeping, shared between copies of the world until one changes it.
    books: Rc<Books>,
    /// Events by the uid of the object they are about, so components can ask "did I
    /// already say this?" without reading every event. Each list is shared between copies
    /// of the world until one of them changes it.
    events_by_uid: Chunked<Name, Rc<Vec<EventEntry>>>,
    /// Lookups derived from the objects, kept in step by every store and removal.
    index: Index,
    /// Every object stored or removed since the last `take_touched`, with what was there
    /// before: the simulation reads it to know which components must look again.
    touched: Vec<(Key, Option<Rc<Object>>)>,
}

/// An event in the list of the object it is about: the hash of what it says, its
/// namespace and its name.
type EventEntry = (u64, Name, Name);

/// What the kubelets remember between pods.
#[derive(Clone, Debug, Default)]
struct Books {
    /// Images each node has pulled: the kubelet says "already present on machine" for them.
    pulled: VecSet<(String, String)>,
    /// The next host number of each node's pod CIDR (host-local IPAM hands addresses out in order).
    next_pod_ip: VecMap<String, u32>,
}

/// What one step left in the world: each object it wrote, as it stood after the step (or
/// its absence), and the counters and bookkeeping as they stood. A world that stood where
/// the step began reaches where it ended by storing these, without deciding or writing
/// anything again (seeking).
#[derive(Clone, Debug)]
pub struct Redo {
    objects: Vec<(Key, Option<Rc<Object>>)>,
    next_resource_version: u64,
    next_event: u64,
    rng: Rng,
    books: Rc<Books>,
}

/// A name or namespace as the store keeps it: shared, so that keeping a copy of the
/// world (a checkpoint) copies pointers, not strings.
pub type Name = Rc<str>;

/// (namespace, name, related name) triples: one type for every index, so the
/// WebAssembly build holds one copy of the ordered-set code for them.
type Related = Chunked<(Name, Name, Name), ()>;

/// Lookups the controllers would otherwise find by reading every object.
#[derive(Clone, Debug, Default)]
struct Index {
    /// (namespace, claim, pod) for each pod whose volumes name that claim.
    claim_users: Related,
    /// (namespace, claim, volume) for each volume whose claimRef names that claim.
    reserved: Related,
    /// ("", "", volume) for each volume without a claimRef.
    free: Related,
    /// (volume, namespace, claim) for each claim whose spec.volumeName names that volume.
    volume_claims: Related,
    /// (uid, namespace, claim) for each claim.
    claim_uids: Related,
    /// How many pods each node runs, by (node, uid of the pod's first ownerReference).
    node_pods: VecMap<(Name, Option<Name>), usize>,
    /// Pods named `<parent>-<ordinal>`, by (namespace, parent).
    ordinal_pods: VecMap<(Name, Name), OrdinalPods>,
    /// Claims named `<prefix>-<ordinal>` (digits without a leading zero), by (namespace,
    /// prefix).
    ordinal_claims: VecMap<(Name, Name), OrdinalClaims>,
}

/// A pod named `<parent>-<ordinal>` as the StatefulSet controller reads it at every
/// sync, worked out once when the pod is stored.
#[derive(Clone, Debug)]
pub struct OrdinalPod {
    /// The stored pod.
    pub object: Rc<Object>,
    /// Running, with condition Ready True.
    pub ready: bool,
    /// While it is ready: when it became Ready (the condition's lastTransitionTime).
    pub ready_since: Option<i64>,
    /// Phase Failed or Succeeded.
    pub failed: bool,
    /// Phase Pending.
    pub pending: bool,
    /// Being deleted (it has a deletionTimestamp).
    pub terminating: bool,
    /// Its `controller-revision-hash` label: shared by every pod of the group with the
    /// same one (see `OrdinalPods::shared`).
    pub revision: Option<Name>,
    /// The uid of its one controller reference, shared the same way; `None` when it has
    /// no controller or more than one (`controllers` says which).
    pub controller: Option<Name>,
    /// How many of its ownerReferences say `controller: true`.
    pub controllers: usize,
}

/// The pods named `<parent>-<ordinal>` in one namespace, with the revision labels and
/// controller uids their facts share: equal strings are one shared string, so a sync
/// tells them apart by pointer instead of reading every pod's strings.
///
/// The pods with one controller are also counted by (controller, revision), and the
/// unhealthy and odd ones kept apart, so that a sync can read only the pods that may
/// give it work and count the rest.
#[derive(Clone, Debug, Default)]
pub struct OrdinalPods {
    by_ordinal: Chunked<(i64, Name), OrdinalPod>,
    /// The entries that are not healthy (see `OrdinalPod::healthy`). (The same map type
    /// as `by_ordinal`, so the WebAssembly build holds one copy of its code.)
    unhealthy: Chunked<(i64, Name), OrdinalPod>,
    /// The entries that are odd (see `OrdinalPod::odd`).
    odd: Chunked<(i64, Name), OrdinalPod>,
    /// The entries with one controller, counted by (controller, revision), in string order.
    tallies: Vec<Tally>,
    /// How many entries share their ordinal with another (`web-1` and `web-01`).
    shared_ordinals: usize,
    strings: Vec<Name>,
}

/// The pods with one controller and one revision: how many, how many of them are ready,
/// and how many are being deleted.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub controller: Name,
    pub revision: Option<Name>,
    pub pods: usize,
    pub ready: usize,
    pub terminating: usize,
}

impl OrdinalPods {
    /// The pods in (ordinal, name) order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &OrdinalPod)> {
        self.by_ordinal
            .iter()
            .map(|((ordinal, _), pod)| (*ordinal, pod))
    }

    /// The pods whose ordinal is below `start` or at least `end`, in (ordinal, name) order.
    pub fn outside(&self, start: i64, end: i64) -> impl Iterator<Item = (i64, &OrdinalPod)> {
        outside(&self.by_ordinal, start, end)
    }

    /// The unhealthy pods whose ordinal is below `start` or at least `end`.
    pub fn unhealthy_outside(
        &self,
        start: i64,
        end: i64,
    ) -> impl Iterator<Item = (i64, &OrdinalPod)> {
        outside(&self.unhealthy, start, end)
    }

    /// The pods whose ordinal is at least `start` and below `end`, in (ordinal, name) order.
    pub fn within(
        &self,
        start: i64,
        end: i64,
    ) -> impl DoubleEndedIterator<Item = (i64, &OrdinalPod)> {
        let range = (start < end).then(|| (start, Name::from(""))..(end, Name::from("")));
        range
            .into_iter()
            .flat_map(|r| self.by_ordinal.range(r))
            .map(|((ordinal, _), pod)| (*ordinal, pod))
    }

    /// The pods that are not healthy, in (ordinal, name) order.
    pub fn unhealthy(&self) -> impl DoubleEndedIterator<Item = (i64, &OrdinalPod)> {
        self.unhealthy
            .iter()
            .map(|((ordinal, _), pod)| (*ordinal, pod))
    }

    /// The pods that are odd, in (ordinal, name) order.
    pub fn odd(&self) -> impl Iterator<Item = (i64, &OrdinalPod)> {
        self.odd.iter().map(|((ordinal, _), pod)| (*ordinal, pod))
    }

    /// The pods with one controller, counted by (controller, revision).
    pub fn tallies(&self) -> &[Tally] {
        &self.tallies
    }

    /// How many pods share their ordinal with another.
    pub fn shared_ordinals(&self) -> usize {
        self.shared_ordinals
    }

    /// The shared string equal to `text`, if a pod's facts hold one: a revision or a
    /// controller uid that no pod has gives `None`.
    pub fn shared(&self, text: &str) -> Option<&Name> {
        self.strings.iter().find(|s| ***s == *text)
    }

    /// Whether a pod's shared string is `text` as found by `shared`.
    pub fn is(string: &Option<Name>, shared: Option<&Name>) -> bool {
        matches!((string, shared), (Some(a), Some(b)) if Rc::ptr_eq(a, b))
    }

    fn intern(&mut self, string: &mut Option<Name>) {
        if let Some(s) = string {
            match self.strings.iter().find(|known| **known == *s) {
                Some(known) => *s = known.clone(),
                None => self.strings.push(s.clone()),
            }
        }
    }

    /// Debug builds: the tallies, the unhealthy and odd entries and the shared ordinals
    /// are what the entries say.
    #[cfg(debug_assertions)]
    pub fn check(&self) {
        let keys = |keep: fn(&OrdinalPod) -> bool| -> Vec<(i64, Name)> {
            self.by_ordinal
                .iter()
                .filter(|(_, p)| keep(p))
                .map(|(k, _)| k.clone())
                .collect()
        };
        let kept = |map: &Chunked<(i64, Name), OrdinalPod>| -> Vec<(i64, Name)> {
            map.keys().cloned().collect()
        };
        assert_eq!(
            keys(|p| !p.healthy()),
            kept(&self.unhealthy),
            "unhealthy pods"
        );
        assert_eq!(keys(OrdinalPod::odd), kept(&self.odd), "odd pods");
        let mut tallies = OrdinalPods::default();
        for pod in self.by_ordinal.values() {
            tallies.tally(pod, true);
        }
        assert_eq!(tallies.tallies, self.tallies, "tallies");
        let mut ordinals: Vec<i64> = self.by_ordinal.keys().map(|k| k.0).collect();
        let all = ordinals.len();
        ordinals.dedup();
        assert_eq!(
            self.shared_ordinals,
            all - ordinals.len(),
            "shared ordinals"
        );
    }

    /// Whether another entry than `entry` has its ordinal.
    fn ordinal_shared(&self, entry: &(i64, Name)) -> bool {
        self.by_ordinal
            .range((entry.0, Name::from(""))..)
            .take_while(|((ordinal, _), _)| *ordinal == entry.0)
            .any(|((_, name), _)| *name != entry.1)
    }

    /// Counts an entry with one controller in (`add`) or out.
    fn tally(&mut self, facts: &OrdinalPod, add: bool) {
        let Some(controller) = facts.controller.clone().filter(|_| facts.controllers == 1) else {
            return;
        };
        let key = (controller, facts.revision.clone());
        let at = self
            .tallies
            .partition_point(|t| (&t.controller, &t.revision) < (&key.0, &key.1));
        let found = self
            .tallies
            .get_mut(at)
            .filter(|t| (&t.controller, &t.revision) == (&key.0, &key.1));
        let tally = match found {
            Some(tally) => tally,
            None if add => {
                self.tallies.insert(
                    at,
                    Tally {
                        controller: key.0,
                        revision: key.1,
                        pods: 0,
                        ready: 0,
                        terminating: 0,
                    },
                );
                &mut self.tallies[at]
            }
            None => return,
        };
        let step = |n: &mut usize, counts: bool| {
            if counts {
                *n = if add { *n + 1 } else { n.saturating_sub(1) };
            }
        };
        step(&mut tally.pods, true);
        step(&mut tally.ready, facts.ready);
        step(&mut tally.terminating, facts.terminating);
        if tally.pods == 0 {
            self.tallies.remove(at);
        }
    }

    /// Takes an entry's facts out of the tallies and the unhealthy and odd entries.
    fn forget(&mut self, entry: &(i64, Name)) {
        if let Some(old) = self.by_ordinal.get(entry).cloned() {
            self.tally(&old, false);
            self.unhealthy.remove(entry);
            self.odd.remove(entry);
        }
    }

    fn insert(&mut self, entry: (i64, Name), mut facts: OrdinalPod) {
        self.intern(&mut facts.revision);
        self.intern(&mut facts.controller);
        self.forget(&entry);
        self.tally(&facts, true);
        if !facts.healthy() {
            self.unhealthy.insert(entry.clone(), facts.clone());
        }
        if facts.odd() {
            self.odd.insert(entry.clone(), facts.clone());
        }
        let shared = self.ordinal_shared(&entry);
        if self.by_ordinal.insert(entry, facts).is_none() && shared {
            self.shared_ordinals += 1;
        }
        // Strings no pod holds any more are dropped once they are many.
        if self.strings.len() > 16 + 2 * self.by_ordinal.len() {
            self.strings
                .retain(|s| self.by_ordinal.values().any(|p| p.holds(s)));
        }
    }

    fn remove(&mut self, entry: &(i64, Name)) {
        self.forget(entry);
        if self.by_ordinal.remove(entry).is_some() && self.ordinal_shared(entry) {
            self.shared_ordinals -= 1;
        }
    }
}

/// The entries of `map` whose ordinal is below `start` or at least `end`, in order.
fn outside(
    map: &Chunked<(i64, Name), OrdinalPod>,
    start: i64,
    end: i64,
) -> impl Iterator<Item = (i64, &OrdinalPod)> {
    let below = map.range(..(start, Name::from("")));
    let above = map.range((end.max(start), Name::from(""))..);
    below
        .chain(above)
        .map(|((ordinal, _), pod)| (*ordinal, pod))
}

impl OrdinalPod {
    /// Running and Ready, and not being deleted.
    pub fn healthy(&self) -> bool {
        self.ready && !self.terminating
    }

    /// Failed or Succeeded, or without exactly one controller: a pod a sync must read
    /// whatever its set asks.
    pub fn odd(&self) -> bool {
        self.failed || self.controllers != 1 || self.controller.is_none()
    }

    fn holds(&self, string: &Name) -> bool {
        OrdinalPods::is(&self.revision, Some(string))
            || OrdinalPods::is(&self.controller, Some(string))
    }

    fn of(object: &Rc<Object>) -> Option<OrdinalPod> {
        let Object::Pod(pod) = &**object else {
            return None;
        };
        let ready = super::statefulset::is_running_and_ready(pod);
        let phase = pod.status.as_ref().and_then(|s| s.phase.as_deref());
        let controllers: Vec<&OwnerReference> = pod
            .metadata
            .owner_references
            .iter()
            .filter(|r| r.controller == Some(true))
            .collect();
        Some(OrdinalPod {
            object: object.clone(),
            ready,
            ready_since: if ready {
                super::statefulset::ready_since(pod)
            } else {
                None
            },
            failed: matches!(phase, Some("Failed" | "Succeeded")),
            pending: phase == Some("Pending"),
            terminating: super::statefulset::is_terminating(pod),
            revision: pod
                .metadata
                .labels
                .get(super::statefulset::REVISION_LABEL)
                .map(|r| Name::from(r.as_str())),
            controller: match controllers.as_slice() {
                [one] => Some(Name::from(one.uid.as_str())),
                _ => None,
            },
            controllers: controllers.len(),
        })
    }
}

/// The claims named `<prefix>-<ordinal>` in one namespace, as the StatefulSet
/// controller reads them at every sync.
#[derive(Clone, Debug, Default)]
pub struct OrdinalClaims {
    by_ordinal: Chunked<i64, Rc<Object>>,
    /// The claims with ownerReferences: under a retention policy that wants no owner, the
    /// only claims a sync may have to change. (The same map type as `by_ordinal`, so the
    /// WebAssembly build holds one copy of its code.)
    with_owners: Chunked<i64, Rc<Object>>,
}

impl OrdinalClaims {
    /// The claim `<prefix>-<ordinal>`.
    pub fn get(&self, ordinal: i64) -> Option<&PersistentVolumeClaim> {
        match self.by_ordinal.get(&ordinal).map(|o| &**o) {
            Some(Object::PersistentVolumeClaim(c)) => Some(c),
            _ => None,
        }
    }

    /// `(first, last)` when the claims' ordinals run without a gap from first to last:
    /// then an ordinal has a claim exactly when it lies between them.
    pub fn span(&self) -> Option<(i64, i64)> {
        let (first, _) = self.by_ordinal.first_key_value()?;
        let (last, _) = self.by_ordinal.last_key_value()?;
        let len = i64::try_from(self.by_ordinal.len()).ok()?;
        (last.checked_sub(*first)?.checked_add(1)? == len).then_some((*first, *last))
    }

    /// Whether any of the claims has ownerReferences.
    pub fn any_owners(&self) -> bool {
        !self.with_owners.is_empty()
    }

    /// Whether the claim `<prefix>-<ordinal>` has ownerReferences.
    pub fn has_owners(&self, ordinal: i64) -> bool {
        self.with_owners.contains_key(&ordinal)
    }

    fn put(&mut self, ordinal: i64, claim: &Rc<Object>) {
        if claim.meta().owner_references.is_empty() {
            self.with_owners.remove(&ordinal);
        } else {
            self.with_owners.insert(ordinal, claim.clone());
        }
        self.by_ordinal.insert(ordinal, claim.clone());
    }

    fn remove(&mut self, ordinal: i64) {
        self.with_owners.remove(&ordinal);
        self.by_ordinal.remove(&ordinal);
    }
}

/// `(prefix, ordinal)` of a name `<prefix>-<digits>` whose digits have no leading zero:
/// the names the StatefulSet controller gives claims.
fn claim_prefix_and_ordinal(name: &str) -> Option<(&str, i64)> {
    let (prefix, digits) = name.rsplit_once('-')?;
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    Some((prefix, digits.parse().ok()?))
}

/// Adds or removes (namespace, name, item).
fn relate(map: &mut Related, namespace: &str, name: &str, item: &str, add: bool) {
    let triple = (namespace.into(), name.into(), item.into());
    if add {
        map.insert(triple, ());
    } else {
        map.remove(&triple);
    }
}

/// The items kept under (namespace, name), in order.
fn related<'a>(map: &'a Related, namespace: &str, name: &str) -> impl Iterator<Item = &'a str> {
    let from: (Name, Name, Name) = (namespace.into(), name.into(), "".into());
    let (ns, claim) = (from.0.clone(), from.1.clone());
    map.range(from..)
        .map(|(key, _)| key)
        .take_while(move |(n, c, _)| *n == ns && *c == claim)
        .map(|(_, _, item)| &**item)
}

/// The (second, third) of every entry whose first is `first`, in order.
fn under<'a>(map: &'a Related, first: &str) -> impl Iterator<Item = (&'a str, &'a str)> {
    let from: (Name, Name, Name) = (first.into(), "".into(), "".into());
    let first = from.0.clone();
    map.range(from..)
        .map(|(key, _)| key)
        .take_while(move |(f, _, _)| *f == first)
        .map(|(_, second, third)| (&**second, &**third))
}

/// A 64-bit FNV-1a hash of what an event says, so finding the event to count again
/// compares numbers first.
fn event_text_hash(reason: &str, message: &str, component: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [reason, message, component] {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The claims a pod's volumes name, as (namespace, claim).
pub fn pod_claims(pod: &Pod) -> impl Iterator<Item = (String, String)> + '_ {
    let ns = pod.metadata.namespace.clone().unwrap_or_default();
    pod.spec
        .volumes
        .iter()
        .filter_map(|v| v.persistent_volume_claim.as_ref())
        .map(move |c| (ns.clone(), c.claim_name.clone()))
}

/// The claim a volume's claimRef names, as (namespace, claim).
pub fn volume_claim(volume: &PersistentVolume) -> Option<(String, String)> {
    volume.spec.claim_ref.as_ref().map(|r| {
        (
            r.namespace.clone().unwrap_or_default(),
            r.name.clone().unwrap_or_default(),
        )
    })
}

/// The uid of a pod's first ownerReference: the scheduler spreads pods with the same one.
pub fn first_owner(pod: &Pod) -> Option<&str> {
    pod.metadata
        .owner_references
        .first()
        .map(|o| o.uid.as_str())
}

/// Whether two versions of an object (same kind, namespace and name) say the same to
/// the indexes: a pod's volumes, node and first owner, a volume's claimRef.
fn same_for_index(old: &Object, new: &Object) -> bool {
    match (old, new) {
        (Object::Pod(a), Object::Pod(b)) => {
            a.spec.volumes == b.spec.volumes
                && a.spec.node_name == b.spec.node_name
                && first_owner(a) == first_owner(b)
        }
        (Object::PersistentVolume(a), Object::PersistentVolume(b)) => {
            let (a, b) = (a.spec.claim_ref.as_ref(), b.spec.claim_ref.as_ref());
            a.map(|r| (&r.namespace, &r.name)) == b.map(|r| (&r.namespace, &r.name))
        }
        (Object::PersistentVolumeClaim(a), Object::PersistentVolumeClaim(b)) => {
            a.spec.volume_name == b.spec.volume_name && a.metadata.uid == b.metadata.uid
        }
        (Object::Pod(_) | Object::PersistentVolume(_) | Object::PersistentVolumeClaim(_), _)
        | (_, Object::Pod(_) | Object::PersistentVolume(_) | Object::PersistentVolumeClaim(_)) => {
            false
        }
        _ => true,
    }
}

impl Index {
    /// Keeps the ordinal lookups in step with a store (`Some`) or removal (`None`) of
    /// the object under `key`. Every pod and claim write counts: their status is read.
    fn update_ordinals(&mut self, key: &Key, object: Option<&Rc<Object>>) {
        match key.0 {
            Kind::Pod => {
                let (parent, ordinal) = super::statefulset::parent_name_and_ordinal(&key.2);
                if ordinal < 0 {
                    return;
                }
                let group = (Name::from(key.1.as_str()), Name::from(parent));
                let entry = (ordinal, Name::from(key.2.as_str()));
                match object.and_then(OrdinalPod::of) {
                    Some(facts) => {
                        self.ordinal_pods
                            .entry(group)
                            .or_default()
                            .insert(entry, facts);
                    }
                    None => {
                        if let Some(pods) = self.ordinal_pods.get_mut(&group) {
                            pods.remove(&entry);
                            if pods.by_ordinal.is_empty() {
                                self.ordinal_pods.remove(&group);
                            }
                        }
                    }
                }
            }
            Kind::PersistentVolumeClaim => {
                let Some((prefix, ordinal)) = claim_prefix_and_ordinal(&key.2) else {
                    return;
                };
                let group = (Name::from(key.1.as_str()), Name::from(prefix));
                match object {
                    Some(claim) => {
                        self.ordinal_claims
                            .entry(group)
                            .or_default()
                            .put(ordinal, claim);
                    }
                    None => {
                        if let Some(claims) = self.ordinal_claims.get_mut(&group) {
                            claims.remove(ordinal);
                            if claims.by_ordinal.is_empty() {
                                self.ordinal_claims.remove(&group);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn update(&mut self, object: &Object, add: bool) {
        match object {
            Object::Pod(pod) => {
                for (ns, claim) in pod_claims(pod) {
                    relate(&mut self.claim_users, &ns, &claim, &pod.metadata.name, add);
                }
                if let Some(node) = &pod.spec.node_name {
                    let key = (Name::from(node.as_str()), first_owner(pod).map(Name::from));
                    let count = self.node_pods.entry(key.clone()).or_default();
                    *count = if add {
                        *count + 1
                    } else {
                        count.saturating_sub(1)
                    };
                    if *count == 0 {
                        self.node_pods.remove(&key);
                    }
                }
            }
            Object::PersistentVolumeClaim(claim) => {
                let ns = claim.metadata.namespace.as_deref().unwrap_or("");
                let name = &claim.metadata.name;
                if let Some(volume) = &claim.spec.volume_name {
                    relate(&mut self.volume_claims, volume, ns, name, add);
                }
                if let Some(uid) = &claim.metadata.uid {
                    relate(&mut self.claim_uids, uid, ns, name, add);
                }
            }
            Object::PersistentVolume(volume) => {
                let name = &volume.metadata.name;
                match volume_claim(volume) {
                    Some((ns, claim)) => relate(&mut self.reserved, &ns, &claim, name, add),
                    None => relate(&mut self.free, "", "", name, add),
                }
            }
            _ => {}
        }
    }
}

/// Nodes the default cluster has.
pub const DEFAULT_NODES: [&str; 3] = ["node-1", "node-2", "node-3"];
/// The namespaces of a fresh cluster.
pub const DEFAULT_NAMESPACES: [&str; 4] =
    ["default", "kube-node-lease", "kube-public", "kube-system"];
/// How long before the simulation starts the default cluster objects were created.
pub const CLUSTER_AGE_MS: i64 = 3 * 86_400_000;

impl World {
    /// An empty world at the epoch; see `with_default_cluster`.
    pub fn new(seed: u64) -> World {
        World {
            now_ms: EPOCH_MS,
            objects: VecMap::new(),
            next_resource_version: 1000,
            next_event: 1,
            rng: Rng::new(seed),
            timing: Timing::default(),
            books: Rc::default(),
            events_by_uid: Chunked::default(),
            index: Index::default(),
            touched: Vec::new(),
        }
    }

    /// The cluster every simulation starts from.
    pub fn with_default_cluster(seed: u64) -> World {
        let mut world = World::new(seed);
        let born = rfc3339(EPOCH_MS - CLUSTER_AGE_MS);
        for name in DEFAULT_NAMESPACES {
            let mut ns = Namespace {
                api_version: "v1".into(),
                kind: "Namespace".into(),
                metadata: ObjectMeta {
                    name: name.into(),
                    ..Default::default()
                },
                spec: None,
                status: Some(NamespaceStatus {
                    phase: Some("Active".into()),
                }),
            };
            ns.metadata
                .labels
                .insert("kubernetes.io/metadata.name".into(), name.into());
            world.insert_new(Object::Namespace(ns), &born);
        }
        for (i, name) in DEFAULT_NODES.iter().enumerate() {
            world.insert_new(Object::Node(default_node(name, i + 1)), &born);
        }
        let kubernetes = service(
            "default",
            "kubernetes",
            "10.96.0.1",
            vec![("https", 443, "TCP", IntOrString::Int(6443))],
            None,
            &[("component", "apiserver"), ("provider", "kubernetes")],
        );
        world.insert_new(Object::Service(kubernetes), &born);
        let dns = service(
            "kube-system",
            "kube-dns",
            "10.96.0.10",
            vec![
                ("dns", 53, "UDP", IntOrString::Int(53)),
                ("dns-tcp", 53, "TCP", IntOrString::Int(53)),
                ("metrics", 9153, "TCP", IntOrString::Int(9153)),
            ],
            None,
            &[
                ("k8s-app", "kube-dns"),
                ("kubernetes.io/cluster-service", "true"),
                ("kubernetes.io/name", "CoreDNS"),
            ],
        );
        world.insert_new(Object::Service(dns), &born);
        world.insert_new(Object::EndpointSlice(dns_slice()), &born);
        world.touched.clear();
        world
    }

    /// Puts an object into the store as the API server would on create: uid,
    /// resourceVersion, creationTimestamp, generation.
    pub fn insert_new(&mut self, mut object: Object, created: &str) -> Key {
        let uid = self.new_uid();
        let rv = self.bump_resource_version();
        let meta = object.meta_mut();
        meta.uid = Some(uid);
        meta.resource_version = Some(rv);
        meta.creation_timestamp = Some(created.to_string());
        if matches!(object.kind(), Kind::StatefulSet) {
            object.meta_mut().generation = Some(1);
        }
        let key = key_of(&object);
        self.index_event(&key, &object);
        self.store(key.clone(), object);
        key
    }

    fn store(&mut self, key: Key, object: Object) {
        self.store_shared(key, Rc::new(object));
    }

    fn store_shared(&mut self, key: Key, object: Rc<Object>) {
        let names = self
            .objects
            .entry(key.0)
            .or_default()
            .entry(key.1.as_str().into())
            .or_default();
        let old = match names.get_mut(key.2.as_str()) {
            Some(slot) => Some(std::mem::replace(slot, object.clone())),
            None => {
                names.insert(key.2.as_str().into(), object.clone());
                None
            }
        };
        // Most writes are status updates, which leave the indexed facts as they were.
        if !old
            .as_deref()
            .is_some_and(|old| same_for_index(old, &object))
        {
            if let Some(old) = &old {
                self.index.update(old, false);
            }
            self.index.update(&object, true);
        }
        self.index.update_ordinals(&key, Some(&object));
        self.touched.push((key, old));
    }

    /// What was stored or removed since the last call, each key with the object it held
    /// before (the first time it was touched); the objects after are in the store.
    pub fn take_touched(&mut self) -> Vec<(Key, Option<Rc<Object>>)> {
        std::mem::take(&mut self.touched)
    }

    /// What the writes that touched these keys left, for `redo`: each key once, in the
    /// order first touched, with the object it holds now.
    pub fn redo_of(&self, touched: Vec<(Key, Option<Rc<Object>>)>) -> Redo {
        let mut objects: Vec<(Key, Option<Rc<Object>>)> = Vec::with_capacity(touched.len());
        for (key, _) in touched {
            if !objects.iter().any(|(k, _)| *k == key) {
                let now = self.get_shared(&key);
                objects.push((key, now));
            }
        }
        Redo {
            objects,
            next_resource_version: self.next_resource_version,
            next_event: self.next_event,
            rng: self.rng.clone(),
            books: self.books.clone(),
        }
    }

    /// Brings the world from where a step began to where it ended (see `Redo`).
    pub fn redo(&mut self, redo: &Redo) {
        for (key, object) in &redo.objects {
            match object {
                Some(object) => {
                    self.index_event(key, object);
                    self.store_shared(key.clone(), object.clone());
                }
                None => {
                    self.remove(key);
                }
            }
        }
        self.next_resource_version = redo.next_resource_version;
        self.next_event = redo.next_event;
        self.rng = redo.rng.clone();
        self.books = redo.books.clone();
    }

    /// Whether `node` has pulled `image`.
    pub fn has_pulled(&self, node: &str, image: &str) -> bool {
        self.books
            .pulled
            .contains(&(node.to_string(), image.to_string()))
    }

    /// How many (node, image) pulls the kubelets remember.
    pub fn pulls(&self) -> usize {
        self.books.pulled.len()
    }

    /// The names of the pods (in the claim's namespace) whose volumes name this claim.
    pub fn claim_users<'a>(
        &'a self,
        namespace: &str,
        claim: &str,
    ) -> impl Iterator<Item = &'a str> {
        related(&self.index.claim_users, namespace, claim)
    }

    /// The pods in `namespace` named `<parent>-<ordinal>`, if there are any.
    pub fn ordinal_pods(&self, namespace: &str, parent: &str) -> Option<&OrdinalPods> {
        self.index
            .ordinal_pods
            .get(&(Name::from(namespace), Name::from(parent)))
    }

    /// The claims in `namespace` named `<prefix>-<ordinal>` (digits without a leading
    /// zero), if there are any.
    pub fn ordinal_claims(&self, namespace: &str, prefix: &str) -> Option<&OrdinalClaims> {
        self.index
            .ordinal_claims
            .get(&(Name::from(namespace), Name::from(prefix)))
    }

    /// (namespace, claim) of each claim whose spec.volumeName names this volume.
    pub fn claims_naming<'a>(&'a self, volume: &str) -> impl Iterator<Item = (&'a str, &'a str)> {
        under(&self.index.volume_claims, volume)
    }

    /// (namespace, claim) of each claim with this uid.
    pub fn claims_with_uid<'a>(&'a self, uid: &str) -> impl Iterator<Item = (&'a str, &'a str)> {
        under(&self.index.claim_uids, uid)
    }

    /// The volumes without a claimRef, in name order.
    pub fn free_volumes(&self) -> impl Iterator<Item = &PersistentVolume> {
        related(&self.index.free, "", "").filter_map(|n| {
            match self.find(Kind::PersistentVolume, "", n) {
                Some(Object::PersistentVolume(v)) => Some(v),
                _ => None,
            }
        })
    }

    /// The objects of a kind in a namespace whose names start with `prefix`, in name order.
    pub fn with_prefix(
        &self,
        kind: Kind,
        namespace: &str,
        prefix: String,
    ) -> impl Iterator<Item = &Object> {
        let names = self.objects.get(&kind).and_then(|n| n.get(namespace));
        let from = (
            std::ops::Bound::Included(prefix.as_str()),
            std::ops::Bound::Unbounded,
        );
        let found: Vec<&Object> = names
            .into_iter()
            .flat_map(|names| names.range::<str, _>(from))
            .take_while(|(name, _)| name.starts_with(prefix.as_str()))
            .map(|(_, o)| &**o)
            .collect();
        found.into_iter()
    }

    /// The volumes a claim could bind, in name order: those without a claimRef, those
    /// reserved for it, and the one it names. A volume whose claimRef names another claim
    /// never matches, so matching against these gives the same answer as against all.
    /// How many pods `node` runs: those whose first ownerReference has uid `owner` (none
    /// when `owner` is `None`), and all of them.
    pub fn node_load(&self, node: &str, owner: Option<&str>) -> (usize, usize) {
        let node = Name::from(node);
        let mut load = (0, 0);
        for ((_, uid), count) in self
            .index
            .node_pods
            .range((node.clone(), None)..)
            .take_while(|((n, _), _)| *n == node)
        {
            load.1 += count;
            if owner.is_some() && uid.as_deref() == owner {
                load.0 += count;
            }
        }
        load
    }

    pub fn volumes_for(&self, claim: &PersistentVolumeClaim) -> Vec<&PersistentVolume> {
        let ns = claim.metadata.namespace.as_deref().unwrap_or("");
        let mut found: Vec<&PersistentVolume> = self.free_volumes().collect();
        found.extend(self.reserved_volumes(ns, &claim.metadata.name));
        if let Some(Object::PersistentVolume(named)) = claim
            .spec
            .volume_name
            .as_deref()
            .and_then(|n| self.find(Kind::PersistentVolume, "", n))
        {
            found.push(named);
        }
        crate::sort::by(&mut found, |a, b| a.metadata.name.cmp(&b.metadata.name));
        found.dedup_by(|a, b| a.metadata.name == b.metadata.name);
        found
    }

    /// The volumes whose claimRef names this claim, in name order.
    pub fn reserved_volumes<'a>(
        &'a self,
        namespace: &str,
        claim: &str,
    ) -> impl Iterator<Item = &'a PersistentVolume> {
        related(&self.index.reserved, namespace, claim).filter_map(|n| {
            match self.find(Kind::PersistentVolume, "", n) {
                Some(Object::PersistentVolume(v)) => Some(v),
                _ => None,
            }
        })
    }

    /// Indexes an event about to be stored under `key`. An event already stored under
    /// that key about the same object keeps its entry (and its place in the order);
    /// one about another object gives its entry up.
    fn index_event(&mut self, key: &Key, object: &Object) {
        let Object::Event(e) = object else {
            return;
        };
        if let Some(Object::Event(old)) = self.get(key) {
            if old.involved_object.uid == e.involved_object.uid {
                return;
            }
            let old_uid = old.involved_object.uid.clone();
            self.unindex_event(key, old_uid.as_deref());
        }
        if let Some(uid) = &e.involved_object.uid {
            let says = event_text_hash(
                &e.reason,
                &e.message,
                e.source.component.as_deref().unwrap_or(""),
            );
            let entry = (says, key.1.as_str().into(), key.2.as_str().into());
            match self.events_by_uid.get_mut(uid.as_str()) {
                Some(list) => Rc::make_mut(list).push(entry),
                None => {
                    self.events_by_uid
                        .insert(uid.as_str().into(), Rc::new(vec![entry]));
                }
            }
        }
    }

    /// Drops the entry of the event stored under `key` about the object with `uid`.
    fn unindex_event(&mut self, key: &Key, uid: Option<&str>) {
        let Some(uid) = uid else {
            return;
        };
        if let Some(keys) = self.events_by_uid.get_mut(uid) {
            let about = |(_, ns, name): &EventEntry| **ns == *key.1 && **name == *key.2;
            if keys.iter().any(about) {
                Rc::make_mut(keys).retain(|e| !about(e));
            }
            if keys.is_empty() {
                self.events_by_uid.remove(uid);
            }
        }
    }

    /// The events recorded about the object with this uid, oldest first.
    pub fn events_for<'a>(&'a self, uid: &str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events_by_uid
            .get(uid)
            .into_iter()
            .flat_map(|keys| keys.iter())
            .filter_map(
                move |(_, ns, name)| match self.find(Kind::Event, ns, name) {
                    Some(Object::Event(e)) => Some(e),
                    _ => None,
                },
            )
    }

    /// The oldest event about the object with this uid and name that says this (reason,
    /// message, source component): what the event recorder counts again instead of
    /// recording it twice.
    pub fn event_saying(
        &self,
        (uid, name): (&str, &str),
        reason: &str,
        message: &str,
        component: &str,
    ) -> Option<&Event> {
        let says = event_text_hash(reason, message, component);
        self.events_by_uid
            .get(uid)?
            .iter()
            .filter(|(hash, _, _)| *hash == says)
            .filter_map(|(_, ns, name)| match self.find(Kind::Event, ns, name) {
                Some(Object::Event(e)) => Some(e),
                _ => None,
            })
            .find(|e| {
                e.reason == reason
                    && e.message == message
                    && e.involved_object.name.as_deref() == Some(name)
                    && e.source.component.as_deref() == Some(component)
            })
    }

    /// A version-4 UUID drawn from the world's generator.
    pub fn new_uid(&mut self) -> String {
        let mut bytes = [0u8; 16];
        for chunk in bytes.chunks_mut(4) {
            chunk.copy_from_slice(&self.rng.next_u32().to_le_bytes());
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut uid = String::with_capacity(36);
        for (i, b) in bytes.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                uid.push('-');
            }
            uid.push(char::from(HEX[usize::from(b >> 4)]));
            uid.push(char::from(HEX[usize::from(b & 0xf)]));
        }
        uid
    }

    pub fn bump_resource_version(&mut self) -> String {
        self.next_resource_version += 1;
        self.next_resource_version.to_string()
    }

    pub fn now(&self) -> String {
        rfc3339(self.now_ms)
    }

    pub fn get(&self, key: &Key) -> Option<&Object> {
        self.find(key.0, &key.1, &key.2)
    }

    pub fn find(&self, kind: Kind, namespace: &str, name: &str) -> Option<&Object> {
        self.objects
            .get(&kind)?
            .get(namespace)?
            .get(name)
            .map(|o| &**o)
    }

    /// The stored object itself, shared: cheap to keep while the world is written.
    pub fn get_shared(&self, key: &Key) -> Option<Rc<Object>> {
        self.objects
            .get(&key.0)?
            .get(key.1.as_str())?
            .get(key.2.as_str())
            .cloned()
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    /// Every object, in key order (kind, namespace, name).
    pub fn objects(&self) -> impl Iterator<Item = &Object> {
        self.objects
            .values()
            .flat_map(|namespaces| namespaces.values().flat_map(|names| names.values()))
            .map(|o| &**o)
    }

    /// The objects of one kind, in namespace and name order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Object> {
        self.objects
            .get(&kind)
            .into_iter()
            .flat_map(|namespaces| namespaces.values().flat_map(|names| names.values()))
            .map(|o| &**o)
    }

    pub fn pods(&self) -> impl Iterator<Item = &Pod> {
        self.of_kind(Kind::Pod).filter_map(|o| match o {
            Object::Pod(p) => Some(p),
            _ => None,
        })
    }

    pub fn claims(&self) -> impl Iterator<Item = &PersistentVolumeClaim> {
        self.of_kind(Kind::PersistentVolumeClaim)
            .filter_map(|o| match o {
                Object::PersistentVolumeClaim(c) => Some(c),
                _ => None,
            })
    }

    pub fn volumes(&self) -> impl Iterator<Item = &PersistentVolume> {
        self.of_kind(Kind::PersistentVolume)
            .filter_map(|o| match o {
                Object::PersistentVolume(v) => Some(v),
                _ => None,
            })
    }

    pub fn classes(&self) -> impl Iterator<Item = &StorageClass> {
        self.of_kind(Kind::StorageClass).filter_map(|o| match o {
            Object::StorageClass(c) => Some(c),
            _ => None,
        })
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.of_kind(Kind::Node).filter_map(|o| match o {
            Object::Node(n) => Some(n),
            _ => None,
        })
    }

    pub fn sets(&self) -> impl Iterator<Item = &StatefulSet> {
        self.of_kind(Kind::StatefulSet).filter_map(|o| match o {
            Object::StatefulSet(s) => Some(s),
            _ => None,
        })
    }

    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.of_kind(Kind::Service).filter_map(|o| match o {
            Object::Service(s) => Some(s),
            _ => None,
        })
    }

    /// Stores an object as given (metadata already maintained by the caller).
    pub fn put(&mut self, object: Object) {
        let key = key_of(&object);
        self.index_event(&key, &object);
        self.store(key, object);
    }

    pub fn remove(&mut self, key: &Key) -> Option<Rc<Object>> {
        let namespaces = self.objects.get_mut(&key.0)?;
        let names = namespaces.get_mut(key.1.as_str())?;
        let removed = names.remove(key.2.as_str());
        if names.is_empty() {
            namespaces.remove(key.1.as_str());
        }
        let removed = removed?;
        if let Object::Event(e) = &*removed {
            self.unindex_event(key, e.involved_object.uid.as_deref());
        }
        self.index.update(&removed, false);
        self.index.update_ordinals(key, None);
        self.touched.push((key.clone(), Some(removed.clone())));
        Some(removed)
    }

    /// A fresh event name for an involved object, like the API server's
    /// `<name>.<hex>` (client-go uses the time in nanoseconds in hex).
    pub fn event_name(&mut self, involved: &str) -> String {
        self.next_event += 1;
        let stamp = (self.now_ms as u64).wrapping_mul(1_000_000) + self.next_event;
        format!("{involved}.{stamp:x}")
    }

    /// The next pod IP on a node: 10.244.<n>.<host> from the node's pod CIDR, hosts
    /// handed out in order from .2 (as the host-local IPAM plugin does) and wrapping.
    pub fn peek_pod_ip(&self, node: &str) -> Option<String> {
        let cidr = match self.find(Kind::Node, "", node) {
            Some(Object::Node(n)) => n.spec.pod_cidr.clone(),
            _ => None,
        }?;
        let base = cidr.split('/').next()?;
        let octets: Vec<&str> = base.split('.').collect();
        let [a, b, c, _] = octets.as_slice() else {
            return None;
        };
        let host = self.books.next_pod_ip.get(node).copied().unwrap_or(2);
        Some(format!("{a}.{b}.{c}.{host}"))
    }

    /// Keeps the kubelet's bookkeeping in step with a pod write: an address handed out
    /// moves the node's IPAM on; a container started from an image means the node has it.
    pub fn note_pod_write(&mut self, before: Option<&Pod>, after: &Pod) {
        let Some(node) = after.spec.node_name.clone() else {
            return;
        };
        let had_ip = before
            .and_then(|p| p.status.as_ref())
            .and_then(|s| s.pod_ip.as_ref())
            .is_some();
        let has_ip = after
            .status
            .as_ref()
            .and_then(|s| s.pod_ip.as_ref())
            .is_some();
        if has_ip && !had_ip {
            let books = Rc::make_mut(&mut self.books);
            let host = books.next_pod_ip.entry(node.clone()).or_insert(2);
            *host = if *host >= 254 { 2 } else { *host + 1 };
        }
        if after.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running") {
            for c in &after.spec.containers {
                if let Some(image) = &c.image {
                    let pull = (node.clone(), image.clone());
                    if !self.books.pulled.contains(&pull) {
                        Rc::make_mut(&mut self.books).pulled.insert(pull);
                    }
                }
            }
        }
    }

    /// A ClusterIP for a new Service, drawn from 10.96.0.0/12 and never one in use.
    pub fn allocate_cluster_ip(&mut self) -> String {
        let used: VecSet<String> = self
            .services()
            .filter_map(|s| s.spec.cluster_ip.clone())
            .collect();
        for _ in 0..1000 {
            let n = self.rng.below(1 << 20);
            let ip = format!("10.{}.{}.{}", 96 + (n >> 16), (n >> 8) & 0xff, n & 0xff);
            if n & 0xff != 0 && n & 0xff != 255 && !used.contains(&ip) {
                return ip;
            }
        }
        "10.96.255.254".into()
    }
}

/// The endpoints of the cluster DNS: two CoreDNS pods on the control plane, which the
/// playground does not run as pods of its own (the kube-dns Service therefore has no
/// selector here, and this slice is fixed).
fn dns_slice() -> EndpointSlice {
    let mut metadata = ObjectMeta {
        name: "kube-dns-b7m4k".into(),
        namespace: Some("kube-system".into()),
        ..Default::default()
    };
    for (k, v) in [
        ("kubernetes.io/service-name", "kube-dns"),
        (
            "endpointslice.kubernetes.io/managed-by",
            "endpointslice-controller.k8s.io",
        ),
        ("k8s-app", "kube-dns"),
    ] {
        metadata.labels.insert(k.into(), v.into());
    }
    let endpoint = |ip: &str, pod: &str| Endpoint {
        addresses: vec![ip.into()],
        conditions: EndpointConditions {
            ready: Some(true),
            serving: Some(true),
            terminating: Some(false),
        },
        target_ref: Some(ObjectReference {
            kind: Some("Pod".into()),
            namespace: Some("kube-system".into()),
            name: Some(pod.into()),
            ..Default::default()
        }),
        node_name: Some("control-plane".into()),
        ..Default::default()
    };
    EndpointSlice {
        api_version: "discovery.k8s.io/v1".into(),
        kind: "EndpointSlice".into(),
        metadata,
        address_type: "IPv4".into(),
        endpoints: vec![
            endpoint("10.244.0.2", "coredns-668d6bf9bc-7vq2x"),
            endpoint("10.244.0.3", "coredns-668d6bf9bc-l5w8n"),
        ],
        ports: vec![
            EndpointPort {
                name: Some("dns".into()),
                port: Some(53),
                protocol: Some("UDP".into()),
            },
            EndpointPort {
                name: Some("dns-tcp".into()),
                port: Some(53),
                protocol: Some("TCP".into()),
            },
            EndpointPort {
                name: Some("metrics".into()),
                port: Some(9153),
                protocol: Some("TCP".into()),
            },
        ],
    }
}

fn default_node(name: &str, index: usize) -> Node {
    let mut metadata = ObjectMeta {
        name: name.into(),
        ..Default::default()
    };
    for (k, v) in [
        ("kubernetes.io/hostname", name),
        ("kubernetes.io/os", "linux"),
        ("kubernetes.io/arch", "amd64"),
        ("beta.kubernetes.io/os", "linux"),
        ("beta.kubernetes.io/arch", "amd64"),
    ] {
        metadata.labels.insert(k.into(), v.into());
    }
    Node {
        api_version: "v1".into(),
        kind: "Node".into(),
        metadata,
        spec: NodeSpec {
            pod_cidr: Some(format!("10.244.{index}.0/24")),
            ..Default::default()
        },
        status: Some(ready_node_status(&format!("172.18.0.{}", index + 1))),
    }
}

/// The status of a healthy node: Ready, with its internal address and capacity.
pub fn ready_node_status(address: &str) -> NodeStatus {
    NodeStatus {
        conditions: vec![Condition {
            type_: "Ready".into(),
            status: "True".into(),
            reason: Some("KubeletReady".into()),
            message: Some("kubelet is posting ready status".into()),
            last_transition_time: Some(rfc3339(EPOCH_MS - CLUSTER_AGE_MS)),
            ..Default::default()
        }],
        addresses: vec![NodeAddress {
            type_: "InternalIP".into(),
            address: address.into(),
        }],
        capacity: [
            ("cpu".to_string(), "4".to_string()),
            ("memory".to_string(), "8148204Ki".to_string()),
            ("pods".to_string(), "110".to_string()),
        ]
        .into(),
        ..Default::default()
    }
}

fn service(
    namespace: &str,
    name: &str,
    ip: &str,
    ports: Vec<(&str, i64, &str, IntOrString)>,
    selector: Option<&[(&str, &str)]>,
    labels: &[(&str, &str)],
) -> Service {
    let mut metadata = ObjectMeta {
        name: name.into(),
        namespace: Some(namespace.into()),
        ..Default::default()
    };
    for (k, v) in labels {
        metadata.labels.insert(k.to_string(), v.to_string());
    }
    Service {
        api_version: "v1".into(),
        kind: "Service".into(),
        metadata,
        spec: ServiceSpec {
            type_: Some("ClusterIP".into()),
            cluster_ip: Some(ip.into()),
            cluster_ips: vec![ip.into()],
            ports: ports
                .into_iter()
                .map(|(n, port, proto, target)| ServicePort {
                    name: Some(n.into()),
                    port,
                    protocol: Some(proto.into()),
                    target_port: Some(target),
                    ..Default::default()
                })
                .collect(),
            selector: selector.map(|s| {
                s.iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            }),
            ..Default::default()
        },
        status: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_replays_from_its_seed() {
        let a: Vec<u32> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u32()).collect()
        };
        let b: Vec<u32> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u32()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, {
            let mut r = Rng::new(8);
            (0..5).map(|_| r.next_u32()).collect::<Vec<_>>()
        });
    }

    fn event(name: &str, about: &str, message: &str) -> Object {
        Object::Event(Event {
            metadata: ObjectMeta {
                name: name.into(),
                namespace: Some("default".into()),
                ..Default::default()
            },
            involved_object: ObjectReference {
                name: Some("web".into()),
                uid: Some(about.into()),
                ..Default::default()
            },
            reason: "SuccessfulCreate".into(),
            message: message.into(),
            ..Default::default()
        })
    }

    fn messages<'a>(world: &'a World, uid: &str) -> Vec<&'a str> {
        world.events_for(uid).map(|e| e.message.as_str()).collect()
    }

    #[test]
    fn the_event_index_follows_stores_and_removals() {
        let mut world = World::with_default_cluster(1);
        world.put(event("web.1", "a", "one"));
        world.put(event("web.2", "a", "two"));
        // Counting an event again stores it under the same key: it keeps its place.
        world.put(event("web.1", "a", "one"));
        assert_eq!(messages(&world, "a"), ["one", "two"]);
        // A removed event is no longer found, and a new one under its name comes last.
        let key = (Kind::Event, "default".to_string(), "web.1".to_string());
        world.remove(&key);
        assert_eq!(messages(&world, "a"), ["two"]);
        world.put(event("web.1", "a", "again"));
        assert_eq!(messages(&world, "a"), ["two", "again"]);
        // An event rewritten to be about another object moves to it.
        world.put(event("web.2", "b", "moved"));
        assert_eq!(messages(&world, "a"), ["again"]);
        assert_eq!(messages(&world, "b"), ["moved"]);
    }

    #[test]
    fn default_cluster() {
        let mut world = World::with_default_cluster(1);
        assert_eq!(world.nodes().count(), 3);
        assert_eq!(world.of_kind(Kind::Namespace).count(), 4);
        assert_eq!(world.peek_pod_ip("node-2").as_deref(), Some("10.244.2.2"));
        let uid = world.new_uid();
        assert_eq!(uid.len(), 36);
        assert_eq!(&uid[14..15], "4");
        let ip = world.allocate_cluster_ip();
        assert!(ip.starts_with("10.9") || ip.starts_with("10.1"), "{ip}");
    }
}
