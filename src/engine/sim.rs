//! The simulation: the input log (manifests and commands at given positions, and the
//! seed) is the truth; steps are computed from it and kept with what each left in the
//! world (`world::Redo`), so that any step can be reached again from the nearest
//! checkpoint by storing those objects, without deciding anything again.
//! Stepping forward past the end asks the components for the next write, advancing the
//! logical clock to the next timer when none has work. An input given while looking at
//! the past forks the history there.

use super::endpointslice::SERVICE_NAME_LABEL;
use super::queue::{self, Part, Queues, WAITS_KEPT};
use super::step::{self, Act, Decision, Step};
use super::text::Text;
use super::world::{Redo, Timing, World};
use super::{dns, endpoints, gc, kubelet, scheduler, statefulset, volume};
use crate::manifest::model::{Endpoint, EndpointSlice, Kind, Object};
use crate::vecmap::{VecMap, VecSet};
use std::rc::Rc;

/// How often (in steps) the world is kept whole, so seeking redoes at most this many steps.
const CHECKPOINT_EVERY: usize = 64;
/// Settling stops after this many steps…
pub const SETTLE_MAX_STEPS: usize = 200_000;
/// …or this much simulated time, and says so.
pub const SETTLE_MAX_MS: i64 = 3_600_000;

/// Something from outside the cluster, kept in the input log.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A write the API server accepted for a kubectl command (apply, delete, scale,
    /// patch…), with the command line that caused it.
    Act { command: String, act: Act },
}

/// How a run to the settled state ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settle {
    /// No component has work and no timer is pending.
    Settled,
    /// Stopped at a bound (steps or simulated time); the cluster may still be changing.
    Bounded { steps: usize, elapsed_ms: i64 },
}

/// Every controller's passes in the fixed order: garbage collector, StatefulSet
/// controller, PersistentVolume controller, provisioners, scheduler, kubelets,
/// EndpointSlice controller, protection controllers.
pub const PARTS: [Part; 11] = [
    gc::OWNERS,
    gc::ORPHANS,
    statefulset::PASS,
    volume::VOLUMES,
    volume::CLAIMS,
    volume::PROVISIONERS,
    scheduler::PASS,
    kubelet::PASS,
    endpoints::PASS,
    gc::PVC_PROTECTION_PASS,
    gc::PV_PROTECTION_PASS,
];

/// Which controller each pass belongs to.
const GROUP: [usize; 11] = [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 7];

/// Passes whose objects may have work again whenever the clock moves (a StatefulSet
/// counts pods available after minReadySeconds); the others say when with a timer.
const CLOCK_SENSITIVE: [bool; 11] = [
    false, false, true, false, false, false, false, false, false, false, false,
];

/// Passes that read which images the nodes have pulled (the kubelets): a pull gives
/// them work again.
const PULLS_READ: [bool; 11] = [
    false, false, false, false, false, false, false, true, false, false, false,
];

/// Every component's decision in the fixed order, asking each about every object; the
/// first act wins. Also what the idle ones wait for (at most `limit`) and their earliest timer.
pub fn decide_all(world: &World, limit: usize) -> (Option<Act>, Vec<Text>, Option<i64>) {
    let (decision, idle) = queue::in_order(&PARTS, &GROUP, limit, |i, idle| {
        queue::full(world, &PARTS[i], idle, limit)
    });
    match decision {
        Some(Decision::Act(act)) => (Some(act), idle.waits, idle.next_ms),
        _ => (None, idle.waits, idle.next_ms),
    }
}

/// Every component's decision in the fixed order; the first act wins.
pub fn decide(world: &World) -> (Option<Act>, Vec<Text>, Option<i64>) {
    decide_all(world, usize::MAX)
}

/// What the components are waiting for in this world.
pub fn waiting(world: &World) -> Vec<Text> {
    decide(world).1
}

