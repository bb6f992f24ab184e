//! Events as `kubectl describe` shows them: which events belong to an object, and the
//! `Events:` section with its `Type Reason Age From Message` table.

use super::format::translate_timestamp_since;
use crate::manifest::model::{Event, Object};
use crate::time::{parse_rfc3339, rfc3339};

/// The PV controller's resync period (`PVClaimBinderSyncPeriod`).
pub const PV_RESYNC_MS: i64 = 15_000;

/// The claim events the PV controller records again on every resync for as long as the
/// claim stays in the state that caused them.
/// Upstream: pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim
const REPEATING: [&str; 5] = [
    "WaitForFirstConsumer",
    "WaitForPodScheduled",
    "ProvisioningFailed",
    "FailedBinding",
    "ExternalProvisioning",
];

/// `event` as a real cluster would show it at `now_ms`: the simulation records a repeating
/// PV controller event on a claim once, so that it can settle; here its count and
/// `lastTimestamp` grow by one for every 15 s resync since, as the event recorder's
/// aggregation would have done. The repeats run until a later event on the claim with
/// another reason (other than the provisioner's `Provisioning`, which leaves the claim
/// waiting), or until now while the claim is still Pending; a claim that left Pending
/// without such an event gets no repeats (the simulation does not know when it left).
pub fn resynced(event: &Event, world: &[&Object], now_ms: i64) -> Event {
    let mut event = event.clone();
    if event.source.component.as_deref() != Some("persistentvolume-controller")
        || event.involved_object.kind.as_deref() != Some("PersistentVolumeClaim")
        || !REPEATING.contains(&event.reason.as_str())
    {
        return event;
    }
    let Some(last) = event.last_timestamp.as_deref().and_then(parse_rfc3339) else {
        return event;
    };
    let same_claim = |e: &Event| {
        e.involved_object.name == event.involved_object.name
            && e.involved_object.namespace == event.involved_object.namespace
            && e.involved_object.uid == event.involved_object.uid
    };
    let superseded = world
        .iter()
        .filter_map(|o| match o {
            Object::Event(e) => Some(e),
            _ => None,
        })
        .filter(|e| same_claim(e) && e.reason != event.reason && e.reason != "Provisioning")
        .filter_map(|e| e.first_timestamp.as_deref().and_then(parse_rfc3339))
        .filter(|t| *t >= last)
        .min();
    let pending = world.iter().any(|o| match o {
        Object::PersistentVolumeClaim(c) => {
            Some(&c.metadata.name) == event.involved_object.name.as_ref()
                && c.metadata.uid == event.involved_object.uid
                && c.status
                    .as_ref()
                    .and_then(|s| s.phase.as_deref())
                    .unwrap_or("Pending")
                    == "Pending"
        }
        _ => false,
    });
    // Resyncs at last + 15 s, last + 30 s, …: strictly before the event that ends the
    // series, or up to now while the claim still waits.
    let repeats = match superseded {
        Some(end) if end > last => (end - last - 1) / PV_RESYNC_MS,
        Some(_) => 0,
        None if pending && now_ms > last => (now_ms - last) / PV_RESYNC_MS,
        None => 0,
    };
    if repeats > 0 {
        event.count = event.count.max(1).saturating_add(repeats);
        event.last_timestamp = Some(rfc3339(last + repeats * PV_RESYNC_MS));
    }
    event
}

/// The events in `world` whose `involvedObject` is `target` (same kind, namespace and
/// name, and the same uid when both carry one; a node's name counts as its uid, as the
/// kubelet uses it), in the order given.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go searchEvents
pub fn search_events<'a>(target: &Object, world: &[&'a Object]) -> Vec<&'a Event> {
    let meta = target.meta();
    let kind = target.kind().name();
    world
        .iter()
        .filter_map(|o| match o {
            Object::Event(e) => Some(e),
            _ => None,
        })
        .filter(|e| {
            let r = &e.involved_object;
            r.name.as_deref() == Some(meta.name.as_str())
                && r.kind.as_deref().is_none_or(|k| k == kind)
                && r.namespace.as_deref().unwrap_or("") == target.namespace()
                && match (&r.uid, &meta.uid) {
                    // The kubelet reports node events with the node's name as uid.
                    (Some(a), Some(b)) => a == b || (kind == "Node" && *a == meta.name),
                    _ => true,
                }
        })
        .collect()
}

/// The `Events:` section of `kubectl describe`, stably sorted by `lastTimestamp`; a repeated
/// event shows its age as `4m23s (x17 over 9m51s)`. The text is tab-separated, to be
/// aligned on its own (kubectl flushes its tab writer before this section).
/// Upstream: k8s.io/kubectl pkg/describe/describe.go DescribeEvents
pub fn describe_events(events: &[&Event], now_ms: i64) -> String {
    if events.is_empty() {
        return "Events:\t<none>\n".into();
    }
    let mut sorted: Vec<&Event> = events.to_vec();
    // kubectl sorts on lastTimestamp alone: an event without one sorts first.
    let last_seen = |e: &Event| {
        e.last_timestamp
            .as_deref()
            .and_then(parse_rfc3339)
            .unwrap_or(i64::MIN)
    };
    crate::sort::by_key(&mut sorted, |e| last_seen(e));
    let mut out = String::from("Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    out.push_str("  ----\t------\t----\t----\t-------\n");
    for event in sorted {
        let first = translate_timestamp_since(event.first_timestamp.as_deref(), now_ms);
        let interval = if event.count > 1 {
            format!(
                "{} (x{} over {first})",
                translate_timestamp_since(event.last_timestamp.as_deref(), now_ms),
                event.count
            )
        } else {
            first
        };
        out.push_str(&format!(
            "  {}\t{}\t{}\t{}\t{}\n",
            event.type_,
            event.reason,
            interval,
            event.source.component.as_deref().unwrap_or(""),
            event.message.trim()
        ));
    }
    out
}
