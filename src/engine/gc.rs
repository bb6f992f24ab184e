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
use super::step::{Act, Component, Decision, Write};
use super::text::Text;
use super::world::{key_of, World};
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

/// The garbage collector's decision.
/// Every object but Events: Events have no owners and are never owners, and a long
/// simulation holds more of them than of everything else.
fn owned_kinds(world: &World) -> impl Iterator<Item = &Object> {
    Kind::ALL
        .into_iter()
        .filter(|kind| *kind != Kind::Event)
        .flat_map(|kind| world.of_kind(kind))
}

pub fn decide(world: &World) -> Decision {
    // An owner exists when the object its reference names (kind, namespace, name) is
    // there with the same uid.
    let exists = |object: &Object, r: &OwnerReference| {
        let Some(kind) = Kind::from_name(&r.kind) else {
            return false;
        };
        let ns = if kind.namespaced() {
            object.namespace()
        } else {
            ""
        };
        world
            .find(kind, ns, &r.name)
            .is_some_and(|o| o.meta().uid.as_deref() == Some(r.uid.as_str()))
    };
    // Owners deleted with --cascade=orphan or foreground.
    for owner in owned_kinds(world) {
        let meta = owner.meta();
        if meta.deletion_timestamp.is_none() {
            continue;
        }
        let uid = meta.uid.clone().unwrap_or_default();
        let dependents: Vec<&Object> = owned_kinds(world)
            .filter(|o| o.meta().owner_references.iter().any(|r| r.uid == uid))
            .collect();
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
            let waiting: Vec<&&Object> = dependents.iter().collect();
            if let Some(dep) = waiting
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
    }
    // Dependents whose owners are all gone.
    for object in owned_kinds(world) {
        let meta = object.meta();
        if meta.owner_references.is_empty() || meta.deletion_timestamp.is_some() {
            continue;
        }
        if meta.owner_references.iter().any(|r| exists(object, r)) {
            continue;
        }
        let owner = meta
            .owner_references
            .first()
            .map(|r| format!("{} {}", r.kind, r.name))
            .unwrap_or_default();
        let writes = api::delete_writes(world, &key_of(object), Propagation::Background);
        if writes.is_empty() {
            continue;
        }
        return act(Component::GarbageCollector, writes, Text::new(
            format!("{} belonged to {owner}, which is gone: the garbage collector deletes it (background cascading deletion, through its ownerReferences).", describe(object)),
            format!("{} 属于 {owner},而后者已经不存在:垃圾回收器通过 ownerReferences 删除它(后台级联删除)。", describe(object)),
        ));
    }
    Decision::idle()
}

/// The pvc-protection and pv-protection controllers' decision.
pub fn decide_protection(world: &World) -> Decision {
    let mut waits = Vec::new();
    for claim in world.claims() {
        if claim.metadata.deletion_timestamp.is_none()
            || !claim
                .metadata
                .finalizers
                .iter()
                .any(|f| f == PVC_PROTECTION)
        {
            continue;
        }
        let ns = claim.metadata.namespace.clone().unwrap_or_default();
        let users: Vec<String> = world
            .pods()
            .filter(|p| p.metadata.namespace.as_deref() == Some(ns.as_str()))
            .filter(|p| {
                !matches!(
                    p.status.as_ref().and_then(|s| s.phase.as_deref()),
                    Some("Failed" | "Succeeded")
                )
            })
            .filter(|p| {
                p.spec.volumes.iter().any(|v| {
                    v.persistent_volume_claim
                        .as_ref()
                        .map(|c| c.claim_name.as_str())
                        == Some(claim.metadata.name.as_str())
                })
            })
            .map(|p| p.metadata.name.clone())
            .collect();
        let name = &claim.metadata.name;
        if users.is_empty() {
            return act(Component::PvcProtection, vec![without_finalizer(&Object::PersistentVolumeClaim(claim.clone()), PVC_PROTECTION)], Text::new(
                format!("No pod uses claim {name} any more, so the pvc-protection controller removes the kubernetes.io/pvc-protection finalizer and the claim is deleted."),
                format!("已经没有 Pod 使用 PVC {name},pvc-protection 控制器移除 kubernetes.io/pvc-protection finalizer,PVC 随即被删除。"),
            ));
        }
        waits.push(Text::new(
            format!(
                "claim {name} stays Terminating while {} uses it (kubernetes.io/pvc-protection)",
                users.join(", ")
            ),
            format!(
                "PVC {name} 在 {} 使用期间保持 Terminating(kubernetes.io/pvc-protection)",
                users.join("、")
            ),
        ));
    }
    for volume in world.volumes() {
        if volume.metadata.deletion_timestamp.is_none()
            || !volume
                .metadata
                .finalizers
                .iter()
                .any(|f| f == PV_PROTECTION)
        {
            continue;
        }
        let name = &volume.metadata.name;
        let bound = volume.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound");
        if !bound {
            return act(Component::PvProtection, vec![without_finalizer(&Object::PersistentVolume(volume.clone()), PV_PROTECTION)], Text::new(
                format!("Volume {name} is no longer bound to a claim, so the pv-protection controller removes its finalizer and the volume is deleted."),
                format!("卷 {name} 不再绑定到 PVC,pv-protection 控制器移除它的 finalizer,卷随即被删除。"),
            ));
        }
        waits.push(Text::new(
            format!(
                "volume {name} stays Terminating while it is Bound (kubernetes.io/pv-protection)"
            ),
            format!("卷 {name} 在绑定期间保持 Terminating(kubernetes.io/pv-protection)"),
        ));
    }
    Decision::Idle {
        waits,
        next_ms: None,
    }
}