#[derive(Clone, Debug)]
pub struct Simulation {
    seed: u64,
    /// The world before any step.
    base: World,
    /// Every step taken, and what it left in the world (with the clock it ran at).
    steps: Vec<Step>,
    redos: Vec<(i64, Redo)>,
    /// (step count, world after that many steps).
    checkpoints: Vec<(usize, World)>,
    /// The inputs, each with the number of steps before it.
    inputs: Vec<(usize, Input)>,
    cursor: usize,
    world: World,
    /// How many times the history forked (steps after the cursor were dropped).
    forks: u64,
    /// What each component must look at again in the world at the cursor.
    queues: Queues,
    /// The DNS names of the last Services a step wrote, with the objects they were made
    /// from: the next step about the same objects starts its DNS diff from them.
    dns_names: Option<DnsNames>,
}

/// DNS names and the stored objects (held, so none can be freed and its address reused)
/// they were worked out from.
#[derive(Clone, Debug)]
struct DnsNames {
    objects: Vec<Rc<Object>>,
    names: VecMap<String, Vec<String>>,
}

impl Simulation {
    pub fn new(seed: u64) -> Simulation {
        Simulation::with_world(seed, World::with_default_cluster(seed))
    }

    pub fn with_timing(seed: u64, timing: Timing) -> Simulation {
        let mut world = World::with_default_cluster(seed);
        world.timing = timing;
        Simulation::with_world(seed, world)
    }

