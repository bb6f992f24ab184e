//! `kubectl get` rows, one printer per kind: the server-side printing columns of
//! Kubernetes 1.33 with the cell logic of each upstream `print*` function.
//! The table layout itself lives in `present::table`. Fields the API server always
//! defaults (a Service's type, a volume's reclaim policy and volume mode, a namespace's
//! phase) print their default when an object arrives without them.

use super::format::{
    access_modes_as_string, age, desired_replicas, format_labels, is_default_annotation,
    persistent_volume_claim_class, persistent_volume_class, translate_timestamp_since,
};
use crate::json::Value;
use crate::manifest::model::*;
use crate::present::table::{Column, Table};
use crate::time::parse_rfc3339;

/// The kubelet version `kubectl get nodes` prints for a node whose status carries no
/// `nodeInfo.kubeletVersion` (the simulated cluster runs Kubernetes 1.33.0).
pub const DEFAULT_KUBELET_VERSION: &str = "v1.33.0";

/// The warning a 1.33 API server attaches to every v1 Endpoints request; kubectl prints it
/// on stderr before the table.
pub const ENDPOINTS_DEPRECATION_WARNING: &str =
    "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice";

/// Columns of a kind's table and the index of the column holding the name.
pub(super) fn columns(kind: Kind) -> (Vec<Column>, usize) {
    use Column as C;
    let name = C::new("Name");
    let age = C::new("Age");
    match kind {
        Kind::Pod => (
            vec![
                name,
                C::new("Ready"),
                C::new("Status"),
                C::new("Restarts"),
                age,
                C::wide("IP"),
                C::wide("Node"),
                C::wide("Nominated Node"),
                C::wide("Readiness Gates"),
            ],
            0,
        ),
        Kind::StatefulSet => (
            vec![
                name,
                C::new("Ready"),
                age,
                C::wide("Containers"),
                C::wide("Images"),
            ],
            0,
        ),
        Kind::ControllerRevision => (vec![name, C::new("Controller"), C::new("Revision"), age], 0),
        Kind::Service => (
            vec![
                name,
                C::new("Type"),
                C::new("Cluster-IP"),
                C::new("External-IP"),
                C::new("Port(s)"),
                age,
                C::wide("Selector"),
            ],
            0,
        ),
        Kind::PersistentVolume => (
            vec![
                name,
                C::new("Capacity"),
                C::new("Access Modes"),
                C::new("Reclaim Policy"),
                C::new("Status"),
                C::new("Claim"),
                C::new("StorageClass"),
                C::new("VolumeAttributesClass"),
                C::new("Reason"),
                age,
                C::wide("VolumeMode"),
            ],
            0,
        ),
        Kind::PersistentVolumeClaim => (
            vec![
                name,
                C::new("Status"),
                C::new("Volume"),
                C::new("Capacity"),
                C::new("Access Modes"),
                C::new("StorageClass"),
                C::new("VolumeAttributesClass"),
                age,
                C::wide("VolumeMode"),
            ],
            0,
        ),
        Kind::StorageClass => (
            vec![
                name,
                C::new("Provisioner"),
                C::new("ReclaimPolicy"),
                C::new("VolumeBindingMode"),
                C::new("AllowVolumeExpansion"),
                age,
            ],
            0,
        ),
        Kind::EndpointSlice => (
            vec![
                name,
                C::new("AddressType"),
                C::new("Ports"),
                C::new("Endpoints"),
                age,
            ],
            0,
        ),
        Kind::Node => (
            vec![
                name,
                C::new("Status"),
                C::new("Roles"),
                age,
                C::new("Version"),
                C::wide("Internal-IP"),
                C::wide("External-IP"),
                C::wide("OS-Image"),
                C::wide("Kernel-Version"),
                C::wide("Container-Runtime"),
            ],
            0,
        ),
        Kind::Namespace => (vec![name, C::new("Status"), age], 0),
        Kind::Event => (
            vec![
                C::new("Last Seen"),
                C::new("Type"),
                C::new("Reason"),
                C::new("Object"),
                C::wide("Subobject"),
                C::wide("Source"),
                C::new("Message"),
                C::wide("First Seen"),
                C::wide("Count"),
                C::wide("Name"),
            ],
            9,
        ),
    }
}

