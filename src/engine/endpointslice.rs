//! What the EndpointSlice controller wants a Service's slices to hold: pure functions of
//! the Service, the pods in its namespace, the nodes and the stored slices. `reconcile`
//! works out the creates, updates and deletes of one sync as upstream's reconciler does
//! (at most [`MAX_ENDPOINTS_PER_SLICE`] endpoints a slice, one group of slices per set of
//! resolved ports); `settled` tells, without building endpoints, that it would write
//! nothing. The controller loop (`endpoints.rs`) names new slices and writes the result.
//!
//! Upstream: staging/src/k8s.io/endpointslice reconciler.go `reconcileByAddressType`,
//! `reconcileByPortMapping`, `finalize`; utils.go `podToEndpoint`, `getEndpointPorts`,
//! `newEndpointSlice`, `getSliceToFill`, `setEndpointSliceLabels`, `ownedBy`;
//! util/controller_utils.go `ShouldPodBeInEndpoints`, `ShouldSetHostname`.

use crate::manifest::model::{
    Endpoint, EndpointConditions, EndpointPort, EndpointSlice, IntOrString, Node, ObjectMeta,
    ObjectReference, OwnerReference, Pod, Service, ServicePort, StringMap,
};

/// The label that ties a slice to its Service.
pub const SERVICE_NAME_LABEL: &str = "kubernetes.io/service-name";
/// The label saying which controller manages a slice.
pub const MANAGED_BY_LABEL: &str = "endpointslice.kubernetes.io/managed-by";
pub const MANAGED_BY: &str = "endpointslice-controller.k8s.io";
/// Set (empty) on the slices of headless Services.
pub const HEADLESS_LABEL: &str = "service.kubernetes.io/headless";
/// The node label an endpoint's zone comes from.
pub const ZONE_LABEL: &str = "topology.kubernetes.io/zone";
/// The most endpoints one slice holds: kube-controller-manager's default
/// `--max-endpoints-per-slice`. More endpoints take more slices.
pub const MAX_ENDPOINTS_PER_SLICE: usize = 100;
/// The address type of every slice: the simulated cluster is single-stack IPv4.
pub const ADDRESS_TYPE: &str = "IPv4";

/// Whether the controller manages slices for this Service at all: it needs a selector, and
/// ExternalName Services get none.
pub fn manages(service: &Service) -> bool {
    service.spec.type_.as_deref() != Some("ExternalName")
        && service
            .spec
            .selector
            .as_ref()
            .is_some_and(|s| !s.is_empty())
}

fn selects(service: &Service, pod: &Pod) -> bool {
    let Some(selector) = &service.spec.selector else {
        return false;
    };
    !selector.is_empty()
        && selector
            .iter()
            .all(|(k, v)| pod.metadata.labels.get(k) == Some(v))
}

fn is_ready(pod: &Pod) -> bool {
    pod.status.as_ref().is_some_and(|s| {
        s.conditions
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True")
    })
}

/// A pod is listed when it is not terminal and has an IP; terminating pods stay listed.
/// Upstream: util/controller_utils.go `ShouldPodBeInEndpoints` (includeTerminating = true)
pub fn should_pod_be_in_endpoints(pod: &Pod) -> bool {
    let Some(status) = &pod.status else {
        return false;
    };
    let terminal = matches!(status.phase.as_deref(), Some("Succeeded" | "Failed"));
    !terminal && status.pod_ip.as_deref().is_some_and(|ip| !ip.is_empty())
}

/// Upstream: util/controller_utils.go `ShouldSetHostname`
pub fn should_set_hostname(pod: &Pod, service: &Service) -> bool {
    let hostname = pod.spec.hostname.as_deref().unwrap_or("");
    !hostname.is_empty()
        && pod.spec.subdomain.as_deref() == Some(service.metadata.name.as_str())
        && pod.metadata.namespace == service.metadata.namespace
}

