//! Steps: one API write by one component, with the Event it records, what changed, and
//! why, in both languages. `Act` is what a component wants to write; `apply` is the one
//! function that writes it into the world and returns the `Step`.

use super::text::Text;
use super::world::{key_of, Key, World};
use crate::json::Value;
use crate::manifest::json::ToJson;
use crate::manifest::model::*;
use std::cell::OnceCell;
use std::rc::Rc;

/// Who made a write.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Component {
    /// The learner, through kubectl (apply, delete, scale, patch…).
    User,
    /// The API server itself (admission, defaults).
    ApiServer,
    StatefulSet,
    Scheduler,
    /// The kubelet of a node.
    Kubelet(String),
    PersistentVolume,
    /// An external provisioner (its name).
    Provisioner(String),
    EndpointSlice,
    GarbageCollector,
    PvcProtection,
    PvProtection,
}

impl Component {
    /// The name used in event sources and the log (`statefulset-controller`, …).
    pub fn name(&self) -> String {
        match self {
            Component::User => "kubectl".into(),
            Component::ApiServer => "kube-apiserver".into(),
            Component::StatefulSet => "statefulset-controller".into(),
            Component::Scheduler => "default-scheduler".into(),
            Component::Kubelet(_) => "kubelet".into(),
            Component::PersistentVolume => "persistentvolume-controller".into(),
            Component::Provisioner(name) => name.clone(),
            Component::EndpointSlice => "endpointslice-controller".into(),
            Component::GarbageCollector => "garbage-collector".into(),
            Component::PvcProtection => "pvc-protection-controller".into(),
            Component::PvProtection => "pv-protection-controller".into(),
        }
    }

    /// A short class for colouring marks on the timeline.
    pub fn class(&self) -> &'static str {
        match self {
            Component::User | Component::ApiServer => "user",
            Component::StatefulSet => "statefulset-controller",
            Component::Scheduler => "scheduler",
            Component::Kubelet(_) => "kubelet",
            Component::PersistentVolume | Component::Provisioner(_) => {
                "persistentvolume-controller"
            }
            Component::EndpointSlice => "endpointslice-controller",
            Component::GarbageCollector | Component::PvcProtection | Component::PvProtection => {
                "garbage-collector"
            }
        }
    }
}

/// One object write.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Create: the API server assigns uid, resourceVersion and creationTimestamp.
    Create(Object),
    /// Replace the stored object (resourceVersion bumped; StatefulSet generation bumped
    /// when its spec changed).
    Update(Object),
    /// Remove the object from storage (the final delete).
    Remove(Key),
}

/// The Event a write records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventSpec {
    /// `Normal` or `Warning`.
    pub type_: &'static str,
    pub reason: String,
    pub message: String,
    /// The object the event is about.
    pub involved: Key,
}

impl EventSpec {
    pub fn normal(involved: Key, reason: &str, message: impl Into<String>) -> EventSpec {
        EventSpec {
            type_: "Normal",
            reason: reason.into(),
            message: message.into(),
            involved,
        }
    }

    pub fn warning(involved: Key, reason: &str, message: impl Into<String>) -> EventSpec {
        EventSpec {
            type_: "Warning",
            reason: reason.into(),
            message: message.into(),
            involved,
        }
    }
}

/// What a component wants to do now.
#[derive(Clone, Debug, PartialEq)]
pub struct Act {
    pub component: Component,
    pub writes: Vec<Write>,
    pub event: Option<EventSpec>,
    pub explain: Text,
}

/// How an object changed in a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Created,
    Updated,
    Deleted,
}

/// One object a step changed. An update keeps the object before and after it, so the
/// changed field paths (`status.phase`) are worked out only when something shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub key: Key,
    pub op: Op,
    versions: Option<(Rc<Object>, Rc<Object>)>,
    fields: OnceCell<Vec<String>>,
}

impl Change {
    fn new(key: Key, op: Op, versions: Option<(Rc<Object>, Rc<Object>)>) -> Change {
        Change {
            key,
            op,
            versions,
            fields: OnceCell::new(),
        }
    }

    /// The changed field paths of an update (empty for a create or delete).
    pub fn fields(&self) -> &[String] {
        self.fields.get_or_init(|| match &self.versions {
            Some((before, after)) => changed_fields(before, after),
            None => Vec::new(),
        })
    }
}

/// The event as the step log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepEvent {
    pub type_: &'static str,
    pub reason: String,
    pub message: String,
    /// `pod/web-0`.
    pub object: String,
}

/// One step of the simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// 1-based position in the history.
    pub index: usize,
    pub time_ms: i64,
    pub component: Component,
    pub event: Option<StepEvent>,
    pub changes: Vec<Change>,
    pub explain: Text,
    /// What other components were waiting for when this step was taken (the first
    /// `queue::WAITS_KEPT`, in the components' order).
    pub waits: Vec<Text>,
    /// DNS names that started or stopped answering (or changed) with this step.
    pub dns: Vec<Text>,
}

/// `pod/web-0`, `statefulset.apps/web`: how kubectl names an object in events and output.
pub fn object_ref(kind: Kind, name: &str) -> String {
    let resource = match kind {
        Kind::StatefulSet => "statefulset.apps",
        Kind::ControllerRevision => "controllerrevision.apps",
        Kind::StorageClass => "storageclass.storage.k8s.io",
        Kind::EndpointSlice => "endpointslice.discovery.k8s.io",
        Kind::PersistentVolumeClaim => "persistentvolumeclaim",
        Kind::PersistentVolume => "persistentvolume",
        Kind::Pod => "pod",
        Kind::Service => "service",
        Kind::Namespace => "namespace",
        Kind::Node => "node",
        Kind::Event => "event",
    };
    format!("{resource}/{name}")
}

