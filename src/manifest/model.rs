//! The typed Kubernetes objects the playground simulates, shaped exactly like the API
//! (`apiVersion`, `kind`, `metadata`, `spec`, `status`, camelCase fields).
//!
//! Only the fields the simulation reads are typed; every other field of an object is
//! kept verbatim in the `extra` map next to the typed ones, so printing an object back
//! (`kubectl get -o yaml`) shows what the user wrote. Optional API fields stay `Option`
//! so that "unset" and "empty" remain different (`storageClassName` unset vs `""`).
//! This file knows nothing about YAML text, positions or diagnostics: that lives in the
//! rest of `manifest`. Each type converts to and from a JSON tree (`json_struct!`, see
//! `manifest::json`), so the engine can use these types freely.

use crate::json::Value;
use crate::manifest::json::{json_struct, Error, FromJson, ToJson};
use crate::vecmap::VecMap;

/// Fields an object carries that the simulation does not interpret, kept in order.
pub type Extra = VecMap<String, Value>;
/// A string map such as labels, annotations, a selector's `matchLabels` or a capacity.
pub type StringMap = VecMap<String, String>;

/// `metadata` of every object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObjectMeta {
    pub name: String,
    pub generate_name: Option<String>,
    pub namespace: Option<String>,
    pub labels: StringMap,
    pub annotations: StringMap,
    pub uid: Option<String>,
    pub resource_version: Option<String>,
    pub generation: Option<i64>,
    pub creation_timestamp: Option<String>,
    pub deletion_timestamp: Option<String>,
    pub deletion_grace_period_seconds: Option<i64>,
    pub finalizers: Vec<String>,
    pub owner_references: Vec<OwnerReference>,
    pub extra: Extra,
}
json_struct!(ObjectMeta { name: "name" Omit, generate_name: "generateName" Omit, namespace: "namespace" Omit, labels: "labels" Omit, annotations: "annotations" Omit, uid: "uid" Omit, resource_version: "resourceVersion" Omit, generation: "generation" Omit, creation_timestamp: "creationTimestamp" Omit, deletion_timestamp: "deletionTimestamp" Omit, deletion_grace_period_seconds: "deletionGracePeriodSeconds" Omit, finalizers: "finalizers" Omit, owner_references: "ownerReferences" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnerReference {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub uid: String,
    pub controller: Option<bool>,
    pub block_owner_deletion: Option<bool>,
}
json_struct!(OwnerReference { api_version: "apiVersion" Always, kind: "kind" Always, name: "name" Always, uid: "uid" Always, controller: "controller" Omit, block_owner_deletion: "blockOwnerDeletion" Omit });

/// A reference such as a PV's `claimRef`, an endpoint's `targetRef` or an event's `involvedObject`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObjectReference {
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub namespace: Option<String>,
    pub name: Option<String>,
    pub uid: Option<String>,
    pub resource_version: Option<String>,
    pub field_path: Option<String>,
}
json_struct!(ObjectReference { api_version: "apiVersion" Omit, kind: "kind" Omit, namespace: "namespace" Omit, name: "name" Omit, uid: "uid" Omit, resource_version: "resourceVersion" Omit, field_path: "fieldPath" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelSelector {
    pub match_labels: StringMap,
    pub match_expressions: Vec<LabelSelectorRequirement>,
}
json_struct!(LabelSelector { match_labels: "matchLabels" Omit, match_expressions: "matchExpressions" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelSelectorRequirement {
    pub key: String,
    /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
    pub operator: String,
    pub values: Vec<String>,
}
json_struct!(LabelSelectorRequirement { key: "key" Always, operator: "operator" Always, values: "values" Omit });

/// An `int-or-string` field such as `maxUnavailable` or a Service's `targetPort`.
#[derive(Clone, Debug, PartialEq)]
pub enum IntOrString {
    Int(i64),
    String(String),
}

impl ToJson for IntOrString {
    fn to_json(&self) -> Value {
        match self {
            IntOrString::Int(i) => Value::from(*i),
            IntOrString::String(s) => Value::String(s.clone()),
        }
    }
}

fn untagged() -> Error {
    Error("data did not match any variant of untagged enum IntOrString".into())
}

impl FromJson for IntOrString {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(IntOrString::String(s)),
            Value::Number(n) => n.as_i64().map(IntOrString::Int).ok_or_else(untagged),
            _ => Err(untagged()),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Pods

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pod {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: PodSpec,
    pub status: Option<PodStatus>,
}
json_struct!(Pod { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, spec: "spec" Always, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PodTemplateSpec {
    pub metadata: ObjectMeta,
    pub spec: PodSpec,
}
json_struct!(PodTemplateSpec { metadata: "metadata" Always, spec: "spec" Always });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PodSpec {
    pub init_containers: Vec<Container>,
    pub containers: Vec<Container>,
    pub volumes: Vec<Volume>,
    pub hostname: Option<String>,
    pub subdomain: Option<String>,
    pub node_name: Option<String>,
    pub node_selector: StringMap,
    pub termination_grace_period_seconds: Option<i64>,
    pub restart_policy: Option<String>,
    pub dns_policy: Option<String>,
    pub scheduler_name: Option<String>,
    pub active_deadline_seconds: Option<i64>,
    pub extra: Extra,
}
json_struct!(PodSpec { init_containers: "initContainers" Omit, containers: "containers" Always, volumes: "volumes" Omit, hostname: "hostname" Omit, subdomain: "subdomain" Omit, node_name: "nodeName" Omit, node_selector: "nodeSelector" Omit, termination_grace_period_seconds: "terminationGracePeriodSeconds" Omit, restart_policy: "restartPolicy" Omit, dns_policy: "dnsPolicy" Omit, scheduler_name: "schedulerName" Omit, active_deadline_seconds: "activeDeadlineSeconds" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Container {
    pub name: String,
    pub image: Option<String>,
    pub ports: Vec<ContainerPort>,
    pub readiness_probe: Option<Probe>,
    pub volume_mounts: Vec<VolumeMount>,
    pub extra: Extra,
}
json_struct!(Container { name: "name" Always, image: "image" Omit, ports: "ports" Omit, readiness_probe: "readinessProbe" Omit, volume_mounts: "volumeMounts" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerPort {
    pub name: Option<String>,
    pub container_port: i64,
    pub protocol: Option<String>,
    pub extra: Extra,
}
json_struct!(ContainerPort { name: "name" Omit, container_port: "containerPort" Always, protocol: "protocol" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Probe {
    pub initial_delay_seconds: Option<i64>,
    pub period_seconds: Option<i64>,
    pub extra: Extra,
}
json_struct!(Probe { initial_delay_seconds: "initialDelaySeconds" Omit, period_seconds: "periodSeconds" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VolumeMount {
    pub name: String,
    pub mount_path: String,
    pub read_only: Option<bool>,
    pub sub_path: Option<String>,
    pub extra: Extra,
}
json_struct!(VolumeMount { name: "name" Always, mount_path: "mountPath" Always, read_only: "readOnly" Omit, sub_path: "subPath" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Volume {
    pub name: String,
    pub persistent_volume_claim: Option<PersistentVolumeClaimVolumeSource>,
    /// `emptyDir`, `configMap`, `hostPath`, … : kept, not simulated.
    pub extra: Extra,
}
json_struct!(Volume { name: "name" Always, persistent_volume_claim: "persistentVolumeClaim" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeClaimVolumeSource {
    pub claim_name: String,
    pub read_only: Option<bool>,
}
json_struct!(PersistentVolumeClaimVolumeSource { claim_name: "claimName" Always, read_only: "readOnly" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PodStatus {
    pub phase: Option<String>,
    pub conditions: Vec<Condition>,
    pub host_ip: Option<String>,
    pub pod_ip: Option<String>,
    pub pod_ips: Vec<PodIp>,
    pub start_time: Option<String>,
    pub container_statuses: Vec<ContainerStatus>,
    pub qos_class: Option<String>,
    pub reason: Option<String>,
    pub message: Option<String>,
}
json_struct!(PodStatus { phase: "phase" Omit, conditions: "conditions" Omit, host_ip: "hostIP" Omit, pod_ip: "podIP" Omit, pod_ips: "podIPs" Omit, start_time: "startTime" Omit, container_statuses: "containerStatuses" Omit, qos_class: "qosClass" Omit, reason: "reason" Omit, message: "message" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PodIp {
    pub ip: String,
}
json_struct!(PodIp { ip: "ip" Required });

/// A status condition (pods, nodes, claims): `type`, `status` ("True"/"False"/"Unknown"), times, reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Condition {
    pub type_: String,
    pub status: String,
    pub last_probe_time: Option<String>,
    pub last_transition_time: Option<String>,
    pub reason: Option<String>,
    pub message: Option<String>,
}
json_struct!(Condition { type_: "type" Required, status: "status" Required, last_probe_time: "lastProbeTime" Omit, last_transition_time: "lastTransitionTime" Omit, reason: "reason" Omit, message: "message" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerStatus {
    pub name: String,
    pub ready: bool,
    pub restart_count: i64,
    pub image: String,
    pub image_id: Option<String>,
    pub container_id: Option<String>,
    pub started: Option<bool>,
    pub state: ContainerState,
    /// The container's previous run, when it has restarted (`lastState.terminated`).
    pub last_state: ContainerState,
}
json_struct!(ContainerStatus { name: "name" Required, ready: "ready" Always, restart_count: "restartCount" Always, image: "image" Always, image_id: "imageID" Omit, container_id: "containerID" Omit, started: "started" Omit, state: "state" Always, last_state: "lastState" Always });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerState {
    pub waiting: Option<ContainerStateDetail>,
    pub running: Option<ContainerStateDetail>,
    pub terminated: Option<ContainerStateDetail>,
}
json_struct!(ContainerState { waiting: "waiting" Omit, running: "running" Omit, terminated: "terminated" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerStateDetail {
    pub reason: Option<String>,
    pub message: Option<String>,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    pub exit_code: Option<i64>,
}
json_struct!(ContainerStateDetail { reason: "reason" Omit, message: "message" Omit, started_at: "startedAt" Omit, finished_at: "finishedAt" Omit, exit_code: "exitCode" Omit });

// ---------------------------------------------------------------------------------------
// StatefulSets and their history

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatefulSet {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: StatefulSetSpec,
    pub status: Option<StatefulSetStatus>,
}
json_struct!(StatefulSet { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, spec: "spec" Always, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatefulSetSpec {
    pub replicas: Option<i64>,
    pub selector: Option<LabelSelector>,
    pub template: PodTemplateSpec,
    pub volume_claim_templates: Vec<PersistentVolumeClaim>,
    pub service_name: Option<String>,
    /// `OrderedReady` (default) or `Parallel`.
    pub pod_management_policy: Option<String>,
    pub update_strategy: Option<StatefulSetUpdateStrategy>,
    pub revision_history_limit: Option<i64>,
    pub min_ready_seconds: Option<i64>,
    pub persistent_volume_claim_retention_policy: Option<PersistentVolumeClaimRetentionPolicy>,
    pub ordinals: Option<StatefulSetOrdinals>,
    pub extra: Extra,
}
json_struct!(StatefulSetSpec { replicas: "replicas" Omit, selector: "selector" Omit, template: "template" Always, volume_claim_templates: "volumeClaimTemplates" Omit, service_name: "serviceName" Omit, pod_management_policy: "podManagementPolicy" Omit, update_strategy: "updateStrategy" Omit, revision_history_limit: "revisionHistoryLimit" Omit, min_ready_seconds: "minReadySeconds" Omit, persistent_volume_claim_retention_policy: "persistentVolumeClaimRetentionPolicy" Omit, ordinals: "ordinals" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatefulSetUpdateStrategy {
    /// `RollingUpdate` (default) or `OnDelete`.
    pub type_: Option<String>,
    pub rolling_update: Option<RollingUpdateStatefulSetStrategy>,
}
json_struct!(StatefulSetUpdateStrategy { type_: "type" Omit, rolling_update: "rollingUpdate" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RollingUpdateStatefulSetStrategy {
    pub partition: Option<i64>,
    pub max_unavailable: Option<IntOrString>,
}
json_struct!(RollingUpdateStatefulSetStrategy { partition: "partition" Omit, max_unavailable: "maxUnavailable" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeClaimRetentionPolicy {
    /// `Retain` (default) or `Delete`.
    pub when_deleted: Option<String>,
    pub when_scaled: Option<String>,
}
json_struct!(PersistentVolumeClaimRetentionPolicy { when_deleted: "whenDeleted" Omit, when_scaled: "whenScaled" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatefulSetOrdinals {
    pub start: Option<i64>,
}
json_struct!(StatefulSetOrdinals { start: "start" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatefulSetStatus {
    pub observed_generation: Option<i64>,
    pub replicas: i64,
    pub ready_replicas: Option<i64>,
    pub current_replicas: Option<i64>,
    pub updated_replicas: Option<i64>,
    pub available_replicas: Option<i64>,
    pub current_revision: Option<String>,
    pub update_revision: Option<String>,
    pub collision_count: Option<i64>,
    pub conditions: Vec<Condition>,
}
json_struct!(StatefulSetStatus { observed_generation: "observedGeneration" Omit, replicas: "replicas" Always, ready_replicas: "readyReplicas" Omit, current_replicas: "currentReplicas" Omit, updated_replicas: "updatedReplicas" Omit, available_replicas: "availableReplicas" Omit, current_revision: "currentRevision" Omit, update_revision: "updateRevision" Omit, collision_count: "collisionCount" Omit, conditions: "conditions" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ControllerRevision {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    /// The strategic-merge "replace" patch of the template this revision snapshots.
    pub data: Value,
    pub revision: i64,
}
json_struct!(ControllerRevision { api_version: "apiVersion" Required, kind: "kind" Required, metadata: "metadata" Required, data: "data" Always, revision: "revision" Always });

// ---------------------------------------------------------------------------------------
// Storage

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolume {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: PersistentVolumeSpec,
    pub status: Option<PersistentVolumeStatus>,
}
json_struct!(PersistentVolume { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, spec: "spec" Always, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeSpec {
    pub capacity: StringMap,
    pub access_modes: Vec<String>,
    pub storage_class_name: Option<String>,
    /// `Retain`, `Delete` or `Recycle`.
    pub persistent_volume_reclaim_policy: Option<String>,
    /// `Filesystem` (default) or `Block`.
    pub volume_mode: Option<String>,
    pub claim_ref: Option<ObjectReference>,
    pub node_affinity: Option<VolumeNodeAffinity>,
    pub mount_options: Vec<String>,
    pub host_path: Option<HostPathVolumeSource>,
    pub local: Option<LocalVolumeSource>,
    pub nfs: Option<NfsVolumeSource>,
    pub csi: Option<CsiPersistentVolumeSource>,
    pub extra: Extra,
}
json_struct!(PersistentVolumeSpec { capacity: "capacity" Omit, access_modes: "accessModes" Omit, storage_class_name: "storageClassName" Omit, persistent_volume_reclaim_policy: "persistentVolumeReclaimPolicy" Omit, volume_mode: "volumeMode" Omit, claim_ref: "claimRef" Omit, node_affinity: "nodeAffinity" Omit, mount_options: "mountOptions" Omit, host_path: "hostPath" Omit, local: "local" Omit, nfs: "nfs" Omit, csi: "csi" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostPathVolumeSource {
    pub path: String,
    pub type_: Option<String>,
}
json_struct!(HostPathVolumeSource { path: "path" Always, type_: "type" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalVolumeSource {
    pub path: String,
    pub fs_type: Option<String>,
}
json_struct!(LocalVolumeSource { path: "path" Always, fs_type: "fsType" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NfsVolumeSource {
    pub server: String,
    pub path: String,
    pub read_only: Option<bool>,
}
json_struct!(NfsVolumeSource { server: "server" Always, path: "path" Always, read_only: "readOnly" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsiPersistentVolumeSource {
    pub driver: String,
    pub volume_handle: String,
    pub fs_type: Option<String>,
    pub volume_attributes: StringMap,
    pub extra: Extra,
}
json_struct!(CsiPersistentVolumeSource { driver: "driver" Always, volume_handle: "volumeHandle" Always, fs_type: "fsType" Omit, volume_attributes: "volumeAttributes" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VolumeNodeAffinity {
    pub required: Option<NodeSelector>,
}
json_struct!(VolumeNodeAffinity { required: "required" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeSelector {
    pub node_selector_terms: Vec<NodeSelectorTerm>,
}
json_struct!(NodeSelector { node_selector_terms: "nodeSelectorTerms" Always });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeSelectorTerm {
    pub match_expressions: Vec<NodeSelectorRequirement>,
    pub match_fields: Vec<NodeSelectorRequirement>,
}
json_struct!(NodeSelectorTerm { match_expressions: "matchExpressions" Omit, match_fields: "matchFields" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeSelectorRequirement {
    pub key: String,
    /// `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`.
    pub operator: String,
    pub values: Vec<String>,
}
json_struct!(NodeSelectorRequirement { key: "key" Always, operator: "operator" Always, values: "values" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeStatus {
    pub phase: Option<String>,
    pub message: Option<String>,
    pub reason: Option<String>,
    pub last_phase_transition_time: Option<String>,
}
json_struct!(PersistentVolumeStatus { phase: "phase" Omit, message: "message" Omit, reason: "reason" Omit, last_phase_transition_time: "lastPhaseTransitionTime" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeClaim {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: PersistentVolumeClaimSpec,
    pub status: Option<PersistentVolumeClaimStatus>,
}
json_struct!(PersistentVolumeClaim { api_version: "apiVersion" Omit, kind: "kind" Omit, metadata: "metadata" Always, spec: "spec" Always, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeClaimSpec {
    pub access_modes: Vec<String>,
    pub resources: VolumeResourceRequirements,
    /// Unset means "the default class"; `""` means "no class, static volumes only".
    pub storage_class_name: Option<String>,
    pub selector: Option<LabelSelector>,
    pub volume_name: Option<String>,
    pub volume_mode: Option<String>,
    pub extra: Extra,
}
json_struct!(PersistentVolumeClaimSpec { access_modes: "accessModes" Omit, resources: "resources" Always, storage_class_name: "storageClassName" Omit, selector: "selector" Omit, volume_name: "volumeName" Omit, volume_mode: "volumeMode" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VolumeResourceRequirements {
    pub requests: StringMap,
    pub limits: StringMap,
}
json_struct!(VolumeResourceRequirements { requests: "requests" Omit, limits: "limits" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersistentVolumeClaimStatus {
    pub phase: Option<String>,
    pub access_modes: Vec<String>,
    pub capacity: StringMap,
    pub conditions: Vec<Condition>,
    pub allocated_resources: StringMap,
}
json_struct!(PersistentVolumeClaimStatus { phase: "phase" Omit, access_modes: "accessModes" Omit, capacity: "capacity" Omit, conditions: "conditions" Omit, allocated_resources: "allocatedResources" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageClass {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub provisioner: String,
    pub parameters: StringMap,
    pub reclaim_policy: Option<String>,
    /// `Immediate` (default) or `WaitForFirstConsumer`.
    pub volume_binding_mode: Option<String>,
    pub allow_volume_expansion: Option<bool>,
    pub allowed_topologies: Vec<TopologySelectorTerm>,
    pub mount_options: Vec<String>,
}
json_struct!(StorageClass { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, provisioner: "provisioner" Always, parameters: "parameters" Omit, reclaim_policy: "reclaimPolicy" Omit, volume_binding_mode: "volumeBindingMode" Omit, allow_volume_expansion: "allowVolumeExpansion" Omit, allowed_topologies: "allowedTopologies" Omit, mount_options: "mountOptions" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopologySelectorTerm {
    pub match_label_expressions: Vec<TopologySelectorLabelRequirement>,
}
json_struct!(TopologySelectorTerm { match_label_expressions: "matchLabelExpressions" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopologySelectorLabelRequirement {
    pub key: String,
    pub values: Vec<String>,
}
json_struct!(TopologySelectorLabelRequirement { key: "key" Always, values: "values" Always });

// ---------------------------------------------------------------------------------------
// Networking

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: ServiceSpec,
    pub status: Option<Value>,
}
json_struct!(Service { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, spec: "spec" Always, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServiceSpec {
    /// `ClusterIP` (default), `NodePort`, `LoadBalancer` or `ExternalName`.
    pub type_: Option<String>,
    /// `None` makes the Service headless.
    pub cluster_ip: Option<String>,
    pub cluster_ips: Vec<String>,
    pub ports: Vec<ServicePort>,
    pub selector: Option<StringMap>,
    pub publish_not_ready_addresses: Option<bool>,
    pub external_name: Option<String>,
    pub extra: Extra,
}
json_struct!(ServiceSpec { type_: "type" Omit, cluster_ip: "clusterIP" Omit, cluster_ips: "clusterIPs" Omit, ports: "ports" Omit, selector: "selector" Omit, publish_not_ready_addresses: "publishNotReadyAddresses" Omit, external_name: "externalName" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServicePort {
    pub name: Option<String>,
    pub port: i64,
    pub target_port: Option<IntOrString>,
    pub protocol: Option<String>,
    pub node_port: Option<i64>,
    pub extra: Extra,
}
json_struct!(ServicePort { name: "name" Omit, port: "port" Always, target_port: "targetPort" Omit, protocol: "protocol" Omit, node_port: "nodePort" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EndpointSlice {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    /// `IPv4` in this simulation.
    pub address_type: String,
    pub endpoints: Vec<Endpoint>,
    pub ports: Vec<EndpointPort>,
}
json_struct!(EndpointSlice { api_version: "apiVersion" Required, kind: "kind" Required, metadata: "metadata" Required, address_type: "addressType" Required, endpoints: "endpoints" Always, ports: "ports" Always });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Endpoint {
    pub addresses: Vec<String>,
    pub conditions: EndpointConditions,
    pub hostname: Option<String>,
    pub target_ref: Option<ObjectReference>,
    pub node_name: Option<String>,
    pub zone: Option<String>,
}
json_struct!(Endpoint { addresses: "addresses" Required, conditions: "conditions" Always, hostname: "hostname" Omit, target_ref: "targetRef" Omit, node_name: "nodeName" Omit, zone: "zone" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EndpointConditions {
    pub ready: Option<bool>,
    pub serving: Option<bool>,
    pub terminating: Option<bool>,
}
json_struct!(EndpointConditions { ready: "ready" Omit, serving: "serving" Omit, terminating: "terminating" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EndpointPort {
    pub name: Option<String>,
    pub port: Option<i64>,
    pub protocol: Option<String>,
}
json_struct!(EndpointPort { name: "name" Omit, port: "port" Omit, protocol: "protocol" Omit });

// ---------------------------------------------------------------------------------------
// Cluster objects

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Namespace {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: Option<Value>,
    pub status: Option<NamespaceStatus>,
}
json_struct!(Namespace { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, spec: "spec" Omit, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamespaceStatus {
    pub phase: Option<String>,
}
json_struct!(NamespaceStatus { phase: "phase" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: NodeSpec,
    pub status: Option<NodeStatus>,
}
json_struct!(Node { api_version: "apiVersion" Always, kind: "kind" Always, metadata: "metadata" Always, spec: "spec" Always, status: "status" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeSpec {
    pub pod_cidr: Option<String>,
    pub unschedulable: Option<bool>,
    pub taints: Vec<Taint>,
    pub extra: Extra,
}
json_struct!(NodeSpec { pod_cidr: "podCIDR" Omit, unschedulable: "unschedulable" Omit, taints: "taints" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Taint {
    pub key: String,
    pub value: Option<String>,
    pub effect: String,
}
json_struct!(Taint { key: "key" Always, value: "value" Omit, effect: "effect" Always });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeStatus {
    pub conditions: Vec<Condition>,
    pub addresses: Vec<NodeAddress>,
    pub capacity: StringMap,
    pub extra: Extra,
}
json_struct!(NodeStatus { conditions: "conditions" Omit, addresses: "addresses" Omit, capacity: "capacity" Omit } extra);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeAddress {
    pub type_: String,
    pub address: String,
}
json_struct!(NodeAddress { type_: "type" Required, address: "address" Required });

/// A `v1 Event`, as `kubectl get events` and `kubectl describe` show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub involved_object: ObjectReference,
    pub reason: String,
    pub message: String,
    /// `Normal` or `Warning`.
    pub type_: String,
    pub source: EventSource,
    pub first_timestamp: Option<String>,
    pub last_timestamp: Option<String>,
    pub count: i64,
    pub series: bool,
}
json_struct!(Event { api_version: "apiVersion" Required, kind: "kind" Required, metadata: "metadata" Required, involved_object: "involvedObject" Required, reason: "reason" Required, message: "message" Required, type_: "type" Required, source: "source" Always, first_timestamp: "firstTimestamp" Omit, last_timestamp: "lastTimestamp" Omit, count: "count" Always, series: "series" Omit });

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventSource {
    pub component: Option<String>,
    pub host: Option<String>,
}
json_struct!(EventSource { component: "component" Omit, host: "host" Omit });

// ---------------------------------------------------------------------------------------
// Any object

/// Every kind the playground stores, one variant per kind. Variants differ in size (a
/// StatefulSet carries a pod template); objects live one per map entry, so boxing them
/// would only add an indirection to every access.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Object {
    StatefulSet(StatefulSet),
    ControllerRevision(ControllerRevision),
    Pod(Pod),
    PersistentVolumeClaim(PersistentVolumeClaim),
    PersistentVolume(PersistentVolume),
    StorageClass(StorageClass),
    Service(Service),
    EndpointSlice(EndpointSlice),
    Namespace(Namespace),
    Node(Node),
    Event(Event),
}

/// The kinds, in the order the playground lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Namespace,
    Node,
    StorageClass,
    PersistentVolume,
    PersistentVolumeClaim,
    Service,
    StatefulSet,
    ControllerRevision,
    Pod,
    EndpointSlice,
    Event,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Namespace,
        Kind::Node,
        Kind::StorageClass,
        Kind::PersistentVolume,
        Kind::PersistentVolumeClaim,
        Kind::Service,
        Kind::StatefulSet,
        Kind::ControllerRevision,
        Kind::Pod,
        Kind::EndpointSlice,
        Kind::Event,
    ];

    /// The `kind` field value, e.g. `StatefulSet`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Namespace => "Namespace",
            Kind::Node => "Node",
            Kind::StorageClass => "StorageClass",
            Kind::PersistentVolume => "PersistentVolume",
            Kind::PersistentVolumeClaim => "PersistentVolumeClaim",
            Kind::Service => "Service",
            Kind::StatefulSet => "StatefulSet",
            Kind::ControllerRevision => "ControllerRevision",
            Kind::Pod => "Pod",
            Kind::EndpointSlice => "EndpointSlice",
            Kind::Event => "Event",
        }
    }

    /// The `apiVersion` the kind is served at.
    pub fn api_version(self) -> &'static str {
        match self {
            Kind::StatefulSet | Kind::ControllerRevision => "apps/v1",
            Kind::StorageClass => "storage.k8s.io/v1",
            Kind::EndpointSlice => "discovery.k8s.io/v1",
            _ => "v1",
        }
    }

    /// Whether objects of this kind live in a namespace.
    pub fn namespaced(self) -> bool {
        !matches!(
            self,
            Kind::Namespace | Kind::Node | Kind::StorageClass | Kind::PersistentVolume
        )
    }

    pub fn from_name(kind: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == kind)
    }
}

impl ToJson for Object {
    fn to_json(&self) -> Value {
        match self {
            Object::StatefulSet(o) => o.to_json(),
            Object::ControllerRevision(o) => o.to_json(),
            Object::Pod(o) => o.to_json(),
            Object::PersistentVolumeClaim(o) => o.to_json(),
            Object::PersistentVolume(o) => o.to_json(),
            Object::StorageClass(o) => o.to_json(),
            Object::Service(o) => o.to_json(),
            Object::EndpointSlice(o) => o.to_json(),
            Object::Namespace(o) => o.to_json(),
            Object::Node(o) => o.to_json(),
            Object::Event(o) => o.to_json(),
        }
    }
}

impl Object {
    /// Reads an object of a known kind from its JSON tree.
    pub fn from_json(kind: Kind, value: Value) -> Result<Object, Error> {
        Ok(match kind {
            Kind::StatefulSet => Object::StatefulSet(FromJson::from_json(value)?),
            Kind::ControllerRevision => Object::ControllerRevision(FromJson::from_json(value)?),
            Kind::Pod => Object::Pod(FromJson::from_json(value)?),
            Kind::PersistentVolumeClaim => {
                Object::PersistentVolumeClaim(FromJson::from_json(value)?)
            }
            Kind::PersistentVolume => Object::PersistentVolume(FromJson::from_json(value)?),
            Kind::StorageClass => Object::StorageClass(FromJson::from_json(value)?),
            Kind::Service => Object::Service(FromJson::from_json(value)?),
            Kind::EndpointSlice => Object::EndpointSlice(FromJson::from_json(value)?),
            Kind::Namespace => Object::Namespace(FromJson::from_json(value)?),
            Kind::Node => Object::Node(FromJson::from_json(value)?),
            Kind::Event => Object::Event(FromJson::from_json(value)?),
        })
    }

    pub fn kind(&self) -> Kind {
        match self {
            Object::StatefulSet(_) => Kind::StatefulSet,
            Object::ControllerRevision(_) => Kind::ControllerRevision,
            Object::Pod(_) => Kind::Pod,
            Object::PersistentVolumeClaim(_) => Kind::PersistentVolumeClaim,
            Object::PersistentVolume(_) => Kind::PersistentVolume,
            Object::StorageClass(_) => Kind::StorageClass,
            Object::Service(_) => Kind::Service,
            Object::EndpointSlice(_) => Kind::EndpointSlice,
            Object::Namespace(_) => Kind::Namespace,
            Object::Node(_) => Kind::Node,
            Object::Event(_) => Kind::Event,
        }
    }

    pub fn meta(&self) -> &ObjectMeta {
        match self {
            Object::StatefulSet(o) => &o.metadata,
            Object::ControllerRevision(o) => &o.metadata,
            Object::Pod(o) => &o.metadata,
            Object::PersistentVolumeClaim(o) => &o.metadata,
            Object::PersistentVolume(o) => &o.metadata,
            Object::StorageClass(o) => &o.metadata,
            Object::Service(o) => &o.metadata,
            Object::EndpointSlice(o) => &o.metadata,
            Object::Namespace(o) => &o.metadata,
            Object::Node(o) => &o.metadata,
            Object::Event(o) => &o.metadata,
        }
    }

    pub fn meta_mut(&mut self) -> &mut ObjectMeta {
        match self {
            Object::StatefulSet(o) => &mut o.metadata,
            Object::ControllerRevision(o) => &mut o.metadata,
            Object::Pod(o) => &mut o.metadata,
            Object::PersistentVolumeClaim(o) => &mut o.metadata,
            Object::PersistentVolume(o) => &mut o.metadata,
            Object::StorageClass(o) => &mut o.metadata,
            Object::Service(o) => &mut o.metadata,
            Object::EndpointSlice(o) => &mut o.metadata,
            Object::Namespace(o) => &mut o.metadata,
            Object::Node(o) => &mut o.metadata,
            Object::Event(o) => &mut o.metadata,
        }
    }

    pub fn name(&self) -> &str {
        &self.meta().name
    }

    /// The object's namespace, or `""` for cluster-scoped kinds.
    pub fn namespace(&self) -> &str {
        self.meta().namespace.as_deref().unwrap_or("")
    }
}
