//! Work queues: which objects each controller must look at again. Every controller is a
//! set of passes; a pass visits objects of some kinds in a fixed order and the first
//! object with a write wins, as real controllers work through their queues. Asking every
//! pass about every object at every step would make a run quadratic, so each pass keeps
//! the objects it has not looked at since they (or what they depend on) changed, and
//! remembers what the others wait for. `step::apply` is the one writer: the world lists
//! what each step stored or removed, and each pass says which of its objects that touches.
//! Asking a pass through its queue gives the same answer as asking it about every
//! object (`full`); debug builds check this at every step.

use super::chunked::{Chunked, ChunkedSet};
use super::step::Decision;
use super::text::Text;
use super::world::{key_of, Key, World};
use crate::manifest::model::{Condition, Kind, Object, ObjectMeta, PersistentVolume, Pod};
use std::rc::Rc;

/// How many of the things components wait for a step keeps (the log shows three).
pub const WAITS_KEPT: usize = 3;

/// Where an object stands in a pass's order: a prefix (empty for key order) and its key.
pub type Slot = (String, Key);

/// Besides an object itself, which objects of a pass's kinds a change to an object
/// (key, before, after; the world is after) may give other work, each given to `mark`.
pub type Touched = fn(&World, &Key, Option<&Object>, Option<&Object>, &mut dyn FnMut(Key));

/// One pass of a controller.
pub struct Part {
    /// The kinds the pass visits.
    pub kinds: &'static [Kind],
    /// The order prefix of an object the pass visits; `None` for one it skips.
    pub slot: fn(&Object) -> Option<String>,
    /// The pass's decision for one object (idle when it is gone or skipped).
    pub one: fn(&World, &Key) -> Decision,
    /// Which objects a change gives work (see `Touched`).
    pub touched: Touched,
}

/// A pass that only looks again at the objects that changed.
pub fn only_itself(
    _: &World,
    _: &Key,
    _: Option<&Object>,
    _: Option<&Object>,
    _: &mut dyn FnMut(Key),
) {
}

/// The object an event is about, when it is of this kind.
pub fn involved(before: Option<&Object>, after: Option<&Object>, kind: Kind) -> Option<Key> {
    let Some(Object::Event(e)) = after.or(before) else {
        return None;
    };
    let involved = &e.involved_object;
    if involved.kind.as_deref() != Some(kind.name()) {
        return None;
    }
    Some((
        kind,
        involved.namespace.clone().unwrap_or_default(),
        involved.name.clone().unwrap_or_default(),
    ))
}

/// The volume a change wrote, before and after.
pub fn volumes<'a>(
    before: Option<&'a Object>,
    after: Option<&'a Object>,
) -> impl Iterator<Item = &'a PersistentVolume> + 'a {
    before.into_iter().chain(after).filter_map(|o| match o {
        Object::PersistentVolume(v) => Some(v),
        _ => None,
    })
}

/// A pod as controllers read it: its metadata without the resourceVersion (which every
/// write changes), and its Ready condition.
pub fn pod_as_read(pod: &Pod) -> (MetaAsRead<'_>, Option<&Condition>) {
    let ready = pod
        .status
        .as_ref()
        .and_then(|s| s.conditions.iter().find(|c| c.type_ == "Ready"));
    (MetaAsRead(&pod.metadata), ready)
}

/// An object's metadata compared without its resourceVersion, and without a copy.
#[derive(Debug)]
pub struct MetaAsRead<'a>(&'a ObjectMeta);

impl PartialEq for MetaAsRead<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Written out field by field, so a new field cannot be left out of the comparison.
        let ObjectMeta {
            name,
            generate_name,
            namespace,
            labels,
            annotations,
            uid,
            resource_version: _,
            generation,
            creation_timestamp,
            deletion_timestamp,
            deletion_grace_period_seconds,
            finalizers,
            owner_references,
            extra,
        } = self.0;
        let o = other.0;
        *name == o.name
            && *generate_name == o.generate_name
            && *namespace == o.namespace
            && *labels == o.labels
            && *annotations == o.annotations
            && *uid == o.uid
            && *generation == o.generation
            && *creation_timestamp == o.creation_timestamp
            && *deletion_timestamp == o.deletion_timestamp
            && *deletion_grace_period_seconds == o.deletion_grace_period_seconds
            && *finalizers == o.finalizers
            && *owner_references == o.owner_references
            && *extra == o.extra
    }
}