/// Upstream: utils.go `podToEndpoint`
pub fn pod_to_endpoint(pod: &Pod, service: &Service, nodes: &[&Node]) -> Endpoint {
    let terminating = pod.metadata.deletion_timestamp.is_some();
    let ready = is_ready(pod);
    let publish = service.spec.publish_not_ready_addresses == Some(true);
    let node_name = pod.spec.node_name.clone();
    let zone = node_name.as_ref().and_then(|n| {
        nodes
            .iter()
            .find(|node| node.metadata.name == *n)
            .and_then(|node| node.metadata.labels.get(ZONE_LABEL).cloned())
    });
    let status = pod.status.as_ref();
    Endpoint {
        addresses: status.and_then(|s| s.pod_ip.clone()).into_iter().collect(),
        conditions: EndpointConditions {
            ready: Some(publish || (ready && !terminating)),
            serving: Some(ready),
            terminating: Some(terminating),
        },
        hostname: should_set_hostname(pod, service)
            .then(|| pod.spec.hostname.clone())
            .flatten(),
        target_ref: Some(ObjectReference {
            kind: Some("Pod".into()),
            namespace: pod.metadata.namespace.clone(),
            name: Some(pod.metadata.name.clone()),
            uid: pod.metadata.uid.clone(),
            ..Default::default()
        }),
        node_name,
        zone,
    }
}

/// Whether `endpoint` is what [`pod_to_endpoint`] gives for the pod, without building it:
/// most syncs find the slice as it should be.
pub fn endpoint_matches(
    endpoint: &Endpoint,
    pod: &Pod,
    service: &Service,
    nodes: &[&Node],
) -> bool {
    let Endpoint {
        addresses,
        conditions,
        hostname,
        target_ref,
        node_name,
        zone,
    } = endpoint;
    let terminating = pod.metadata.deletion_timestamp.is_some();
    let ready = is_ready(pod);
    let publish = service.spec.publish_not_ready_addresses == Some(true);
    let ip = pod.status.as_ref().and_then(|s| s.pod_ip.as_deref());
    let wanted_hostname = if should_set_hostname(pod, service) {
        pod.spec.hostname.as_deref()
    } else {
        None
    };
    let wanted_zone = pod.spec.node_name.as_ref().and_then(|n| {
        nodes
            .iter()
            .find(|node| node.metadata.name == *n)
            .and_then(|node| node.metadata.labels.get(ZONE_LABEL))
    });
    let reference_matches = target_ref.as_ref().is_some_and(|r| {
        let ObjectReference {
            api_version,
            kind,
            namespace,
            name,
            uid,
            resource_version,
            field_path,
        } = r;
        api_version.is_none()
            && kind.as_deref() == Some("Pod")
            && *namespace == pod.metadata.namespace
            && name.as_deref() == Some(pod.metadata.name.as_str())
            && *uid == pod.metadata.uid
            && resource_version.is_none()
            && field_path.is_none()
    });
    addresses.iter().map(String::as_str).eq(ip)
        && *conditions
            == EndpointConditions {
                ready: Some(publish || (ready && !terminating)),
                serving: Some(ready),
                terminating: Some(terminating),
            }
        && hostname.as_deref() == wanted_hostname
        && reference_matches
        && *node_name == pod.spec.node_name
        && zone.as_ref() == wanted_zone
}

/// The container port a Service port sends to on `pod`: a number as it is, a name looked
/// up among the pod's container ports of the same protocol.
/// Upstream: utils.go `FindPort`
fn find_port(port: &ServicePort, pod: Option<&Pod>) -> Option<i64> {
    match &port.target_port {
        None => Some(port.port),
        Some(IntOrString::Int(n)) => Some(*n),
        Some(IntOrString::String(name)) => {
            let protocol = port.protocol.as_deref().unwrap_or("TCP");
            pod?.spec
                .containers
                .iter()
                .flat_map(|c| &c.ports)
                .find(|p| {
                    p.name.as_deref() == Some(name.as_str())
                        && p.protocol.as_deref().unwrap_or("TCP") == protocol
                })
                .map(|p| p.container_port)
        }
    }
}

