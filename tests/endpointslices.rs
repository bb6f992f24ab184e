//! EndpointSlices of at most 100 endpoints: the EndpointSlice controller's reconcile as
//! table cases ported from upstream's `reconciler_test.go` (many pods, some slices
//! already there, a worse allocation, a port change repacking, labels, deprecated address
//! types, another owner), and scenarios through the simulation: a StatefulSet of 250
//! behind a headless Service, scaled down and up, a pod leaving, DNS across slices,
//! several port maps, an empty Service, the Service deleted, seeking, and determinism.

use stsplay::engine::endpointslice::{
    self, Reconciled, MAX_ENDPOINTS_PER_SLICE, SERVICE_NAME_LABEL,
};
use stsplay::engine::sim::Simulation;
use stsplay::engine::step::{Component, Op};
use stsplay::manifest::model::*;
use stsplay::present::shell;

// ---------------------------------------------------------------------------------------
// The reconcile as a pure function

fn service(target_port: IntOrString) -> Service {
    let mut svc = Service {
        api_version: "v1".into(),
        kind: "Service".into(),
        ..Default::default()
    };
    svc.metadata.name = "web".into();
    svc.metadata.namespace = Some("default".into());
    svc.metadata.uid = Some("uid-web".into());
    svc.spec.cluster_ip = Some("None".into());
    svc.spec.selector = Some([("app".to_string(), "web".to_string())].into());
    svc.spec.ports = vec![ServicePort {
        name: Some("http".into()),
        port: 80,
        target_port: Some(target_port),
        protocol: Some("TCP".into()),
        ..Default::default()
    }];
    svc
}

