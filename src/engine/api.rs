//! The API server: what happens when the learner (kubectl) or a controller creates,
//! applies, patches or deletes an object. Defaults and validation come from `manifest`;
//! admission (the default StorageClass, protection finalizers, ClusterIP allocation),
//! graceful deletion and cascading-deletion finalizers are here. Each function returns
//! the writes to make and a structured outcome that `present` prints as kubectl does.

use super::step::Write;
use super::storage;
use super::world::{key_of, Key, World};
use crate::json::{Map, Value};
use crate::manifest::defaults;
use crate::manifest::json::ToJson;
use crate::manifest::model::*;
use crate::manifest::validate::{self, FieldError};

/// The annotation `kubectl apply` keeps the applied manifest in.
pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";
pub const PVC_PROTECTION: &str = "kubernetes.io/pvc-protection";
pub const PV_PROTECTION: &str = "kubernetes.io/pv-protection";
pub const FOREGROUND: &str = "foregroundDeletion";
pub const ORPHAN: &str = "orphan";

/// What an API call did, for kubectl's confirmation line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Created(Kind, String),
    Configured(Kind, String),
    Unchanged(Kind, String),
    Deleted(Kind, String),
    Patched(Kind, String),
    PatchedNoChange(Kind, String),
    Scaled(Kind, String),
    ImageUpdated(Kind, String),
    Restarted(Kind, String),
    RolledBack(Kind, String),
    Cordoned(String),
    Uncordoned(String),
    AlreadyCordoned(String),
    AlreadyUncordoned(String),
}

/// Why an API call was refused, as the API server says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    NotFound(Kind, String),
    AlreadyExists(Kind, String),
    Invalid(Kind, String, Vec<FieldError>),
    Forbidden(Kind, String, String),
    BadRequest(String),
}

/// How `kubectl delete` asks dependents to be handled (`--cascade`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Propagation {
    Background,
    Foreground,
    Orphan,
}

/// What the API server sets on every new object beyond metadata: initial status phases.
/// Upstream: pkg/registry/core/{pod,persistentvolume,persistentvolumeclaim,namespace}/strategy.go `PrepareForCreate`
pub fn prepare_for_create(object: &mut Object) {
    defaults::apply(object);
    match object {
        Object::Pod(pod) => {
            pod.status = Some(PodStatus {
                phase: Some("Pending".into()),
                qos_class: Some("BestEffort".into()),
                ..Default::default()
            });
        }
        Object::PersistentVolumeClaim(claim) => {
            claim.status = Some(PersistentVolumeClaimStatus {
                phase: Some("Pending".into()),
                ..Default::default()
            });
        }
        Object::PersistentVolume(volume) => {
            volume.status = Some(PersistentVolumeStatus {
                phase: Some("Pending".into()),
                ..Default::default()
            });
        }
        Object::Namespace(ns) => {
            ns.status = Some(NamespaceStatus {
                phase: Some("Active".into()),
            });
        }
        Object::StatefulSet(set) => {
            set.status = Some(StatefulSetStatus::default());
        }
        _ => {}
    }
}

