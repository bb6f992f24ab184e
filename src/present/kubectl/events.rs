//! Events as `kubectl describe` shows them: which events belong to an object, and the
//! `Events:` section with its `Type Reason Age From Message` table.

use super::format::translate_timestamp_since;
use crate::manifest::model::{Event, Object};
use crate::time::parse_rfc3339;

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