/// Whether a slice port is this Service port resolved to `number`.
fn is_port(slice_port: &EndpointPort, port: &ServicePort, number: i64) -> bool {
    slice_port.name.as_deref() == Some(port.name.as_deref().unwrap_or(""))
        && slice_port.port == Some(number)
        && slice_port.protocol.as_deref() == Some(port.protocol.as_deref().unwrap_or("TCP"))
}

/// The slice's ports: each Service port with its target port resolved against `pod`
/// (a named target port is looked up among the pod's container ports).
/// Upstream: utils.go `getEndpointPorts`
pub fn endpoint_ports(service: &Service, pod: Option<&Pod>) -> Vec<EndpointPort> {
    service
        .spec
        .ports
        .iter()
        .filter_map(|port| {
            let number = find_port(port, pod)?;
            Some(EndpointPort {
                name: Some(port.name.clone().unwrap_or_default()),
                port: Some(number),
                protocol: Some(port.protocol.clone().unwrap_or_else(|| "TCP".into())),
            })
        })
        .collect()
}

/// Whether `ports` are the ports [`endpoint_ports`] gives for the pod, in any order,
/// without building them.
fn ports_match(ports: &[EndpointPort], service: &Service, pod: &Pod) -> bool {
    let mut resolved = 0;
    for port in &service.spec.ports {
        let Some(number) = find_port(port, Some(pod)) else {
            continue;
        };
        resolved += 1;
        if !ports.iter().any(|p| is_port(p, port, number)) {
            return false;
        }
    }
    resolved == ports.len()
}

/// Whether two lists of ports are the same port map: the same ports in any order.
/// Upstream: util `NewPortMapKey` (a hash of the sorted ports)
fn same_port_map(a: &[EndpointPort], b: &[EndpointPort]) -> bool {
    a.len() == b.len() && a.iter().all(|p| b.contains(p)) && b.iter().all(|p| a.contains(p))
}

/// Whether pods may differ in the ports their endpoints get: only through a named target
/// port.
fn ports_vary(service: &Service) -> bool {
    service
        .spec
        .ports
        .iter()
        .any(|p| matches!(p.target_port, Some(IntOrString::String(_))))
}

/// Compares pod names so that `web-2` sorts before `web-10`.
#[cfg(test)]
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    (split_ordinal(a), a).cmp(&(split_ordinal(b), b))
}

/// Where a pod name sorts: without its trailing number, the number, then the whole name.
type NameOrder<'a> = (&'a str, Option<u64>, &'a str);

/// A name without its trailing number, and the number.
fn split_ordinal(s: &str) -> (&str, Option<u64>) {
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (head, tail) = s.split_at(s.len() - digits);
    (head, tail.parse::<u64>().ok())
}

/// The endpoints the Service's slices should hold now, in pod-name order, and the ports
/// of the first pod's endpoint.
pub fn desired(
    service: &Service,
    pods: &[&Pod],
    nodes: &[&Node],
) -> (Vec<Endpoint>, Vec<EndpointPort>) {
    let members = members(service, pods);
    let endpoints = members
        .iter()
        .map(|p| pod_to_endpoint(p, service, nodes))
        .collect();
    let ports = endpoint_ports(service, members.first().copied());
    (endpoints, ports)
}

/// The pods the Service's slices list, in pod-name order.
pub fn members<'a>(service: &Service, pods: &[&'a Pod]) -> Vec<&'a Pod> {
    // Each name is split once, not at every comparison.
    let mut members: Vec<(NameOrder, &Pod)> = pods
        .iter()
        .copied()
        .filter(|p| p.metadata.namespace == service.metadata.namespace)
        .filter(|p| selects(service, p) && should_pod_be_in_endpoints(p))
        .map(|p| {
            let (head, ordinal) = split_ordinal(&p.metadata.name);
            ((head, ordinal, p.metadata.name.as_str()), p)
        })
        .collect();
    crate::sort::by(&mut members, |a, b| a.0.cmp(&b.0));
    members.into_iter().map(|(_, p)| p).collect()
}