/// Admission plugins that act on create: the default StorageClass for a claim without
/// one, the storage-object-in-use protection finalizers, a ClusterIP for a Service.
pub fn admit_create(world: &mut World, object: &mut Object) {
    match object {
        Object::PersistentVolumeClaim(claim) => {
            let classes: Vec<&StorageClass> = world.classes().collect();
            if let Some(class) = storage::admit_default_storage_class(claim, &classes) {
                claim.spec.storage_class_name = Some(class.metadata.name.clone());
            }
            if !claim
                .metadata
                .finalizers
                .iter()
                .any(|f| f == PVC_PROTECTION)
            {
                claim.metadata.finalizers.push(PVC_PROTECTION.into());
            }
        }
        Object::PersistentVolume(volume)
            if !volume
                .metadata
                .finalizers
                .iter()
                .any(|f| f == PV_PROTECTION) =>
        {
            volume.metadata.finalizers.push(PV_PROTECTION.into());
        }
        Object::Node(node) => {
            // A node the learner adds joins like a kubelet registering: Ready, with its
            // hostname label, and a pod CIDR of its own.
            if node.spec.pod_cidr.is_none() {
                let used: Vec<String> = world
                    .nodes()
                    .filter_map(|n| n.spec.pod_cidr.clone())
                    .collect();
                let free = (1..=254)
                    .map(|i| format!("10.244.{i}.0/24"))
                    .find(|c| !used.contains(c));
                node.spec.pod_cidr = free;
            }
            node.metadata
                .labels
                .entry("kubernetes.io/hostname".into())
                .or_insert_with(|| node.metadata.name.clone());
            if node.status.as_ref().is_none_or(|s| s.conditions.is_empty()) {
                let index = world.nodes().count() + 2;
                node.status = Some(super::world::ready_node_status(&format!(
                    "172.18.0.{index}"
                )));
            }
        }
        Object::Service(svc) => {
            let external = svc.spec.type_.as_deref() == Some("ExternalName");
            if svc.spec.type_.is_none() {
                svc.spec.type_ = Some("ClusterIP".into());
            }
            if !external && svc.spec.cluster_ip.is_none() {
                let ip = world.allocate_cluster_ip();
                svc.spec.cluster_ip = Some(ip.clone());
                svc.spec.cluster_ips = vec![ip];
            } else if let Some(ip) = &svc.spec.cluster_ip {
                if svc.spec.cluster_ips.is_empty() {
                    svc.spec.cluster_ips = vec![ip.clone()];
                }
            }
            for port in &mut svc.spec.ports {
                if port.protocol.is_none() {
                    port.protocol = Some("TCP".into());
                }
                if port.target_port.is_none() {
                    port.target_port = Some(IntOrString::Int(port.port));
                }
            }
        }
        _ => {}
    }
}

/// The object as the learner wrote it, as JSON without status and server fields, for
/// the last-applied annotation and the three-way merge.
fn applied_json(object: &Object) -> Value {
    let mut value = object.to_json();
    if let Some(map) = value.as_object_mut() {
        map.remove("status");
        if let Some(Value::Object(meta)) = map.get_mut("metadata") {
            for k in [
                "uid",
                "resourceVersion",
                "generation",
                "creationTimestamp",
                "managedFields",
            ] {
                meta.remove(k);
            }
            if let Some(Value::Object(annotations)) = meta.get_mut("annotations") {
                annotations.remove(LAST_APPLIED);
                if annotations.is_empty() {
                    meta.remove("annotations");
                }
            }
        }
    }
    value
}

