//! The scheduler: binds each pending pod to a node. Its volume checks follow the
//! VolumeBinding plugin: a pod whose claims are unbound under an Immediate class waits
//! (FailedScheduling); under WaitForFirstConsumer the scheduler picks a node, writes it
//! into the claim (`volume.kubernetes.io/selected-node`) or reserves a matching volume,
//! and binds the pod once the claims are bound. Nodes are chosen by readiness,
//! cordoning, volume node affinity, then the fewest pods of the same owner, the fewest
//! pods, and name order.
//!
//! Upstream: pkg/scheduler/schedule_one.go, framework/plugins/volumebinding

use super::queue::{volumes, Part};
use super::step::{Act, Component, Decision, EventSpec, Write};
use super::storage::{self, BindingMode, ANN_SELECTED_NODE};
use super::text::Text;
use super::world::{first_owner, key_of, volume_claim, World};
use crate::manifest::model::*;

fn node_ready(node: &Node) -> bool {
    node.status.as_ref().is_some_and(|s| {
        s.conditions
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True")
    })
}

fn pod_scheduled_false_message(pod: &Pod) -> Option<&str> {
    pod.status.as_ref().and_then(|s| {
        s.conditions
            .iter()
            .find(|c| c.type_ == "PodScheduled" && c.status == "False")
            .and_then(|c| c.message.as_deref())
    })
}

const PREEMPTION: &str =
    "preemption: 0/{n} nodes are available: {n} Preemption is not helpful for scheduling.";

fn fit_error(total: usize, reasons: &[(usize, String)]) -> String {
    let mut parts: Vec<String> = reasons.iter().map(|(n, r)| format!("{n} {r}")).collect();
    crate::sort::ascending(&mut parts);
    format!(
        "0/{total} nodes are available: {}. {}",
        parts.join(", "),
        PREEMPTION.replace("{n}", &total.to_string())
    )
}

fn unschedulable(world: &World, pod: &Pod, message: String, why: Text) -> Decision {
    if pod_scheduled_false_message(pod) == Some(message.as_str()) {
        return Decision::Idle {
            waits: vec![why],
            next_ms: None,
        };
    }
    let mut updated = pod.clone();
    let status = updated.status.get_or_insert_with(Default::default);
    status.conditions.retain(|c| c.type_ != "PodScheduled");
    status.conditions.push(Condition {
        type_: "PodScheduled".into(),
        status: "False".into(),
        reason: Some("Unschedulable".into()),
        message: Some(message.clone()),
        last_transition_time: Some(world.now()),
        ..Default::default()
    });
    let key = key_of(&Object::Pod(pod.clone()));
    Decision::Act(Act {
        component: Component::Scheduler,
        writes: vec![Write::Update(Object::Pod(updated))],
        event: Some(EventSpec::warning(key, "FailedScheduling", message)),
        explain: why,
    })
}

/// The scheduler, one pending pod at a time by creation time and name. A pod has work
/// again when it changes, when one of its claims changes, or when a volume it could use
/// changes.
pub const PASS: Part = Part {
    kinds: &[Kind::Pod],
    slot: |object| match object {
        Object::Pod(p) if p.spec.node_name.is_none() && p.metadata.deletion_timestamp.is_none() => {
            let created = p.metadata.creation_timestamp.as_deref().unwrap_or("");
            Some(format!("{created}\0{}", p.metadata.name))
        }
        _ => None,
    },
    one: |world, key| match world.get(key) {
        Some(Object::Pod(pod)) => schedule(world, pod),
        _ => Decision::idle(),
    },
    touched: |world, key, before, after, mark| {
        let mut users = |ns: &str, claim: &str| {
            for pod in world.claim_users(ns, claim) {
                mark((Kind::Pod, ns.to_string(), pod.to_string()));
            }
        };
        match key.0 {
            Kind::PersistentVolumeClaim => users(&key.1, &key.2),
            Kind::PersistentVolume => {
                if volumes(before, after).any(|v| v.spec.claim_ref.is_none()) {
                    world.of_kind(Kind::Pod).for_each(|p| mark(key_of(p)));
                    return;
                }
                for (ns, claim) in volumes(before, after).filter_map(volume_claim) {
                    users(&ns, &claim);
                }
                for (ns, claim) in world.claims_naming(&key.2) {
                    users(ns, claim);
                }
            }
            _ => {}
        }
    },
};