/// Field paths that differ between two JSON values, down to `depth` levels.
fn diff_paths(before: &Value, after: &Value, prefix: &str, depth: usize, out: &mut Vec<String>) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(a), Value::Object(b)) if depth > 0 => {
            let keys: crate::vecmap::VecSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                diff_paths(
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                    &path,
                    depth - 1,
                    out,
                );
            }
        }
        _ => out.push(prefix.to_string()),
    }
}

/// The changed field paths of an update, without the bookkeeping fields.
pub fn changed_fields(before: &Object, after: &Object) -> Vec<String> {
    let (a, b) = (before.to_json(), after.to_json());
    let mut out = Vec::new();
    diff_paths(&a, &b, "", 4, &mut out);
    out.retain(|p| p != "metadata.resourceVersion" && p != "metadata.generation");
    out
}

fn spec_json(object: &Object) -> Value {
    Some(object.to_json())
        .and_then(|v| v.get("spec").cloned())
        .unwrap_or(Value::Null)
}

/// Records an Event object, or bumps the count of an identical recent one, as the event
/// recorder's aggregation does.
fn record_event(world: &mut World, component: &Component, spec: &EventSpec) -> Option<StepEvent> {
    let (kind, namespace, name) = spec.involved.clone();
    let involved = world.get(&spec.involved);
    let uid = involved.and_then(|o| o.meta().uid.clone());
    let involved_version = involved.and_then(|o| o.meta().resource_version.clone());
    let now = world.now();
    let event_ns = if namespace.is_empty() {
        "default".to_string()
    } else {
        namespace.clone()
    };
    let host = match component {
        Component::Kubelet(node) => Some(node.clone()),
        _ => None,
    };
    let source = component.name();
    let existing = world
        .event_saying(
            (uid.as_deref().unwrap_or(""), &name),
            &spec.reason,
            &spec.message,
            &source,
        )
        .cloned();
    match existing {
        Some(mut e) => {
            e.count += 1;
            e.last_timestamp = Some(now);
            e.metadata.resource_version = Some(world.bump_resource_version());
            world.put(Object::Event(e));
        }
        None => {
            let event_name = world.event_name(&name);
            let event = Event {
                api_version: "v1".into(),
                kind: "Event".into(),
                metadata: ObjectMeta {
                    name: event_name,
                    namespace: Some(event_ns),
                    ..Default::default()
                },
                involved_object: ObjectReference {
                    api_version: Some(kind.api_version().into()),
                    kind: Some(kind.name().into()),
                    namespace: (!namespace.is_empty()).then_some(namespace),
                    name: Some(name.clone()),
                    uid,
                    resource_version: involved_version,
                    field_path: None,
                },
                reason: spec.reason.clone(),
                message: spec.message.clone(),
                type_: spec.type_.into(),
                source: EventSource {
                    component: Some(component.name()),
                    host,
                },
                first_timestamp: Some(now.clone()),
                last_timestamp: Some(now.clone()),
                count: 1,
                series: false,
            };
            let created = now;
            world.insert_new(Object::Event(event), &created);
        }
    }
    Some(StepEvent {
        type_: spec.type_,
        reason: spec.reason.clone(),
        message: spec.message.clone(),
        object: object_ref(kind, &name),
    })
}

/// Writes an act into the world: the one place where controllers' decisions take effect.
pub fn apply(world: &mut World, act: Act, index: usize) -> Step {
    let mut changes = Vec::new();
    let now = world.now();
    for write in act.writes {
        match write {
            Write::Create(mut object) => {
                if object.kind().namespaced() && object.meta().namespace.is_none() {
                    object.meta_mut().namespace = Some("default".into());
                }
                // The API server refuses to create what exists (AlreadyExists): nothing changes.
                if world.contains(&key_of(&object)) {
                    continue;
                }
                super::api::prepare_for_create(&mut object);
                super::api::admit_create(world, &mut object);
                let key = world.insert_new(object, &now);
                changes.push(Change::new(key, Op::Created, None));
            }
            Write::Update(mut object) => {
                let key = key_of(&object);
                let Some(before) = world.get_shared(&key) else {
                    continue;
                };
                let same_spec = matches!((&*before, &object), (Object::StatefulSet(b), Object::StatefulSet(a)) if a.spec == b.spec);
                if object.kind() == Kind::StatefulSet
                    && !same_spec
                    && spec_json(&before) != spec_json(&object)
                {
                    let generation = before.meta().generation.unwrap_or(1);
                    object.meta_mut().generation = Some(generation.saturating_add(1));
                }
                object.meta_mut().resource_version = Some(world.bump_resource_version());
                if let (Object::Pod(b), Object::Pod(a)) = (&*before, &object) {
                    world.note_pod_write(Some(b), a);
                }
                world.put(object);
                let versions = world.get_shared(&key).map(|after| (before, after));
                changes.push(Change::new(key, Op::Updated, versions));
            }
            Write::Remove(key) => {
                if world.remove(&key).is_some() {
                    changes.push(Change::new(key, Op::Deleted, None));
                }
            }
        }
    }
    let event = act
        .event
        .as_ref()
        .and_then(|spec| record_event(world, &act.component, spec));
    Step {
        index,
        time_ms: world.now_ms,
        component: act.component,
        event,
        changes,
        explain: act.explain,
        waits: Vec::new(),
        dns: Vec::new(),
    }
}

/// What a component decides when asked: write something now, or wait (saying what for
/// and, for a timer, until when).
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    Act(Act),
    Idle {
        waits: Vec<Text>,
        next_ms: Option<i64>,
    },
}

impl Decision {
    pub fn idle() -> Decision {
        Decision::Idle {
            waits: Vec::new(),
            next_ms: None,
        }
    }
}
