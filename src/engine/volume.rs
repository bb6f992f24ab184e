//! The PersistentVolume controller (the binder), the external provisioners and the
//! volume resizer, as components of the simulation. Every decision comes from the pure
//! functions of `storage`; this file turns them into writes, one step at a time: a bind
//! is four writes (volume claimRef, volume phase, claim volumeName, claim phase), as
//! upstream does it.
//!
//! Upstream: pkg/controller/volume/persistentvolume/pv_controller.go,
//! sig-storage-lib-external-provisioner, external-resizer

use super::queue::{involved, volumes, Part};
use super::step::{Act, Component, Decision, EventSpec, Write};
use super::storage::{self, events::StorageEvent, *};
use super::text::Text;
use super::world::{key_of, pod_claims, volume_claim, Key, World};
use crate::manifest::model::*;
use crate::time::parse_rfc3339;

fn event_for(object: &Object, e: &StorageEvent) -> EventSpec {
    EventSpec {
        type_: e.type_,
        reason: e.reason.into(),
        message: e.message.clone(),
        involved: key_of(object),
    }
}

/// Whether this event was already recorded for this object (so repeated syncs stay quiet).
fn recorded(world: &World, object: &Object, reason: &str, message: &str) -> bool {
    let uid = object.meta().uid.as_deref().unwrap_or("");
    world
        .events_for(uid)
        .any(|e| e.reason == reason && e.message == message)
}

fn first_recorded_ms(world: &World, object: &Object, reason: &str) -> Option<i64> {
    let uid = object.meta().uid.as_deref().unwrap_or("");
    world
        .events_for(uid)
        .filter(|e| e.reason == reason)
        .filter_map(|e| e.first_timestamp.as_deref().and_then(parse_rfc3339))
        .min()
}

fn pv_act(writes: Vec<Write>, event: Option<EventSpec>, explain: Text) -> Decision {
    Decision::Act(Act {
        component: Component::PersistentVolume,
        writes,
        event,
        explain,
    })
}

fn volume_phase(volume: &PersistentVolume) -> &str {
    volume
        .status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("")
}

fn claim_phase(claim: &PersistentVolumeClaim) -> &str {
    claim
        .status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("")
}

fn with_phase(volume: &PersistentVolume, phase: &str, now: &str) -> PersistentVolume {
    let mut v = volume.clone();
    let status = v.status.get_or_insert_with(Default::default);
    status.phase = Some(phase.into());
    status.last_phase_transition_time = Some(now.into());
    if phase != "Failed" {
        status.message = None;
        status.reason = None;
    }
    v
}

/// A quiet event: recorded once per object and message.
fn once(
    world: &World,
    object: &Object,
    e: &StorageEvent,
    writes: Vec<Write>,
    explain: Text,
) -> Option<Decision> {
    if recorded(world, object, e.reason, &e.message) && writes.is_empty() {
        return None;
    }
    Some(pv_act(writes, Some(event_for(object, e)), explain))
}

/// The PersistentVolume controller's first pass, one volume at a time in name order:
/// phases, release and reclaim. A volume has work again when it changes, when its claim
/// changes, or when an event about it is recorded.
pub const VOLUMES: Part = Part {
    kinds: &[Kind::PersistentVolume],
    slot: |_| Some(String::new()),
    one: sync_volume_object,
    touched: |world, key, before, after, mark| match key.0 {
        Kind::PersistentVolumeClaim => {
            for object in before.into_iter().chain(after) {
                if let Object::PersistentVolumeClaim(c) = object {
                    if let Some(v) = c.spec.volume_name.as_deref() {
                        mark((Kind::PersistentVolume, String::new(), v.to_string()));
                    }
                }
            }
            for v in world.reserved_volumes(&key.1, &key.2) {
                mark((
                    Kind::PersistentVolume,
                    String::new(),
                    v.metadata.name.clone(),
                ));
            }
        }
        Kind::Event => {
            if let Some(involved) = involved(before, after, Kind::PersistentVolume) {
                mark(involved);
            }
        }
        _ => {}
    },
};

