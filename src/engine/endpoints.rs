//! The EndpointSlice controller as a component: keeps the slices of each Service with a
//! selector in step with its pods, one sync a step. `endpointslice::reconcile` decides
//! the creates, updates and deletes (at most 100 endpoints a slice); this file names new
//! slices `<service>-<5 characters>` and explains the step.
//!
//! Upstream: pkg/controller/endpointslice/endpointslice_controller.go, reconciler.go

use super::endpointslice::{
    self, MANAGED_BY, MANAGED_BY_LABEL, MAX_ENDPOINTS_PER_SLICE, SERVICE_NAME_LABEL,
};
use super::queue::{self, Part};
use super::step::{Act, Component, Decision, Write};
use super::text::{self, Text};
use super::world::{key_of, Key, World};
use crate::manifest::model::*;
use crate::vecmap::VecMap;

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

/// The EndpointSlice controller, one Service at a time: the first whose slices are not
/// what they should be. A Service has work again when it changes, when a slice in its
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

/// How many hashed names are tried for a new slice before counting up.
const NAME_TRIES: usize = 64;

/// A name for a new slice of the Service that no object of that kind in the namespace
/// has (`taken`): `<service>-` and five characters hashed from the Service's uid, then
/// from the uid and a counter, as the API server draws a generateName suffix again when
/// the name is in use.
fn slice_name(service: &str, uid: &str, taken: impl Fn(&str) -> bool) -> String {
    for k in 0..NAME_TRIES {
        let seed = if k == 0 {
            uid.to_string()
        } else {
            format!("{uid}/{k}")
        };
        let name = format!("{service}-{}", suffix_for(&seed));
        if !taken(&name) {
            return name;
        }
    }
    // Not reached in practice: the suffixes are spread over 27^5 names.
    (0..)
        .map(|k: u64| format!("{service}-{}{k}", suffix_for(uid)))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The slices labelled for the Service and managed by the controller, in name order.
fn slices_of<'a>(world: &'a World, service: &Service) -> Vec<&'a EndpointSlice> {
    world
        .of_kind(Kind::EndpointSlice)
        .filter_map(|o| match o {
            Object::EndpointSlice(s)
                if s.metadata.namespace == service.metadata.namespace
                    && s.metadata.labels.get(SERVICE_NAME_LABEL)
                        == Some(&service.metadata.name)
                    && s.metadata.labels.get(MANAGED_BY_LABEL).map(String::as_str)
                        == Some(MANAGED_BY) =>
            {
                Some(s)
            }
            _ => None,
        })
        .collect()
}

fn sync(world: &World, key: &Key) -> Decision {
    let Some(Object::Service(service)) = world.get(key) else {
        return Decision::idle();
    };
    if !endpointslice::manages(service) || service.metadata.deletion_timestamp.is_some() {
        return Decision::idle();
    }
    let pod_refs: Vec<&Pod> = world.pods().collect();
    let node_refs: Vec<&Node> = world.nodes().collect();
    let existing = slices_of(world, service);
    let members = endpointslice::members(service, &pod_refs);
    // The stored slices are compared with the pods before any endpoint is built: most
    // syncs find them as they should be.
    let settled = endpointslice::settled(service, &members, &existing, &node_refs);
    #[cfg(debug_assertions)]
    {
        let reconciled = endpointslice::reconcile(service, &members, &existing, &node_refs);
        assert_eq!(
            settled,
            reconciled.is_empty(),
            "settled disagrees with reconcile for Service {}: {reconciled:?}",
            service.metadata.name
        );
    }
    if settled {
        return Decision::idle();
    }
    let reconciled = endpointslice::reconcile(service, &members, &existing, &node_refs);
    if reconciled.is_empty() {
        return Decision::idle();
    }
    let ns = service.metadata.namespace.clone().unwrap_or_default();
    let name = &service.metadata.name;
    let uid = service.metadata.uid.as_deref().unwrap_or(name);
    let mut created: Vec<EndpointSlice> = Vec::new();
    for mut slice in reconciled.create {
        slice.metadata.name = slice_name(name, uid, |candidate| {
            world.find(Kind::EndpointSlice, &ns, candidate).is_some()
                || created.iter().any(|s| s.metadata.name == candidate)
        });
        created.push(slice);
    }
    let explain = explain(
        service,
        &existing,
        &created,
        &reconciled.update,
        &reconciled.delete,
    );
    let writes = created
        .into_iter()
        .map(|s| Write::Create(Object::EndpointSlice(s)))
        .chain(
            reconciled
                .update
                .into_iter()
                .map(|s| Write::Update(Object::EndpointSlice(s))),
        )
        .chain(
            reconciled
                .delete
                .into_iter()
                .map(|n| Write::Remove((Kind::EndpointSlice, ns.clone(), n))),
        )
        .collect();
    Decision::Act(Act {
        component: Component::EndpointSlice,
        writes,
        event: None,
        explain,
    })
}