/// The cells of one object's row, wide columns included.
pub(super) fn row(object: &Object, now_ms: i64) -> Vec<String> {
    match object {
        Object::Pod(o) => pod_row(o, now_ms),
        Object::StatefulSet(o) => stateful_set_row(o, now_ms),
        Object::ControllerRevision(o) => controller_revision_row(o, now_ms),
        Object::Service(o) => service_row(o, now_ms),
        Object::PersistentVolume(o) => persistent_volume_row(o, now_ms),
        Object::PersistentVolumeClaim(o) => persistent_volume_claim_row(o, now_ms),
        Object::StorageClass(o) => storage_class_row(o, now_ms),
        Object::EndpointSlice(o) => endpoint_slice_row(o, now_ms),
        Object::Node(o) => node_row(o, now_ms),
        Object::Namespace(o) => vec![
            o.metadata.name.clone(),
            o.status
                .as_ref()
                .and_then(|s| s.phase.clone())
                .unwrap_or_else(|| "Active".into()),
            age(&o.metadata, now_ms),
        ],
        Object::Event(o) => event_row(o, now_ms),
    }
}

fn has_condition(conditions: &[Condition], type_: &str) -> bool {
    conditions
        .iter()
        .any(|c| c.type_ == type_ && c.status == "True")
}

/// The STATUS, READY and RESTARTS of a pod.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go printPod
pub fn pod_status(pod: &Pod) -> (String, String, String) {
    let status = pod.status.clone().unwrap_or_default();
    let phase = status.phase.clone().unwrap_or_default();
    let mut reason = phase.clone();
    if let Some(r) = status.reason.as_deref().filter(|r| !r.is_empty()) {
        reason = r.to_string();
    }
    if status
        .conditions
        .iter()
        .any(|c| c.type_ == "PodScheduled" && c.reason.as_deref() == Some("SchedulingGated"))
    {
        reason = "SchedulingGated".into();
    }
    let sidecars = pod
        .spec
        .init_containers
        .iter()
        .filter(|c| c.extra.get("restartPolicy").and_then(Value::as_str) == Some("Always"))
        .count();
    let total = pod.spec.containers.len().saturating_add(sidecars);
    let mut ready = 0usize;
    let mut restarts = 0i64;
    let mut has_running = false;
    for container in status.container_statuses.iter().rev() {
        restarts = restarts.saturating_add(container.restart_count);
        let state = &container.state;
        if let Some(r) = state
            .waiting
            .as_ref()
            .and_then(|w| w.reason.as_deref())
            .filter(|r| !r.is_empty())
        {
            reason = r.to_string();
        } else if let Some(terminated) = &state.terminated {
            match terminated.reason.as_deref().filter(|r| !r.is_empty()) {
                Some(r) => reason = r.to_string(),
                None => reason = format!("ExitCode:{}", terminated.exit_code.unwrap_or(0)),
            }
        } else if container.ready && state.running.is_some() {
            has_running = true;
            ready += 1;
        }
    }
    if reason == "Completed" && has_running {
        reason = if has_condition(&status.conditions, "Ready") {
            "Running".into()
        } else {
            "NotReady".into()
        };
    }
    if pod.metadata.deletion_timestamp.is_some() && status.reason.as_deref() == Some("NodeLost") {
        reason = "Unknown".into();
    } else if pod.metadata.deletion_timestamp.is_some() && phase != "Succeeded" && phase != "Failed"
    {
        reason = "Terminating".into();
    }
    (reason, format!("{ready}/{total}"), restarts.to_string())
}