fn sync_volume_object(world: &World, key: &Key) -> Decision {
    let Some(Object::PersistentVolume(volume)) = world.get(key) else {
        return Decision::idle();
    };
    let volume = &volume;
    let now = world.now();
    let mut waits = Vec::new();
    'volume: {
        if volume.metadata.deletion_timestamp.is_some() {
            break 'volume;
        }
        let name = volume.metadata.name.as_str();
        let claim = volume.spec.claim_ref.as_ref().and_then(|r| {
            match world.find(
                Kind::PersistentVolumeClaim,
                r.namespace.as_deref().unwrap_or("default"),
                r.name.as_deref().unwrap_or(""),
            ) {
                Some(Object::PersistentVolumeClaim(c)) => Some(c),
                _ => None,
            }
        });
        let object = || Object::PersistentVolume((*volume).clone());
        match sync_volume(volume, claim) {
            VolumeSync::Phase(phase) => {
                if volume_phase(volume) != phase {
                    let explain = if phase == "Available" {
                        Text::new(
                            format!("Volume {name} is not bound to any claim: the PersistentVolume controller marks it Available, ready to bind a matching claim."),
                            format!("卷 {name} 没有绑定任何 PVC:PV 控制器把它标记为 Available,等待匹配的 PVC。"),
                        )
                    } else {
                        Text::new(
                            format!(
                                "Volume {name} and its claim point at each other: phase {phase}."
                            ),
                            format!("卷 {name} 与它的 PVC 相互指向:阶段为 {phase}。"),
                        )
                    };
                    return pv_act(
                        vec![Write::Update(Object::PersistentVolume(with_phase(
                            volume, phase, &now,
                        )))],
                        None,
                        explain,
                    );
                }
            }
            VolumeSync::Release => {
                let claim_name = volume
                    .spec
                    .claim_ref
                    .as_ref()
                    .and_then(|r| r.name.clone())
                    .unwrap_or_default();
                let target = phase_after_release(volume);
                if volume_phase(volume) != target && volume_phase(volume) != "Failed" {
                    let policy = volume
                        .spec
                        .persistent_volume_reclaim_policy
                        .clone()
                        .unwrap_or_else(|| "Retain".into());
                    return pv_act(vec![Write::Update(Object::PersistentVolume(with_phase(volume, target, &now)))], None, Text::new(
                        format!("Claim {claim_name} is gone, so volume {name} is Released. Its persistentVolumeReclaimPolicy is {policy}: {}", match policy.as_str() {
                            "Delete" => "the volume and its storage will be deleted.",
                            "Recycle" => "the volume is scrubbed and made Available again (Recycle is deprecated).",
                            _ => "it keeps its data and its claimRef, and no new claim can bind it until an administrator clears spec.claimRef.",
                        }),
                        format!("PVC {claim_name} 已经不存在,卷 {name} 变为 Released。它的 persistentVolumeReclaimPolicy 是 {policy}:{}", match policy.as_str() {
                            "Delete" => "卷及其存储将被删除。",
                            "Recycle" => "卷会被清理并重新变为 Available(Recycle 已被弃用)。",
                            _ => "它保留数据和 claimRef,在管理员清除 spec.claimRef 之前,新的 PVC 无法绑定它。",
                        }),
                    ));
                }
                match reclaim_volume(volume, &[]) {
                    Reclaim::Retain | Reclaim::StandDown => {
                        waits.push(Text::new(
                            format!("volume {name} stays Released (Retain): clear spec.claimRef to reuse it"),
                            format!("卷 {name} 保持 Released(Retain):清除 spec.claimRef 才能再次使用"),
                        ));
                    }
                    Reclaim::Delete(Deleter::External) => {
                        let provisioner = volume
                            .metadata
                            .annotations
                            .get(ANN_DYNAMICALLY_PROVISIONED)
                            .cloned()
                            .unwrap_or_else(|| "external-provisioner".into());
                        return Decision::Act(Act {
                            component: Component::Provisioner(provisioner.clone()),
                            writes: vec![Write::Remove(key_of(&object()))],
                            event: None,
                            explain: Text::new(
                                format!("Volume {name} is Released with reclaim policy Delete: the provisioner {provisioner} deletes the storage asset and the PersistentVolume."),
                                format!("卷 {name} 已 Released,回收策略为 Delete:供应者 {provisioner} 删除存储资源和该 PV。"),
                            ),
                        });
                    }
                    Reclaim::Delete(Deleter::InTree) => {
                        return pv_act(vec![Write::Remove(key_of(&object()))], None, Text::new(
                            format!("Volume {name} is Released with reclaim policy Delete: the PersistentVolume controller deletes it."),
                            format!("卷 {name} 已 Released,回收策略为 Delete:PV 控制器删除它。"),
                        ));
                    }
                    Reclaim::Delete(Deleter::Fails { message }) => {
                        let e = events::volume_failed_delete(&message);
                        let mut failed = with_phase(volume, "Failed", &now);
                        if let Some(s) = failed.status.as_mut() {
                            s.message = Some(message.clone());
                        }
                        let writes = if volume_phase(volume) == "Failed" {
                            Vec::new()
                        } else {
                            vec![Write::Update(Object::PersistentVolume(failed))]
                        };
                        if let Some(d) = once(
                            world,
                            &object(),
                            &e,
                            writes,
                            Text::new(
                                format!("Volume {name} cannot be deleted: {message}"),
                                format!("卷 {name} 无法删除:{message}"),
                            ),
                        ) {
                            return d;
                        }
                    }
                    Reclaim::Recycle => {
                        let recycled = with_phase(&clear_claim_ref(volume), "Available", &now);
                        return pv_act(vec![Write::Update(Object::PersistentVolume(recycled))], Some(event_for(&object(), &events::volume_recycled())), Text::new(
                            format!("Volume {name} has reclaim policy Recycle (deprecated): its files are scrubbed (rm -rf) and it becomes Available for a new claim."),
                            format!("卷 {name} 的回收策略是 Recycle(已弃用):其中的文件被清除(rm -rf),然后它重新变为 Available。"),
                        ));
                    }
                    Reclaim::RecycleFails { event }
                    | Reclaim::Unknown { event }
                    | Reclaim::RecycleWaits { event } => {
                        let writes = if volume_phase(volume) == "Failed" {
                            Vec::new()
                        } else {
                            vec![Write::Update(Object::PersistentVolume(with_phase(
                                volume, "Failed", &now,
                            )))]
                        };
                        if let Some(d) = once(
                            world,
                            &object(),
                            &event,
                            writes,
                            Text::new(event.message.clone(), event.message.clone()),
                        ) {
                            return d;
                        }
                    }
                }
            }
            VolumeSync::WaitForClaim => {}
            VolumeSync::VolumeModeMismatch { on_volume, .. } => {
                if let Some(d) = once(
                    world,
                    &object(),
                    &on_volume,
                    Vec::new(),
                    Text::new(on_volume.message.clone(), on_volume.message.clone()),
                ) {
                    return d;
                }
            }
            VolumeSync::Unbind => {
                return pv_act(vec![Write::Update(Object::PersistentVolume(unbind_volume(volume)))], None, Text::new(
                    format!("Volume {name} was reserved for a claim that bound another volume: the controller makes it Available again."),
                    format!("卷 {name} 曾为某个 PVC 预留,但该 PVC 绑定了别的卷:控制器让它重新变为 Available。"),
                ));
            }
        }
    }
    Decision::Idle {
        waits,
        next_ms: None,
    }
}