/// The pods a slice lists, in its order.
fn pods_in(slice: &EndpointSlice) -> impl Iterator<Item = (&str, &Endpoint)> {
    slice.endpoints.iter().filter_map(|e| {
        let name = e.target_ref.as_ref()?.name.as_deref()?;
        Some((name, e))
    })
}

/// The pods whose endpoints are ready, as a clause: `ready: web-0, web-1`.
fn ready_summary<'a>(endpoints: impl Iterator<Item = &'a Endpoint>) -> Text {
    let ready: Vec<&str> = endpoints
        .filter(|e| e.conditions.ready == Some(true))
        .filter_map(|e| e.target_ref.as_ref().and_then(|r| r.name.as_deref()))
        .collect();
    if ready.is_empty() {
        Text::new("no ready endpoint", "没有就绪端点")
    } else {
        let list = text::listed(&ready);
        Text::new(format!("ready: {}", list.en), format!("就绪:{}", list.zh))
    }
}

/// What an update did to a slice: the pods it added and removed, and those whose
/// endpoint changed (became ready, stopped being ready, or otherwise).
fn update_summary(before: Option<&EndpointSlice>, after: &EndpointSlice) -> Text {
    let old: VecMap<&str, &Endpoint> = before.map(|b| pods_in(b).collect()).unwrap_or_default();
    let new: VecMap<&str, &Endpoint> = pods_in(after).collect();
    let mut added = Vec::new();
    let mut ready = Vec::new();
    let mut unready = Vec::new();
    let mut changed = Vec::new();
    for (pod, endpoint) in pods_in(after) {
        match old.get(pod) {
            None => added.push(pod),
            Some(was) if *was == endpoint => {}
            Some(was) => match (was.conditions.ready, endpoint.conditions.ready) {
                (Some(false) | None, Some(true)) => ready.push(pod),
                (Some(true), Some(false) | None) => unready.push(pod),
                _ => changed.push(pod),
            },
        }
    }
    let removed: Vec<&str> = before
        .map(|b| {
            pods_in(b)
                .map(|(p, _)| p)
                .filter(|p| !new.contains_key(p))
                .collect()
        })
        .unwrap_or_default();
    let mut parts: Vec<Text> = Vec::new();
    for (pods, en, zh) in [
        (&added, "adds ", "加入 "),
        (&removed, "removes ", "移除 "),
        (&ready, "now ready: ", "变为就绪:"),
        (&unready, "no longer ready: ", "不再就绪:"),
        (&changed, "changes ", "更新 "),
    ] {
        if !pods.is_empty() {
            let list = text::listed(pods);
            parts.push(Text::new(
                format!("{en}{}", list.en),
                format!("{zh}{}", list.zh),
            ));
        }
    }
    if parts.is_empty() {
        return Text::new("labels", "标签");
    }
    Text::new(
        parts
            .iter()
            .map(|p| p.en.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        parts
            .iter()
            .map(|p| p.zh.as_str())
            .collect::<Vec<_>>()
            .join(";"),
    )
}

/// Joins clauses as a sentence does: `a, b and c` / `a、b 并 c`.
fn sentence(parts: &[Text]) -> Text {
    let join = |words: Vec<&str>, comma: &str, and: &str| match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(comma)),
        None => String::new(),
    };
    Text::new(
        join(parts.iter().map(|p| p.en.as_str()).collect(), ", ", " and "),
        join(parts.iter().map(|p| p.zh.as_str()).collect(), ",", ",并"),
    )
}