/// RFC 7386 JSON merge patch: objects merge, `null` removes, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Map::new());
            }
            if let Value::Object(t) = target {
                for (k, v) in p {
                    if v.is_null() {
                        t.remove(k);
                    } else {
                        merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// Strategic merge as kubectl uses it for built-in kinds, reduced to what matters here:
/// maps merge, and lists of objects with a `name` (containers, volumes, ports) merge by
/// name; other lists replace.
pub fn strategic_merge(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch) {
        (Some(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                    continue;
                }
                let slot = t.entry(k.clone()).or_insert(Value::Null);
                match (slot.as_array_mut(), v.as_array()) {
                    (Some(existing), Some(items))
                        if items.iter().all(|i| i.get("name").is_some())
                            && existing.iter().all(|i| i.get("name").is_some()) =>
                    {
                        for item in items {
                            let name = item.get("name");
                            match existing.iter_mut().find(|e| e.get("name") == name) {
                                Some(e) => strategic_merge(e, item),
                                None => existing.push(item.clone()),
                            }
                        }
                    }
                    _ => {
                        if slot.is_object() && v.is_object() {
                            strategic_merge(slot, v);
                        } else {
                            *slot = v.clone();
                        }
                    }
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

/// The removals a three-way merge makes: fields in the last applied manifest that the new
/// one no longer has become `null` in the patch.
fn deletions(last: &Value, new: &Value, out: &mut Map) {
    let (Some(l), Some(n)) = (last.as_object(), new.as_object()) else {
        return;
    };
    for (k, lv) in l {
        match n.get(k) {
            None => {
                out.insert(k.clone(), Value::Null);
            }
            Some(nv) if lv.is_object() && nv.is_object() => {
                let mut inner = Map::new();
                deletions(lv, nv, &mut inner);
                if !inner.is_empty() {
                    out.insert(k.clone(), Value::Object(inner));
                }
            }
            _ => {}
        }
    }
}

fn from_json(kind: Kind, value: Value) -> Option<Object> {
    Object::from_json(kind, value).ok()
}

fn namespaced_key(object: &Object) -> Key {
    let mut key = key_of(object);
    if object.kind().namespaced() && key.1.is_empty() {
        key.1 = "default".into();
    }
    key
}

fn check_namespace(world: &World, object: &Object) -> Result<(), ApiError> {
    let kind = object.kind();
    if !kind.namespaced() {
        return Ok(());
    }
    let ns = object.meta().namespace.as_deref().unwrap_or("default");
    match world.find(Kind::Namespace, "", ns) {
        Some(Object::Namespace(n)) if n.metadata.deletion_timestamp.is_some() => {
            Err(ApiError::Forbidden(
                kind,
                object.name().to_string(),
                format!(
                    "unable to create new content in namespace {ns} because it is being terminated"
                ),
            ))
        }
        Some(_) => Ok(()),
        None => Err(ApiError::NotFound(Kind::Namespace, ns.to_string())),
    }
}

/// `kubectl create`: the object must not exist yet.
pub fn create(world: &World, object: Object) -> Result<(Write, Outcome), ApiError> {
    let key = namespaced_key(&object);
    if world.contains(&key) {
        return Err(ApiError::AlreadyExists(key.0, key.2));
    }
    check_namespace(world, &object)?;
    let mut object = object;
    if object.kind().namespaced() && object.meta().namespace.is_none() {
        object.meta_mut().namespace = Some("default".into());
    }
    prepare_for_create(&mut object);
    let errors = validate::create(&object);
    if !errors.is_empty() {
        return Err(ApiError::Invalid(key.0, key.2, errors));
    }
    Ok((Write::Create(object), Outcome::Created(key.0, key.2)))
}

/// `kubectl apply`: create, or three-way merge into the live object.
pub fn apply(world: &World, object: Object) -> Result<(Option<Write>, Outcome), ApiError> {
    let key = namespaced_key(&object);
    let applied = applied_json(&object);
    let annotation = &applied.text();
    let Some(live) = world.get(&key).cloned() else {
        let mut object = object;
        object
            .meta_mut()
            .annotations
            .insert(LAST_APPLIED.into(), format!("{annotation}\n"));
        let (write, outcome) = create(world, object)?;
        return Ok((Some(write), outcome));
    };
    if live.meta().deletion_timestamp.is_some() {
        return Err(ApiError::Forbidden(
            key.0,
            key.2.clone(),
            "object is being deleted".into(),
        ));
    }
    let last: Value = live
        .meta()
        .annotations
        .get(LAST_APPLIED)
        .and_then(|s| crate::json::from_str(s).ok())
        .unwrap_or(Value::Null);
    let mut patch = applied.clone();
    let mut removed = Map::new();
    deletions(&last, &applied, &mut removed);
    merge_patch(&mut patch, &Value::Object(removed));
    let mut merged = live.to_json();
    strategic_merge(&mut merged, &patch);
    if let Some(Value::Object(meta)) = merged.get_mut("metadata") {
        let annotations = meta
            .entry("annotations".into())
            .or_insert(Value::Object(Map::new()));
        if let Value::Object(a) = annotations {
            a.insert(
                LAST_APPLIED.into(),
                Value::String(format!("{annotation}\n")),
            );
        }
    }
    let Some(mut updated) = from_json(key.0, merged) else {
        return Err(ApiError::BadRequest(format!(
            "the applied {} \"{}\" does not fit the {} schema",
            key.0.name(),
            key.2,
            key.0.name()
        )));
    };
    defaults::apply(&mut updated);
    if updated == live {
        return Ok((None, Outcome::Unchanged(key.0, key.2)));
    }
    let errors = validate::update(&live, &updated);
    if !errors.is_empty() {
        return Err(ApiError::Invalid(key.0, key.2, errors));
    }
    let only_annotation = {
        let mut a = live.clone();
        let mut b = updated.clone();
        a.meta_mut().annotations.remove(LAST_APPLIED);
        b.meta_mut().annotations.remove(LAST_APPLIED);
        a == b
    };
    let outcome = if only_annotation {
        Outcome::Unchanged(key.0, key.2)
    } else {
        Outcome::Configured(key.0, key.2)
    };
    Ok((Some(Write::Update(updated)), outcome))
}

/// The writes that delete an object now: graceful for a pod on a node, finalizers for
/// the cascade, and immediate removal when nothing holds it.
pub fn delete_writes(world: &World, key: &Key, propagation: Propagation) -> Vec<Write> {
    let Some(object) = world.get(key) else {
        return Vec::new();
    };
    let mut object = object.clone();
    if object.meta().deletion_timestamp.is_some() {
        return Vec::new();
    }
    let mut graceful = None;
    if let Object::Pod(pod) = &object {
        if pod.spec.node_name.is_some() {
            graceful = Some(pod.spec.termination_grace_period_seconds.unwrap_or(30));
        }
    }
    match propagation {
        Propagation::Foreground => object.meta_mut().finalizers.push(FOREGROUND.into()),
        Propagation::Orphan => object.meta_mut().finalizers.push(ORPHAN.into()),
        Propagation::Background => {}
    }
    if graceful.is_none() && object.meta().finalizers.is_empty() {
        return vec![Write::Remove(key.clone())];
    }
    let grace = graceful.unwrap_or(0);
    let meta = object.meta_mut();
    meta.deletion_timestamp = Some(crate::time::rfc3339(
        world.now_ms.saturating_add(grace.saturating_mul(1000)),
    ));
    meta.deletion_grace_period_seconds = Some(grace);
    vec![Write::Update(object)]
}

/// Applies a patch (`--type merge|strategic|json`), already read from its text, to a live
/// object.
pub fn patch(
    world: &World,
    key: &Key,
    kind_of_patch: &str,
    patch: &Value,
) -> Result<(Option<Write>, Outcome), ApiError> {
    let Some(live) = world.get(key).cloned() else {
        return Err(ApiError::NotFound(key.0, key.2.clone()));
    };
    let mut value = live.to_json();
    match kind_of_patch {
        "json" => json_patch(&mut value, patch).map_err(ApiError::BadRequest)?,
        "merge" => merge_patch(&mut value, patch),
        _ => strategic_merge(&mut value, patch),
    }
    let Some(mut updated) = from_json(key.0, value) else {
        return Err(ApiError::BadRequest(format!(
            "the patched {} \"{}\" does not fit the {} schema",
            key.0.name(),
            key.2,
            key.0.name()
        )));
    };
    // Identity is not patchable.
    *updated.meta_mut() = ObjectMeta {
        labels: updated.meta().labels.clone(),
        annotations: updated.meta().annotations.clone(),
        finalizers: updated.meta().finalizers.clone(),
        owner_references: updated.meta().owner_references.clone(),
        ..live.meta().clone()
    };
    defaults::apply(&mut updated);
    if updated == live {
        return Ok((None, Outcome::PatchedNoChange(key.0, key.2.clone())));
    }
    let errors = validate::update(&live, &updated);
    if !errors.is_empty() {
        return Err(ApiError::Invalid(key.0, key.2.clone(), errors));
    }
    Ok((
        Some(Write::Update(updated)),
        Outcome::Patched(key.0, key.2.clone()),
    ))
}

/// A JSON pointer (`/spec/template/spec/containers/0/image`) split into tokens.
fn pointer_tokens(path: &str) -> Result<Vec<String>, String> {
    if path.is_empty() {
        return Ok(Vec::new());
    }
    let rest = path
        .strip_prefix('/')
        .ok_or_else(|| format!("invalid JSON pointer \"{path}\""))?;
    Ok(rest
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect())
}

fn parent_of<'a>(root: &'a mut Value, tokens: &[String]) -> Result<&'a mut Value, String> {
    let mut at = root;
    for t in tokens {
        at = match at {
            Value::Object(m) => m.get_mut(t).ok_or_else(|| format!("path {t} not found"))?,
            Value::Array(a) => {
                let i: usize = t.parse().map_err(|_| format!("invalid index {t}"))?;
                a.get_mut(i)
                    .ok_or_else(|| format!("index {i} out of range"))?
            }
            _ => return Err(format!("path {t} not found")),
        };
    }
    Ok(at)
}

/// A JSON Patch of one operation with these fields.
fn single_operation<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut operation = crate::json::Map::new();
    for (field, value) in fields {
        operation.insert(field.to_string(), value);
    }
    Value::Array(vec![Value::Object(operation)])
}

/// RFC 6902 JSON patch: add, remove, replace, test, move, copy.
pub fn json_patch(target: &mut Value, patch: &Value) -> Result<(), String> {
    let ops = patch
        .as_array()
        .ok_or("a JSON patch must be a list of operations")?;
    for op in ops.iter().take(1000) {
        let name = op.get("op").and_then(Value::as_str).unwrap_or("");
        let path = op.get("path").and_then(Value::as_str).unwrap_or("");
        let tokens = pointer_tokens(path)?;
        let Some((last, parents)) = tokens.split_last() else {
            if name == "replace" || name == "add" {
                *target = op.get("value").cloned().unwrap_or(Value::Null);
                continue;
            }
            return Err("cannot operate on the whole document".into());
        };
        let value = op.get("value").cloned();
        match name {
            "add" | "replace" => {
                let parent = parent_of(target, parents)?;
                let value = value.ok_or("missing value")?;
                match parent {
                    Value::Object(m) => {
                        if name == "replace" && !m.contains_key(last) {
                            return Err(format!("jsonpatch replace operation does not apply: doc is missing key: {path}"));
                        }
                        m.insert(last.clone(), value);
                    }
                    Value::Array(a) => {
                        if last == "-" {
                            a.push(value);
                        } else {
                            let i: usize =
                                last.parse().map_err(|_| format!("invalid index {last}"))?;
                            if name == "replace" {
                                let slot = a.get_mut(i).ok_or(format!("jsonpatch replace operation does not apply: doc is missing path: {path}"))?;
                                *slot = value;
                            } else if i <= a.len() {
                                a.insert(i, value);
                            } else {
                                return Err(format!("index {i} out of range"));
                            }
                        }
                    }
                    _ => return Err(format!("doc is missing path: {path}")),
                }
            }
            "remove" => {
                let parent = parent_of(target, parents)?;
                match parent {
                    Value::Object(m) => {
                        m.remove(last).ok_or(format!("jsonpatch remove operation does not apply: doc is missing path: \"{path}\""))?;
                    }
                    Value::Array(a) => {
                        let i: usize = last.parse().map_err(|_| format!("invalid index {last}"))?;
                        if i >= a.len() {
                            return Err(format!("jsonpatch remove operation does not apply: doc is missing path: \"{path}\""));
                        }
                        a.remove(i);
                    }
                    _ => return Err(format!("doc is missing path: {path}")),
                }
            }
            "test" => {
                let at = parent_of(target, &tokens)?;
                if Some(&*at) != value.as_ref() {
                    return Err(format!("testing value {path} failed"));
                }
            }
            "move" | "copy" => {
                let from = op
                    .get("from")
                    .and_then(Value::as_str)
                    .ok_or("missing from")?;
                let from_tokens = pointer_tokens(from)?;
                let moved = parent_of(target, &from_tokens)?.clone();
                if name == "move" {
                    let remove = [("op", "remove".into()), ("path", from.into())];
                    json_patch(target, &single_operation(remove))?;
                }
                let add = [
                    ("op", "add".into()),
                    ("path", path.into()),
                    ("value", moved),
                ];
                json_patch(target, &single_operation(add))?;
            }
            other => return Err(format!("unexpected kind: {other}")),
        }
    }
    Ok(())
}
