//! The cluster graph as view data: a box per object, placed in columns by kind
//! (Service and StatefulSet → EndpointSlice and Pods → claims → volumes → classes), one row
//! per pod in ordinal order with its claims and their volumes beside it, and labelled edges
//! (owns, selects, mounts, binds, class). The UI only draws what this computes.

use crate::manifest::model::{Kind, Object, Pod};
use crate::present::i18n::Lang;
use crate::vecmap::{VecMap, VecSet};

/// Width and height of an object's box, and the gaps between columns and rows.
pub const BOX_W: i32 = 168;
pub const BOX_H: i32 = 44;
const COL_GAP: i32 = 56;
const ROW_GAP: i32 = 12;
const MARGIN: i32 = 16;

/// What a box looks like: one class per visible state, for colours and shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Exists, no state of its own (a Service, a class, a set).
    Plain,
    Pending,
    Creating,
    Running,
    Ready,
    Terminating,
    Failed,
    Available,
    Bound,
    Released,
    Lost,
}

impl Status {
    /// The CSS class the UI gives the box.
    pub fn class(self) -> &'static str {
        match self {
            Status::Plain => "plain",
            Status::Pending => "pending",
            Status::Creating => "creating",
            Status::Running => "running",
            Status::Ready => "ready",
            Status::Terminating => "terminating",
            Status::Failed => "failed",
            Status::Available => "available",
            Status::Bound => "bound",
            Status::Released => "released",
            Status::Lost => "lost",
        }
    }

    /// The state in words, as kubectl shows it; `None` for a box without a state.
    pub fn word(self) -> Option<&'static str> {
        match self {
            Status::Plain => None,
            Status::Pending => Some("Pending"),
            Status::Creating => Some("ContainerCreating"),
            Status::Running => Some("Running"),
            Status::Ready => Some("Ready"),
            Status::Terminating => Some("Terminating"),
            Status::Failed => Some("Failed"),
            Status::Available => Some("Available"),
            Status::Bound => Some("Bound"),
            Status::Released => Some("Released"),
            Status::Lost => Some("Lost"),
        }
    }
}

/// An object's identity in the graph: kind, namespace ("" for cluster objects), name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NodeId {
    pub kind: Kind,
    pub namespace: String,
    pub name: String,
}

impl NodeId {
    pub fn of(object: &Object) -> NodeId {
        NodeId {
            kind: object.kind(),
            namespace: object.namespace().to_string(),
            name: object.name().to_string(),
        }
    }

    /// A stable string key, e.g. `Pod/default/web-0`, for DOM ids and selection.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.kind.name(), self.namespace, self.name)
    }
}

/// One box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: NodeId,
    pub x: i32,
    pub y: i32,
    pub status: Status,
    /// The big line (the name) and the small line (phase, node, capacity…).
    pub title: String,
    pub detail: String,
}

impl Node {
    /// The box's accessible name: kind, name, state and the small line, e.g.
    /// `Pod web-0, Ready · node-1 · 10.244.0.5`. The state is named once even where the
    /// small line already starts with it.
    pub fn label(&self) -> String {
        let kind = self.id.kind.name();
        match self.status.word() {
            Some(word) if !self.detail.starts_with(word) && self.detail.is_empty() => {
                format!("{kind} {}, {word}", self.title)
            }
            Some(word) if !self.detail.starts_with(word) => {
                format!("{kind} {}, {word} · {}", self.title, self.detail)
            }
            _ if self.detail.is_empty() => format!("{kind} {}", self.title),
            _ => format!("{kind} {}, {}", self.title, self.detail),
        }
    }
}

/// An arrow key's direction, for moving the keyboard focus between boxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key` value, if it is an arrow key.
    pub fn of_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// The box the focus moves to from box `from` (an index into `nodes`) on an arrow key:
/// among the boxes whose centre lies strictly in that direction, the nearest, counting a
/// step sideways twice as far as a step straight ahead, so that the box in the same row
/// or column wins over a closer one off the line. Ties go to the box drawn first. `None`
/// at the edge of the drawing or for an index out of range.
pub fn neighbour(nodes: &[Node], from: usize, direction: Direction) -> Option<usize> {
    let origin = nodes.get(from)?;
    let centre = |n: &Node| {
        (
            i64::from(n.x) * 2 + i64::from(BOX_W),
            i64::from(n.y) * 2 + i64::from(BOX_H),
        )
    };
    let (ox, oy) = centre(origin);
    let mut best: Option<(i64, usize)> = None;
    for (i, n) in nodes.iter().enumerate() {
        if i == from {
            continue;
        }
        let (x, y) = centre(n);
        let (ahead, aside) = match direction {
            Direction::Right => (x - ox, y - oy),
            Direction::Left => (ox - x, y - oy),
            Direction::Down => (y - oy, x - ox),
            Direction::Up => (oy - y, x - ox),
        };
        if ahead <= 0 {
            continue;
        }
        let score = ahead + 2 * aside.abs();
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// What an edge means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    Owns,
    Selects,
    Mounts,
    Binds,
    Class,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Relation::Owns => "owns",
            Relation::Selects => "selects",
            Relation::Mounts => "mounts",
            Relation::Binds => "binds",
            Relation::Class => "class",
        }
    }

    /// The edge's label as the graph shows it, in the interface language.
    pub fn text(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.label(),
            (Lang::Zh, Relation::Owns) => "拥有",
            (Lang::Zh, Relation::Selects) => "选择",
            (Lang::Zh, Relation::Mounts) => "挂载",
            (Lang::Zh, Relation::Binds) => "绑定",
            (Lang::Zh, Relation::Class) => "存储类",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: NodeId,
    pub to: NodeId,
    pub relation: Relation,
}

/// The whole picture, with its size.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: i32,
    pub height: i32,
}

fn column_x(column: i32) -> i32 {
    MARGIN + column * (BOX_W + COL_GAP)
}

fn row_y(row: i32) -> i32 {
    MARGIN + row * (BOX_H + ROW_GAP)
}

fn has_condition(conditions: &[crate::manifest::model::Condition], kind: &str) -> bool {
    conditions
        .iter()
        .any(|c| c.type_ == kind && c.status == "True")
}

/// The state a pod shows: Terminating wins, then the phase, with ContainerCreating for a
/// scheduled pod whose containers have not started and Ready for a ready one.
pub fn pod_status(pod: &Pod) -> Status {
    if pod.metadata.deletion_timestamp.is_some() {
        return Status::Terminating;
    }
    let Some(status) = &pod.status else {
        return Status::Pending;
    };
    match status.phase.as_deref() {
        Some("Running") if has_condition(&status.conditions, "Ready") => Status::Ready,
        Some("Running") => Status::Running,
        Some("Failed") => Status::Failed,
        Some("Succeeded") => Status::Plain,
        _ if pod.spec.node_name.is_some() => Status::Creating,
        _ => Status::Pending,
    }
}

