//! Small formatting helpers kubectl shares between `get` and `describe`: ages, dates,
//! access modes, label maps and selectors, storage class lookups. Each is a port of the
//! upstream helper named in its doc line.

use crate::manifest::model::{LabelSelector, ObjectMeta, PersistentVolume, PersistentVolumeClaim};
use crate::manifest::model::{StatefulSet, StringMap};
use crate::time::{parse_rfc3339, rfc3339};

/// A duration in milliseconds as kubectl prints ages: `0s`, `119s`, `2m5s`, `10m`, `3h5m`,
/// `8h`, `2d3h`, `8d`, `2y3d`, `8y`; `<invalid>` from 2 s in the future on.
/// Upstream: k8s.io/apimachinery pkg/util/duration/duration.go HumanDuration
pub fn human_duration(ms: i64) -> String {
    let seconds = ms / 1000;
    if seconds < -1 {
        return "<invalid>".into();
    }
    if seconds < 0 {
        return "0s".into();
    }
    if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        if s == 0 {
            return format!("{minutes}m");
        }
        return format!("{minutes}m{s}s");
    }
    if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        if m == 0 {
            return format!("{hours}h");
        }
        return format!("{hours}h{m}m");
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        if h == 0 {
            return format!("{}d", hours / 24);
        }
        return format!("{}d{h}h", hours / 24);
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365;
        if dy == 0 {
            return format!("{}y", hours / 24 / 365);
        }
        return format!("{}y{dy}d", hours / 24 / 365);
    }
    format!("{}y", hours / 24 / 365)
}

/// The age of a timestamp at `now_ms`; `<unknown>` when it is missing or unreadable.
/// Upstream: k8s.io/kubernetes pkg/printers/internalversion/printers.go translateTimestampSince
pub fn translate_timestamp_since(timestamp: Option<&str>, now_ms: i64) -> String {
    match timestamp.and_then(parse_rfc3339) {
        Some(ms) => human_duration(now_ms.saturating_sub(ms)),
        None => "<unknown>".into(),
    }
}

/// The age of an object (`metadata.creationTimestamp`).
pub fn age(meta: &ObjectMeta, now_ms: i64) -> String {
    translate_timestamp_since(meta.creation_timestamp.as_deref(), now_ms)
}

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A timestamp as Go's `time.RFC1123Z` prints it in UTC: `Mon, 01 Jan 2024 00:00:05 +0000`.
/// A missing or unreadable timestamp prints as Go prints the zero time.
pub fn rfc1123z(timestamp: Option<&str>) -> String {
    let Some(ms) = timestamp.and_then(parse_rfc3339) else {
        return "Mon, 01 Jan 0001 00:00:00 +0000".into();
    };
    let text = rfc3339(ms);
    let part = |r: std::ops::Range<usize>| text.get(r).unwrap_or("");
    let weekday = WEEKDAYS
        .get(ms.div_euclid(86_400_000).rem_euclid(7) as usize)
        .copied()
        .unwrap_or("");
    let month = part(5..7)
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("");
    format!(
        "{weekday}, {} {month} {} {} +0000",
        part(8..10),
        part(0..4),
        part(11..19)
    )
}

/// Access modes abbreviated in the fixed order `RWO,ROX,RWX,RWOP`, duplicates dropped.
/// Upstream: k8s.io/kubernetes pkg/apis/core/helper GetAccessModesAsString
pub fn access_modes_as_string(modes: &[String]) -> String {
    let mut out = Vec::new();
    for (mode, short) in [
        ("ReadWriteOnce", "RWO"),
        ("ReadOnlyMany", "ROX"),
        ("ReadWriteMany", "RWX"),
        ("ReadWriteOncePod", "RWOP"),
    ] {
        if modes.iter().any(|m| m == mode) {
            out.push(short);
        }
    }
    out.join(",")
}

/// Go's `%v` of a string slice: `[a b]`, `[]` when empty.
pub fn go_list(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
}

/// A label map as `k=v,k2=v2` in key order, `<none>` when empty.
/// Upstream: k8s.io/apimachinery pkg/labels FormatLabels
pub fn format_labels(labels: &StringMap) -> String {
    if labels.is_empty() {
        return "<none>".into();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// A label selector in the API's string form: requirements sorted by key,
/// `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`; empty for an empty selector.
/// Upstream: k8s.io/apimachinery pkg/apis/meta/v1 LabelSelectorAsSelector, labels.internalSelector.String
pub fn selector_string(selector: Option<&LabelSelector>) -> String {
    let Some(selector) = selector else {
        return String::new();
    };
    let mut requirements: Vec<(String, String)> = Vec::new();
    for (k, v) in &selector.match_labels {
        requirements.push((k.clone(), format!("{k}={v}")));
    }
    for expr in &selector.match_expressions {
        let mut values = expr.values.clone();
        crate::sort::ascending(&mut values);
        values.dedup();
        let text = match expr.operator.as_str() {
            "In" => format!("{} in ({})", expr.key, values.join(",")),
            "NotIn" => format!("{} notin ({})", expr.key, values.join(",")),
            "Exists" => expr.key.clone(),
            "DoesNotExist" => format!("!{}", expr.key),
            other => format!("{} {other} ({})", expr.key, values.join(",")),
        };
        requirements.push((expr.key.clone(), text));
    }
    crate::sort::by(&mut requirements, |a, b| a.0.cmp(&b.0));
    requirements
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join(",")
}

/// A claim's class: the beta annotation wins over `spec.storageClassName`; blank if none.
/// Upstream: k8s.io/component-helpers storage/volume GetPersistentVolumeClaimClass
pub fn persistent_volume_claim_class(claim: &PersistentVolumeClaim) -> String {
    if let Some(class) = claim
        .metadata
        .annotations
        .get("volume.beta.kubernetes.io/storage-class")
    {
        return class.clone();
    }
    claim.spec.storage_class_name.clone().unwrap_or_default()
}

/// A volume's class: the beta annotation wins over `spec.storageClassName`; blank if none.
/// Upstream: k8s.io/component-helpers storage/volume GetPersistentVolumeClass
pub fn persistent_volume_class(volume: &PersistentVolume) -> String {
    if let Some(class) = volume
        .metadata
        .annotations
        .get("volume.beta.kubernetes.io/storage-class")
    {
        return class.clone();
    }
    volume.spec.storage_class_name.clone().unwrap_or_default()
}

/// Whether a StorageClass is marked default (the GA or the beta annotation is `"true"`).
/// Upstream: k8s.io/kubernetes pkg/apis/storage/util IsDefaultAnnotation
pub fn is_default_annotation(meta: &ObjectMeta) -> bool {
    meta.annotations
        .get("storageclass.kubernetes.io/is-default-class")
        .is_some_and(|v| v == "true")
        || meta
            .annotations
            .get("storageclass.beta.kubernetes.io/is-default-class")
            .is_some_and(|v| v == "true")
}

/// A StatefulSet's `spec.replicas` after defaulting (1 when unset).
pub fn desired_replicas(set: &StatefulSet) -> i64 {
    set.spec.replicas.unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1123z_of_epoch() {
        assert_eq!(
            rfc1123z(Some("2024-01-01T00:00:05Z")),
            "Mon, 01 Jan 2024 00:00:05 +0000"
        );
    }
}