/// The PersistentVolume controller's second pass, one claim at a time in namespace and
/// name order: binding, provisioning hand-off, expansion. A claim has work again when it
/// changes, when a volume that names it, that it names or that is free changes, when one
/// of its pods changes, or when an event about it is recorded.
pub const CLAIMS: Part = Part {
    kinds: &[Kind::PersistentVolumeClaim],
    slot: |_| Some(String::new()),
    one: sync_claim,
    touched: |world, key, before, after, mark| match key.0 {
        Kind::PersistentVolume => {
            if volumes(before, after).any(|v| v.spec.claim_ref.is_none()) {
                world
                    .of_kind(Kind::PersistentVolumeClaim)
                    .for_each(|c| mark(key_of(c)));
                return;
            }
            for (ns, claim) in volumes(before, after).filter_map(volume_claim) {
                mark((Kind::PersistentVolumeClaim, ns, claim));
            }
            for (ns, claim) in world.claims_naming(&key.2) {
                mark((Kind::PersistentVolumeClaim, ns.into(), claim.into()));
            }
        }
        Kind::Pod => {
            for object in before.into_iter().chain(after) {
                if let Object::Pod(pod) = object {
                    for (ns, claim) in pod_claims(pod) {
                        mark((Kind::PersistentVolumeClaim, ns, claim));
                    }
                }
            }
        }
        Kind::Event => {
            if let Some(involved) = involved(before, after, Kind::PersistentVolumeClaim) {
                mark(involved);
            }
        }
        _ => {}
    },
};