/// The explanation of one sync: which slice got which pods, and why a Service has several.
fn explain(
    service: &Service,
    existing: &[&EndpointSlice],
    created: &[EndpointSlice],
    updated: &[EndpointSlice],
    deleted: &[String],
) -> Text {
    let name = &service.metadata.name;
    let slices_after = (existing.len() + created.len()).saturating_sub(deleted.len());
    let before = |slice: &str| existing.iter().copied().find(|s| s.metadata.name == slice);
    // One slice before and after, one write: the common case of a small Service.
    if slices_after == 1 && deleted.is_empty() {
        match (created, updated) {
            ([slice], []) => {
                let summary = ready_summary(slice.endpoints.iter());
                return Text::new(
                    format!("Service {name} selects pods by label, so the EndpointSlice controller creates a slice listing them ({}). DNS answers for {name} come from this slice.", summary.en),
                    format!("Service {name} 通过标签选择 Pod,EndpointSlice 控制器为它创建一个列出这些 Pod 的切片({})。{name} 的 DNS 应答就来自这个切片。", summary.zh),
                );
            }
            ([], [slice]) => {
                let summary = ready_summary(slice.endpoints.iter());
                let slice = &slice.metadata.name;
                return Text::new(
                    format!("The pods behind Service {name} changed, so its EndpointSlice {slice} is updated ({}).", summary.en),
                    format!("Service {name} 背后的 Pod 发生了变化,它的 EndpointSlice {slice} 随之更新({})。", summary.zh),
                );
            }
            _ => {}
        }
    }
    let mut clauses: Vec<Text> = Vec::new();
    for slice in created {
        let pods: Vec<&str> = pods_in(slice).map(|(p, _)| p).collect();
        let list = text::listed(&pods);
        let slice = &slice.metadata.name;
        clauses.push(if pods.is_empty() {
            Text::new(
                format!("creates {slice} with no endpoint"),
                format!("创建不含端点的 {slice}"),
            )
        } else {
            Text::new(
                format!("creates {slice} listing {}", list.en),
                format!("创建 {slice},列出 {}", list.zh),
            )
        });
    }
    for slice in updated {
        let what = update_summary(before(&slice.metadata.name), slice);
        let slice = &slice.metadata.name;
        clauses.push(Text::new(
            format!("updates {slice} ({})", what.en),
            format!("更新 {slice}({})", what.zh),
        ));
    }
    for slice in deleted {
        clauses.push(Text::new(
            format!("deletes {slice}, which no longer lists any pod"),
            format!("删除已不再列出任何 Pod 的 {slice}"),
        ));
    }
    let did = sentence(&clauses);
    // The endpoints once this step is written: the slices it leaves alone and those it writes.
    let written = |slice: &str| {
        updated.iter().any(|s| s.metadata.name == slice) || deleted.iter().any(|s| s == slice)
    };
    let after = existing
        .iter()
        .copied()
        .filter(|s| !written(&s.metadata.name))
        .chain(created)
        .chain(updated)
        .flat_map(|s| &s.endpoints);
    let (total, ready) = after.fold((0, 0), |(total, ready), e| {
        (
            total + 1,
            ready + usize::from(e.conditions.ready == Some(true)),
        )
    });
    let why = if slices_after > 1 {
        Text::new(
            format!("A slice holds at most {MAX_ENDPOINTS_PER_SLICE} endpoints, so the {total} endpoints of Service {name} ({ready} ready) take {slices_after} slices."),
            format!("一个切片最多容纳 {MAX_ENDPOINTS_PER_SLICE} 个端点,因此 Service {name} 的 {total} 个端点(其中 {ready} 个就绪)分布在 {slices_after} 个切片中。"),
        )
    } else if total == 0 {
        Text::new(
            format!("Service {name} has no endpoint left, and a Service without endpoints keeps one empty slice."),
            format!("Service {name} 已没有端点,没有端点的 Service 保留一个空切片。"),
        )
    } else {
        Text::new(
            format!("The {total} endpoints of Service {name} ({ready} ready) fit in one slice."),
            format!("Service {name} 的 {total} 个端点(其中 {ready} 个就绪)放得进一个切片。"),
        )
    };
    Text::new(
        format!(
            "The pods behind Service {name} changed, so the EndpointSlice controller {}. {}",
            did.en, why.en
        ),
        format!(
            "Service {name} 背后的 Pod 发生了变化,EndpointSlice 控制器{}。{}",
            did.zh, why.zh
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_slice_name_is_hashed_from_the_uid_and_skips_names_in_use() {
        let first = slice_name("web", "uid-1", |_| false);
        assert_eq!(first, format!("web-{}", suffix_for("uid-1")));
        assert_eq!(first, slice_name("web", "uid-1", |_| false));
        let second = slice_name("web", "uid-1", |n| n == first);
        assert_ne!(second, first);
        let third = slice_name("web", "uid-1", |n| n == first || n == second);
        assert!(third != first && third != second);
        for name in [&first, &second, &third] {
            let suffix = name.strip_prefix("web-").unwrap_or("");
            assert_eq!(suffix.len(), 5, "{name}");
            assert!(suffix
                .bytes()
                .all(|b| b"bcdfghjklmnpqrstvwxz2456789".contains(&b)));
        }
        // Even with every hashed name taken, a free name is found.
        let hashed: Vec<String> = (0..NAME_TRIES).map(hashed_name).collect();
        assert_eq!(hashed[1], second);
        let last = slice_name("web", "uid-1", |n| hashed.iter().any(|h| h == n));
        assert!(!hashed.contains(&last), "{last}");
    }

    /// The k-th hashed candidate for `web` and `uid-1`.
    fn hashed_name(k: usize) -> String {
        let seed = if k == 0 {
            "uid-1".to_string()
        } else {
            format!("uid-1/{k}")
        };
        format!("web-{}", suffix_for(&seed))
    }
}