/// The labels of a Service's slice: the Service's own labels, then the controller's.
/// Upstream: utils.go `setEndpointSliceLabels`
pub fn slice_labels(service: &Service) -> StringMap {
    let mut labels = service.metadata.labels.clone();
    labels.insert(SERVICE_NAME_LABEL.into(), service.metadata.name.clone());
    labels.insert(MANAGED_BY_LABEL.into(), MANAGED_BY.into());
    if service.spec.cluster_ip.as_deref() == Some("None") {
        labels.insert(HEADLESS_LABEL.into(), String::new());
    } else {
        labels.remove(HEADLESS_LABEL);
    }
    labels
}

/// The position of the pod named `name` among `members` (in pod-name order), trying
/// `hint` first: a slice filled in pod-name order lists them one after another.
fn member_index(members: &[&Pod], name: &str, hint: usize) -> Option<usize> {
    if members
        .get(hint)
        .is_some_and(|p| p.metadata.name.as_str() == name)
    {
        return Some(hint);
    }
    let (head, ordinal) = split_ordinal(name);
    members
        .binary_search_by(|p| {
            let (h, o) = split_ordinal(&p.metadata.name);
            (h, o, p.metadata.name.as_str()).cmp(&(head, ordinal, name))
        })
        .ok()
}

/// The pod an endpoint names, if the Service selects it.
fn endpoint_member(endpoint: &Endpoint, members: &[&Pod], hint: usize) -> Option<usize> {
    let name = endpoint.target_ref.as_ref()?.name.as_deref()?;
    member_index(members, name, hint)
}

/// Whether an endpoint stands for the pod as it is now: the same addresses, hostname and
/// pod (what upstream hashes an endpoint by); other fields may have changed.
/// Upstream: util/endpointset.go `hashEndpoint`
fn same_endpoint(endpoint: &Endpoint, pod: &Pod, service: &Service) -> bool {
    let ip = pod.status.as_ref().and_then(|s| s.pod_ip.as_deref());
    let hostname = if should_set_hostname(pod, service) {
        pod.spec.hostname.as_deref()
    } else {
        None
    };
    endpoint.addresses.iter().map(String::as_str).eq(ip)
        && endpoint.hostname.as_deref() == hostname
        && endpoint.target_ref.as_ref().is_some_and(|r| {
            r.namespace == pod.metadata.namespace
                && r.name.as_deref() == Some(pod.metadata.name.as_str())
        })
}

/// Whether the Service owns the slice (an old Service of the same name does not).
/// Upstream: utils.go `ownedBy`
pub fn owned_by(slice: &EndpointSlice, service: &Service) -> bool {
    slice.metadata.owner_references.iter().any(|o| {
        Some(o.uid.as_str()) == service.metadata.uid.as_deref()
            && o.kind == "Service"
            && o.api_version == "v1"
    })
}

fn is_reserved_label(key: &str) -> bool {
    key == SERVICE_NAME_LABEL || key == MANAGED_BY_LABEL || key == HEADLESS_LABEL
}

/// Whether the slice's labels other than the controller's own differ from the Service's.
/// Upstream: utils.go `setEndpointSliceLabels` (its `updated` result)
pub fn labels_changed(slice: &EndpointSlice, service: &Service) -> bool {
    fn own(labels: &StringMap) -> impl Iterator<Item = (&String, &String)> {
        labels.iter().filter(|(k, _)| !is_reserved_label(k))
    }
    !own(&slice.metadata.labels).eq(own(&service.metadata.labels))
}