fn pod(name: &str, i: usize, ready: bool, http_port: i64) -> Pod {
    let mut pod = Pod {
        api_version: "v1".into(),
        kind: "Pod".into(),
        ..Default::default()
    };
    pod.metadata.name = name.into();
    pod.metadata.namespace = Some("default".into());
    pod.metadata.uid = Some(format!("uid-{name}"));
    pod.metadata.labels.insert("app".into(), "web".into());
    pod.spec.hostname = Some(name.into());
    pod.spec.subdomain = Some("web".into());
    pod.spec.node_name = Some("node-1".into());
    pod.spec.containers = vec![Container {
        name: "c".into(),
        ports: vec![ContainerPort {
            name: Some("http".into()),
            container_port: http_port,
            protocol: Some("TCP".into()),
            ..Default::default()
        }],
        ..Default::default()
    }];
    pod.status = Some(PodStatus {
        phase: Some("Running".into()),
        pod_ip: Some(format!("10.244.{}.{}", i / 200, i % 200 + 2)),
        conditions: vec![Condition {
            type_: "Ready".into(),
            status: if ready { "True" } else { "False" }.into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    pod
}

/// `web-0` … `web-{n-1}`, all ready.
fn pods(n: usize) -> Vec<Pod> {
    (0..n)
        .map(|i| pod(&format!("web-{i}"), i, true, 8080))
        .collect()
}

/// The stored slices of one Service, as the world keeps them, and a counter for names.
#[derive(Default)]
struct Store {
    slices: Vec<EndpointSlice>,
    named: usize,
}

impl Store {
    fn with(slices: Vec<EndpointSlice>) -> Store {
        Store { slices, named: 0 }
    }

    /// One sync: the reconcile, checked against the fast path.
    fn sync(&self, svc: &Service, pods: &[Pod]) -> Reconciled {
        let refs: Vec<&Pod> = pods.iter().collect();
        let members = endpointslice::members(svc, &refs);
        let existing: Vec<&EndpointSlice> = self.slices.iter().collect();
        let reconciled = endpointslice::reconcile(svc, &members, &existing, &[]);
        assert_eq!(
            endpointslice::settled(svc, &members, &existing, &[]),
            reconciled.is_empty(),
            "the fast path disagrees with the reconcile: {reconciled:?}"
        );
        reconciled
    }

    /// Writes a reconcile's result as the API server would, naming new slices `web-sNN`.
    fn write(&mut self, reconciled: Reconciled) {
        self.slices
            .retain(|s| !reconciled.delete.contains(&s.metadata.name));
        for updated in reconciled.update {
            let slot = self
                .slices
                .iter_mut()
                .find(|s| s.metadata.name == updated.metadata.name);
            match slot {
                Some(slot) => *slot = updated,
                None => panic!("update of a missing slice {}", updated.metadata.name),
            }
        }
        for mut created in reconciled.create {
            assert!(
                created.metadata.name.is_empty(),
                "a new slice has no name yet"
            );
            created.metadata.name = format!("web-s{:02}", self.named);
            created.metadata.uid = Some(format!("uid-s{:02}", self.named));
            self.named += 1;
            self.slices.push(created);
        }
        self.slices
            .sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
    }

    /// Syncs, writes, and checks that a second sync has nothing to do.
    fn settle(&mut self, svc: &Service, pods: &[Pod]) {
        let reconciled = self.sync(svc, pods);
        self.write(reconciled);
        assert!(
            self.sync(svc, pods).is_empty(),
            "a second sync writes again"
        );
    }

    /// The endpoint counts of the slices, largest first.
    fn sizes(&self) -> Vec<usize> {
        let mut sizes: Vec<usize> = self.slices.iter().map(|s| s.endpoints.len()).collect();
        sizes.sort_by(|a, b| b.cmp(a));
        sizes
    }

    fn get(&self, name: &str) -> &EndpointSlice {
        match self.slices.iter().find(|s| s.metadata.name == name) {
            Some(s) => s,
            None => panic!("no slice {name}"),
        }
    }
}

/// The pods a slice lists, in its order.
fn listed(slice: &EndpointSlice) -> Vec<String> {
    slice
        .endpoints
        .iter()
        .filter_map(|e| e.target_ref.as_ref().and_then(|r| r.name.clone()))
        .collect()
}

fn names(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("web-{i}")).collect()
}

/// A slice of the Service already stored, listing these pods.
fn stored(
    svc: &Service,
    name: &str,
    pods: &[Pod],
    which: impl Iterator<Item = usize>,
) -> EndpointSlice {
    let mut slice = endpointslice::new_slice(svc, endpointslice::endpoint_ports(svc, pods.first()));
    slice.metadata.name = name.into();
    slice.metadata.uid = Some(format!("uid-{name}"));
    for i in which {
        slice
            .endpoints
            .push(endpointslice::pod_to_endpoint(&pods[i], svc, &[]));
    }
    slice
}

fn counts(r: &Reconciled) -> (usize, usize, usize) {
    (r.create.len(), r.update.len(), r.delete.len())
}

#[test]
fn many_pods_fill_slices_of_one_hundred_in_pod_name_order() {
    // Upstream: TestReconcileManyPods
    let svc = service(IntOrString::Int(80));
    let pods = pods(250);
    let store = Store::default();
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (3, 0, 0));
    assert_eq!(MAX_ENDPOINTS_PER_SLICE, 100);
    assert_eq!(listed(&r.create[0]), names(0..100));
    assert_eq!(listed(&r.create[1]), names(100..200));
    assert_eq!(listed(&r.create[2]), names(200..250));
    for slice in &r.create {
        assert_eq!(slice.metadata.generate_name.as_deref(), Some("web-"));
        assert_eq!(
            slice
                .metadata
                .labels
                .get(SERVICE_NAME_LABEL)
                .map(String::as_str),
            Some("web")
        );
        assert_eq!(slice.metadata.owner_references[0].uid, "uid-web");
        assert_eq!(slice.ports[0].port, Some(80));
    }
}

#[test]
fn leftover_endpoints_go_to_the_existing_slice_closest_to_full() {
    // Upstream: TestReconcileEndpointSlicesSomePreexisting. 62 and 61 endpoints stored,
    // 127 to add: a new slice takes 100, and the 27 left go into the first slice (89 is
    // closer to full than 88): one create and one update rather than two updates and a
    // create.
    let svc = service(IntOrString::Int(80));
    let pods = pods(250);
    let mut store = Store::with(vec![
        stored(&svc, "web-a", &pods, (1..246).step_by(4)),
        stored(&svc, "web-b", &pods, (3..246).step_by(4)),
    ]);
    assert_eq!(store.sizes(), [62, 61]);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (1, 1, 0));
    assert_eq!(r.update[0].metadata.name, "web-a");
    // The pods not yet listed, in pod-name order: the first 100 make the new slice.
    let unlisted: Vec<String> = (0..250)
        .filter(|i| !(i % 4 == 1 || i % 4 == 3) || *i >= 246)
        .map(|i| format!("web-{i}"))
        .collect();
    let mut sorted = unlisted.clone();
    sorted.sort_by_key(|n| n[4..].parse::<usize>().unwrap_or(0));
    assert_eq!(listed(&r.create[0]), sorted[..100]);
    assert_eq!(listed(&r.update[0])[62..], sorted[100..]);
    store.write(r);
    assert_eq!(store.sizes(), [100, 89, 61]);
}

#[test]
fn leftovers_that_fit_no_slice_get_a_new_one() {
    // Upstream: TestReconcileEndpointSlicesSomePreexistingWorseAllocation. 74 and 74
    // stored, 152 to add: 100 in a new slice, and the 52 left fit neither stored slice,
    // so they take a second new slice.
    let svc = service(IntOrString::Int(80));
    let pods = pods(300);
    let mut store = Store::with(vec![
        stored(&svc, "web-a", &pods, (1..296).step_by(4)),
        stored(&svc, "web-b", &pods, (3..296).step_by(4)),
    ]);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (2, 0, 0));
    store.write(r);
    assert_eq!(store.sizes(), [100, 74, 74, 52]);
}