    fn with_world(seed: u64, world: World) -> Simulation {
        Simulation {
            seed,
            base: world.clone(),
            steps: Vec::new(),
            redos: Vec::new(),
            checkpoints: Vec::new(),
            inputs: Vec::new(),
            cursor: 0,
            world,
            forks: 0,
            queues: Queues::default(),
            dns_names: None,
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The world at the cursor.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// Every step known (also those after the cursor).
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The number of steps taken to reach the world shown.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// How many times the history forked: with the number of steps it identifies the
    /// list of steps, which only grows between forks.
    pub fn forks(&self) -> u64 {
        self.forks
    }

    pub fn inputs(&self) -> &[(usize, Input)] {
        &self.inputs
    }

    /// Applies one act at the cursor, records the step, and keeps checkpoints.
    fn push(&mut self, act: Act) {
        self.push_waiting(act, Vec::new());
    }

    fn push_waiting(&mut self, act: Act, waits: Vec<Text>) {
        let scope = dns_scope(&self.world, &act);
        let before_dns = (!scope.is_empty()).then(|| {
            let objects = dns_shared(&self.world, &scope);
            let names = match self.dns_names.take() {
                Some(known) if same_objects(&known.objects, &objects) => {
                    debug_assert!(known.names == dns_names(&objects), "stale DNS names");
                    known.names
                }
                _ => dns_names(&objects),
            };
            DnsNames { objects, names }
        });
        let now = self.world.now_ms;
        let index = self.cursor + 1;
        let pulled = self.world.pulls();
        let mut step = step::apply(&mut self.world, act, index);
        let touched = self.world.take_touched();
        let pulled_changed = self.world.pulls() != pulled;
        let also = PULLS_READ.map(|reads| reads && pulled_changed);
        self.queues.touched(&self.world, &PARTS, &touched, &also);
        if let Some(DnsNames {
            objects: before,
            mut names,
        }) = before_dns
        {
            let objects = dns_shared(&self.world, &scope);
            #[cfg(debug_assertions)]
            let names_before = names.clone();
            step.dns = match slices_changed(&before, &objects) {
                Some((service, gone, new)) => dns_diff(&mut names, service, &gone, &new),
                None => {
                    let after = dns_names(&objects);
                    let changes = dns::changes(&names, &after);
                    names = after;
                    changes
                }
            };
            #[cfg(debug_assertions)]
            {
                let after = dns_names(&objects);
                assert!(names == after, "DNS names diffed wrong");
                assert!(
                    step.dns == dns::changes(&names_before, &after),
                    "DNS changes"
                );
            }
            self.dns_names = Some(DnsNames { objects, names });
        }
        step.waits = waits;
        self.steps.push(step);
        self.redos.push((now, self.world.redo_of(touched)));
        self.cursor = index;
        if index % CHECKPOINT_EVERY == 0 {
            self.checkpoints.push((index, self.world.clone()));
        }
    }

    /// Drops every step after the cursor: the history forks here.
    fn fork(&mut self) {
        if self.cursor < self.steps.len() {
            self.forks += 1;
            self.steps.truncate(self.cursor);
            self.redos.truncate(self.cursor);
            self.checkpoints.retain(|(n, _)| *n <= self.cursor);
            let cursor = self.cursor;
            self.inputs.retain(|(at, _)| *at < cursor);
        }
    }

    /// Takes an input at the cursor (forking if the cursor is in the past): each of its
    /// acts becomes a step.
    pub fn input(&mut self, input: Input) {
        self.fork();
        self.inputs.push((self.cursor, input.clone()));
        let Input::Act { act, .. } = input;
        self.push(act);
    }

    /// One step forward: redoes a known step, or asks the components for the next one
    /// (moving the clock to the next timer when nobody has work). `false` when settled.
    pub fn step(&mut self) -> bool {
        if self.cursor < self.steps.len() {
            let (now, redo) = &self.redos[self.cursor];
            self.world.now_ms = *now;
            self.world.redo(redo);
            self.world.take_touched();
            self.queues = Queues::default();
            self.cursor += 1;
            return true;
        }
        for _ in 0..64 {
            let (act, waits, next) = self.decide();
            match (act, next) {
                (Some(act), _) => {
                    // A write that changes nothing (it was refused) would repeat forever:
                    // the components are stuck, which is a settled state, not a step.
                    if is_noop(&self.world, &act) {
                        return false;
                    }
                    self.push_waiting(act, waits);
                    return true;
                }
                (None, Some(t)) if t > self.world.now_ms => self.world.now_ms = t,
                _ => return false,
            }
        }
        false
    }

    /// The components' decision through their queues; debug builds check it against
    /// asking every component about every object.
    fn decide(&mut self) -> (Option<Act>, Vec<Text>, Option<i64>) {
        let (decision, idle) =
            self.queues
                .decide(&self.world, &PARTS, &GROUP, &CLOCK_SENSITIVE, WAITS_KEPT);
        let act = match decision {
            Some(Decision::Act(act)) => Some(act),
            _ => None,
        };
        let decided = (act, idle.waits, idle.next_ms);
        #[cfg(debug_assertions)]
        {
            let full = decide_all(&self.world, WAITS_KEPT);
            if decided != full {
                let brief = |d: &(Option<Act>, Vec<Text>, Option<i64>)| {
                    let act =
                        d.0.as_ref()
                            .map(|a| (a.component.name(), a.explain.en.clone()));
                    let waits: Vec<&str> = d.1.iter().map(|t| t.en.as_str()).collect();
                    format!("{act:?} waits {waits:?} next {:?}", d.2)
                };
                panic!(
                    "the queues disagree with a full pass at step {}:\n queues: {}\n full:   {}",
                    self.cursor,
                    brief(&decided),
                    brief(&full)
                );
            }
        }
        decided
    }

    /// Runs until nothing has work and no timer is pending, within the bounds.
    pub fn settle(&mut self) -> Settle {
        let start_ms = self.world.now_ms;
        let start = self.cursor;
        loop {
            if self.cursor - start >= SETTLE_MAX_STEPS
                || self.world.now_ms - start_ms > SETTLE_MAX_MS
            {
                return Settle::Bounded {
                    steps: self.cursor - start,
                    elapsed_ms: self.world.now_ms - start_ms,
                };
            }
            if !self.step() {
                return Settle::Settled;
            }
        }
    }

    /// Moves the cursor to `n` steps (clamped to the known steps), redoing steps from
    /// the nearest checkpoint at or before `n` when going back or when that checkpoint is
    /// ahead of a cursor at least `CHECKPOINT_EVERY` steps behind `n`, else from the
    /// cursor: a seek redoes fewer than `CHECKPOINT_EVERY` steps.
    pub fn seek(&mut self, n: usize) {
        let n = n.min(self.steps.len());
        let nearest = self
            .checkpoints
            .iter()
            .rev()
            .find(|(at, _)| *at <= n)
            .map_or(0, |(at, _)| *at);
        // Forward by less than a checkpoint's spacing, redoing from the cursor costs less
        // than restoring a checkpoint (a copy of the world) and redoing from there.
        let near_ahead = n >= self.cursor && n - self.cursor < CHECKPOINT_EVERY;
        if n < self.cursor || (nearest > self.cursor && !near_ahead) {
            let (at, world) = self
                .checkpoints
                .iter()
                .rev()
                .find(|(at, _)| *at <= n)
                .map(|(at, w)| (*at, w.clone()))
                .unwrap_or((0, self.base.clone()));
            self.world = world;
            self.queues = Queues::default();
            self.cursor = at;
        }
        while self.cursor < n {
            self.step();
        }
        if let Some(step) = self.steps.get(n.wrapping_sub(1)).filter(|_| n > 0) {
            self.world.now_ms = step.time_ms;
        } else if n == 0 {
            self.world.now_ms = self.base.now_ms;
        }
    }

    /// Steps back one.
    pub fn back(&mut self) {
        self.seek(self.cursor.saturating_sub(1));
    }
}

/// Whether an act would change nothing: no event, and every write refused or a no-op.
fn is_noop(world: &World, act: &Act) -> bool {
    act.event.is_none()
        && act.writes.iter().all(|w| match w {
            step::Write::Create(o) => {
                let mut key = super::world::key_of(o);
                if o.kind().namespaced() && key.1.is_empty() {
                    key.1 = "default".into();
                }
                world.contains(&key)
            }
            step::Write::Update(o) => world.get(&super::world::key_of(o)) == Some(o),
            step::Write::Remove(k) => !world.contains(k),
        })
}

/// The Services whose DNS names an act may change, as (namespace, name): those it writes
/// and those whose EndpointSlices it writes (labelled before or after).
fn dns_scope(world: &World, act: &Act) -> VecSet<(String, String)> {
    let mut scope = VecSet::new();
    let mut add = |ns: &str, object: &Object| match object {
        Object::Service(s) => {
            scope.insert((ns.to_string(), s.metadata.name.clone()));
        }
        Object::EndpointSlice(s) => {
            if let Some(service) = s.metadata.labels.get(SERVICE_NAME_LABEL) {
                scope.insert((ns.to_string(), service.clone()));
            }
        }
        _ => {}
    };
    for write in &act.writes {
        let (written, key) = match write {
            step::Write::Create(o) | step::Write::Update(o) => {
                let mut key = super::world::key_of(o);
                if o.kind().namespaced() && key.1.is_empty() {
                    key.1 = "default".into();
                }
                (Some(o), key)
            }
            step::Write::Remove(k) => (None, k.clone()),
        };
        if !matches!(key.0, Kind::Service | Kind::EndpointSlice) {
            continue;
        }
        if let Some(o) = written {
            add(&key.1, o);
        }
        if let Some(stored) = world.get(&key) {
            add(&key.1, stored);
        }
    }
    scope
}

/// The objects the DNS records of these Services are made from: the Services and their
/// EndpointSlices. Other names cannot change, so the rest of the world need not be read.
fn dns_shared(world: &World, scope: &VecSet<(String, String)>) -> Vec<Rc<Object>> {
    let mut objects = Vec::new();
    for (ns, name) in scope {
        let service = (Kind::Service, ns.clone(), name.clone());
        objects.extend(world.get_shared(&service));
        for slice in world.of_kind(Kind::EndpointSlice) {
            if slice.namespace() == ns
                && slice
                    .meta()
                    .labels
                    .get(SERVICE_NAME_LABEL)
                    .map(String::as_str)
                    == Some(name.as_str())
            {
                let key = (Kind::EndpointSlice, ns.clone(), slice.name().to_string());
                objects.extend(world.get_shared(&key));
            }
        }
    }
    objects
}

/// The names DNS answers from these objects.
fn dns_names(objects: &[Rc<Object>]) -> VecMap<String, Vec<String>> {
    dns::names(&dns::Dns::records_only(objects.iter().map(|o| &**o)))
}

/// When the objects a DNS diff reads are one Service, the same stored object before and
/// after, and its EndpointSlices: the Service, the slices that went or were replaced, and
/// the slices that came or replace them (stored objects compared by address).
#[allow(clippy::type_complexity)]
fn slices_changed<'a>(
    before: &'a [Rc<Object>],
    after: &'a [Rc<Object>],
) -> Option<(&'a Rc<Object>, Vec<&'a Rc<Object>>, Vec<&'a Rc<Object>>)> {
    let ([service, old @ ..], [same, new @ ..]) = (before, after) else {
        return None;
    };
    let slices = |list: &[Rc<Object>]| list.iter().all(|o| matches!(**o, Object::EndpointSlice(_)));
    if !Rc::ptr_eq(service, same) || !matches!(**service, Object::Service(_)) {
        return None;
    }
    if !slices(old) || !slices(new) {
        return None;
    }
    let missing = |from: &'a [Rc<Object>], other: &'a [Rc<Object>]| -> Vec<&'a Rc<Object>> {
        from.iter()
            .filter(|o| !other.iter().any(|x| Rc::ptr_eq(o, x)))
            .collect()
    };
    Some((service, missing(old, new), missing(new, old)))
}