fn sync_claim(world: &World, key: &Key) -> Decision {
    let Some(Object::PersistentVolumeClaim(claim)) = world.get(key) else {
        return Decision::idle();
    };
    let now = world.now();
    let classes: Vec<&StorageClass> = world.classes().collect();
    let mut waits = Vec::new();
    'claim: {
        let object = || Object::PersistentVolumeClaim(claim.clone());
        let name = claim.metadata.name.as_str();
        let volume_of = |n: &str| match world.find(Kind::PersistentVolume, "", n) {
            Some(Object::PersistentVolume(v)) => Some(v),
            _ => None,
        };
        if claim.metadata.annotations.contains_key(ANN_BIND_COMPLETED) {
            let volume = claim.spec.volume_name.as_deref().and_then(volume_of);
            match sync_bound_claim(claim, volume) {
                BoundClaimSync::Bind => {
                    let Some(volume) = volume else { break 'claim };
                    if volume.spec.claim_ref.is_none() {
                        return pv_act(vec![Write::Update(Object::PersistentVolume(bind_volume_to_claim(volume, claim)))], None, Text::new(
                            format!("Claim {name} is bound to {}, whose claimRef was cleared: the controller binds the volume back.", volume.metadata.name),
                            format!("PVC {name} 绑定到 {},但该卷的 claimRef 被清除:控制器重新绑定。", volume.metadata.name),
                        ));
                    }
                    if claim_phase(claim) != "Bound" {
                        let cap = volume
                            .spec
                            .capacity
                            .get("storage")
                            .cloned()
                            .unwrap_or_default();
                        return pv_act(vec![Write::Update(Object::PersistentVolumeClaim(claim_with_status(claim, "Bound", Some(volume))))], None, Text::new(
                            format!("Claim {name} is Bound to volume {} (capacity {cap}). A pod that uses {name} now gets this volume, wherever it runs.", volume.metadata.name),
                            format!("PVC {name} 已绑定(Bound)到卷 {}(容量 {cap})。使用 {name} 的 Pod 无论在哪里运行,都会得到这个卷。", volume.metadata.name),
                        ));
                    }
                    // Expansion: a bound claim asking for more than it has.
                    if let Some(d) = expand(world, claim, volume) {
                        return d;
                    }
                }
                BoundClaimSync::Lost { event } => {
                    if claim_phase(claim) != "Lost" {
                        return pv_act(
                            vec![Write::Update(Object::PersistentVolumeClaim(
                                claim_with_status(claim, "Lost", None),
                            ))],
                            Some(event_for(&object(), &event)),
                            Text::new(
                                format!("Claim {name} lost its volume: {}", event.message),
                                format!("PVC {name} 失去了它的卷:{}", event.message),
                            ),
                        );
                    }
                }
            }
            break 'claim;
        }
        if claim.metadata.deletion_timestamp.is_some() {
            break 'claim;
        }
        match sync_unbound_claim(claim, &world.volumes_for(claim), &classes) {
            UnboundClaimSync::Bind { volume } => {
                let vname = volume.metadata.name.as_str();
                if !is_volume_bound_to_claim(volume, claim) {
                    let why = explain_binding(
                        claim,
                        &world.volumes().collect::<Vec<_>>(),
                        &classes,
                        None,
                    );
                    return pv_act(vec![Write::Update(Object::PersistentVolume(bind_volume_to_claim(volume, claim)))], None, Text::new(
                        format!("The PersistentVolume controller finds volume {vname} for claim {name} and binds it (step 1 of 4: the volume's claimRef). {}", why.outcome.text().en),
                        format!("PV 控制器为 PVC {name} 找到卷 {vname} 并开始绑定(第 1 步,共 4 步:设置卷的 claimRef)。{}", why.outcome.text().zh),
                    ));
                }
                if volume_phase(volume) != "Bound" {
                    return pv_act(
                        vec![Write::Update(Object::PersistentVolume(with_phase(
                            volume, "Bound", &now,
                        )))],
                        None,
                        Text::new(
                            format!("Volume {vname} is now Bound to claim {name} (step 2 of 4)."),
                            format!("卷 {vname} 现在绑定(Bound)到 PVC {name}(第 2 步,共 4 步)。"),
                        ),
                    );
                }
                return pv_act(vec![Write::Update(Object::PersistentVolumeClaim(bind_claim_to_volume(claim, volume)))], None, Text::new(
                    format!("Claim {name} gets spec.volumeName: {vname} and pv.kubernetes.io/bind-completed (step 3 of 4)."),
                    format!("PVC {name} 得到 spec.volumeName: {vname} 和 pv.kubernetes.io/bind-completed 注解(第 3 步,共 4 步)。"),
                ));
            }
            UnboundClaimSync::AssignDefaultClass { class } => {
                let mut updated = claim.clone();
                updated.spec.storage_class_name = Some(class.metadata.name.clone());
                return pv_act(vec![Write::Update(Object::PersistentVolumeClaim(updated))], None, Text::new(
                    format!("Claim {name} names no StorageClass and no class-less volume fits; a default StorageClass exists now, so the controller writes storageClassName: {} into the claim (retroactive default class).", class.metadata.name),
                    format!("PVC {name} 没有指定 StorageClass,也没有合适的无类别卷;现在存在默认 StorageClass,控制器把 storageClassName: {} 写入 PVC(追溯设置默认存储类)。", class.metadata.name),
                ));
            }
            UnboundClaimSync::Provision(plan) => {
                if !claim
                    .metadata
                    .annotations
                    .contains_key(ANN_STORAGE_PROVISIONER)
                {
                    let e = events::external_provisioning(&plan.provisioner);
                    return pv_act(vec![Write::Update(Object::PersistentVolumeClaim(set_claim_provisioner(claim, &plan.provisioner)))], Some(event_for(&object(), &e)), Text::new(
                        format!("No existing volume fits claim {name}, and its StorageClass {} names provisioner {}: the controller hands the claim to that provisioner (annotation volume.kubernetes.io/storage-provisioner).", plan.class.metadata.name, plan.provisioner),
                        format!("没有现成的卷适合 PVC {name},而它的 StorageClass {} 指定了供应者 {}:控制器把 PVC 交给该供应者(注解 volume.kubernetes.io/storage-provisioner)。", plan.class.metadata.name, plan.provisioner),
                    ));
                }
                waits.push(Text::new(
                    format!(
                        "claim {name} waits for provisioner {} to create its volume",
                        plan.provisioner
                    ),
                    format!("PVC {name} 等待供应者 {} 创建卷", plan.provisioner),
                ));
            }
            other => {
                let unscheduled: Vec<String> = world
                    .pods()
                    .filter(|p| {
                        p.spec.node_name.is_none()
                            && p.metadata.namespace == claim.metadata.namespace
                    })
                    .filter(|p| {
                        p.spec.volumes.iter().any(|v| {
                            v.persistent_volume_claim
                                .as_ref()
                                .map(|c| c.claim_name.as_str())
                                == Some(name)
                        })
                    })
                    // Upstream names the pods without their namespace
                    // (findNonScheduledPodsByPVC returns pod.Name).
                    .map(|p| p.metadata.name.clone())
                    .collect();
                let refs: Vec<&str> = unscheduled.iter().map(String::as_str).collect();
                if let Some(e) = other.event(&refs) {
                    let why = explain_binding(
                        claim,
                        &world.volumes().collect::<Vec<_>>(),
                        &classes,
                        None,
                    );
                    let lines = why.outcome.text();
                    if let Some(d) = once(
                        world,
                        &object(),
                        &e,
                        Vec::new(),
                        Text::new(
                            format!("Claim {name} stays Pending: {}", lines.en),
                            format!("PVC {name} 保持 Pending:{}", lines.zh),
                        ),
                    ) {
                        return d;
                    }
                }
                waits.push(Text::new(
                    format!("claim {name} is Pending"),
                    format!("PVC {name} 处于 Pending"),
                ));
            }
        }
    }
    Decision::Idle {
        waits,
        next_ms: None,
    }
}

