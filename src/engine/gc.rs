//! The garbage collector and the storage-object-in-use protection controllers.
//! The collector deletes objects whose owners are gone (background cascade), deletes the
//! dependents of an owner deleted in the foreground before letting it go, and strips the
//! ownerReferences of an orphaning owner's dependents. The protection controllers remove
//! `kubernetes.io/pvc-protection` once no pod uses a claim being deleted, and
//! `kubernetes.io/pv-protection` once a volume being deleted is no longer bound.
//!
//! Upstream: pkg/controller/garbagecollector, pkg/controller/volume/pvcprotection,
//! pkg/controller/volume/pvprotection

use super::api::{self, Propagation, FOREGROUND, ORPHAN, PVC_PROTECTION, PV_PROTECTION};
use super::queue::{only_itself, Part};
use super::step::{Act, Component, Decision, Write};
use super::text::Text;
use super::world::{key_of, pod_claims, Key, World};
use crate::manifest::model::*;

fn act(component: Component, writes: Vec<Write>, explain: Text) -> Decision {
    Decision::Act(Act {
        component,
        writes,
        event: None,
        explain,
    })
}

fn describe(object: &Object) -> String {
    format!("{} {}", object.kind().name(), object.name())
}

/// Removes one finalizer; the object goes away with its last finalizer once it is being deleted.
fn without_finalizer(object: &Object, finalizer: &str) -> Write {
    let mut updated = object.clone();
    updated.meta_mut().finalizers.retain(|f| f != finalizer);
    if updated.meta().deletion_timestamp.is_some() && updated.meta().finalizers.is_empty() {
        // Pods still wait for their kubelet; everything else is removed now.
        let pod_on_node = matches!(&updated, Object::Pod(p) if p.spec.node_name.is_some());
        if !pod_on_node {
            return Write::Remove(key_of(object));
        }
    }
    Write::Update(updated)
}

/// An owner exists when the object its reference names (kind, namespace, name) is there
/// with the same uid.
fn owner_exists(world: &World, object: &Object, r: &OwnerReference) -> bool {
    let Some(kind) = Kind::from_name(&r.kind) else {
        return false;
    };
    world
        .find(kind, owner_namespace(kind, object), &r.name)
        .is_some_and(|o| o.meta().uid.as_deref() == Some(r.uid.as_str()))
}

fn owner_namespace(kind: Kind, object: &Object) -> &str {
    if kind.namespaced() {
        object.namespace()
    } else {
        ""
    }
}

/// Every kind but Events: Events have no owners and are never owners, and a long
/// simulation holds more of them than of everything else.
const OWNED_KINDS: &[Kind] = match Kind::ALL.split_last() {
    Some((Kind::Event, owned)) => owned,
    // Evaluated when compiling: a build fails if `Kind::ALL` stops ending with Event.
    _ => panic!("Kind::ALL ends with Event"),
};

fn in_key_order(_: &Object) -> Option<String> {
    Some(String::new())
}

/// The objects whose ownerReferences name this uid, in key order.
fn dependents<'a>(world: &'a World, uid: &'a str) -> impl Iterator<Item = &'a Object> + 'a {
    OWNED_KINDS
        .iter()
        .flat_map(|kind| world.of_kind(*kind))
        .filter(move |o| o.meta().owner_references.iter().any(|r| r.uid == uid))
}

/// The owners an object's references name, as keys (whether or not they exist).
fn owner_keys(object: &Object) -> impl Iterator<Item = Key> + '_ {
    object.meta().owner_references.iter().filter_map(|r| {
        let kind = Kind::from_name(&r.kind)?;
        Some((
            kind,
            owner_namespace(kind, object).to_string(),
            r.name.clone(),
        ))
    })
}

/// The garbage collector's first pass: owners deleted with --cascade=orphan or
/// foreground. An owner has work again whenever one of its dependents changes.
pub const OWNERS: Part = Part {
    kinds: OWNED_KINDS,
    slot: in_key_order,
    one: owner,
    touched: |_, _, before, after, mark| {
        for object in before.into_iter().chain(after) {
            owner_keys(object).for_each(&mut *mark);
        }
    },
};