/// A new slice for the Service with these ports and no endpoints, not yet named.
/// Upstream: utils.go `newEndpointSlice`
pub fn new_slice(service: &Service, ports: Vec<EndpointPort>) -> EndpointSlice {
    let name = &service.metadata.name;
    EndpointSlice {
        api_version: "discovery.k8s.io/v1".into(),
        kind: "EndpointSlice".into(),
        metadata: ObjectMeta {
            generate_name: Some(format!("{name}-")),
            namespace: service.metadata.namespace.clone(),
            labels: slice_labels(service),
            owner_references: vec![OwnerReference {
                api_version: "v1".into(),
                kind: "Service".into(),
                name: name.clone(),
                uid: service.metadata.uid.clone().unwrap_or_default(),
                controller: Some(true),
                block_owner_deletion: Some(true),
            }],
            ..Default::default()
        },
        address_type: ADDRESS_TYPE.into(),
        endpoints: Vec::new(),
        ports,
    }
}

/// Whether a slice is the placeholder a Service without endpoints keeps: no endpoints, no
/// ports, the Service's labels.
/// Upstream: reconciler.go `placeholderSliceCompare` (namespace and labels of the
/// metadata, and everything else but the metadata)
fn is_placeholder(slice: &EndpointSlice, service: &Service) -> bool {
    slice.metadata.namespace == service.metadata.namespace
        && slice.metadata.labels == slice_labels(service)
        && slice.address_type == ADDRESS_TYPE
        && slice.endpoints.is_empty()
        && slice.ports.is_empty()
}

/// The slice among `slices` that will be closest to full once `count` endpoints are added,
/// if any has room for them all.
/// Upstream: utils.go `getSliceToFill`
fn slice_to_fill(slices: &[&EndpointSlice], count: usize) -> Option<usize> {
    let mut closest: Option<(usize, usize)> = None;
    for (i, slice) in slices.iter().enumerate() {
        let Some(room) = MAX_ENDPOINTS_PER_SLICE.checked_sub(count + slice.endpoints.len()) else {
            continue;
        };
        if closest.is_none_or(|(_, best)| room < best) {
            closest = Some((i, room));
            if room == 0 {
                break;
            }
        }
    }
    closest.map(|(i, _)| i)
}

/// What one sync of a Service writes, in the order it writes them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reconciled {
    /// New slices, not yet named (`generateName` is set).
    pub create: Vec<EndpointSlice>,
    pub update: Vec<EndpointSlice>,
    /// The names of the slices to delete.
    pub delete: Vec<String>,
}

impl Reconciled {
    pub fn is_empty(&self) -> bool {
        self.create.is_empty() && self.update.is_empty() && self.delete.is_empty()
    }
}

/// Whether [`reconcile`] would write nothing, worked out without building an endpoint:
/// most syncs find the slices as they should be.
pub fn settled(
    service: &Service,
    members: &[&Pod],
    existing: &[&EndpointSlice],
    nodes: &[&Node],
) -> bool {
    if members.is_empty() {
        return matches!(existing, [only] if is_placeholder(only, service));
    }
    // Without a named target port every pod's endpoint gets the same ports: a slice's
    // ports are checked once rather than for each of its endpoints.
    let same_ports = !ports_vary(service);
    let mut seen = vec![false; members.len()];
    let mut listed = 0;
    let mut hint = 0;
    for slice in existing {
        if slice.address_type != ADDRESS_TYPE
            || !owned_by(slice, service)
            || labels_changed(slice, service)
        {
            return false;
        }
        if same_ports
            && !members
                .first()
                .is_some_and(|p| ports_match(&slice.ports, service, p))
        {
            return false;
        }
        // An empty slice stays while its ports are those of some pod.
        if slice.endpoints.is_empty()
            && !members
                .iter()
                .any(|p| ports_match(&slice.ports, service, p))
        {
            return false;
        }
        for endpoint in &slice.endpoints {
            let Some(i) = endpoint_member(endpoint, members, hint) else {
                return false;
            };
            hint = i + 1;
            let (Some(pod), Some(once)) = (members.get(i), seen.get_mut(i)) else {
                return false;
            };
            if *once
                || !endpoint_matches(endpoint, pod, service, nodes)
                || (!same_ports && !ports_match(&slice.ports, service, pod))
            {
                return false;
            }
            *once = true;
            listed += 1;
        }
    }
    listed == members.len()
}