/// The RESTARTS cell: the count, and when it is not zero, how long ago the latest previous
/// run of any container finished (`4 (3m12s ago)`).
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go printPod
fn restarts_cell(pod: &Pod, restarts: String, now_ms: i64) -> String {
    let last_finished = pod
        .status
        .iter()
        .flat_map(|s| &s.container_statuses)
        .filter_map(|c| c.last_state.terminated.as_ref()?.finished_at.as_deref())
        .filter_map(|t| parse_rfc3339(t).map(|ms| (ms, t)))
        .max_by_key(|(ms, _)| *ms);
    match last_finished {
        Some((_, finished)) if restarts != "0" => {
            format!(
                "{restarts} ({} ago)",
                translate_timestamp_since(Some(finished), now_ms)
            )
        }
        _ => restarts,
    }
}

fn pod_row(pod: &Pod, now_ms: i64) -> Vec<String> {
    let (reason, ready, restarts) = pod_status(pod);
    let restarts = restarts_cell(pod, restarts, now_ms);
    let status = pod.status.clone().unwrap_or_default();
    let ip = status
        .pod_ips
        .first()
        .map(|ip| ip.ip.clone())
        .or(status.pod_ip.clone())
        .filter(|ip| !ip.is_empty())
        .unwrap_or_else(|| "<none>".into());
    let node = pod
        .spec
        .node_name
        .clone()
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "<none>".into());
    let gates = match pod
        .spec
        .extra
        .get("readinessGates")
        .and_then(Value::as_array)
    {
        Some(gates) if !gates.is_empty() => {
            let true_count = gates
                .iter()
                .filter_map(|g| g.get("conditionType").and_then(Value::as_str))
                .filter(|t| {
                    status
                        .conditions
                        .iter()
                        .find(|c| c.type_ == *t)
                        .is_some_and(|c| c.status == "True")
                })
                .count();
            format!("{true_count}/{}", gates.len())
        }
        _ => "<none>".into(),
    };
    vec![
        pod.metadata.name.clone(),
        ready,
        reason,
        restarts,
        age(&pod.metadata, now_ms),
        ip,
        node,
        "<none>".into(),
        gates,
    ]
}

/// Container names and images joined by commas.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go layoutContainerCells
pub fn layout_container_cells(containers: &[Container]) -> (String, String) {
    let names: Vec<&str> = containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = containers
        .iter()
        .map(|c| c.image.as_deref().unwrap_or(""))
        .collect();
    (names.join(","), images.join(","))
}

fn stateful_set_row(set: &StatefulSet, now_ms: i64) -> Vec<String> {
    let ready = set
        .status
        .as_ref()
        .and_then(|s| s.ready_replicas)
        .unwrap_or(0);
    let (names, images) = layout_container_cells(&set.spec.template.spec.containers);
    vec![
        set.metadata.name.clone(),
        format!("{ready}/{}", desired_replicas(set)),
        age(&set.metadata, now_ms),
        names,
        images,
    ]
}

/// `kind.group` in lower case, as kubectl prefixes names (`statefulset.apps`, `pod`).
/// Upstream: k8s.io/apimachinery pkg/runtime/schema GroupKind.String
pub fn group_kind(api_version: &str, kind: &str) -> String {
    match api_version.rsplit_once('/') {
        Some((group, _)) if !group.is_empty() => format!("{kind}.{group}").to_ascii_lowercase(),
        _ => kind.to_ascii_lowercase(),
    }
}

fn controller_revision_row(revision: &ControllerRevision, now_ms: i64) -> Vec<String> {
    let controller = revision
        .metadata
        .owner_references
        .iter()
        .find(|r| r.controller == Some(true))
        .map(|r| format!("{}/{}", group_kind(&r.api_version, &r.kind), r.name))
        .unwrap_or_else(|| "<none>".into());
    vec![
        revision.metadata.name.clone(),
        controller,
        revision.revision.to_string(),
        age(&revision.metadata, now_ms),
    ]
}