fn status_of(object: &Object) -> (Status, String) {
    let terminating = object.meta().deletion_timestamp.is_some();
    match object {
        Object::Pod(pod) => {
            let status = pod_status(pod);
            let phase = match status {
                Status::Ready => "Ready",
                Status::Running => "Running",
                Status::Creating => "ContainerCreating",
                Status::Terminating => "Terminating",
                Status::Failed => "Failed",
                Status::Plain => "Completed",
                _ => "Pending",
            };
            let detail = match (
                &pod.spec.node_name,
                pod.status.as_ref().and_then(|s| s.pod_ip.as_ref()),
            ) {
                (Some(node), Some(ip)) => format!("{phase} · {node} · {ip}"),
                (Some(node), None) => format!("{phase} · {node}"),
                _ => phase.to_string(),
            };
            (status, detail)
        }
        Object::PersistentVolumeClaim(pvc) => {
            let phase = pvc
                .status
                .as_ref()
                .and_then(|s| s.phase.clone())
                .unwrap_or_else(|| "Pending".into());
            let status = match (terminating, phase.as_str()) {
                (true, _) => Status::Terminating,
                (_, "Bound") => Status::Bound,
                (_, "Lost") => Status::Lost,
                _ => Status::Pending,
            };
            let size = pvc
                .spec
                .resources
                .requests
                .get("storage")
                .cloned()
                .unwrap_or_default();
            (
                status,
                format!(
                    "{} · {size}",
                    if terminating { "Terminating" } else { &phase }
                ),
            )
        }
        Object::PersistentVolume(pv) => {
            let phase = pv
                .status
                .as_ref()
                .and_then(|s| s.phase.clone())
                .unwrap_or_else(|| "Pending".into());
            let status = match (terminating, phase.as_str()) {
                (true, _) => Status::Terminating,
                (_, "Available") => Status::Available,
                (_, "Bound") => Status::Bound,
                (_, "Released") => Status::Released,
                (_, "Failed") => Status::Failed,
                _ => Status::Pending,
            };
            let size = pv.spec.capacity.get("storage").cloned().unwrap_or_default();
            (status, format!("{phase} · {size}"))
        }
        Object::StatefulSet(set) => {
            let ready = set
                .status
                .as_ref()
                .and_then(|s| s.ready_replicas)
                .unwrap_or(0);
            let want = set.spec.replicas.unwrap_or(1);
            (
                if terminating {
                    Status::Terminating
                } else {
                    Status::Plain
                },
                format!("{ready}/{want} ready"),
            )
        }
        Object::Service(svc) => {
            let ip = svc
                .spec
                .cluster_ip
                .clone()
                .unwrap_or_else(|| "<none>".into());
            let detail = if ip == "None" {
                "headless".to_string()
            } else {
                ip
            };
            (Status::Plain, detail)
        }
        Object::EndpointSlice(slice) => {
            let ready = slice
                .endpoints
                .iter()
                .filter(|e| e.conditions.ready != Some(false))
                .count();
            (
                Status::Plain,
                format!("{ready}/{} ready", slice.endpoints.len()),
            )
        }
        Object::StorageClass(sc) => (Status::Plain, sc.provisioner.clone()),
        _ => (Status::Plain, String::new()),
    }
}

/// The column each kind is drawn in; `None` for kinds the graph leaves out.
fn column(kind: Kind) -> Option<i32> {
    match kind {
        // A StatefulSet sits beside the EndpointSlices, next to the pods both point at,
        // so no edge to a pod runs behind another box.
        Kind::Service => Some(0),
        Kind::StatefulSet | Kind::EndpointSlice => Some(1),
        Kind::Pod => Some(2),
        Kind::PersistentVolumeClaim => Some(3),
        Kind::PersistentVolume => Some(4),
        Kind::StorageClass => Some(5),
        _ => None,
    }
}

/// Sorts pod names by their trailing ordinal, so `web-2` comes before `web-10`.
fn ordinal_key(name: &str) -> (String, u64, String) {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = name.split_at(name.len() - digits);
    (
        head.to_string(),
        tail.parse().unwrap_or(u64::MAX),
        name.to_string(),
    )
}

/// The longest name a box shows whole; longer ones (`pvc-<uid>`) end in `…`.
const TITLE_CHARS: usize = 22;

fn fit(name: &str) -> String {
    if name.chars().count() <= TITLE_CHARS {
        return name.to_string();
    }
    let head: String = name.chars().take(TITLE_CHARS - 1).collect();
    format!("{head}…")
}

/// Lays out the objects of the cluster.
/// A StatefulSet with more pods than this shows its first and last ones and one box for
/// the rest, so the picture stays readable at 100 replicas.
pub const GROUP_ABOVE: usize = 12;
const GROUP_HEAD: usize = 5;
const GROUP_TAIL: usize = 3;

/// One box standing for many pods (and their claims and volumes).
struct Group {
    id: NodeId,
    /// The first pod it stands for, which gives its place in ordinal order.
    first: String,
    /// The names of the pods it stands for.
    pods: VecSet<String>,
    owner: NodeId,
    detail: String,
    status: Status,
}