/// The pods of one port map: the ports their endpoints get and their positions among the
/// members.
struct PortGroup {
    ports: Vec<EndpointPort>,
    members: Vec<usize>,
}

/// The creates, updates and deletes that bring the Service's slices (`existing`, those
/// labelled for it and managed by the controller) in line with its pods (`members`, from
/// [`members`]). Endpoints are added in pod-name order.
/// Upstream: reconciler.go `reconcileByAddressType` and `finalize`
pub fn reconcile(
    service: &Service,
    members: &[&Pod],
    existing: &[&EndpointSlice],
    nodes: &[&Node],
) -> Reconciled {
    // Group the pods by the ports their endpoints get, in the order the groups appear.
    let fixed = (!ports_vary(service)).then(|| endpoint_ports(service, None));
    let mut groups: Vec<PortGroup> = Vec::new();
    let mut group_of = Vec::with_capacity(members.len());
    for (i, pod) in members.iter().enumerate() {
        let ports = match &fixed {
            Some(_) if !groups.is_empty() => None,
            Some(ports) => Some(ports.clone()),
            None => Some(endpoint_ports(service, Some(pod))),
        };
        let g = match ports {
            None => 0,
            Some(ports) => match groups.iter().position(|g| same_port_map(&g.ports, &ports)) {
                Some(g) => g,
                None => {
                    groups.push(PortGroup {
                        ports,
                        members: Vec::new(),
                    });
                    groups.len() - 1
                }
            },
        };
        if let Some(group) = groups.get_mut(g) {
            group.members.push(i);
        }
        group_of.push(g);
    }
    // Slices of another address type or owner go; the others join their port map's group,
    // and those of a port map no pod has any more go too.
    let mut delete: Vec<&EndpointSlice> = Vec::new();
    let mut undesired: Vec<&EndpointSlice> = Vec::new();
    let mut by_group: Vec<Vec<&EndpointSlice>> = groups.iter().map(|_| Vec::new()).collect();
    for slice in existing.iter().copied() {
        if slice.address_type != ADDRESS_TYPE || !owned_by(slice, service) {
            delete.push(slice);
            continue;
        }
        let g = groups
            .iter()
            .position(|g| same_port_map(&g.ports, &slice.ports));
        match g.and_then(|g| by_group.get_mut(g)) {
            Some(slices) => slices.push(slice),
            None => undesired.push(slice),
        }
    }
    let mut out = Reconciled::default();
    let mut taken = vec![false; members.len()];
    for (g, (group, slices)) in groups.iter().zip(&by_group).enumerate() {
        let context = Context {
            service,
            members,
            group_of: &group_of,
            nodes,
        };
        by_port_map(
            &context,
            g,
            group,
            slices,
            &mut taken,
            &mut out,
            &mut delete,
        );
    }
    delete.extend(undesired);
    // A Service without endpoints keeps one empty slice.
    if existing.len() == delete.len() && out.create.is_empty() {
        match delete.as_slice() {
            [only] if is_placeholder(only, service) => delete.clear(),
            _ => out.create.push(new_slice(service, Vec::new())),
        }
    }
    // A slice to delete is reused for a slice to create: an update instead of both.
    let mut i = 0;
    while let (Some(doomed), Some(last)) = (delete.get(i), out.create.last()) {
        if doomed.address_type == last.address_type && owned_by(doomed, service) {
            if let Some(mut slice) = out.create.pop() {
                let old = &doomed.metadata;
                slice.metadata = ObjectMeta {
                    name: old.name.clone(),
                    uid: old.uid.clone(),
                    resource_version: old.resource_version.clone(),
                    creation_timestamp: old.creation_timestamp.clone(),
                    ..slice.metadata
                };
                out.update.push(slice);
            }
            delete.remove(i);
        } else {
            i += 1;
        }
    }
    out.delete = delete
        .into_iter()
        .map(|s| s.metadata.name.clone())
        .collect();
    out
}

