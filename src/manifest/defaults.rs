//! Defaults exactly as the API server applies them on create (`SetDefaults_*` upstream),
//! plus the create-time normalisation its registry does before storing an object
//! (namespace, quantities in canonical form, fields of disabled features dropped).
//! Pure functions over the typed model; applying them twice changes nothing.
//!
//! Upstream: k8s.io/kubernetes pkg/apis/apps/v1/defaults.go `SetDefaults_StatefulSet`,
//! pkg/apis/core/v1/defaults.go (`SetDefaults_PodSpec`, `SetDefaults_Container`,
//! `SetDefaults_Probe`, `SetDefaults_Service`, `SetDefaults_PersistentVolume(Claim)`,
//! `SetDefaults_Namespace`), pkg/apis/storage/v1/defaults.go `SetDefaults_StorageClass`,
//! pkg/registry/apps/statefulset/strategy.go `dropStatefulSetDisabledFields`.

use super::model::*;
use super::quantity;
use crate::json::{Map, Value};

/// Fills in every field the API server defaults for this object's kind.
pub fn apply(object: &mut Object) {
    let kind = object.kind();
    let meta = object.meta_mut();
    if kind.namespaced() {
        if meta.namespace.as_deref().unwrap_or("").is_empty() {
            meta.namespace = Some("default".to_string());
        }
    } else {
        // The registry clears a namespace given to a cluster-scoped object.
        meta.namespace = None;
    }
    match object {
        Object::StatefulSet(s) => statefulset(s),
        Object::Pod(p) => {
            pod_spec(&mut p.spec);
            p.spec
                .extra
                .entry("enableServiceLinks".into())
                .or_insert(Value::Bool(true));
        }
        Object::PersistentVolumeClaim(c) => claim(c),
        Object::PersistentVolume(v) => volume(v),
        Object::StorageClass(c) => {
            c.reclaim_policy.get_or_insert_with(|| "Delete".into());
            c.volume_binding_mode
                .get_or_insert_with(|| "Immediate".into());
        }
        Object::Service(s) => service(s),
        Object::Namespace(n) => {
            let name = n.metadata.name.clone();
            n.metadata
                .labels
                .entry("kubernetes.io/metadata.name".into())
                .or_insert(name);
            if n.spec.is_none() {
                let mut spec = Map::new();
                spec.insert(
                    "finalizers".into(),
                    Value::Array(vec![Value::from("kubernetes")]),
                );
                n.spec = Some(Value::Object(spec));
            }
            let status = n.status.get_or_insert_with(Default::default);
            status.phase.get_or_insert_with(|| "Active".into());
        }
        Object::Node(_)
        | Object::ControllerRevision(_)
        | Object::EndpointSlice(_)
        | Object::Event(_) => {}
    }
}

fn statefulset(s: &mut StatefulSet) {
    let spec = &mut s.spec;
    spec.pod_management_policy
        .get_or_insert_with(|| "OrderedReady".into());
    let strategy = spec.update_strategy.get_or_insert_with(Default::default);
    if strategy.type_.as_deref().unwrap_or("").is_empty() {
        // A rollingUpdate block is added only when the type itself was defaulted.
        strategy.type_ = Some("RollingUpdate".into());
        strategy.rolling_update.get_or_insert_with(Default::default);
    }
    if strategy.type_.as_deref() == Some("RollingUpdate") {
        if let Some(rolling) = &mut strategy.rolling_update {
            rolling.partition.get_or_insert(0);
            // MaxUnavailableStatefulSet is alpha and off in 1.33: the registry drops the field.
            rolling.max_unavailable = None;
        }
    }
    let retention = spec
        .persistent_volume_claim_retention_policy
        .get_or_insert_with(Default::default);
    if retention.when_deleted.as_deref().unwrap_or("").is_empty() {
        retention.when_deleted = Some("Retain".into());
    }
    if retention.when_scaled.as_deref().unwrap_or("").is_empty() {
        retention.when_scaled = Some("Retain".into());
    }
    spec.replicas.get_or_insert(1);
    spec.revision_history_limit.get_or_insert(10);
    pod_spec(&mut spec.template.spec);
    for template in &mut spec.volume_claim_templates {
        claim(template);
    }
}

/// `SetDefaults_PodSpec` and the defaults of everything a pod spec contains.
fn pod_spec(spec: &mut PodSpec) {
    spec.dns_policy.get_or_insert_with(|| "ClusterFirst".into());
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    spec.termination_grace_period_seconds.get_or_insert(30);
    spec.scheduler_name
        .get_or_insert_with(|| "default-scheduler".into());
    spec.extra
        .entry("securityContext".into())
        .or_insert_with(|| Value::Object(Map::new()));
    for container in spec
        .init_containers
        .iter_mut()
        .chain(spec.containers.iter_mut())
    {
        container_defaults(container);
    }
    for volume in &mut spec.volumes {
        if let Some(Value::Object(host)) = volume.extra.get_mut("hostPath") {
            host.entry("type".into()).or_insert_with(|| Value::from(""));
        }
        for source in ["configMap", "secret"] {
            if let Some(Value::Object(map)) = volume.extra.get_mut(source) {
                map.entry("defaultMode".into())
                    .or_insert_with(|| Value::from(420));
            }
        }
    }
}