/// Whether the claim carries this status condition.
fn has_claim_condition(claim: &PersistentVolumeClaim, type_: &str) -> bool {
    claim
        .status
        .as_ref()
        .is_some_and(|s| s.conditions.iter().any(|c| c.type_ == type_))
}

/// The claim with `type_` as its one resize condition (`Resizing` or
/// `FileSystemResizePending`), status True.
fn with_claim_condition(
    claim: &PersistentVolumeClaim,
    type_: &str,
    now: &str,
) -> PersistentVolumeClaim {
    let mut claim = claim.clone();
    let status = claim.status.get_or_insert_with(Default::default);
    status
        .conditions
        .retain(|c| c.type_ != "Resizing" && c.type_ != "FileSystemResizePending");
    status.conditions.push(Condition {
        type_: type_.into(),
        status: "True".into(),
        last_transition_time: Some(now.into()),
        ..Default::default()
    });
    claim
}

/// Whether `ExternalExpanding` was recorded for the current resize: after the last
/// `FileSystemResizeSuccessful` of an earlier one (compared by resource version, which
/// grows with every write, so two resizes in the same millisecond stay apart).
fn expanding_recorded(world: &World, object: &Object) -> bool {
    let uid = object.meta().uid.as_deref().unwrap_or("");
    let version = |reason: &str| {
        world
            .events_for(uid)
            .filter(|e| e.reason == reason)
            .filter_map(|e| e.metadata.resource_version.as_deref()?.parse::<u64>().ok())
            .max()
    };
    match (
        version("ExternalExpanding"),
        version("FileSystemResizeSuccessful"),
    ) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(expanding), Some(done)) => expanding > done,
    }
}

