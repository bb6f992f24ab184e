//! What the EndpointSlice controller wants a Service's slice to hold: a pure function of
//! the Service, the pods in its namespace and the nodes. The controller loop compares it
//! with the stored slice and writes the difference as one step.
//!
//! Upstream: staging/src/k8s.io/endpointslice utils.go `podToEndpoint`, `getEndpointPorts`,
//! `newEndpointSlice`, `setEndpointSliceLabels`; util/controller_utils.go
//! `ShouldPodBeInEndpoints`, `ShouldSetHostname`.

use crate::manifest::model::{
    Endpoint, EndpointConditions, EndpointPort, IntOrString, Node, ObjectReference, Pod, Service,
    StringMap,
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

/// The slice's ports: each Service port with its target port resolved against `pod`
/// (a named target port is looked up among the pod's container ports).
/// Upstream: utils.go `getEndpointPorts`
pub fn endpoint_ports(service: &Service, pod: Option<&Pod>) -> Vec<EndpointPort> {
    service
        .spec
        .ports
        .iter()
        .filter_map(|port| {
            let number = match &port.target_port {
                None => Some(port.port),
                Some(IntOrString::Int(n)) => Some(*n),
                Some(IntOrString::String(name)) => match pod {
                    Some(pod) => pod
                        .spec
                        .containers
                        .iter()
                        .flat_map(|c| &c.ports)
                        .find(|p| p.name.as_deref() == Some(name.as_str()))
                        .map(|p| p.container_port),
                    None => None,
                },
            }?;
            Some(EndpointPort {
                name: Some(port.name.clone().unwrap_or_default()),
                port: Some(number),
                protocol: Some(port.protocol.clone().unwrap_or_else(|| "TCP".into())),
            })
        })
        .collect()
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

/// The endpoints and ports the Service's slice should hold now, in pod-name order.
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

/// The pods the Service's slice lists, in pod-name order.
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