fn container_defaults(c: &mut Container) {
    if !c.extra.contains_key("imagePullPolicy") {
        let policy = if image_tag_is_latest(c.image.as_deref().unwrap_or("")) {
            "Always"
        } else {
            "IfNotPresent"
        };
        c.extra
            .insert("imagePullPolicy".into(), Value::from(policy));
    }
    c.extra
        .entry("terminationMessagePath".into())
        .or_insert_with(|| Value::from("/dev/termination-log"));
    c.extra
        .entry("terminationMessagePolicy".into())
        .or_insert_with(|| Value::from("File"));
    c.extra
        .entry("resources".into())
        .or_insert_with(|| Value::Object(Map::new()));
    for port in &mut c.ports {
        port.protocol.get_or_insert_with(|| "TCP".into());
    }
    if let Some(probe) = &mut c.readiness_probe {
        probe_defaults(probe);
    }
    for name in ["livenessProbe", "startupProbe"] {
        if let Some(Value::Object(probe)) = c.extra.get_mut(name) {
            for (field, value) in [
                ("timeoutSeconds", 1),
                ("periodSeconds", 10),
                ("successThreshold", 1),
                ("failureThreshold", 3),
            ] {
                probe
                    .entry(field.into())
                    .or_insert_with(|| Value::from(value));
            }
        }
    }
}

/// `SetDefaults_Probe`.
fn probe_defaults(probe: &mut Probe) {
    probe.period_seconds.get_or_insert(10);
    for (field, value) in [
        ("timeoutSeconds", 1),
        ("successThreshold", 1),
        ("failureThreshold", 3),
    ] {
        probe
            .extra
            .entry(field.into())
            .or_insert_with(|| Value::from(value));
    }
}

/// `Always` when the image has no tag and no digest, or the tag `latest` (as
/// `parsers.ParseImageName` reads it); `IfNotPresent` otherwise.
fn image_tag_is_latest(image: &str) -> bool {
    if image.contains('@') {
        return false;
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    match last.rsplit_once(':') {
        Some((_, tag)) => tag == "latest",
        None => true,
    }
}

fn claim(c: &mut PersistentVolumeClaim) {
    c.spec
        .volume_mode
        .get_or_insert_with(|| "Filesystem".into());
    canonical_quantities(&mut c.spec.resources.requests);
    canonical_quantities(&mut c.spec.resources.limits);
    let status = c.status.get_or_insert_with(Default::default);
    status.phase.get_or_insert_with(|| "Pending".into());
}

fn volume(v: &mut PersistentVolume) {
    v.spec
        .persistent_volume_reclaim_policy
        .get_or_insert_with(|| "Retain".into());
    v.spec
        .volume_mode
        .get_or_insert_with(|| "Filesystem".into());
    if let Some(host) = &mut v.spec.host_path {
        host.type_.get_or_insert_with(String::new);
    }
    canonical_quantities(&mut v.spec.capacity);
    let status = v.status.get_or_insert_with(Default::default);
    status.phase.get_or_insert_with(|| "Pending".into());
}

/// The API server stores quantities in canonical form: `1.5Gi` comes back as `1536Mi`.
fn canonical_quantities(map: &mut StringMap) {
    for value in map.values_mut() {
        if let Some(canonical) = quantity::canonical(value) {
            *value = canonical;
        }
    }
}

fn service(s: &mut Service) {
    let spec = &mut s.spec;
    spec.extra
        .entry("sessionAffinity".into())
        .or_insert_with(|| Value::from("None"));
    let type_ = spec.type_.get_or_insert_with(|| "ClusterIP".into()).clone();
    for port in &mut spec.ports {
        port.protocol.get_or_insert_with(|| "TCP".into());
        let unset = match &port.target_port {
            None => true,
            Some(IntOrString::Int(0)) => true,
            Some(IntOrString::String(s)) => s.is_empty(),
            Some(IntOrString::Int(_)) => false,
        };
        if unset {
            port.target_port = Some(IntOrString::Int(port.port));
        }
    }
    if type_ == "NodePort" || type_ == "LoadBalancer" {
        spec.extra
            .entry("externalTrafficPolicy".into())
            .or_insert_with(|| Value::from("Cluster"));
    }
    if type_ != "ExternalName" {
        spec.extra
            .entry("internalTrafficPolicy".into())
            .or_insert_with(|| Value::from("Cluster"));
        // The registry's create-time normalisation: clusterIPs mirrors clusterIP, and a
        // single-stack IPv4 cluster gives every Service one IPv4 family.
        if let Some(ip) = spec.cluster_ip.clone().filter(|ip| !ip.is_empty()) {
            if spec.cluster_ips.is_empty() {
                spec.cluster_ips = vec![ip];
            }
        }
        spec.extra
            .entry("ipFamilyPolicy".into())
            .or_insert_with(|| Value::from("SingleStack"));
        spec.extra
            .entry("ipFamilies".into())
            .or_insert_with(|| Value::Array(vec![Value::from("IPv4")]));
    }
    if type_ == "LoadBalancer" {
        spec.extra
            .entry("allocateLoadBalancerNodePorts".into())
            .or_insert_with(|| Value::Bool(true));
    }
}