#[test]
fn a_port_change_updates_every_slice_in_place() {
    // Upstream: TestReconcileEndpointSlicesUpdating. The new port map's slices reuse the
    // old ones' names: three updates, no create or delete.
    let mut svc = service(IntOrString::Int(80));
    let pods = pods(250);
    let mut store = Store::default();
    store.settle(&svc, &pods);
    let before: Vec<String> = store
        .slices
        .iter()
        .map(|s| s.metadata.name.clone())
        .collect();
    svc.spec.ports[0].target_port = Some(IntOrString::Int(81));
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (0, 3, 0));
    store.write(r);
    let after: Vec<String> = store
        .slices
        .iter()
        .map(|s| s.metadata.name.clone())
        .collect();
    assert_eq!(before, after);
    assert_eq!(store.sizes(), [100, 100, 50]);
    assert!(store.slices.iter().all(|s| s.ports[0].port == Some(81)));
    // The reused slices keep their uid: an update, not a new object.
    assert!(store.slices.iter().all(|s| s.metadata.uid.is_some()));
}

#[test]
fn a_port_change_repacks_many_small_slices() {
    // Upstream: TestReconcileEndpointSlicesRecycling. Ten slices of 30 are left alone
    // while nothing changes; a port change repacks them into three full slices: three
    // updates and seven deletes.
    let mut svc = service(IntOrString::Int(80));
    let pods = pods(300);
    let mut store = Store::with(
        (0..10)
            .map(|k| stored(&svc, &format!("web-{k:02}"), &pods, k * 30..(k + 1) * 30))
            .collect(),
    );
    assert!(store.sync(&svc, &pods).is_empty());
    svc.spec.ports[0].target_port = Some(IntOrString::Int(81));
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (0, 3, 7));
    store.write(r);
    assert_eq!(store.sizes(), [100, 100, 100]);
}

#[test]
fn service_labels_are_copied_to_every_slice_but_reserved_ones_are_not() {
    // Upstream: TestReconcileEndpointSlicesServicesLabelsUpdating and
    // TestReconcileEndpointSlicesServicesReservedLabels.
    let mut svc = service(IntOrString::Int(80));
    let pods = pods(250);
    let mut store = Store::default();
    store.settle(&svc, &pods);
    svc.metadata.labels.insert("tier".into(), "front".into());
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (0, 3, 0));
    store.write(r);
    assert!(store
        .slices
        .iter()
        .all(|s| s.metadata.labels.get("tier").map(String::as_str) == Some("front")));
    svc.metadata
        .labels
        .insert(SERVICE_NAME_LABEL.into(), "bad".into());
    svc.metadata.labels.insert(
        "endpointslice.kubernetes.io/managed-by".into(),
        "actor".into(),
    );
    assert!(store.sync(&svc, &pods).is_empty());
}