fn owner(world: &World, key: &Key) -> Decision {
    let Some(owner) = world.get(key) else {
        return Decision::idle();
    };
    let meta = owner.meta();
    if meta.deletion_timestamp.is_none() {
        return Decision::idle();
    }
    let uid = meta.uid.clone().unwrap_or_default();
    let dependents: Vec<&Object> = dependents(world, &uid).collect();
    if meta.finalizers.iter().any(|f| f == ORPHAN) {
        if let Some(dep) = dependents.first() {
            let mut freed = (*dep).clone();
            freed.meta_mut().owner_references.retain(|r| r.uid != uid);
            return act(Component::GarbageCollector, vec![Write::Update(freed)], Text::new(
                format!("{} was deleted with --cascade=orphan: the garbage collector removes the ownerReference from {}, which keeps running on its own.", describe(owner), describe(dep)),
                format!("{} 以 --cascade=orphan 方式删除:垃圾回收器移除 {} 上的 ownerReference,它会独立地继续运行。", describe(owner), describe(dep)),
            ));
        }
        return act(Component::GarbageCollector, vec![without_finalizer(owner, ORPHAN)], Text::new(
            format!("Every dependent of {} is orphaned, so the garbage collector removes the orphan finalizer and {} goes away.", describe(owner), describe(owner)),
            format!("{} 的所有依赖对象都已成为孤儿,垃圾回收器移除 orphan finalizer,{} 随即消失。", describe(owner), describe(owner)),
        ));
    }
    if meta.finalizers.iter().any(|f| f == FOREGROUND) {
        if let Some(dep) = dependents
            .iter()
            .find(|d| d.meta().deletion_timestamp.is_none())
        {
            return act(Component::GarbageCollector, api::delete_writes(world, &key_of(dep), Propagation::Background), Text::new(
                format!("{} is being deleted in the foreground: the garbage collector deletes its dependent {} first.", describe(owner), describe(dep)),
                format!("{} 正在以前台方式删除:垃圾回收器先删除它的依赖对象 {}。", describe(owner), describe(dep)),
            ));
        }
        if dependents.is_empty() {
            return act(
                Component::GarbageCollector,
                vec![without_finalizer(owner, FOREGROUND)],
                Text::new(
                    format!(
                        "All dependents of {} are gone; the foreground deletion completes.",
                        describe(owner)
                    ),
                    format!("{} 的所有依赖对象都已消失,前台删除完成。", describe(owner)),
                ),
            );
        }
    }
    Decision::idle()
}

/// The garbage collector's second pass: dependents whose owners are all gone. A
/// dependent has work again when it changes or an owner it names goes away.
pub const ORPHANS: Part = Part {
    kinds: OWNED_KINDS,
    slot: in_key_order,
    one: orphan,
    touched: |world, _, before, after, mark| {
        let Some(uid) = before.and_then(|b| b.meta().uid.as_deref()) else {
            return;
        };
        if after.and_then(|a| a.meta().uid.as_deref()) != Some(uid) {
            dependents(world, uid).for_each(|o| mark(key_of(o)));
        }
    },
};

fn orphan(world: &World, key: &Key) -> Decision {
    let Some(object) = world.get(key) else {
        return Decision::idle();
    };
    let meta = object.meta();
    if meta.owner_references.is_empty() || meta.deletion_timestamp.is_some() {
        return Decision::idle();
    }
    if meta
        .owner_references
        .iter()
        .any(|r| owner_exists(world, object, r))
    {
        return Decision::idle();
    }
    let owner = meta
        .owner_references
        .first()
        .map(|r| format!("{} {}", r.kind, r.name))
        .unwrap_or_default();
    let writes = api::delete_writes(world, key, Propagation::Background);
    if writes.is_empty() {
        return Decision::idle();
    }
    act(Component::GarbageCollector, writes, Text::new(
        format!("{} belonged to {owner}, which is gone: the garbage collector deletes it (background cascading deletion, through its ownerReferences).", describe(object)),
        format!("{} 属于 {owner},而后者已经不存在:垃圾回收器通过 ownerReferences 删除它(后台级联删除)。", describe(object)),
    ))
}