/// Every object a part visits, in its order.
fn slots(world: &World, part: &Part) -> ChunkedSet<Slot> {
    let mut slots = ChunkedSet::default();
    for kind in part.kinds {
        for object in world.of_kind(*kind) {
            if let Some(prefix) = (part.slot)(object) {
                slots.insert((prefix, key_of(object)));
            }
        }
    }
    slots
}

/// Gathers idle decisions in order: the first waits (up to `limit`) and the earliest timer.
#[derive(Default)]
pub struct Idle {
    pub waits: Vec<Text>,
    pub next_ms: Option<i64>,
}

impl Idle {
    pub fn add(&mut self, waits: Vec<Text>, next_ms: Option<i64>, limit: usize) {
        let room = limit.saturating_sub(self.waits.len());
        self.waits.extend(waits.into_iter().take(room));
        if let Some(n) = next_ms {
            self.next_ms = Some(self.next_ms.map_or(n, |m| m.min(n)));
        }
    }
}

/// A pass's decision from every object it visits, in order.
pub fn full(world: &World, part: &Part, idle: &mut Idle, limit: usize) -> Option<Decision> {
    for (_, key) in slots(world, part).iter() {
        match (part.one)(world, key) {
            Decision::Act(act) => return Some(Decision::Act(act)),
            Decision::Idle { waits, next_ms } => idle.add(waits, next_ms, limit),
        }
    }
    None
}

/// Asks the passes in order, each through `ask`; the first act wins. A controller made
/// of several passes (`group` numbers them) adds what it waits for only when none of its
/// passes acts, as a controller that acts says nothing of what it waits for.
pub fn in_order(
    parts: &[Part],
    group: &[usize],
    limit: usize,
    mut ask: impl FnMut(usize, &mut Idle) -> Option<Decision>,
) -> (Option<Decision>, Idle) {
    let mut idle = Idle::default();
    let mut mine = Idle::default();
    for i in 0..parts.len() {
        if let Some(act) = ask(i, &mut mine) {
            return (Some(act), idle);
        }
        if group.get(i + 1) != group.get(i) {
            let done = std::mem::take(&mut mine);
            idle.add(done.waits, done.next_ms, limit);
        }
    }
    (None, idle)
}

/// One pass's queue.
#[derive(Clone, Debug, Default)]
struct Queue {
    /// Objects to look at again, in the pass's order.
    dirty: ChunkedSet<Slot>,
    /// Objects looked at since they last changed that wait for something.
    waits: Chunked<Slot, Vec<Text>>,
    /// Objects looked at since they last changed that wait for a time.
    timers: ChunkedSet<(i64, Slot)>,
    /// Where each object with waits or a timer is filed.
    filed: Chunked<Key, (Slot, Option<i64>)>,
}

impl Queue {
    fn reset(&mut self, world: &World, part: &Part) {
        *self = Queue {
            dirty: slots(world, part),
            ..Queue::default()
        };
    }

    fn mark(&mut self, world: &World, part: &Part, key: Key) {
        let object = world.get(&key);
        self.mark_stored(part, key, object);
    }

    /// `mark` for an object already read from the world (`None` when it is gone).
    fn mark_stored(&mut self, part: &Part, key: Key, object: Option<&Object>) {
        if let Some((slot, timer)) = self.filed.remove(&key) {
            self.waits.remove(&slot);
            if let Some(t) = timer {
                self.timers.remove(&(t, slot));
            }
        }
        if let Some(prefix) = object.and_then(|o| (part.slot)(o)) {
            self.dirty.insert((prefix, key));
        }
    }

    /// Objects whose timer is due by `now` are looked at again.
    fn wake(&mut self, world: &World, part: &Part, now: i64) {
        while let Some((t, slot)) = self.timers.first().cloned() {
            if t > now {
                break;
            }
            self.mark(world, part, slot.1);
        }
    }