#[test]
fn slices_of_a_deprecated_address_type_are_replaced_not_reused() {
    // Upstream: TestReconcileEndpointSlicesReplaceDeprecated. An `IP` slice cannot become
    // an `IPv4` one (the field is immutable): new slices are created and the old deleted.
    let svc = service(IntOrString::Int(80));
    let pods = pods(150);
    let mut old = stored(&svc, "web-old", &pods, 0..150);
    old.address_type = "IP".into();
    let mut store = Store::with(vec![old]);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(r.delete, ["web-old"]);
    store.write(r);
    assert_eq!(store.sizes(), [100, 50]);
    assert!(store.slices.iter().all(|s| s.address_type == "IPv4"));
}

#[test]
fn a_slice_of_an_old_service_of_the_same_name_is_deleted_not_reused() {
    let svc = service(IntOrString::Int(80));
    let pods = pods(3);
    let mut old = stored(&svc, "web-old", &pods, 0..3);
    old.metadata.owner_references[0].uid = "uid-old".into();
    let mut store = Store::with(vec![old]);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (1, 0, 1));
    store.write(r);
    assert_eq!(store.slices.len(), 1);
    assert_eq!(store.slices[0].metadata.owner_references[0].uid, "uid-web");
}

#[test]
fn one_pod_turning_not_ready_rewrites_only_its_slice() {
    let svc = service(IntOrString::Int(80));
    let mut pods = pods(250);
    let mut store = Store::default();
    store.settle(&svc, &pods);
    let holder = store
        .slices
        .iter()
        .find(|s| listed(s).contains(&"web-150".to_string()))
        .map(|s| s.metadata.name.clone())
        .unwrap_or_default();
    pods[150] = pod("web-150", 150, false, 8080);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (0, 1, 0));
    assert_eq!(r.update[0].metadata.name, holder);
    // The endpoint changes in place; the others are as they were.
    let before = store.get(&holder).clone();
    let after = &r.update[0];
    assert_eq!(listed(&before), listed(after));
    let changed: Vec<String> = before
        .endpoints
        .iter()
        .zip(&after.endpoints)
        .filter(|(a, b)| a != b)
        .filter_map(|(_, b)| b.target_ref.as_ref().and_then(|r| r.name.clone()))
        .collect();
    assert_eq!(changed, ["web-150"]);
    let endpoint = after
        .endpoints
        .iter()
        .find(|e| e.target_ref.as_ref().and_then(|r| r.name.as_deref()) == Some("web-150"));
    assert_eq!(endpoint.and_then(|e| e.conditions.ready), Some(false));
}

#[test]
fn pods_whose_named_port_resolves_differently_get_different_slices() {
    let svc = service(IntOrString::String("http".into()));
    let pods: Vec<Pod> = (0..3)
        .map(|i| pod(&format!("a-{i}"), i, true, 8080))
        .chain((0..2).map(|i| pod(&format!("b-{i}"), 10 + i, true, 9090)))
        .collect();
    let mut store = Store::default();
    store.settle(&svc, &pods);
    let mut by_port: Vec<(Option<i64>, Vec<String>)> = store
        .slices
        .iter()
        .map(|s| (s.ports[0].port, listed(s)))
        .collect();
    by_port.sort();
    assert_eq!(
        by_port,
        [
            (Some(8080), vec!["a-0".into(), "a-1".into(), "a-2".into()]),
            (Some(9090), vec!["b-0".into(), "b-1".into()]),
        ]
    );
    // A pod whose port changes moves to the other port map's slice.
    let mut moved = pods.clone();
    moved[2] = pod("a-2", 2, true, 9090);
    let r = store.sync(&svc, &moved);
    assert_eq!(counts(&r), (0, 2, 0));
    store.write(r);
    let nine: Vec<String> = store
        .slices
        .iter()
        .filter(|s| s.ports[0].port == Some(9090))
        .flat_map(listed)
        .collect();
    assert_eq!(nine, ["b-0", "b-1", "a-2"]);
}

