//! `kubectl rollout status statefulset/NAME` and `kubectl rollout history statefulset/NAME`
//! as pure functions of a StatefulSet (and its ControllerRevisions).

use super::format::desired_replicas;
use crate::manifest::model::{ControllerRevision, Pod, PodTemplateSpec, StatefulSet};
use crate::present::table::{tabwrite, DESCRIBE};

/// One look at a StatefulSet's rollout, as `kubectl rollout status` takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolloutStatus {
    /// The line kubectl prints (with its newline), or the error after `error: `.
    pub message: String,
    /// The rollout is complete: kubectl stops watching.
    pub done: bool,
    /// The status cannot be watched at all (an OnDelete set): kubectl exits with 1.
    pub error: bool,
}

/// Checks a StatefulSet's rollout. An unset update strategy counts as the API server's
/// default (RollingUpdate with partition 0).
/// Upstream: k8s.io/kubectl pkg/polymorphichelpers/rollout_status.go StatefulSetStatusViewer.Status
pub fn rollout_status_check(set: &StatefulSet) -> RolloutStatus {
    let waiting = |message: String| RolloutStatus {
        message,
        done: false,
        error: false,
    };
    let strategy = set.spec.update_strategy.clone().unwrap_or_default();
    if strategy.type_.as_deref().unwrap_or("RollingUpdate") != "RollingUpdate" {
        return RolloutStatus {
            message: "rollout status is only available for RollingUpdate strategy type".into(),
            done: true,
            error: true,
        };
    }
    let status = set.status.clone().unwrap_or_default();
    let observed = status.observed_generation.unwrap_or(0);
    if observed == 0 || set.metadata.generation.unwrap_or(0) > observed {
        return waiting("Waiting for statefulset spec update to be observed...\n".into());
    }
    let replicas = desired_replicas(set);
    let ready = status.ready_replicas.unwrap_or(0);
    if ready < replicas {
        return waiting(format!(
            "Waiting for {} pods to be ready...\n",
            replicas.saturating_sub(ready)
        ));
    }
    let updated = status.updated_replicas.unwrap_or(0);
    let partition = strategy
        .rolling_update
        .as_ref()
        .and_then(|r| r.partition)
        .unwrap_or(0);
    let target = replicas.saturating_sub(partition);
    if updated < target {
        return waiting(format!(
            "Waiting for partitioned roll out to finish: {updated} out of {target} new pods have been updated...\n"
        ));
    }
    RolloutStatus {
        message: format!(
            "partitioned roll out complete: {updated} new pods have been updated...\n"
        ),
        done: true,
        error: false,
    }
}

/// What `kubectl rollout status statefulset/NAME` prints for the set as it is now
/// (an error as `error: …`). `pods` are not consulted: kubectl reads only the set.
pub fn rollout_status(set: &StatefulSet, pods: &[&Pod]) -> String {
    let _ = pods;
    let status = rollout_status_check(set);
    if status.error {
        format!("error: {}\n", status.message)
    } else {
        status.message
    }
}

/// `kubectl rollout history statefulset/NAME`: the set's name line, then one row per
/// revision number (the newest revision of each number wins) with its change cause.
/// Upstream: k8s.io/kubectl pkg/polymorphichelpers/history.go printHistory; pkg/cmd/rollout/rollout_history.go
pub fn rollout_history(set: &StatefulSet, revisions: &[&ControllerRevision]) -> String {
    let mut by_number = crate::vecmap::VecMap::new();
    for revision in revisions {
        by_number.insert(revision.revision, *revision);
    }
    // kubectl prints the history as the "operation" of a name printer, hence the space.
    let mut out = format!("statefulset.apps/{} \n", set.metadata.name);
    if by_number.is_empty() {
        out.push_str("No rollout history found.\n");
        return out;
    }
    let mut text = String::from("REVISION\tCHANGE-CAUSE\n");
    for (number, revision) in &by_number {
        let cause = revision
            .metadata
            .annotations
            .get("kubernetes.io/change-cause")
            .filter(|c| !c.is_empty())
            .cloned()
            .unwrap_or_else(|| "<none>".into());
        text.push_str(&format!("{number}\t{cause}\n"));
    }
    out.push_str(&tabwrite(&text, DESCRIBE));
    out.push('\n');
    out
}

/// `kubectl rollout history statefulset/NAME --revision=N`: the pod template that
/// revision recorded (its `data.spec.template`, the strategic-merge "replace" patch the
/// controller stores), or kubectl's error when no revision has that number.
/// Upstream: k8s.io/kubectl pkg/polymorphichelpers/history.go printHistory, applyStatefulSetHistory
pub fn rollout_history_revision(
    set: &StatefulSet,
    revisions: &[&ControllerRevision],
    revision: i64,
) -> String {
    let Some(found) = revisions.iter().rev().find(|r| r.revision == revision) else {
        return "error: unable to find the specified revision\n".into();
    };
    let template = found
        .data
        .pointer("/spec/template")
        .cloned()
        .and_then(|mut value| {
            if let Some(map) = value.as_object_mut() {
                map.remove("$patch");
            }
            crate::manifest::json::from_value::<PodTemplateSpec>(value).ok()
        });
    let Some(template) = template else {
        return format!("error: unable to parse history {}\n", found.metadata.name);
    };
    format!(
        "statefulset.apps/{} with revision #{revision}\n{}\n",
        set.metadata.name,
        super::describe::pod_template_text(&template)
    )
}