/// Brings a Service's DNS names from before a step to after it from the slices it
/// changed, and says what changed. Each name's answers are the addresses every endpoint
/// gives it, so the endpoints that went can be taken out and those that came put in
/// without reading the rest: an endpoint in both a slice that went and one that came
/// (most of them, when a slice is rewritten for one pod) changes nothing.
fn dns_diff<'a>(
    names: &mut VecMap<String, Vec<String>>,
    service: &Rc<Object>,
    gone: &[&'a Rc<Object>],
    new: &[&'a Rc<Object>],
) -> Vec<Text> {
    let endpoints = |slices: &[&'a Rc<Object>]| -> Vec<&'a Endpoint> {
        slices
            .iter()
            .filter_map(|o| match &***o {
                Object::EndpointSlice(s) => Some(s.endpoints.iter()),
                _ => None,
            })
            .flatten()
            .collect()
    };
    let (went, came) = (endpoints(gone), endpoints(new));
    // Same endpoints, usually in the same order: each that came cancels one that went.
    let mut taken = vec![false; went.len()];
    let mut next = 0;
    let came: Vec<Endpoint> = came
        .into_iter()
        .filter(|endpoint| {
            let free = |at: &usize| !taken.get(*at).copied().unwrap_or(true);
            // The first address tells most endpoints apart before a full comparison.
            let same = |at: &usize| {
                went.get(*at).is_some_and(|e| {
                    e.addresses.first() == endpoint.addresses.first() && e == endpoint
                })
            };
            let at = Some(next)
                .filter(|at| free(at) && same(at))
                .or_else(|| (0..went.len()).find(|at| free(at) && same(at)));
            match at.and_then(|at| Some((at, taken.get_mut(at)?))) {
                Some((at, flag)) => {
                    *flag = true;
                    next = at + 1;
                    false
                }
                None => true,
            }
        })
        .cloned()
        .collect();
    let went: Vec<Endpoint> = went
        .into_iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(endpoint, _)| endpoint.clone())
        .collect();
    let Some(Object::EndpointSlice(like)) = gone.first().or(new.first()).map(|o| &***o) else {
        return Vec::new();
    };
    let base = dns_names(std::slice::from_ref(service));
    let share = |endpoints: Vec<Endpoint>| {
        let slice = Object::EndpointSlice(EndpointSlice {
            metadata: like.metadata.clone(),
            endpoints,
            ..EndpointSlice::default()
        });
        let mut share = dns_names(&[service.clone(), Rc::new(slice)]);
        for (name, ips) in &base {
            take_answers(&mut share, name, ips);
        }
        share
    };
    let (went, came) = (share(went), share(came));
    let touched: VecSet<&String> = went.keys().chain(came.keys()).collect();
    let part = |names: &VecMap<String, Vec<String>>| {
        let mut part = VecMap::new();
        for name in &touched {
            if let Some(answers) = names.get(*name) {
                part.insert((*name).clone(), answers.clone());
            }
        }
        part
    };
    let before = part(names);
    for (name, ips) in &went {
        take_answers(names, name, ips);
    }
    for (name, ips) in &came {
        let answers = names.entry(name.clone()).or_default();
        *answers = merged(std::mem::take(answers), ips);
    }
    dns::changes(&before, &part(names))
}

/// Takes one of each of `ips` out of the answers for `name`, and the name when none are
/// left. Both lists are sorted.
fn take_answers(names: &mut VecMap<String, Vec<String>>, name: &str, ips: &[String]) {
    let Some(answers) = names.get_mut(name) else {
        return;
    };
    let mut ips = ips.iter().peekable();
    answers.retain(|answer| {
        while ips.next_if(|ip| *ip < answer).is_some() {}
        ips.next_if(|ip| *ip == answer).is_none()
    });
    if answers.is_empty() {
        names.remove(name);
    }
}

/// Two sorted lists as one sorted list.
fn merged(old: Vec<String>, ips: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(old.len() + ips.len());
    let mut ips = ips.iter().peekable();
    for answer in old {
        while let Some(ip) = ips.next_if(|ip| **ip < answer) {
            out.push(ip.clone());
        }
        out.push(answer);
    }
    out.extend(ips.cloned());
    out
}

/// Whether two lists hold the very same stored objects, in order: then their DNS names
/// are the same too.
fn same_objects(a: &[Rc<Object>], b: &[Rc<Object>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y))
}