#[test]
fn a_service_without_endpoints_keeps_one_empty_slice() {
    // Upstream: TestReconcileEmpty, and the placeholder kept when the last pod goes.
    let svc = service(IntOrString::Int(80));
    let mut store = Store::default();
    let r = store.sync(&svc, &[]);
    assert_eq!(counts(&r), (1, 0, 0));
    assert!(r.create[0].endpoints.is_empty());
    assert!(r.create[0].ports.is_empty());
    store.write(r);
    assert!(store.sync(&svc, &[]).is_empty());
    let placeholder = store.slices[0].metadata.name.clone();
    // The first pods reuse the placeholder's name.
    let pods = pods(250);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (2, 1, 0));
    assert_eq!(r.update[0].metadata.name, placeholder);
    store.write(r);
    assert_eq!(store.sizes(), [100, 100, 50]);
    // When every pod has gone, one slice stays, emptied, and the others are deleted.
    let r = store.sync(&svc, &[]);
    assert_eq!(counts(&r), (0, 1, 2));
    store.write(r);
    assert_eq!(store.slices.len(), 1);
    assert!(store.slices[0].endpoints.is_empty() && store.slices[0].ports.is_empty());
    assert!(store.sync(&svc, &[]).is_empty());
}

#[test]
fn scaling_down_and_up_deletes_emptied_slices_and_fills_the_one_with_room() {
    let svc = service(IntOrString::Int(80));
    let all = pods(250);
    let mut store = Store::default();
    store.settle(&svc, &all);
    let holder = |store: &Store, pod: &str| {
        store
            .slices
            .iter()
            .find(|s| listed(s).contains(&pod.to_string()))
            .map(|s| s.metadata.name.clone())
    };
    let (first, second, third) = (
        holder(&store, "web-0"),
        holder(&store, "web-100"),
        holder(&store, "web-200"),
    );
    // 250 → 120: the first slice is untouched, the second keeps 20, the third goes.
    let r = store.sync(&svc, &all[..120]);
    assert_eq!(counts(&r), (0, 1, 1));
    assert_eq!(Some(r.update[0].metadata.name.clone()), second);
    assert_eq!(Some(r.delete[0].clone()), third);
    store.write(r);
    assert_eq!(store.sizes(), [100, 20]);
    assert_eq!(holder(&store, "web-0"), first);
    // 120 → 250: a new slice takes 100 pods, and the last 30 fill the slice with room.
    let r = store.sync(&svc, &all);
    assert_eq!(counts(&r), (1, 1, 0));
    assert_eq!(listed(&r.create[0]), names(120..220));
    assert_eq!(Some(r.update[0].metadata.name.clone()), second);
    assert_eq!(
        listed(&r.update[0]),
        names(100..120)
            .into_iter()
            .chain(names(220..250))
            .collect::<Vec<_>>()
    );
    store.write(r);
    assert_eq!(store.sizes(), [100, 100, 50]);
}

#[test]
fn a_pod_listed_twice_is_kept_once() {
    let svc = service(IntOrString::Int(80));
    let pods = pods(3);
    let store = Store::with(vec![
        stored(&svc, "web-a", &pods, 0..3),
        stored(&svc, "web-b", &pods, 1..2),
    ]);
    let r = store.sync(&svc, &pods);
    assert_eq!(counts(&r), (0, 0, 1));
    assert_eq!(r.delete, ["web-b"]);
}