/// Collapses the middle pods of large StatefulSets: returns the ids hidden and the groups.
fn groups(objects: &[&Object]) -> (VecSet<NodeId>, Vec<Group>) {
    let mut by_owner: VecMap<(String, String), Vec<&Pod>> = VecMap::new();
    for o in objects {
        if let Object::Pod(pod) = o {
            if let Some(owner) = pod
                .metadata
                .owner_references
                .iter()
                .find(|r| r.kind == "StatefulSet")
            {
                by_owner
                    .entry((o.namespace().to_string(), owner.name.clone()))
                    .or_default()
                    .push(pod);
            }
        }
    }
    let claims_of = |pod: &Pod| -> Vec<String> {
        pod.spec
            .volumes
            .iter()
            .filter_map(|v| {
                v.persistent_volume_claim
                    .as_ref()
                    .map(|c| c.claim_name.clone())
            })
            .collect()
    };
    let mut hidden = VecSet::new();
    let mut out = Vec::new();
    for ((ns, set), mut pods) in by_owner {
        if pods.len() <= GROUP_ABOVE {
            continue;
        }
        crate::sort::by_key(&mut pods, |p| ordinal_key(&p.metadata.name));
        let middle = &pods[GROUP_HEAD..pods.len() - GROUP_TAIL];
        let (Some(first), Some(last)) = (middle.first(), middle.last()) else {
            continue;
        };
        let ready = middle
            .iter()
            .filter(|p| pod_status(p) == Status::Ready)
            .count();
        for pod in middle {
            hidden.insert(NodeId {
                kind: Kind::Pod,
                namespace: ns.clone(),
                name: pod.metadata.name.clone(),
            });
            for claim in claims_of(pod) {
                let volume = objects.iter().find_map(|o| match o {
                    Object::PersistentVolumeClaim(c)
                        if c.metadata.name == claim && o.namespace() == ns =>
                    {
                        c.spec.volume_name.clone()
                    }
                    _ => None,
                });
                if let Some(v) = volume {
                    hidden.insert(NodeId {
                        kind: Kind::PersistentVolume,
                        namespace: String::new(),
                        name: v,
                    });
                }
                hidden.insert(NodeId {
                    kind: Kind::PersistentVolumeClaim,
                    namespace: ns.clone(),
                    name: claim,
                });
            }
        }
        out.push(Group {
            first: first.metadata.name.clone(),
            pods: middle.iter().map(|p| p.metadata.name.clone()).collect(),
            id: NodeId {
                kind: Kind::Pod,
                namespace: ns.clone(),
                name: format!("{} … {}", first.metadata.name, last.metadata.name),
            },
            owner: NodeId {
                kind: Kind::StatefulSet,
                namespace: ns,
                name: set,
            },
            detail: format!("{} pods · {ready} Ready", middle.len()),
            status: if ready == middle.len() {
                Status::Ready
            } else {
                Status::Pending
            },
        });
    }
    (hidden, out)
}

