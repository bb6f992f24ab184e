//! The EndpointSlice controller as a component: keeps one slice per Service with a
//! selector in step with `endpointslice::desired`, creating it (named `<service>-<5
//! random characters>`, owned by the Service) or updating it when pods come, become
//! Ready, terminate or go.
//!
//! Upstream: pkg/controller/endpointslice/endpointslice_controller.go, reconciler.go

use super::endpointslice::{self, SERVICE_NAME_LABEL};
use super::queue::{self, Part};
use super::step::{Act, Component, Decision, Write};
use super::text::{self, Text};
use super::world::{key_of, Key, World};
use crate::manifest::model::*;

fn owner(service: &Service) -> OwnerReference {
    OwnerReference {
        api_version: "v1".into(),
        kind: "Service".into(),
        name: service.metadata.name.clone(),
        uid: service.metadata.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// Five characters from the API server's generateName alphabet, derived from the Service's
/// uid so the name is stable across replays.
fn suffix_for(seed: &str) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..5)
        .map(|i| ALPHABET[((hash >> (i * 8)) % ALPHABET.len() as u64) as usize] as char)
        .collect()
}

/// The EndpointSlice controller, one Service at a time: the first whose slice is not
/// what it should be. A Service has work again when it changes, when a slice in its
/// namespace changes, or when a pod there changes what its endpoint would say.
pub const PASS: Part = Part {
    kinds: &[Kind::Service],
    slot: |_| Some(String::new()),
    one: sync,
    touched: |world, key, before, after, mark| {
        let reads = match key.0 {
            Kind::EndpointSlice => true,
            Kind::Pod => pod_as_read(before) != pod_as_read(after),
            _ => false,
        };
        if reads {
            for service in world.of_kind(Kind::Service) {
                if service.namespace() == key.1 {
                    mark(key_of(service));
                }
            }
        }
    },
};

/// What the controller reads of a pod: nothing while it has no endpoint; otherwise its
/// metadata, Ready condition, spec and address.
type PodAsRead<'a> = (
    (queue::MetaAsRead<'a>, Option<&'a Condition>),
    &'a PodSpec,
    Option<&'a str>,
);

fn pod_as_read(object: Option<&Object>) -> Option<PodAsRead<'_>> {
    let Some(Object::Pod(pod)) = object else {
        return None;
    };
    if !endpointslice::should_pod_be_in_endpoints(pod) {
        return None;
    }
    let ip = pod.status.as_ref().and_then(|s| s.pod_ip.as_deref());
    Some((queue::pod_as_read(pod), &pod.spec, ip))
}

fn sync(world: &World, key: &Key) -> Decision {
    let Some(Object::Service(service)) = world.get(key) else {
        return Decision::idle();
    };
    let pod_refs: Vec<&Pod> = world.pods().collect();
    let node_refs: Vec<&Node> = world.nodes().collect();
    if !endpointslice::manages(service) || service.metadata.deletion_timestamp.is_some() {
        return Decision::idle();
    }
    let ns = service.metadata.namespace.clone().unwrap_or_default();
    let name = service.metadata.name.clone();
    let existing = world.of_kind(Kind::EndpointSlice).find_map(|o| match o {
        Object::EndpointSlice(s)
            if s.metadata.namespace.as_deref() == Some(ns.as_str())
                && s.metadata.labels.get(SERVICE_NAME_LABEL) == Some(&name) =>
        {
            Some(s)
        }
        _ => None,
    });
    let labels = endpointslice::slice_labels(service);
    let members = endpointslice::members(service, &pod_refs);
    let ports = endpointslice::endpoint_ports(service, members.first().copied());
    // The stored slice is compared with the pods before any endpoint is built: most
    // syncs find it as it should be.
    let same = existing.is_some_and(|slice| {
        slice.ports == ports
            && slice.metadata.labels == labels
            && slice.endpoints.len() == members.len()
            && slice
                .endpoints
                .iter()
                .zip(&members)
                .all(|(e, p)| endpointslice::endpoint_matches(e, p, service, &node_refs))
    });
    #[cfg(debug_assertions)]
    if let Some(slice) = existing {
        let (endpoints, _) = endpointslice::desired(service, &pod_refs, &node_refs);
        let built =
            slice.endpoints == endpoints && slice.ports == ports && slice.metadata.labels == labels;
        assert_eq!(
            same, built,
            "endpoint_matches disagrees with pod_to_endpoint"
        );
    }
    if same {
        return Decision::idle();
    }
    let endpoints: Vec<Endpoint> = members
        .iter()
        .map(|p| endpointslice::pod_to_endpoint(p, service, &node_refs))
        .collect();
    let ready: Vec<String> = endpoints
        .iter()
        .filter(|e| e.conditions.ready == Some(true))
        .filter_map(|e| e.target_ref.as_ref().and_then(|r| r.name.clone()))
        .collect();
    let summary = if ready.is_empty() {
        Text::new("no ready endpoint", "没有就绪端点")
    } else {
        let list = text::listed(&ready);
        Text::new(format!("ready: {}", list.en), format!("就绪:{}", list.zh))
    };
    match existing {
        None => {
            let suffix = suffix_for(service.metadata.uid.as_deref().unwrap_or(&name));
            let slice = EndpointSlice {
                api_version: "discovery.k8s.io/v1".into(),
                kind: "EndpointSlice".into(),
                metadata: ObjectMeta {
                    name: format!("{name}-{suffix}"),
                    generate_name: Some(format!("{name}-")),
                    namespace: Some(ns.clone()),
                    labels,
                    owner_references: vec![owner(service)],
                    ..Default::default()
                },
                address_type: "IPv4".into(),
                endpoints,
                ports,
            };
            Decision::Act(Act {
                component: Component::EndpointSlice,
                writes: vec![Write::Create(Object::EndpointSlice(slice))],
                event: None,
                explain: Text::new(
                    format!("Service {name} selects pods by label, so the EndpointSlice controller creates a slice listing them ({}). DNS answers for {name} come from this slice.", summary.en),
                    format!("Service {name} 通过标签选择 Pod,EndpointSlice 控制器为它创建一个列出这些 Pod 的切片({})。{name} 的 DNS 应答就来自这个切片。", summary.zh),
                ),
            })
        }
        Some(slice) => {
            let updated = EndpointSlice {
                api_version: slice.api_version.clone(),
                kind: slice.kind.clone(),
                metadata: ObjectMeta {
                    labels,
                    ..slice.metadata.clone()
                },
                address_type: slice.address_type.clone(),
                endpoints,
                ports,
            };
            Decision::Act(Act {
                component: Component::EndpointSlice,
                writes: vec![Write::Update(Object::EndpointSlice(updated))],
                event: None,
                explain: Text::new(
                    format!("The pods behind Service {name} changed, so its EndpointSlice {} is updated ({}).", slice.metadata.name, summary.en),
                    format!("Service {name} 背后的 Pod 发生了变化,它的 EndpointSlice {} 随之更新({})。", slice.metadata.name, summary.zh),
                ),
            })
        }
    }
}