fn string_list(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The EXTERNAL-IP cell of a Service.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go getServiceExternalIP
pub fn service_external_ip(service: &Service, wide: bool) -> String {
    let external_ips = string_list(service.spec.extra.get("externalIPs"));
    match service.spec.type_.as_deref().unwrap_or("ClusterIP") {
        "ClusterIP" | "NodePort" => {
            if external_ips.is_empty() {
                "<none>".into()
            } else {
                external_ips.join(",")
            }
        }
        "LoadBalancer" => {
            let mut ingress: Vec<String> = service
                .status
                .as_ref()
                .and_then(|s| s.pointer("/loadBalancer/ingress"))
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| {
                            i.get("ip")
                                .and_then(Value::as_str)
                                .filter(|s| !s.is_empty())
                                .or_else(|| i.get("hostname").and_then(Value::as_str))
                                .map(str::to_string)
                        })
                        .collect()
                })
                .unwrap_or_default();
            crate::sort::ascending(&mut ingress);
            ingress.dedup();
            let mut lb = ingress.join(",");
            if !wide && lb.len() > 16 {
                let cut: String = lb.chars().take(13).collect();
                lb = format!("{cut}...");
            }
            if !external_ips.is_empty() {
                let mut all: Vec<String> = if lb.is_empty() {
                    Vec::new()
                } else {
                    lb.split(',').map(str::to_string).collect()
                };
                all.extend(external_ips);
                return all.join(",");
            }
            if lb.is_empty() {
                "<pending>".into()
            } else {
                lb
            }
        }
        "ExternalName" => service.spec.external_name.clone().unwrap_or_default(),
        _ => "<unknown>".into(),
    }
}