/// What every port map's reconcile reads.
struct Context<'a> {
    service: &'a Service,
    members: &'a [&'a Pod],
    group_of: &'a [usize],
    nodes: &'a [&'a Node],
}

/// One port map's slices: keep the endpoints still wanted (as they are wanted now), fill
/// the slices being updated (fullest first), then the unchanged slice the rest fit best,
/// or new slices.
/// Upstream: reconciler.go `reconcileByPortMapping`
fn by_port_map<'a>(
    cx: &Context,
    g: usize,
    group: &PortGroup,
    slices: &[&'a EndpointSlice],
    taken: &mut [bool],
    out: &mut Reconciled,
    delete: &mut Vec<&'a EndpointSlice>,
) {
    let service = cx.service;
    let mut unchanged: Vec<&EndpointSlice> = Vec::new();
    let mut update: Vec<EndpointSlice> = Vec::new();
    // 1. Each existing slice keeps the endpoints of pods still listed, once each.
    for slice in slices.iter().copied() {
        let mut kept: Vec<Option<(usize, bool)>> = Vec::with_capacity(slice.endpoints.len());
        let mut changed = false;
        let mut hint = 0;
        for endpoint in &slice.endpoints {
            let found = endpoint_member(endpoint, cx.members, hint).filter(|&i| {
                cx.group_of.get(i) == Some(&g)
                    && taken.get(i) == Some(&false)
                    && cx
                        .members
                        .get(i)
                        .is_some_and(|p| same_endpoint(endpoint, p, service))
            });
            let Some(i) = found else {
                kept.push(None);
                continue;
            };
            hint = i + 1;
            if let Some(t) = taken.get_mut(i) {
                *t = true;
            }
            let same = cx
                .members
                .get(i)
                .is_some_and(|p| endpoint_matches(endpoint, p, service, cx.nodes));
            changed |= !same;
            kept.push(Some((i, same)));
        }
        let count = kept.iter().flatten().count();
        if changed || count != slice.endpoints.len() {
            if count == 0 {
                delete.push(slice);
                continue;
            }
            let endpoints = slice
                .endpoints
                .iter()
                .zip(&kept)
                .filter_map(|(endpoint, kept)| match *kept {
                    Some((_, true)) => Some(endpoint.clone()),
                    Some((i, false)) => cx
                        .members
                        .get(i)
                        .map(|p| pod_to_endpoint(p, service, cx.nodes)),
                    None => None,
                })
                .collect();
            update.push(relabelled(slice, service, endpoints));
        } else if labels_changed(slice, service) {
            update.push(relabelled(slice, service, slice.endpoints.clone()));
        } else {
            unchanged.push(slice);
        }
    }
    let wanted: Vec<usize> = group
        .members
        .iter()
        .copied()
        .filter(|&i| taken.get(i) == Some(&false))
        .collect();
    let mut next = 0;
    // 2. The slices being updated take more, the fullest first.
    if next < wanted.len() && !update.is_empty() {
        let mut order: Vec<usize> = (0..update.len()).collect();
        crate::sort::by_key(&mut order, |&k| {
            std::cmp::Reverse(update.get(k).map_or(0, |s| s.endpoints.len()))
        });
        for k in order {
            if let Some(slice) = update.get_mut(k) {
                fill(cx, slice, &wanted, &mut next);
            }
        }
    }
    // 3. The rest go into the unchanged slice they fit best, or into new slices.
    while next < wanted.len() {
        let remaining = wanted.len() - next;
        let best = if remaining < MAX_ENDPOINTS_PER_SLICE {
            slice_to_fill(&unchanged, remaining)
        } else {
            None
        };
        match best {
            Some(k) => {
                let mut slice = unchanged.remove(k).clone();
                fill(cx, &mut slice, &wanted, &mut next);
                update.push(slice);
            }
            None => {
                let mut slice = new_slice(service, group.ports.clone());
                fill(cx, &mut slice, &wanted, &mut next);
                out.create.push(slice);
            }
        }
    }
    out.update.extend(update);
}