/// A seeded generator for the random driver (a 64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn random_pod_changes_keep_every_pod_in_exactly_one_slice_of_at_most_100() {
    // Pods come and go, turn ready and not, change their named port; the Service's
    // labels and target port change. After every sync: no slice over 100, each pod
    // listed once with the endpoint and ports it should have, and a second sync that
    // writes nothing.
    for seed in 1..=40u64 {
        let mut rng = Lcg(seed);
        let mut svc = service(IntOrString::String("http".into()));
        let mut store = Store::default();
        let mut present: Vec<Option<(bool, i64)>> = vec![None; 320];
        for round in 0..25 {
            match rng.below(6) {
                0 => {
                    // Many pods at once, as a scale up or down does.
                    let upto = rng.below(320) as usize;
                    for (i, p) in present.iter_mut().enumerate() {
                        *p = (i < upto).then_some((true, 8080));
                    }
                }
                1 => {
                    let label = format!("v{}", rng.below(3));
                    svc.metadata.labels.insert("version".into(), label);
                }
                2 => {
                    svc.spec.ports[0].target_port = if rng.below(2) == 0 {
                        Some(IntOrString::String("http".into()))
                    } else {
                        Some(IntOrString::Int(80 + rng.below(2) as i64))
                    };
                }
                _ => {
                    for _ in 0..rng.below(30) {
                        let i = rng.below(320) as usize;
                        present[i] = match rng.below(4) {
                            0 => None,
                            1 => Some((false, 8080)),
                            2 => Some((true, 9090)),
                            _ => Some((true, 8080)),
                        };
                    }
                }
            }
            let pods: Vec<Pod> = present
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    p.map(|(ready, port)| pod(&format!("web-{i}"), i, ready, port))
                })
                .collect();
            store.settle(&svc, &pods);
            let context = format!("seed {seed}, round {round}");
            let mut seen = std::collections::BTreeSet::new();
            for slice in &store.slices {
                assert!(
                    slice.endpoints.len() <= MAX_ENDPOINTS_PER_SLICE,
                    "{context}"
                );
                for endpoint in &slice.endpoints {
                    let name = endpoint.target_ref.as_ref().and_then(|r| r.name.clone());
                    let Some(pod) = pods
                        .iter()
                        .find(|p| Some(&p.metadata.name) == name.as_ref())
                    else {
                        panic!("{context}: {name:?} is listed but gone");
                    };
                    assert!(
                        seen.insert(pod.metadata.name.clone()),
                        "{context}: {name:?} twice"
                    );
                    assert_eq!(
                        endpoint,
                        &endpointslice::pod_to_endpoint(pod, &svc, &[]),
                        "{context}"
                    );
                    assert_eq!(
                        slice.ports,
                        endpointslice::endpoint_ports(&svc, Some(pod)),
                        "{context}"
                    );
                }
            }
            assert_eq!(seen.len(), pods.len(), "{context}: every pod is listed");
            if pods.is_empty() {
                assert_eq!(store.slices.len(), 1, "{context}: one empty slice stays");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Through the simulation

fn scenario(replicas: usize) -> String {
    format!(
        "apiVersion: v1
kind: Service
metadata: {{name: nginx}}
spec: {{clusterIP: None, selector: {{app: nginx}}, ports: [{{port: 80, name: web}}]}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {{name: web}}
spec:
  replicas: {replicas}
  podManagementPolicy: Parallel
  serviceName: nginx
  selector: {{matchLabels: {{app: nginx}}}}
  template:
    metadata: {{labels: {{app: nginx}}}}
    spec: {{containers: [{{name: nginx, image: nginx:1.27, ports: [{{containerPort: 80, name: web}}]}}]}}
"
    )
}

fn run(sim: &mut Simulation, line: &str, yaml: &str) -> String {
    let printed = shell::run(sim, line, &|_| Ok(yaml.to_string()));
    assert_eq!(printed.exit_code, 0, "{line}: {}", printed.output);
    printed.output
}

/// Settles, checking after every step that no slice holds more than 100 endpoints and
/// no pod is listed twice for the same Service.
fn settle(sim: &mut Simulation) {
    for _ in 0..200_000 {
        if !sim.step() {
            return;
        }
        let mut seen = std::collections::BTreeSet::new();
        for slice in slices(sim, "nginx") {
            assert!(
                slice.endpoints.len() <= MAX_ENDPOINTS_PER_SLICE,
                "{} holds {} endpoints",
                slice.metadata.name,
                slice.endpoints.len()
            );
            for pod in listed(&slice) {
                assert!(seen.insert(pod.clone()), "{pod} is listed twice");
            }
        }
    }
    panic!("did not settle");
}

/// The Service's slices in the world, in name order.
fn slices(sim: &Simulation, service: &str) -> Vec<EndpointSlice> {
    sim.world()
        .of_kind(Kind::EndpointSlice)
        .filter_map(|o| match o {
            Object::EndpointSlice(s)
                if s.metadata
                    .labels
                    .get(SERVICE_NAME_LABEL)
                    .map(String::as_str)
                    == Some(service) =>
            {
                Some(s.clone())
            }
            _ => None,
        })
        .collect()
}

fn sizes(sim: &Simulation) -> Vec<usize> {
    let mut sizes: Vec<usize> = slices(sim, "nginx")
        .iter()
        .map(|s| s.endpoints.len())
        .collect();
    sizes.sort_by(|a, b| b.cmp(a));
    sizes
}

/// The EndpointSlice controller's steps from `from` on: (op, name) of each change.
fn slice_steps(sim: &Simulation, from: usize) -> Vec<Vec<(Op, String)>> {
    sim.steps()[from..]
        .iter()
        .filter(|s| s.component == Component::EndpointSlice)
        .map(|s| s.changes.iter().map(|c| (c.op, c.key.2.clone())).collect())
        .collect()
}

#[test]
fn a_statefulset_of_250_behind_a_service_has_three_slices_as_on_a_cluster() {
    let yaml = scenario(250);
    let mut sim = Simulation::new(1);
    run(&mut sim, "kubectl apply -f web.yaml", &yaml);
    settle(&mut sim);
    assert_eq!(sizes(&sim), [100, 100, 50]);
    let all = slices(&sim, "nginx");
    let mut pods: Vec<String> = all.iter().flat_map(listed).collect();
    pods.sort_by_key(|n| n[4..].parse::<usize>().unwrap_or(0));
    assert_eq!(pods, names(0..250));
    assert!(all
        .iter()
        .flat_map(|s| &s.endpoints)
        .all(|e| e.conditions.ready == Some(true)));
    for slice in &all {
        let suffix = slice.metadata.name.strip_prefix("nginx-").unwrap_or("");
        assert_eq!(suffix.len(), 5, "{}", slice.metadata.name);
        assert!(suffix
            .bytes()
            .all(|b| b"bcdfghjklmnpqrstvwxz2456789".contains(&b)));
    }

    // kubectl lists every slice; the Endpoints view counts every address.
    let table = run(&mut sim, "kubectl get endpointslices", &yaml);
    assert_eq!(table.lines().count(), 4, "{table}");
    for slice in &all {
        assert!(table.contains(&slice.metadata.name), "{table}");
    }
    let endpoints = run(&mut sim, "kubectl get endpoints nginx", &yaml);
    assert!(endpoints.contains(" + 247 more..."), "{endpoints}");
    let described = run(&mut sim, "kubectl describe service nginx", &yaml);
    assert!(described.contains(" + 247 more..."), "{described}");

    // DNS answers for pods in every slice.
    let answer = run(&mut sim, "nslookup web-150.nginx", &yaml);
    let ip = sim
        .world()
        .pods()
        .find(|p| p.metadata.name == "web-150")
        .and_then(|p| p.status.as_ref().and_then(|s| s.pod_ip.clone()))
        .unwrap_or_default();
    assert!(!ip.is_empty() && answer.contains(&ip), "{answer}");
    let all_addresses = run(
        &mut sim,
        "dig +short nginx.default.svc.cluster.local",
        &yaml,
    );
    assert_eq!(all_addresses.lines().count(), 250, "{all_addresses}");

    // A pod being deleted stops being ready: only the slice that lists it is written.
    let holder = all
        .iter()
        .find(|s| listed(s).contains(&"web-150".to_string()))
        .map(|s| s.metadata.name.clone())
        .unwrap_or_default();
    let from = sim.cursor();
    run(&mut sim, "kubectl delete pod web-150", &yaml);
    settle(&mut sim);
    let writes = slice_steps(&sim, from);
    assert!(!writes.is_empty());
    for step in &writes {
        assert_eq!(step, &[(Op::Updated, holder.clone())], "{writes:?}");
    }
    let first = sim.steps()[from..]
        .iter()
        .find(|s| s.component == Component::EndpointSlice)
        .map(|s| s.explain.clone())
        .unwrap_or_default();
    assert!(
        first
            .en
            .contains(&format!("updates {holder} (no longer ready: web-150)")),
        "{}",
        first.en
    );
    assert!(
        first.en.contains("A slice holds at most 100 endpoints"),
        "{}",
        first.en
    );
    assert!(
        first.zh.contains("一个切片最多容纳 100 个端点"),
        "{}",
        first.zh
    );
    assert_eq!(sizes(&sim), [100, 100, 50]);

    // 250 → 120: the emptied slice is deleted, the one holding web-100… keeps 20.
    let from = sim.cursor();
    run(
        &mut sim,
        "kubectl scale statefulset web --replicas=120",
        &yaml,
    );
    settle(&mut sim);
    assert_eq!(sizes(&sim), [100, 20]);
    let deleted: Vec<String> = slice_steps(&sim, from)
        .into_iter()
        .flatten()
        .filter(|(op, _)| *op == Op::Deleted)
        .map(|(_, name)| name)
        .collect();
    assert_eq!(deleted.len(), 1, "{deleted:?}");

    // The Service deleted: the garbage collector removes every slice it owns.
    run(&mut sim, "kubectl delete service nginx", &yaml);
    settle(&mut sim);
    assert!(slices(&sim, "nginx").is_empty());
}

#[test]
fn a_new_slice_is_created_with_its_pods_named_and_the_reason_given() {
    let yaml = scenario(100);
    let mut sim = Simulation::new(1);
    run(&mut sim, "kubectl apply -f web.yaml", &yaml);
    settle(&mut sim);
    assert_eq!(sizes(&sim), [100]);
    let from = sim.cursor();
    run(
        &mut sim,
        "kubectl scale statefulset web --replicas=101",
        &yaml,
    );
    settle(&mut sim);
    assert_eq!(sizes(&sim), [100, 1]);
    let step = sim.steps()[from..]
        .iter()
        .find(|s| {
            s.component == Component::EndpointSlice && s.changes.iter().any(|c| c.op == Op::Created)
        })
        .map(|s| (s.changes.len(), s.explain.clone()));
    let Some((changes, explain)) = step else {
        panic!("no slice was created");
    };
    assert_eq!(changes, 1);
    assert!(explain.en.contains("listing web-100"), "{}", explain.en);
    assert!(
        explain
            .en
            .contains("A slice holds at most 100 endpoints, so the 101 endpoints of Service nginx"),
        "{}",
        explain.en
    );
    assert!(explain.zh.contains("列出 web-100"), "{}", explain.zh);
}

#[test]
fn a_service_without_pods_shows_one_empty_slice() {
    let yaml = "apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: nginx}, ports: [{port: 80, name: web}]}
";
    let mut sim = Simulation::new(1);
    run(&mut sim, "kubectl apply -f svc.yaml", yaml);
    settle(&mut sim);
    let all = slices(&sim, "nginx");
    assert_eq!(all.len(), 1);
    assert!(all[0].endpoints.is_empty());
    let table = run(&mut sim, "kubectl get endpointslices", yaml);
    assert!(table.contains("IPv4          <unset>   <unset>"), "{table}");
}

#[test]
fn the_same_input_gives_the_same_slices_and_log() {
    let run_once = || {
        let yaml = scenario(150);
        let mut sim = Simulation::new(7);
        run(&mut sim, "kubectl apply -f web.yaml", &yaml);
        settle(&mut sim);
        run(
            &mut sim,
            "kubectl scale statefulset web --replicas=90",
            &yaml,
        );
        settle(&mut sim);
        run(
            &mut sim,
            "kubectl scale statefulset web --replicas=230",
            &yaml,
        );
        settle(&mut sim);
        let names: Vec<String> = slices(&sim, "nginx")
            .iter()
            .map(|s| format!("{} {}", s.metadata.name, listed(s).join(",")))
            .collect();
        let log: Vec<String> = sim
            .steps()
            .iter()
            .map(|s| {
                format!(
                    "{} {:?} {}",
                    stsplay::present::timeline::line(s),
                    s.changes.iter().map(|c| &c.key.2).collect::<Vec<_>>(),
                    s.explain.en
                )
            })
            .collect();
        (names, log)
    };
    let (names, log) = run_once();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!((names, log), run_once());
}

#[test]
fn seeking_back_and_forth_restores_every_slice() {
    // A step that creates, updates and deletes slices together is stored and redone like
    // any other: seeking to it gives the slices a straight walk gave.
    let yaml = scenario(150);
    let mut sim = Simulation::new(3);
    let mut at: Vec<(usize, Vec<EndpointSlice>)> = Vec::new();
    for line in [
        "kubectl apply -f web.yaml",
        "kubectl scale statefulset web --replicas=40",
        "kubectl scale statefulset web --replicas=0",
    ] {
        run(&mut sim, line, &yaml);
        while sim.step() {
            let last = sim.steps().last();
            if last.is_some_and(|s| s.component == Component::EndpointSlice && s.changes.len() > 1)
            {
                at.push((sim.cursor(), slices(&sim, "nginx")));
            }
        }
    }
    assert!(at.len() >= 3, "{} steps wrote several slices", at.len());
    let end = sim.cursor();
    for (cursor, expected) in at.iter().rev().chain(at.iter()) {
        sim.seek(*cursor);
        assert_eq!(&slices(&sim, "nginx"), expected, "at step {cursor}");
    }
    sim.seek(end);
    assert_eq!(slices(&sim, "nginx").len(), 1);
}
