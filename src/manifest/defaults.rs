//! Defaults exactly as the API server applies them on create (`SetDefaults_*` upstream).
//! Pure functions over the typed model; applying them twice changes nothing.

use super::model::*;

fn pod_spec(spec: &mut PodSpec) {
    spec.termination_grace_period_seconds.get_or_insert(30);
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    spec.dns_policy.get_or_insert_with(|| "ClusterFirst".into());
    spec.scheduler_name
        .get_or_insert_with(|| "default-scheduler".into());
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut())
    {
        for p in &mut c.ports {
            p.protocol.get_or_insert_with(|| "TCP".into());
        }
        if let Some(probe) = &mut c.readiness_probe {
            probe.period_seconds.get_or_insert(10);
        }
    }
}

fn claim_spec(spec: &mut PersistentVolumeClaimSpec) {
    spec.volume_mode.get_or_insert_with(|| "Filesystem".into());
}

/// Fills in every field the API server defaults for this object's kind.
/// Upstream: pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go,
/// pkg/apis/storage/v1/defaults.go
pub fn apply(object: &mut Object) {
    match object {
        Object::StatefulSet(set) => {
            let spec = &mut set.spec;
            spec.replicas.get_or_insert(1);
            spec.pod_management_policy
                .get_or_insert_with(|| "OrderedReady".into());
            let strategy = spec.update_strategy.get_or_insert_with(Default::default);
            let kind = strategy
                .type_
                .get_or_insert_with(|| "RollingUpdate".into())
                .clone();
            if kind == "RollingUpdate" {
                strategy
                    .rolling_update
                    .get_or_insert_with(Default::default)
                    .partition
                    .get_or_insert(0);
            }
            spec.revision_history_limit.get_or_insert(10);
            let retention = spec
                .persistent_volume_claim_retention_policy
                .get_or_insert_with(Default::default);
            retention
                .when_deleted
                .get_or_insert_with(|| "Retain".into());
            retention.when_scaled.get_or_insert_with(|| "Retain".into());
            pod_spec(&mut spec.template.spec);
            for template in &mut spec.volume_claim_templates {
                claim_spec(&mut template.spec);
            }
        }
        Object::Pod(pod) => pod_spec(&mut pod.spec),
        Object::PersistentVolume(pv) => {
            pv.spec
                .persistent_volume_reclaim_policy
                .get_or_insert_with(|| "Retain".into());
            pv.spec
                .volume_mode
                .get_or_insert_with(|| "Filesystem".into());
        }
        Object::PersistentVolumeClaim(pvc) => claim_spec(&mut pvc.spec),
        Object::StorageClass(sc) => {
            sc.reclaim_policy.get_or_insert_with(|| "Delete".into());
            sc.volume_binding_mode
                .get_or_insert_with(|| "Immediate".into());
        }
        Object::Service(svc) => {
            if svc.spec.type_.as_deref() != Some("ExternalName") {
                svc.spec.type_.get_or_insert_with(|| "ClusterIP".into());
            }
            for p in &mut svc.spec.ports {
                p.protocol.get_or_insert_with(|| "TCP".into());
            }
        }
        _ => {}
    }
}