/// PORT(S): `80/TCP`, `80:30080/TCP`, joined by commas.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go makePortString
pub fn make_port_string(ports: &[ServicePort]) -> String {
    ports
        .iter()
        .map(|p| {
            let protocol = p.protocol.as_deref().unwrap_or("TCP");
            match p.node_port.filter(|n| *n > 0) {
                Some(node_port) => format!("{}:{node_port}/{protocol}", p.port),
                None => format!("{}/{protocol}", p.port),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn service_row_cells(service: &Service, now_ms: i64, wide: bool) -> Vec<String> {
    let cluster_ip = service
        .spec
        .cluster_ips
        .first()
        .cloned()
        .or(service.spec.cluster_ip.clone())
        .filter(|ip| !ip.is_empty())
        .unwrap_or_else(|| "<none>".into());
    let mut ports = make_port_string(&service.spec.ports);
    if ports.is_empty() {
        ports = "<none>".into();
    }
    vec![
        service.metadata.name.clone(),
        service
            .spec
            .type_
            .clone()
            .unwrap_or_else(|| "ClusterIP".into()),
        cluster_ip,
        service_external_ip(service, wide),
        ports,
        age(&service.metadata, now_ms),
        format_labels(&service.spec.selector.clone().unwrap_or_default()),
    ]
}

fn service_row(service: &Service, now_ms: i64) -> Vec<String> {
    service_row_cells(service, now_ms, false)
}

/// Service rows differ between plain and wide output (the load-balancer cell is clipped).
pub(super) fn service_row_wide(service: &Service, now_ms: i64) -> Vec<String> {
    service_row_cells(service, now_ms, true)
}

fn persistent_volume_row(volume: &PersistentVolume, now_ms: i64) -> Vec<String> {
    let claim = volume
        .spec
        .claim_ref
        .as_ref()
        .map(|r| {
            format!(
                "{}/{}",
                r.namespace.as_deref().unwrap_or(""),
                r.name.as_deref().unwrap_or("")
            )
        })
        .unwrap_or_default();
    let status = volume.status.clone().unwrap_or_default();
    let phase = if volume.metadata.deletion_timestamp.is_some() {
        "Terminating".into()
    } else {
        status.phase.unwrap_or_default()
    };
    vec![
        volume.metadata.name.clone(),
        volume
            .spec
            .capacity
            .get("storage")
            .cloned()
            .unwrap_or_else(|| "0".into()),
        access_modes_as_string(&volume.spec.access_modes),
        volume
            .spec
            .persistent_volume_reclaim_policy
            .clone()
            .unwrap_or_else(|| "Retain".into()),
        phase,
        claim,
        persistent_volume_class(volume),
        volume
            .spec
            .extra
            .get("volumeAttributesClassName")
            .and_then(Value::as_str)
            .unwrap_or("<unset>")
            .to_string(),
        status.reason.unwrap_or_default(),
        age(&volume.metadata, now_ms),
        volume
            .spec
            .volume_mode
            .clone()
            .unwrap_or_else(|| "Filesystem".into()),
    ]
}

/// CAPACITY and ACCESS MODES of a claim: filled only once `spec.volumeName` is set.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go printPersistentVolumeClaim
pub fn claim_capacity_and_modes(claim: &PersistentVolumeClaim) -> (String, String) {
    if claim.spec.volume_name.as_deref().unwrap_or("").is_empty() {
        return (String::new(), String::new());
    }
    let status = claim.status.clone().unwrap_or_default();
    (
        status
            .capacity
            .get("storage")
            .cloned()
            .unwrap_or_else(|| "0".into()),
        access_modes_as_string(&status.access_modes),
    )
}

fn persistent_volume_claim_row(claim: &PersistentVolumeClaim, now_ms: i64) -> Vec<String> {
    let phase = if claim.metadata.deletion_timestamp.is_some() {
        "Terminating".into()
    } else {
        claim
            .status
            .as_ref()
            .and_then(|s| s.phase.clone())
            .unwrap_or_default()
    };
    let (capacity, modes) = claim_capacity_and_modes(claim);
    vec![
        claim.metadata.name.clone(),
        phase,
        claim.spec.volume_name.clone().unwrap_or_default(),
        capacity,
        modes,
        persistent_volume_claim_class(claim),
        claim
            .spec
            .extra
            .get("volumeAttributesClassName")
            .and_then(Value::as_str)
            .unwrap_or("<unset>")
            .to_string(),
        age(&claim.metadata, now_ms),
        claim
            .spec
            .volume_mode
            .clone()
            .unwrap_or_else(|| "Filesystem".into()),
    ]
}

fn storage_class_row(class: &StorageClass, now_ms: i64) -> Vec<String> {
    let mut name = class.metadata.name.clone();
    if is_default_annotation(&class.metadata) {
        name.push_str(" (default)");
    }
    vec![
        name,
        class.provisioner.clone(),
        class
            .reclaim_policy
            .clone()
            .unwrap_or_else(|| "Delete".into()),
        class
            .volume_binding_mode
            .clone()
            .unwrap_or_else(|| "Immediate".into()),
        class.allow_volume_expansion.unwrap_or(false).to_string(),
        age(&class.metadata, now_ms),
    ]
}

/// At most three items, then ` + N more...`; `<unset>` when there is nothing.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go listWithMoreString
fn list_with_more_string(items: Vec<String>) -> String {
    let count = items.len();
    let shown: Vec<String> = items.into_iter().take(3).collect();
    let text = shown.join(",");
    if count > 3 {
        return format!("{text} + {} more...", count - 3);
    }
    if text.is_empty() {
        return "<unset>".into();
    }
    text
}

fn endpoint_slice_row(slice: &EndpointSlice, now_ms: i64) -> Vec<String> {
    let ports = slice
        .ports
        .iter()
        .map(|p| match (p.port, &p.name) {
            (Some(port), _) => port.to_string(),
            (None, Some(name)) => name.clone(),
            (None, None) => "*".into(),
        })
        .collect();
    let addresses = slice
        .endpoints
        .iter()
        .flat_map(|e| e.addresses.iter().cloned())
        .collect();
    vec![
        slice.metadata.name.clone(),
        slice.address_type.clone(),
        list_with_more_string(ports),
        list_with_more_string(addresses),
        age(&slice.metadata, now_ms),
    ]
}

/// `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels, sorted.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go findNodeRoles
pub fn find_node_roles(node: &Node) -> Vec<String> {
    let mut roles = crate::vecmap::VecSet::new();
    for (k, v) in &node.metadata.labels {
        if let Some(role) = k.strip_prefix("node-role.kubernetes.io/") {
            if !role.is_empty() {
                roles.insert(role.to_string());
            }
        } else if k == "kubernetes.io/role" && !v.is_empty() {
            roles.insert(v.clone());
        }
    }
    roles.into_iter().collect()
}

/// `Ready`, `NotReady` or `Unknown`, plus `SchedulingDisabled` when cordoned.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go printNode
pub fn node_status(node: &Node) -> String {
    let conditions = node
        .status
        .as_ref()
        .map(|s| s.conditions.as_slice())
        .unwrap_or_default();
    let mut status = match conditions.iter().rev().find(|c| c.type_ == "Ready") {
        Some(c) if c.status == "True" => vec!["Ready"],
        Some(_) => vec!["NotReady"],
        None => vec!["Unknown"],
    };
    if node.spec.unschedulable == Some(true) {
        status.push("SchedulingDisabled");
    }
    status.join(",")
}

/// A `status.nodeInfo` field, if the node reports it.
pub(super) fn node_info(node: &Node, field: &str) -> Option<String> {
    node.status
        .as_ref()
        .and_then(|s| s.extra.get("nodeInfo"))
        .and_then(|info| info.get(field))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn node_address(node: &Node, type_: &str) -> String {
    node.status
        .as_ref()
        .and_then(|s| s.addresses.iter().find(|a| a.type_ == type_))
        .map(|a| a.address.clone())
        .unwrap_or_else(|| "<none>".into())
}

fn node_row(node: &Node, now_ms: i64) -> Vec<String> {
    let roles = find_node_roles(node).join(",");
    vec![
        node.metadata.name.clone(),
        node_status(node),
        if roles.is_empty() {
            "<none>".into()
        } else {
            roles
        },
        age(&node.metadata, now_ms),
        node_info(node, "kubeletVersion").unwrap_or_else(|| DEFAULT_KUBELET_VERSION.into()),
        node_address(node, "InternalIP"),
        node_address(node, "ExternalIP"),
        node_info(node, "osImage").unwrap_or_else(|| "<unknown>".into()),
        node_info(node, "kernelVersion").unwrap_or_else(|| "<unknown>".into()),
        node_info(node, "containerRuntimeVersion").unwrap_or_else(|| "<unknown>".into()),
    ]
}

/// `pod/web-0`: the involved object's kind in lower case and its name.
pub fn event_object(event: &Event) -> String {
    let kind = event
        .involved_object
        .kind
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    match event
        .involved_object
        .name
        .as_deref()
        .filter(|n| !n.is_empty())
    {
        Some(name) => format!("{kind}/{name}"),
        None => kind,
    }
}

fn event_row(event: &Event, now_ms: i64) -> Vec<String> {
    let first = translate_timestamp_since(event.first_timestamp.as_deref(), now_ms);
    let last = match event.last_timestamp.as_deref() {
        Some(ts) => translate_timestamp_since(Some(ts), now_ms),
        None => first.clone(),
    };
    let count = if event.count == 0 { 1 } else { event.count };
    let source = match (
        event.source.component.as_deref().unwrap_or(""),
        event.source.host.as_deref().unwrap_or(""),
    ) {
        (component, "") => component.to_string(),
        (component, host) => format!("{component}, {host}"),
    };
    vec![
        last,
        event.type_.clone(),
        event.reason.clone(),
        event_object(event),
        event.involved_object.field_path.clone().unwrap_or_default(),
        source,
        event.message.trim().to_string(),
        first,
        count.to_string(),
        event.metadata.name.clone(),
    ]
}

/// One subset of a Service's v1 Endpoints as the endpoints controller would build it from
/// the Service's EndpointSlices: the addresses of the endpoints with the same ports, ready
/// and not ready (terminating endpoints are left out), and those ports.
struct Subset {
    ready: Vec<String>,
    not_ready: Vec<String>,
    ports: Vec<i64>,
}

/// The subsets of a Service's Endpoints: one per set of ports among its slices (a Service
/// with more than 100 endpoints has several slices, and pods whose named port resolves
/// differently have slices of their own), in the order the slices first show them.
fn derive_endpoints(service: &Service, slices: &[&EndpointSlice]) -> Vec<Subset> {
    let mut subsets: Vec<Subset> = Vec::new();
    let name = &service.metadata.name;
    let namespace = service.metadata.namespace.as_deref().unwrap_or("default");
    for slice in slices {
        let owned = slice
            .metadata
            .labels
            .get("kubernetes.io/service-name")
            .is_some_and(|n| n == name);
        let same_ns = slice.metadata.namespace.as_deref().unwrap_or("default") == namespace;
        if !owned || !same_ns || slice.endpoints.is_empty() {
            continue;
        }
        let ports: Vec<i64> = slice.ports.iter().filter_map(|p| p.port).collect();
        let at = match subsets.iter().position(|s| s.ports == ports) {
            Some(at) => at,
            None => {
                subsets.push(Subset {
                    ready: Vec::new(),
                    not_ready: Vec::new(),
                    ports,
                });
                subsets.len() - 1
            }
        };
        let Some(subset) = subsets.get_mut(at) else {
            continue;
        };
        for endpoint in &slice.endpoints {
            let Some(address) = endpoint.addresses.first() else {
                continue;
            };
            if endpoint.conditions.ready != Some(false) {
                subset.ready.push(address.clone());
            } else if endpoint.conditions.terminating != Some(true) {
                subset.not_ready.push(address.clone());
            }
        }
    }
    subsets.retain(|s| !s.ready.is_empty() || !s.not_ready.is_empty());
    for subset in &mut subsets {
        crate::sort::ascending(&mut subset.ready);
        crate::sort::ascending(&mut subset.not_ready);
    }
    subsets
}

/// ENDPOINTS of a v1 Endpoints: ready `ip:port` pairs of each subset (a bare IP without
/// ports), at most three then ` + N more...`; `<none>` without any subset.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go formatEndpoints
fn format_endpoints(subsets: &[Subset]) -> String {
    if subsets.is_empty() {
        return "<none>".into();
    }
    let mut list = Vec::new();
    let mut count = 0;
    for subset in subsets {
        if subset.ports.is_empty() {
            count += subset.ready.len();
            list.extend(subset.ready.iter().take(3 - list.len().min(3)).cloned());
            continue;
        }
        for port in &subset.ports {
            count += subset.ready.len();
            for address in subset.ready.iter().take(3 - list.len().min(3)) {
                list.push(format!("{address}:{port}"));
            }
        }
    }
    let text = list.join(",");
    if count > 3 {
        return format!("{text} + {} more...", count - 3);
    }
    text
}

/// The rows of `kubectl get endpoints`: one per Service with a selector, derived from the
/// EndpointSlices, aged like the Service.
pub(super) fn endpoints_table(
    services: &[&Service],
    slices: &[&EndpointSlice],
    now_ms: i64,
) -> (Table, Vec<String>) {
    let mut table = Table {
        columns: vec![
            Column::new("Name"),
            Column::new("Endpoints"),
            Column::new("Age"),
        ],
        rows: Vec::new(),
    };
    let mut namespaces = Vec::new();
    for service in services {
        if service.spec.selector.is_none() {
            continue;
        }
        let derived = derive_endpoints(service, slices);
        table.rows.push(vec![
            service.metadata.name.clone(),
            format_endpoints(&derived),
            age(&service.metadata, now_ms),
        ]);
        namespaces.push(
            service
                .metadata
                .namespace
                .clone()
                .unwrap_or_else(|| "default".into()),
        );
    }
    (table, namespaces)
}