/// Grows a bound claim's volume, then the claim's status, when the claim asks for more.
fn expand(
    world: &World,
    claim: &PersistentVolumeClaim,
    volume: &PersistentVolume,
) -> Option<Decision> {
    let want = claim.spec.resources.requests.get("storage")?;
    let has = claim
        .status
        .as_ref()
        .and_then(|s| s.capacity.get("storage"))?;
    if want == has {
        return None;
    }
    let (want_q, has_q) = (
        storage::quantity_bytes(want)?,
        storage::quantity_bytes(has)?,
    );
    if want_q <= has_q {
        return None;
    }
    let name = &claim.metadata.name;
    let vname = &volume.metadata.name;
    let vcap = volume
        .spec
        .capacity
        .get("storage")
        .and_then(|c| storage::quantity_bytes(c))
        .unwrap_or(0);
    let object = Object::PersistentVolumeClaim(claim.clone());
    // The CSI driver's external resizer records its events as `external-resizer <driver>`.
    let driver = volume
        .spec
        .csi
        .as_ref()
        .map(|c| c.driver.clone())
        .or_else(|| {
            volume
                .metadata
                .annotations
                .get(ANN_DYNAMICALLY_PROVISIONED)
                .cloned()
        })
        .unwrap_or_default();
    let resizer = format!("external-resizer {driver}").trim_end().to_string();
    if vcap < want_q {
        let resizing = has_claim_condition(claim, "Resizing");
        if !resizing && !expanding_recorded(world, &object) {
            // kube-controller-manager's expand controller finds no in-tree plugin for the
            // volume and leaves it to the CSI driver's external resizer.
            let e = events::external_expanding();
            return Some(Decision::Act(Act {
                component: Component::Provisioner("volume_expand".into()),
                writes: Vec::new(),
                event: Some(event_for(&object, &e)),
                explain: Text::new(
                    format!("Claim {name} asks for {want} but has {has}: the expand controller leaves the resize to the external resizer of the volume's CSI driver (event ExternalExpanding)."),
                    format!("PVC {name} 请求 {want},但现在只有 {has}:扩容控制器把调整交给卷的 CSI 驱动的外部调整器(事件 ExternalExpanding)。"),
                ),
            }));
        }
        if !resizing {
            return Some(Decision::Act(Act {
                component: Component::Provisioner(resizer.clone()),
                writes: vec![Write::Update(Object::PersistentVolumeClaim(with_claim_condition(claim, "Resizing", &world.now())))],
                event: Some(event_for(&object, &events::resizing(vname))),
                explain: Text::new(
                    format!("Claim {name} asks for {want} but has {has}: its class allows expansion, so the external resizer starts growing volume {vname} (claim condition Resizing)."),
                    format!("PVC {name} 请求 {want},但现在只有 {has}:它的存储类允许扩容,外部调整器开始扩大卷 {vname}(PVC 条件 Resizing)。"),
                ),
            }));
        }
        return Some(Decision::Act(Act {
            component: Component::Provisioner(resizer.clone()),
            writes: vec![
                Write::Update(Object::PersistentVolume(expanded_volume(volume, want))),
                Write::Update(Object::PersistentVolumeClaim(with_claim_condition(claim, "FileSystemResizePending", &world.now()))),
            ],
            event: Some(event_for(&object, &events::file_system_resize_required())),
            explain: Text::new(
                format!("The external resizer grew volume {vname} to {want}; the file system on it must still grow on the node, so claim {name} gets condition FileSystemResizePending (event FileSystemResizeRequired)."),
                format!("外部调整器已把卷 {vname} 扩大到 {want};卷上的文件系统还要在节点上扩展,所以 PVC {name} 得到条件 FileSystemResizePending(事件 FileSystemResizeRequired)。"),
            ),
        }));
    }
    let node = world
        .pods()
        .find(|p| {
            p.spec
                .volumes
                .iter()
                .any(|v| v.persistent_volume_claim.as_ref().map(|c| &c.claim_name) == Some(name))
        })
        .and_then(|p| p.spec.node_name.clone());
    let node = node?;
    Some(Decision::Act(Act {
        component: Component::Kubelet(node.clone()),
        writes: vec![Write::Update(Object::PersistentVolumeClaim(resized_claim(claim, want)))],
        event: Some(event_for(&object, &events::file_system_resize_successful(vname, &node))),
        explain: Text::new(
            format!("The kubelet on {node} grows the file system on volume {vname}; claim {name} now reports capacity {want}."),
            format!("{node} 上的 kubelet 扩展卷 {vname} 上的文件系统;PVC {name} 现在的容量为 {want}。"),
        ),
    }))
}