    fn decide(
        &mut self,
        world: &World,
        part: &Part,
        idle: &mut Idle,
        limit: usize,
    ) -> Option<Decision> {
        while let Some(slot) = self.dirty.first().cloned() {
            let current = world.get(&slot.1).and_then(|o| (part.slot)(o));
            if current.as_deref() != Some(slot.0.as_str()) {
                self.dirty.remove(&slot);
                continue;
            }
            match (part.one)(world, &slot.1) {
                Decision::Act(act) => return Some(Decision::Act(act)),
                Decision::Idle { waits, next_ms } => {
                    self.dirty.remove(&slot);
                    if waits.is_empty() && next_ms.is_none() {
                        continue;
                    }
                    self.filed.insert(slot.1.clone(), (slot.clone(), next_ms));
                    if let Some(t) = next_ms {
                        self.timers.insert((t, slot.clone()));
                    }
                    if !waits.is_empty() {
                        self.waits.insert(slot, waits);
                    }
                }
            }
        }
        for waits in self.waits.values() {
            if idle.waits.len() >= limit {
                break;
            }
            idle.add(waits.clone(), None, limit);
        }
        idle.add(Vec::new(), self.timers.first().map(|(t, _)| *t), limit);
        None
    }
}

/// The queues of every pass, kept by the simulation alongside the world at the cursor.
#[derive(Clone, Debug, Default)]
pub struct Queues {
    queues: Vec<Queue>,
    /// The clock when the queues were last asked.
    now_ms: i64,
}

/// Kinds whose change may give any object work (few, and rarely written).
fn global(kind: Kind) -> bool {
    matches!(kind, Kind::Namespace | Kind::Node | Kind::StorageClass)
}

impl Queues {
    /// Queues that will look at every object.
    pub fn reset(&mut self, world: &World, parts: &[Part]) {
        self.queues = parts
            .iter()
            .map(|part| {
                let mut q = Queue::default();
                q.reset(world, part);
                q
            })
            .collect();
        self.now_ms = world.now_ms;
    }

    /// Files what a step stored or removed (`World::take_touched`). `also` names the
    /// passes that must look at every object again (they read something else the step
    /// changed).
    pub fn touched(
        &mut self,
        world: &World,
        parts: &[Part],
        touched: &[(Key, Option<Rc<Object>>)],
        also: &[bool],
    ) {
        if self.queues.len() != parts.len() || touched.iter().any(|(key, _)| global(key.0)) {
            self.reset(world, parts);
            return;
        }
        for ((queue, part), again) in self.queues.iter_mut().zip(parts).zip(also) {
            if *again {
                queue.reset(world, part);
            }
        }
        for (key, before) in touched {
            let after = world.get(key);
            for (queue, part) in self.queues.iter_mut().zip(parts) {
                if part.kinds.contains(&key.0) {
                    queue.mark_stored(part, key.clone(), after);
                }
                let mut marks = Vec::new();
                (part.touched)(world, key, before.as_deref(), after, &mut |k| marks.push(k));
                for k in marks {
                    queue.mark(world, part, k);
                }
            }
        }
    }

    /// Every pass's decision in order, the first write winning; what the idle ones wait
    /// for (at most `limit`) and their earliest timer.
    pub fn decide(
        &mut self,
        world: &World,
        parts: &[Part],
        group: &[usize],
        clock_sensitive: &[bool],
        limit: usize,
    ) -> (Option<Decision>, Idle) {
        if self.queues.len() != parts.len() {
            self.reset(world, parts);
        }
        if world.now_ms != self.now_ms {
            for ((queue, part), sensitive) in self.queues.iter_mut().zip(parts).zip(clock_sensitive)
            {
                if *sensitive {
                    queue.reset(world, part);
                } else {
                    queue.wake(world, part, world.now_ms);
                }
            }
            self.now_ms = world.now_ms;
        }
        let queues = &mut self.queues;
        in_order(parts, group, limit, |i, idle| {
            queues[i].decide(world, &parts[i], idle, limit)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pod_reads_the_same_whatever_its_resource_version() {
        let mut a = Pod::default();
        a.metadata.name = "web-0".into();
        a.metadata.resource_version = Some("1001".into());
        let mut b = a.clone();
        b.metadata.resource_version = Some("1002".into());
        assert_eq!(pod_as_read(&a), pod_as_read(&b));
        b.metadata.labels.insert("app".into(), "web".into());
        assert_ne!(pod_as_read(&a), pod_as_read(&b));
        let mut c = a.clone();
        c.metadata.deletion_timestamp = Some("2024-01-01T00:00:00Z".into());
        assert_ne!(pod_as_read(&a), pod_as_read(&c));
    }
}