/// The pvc-protection controller: a claim being deleted keeps its finalizer while a pod
/// uses it, so it has work again when one of its pods changes.
pub const PVC_PROTECTION_PASS: Part = Part {
    kinds: &[Kind::PersistentVolumeClaim],
    slot: in_key_order,
    one: claim_protection,
    touched: |_, _, before, after, mark| {
        for object in before.into_iter().chain(after) {
            if let Object::Pod(pod) = object {
                for (ns, claim) in pod_claims(pod) {
                    mark((Kind::PersistentVolumeClaim, ns, claim));
                }
            }
        }
    },
};

fn claim_protection(world: &World, key: &Key) -> Decision {
    let Some(Object::PersistentVolumeClaim(claim)) = world.get(key) else {
        return Decision::idle();
    };
    if claim.metadata.deletion_timestamp.is_none()
        || !claim
            .metadata
            .finalizers
            .iter()
            .any(|f| f == PVC_PROTECTION)
    {
        return Decision::idle();
    }
    let ns = claim.metadata.namespace.clone().unwrap_or_default();
    let name = &claim.metadata.name;
    let users: Vec<String> = world
        .claim_users(&ns, name)
        .filter_map(|p| match world.find(Kind::Pod, &ns, p) {
            Some(Object::Pod(p)) => Some(p),
            _ => None,
        })
        .filter(|p| {
            !matches!(
                p.status.as_ref().and_then(|s| s.phase.as_deref()),
                Some("Failed" | "Succeeded")
            )
        })
        .map(|p| p.metadata.name.clone())
        .collect();
    if users.is_empty() {
        return act(Component::PvcProtection, vec![without_finalizer(&Object::PersistentVolumeClaim(claim.clone()), PVC_PROTECTION)], Text::new(
            format!("No pod uses claim {name} any more, so the pvc-protection controller removes the kubernetes.io/pvc-protection finalizer and the claim is deleted."),
            format!("已经没有 Pod 使用 PVC {name},pvc-protection 控制器移除 kubernetes.io/pvc-protection finalizer,PVC 随即被删除。"),
        ));
    }
    Decision::Idle {
        waits: vec![Text::new(
            format!(
                "claim {name} stays Terminating while {} uses it (kubernetes.io/pvc-protection)",
                users.join(", ")
            ),
            format!(
                "PVC {name} 在 {} 使用期间保持 Terminating(kubernetes.io/pvc-protection)",
                users.join("、")
            ),
        )],
        next_ms: None,
    }
}

/// The pv-protection controller: a volume being deleted keeps its finalizer while it is Bound.
pub const PV_PROTECTION_PASS: Part = Part {
    kinds: &[Kind::PersistentVolume],
    slot: in_key_order,
    one: volume_protection,
    touched: only_itself,
};

fn volume_protection(world: &World, key: &Key) -> Decision {
    let Some(Object::PersistentVolume(volume)) = world.get(key) else {
        return Decision::idle();
    };
    if volume.metadata.deletion_timestamp.is_none()
        || !volume
            .metadata
            .finalizers
            .iter()
            .any(|f| f == PV_PROTECTION)
    {
        return Decision::idle();
    }
    let name = &volume.metadata.name;
    let bound = volume.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound");
    if !bound {
        return act(Component::PvProtection, vec![without_finalizer(&Object::PersistentVolume(volume.clone()), PV_PROTECTION)], Text::new(
            format!("Volume {name} is no longer bound to a claim, so the pv-protection controller removes its finalizer and the volume is deleted."),
            format!("卷 {name} 不再绑定到 PVC,pv-protection 控制器移除它的 finalizer,卷随即被删除。"),
        ));
    }
    Decision::Idle {
        waits: vec![Text::new(
            format!(
                "volume {name} stays Terminating while it is Bound (kubernetes.io/pv-protection)"
            ),
            format!("卷 {name} 在绑定期间保持 Terminating(kubernetes.io/pv-protection)"),
        )],
        next_ms: None,
    }
}