/// Tests: creates the objects of `yaml` one input each, calling `after` after each.
#[cfg(test)]
pub(crate) fn create_objects(sim: &mut Simulation, yaml: &str, mut after: impl FnMut(&Simulation)) {
    for object in crate::manifest::parse(yaml).objects {
        sim.input(Input::Act {
            command: "kubectl create -f set.yaml".into(),
            act: Act {
                component: step::Component::User,
                writes: vec![step::Write::Create(object)],
                event: None,
                explain: Text::new("", ""),
            },
        });
        after(sim);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::step::{Component, Write};

    const SET: &str = "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: \"true\"}
provisioner: ebs.csi.aws.com
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: 40
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx:1.27}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
";

    /// Creates the scenario's objects one input each, calling `after` after each.
    fn create_set(sim: &mut Simulation, after: impl FnMut(&Simulation)) {
        create_objects(sim, SET, after);
    }

    /// Runs the scenario step by step to settled, with the world after every step.
    fn settled() -> (Simulation, Vec<String>) {
        let mut sim = Simulation::new(5);
        let mut worlds = vec![snapshot(sim.world())];
        create_set(&mut sim, |sim| worlds.push(snapshot(sim.world())));
        while sim.step() {
            worlds.push(snapshot(sim.world()));
        }
        assert_eq!(worlds.len(), sim.cursor() + 1);
        (sim, worlds)
    }

    /// Everything the world holds: objects, clock, counters, generator, bookkeeping and
    /// indexes.
    fn snapshot(world: &World) -> String {
        format!("{world:?}")
    }

    /// A slice's answers come out one of each (duplicates stay counted) and go in sorted,
    /// and a name with no answers left goes.
    #[test]
    fn answers_are_taken_out_and_merged_in_as_counted_lists() {
        let list = |ips: &[&str]| ips.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut names = VecMap::from([
            (
                "web".to_string(),
                list(&["10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.3"]),
            ),
            ("web-0.web".to_string(), list(&["10.0.0.1"])),
        ]);
        take_answers(
            &mut names,
            "web",
            &list(&["10.0.0.2", "10.0.0.3", "10.0.0.9"]),
        );
        take_answers(&mut names, "web-0.web", &list(&["10.0.0.1"]));
        take_answers(&mut names, "missing", &list(&["10.0.0.1"]));
        assert_eq!(
            names,
            VecMap::from([("web".to_string(), list(&["10.0.0.1", "10.0.0.2"]))])
        );
        assert_eq!(
            merged(
                list(&["10.0.0.1", "10.0.0.3"]),
                &list(&["10.0.0.0", "10.0.0.3", "10.0.0.4"])
            ),
            list(&["10.0.0.0", "10.0.0.1", "10.0.0.3", "10.0.0.3", "10.0.0.4"])
        );
    }

    /// Seeking forward past checkpoints restores the nearest one and redoes the steps from
    /// there; the world must equal the one a straight walk reaches, whichever way it was
    /// reached, down to its counters and indexes.
    #[test]
    fn seeking_across_checkpoints_equals_a_straight_walk() {
        let (mut sim, straight) = settled();
        let total = sim.cursor();
        assert!(total > 3 * CHECKPOINT_EVERY, "{total}");
        let targets = [
            1,
            CHECKPOINT_EVERY - 1,
            CHECKPOINT_EVERY,
            3 * CHECKPOINT_EVERY + 5,
            2 * CHECKPOINT_EVERY + 1,
            total,
            0,
            total - 1,
            CHECKPOINT_EVERY + 7,
        ];
        for n in targets.into_iter().chain((0..total).step_by(11)) {
            sim.seek(n);
            assert_eq!(sim.cursor(), n);
            assert!(snapshot(sim.world()) == straight[n], "seek to {n}");
        }
    }

    /// A pod deleted by hand at step `at`: the user's act in the scenario's namespace.
    fn delete_pod(at: usize) -> Input {
        Input::Act {
            command: format!("kubectl delete pod web-1 # at {at}"),
            act: Act {
                component: Component::User,
                writes: vec![Write::Remove((Kind::Pod, "default".into(), "web-1".into()))],
                event: None,
                explain: Text::new("", ""),
            },
        }
    }

    /// The history forks after a seek back: what follows must be what a simulation that
    /// never went further would do, step for step (the generator, counters and bookkeeping
    /// a seek restores decide the new uids, names and addresses).
    #[test]
    fn a_fork_after_seeking_back_continues_as_a_straight_run() {
        let total = settled().0.cursor();
        for at in [CHECKPOINT_EVERY + 9, total / 2, total - 3] {
            let (mut sim, straight) = settled();
            sim.seek(at);
            assert!(snapshot(sim.world()) == straight[at], "seek to {at}");
            sim.input(delete_pod(at));
            sim.settle();

            let mut fresh = Simulation::new(5);
            create_set(&mut fresh, |_| {});
            while fresh.cursor() < at && fresh.step() {}
            assert_eq!(fresh.cursor(), at);
            fresh.input(delete_pod(at));
            fresh.settle();

            assert_eq!(sim.cursor(), fresh.cursor(), "fork at {at}");
            assert!(
                snapshot(sim.world()) == snapshot(fresh.world()),
                "fork at {at}"
            );
            let explained = |s: &Simulation| -> Vec<String> {
                s.steps().iter().map(|st| st.explain.en.clone()).collect()
            };
            assert_eq!(explained(&sim), explained(&fresh), "fork at {at}");
        }
    }
}
