//! The kubelets: each pod bound to a node goes ContainerCreating → (sandbox, IP) →
//! image pulled → container created and started (Running) → Ready, after the fixed
//! delays of `Timing` and the readiness probe's `initialDelaySeconds`; a pod being deleted
//! is stopped and then removed once its containers have exited (at most the grace period).
//! The kubelet's own progress (which stage a pod is in, since when) is derived from the
//! pod's status and its recorded events, so the world holds no hidden kubelet state.
//!
//! Upstream: pkg/kubelet (status manager, kuberuntime), pkg/kubelet/images

use super::queue::{self, Part};
use super::step::{Act, Component, Decision, EventSpec, Write};
use super::text::Text;
use super::world::{key_of, Key, World};
use crate::manifest::model::*;
use crate::time::parse_rfc3339;

fn condition<'a>(pod: &'a Pod, kind: &str) -> Option<&'a Condition> {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.iter().find(|c| c.type_ == kind))
}

fn condition_true_since(pod: &Pod, kind: &str) -> Option<i64> {
    condition(pod, kind)
        .filter(|c| c.status == "True")
        .and_then(|c| c.last_transition_time.as_deref())
        .and_then(parse_rfc3339)
}

fn set_condition(status: &mut PodStatus, kind: &str, value: bool, now: &str, reason: Option<&str>) {
    let wanted = if value { "True" } else { "False" };
    if let Some(c) = status.conditions.iter_mut().find(|c| c.type_ == kind) {
        if c.status != wanted {
            c.status = wanted.into();
            c.last_transition_time = Some(now.into());
        }
        c.reason = reason.map(str::to_string);
        return;
    }
    status.conditions.push(Condition {
        type_: kind.into(),
        status: wanted.into(),
        last_transition_time: Some(now.into()),
        reason: reason.map(str::to_string),
        ..Default::default()
    });
}

/// Whether an event with this reason was recorded for this pod incarnation.
fn has_event(world: &World, pod: &Pod, reason: &str) -> bool {
    let uid = pod.metadata.uid.as_deref().unwrap_or("");
    world.events_for(uid).any(|e| e.reason == reason)
}

fn image(pod: &Pod) -> String {
    pod.spec
        .containers
        .first()
        .and_then(|c| c.image.clone())
        .unwrap_or_default()
}

fn container(pod: &Pod) -> String {
    pod.spec
        .containers
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

/// A stable, plausible image size for the Pulled message.
fn image_size(image: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in image.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    40_000_000 + hash % 60_000_000
}

/// 64 hex characters derived from a text (container IDs and image digests look like this).
fn hex64(seed: &str) -> String {
    let mut out = String::with_capacity(64);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0..4u8 {
        for b in seed.bytes().chain([round]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("{hash:016x}"));
    }
    out
}

/// The image ID a container runtime reports: the repository and a digest,
/// `docker.io/library/nginx@sha256:…` for `nginx:1.27`.
fn image_digest(image: &str) -> String {
    let repository = image.split(['@', ':']).next().unwrap_or(image);
    let qualified = if repository.contains('/') {
        if repository
            .split('/')
            .next()
            .is_some_and(|h| h.contains('.'))
        {
            repository.to_string()
        } else {
            format!("docker.io/{repository}")
        }
    } else {
        format!("docker.io/library/{repository}")
    };
    format!("{qualified}@sha256:{}", hex64(image))
}

/// A duration as Go prints it for whole milliseconds: `2s`, `1.5s`, `0.25s`.
fn seconds(ms: i64) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let (whole, millis) = (ms.unsigned_abs() / 1000, ms.unsigned_abs() % 1000);
    if millis == 0 {
        return format!("{sign}{whole}s");
    }
    let fraction = format!("{millis:03}");
    format!("{sign}{whole}.{}s", fraction.trim_end_matches('0'))
}

fn kubelet_act(
    node: &str,
    pod: &Pod,
    writes: Vec<Write>,
    event: Option<(&str, String)>,
    explain: Text,
) -> Decision {
    let key = key_of(&Object::Pod(pod.clone()));
    Decision::Act(Act {
        component: Component::Kubelet(node.into()),
        writes,
        event: event.map(|(reason, message)| EventSpec::normal(key, reason, message)),
        explain,
    })
}