/// Adds the endpoints of `wanted[*next..]` to the slice, in order, until it is full.
fn fill(cx: &Context, slice: &mut EndpointSlice, wanted: &[usize], next: &mut usize) {
    while slice.endpoints.len() < MAX_ENDPOINTS_PER_SLICE {
        let Some(pod) = wanted.get(*next).and_then(|&i| cx.members.get(i)) else {
            break;
        };
        slice
            .endpoints
            .push(pod_to_endpoint(pod, cx.service, cx.nodes));
        *next += 1;
    }
}

/// A copy of the slice with these endpoints and the Service's labels.
fn relabelled(slice: &EndpointSlice, service: &Service, endpoints: Vec<Endpoint>) -> EndpointSlice {
    EndpointSlice {
        api_version: slice.api_version.clone(),
        kind: slice.kind.clone(),
        metadata: ObjectMeta {
            labels: slice_labels(service),
            ..slice.metadata.clone()
        },
        address_type: slice.address_type.clone(),
        endpoints,
        ports: slice.ports.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_matches_exactly_what_the_pod_gives() {
        use crate::manifest::model::{Condition, PodStatus};
        let mut service = Service::default();
        service.metadata.name = "web".into();
        service.metadata.namespace = Some("default".into());
        let mut node = Node::default();
        node.metadata.name = "node-1".into();
        node.metadata
            .labels
            .insert(ZONE_LABEL.into(), "zone-a".into());
        let nodes = [&node];
        let mut pod = Pod::default();
        pod.metadata.name = "web-0".into();
        pod.metadata.namespace = Some("default".into());
        pod.metadata.uid = Some("u-0".into());
        pod.spec.hostname = Some("web-0".into());
        pod.spec.subdomain = Some("web".into());
        pod.spec.node_name = Some("node-1".into());
        pod.status = Some(PodStatus {
            pod_ip: Some("10.244.1.2".into()),
            conditions: vec![Condition {
                type_: "Ready".into(),
                status: "True".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let mut terminating = pod.clone();
        terminating.metadata.deletion_timestamp = Some("2024-01-01T00:00:00Z".into());
        let mut elsewhere = pod.clone();
        elsewhere.spec.node_name = Some("node-2".into());
        let mut other_ip = pod.clone();
        if let Some(status) = other_ip.status.as_mut() {
            status.pod_ip = Some("10.244.1.3".into());
        }
        let mut no_hostname = pod.clone();
        no_hostname.spec.subdomain = Some("other".into());
        let pods = [&pod, &terminating, &elsewhere, &other_ip, &no_hostname];
        for (i, a) in pods.iter().enumerate() {
            for (j, b) in pods.iter().enumerate() {
                let endpoint = pod_to_endpoint(a, &service, &nodes);
                assert_eq!(
                    endpoint_matches(&endpoint, b, &service, &nodes),
                    i == j,
                    "{i} {j}"
                );
            }
        }
        let mut publishing = service.clone();
        publishing.spec.publish_not_ready_addresses = Some(true);
        let endpoint = pod_to_endpoint(&terminating, &service, &nodes);
        assert!(!endpoint_matches(
            &endpoint,
            &terminating,
            &publishing,
            &nodes
        ));
    }

    #[test]
    fn natural_order_of_ordinals() {
        let mut names = vec!["web-10", "web-2", "web-1", "db-0"];
        crate::sort::by(&mut names, |a, b| natural_order(a, b));
        assert_eq!(names, ["db-0", "web-1", "web-2", "web-10"]);
    }
}