/// The external provisioners, one claim at a time in namespace and name order: a claim
/// handed to a provisioner gets its volume after `Timing::provision_ms`, or a
/// `ProvisioningFailed` event. A claim has work again when it changes, when its volume
/// appears or goes, when an event about it is recorded, or when its timer is due.
pub const PROVISIONERS: Part = Part {
    kinds: &[Kind::PersistentVolumeClaim],
    slot: |_| Some(String::new()),
    one: provision,
    touched: |world, key, before, after, mark| match key.0 {
        Kind::PersistentVolume => {
            for object in before.into_iter().chain(after) {
                if let Object::PersistentVolume(v) = object {
                    if let Some((ns, claim)) = volume_claim(v) {
                        mark((Kind::PersistentVolumeClaim, ns, claim));
                    }
                }
            }
            if before.is_none() || after.is_none() {
                if let Some(uid) = key.2.strip_prefix("pvc-") {
                    for (ns, claim) in world.claims_with_uid(uid) {
                        mark((Kind::PersistentVolumeClaim, ns.into(), claim.into()));
                    }
                }
            }
        }
        Kind::Event => {
            if let Some(involved) = involved(before, after, Kind::PersistentVolumeClaim) {
                mark(involved);
            }
        }
        _ => {}
    },
};

fn provision(world: &World, key: &Key) -> Decision {
    let Some(Object::PersistentVolumeClaim(claim)) = world.get(key) else {
        return Decision::idle();
    };
    let classes: Vec<&StorageClass> = world.classes().collect();
    let mut next: Option<i64> = None;
    'claim: {
        let Some(provisioner) = claim.metadata.annotations.get(ANN_STORAGE_PROVISIONER) else {
            break 'claim;
        };
        if claim.metadata.deletion_timestamp.is_some()
            || claim
                .spec
                .volume_name
                .as_deref()
                .is_some_and(|v| !v.is_empty())
        {
            break 'claim;
        }
        let volume_name = provisioned_volume_name(claim);
        if world
            .find(Kind::PersistentVolume, "", &volume_name)
            .is_some()
        {
            break 'claim;
        }
        let class_name = persistent_volume_claim_class(claim);
        let Some(class) = classes
            .iter()
            .copied()
            .find(|c| c.metadata.name == class_name)
        else {
            break 'claim;
        };
        let delayed = class.volume_binding_mode.as_deref() == Some("WaitForFirstConsumer");
        let selected = claim.metadata.annotations.get(ANN_SELECTED_NODE).cloned();
        if delayed && selected.is_none() {
            break 'claim;
        }
        let object = Object::PersistentVolumeClaim(claim.clone());
        let name = &claim.metadata.name;
        let ns = claim.metadata.namespace.as_deref().unwrap_or("default");
        let component = Component::Provisioner(provisioner.clone());
        let Some(started) = first_recorded_ms(world, &object, "Provisioning") else {
            let e = events::provisioning(&format!("{ns}/{name}"));
            return Decision::Act(Act {
                component,
                writes: Vec::new(),
                event: Some(event_for(&object, &e)),
                explain: Text::new(
                    format!("The provisioner {provisioner} picks up claim {name} and starts creating storage for it{}.", selected.as_ref().map(|n| format!(" on {n}")).unwrap_or_default()),
                    format!("供应者 {provisioner} 接手 PVC {name},开始为它创建存储{}。", selected.as_ref().map(|n| format!("(在 {n} 上)")).unwrap_or_default()),
                ),
            });
        };
        let due = started.saturating_add(world.timing.provision_ms);
        if world.now_ms < due {
            next = Some(due);
            break 'claim;
        }
        if let Some(error) = external_provision_error(claim, class, provisioner) {
            let e = events::provisioning_failed_external(&class.metadata.name, &error);
            if recorded(world, &object, e.reason, &e.message) {
                break 'claim;
            }
            return Decision::Act(Act {
                component,
                writes: Vec::new(),
                event: Some(event_for(&object, &e)),
                explain: Text::new(
                    format!("Provisioning a volume for claim {name} failed: {error}. The claim stays Pending."),
                    format!("为 PVC {name} 供应卷失败:{error}。PVC 保持 Pending。"),
                ),
            });
        }
        let node = selected
            .as_deref()
            .and_then(|n| match world.find(Kind::Node, "", n) {
                Some(Object::Node(node)) => Some(node),
                _ => None,
            });
        let volume = provisioned_volume(claim, class, provisioner, node, &world.now());
        let e = events::provisioning_succeeded(&volume_name);
        let policy = class_reclaim_policy(class).to_string();
        return Decision::Act(Act {
            component,
            writes: vec![Write::Create(Object::PersistentVolume(volume))],
            event: Some(event_for(&object, &e)),
            explain: Text::new(
                format!("The provisioner {provisioner} created volume {volume_name} for claim {name}: named pvc-<claim uid>, sized as the claim requests, already pointing at the claim (claimRef), with the class's reclaim policy {policy}."),
                format!("供应者 {provisioner} 为 PVC {name} 创建了卷 {volume_name}:名称为 pvc-<PVC uid>,大小与 PVC 请求一致,已经指向该 PVC(claimRef),回收策略沿用存储类的 {policy}。"),
            ),
        });
    }
    Decision::Idle {
        waits: Vec::new(),
        next_ms: next,
    }
}