fn schedule(world: &World, pod: &Pod) -> Decision {
    let nodes: Vec<&Node> = world.nodes().collect();
    let classes: Vec<&StorageClass> = world.classes().collect();
    let nodes = &nodes[..];
    let classes = &classes[..];
    let name = pod.metadata.name.as_str();
    let ns = pod.metadata.namespace.as_deref().unwrap_or("default");
    let total = nodes.len();
    // Claims: missing, being deleted, or unbound under an Immediate class block scheduling.
    let mut claims: Vec<&PersistentVolumeClaim> = Vec::new();
    for volume in &pod.spec.volumes {
        let Some(source) = &volume.persistent_volume_claim else {
            continue;
        };
        match world.find(Kind::PersistentVolumeClaim, ns, &source.claim_name) {
            Some(Object::PersistentVolumeClaim(claim)) => {
                if claim.metadata.deletion_timestamp.is_some() {
                    return unschedulable(
                        world,
                        pod,
                        format!("0/{total} nodes are available: persistentvolumeclaim \"{}\" is being deleted. {}", claim.metadata.name, PREEMPTION.replace("{n}", &total.to_string())),
                        Text::new(
                            format!("{name} cannot be scheduled: its claim {} is being deleted.", claim.metadata.name),
                            format!("{name} 无法调度:它的 PVC {} 正在被删除。", claim.metadata.name),
                        ),
                    );
                }
                claims.push(claim);
            }
            _ => {
                return unschedulable(
                    world,
                    pod,
                    format!(
                        "0/{total} nodes are available: persistentvolumeclaim \"{}\" not found. {}",
                        source.claim_name,
                        PREEMPTION.replace("{n}", &total.to_string())
                    ),
                    Text::new(
                        format!(
                            "{name} cannot be scheduled: its claim {} does not exist.",
                            source.claim_name
                        ),
                        format!("{name} 无法调度:它的 PVC {} 不存在。", source.claim_name),
                    ),
                );
            }
        }
    }
    let unbound: Vec<&PersistentVolumeClaim> = claims
        .iter()
        .copied()
        .filter(|c| {
            c.spec.volume_name.as_deref().unwrap_or("").is_empty()
                || c.status.as_ref().and_then(|s| s.phase.as_deref()) != Some("Bound")
        })
        .collect();
    let immediate: Vec<&PersistentVolumeClaim> = unbound
        .iter()
        .copied()
        .filter(|c| {
            matches!(
                storage::is_delay_binding_mode(c, classes),
                Ok(BindingMode::Immediate) | Err(_)
            )
        })
        .collect();
    if let Some(first) = immediate.first() {
        // A claim the PV controller has already pre-bound is on its way; wait quietly.
        return unschedulable(
            world,
            pod,
            format!("0/{total} nodes are available: pod has unbound immediate PersistentVolumeClaims. {}", PREEMPTION.replace("{n}", &total.to_string())),
            Text::new(
                format!("{name} stays Pending: its claim {} is not bound yet and its StorageClass binds Immediately, so the scheduler waits for the PersistentVolume controller.", first.metadata.name),
                format!("{name} 保持 Pending:它的 PVC {} 还没有绑定,而其 StorageClass 是 Immediate 绑定模式,调度器要等待 PV 控制器完成绑定。", first.metadata.name),
            ),
        );
    }
    // Filter nodes.
    let mut reasons: crate::vecmap::VecMap<String, usize> = Default::default();
    let mut fits: Vec<&Node> = Vec::new();
    for node in nodes {
        if !node_ready(node) {
            *reasons
                .entry("node(s) had untolerated taint {node.kubernetes.io/not-ready: }".into())
                .or_default() += 1;
            continue;
        }
        if node.spec.unschedulable == Some(true) {
            *reasons
                .entry("node(s) were unschedulable".into())
                .or_default() += 1;
            continue;
        }
        if !pod
            .spec
            .node_selector
            .iter()
            .all(|(k, v)| node.metadata.labels.get(k) == Some(v))
        {
            *reasons
                .entry("node(s) didn't match Pod's node affinity/selector".into())
                .or_default() += 1;
            continue;
        }
        let mut ok = true;
        for claim in &claims {
            if unbound
                .iter()
                .any(|u| u.metadata.name == claim.metadata.name)
            {
                // WaitForFirstConsumer: a volume must fit on this node, or the class must provision here.
                let has_volume = storage::find_matching_volume(
                    claim,
                    &world.volumes_for(claim),
                    Some(node),
                    &[],
                    BindingMode::WaitForFirstConsumer,
                )
                .ok()
                .flatten()
                .is_some();
                let class_name = storage::persistent_volume_claim_class(claim);
                let provisions = classes.iter().any(|c| {
                    c.metadata.name == class_name
                        && storage::class_can_provision(c)
                        && storage::allowed_topologies_match(c, node)
                });
                if !has_volume && !provisions {
                    *reasons
                        .entry("node(s) didn't find available persistent volumes to bind".into())
                        .or_default() += 1;
                    ok = false;
                    break;
                }
            } else if let Some(Object::PersistentVolume(pv)) = claim
                .spec
                .volume_name
                .as_deref()
                .and_then(|v| world.find(Kind::PersistentVolume, "", v))
            {
                if !storage::node_affinity_matches(pv, node) {
                    *reasons
                        .entry("node(s) didn't match PersistentVolume's node affinity".into())
                        .or_default() += 1;
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            fits.push(node);
        }
    }
    if fits.is_empty() {
        let list: Vec<(usize, String)> = reasons.into_iter().map(|(r, n)| (n, r)).collect();
        let message = fit_error(total, &list);
        return unschedulable(
            world,
            pod,
            message.clone(),
            Text::new(
                format!("No node can run {name}: {message}"),
                format!("没有节点可以运行 {name}:{message}"),
            ),
        );
    }
    // Score: spread pods of the same owner, then all pods, then name order. The world's
    // index counts both per node (debug builds check it against the pods).
    let owner = first_owner(pod);
    #[cfg(debug_assertions)]
    for node in &fits {
        let name = node.metadata.name.as_str();
        let on_node = world
            .pods()
            .filter(|p| p.spec.node_name.as_deref() == Some(name));
        let (mut same, mut all) = (0, 0);
        for p in on_node {
            all += 1;
            same += usize::from(owner.is_some() && first_owner(p) == owner);
        }
        assert_eq!(world.node_load(name, owner), (same, all), "load of {name}");
    }
    let chosen = fits
        .iter()
        .copied()
        .min_by_key(|node| {
            let name = node.metadata.name.as_str();
            let (same_owner, all) = world.node_load(name, owner);
            (same_owner, all, name)
        })
        .cloned();
    let Some(node) = chosen else {
        return Decision::idle();
    };
    let node_name = node.metadata.name.clone();
    // WaitForFirstConsumer claims: reserve a volume, or ask for provisioning on this node.
    if let Some(claim) = unbound.first() {
        if claim.metadata.annotations.contains_key(ANN_SELECTED_NODE) {
            return Decision::Idle {
                waits: vec![Text::new(
                    format!("the scheduler waits for claim {} to be provisioned on {} before binding {name}", claim.metadata.name, claim.metadata.annotations.get(ANN_SELECTED_NODE).cloned().unwrap_or_default()),
                    format!("调度器等待 PVC {} 在 {} 上完成供应,再绑定 {name}", claim.metadata.name, claim.metadata.annotations.get(ANN_SELECTED_NODE).cloned().unwrap_or_default()),
                )],
                next_ms: None,
            };
        }
        if claim
            .spec
            .volume_name
            .as_deref()
            .is_some_and(|v| !v.is_empty())
        {
            return Decision::Idle {
                waits: vec![Text::new(
                    format!(
                        "the scheduler waits for claim {} to finish binding before binding {name}",
                        claim.metadata.name
                    ),
                    format!(
                        "调度器等待 PVC {} 完成绑定,再绑定 {name}",
                        claim.metadata.name
                    ),
                )],
                next_ms: None,
            };
        }
        let volumes = world.volumes_for(claim);
        if let Ok(Some(volume)) = storage::find_matching_volume(
            claim,
            &volumes,
            Some(&node),
            &[],
            BindingMode::WaitForFirstConsumer,
        ) {
            if volume.spec.claim_ref.is_none() {
                let mut reserved = volume.clone();
                reserved.spec.claim_ref = Some(ObjectReference {
                    kind: Some("PersistentVolumeClaim".into()),
                    namespace: claim.metadata.namespace.clone(),
                    name: Some(claim.metadata.name.clone()),
                    uid: claim.metadata.uid.clone(),
                    api_version: Some("v1".into()),
                    resource_version: claim.metadata.resource_version.clone(),
                    field_path: None,
                });
                reserved
                    .metadata
                    .annotations
                    .insert("pv.kubernetes.io/bound-by-controller".into(), "yes".into());
                return Decision::Act(Act {
                    component: Component::Scheduler,
                    writes: vec![Write::Update(Object::PersistentVolume(reserved))],
                    event: None,
                    explain: Text::new(
                        format!("Claim {} uses a WaitForFirstConsumer class, so binding waited for a pod. The scheduler picked {node_name} for {name} and reserves volume {} there (its claimRef); the PersistentVolume controller completes the binding.", claim.metadata.name, volume.metadata.name),
                        format!("PVC {} 使用 WaitForFirstConsumer 存储类,绑定要等到有 Pod 使用它。调度器为 {name} 选择了 {node_name},并在那里预留卷 {}(设置其 claimRef);PV 控制器随后完成绑定。", claim.metadata.name, volume.metadata.name),
                    ),
                });
            }
        }
        let mut selected = (*claim).clone();
        selected
            .metadata
            .annotations
            .insert(ANN_SELECTED_NODE.into(), node_name.clone());
        return Decision::Act(Act {
            component: Component::Scheduler,
            writes: vec![Write::Update(Object::PersistentVolumeClaim(selected))],
            event: None,
            explain: Text::new(
                format!("Claim {} uses a WaitForFirstConsumer class, so nothing was provisioned until a pod used it. The scheduler picked {node_name} for {name} and writes volume.kubernetes.io/selected-node: {node_name} on the claim, so the provisioner creates the volume where the pod will run.", claim.metadata.name),
                format!("PVC {} 使用 WaitForFirstConsumer 存储类,在有 Pod 使用它之前不会供应卷。调度器为 {name} 选择了 {node_name},并在 PVC 上写入 volume.kubernetes.io/selected-node: {node_name},让供应者在 Pod 将要运行的节点上创建卷。", claim.metadata.name),
            ),
        });
    }
    let mut bound = pod.clone();
    bound.spec.node_name = Some(node_name.clone());
    let status = bound.status.get_or_insert_with(Default::default);
    status.conditions.retain(|c| c.type_ != "PodScheduled");
    status.conditions.push(Condition {
        type_: "PodScheduled".into(),
        status: "True".into(),
        last_transition_time: Some(world.now()),
        ..Default::default()
    });
    let key = key_of(&Object::Pod(pod.clone()));
    Decision::Act(Act {
        component: Component::Scheduler,
        writes: vec![Write::Update(Object::Pod(bound))],
        event: Some(EventSpec::normal(
            key,
            "Scheduled",
            format!("Successfully assigned {ns}/{name} to {node_name}"),
        )),
        explain: Text::new(
            format!("The scheduler binds {name} to {node_name}: the node is Ready, not cordoned, its volumes fit there, and it runs the fewest pods of the same StatefulSet (the default spreading)."),
            format!("调度器把 {name} 绑定到 {node_name}:该节点就绪、未被封锁(cordon),卷可以在那里使用,而且它上面同一 StatefulSet 的 Pod 最少(默认的分散策略)。"),
        ),
    })
}