pub fn layout(objects: &[&Object]) -> Graph {
    let (hidden, groups) = groups(objects);
    let by_id: VecMap<NodeId, &Object> = objects
        .iter()
        .filter(|o| column(o.kind()).is_some())
        .map(|o| (NodeId::of(o), *o))
        .filter(|(id, _)| !hidden.contains(id))
        .collect();
    let mut edges = Vec::new();
    let find = |kind: Kind, namespace: &str, name: &str| {
        let id = NodeId {
            kind,
            namespace: namespace.to_string(),
            name: name.to_string(),
        };
        by_id.contains_key(&id).then_some(id)
    };
    // Edges, each derived from a field a learner can point at.
    for (id, object) in &by_id {
        match object {
            Object::Pod(pod) => {
                for owner in &pod.metadata.owner_references {
                    if let Some(from) = find(Kind::StatefulSet, &id.namespace, &owner.name) {
                        edges.push(Edge {
                            from,
                            to: id.clone(),
                            relation: Relation::Owns,
                        });
                    }
                }
                for volume in &pod.spec.volumes {
                    if let Some(claim) = &volume.persistent_volume_claim {
                        if let Some(to) = find(
                            Kind::PersistentVolumeClaim,
                            &id.namespace,
                            &claim.claim_name,
                        ) {
                            edges.push(Edge {
                                from: id.clone(),
                                to,
                                relation: Relation::Mounts,
                            });
                        }
                    }
                }
            }
            Object::PersistentVolumeClaim(pvc) => {
                if let Some(volume) = &pvc.spec.volume_name {
                    if let Some(to) = find(Kind::PersistentVolume, "", volume) {
                        edges.push(Edge {
                            from: id.clone(),
                            to,
                            relation: Relation::Binds,
                        });
                    }
                }
            }
            Object::PersistentVolume(pv) => {
                if let Some(class) = pv
                    .spec
                    .storage_class_name
                    .as_deref()
                    .filter(|c| !c.is_empty())
                {
                    if let Some(from) = find(Kind::StorageClass, "", class) {
                        edges.push(Edge {
                            from,
                            to: id.clone(),
                            relation: Relation::Class,
                        });
                    }
                }
            }
            Object::EndpointSlice(slice) => {
                if let Some(svc) = slice.metadata.labels.get("kubernetes.io/service-name") {
                    if let Some(from) = find(Kind::Service, &id.namespace, svc) {
                        edges.push(Edge {
                            from,
                            to: id.clone(),
                            relation: Relation::Owns,
                        });
                    }
                }
                for endpoint in &slice.endpoints {
                    let pod = endpoint.target_ref.as_ref().and_then(|r| r.name.as_deref());
                    if let Some(to) = pod.and_then(|p| find(Kind::Pod, &id.namespace, p)) {
                        edges.push(Edge {
                            from: id.clone(),
                            to,
                            relation: Relation::Selects,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    crate::sort::by(&mut edges, |a, b| {
        (&a.from, &a.to, a.relation).cmp(&(&b.from, &b.to, b.relation))
    });
    edges.dedup();

    // Rows: each pod in ordinal order, its claims and their volumes beside it; then claims
    // and volumes that no pod mounts, each on its own row.
    let mut rows: VecMap<NodeId, i32> = VecMap::new();
    let mut pods: Vec<&NodeId> = by_id
        .keys()
        .filter(|id| id.kind == Kind::Pod)
        .chain(groups.iter().map(|g| &g.id))
        .collect();
    let place = |id: &NodeId| {
        let name = groups
            .iter()
            .find(|g| g.id == *id)
            .map_or(id.name.as_str(), |g| g.first.as_str());
        (id.namespace.clone(), ordinal_key(name))
    };
    crate::sort::by_key(&mut pods, |id| place(id));
    let mut next_row = 0;
    for pod in pods {
        rows.insert(pod.clone(), next_row);
        let mut claim_row = next_row;
        for edge in edges
            .iter()
            .filter(|e| e.from == *pod && e.relation == Relation::Mounts)
        {
            if rows.contains_key(&edge.to) {
                continue;
            }
            rows.insert(edge.to.clone(), claim_row);
            for bind in edges
                .iter()
                .filter(|e| e.from == edge.to && e.relation == Relation::Binds)
            {
                rows.entry(bind.to.clone()).or_insert(claim_row);
            }
            claim_row += 1;
        }
        next_row = claim_row.max(next_row + 1);
    }
    let mut leftover_claims: Vec<&NodeId> = by_id
        .keys()
        .filter(|id| id.kind == Kind::PersistentVolumeClaim && !rows.contains_key(id))
        .collect();
    crate::sort::by_key(&mut leftover_claims, |id| {
        (id.namespace.clone(), ordinal_key(&id.name))
    });
    for claim in leftover_claims {
        rows.insert(claim.clone(), next_row);
        for bind in edges
            .iter()
            .filter(|e| e.from == *claim && e.relation == Relation::Binds)
        {
            rows.entry(bind.to.clone()).or_insert(next_row);
        }
        next_row += 1;
    }
    // Volumes in the remaining rows of their column, in name order.
    let used: VecSet<i32> = rows
        .iter()
        .filter(|(id, _)| id.kind == Kind::PersistentVolume)
        .map(|(_, r)| *r)
        .collect();
    let mut free = (0..).filter(|r| !used.contains(r));
    let volumes: Vec<NodeId> = by_id
        .keys()
        .filter(|id| id.kind == Kind::PersistentVolume && !rows.contains_key(id))
        .cloned()
        .collect();
    for volume in volumes {
        if let Some(r) = free.next() {
            rows.insert(volume, r);
        }
    }
    // Columns whose objects have no natural row stack from the top: StatefulSets, then
    // each Service's EndpointSlices below them with the Service on the row of its first,
    // then slices whose Service is not drawn; StorageClasses in their own column.
    let of_kind = |kind: Kind| by_id.keys().filter(move |id| id.kind == kind);
    let mut next = 0;
    for id in of_kind(Kind::StatefulSet) {
        rows.insert(id.clone(), next);
        next += 1;
    }
    for id in of_kind(Kind::Service) {
        let first = next;
        rows.insert(id.clone(), first);
        for edge in edges.iter().filter(|e| {
            e.from == *id && e.relation == Relation::Owns && e.to.kind == Kind::EndpointSlice
        }) {
            rows.insert(edge.to.clone(), next);
            next += 1;
        }
        next = next.max(first + 1);
    }
    for id in of_kind(Kind::EndpointSlice) {
        if !rows.contains_key(id) {
            rows.insert(id.clone(), next);
            next += 1;
        }
    }
    for (i, id) in of_kind(Kind::StorageClass).enumerate() {
        rows.insert(id.clone(), i as i32);
    }

    let mut nodes: Vec<Node> = by_id
        .iter()
        .filter_map(|(id, object)| {
            let col = column(id.kind)?;
            let row = *rows.get(id)?;
            let (status, detail) = status_of(object);
            Some(Node {
                id: id.clone(),
                x: column_x(col),
                y: row_y(row),
                status,
                title: fit(&id.name),
                detail,
            })
        })
        .collect();
    for group in &groups {
        if let (Some(col), Some(row)) = (column(Kind::Pod), rows.get(&group.id)) {
            nodes.push(Node {
                id: group.id.clone(),
                x: column_x(col),
                y: row_y(*row),
                status: group.status,
                title: group.id.name.clone(),
                detail: group.detail.clone(),
            });
            if by_id.contains_key(&group.owner) {
                edges.push(Edge {
                    from: group.owner.clone(),
                    to: group.id.clone(),
                    relation: Relation::Owns,
                });
            }
            // A slice that lists pods the group stands for selects the group: a Service
            // over 100 endpoints has slices that list only such pods.
            for (id, object) in &by_id {
                let Object::EndpointSlice(slice) = object else {
                    continue;
                };
                let lists = slice.endpoints.iter().any(|e| {
                    e.target_ref
                        .as_ref()
                        .and_then(|r| r.name.as_ref())
                        .is_some_and(|pod| group.pods.contains(pod))
                });
                if lists && id.namespace == group.id.namespace {
                    edges.push(Edge {
                        from: id.clone(),
                        to: group.id.clone(),
                        relation: Relation::Selects,
                    });
                }
            }
        }
    }
    // Leading columns no object uses are left out, so a graph of claims and volumes alone
    // starts at the left edge instead of being drawn small at the right of an empty
    // drawing. Columns in between stay, so boxes do not jump when a column fills.
    let shift = nodes.iter().map(|n| n.x).min().unwrap_or(MARGIN) - MARGIN;
    for node in &mut nodes {
        node.x -= shift;
    }
    crate::sort::by(&mut nodes, |a, b| (a.x, a.y, &a.id).cmp(&(b.x, b.y, &b.id)));
    let width = nodes
        .iter()
        .map(|n| n.x + BOX_W + MARGIN)
        .max()
        .unwrap_or(0);
    let height = nodes
        .iter()
        .map(|n| n.y + BOX_H + MARGIN)
        .max()
        .unwrap_or(0);
    Graph {
        nodes,
        edges,
        width,
        height,
    }
}