fn readiness_delay_ms(pod: &Pod) -> Option<i64> {
    let probe = pod
        .spec
        .containers
        .iter()
        .find_map(|c| c.readiness_probe.as_ref())?;
    Some(probe.initial_delay_seconds.unwrap_or(0).clamp(0, 86_400) * 1000)
}

/// The kubelets, one pod at a time in namespace and name order: each pod's kubelet
/// moves it one status further, or waits for its next timer. A pod has work again when
/// it changes, when an event about it is recorded, or when its timer is due.
pub const PASS: Part = Part {
    kinds: &[Kind::Pod],
    slot: |_| Some(String::new()),
    one: sync,
    touched: |_, key, before, after, mark| {
        if key.0 == Kind::Event {
            if let Some(pod) = queue::involved(before, after, Kind::Pod) {
                mark(pod);
            }
        }
    },
};

fn sync(world: &World, key: &Key) -> Decision {
    let Some(Object::Pod(pod)) = world.get(key) else {
        return Decision::idle();
    };
    let t = &world.timing;
    let now = world.now();
    let mut next: Option<i64> = None;
    let mut wake = |at: i64| next = Some(next.map_or(at, |n: i64| n.min(at)));
    let no_status = PodStatus::default();
    'pod: {
        let Some(node) = pod.spec.node_name.as_deref() else {
            break 'pod;
        };
        let name = pod.metadata.name.as_str();
        let status = pod.status.as_ref().unwrap_or(&no_status);
        // Termination.
        if pod.metadata.deletion_timestamp.is_some() {
            if !has_event(world, pod, "Killing") {
                let mut stopping = pod.clone();
                let s = stopping.status.get_or_insert_with(Default::default);
                set_condition(s, "Ready", false, &now, None);
                set_condition(s, "ContainersReady", false, &now, None);
                for c in &mut s.container_statuses {
                    c.ready = false;
                }
                let grace = pod.metadata.deletion_grace_period_seconds.unwrap_or(30);
                return kubelet_act(
                    node,
                    pod,
                    vec![Write::Update(Object::Pod(stopping))],
                    Some(("Killing", format!("Stopping container {}", container(pod)))),
                    Text::new(
                        format!("{name} is being deleted: the kubelet on {node} marks it not Ready (so it leaves the Service's endpoints) and sends SIGTERM to its containers, which have terminationGracePeriodSeconds ({grace}s) to exit."),
                        format!("{name} 正在被删除:{node} 上的 kubelet 把它标记为未就绪(从而离开 Service 的端点),并向容器发送 SIGTERM;容器最多有 terminationGracePeriodSeconds({grace} 秒)来退出。"),
                    ),
                );
            }
            let asked = world
                .events_for(pod.metadata.uid.as_deref().unwrap_or(""))
                .filter(|e| e.reason == "Killing")
                .filter_map(|e| e.first_timestamp.as_deref().and_then(parse_rfc3339))
                .max()
                .unwrap_or(world.now_ms);
            let grace_ms = pod
                .metadata
                .deletion_grace_period_seconds
                .unwrap_or(30)
                .max(0)
                * 1000;
            let done = asked.saturating_add(t.stop_ms.min(grace_ms));
            if world.now_ms >= done {
                let key = key_of(&Object::Pod(pod.clone()));
                if !pod.metadata.finalizers.is_empty() {
                    break 'pod;
                }
                return Decision::Act(Act {
                    component: Component::Kubelet(node.to_string()),
                    writes: vec![Write::Remove(key)],
                    event: None,
                    explain: Text::new(
                        format!("The containers of {name} have exited. The kubelet confirms the deletion and the API server removes {name}: only now can a StatefulSet create a new pod with this name."),
                        format!("{name} 的容器已经退出。kubelet 确认删除,API 服务器移除 {name}:直到这时,StatefulSet 才能用这个名字创建新的 Pod。"),
                    ),
                });
            }
            wake(done);
            break 'pod;
        }
        if matches!(status.phase.as_deref(), Some("Failed" | "Succeeded")) {
            break 'pod;
        }
        // Accepted: the first status from the kubelet.
        if status.start_time.is_none() {
            let mut accepted = pod.clone();
            let host_ip = world.find(Kind::Node, "", node).and_then(|o| match o {
                Object::Node(n) => n
                    .status
                    .as_ref()
                    .and_then(|s| s.addresses.first().map(|a| a.address.clone())),
                _ => None,
            });
            let s = accepted.status.get_or_insert_with(Default::default);
            s.phase = Some("Pending".into());
            s.start_time = Some(now.clone());
            s.host_ip = host_ip;
            set_condition(s, "PodReadyToStartContainers", false, &now, None);
            set_condition(s, "Initialized", true, &now, None);
            set_condition(s, "Ready", false, &now, Some("ContainersNotReady"));
            set_condition(
                s,
                "ContainersReady",
                false,
                &now,
                Some("ContainersNotReady"),
            );
            s.container_statuses = pod
                .spec
                .containers
                .iter()
                .map(|c| ContainerStatus {
                    name: c.name.clone(),
                    image: c.image.clone().unwrap_or_default(),
                    ready: false,
                    restart_count: 0,
                    started: Some(false),
                    state: ContainerState {
                        waiting: Some(ContainerStateDetail {
                            reason: Some("ContainerCreating".into()),
                            ..Default::default()
                        }),
                        ..Default::default()
                    },
                    ..Default::default()
                })
                .collect();
            return kubelet_act(node, pod, vec![Write::Update(Object::Pod(accepted))], None, Text::new(
                format!("The kubelet on {node} sees {name} bound to its node. It mounts the pod's volumes and starts creating its sandbox: STATUS ContainerCreating."),
                format!("{node} 上的 kubelet 发现 {name} 被分配到本节点。它挂载 Pod 的卷,并开始创建沙箱:STATUS 为 ContainerCreating。"),
            ));
        }
        let started = status
            .start_time
            .as_deref()
            .and_then(parse_rfc3339)
            .unwrap_or(world.now_ms);
        // Sandbox and IP.
        if status.pod_ip.is_none() {
            let image = image(pod);
            let at = started.saturating_add(t.sandbox_ms);
            if world.now_ms < at {
                wake(at);
                break 'pod;
            }
            let mut ready_sandbox = pod.clone();
            let ip = world.peek_pod_ip(node);
            let s = ready_sandbox.status.get_or_insert_with(Default::default);
            s.pod_ip = ip.clone();
            s.pod_ips = ip.iter().map(|i| PodIp { ip: i.clone() }).collect();
            set_condition(s, "PodReadyToStartContainers", true, &now, None);
            let present = world.has_pulled(node, &image);
            let event = if present {
                (
                    "Pulled",
                    format!("Container image \"{image}\" already present on machine"),
                )
            } else {
                ("Pulling", format!("Pulling image \"{image}\""))
            };
            let ip_text = ip.unwrap_or_default();
            return kubelet_act(node, pod, vec![Write::Update(Object::Pod(ready_sandbox))], Some(event), Text::new(
                format!("The sandbox of {name} is ready and it gets pod IP {ip_text} from {node}'s pod CIDR. {}", if present { format!("{node} already has image {image}.") } else { format!("The kubelet pulls image {image}.") }),
                format!("{name} 的沙箱已就绪,它从 {node} 的 Pod CIDR 获得 IP {ip_text}。{}", if present { format!("{node} 上已经有镜像 {image}。") } else { format!("kubelet 开始拉取镜像 {image}。") }),
            ));
        }
        let sandbox = condition_true_since(pod, "PodReadyToStartContainers").unwrap_or(started);
        let running = status.phase.as_deref() == Some("Running");
        if !running {
            let image = image(pod);
            let pulling = has_event(world, pod, "Pulling");
            let pulled = has_event(world, pod, "Pulled");
            if pulling && !pulled {
                let at = sandbox.saturating_add(t.pull_ms);
                if world.now_ms < at {
                    wake(at);
                    break 'pod;
                }
                let took = seconds(t.pull_ms);
                return kubelet_act(node, pod, Vec::new(), Some(("Pulled", format!(
                    "Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {} bytes.", image_size(&image)
                ))), Text::new(
                    format!("{node} finished pulling {image} for {name}."),
                    format!("{node} 为 {name} 拉取完镜像 {image}。"),
                ));
            }
            let ready_to_create = if pulling {
                sandbox.saturating_add(t.pull_ms)
            } else {
                sandbox
            };
            if !has_event(world, pod, "Created") {
                let at = ready_to_create.saturating_add(t.start_ms);
                if world.now_ms < at {
                    wake(at);
                    break 'pod;
                }
                return kubelet_act(
                    node,
                    pod,
                    Vec::new(),
                    Some(("Created", format!("Created container: {}", container(pod)))),
                    Text::new(
                        format!(
                            "The kubelet creates container {} of {name}.",
                            container(pod)
                        ),
                        format!("kubelet 创建 {name} 的容器 {}。", container(pod)),
                    ),
                );
            }
            let mut run = pod.clone();
            let probe = readiness_delay_ms(pod);
            let s = run.status.get_or_insert_with(Default::default);
            s.phase = Some("Running".into());
            let uid = pod.metadata.uid.clone().unwrap_or_default();
            for c in &mut s.container_statuses {
                c.started = Some(true);
                c.ready = probe.is_none();
                c.image_id = Some(image_digest(&c.image));
                c.container_id = Some(format!(
                    "containerd://{}",
                    hex64(&format!("{uid}/{}", c.name))
                ));
                c.state = ContainerState {
                    running: Some(ContainerStateDetail {
                        started_at: Some(now.clone()),
                        ..Default::default()
                    }),
                    ..Default::default()
                };
            }
            if probe.is_none() {
                set_condition(s, "ContainersReady", true, &now, None);
                set_condition(s, "Ready", true, &now, None);
            }
            let explain = match probe {
                None => Text::new(
                    format!("Container {} of {name} is running. It has no readiness probe, so the pod is Ready at once: Running and Ready.", container(pod)),
                    format!("{name} 的容器 {} 已经运行。它没有就绪探针,所以 Pod 立即就绪:Running 且 Ready。", container(pod)),
                ),
                Some(ms) => Text::new(
                    format!("Container {} of {name} is running, but not Ready yet: its readinessProbe has initialDelaySeconds {}.", container(pod), ms / 1000),
                    format!("{name} 的容器 {} 已经运行,但还没有就绪:它的 readinessProbe 设置了 initialDelaySeconds 为 {}。", container(pod), ms / 1000),
                ),
            };
            return kubelet_act(
                node,
                pod,
                vec![Write::Update(Object::Pod(run))],
                Some(("Started", format!("Started container {}", container(pod)))),
                explain,
            );
        }
        // Readiness after the probe's initial delay.
        if condition_true_since(pod, "Ready").is_none() {
            let since = status
                .container_statuses
                .first()
                .and_then(|c| c.state.running.as_ref())
                .and_then(|r| r.started_at.as_deref())
                .and_then(parse_rfc3339)
                .unwrap_or(world.now_ms);
            let at = since.saturating_add(readiness_delay_ms(pod).unwrap_or(0));
            if world.now_ms < at {
                wake(at);
                break 'pod;
            }
            let mut ready = pod.clone();
            let s = ready.status.get_or_insert_with(Default::default);
            for c in &mut s.container_statuses {
                c.ready = true;
            }
            set_condition(s, "ContainersReady", true, &now, None);
            set_condition(s, "Ready", true, &now, None);
            return kubelet_act(node, pod, vec![Write::Update(Object::Pod(ready))], None, Text::new(
                format!("The readiness probe of {name} succeeds: the pod is Ready. It now counts as Running and Ready for the StatefulSet and appears in its Service's endpoints."),
                format!("{name} 的就绪探针成功:Pod 已就绪。现在它对 StatefulSet 来说是“运行并就绪”,并出现在 Service 的端点中。"),
            ));
        }
    }
    Decision::Idle {
        waits: Vec::new(),
        next_ms: next,
    }
}

#[cfg(test)]
mod tests {
    use super::seconds;

    #[test]
    fn durations_print_as_the_float_seconds_did() {
        for ms in [
            0, 1, 5, 50, 250, 999, 1000, 1500, 1234, 61_005, 3_600_000, -1500,
        ] {
            let s = ms as f64 / 1000.0;
            let float = if s.fract() == 0.0 {
                format!("{}s", s as i64)
            } else {
                format!("{s}s")
            };
            assert_eq!(seconds(ms), float, "{ms}");
        }
        assert_eq!(seconds(1500), "1.5s");
        assert_eq!(seconds(250), "0.25s");
    }
}
