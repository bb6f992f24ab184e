//! The cluster graph's layout: columns by kind, a row per pod in ordinal order with its
//! claim and volume beside it, labelled edges from the fields that make them.

use expect_test::expect;
use stsplay::manifest::model::{
    Endpoint, EndpointConditions, EndpointSlice, Object, ObjectReference,
};
use stsplay::manifest::{self};
use stsplay::present::graph::{layout, neighbour, Direction, Graph, BOX_H, BOX_W};

fn pod(ordinal: u32, phase: &str, ready: bool, node: &str) -> String {
    format!(
        "apiVersion: v1
kind: Pod
metadata:
  name: web-{ordinal}
  namespace: default
  labels: {{app: nginx}}
  ownerReferences:
  - {{apiVersion: apps/v1, kind: StatefulSet, name: web, uid: u1, controller: true}}
spec:
  nodeName: {node}
  containers: [{{name: nginx, image: nginx}}]
  volumes:
  - name: www
    persistentVolumeClaim: {{claimName: www-web-{ordinal}}}
status:
  phase: {phase}
  podIP: 10.244.{ordinal}.5
  conditions: [{{type: Ready, status: \"{}\"}}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {{name: www-web-{ordinal}, namespace: default}}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: gsh-pv
  resources: {{requests: {{storage: 1Gi}}}}
  volumeName: pv{}
status: {{phase: Bound}}
---
",
        if ready { "True" } else { "False" },
        ordinal + 1
    )
}

fn render(graph: &Graph) -> String {
    let mut out = String::new();
    for n in &graph.nodes {
        out.push_str(&format!(
            "col {} row {} {:<22} {:<10} {}\n",
            n.x / (BOX_W + 56),
            n.y / (BOX_H + 12),
            format!("{}/{}", n.id.kind.name(), n.title),
            n.status.class(),
            n.detail
        ));
    }
    for e in &graph.edges {
        out.push_str(&format!(
            "{} -{}-> {}\n",
            e.from.name,
            e.relation.label(),
            e.to.name
        ));
    }
    out.push_str(&format!("size {}x{}\n", graph.width, graph.height));
    out
}

/// The tutorial's cluster part way: web-0 Ready, web-1 creating, pv3 still Available.
fn tutorial_text() -> String {
    let mut text = String::new();
    for i in 1..=3 {
        let phase = if i == 3 { "Available" } else { "Bound" };
        text.push_str(&format!(
            "apiVersion: v1\nkind: PersistentVolume\nmetadata: {{name: pv{i}}}\nspec:\n  capacity: {{storage: 1Gi}}\n  accessModes: [ReadWriteOnce]\n  storageClassName: gsh-pv\n  hostPath: {{path: /tmp/pv_{i}}}\nstatus: {{phase: {phase}}}\n---\n"
        ));
    }
    text.push_str(&pod(0, "Running", true, "node-1"));
    text.push_str(&pod(1, "Pending", false, "node-2"));
    text.push_str(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web, namespace: default}\nspec:\n  replicas: 3\n  serviceName: nginx\n  selector: {matchLabels: {app: nginx}}\n  template:\n    metadata: {labels: {app: nginx}}\n    spec: {containers: [{name: nginx, image: nginx}]}\nstatus: {replicas: 2, readyReplicas: 1}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: nginx, namespace: default}\nspec: {clusterIP: None, selector: {app: nginx}, ports: [{port: 80, name: web}]}\n",
    );
    text
}

#[test]
fn the_tutorial_cluster_settled() {
    let parsed = manifest::parse(&tutorial_text());
    assert_eq!(parsed.diagnostics, []);
    let objects: Vec<&Object> = parsed.objects.iter().collect();
    expect![[r#"
        col 0 row 1 Service/nginx          plain      headless
        col 1 row 0 StatefulSet/web        plain      1/3 ready
        col 2 row 0 Pod/web-0              ready      Ready · node-1 · 10.244.0.5
        col 2 row 1 Pod/web-1              creating   ContainerCreating · node-2 · 10.244.1.5
        col 3 row 0 PersistentVolumeClaim/www-web-0 bound      Bound · 1Gi
        col 3 row 1 PersistentVolumeClaim/www-web-1 bound      Bound · 1Gi
        col 4 row 0 PersistentVolume/pv1   bound      Bound · 1Gi
        col 4 row 1 PersistentVolume/pv2   bound      Bound · 1Gi
        col 4 row 2 PersistentVolume/pv3   available  Available · 1Gi
        www-web-0 -binds-> pv1
        www-web-1 -binds-> pv2
        web -owns-> web-0
        web -owns-> web-1
        web-0 -mounts-> www-web-0
        web-1 -mounts-> www-web-1
        size 1096x188
    "#]]
    .assert_eq(&render(&layout(&objects)));
}

#[test]
fn a_hundred_pods_are_grouped_and_keep_ordinal_order() {
    let text: String = (0..100)
        .map(|i| pod(i, "Running", true, "node-1"))
        .collect();
    let parsed = manifest::parse(&text);
    let objects: Vec<&Object> = parsed.objects.iter().collect();
    let graph = layout(&objects);
    let pods: Vec<(&str, &str)> = graph
        .nodes
        .iter()
        .filter(|n| n.id.kind.name() == "Pod")
        .map(|n| (n.title.as_str(), n.detail.as_str()))
        .collect();
    let titles: Vec<&str> = pods.iter().map(|p| p.0).collect();
    assert_eq!(
        titles,
        [
            "web-0",
            "web-1",
            "web-2",
            "web-3",
            "web-4",
            "web-5 … web-96",
            "web-97",
            "web-98",
            "web-99"
        ]
    );
    assert_eq!(pods[5].1, "92 pods · 92 Ready");
    let claims = graph
        .nodes
        .iter()
        .filter(|n| n.id.kind.name() == "PersistentVolumeClaim")
        .count();
    assert_eq!(
        claims, 8,
        "the grouped pods' claims are folded into the group"
    );
    for pair in graph.nodes.windows(2) {
        assert!(
            (pair[0].x, pair[0].y) != (pair[1].x, pair[1].y),
            "{} and {} overlap",
            pair[0].title,
            pair[1].title
        );
    }
}

#[test]
fn every_slice_of_a_large_service_is_drawn_and_selects_the_pods_it_lists() {
    let mut text: String = (0..250)
        .map(|i| pod(i, "Running", true, "node-1"))
        .collect();
    text.push_str("apiVersion: v1\nkind: Service\nmetadata: {name: nginx, namespace: default}\nspec: {clusterIP: None, selector: {app: nginx}, ports: [{port: 80, name: web}]}\n---\n");
    let parsed = manifest::parse(&text);
    // 250 pods and their claims, and the Service.
    assert_eq!(parsed.objects.len(), 501);
    let mut objects: Vec<Object> = parsed.objects;
    for (name, range) in [
        ("nginx-aaaaa", 0..100),
        ("nginx-bbbbb", 100..200),
        ("nginx-ccccc", 200..250),
    ] {
        let mut slice = EndpointSlice::default();
        slice.metadata.name = name.into();
        slice.metadata.namespace = Some("default".into());
        slice
            .metadata
            .labels
            .insert("kubernetes.io/service-name".into(), "nginx".into());
        slice.endpoints = range
            .map(|i| Endpoint {
                addresses: vec![format!("10.244.{i}.5")],
                conditions: EndpointConditions {
                    ready: Some(true),
                    ..Default::default()
                },
                target_ref: Some(ObjectReference {
                    kind: Some("Pod".into()),
                    namespace: Some("default".into()),
                    name: Some(format!("web-{i}")),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect();
        objects.push(Object::EndpointSlice(slice));
    }
    let objects: Vec<&Object> = objects.iter().collect();
    let graph = layout(&objects);
    let slices: Vec<(&str, i32, &str)> = graph
        .nodes
        .iter()
        .filter(|n| n.id.kind.name() == "EndpointSlice")
        .map(|n| (n.title.as_str(), n.y / (BOX_H + 12), n.detail.as_str()))
        .collect();
    assert_eq!(
        slices,
        [
            ("nginx-aaaaa", 0, "100/100 ready"),
            ("nginx-bbbbb", 1, "100/100 ready"),
            ("nginx-ccccc", 2, "50/50 ready")
        ]
    );
    let selected = |slice: &str| -> Vec<String> {
        graph
            .edges
            .iter()
            .filter(|e| e.from.name == slice && e.relation.label() == "selects")
            .map(|e| e.to.name.clone())
            .collect()
    };
    let group = "web-5 … web-246".to_string();
    assert_eq!(
        selected("nginx-aaaaa"),
        ["web-0", "web-1", "web-2", "web-3", "web-4", &group]
    );
    assert_eq!(selected("nginx-bbbbb"), [group.as_str()]);
    assert_eq!(
        selected("nginx-ccccc"),
        ["web-247", "web-248", "web-249", &group]
    );
    let owned = graph
        .edges
        .iter()
        .filter(|e| e.from.name == "nginx" && e.relation.label() == "owns")
        .count();
    assert_eq!(owned, 3);
}

#[test]
fn no_edge_to_a_pod_runs_behind_another_box() {
    // The tutorial cluster with its EndpointSlice: the StatefulSet and the slice share
    // the column next to the pods, the Service sits left of its slice.
    let parsed = manifest::parse(&tutorial_text());
    let mut objects: Vec<Object> = parsed.objects;
    let mut slice = EndpointSlice::default();
    slice.metadata.name = "nginx-h5gbv".into();
    slice.metadata.namespace = Some("default".into());
    slice
        .metadata
        .labels
        .insert("kubernetes.io/service-name".into(), "nginx".into());
    slice.endpoints = vec![Endpoint {
        addresses: vec!["10.244.0.5".into()],
        target_ref: Some(ObjectReference {
            kind: Some("Pod".into()),
            namespace: Some("default".into()),
            name: Some("web-0".into()),
            ..Default::default()
        }),
        ..Default::default()
    }];
    objects.push(Object::EndpointSlice(slice));
    let objects: Vec<&Object> = objects.iter().collect();
    let graph = layout(&objects);
    let at = |name: &str| {
        let n = graph.nodes.iter().find(|n| n.id.name == name).expect(name);
        (n.x / (BOX_W + 56), n.y / (BOX_H + 12))
    };
    assert_eq!(at("nginx"), (0, 1));
    assert_eq!(at("web"), (1, 0));
    assert_eq!(at("nginx-h5gbv"), (1, 1));
    assert_eq!(at("web-0"), (2, 0));
    for edge in &graph.edges {
        let (from, to) = (at(&edge.from.name).0, at(&edge.to.name).0);
        assert!(
            graph.nodes.iter().all(|n| {
                let col = n.x / (BOX_W + 56);
                !(from.min(to) < col && col < from.max(to))
            }),
            "{} -> {} passes a box",
            edge.from.name,
            edge.to.name
        );
    }
}

/// Follows arrow keys from the box titled `start`; returns the titles visited (`-` where
/// a key leads nowhere and the focus stays).
fn walk(graph: &Graph, start: &str, keys: &[Direction]) -> Vec<String> {
    let mut at = graph
        .nodes
        .iter()
        .position(|n| n.title == start)
        .unwrap_or(usize::MAX);
    keys.iter()
        .map(|&d| match neighbour(&graph.nodes, at, d) {
            Some(next) => {
                at = next;
                graph.nodes[next].title.clone()
            }
            None => "-".to_string(),
        })
        .collect()
}

#[test]
fn arrow_keys_move_to_the_nearest_box_in_their_direction() {
    use Direction::{Down, Left, Right, Up};
    let parsed = manifest::parse(&tutorial_text());
    let objects: Vec<&Object> = parsed.objects.iter().collect();
    let graph = layout(&objects);
    // Along the first row and back: set, pod, claim, volume, then the edge.
    assert_eq!(
        walk(&graph, "web", &[Right, Right, Right, Right, Left]),
        ["web-0", "www-web-0", "pv1", "-", "www-web-0"]
    );
    // Down a column, past its end, and up again.
    assert_eq!(
        walk(&graph, "pv1", &[Down, Down, Down, Up]),
        ["pv2", "pv3", "-", "pv2"]
    );
    // A box a row off the line wins when it is much nearer: from the Service, the
    // StatefulSet in the next column, then on along its row.
    assert_eq!(walk(&graph, "nginx", &[Right, Right]), ["web", "web-0"]);
    // The box in the same row wins over one as near but off the line.
    assert_eq!(
        walk(&graph, "web-0", &[Down, Right]),
        ["web-1", "www-web-1"]
    );
    // With no box in the row, the nearest one ahead.
    assert_eq!(
        walk(&graph, "pv3", &[Left, Up, Up]),
        ["www-web-1", "www-web-0", "-"]
    );
    assert_eq!(walk(&graph, "web", &[Up, Left]), ["-", "nginx"]);
}

#[test]
fn arrow_keys_on_an_empty_graph_or_a_missing_box_go_nowhere() {
    let graph = Graph::default();
    assert_eq!(neighbour(&graph.nodes, 0, Direction::Right), None);
    let parsed = manifest::parse(&tutorial_text());
    let objects: Vec<&Object> = parsed.objects.iter().collect();
    let graph = layout(&objects);
    assert_eq!(
        neighbour(&graph.nodes, graph.nodes.len(), Direction::Left),
        None
    );
    assert_eq!(Direction::of_key("ArrowUp"), Some(Direction::Up));
    assert_eq!(Direction::of_key("Enter"), None);
}

#[test]
fn every_box_is_named_by_kind_name_and_state() {
    let parsed = manifest::parse(&tutorial_text());
    let objects: Vec<&Object> = parsed.objects.iter().collect();
    let labels: Vec<String> = layout(&objects).nodes.iter().map(|n| n.label()).collect();
    expect![[r#"
        Service nginx, headless
        StatefulSet web, 1/3 ready
        Pod web-0, Ready · node-1 · 10.244.0.5
        Pod web-1, ContainerCreating · node-2 · 10.244.1.5
        PersistentVolumeClaim www-web-0, Bound · 1Gi
        PersistentVolumeClaim www-web-1, Bound · 1Gi
        PersistentVolume pv1, Bound · 1Gi
        PersistentVolume pv2, Bound · 1Gi
        PersistentVolume pv3, Available · 1Gi
    "#]]
    .assert_eq(&(labels.join("\n") + "\n"));
}

#[test]
fn a_graph_without_workloads_starts_at_the_left_edge() {
    // A claim and a volume alone: their columns come first, not after three empty ones.
    let text = "apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: default}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
  volumeName: pv1
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /tmp/pv1}
";
    let parsed = manifest::parse(text);
    let objects: Vec<&Object> = parsed.objects.iter().collect();
    let graph = layout(&objects);
    let xs: Vec<(String, i32)> = graph
        .nodes
        .iter()
        .map(|n| (n.id.name.clone(), n.x))
        .collect();
    assert_eq!(
        xs,
        [
            ("data".to_string(), 16),
            ("pv1".to_string(), 16 + BOX_W + 56)
        ]
    );
    assert_eq!(graph.width, 16 + 2 * BOX_W + 56 + 16);
}
