//! The shape of every simulated kind, as the 1.33 API defines it: for each object type, the
//! complete list of its valid field names with their types and Go type names.
//!
//! The tables serve the strict-field and type checks of `check.rs`: a field missing from a
//! table is an unknown field (a warning with the nearest valid name); a field typed `Any`
//! is valid Kubernetes that the simulation does not model, so it is kept verbatim and never
//! warned about. Go names appear in type errors exactly as the API server's JSON decoder
//! prints them (`Go struct field StatefulSetSpec.spec.replicas of type int32`).
//! Upstream: k8s.io/api core/v1, apps/v1, storage/v1 `types.go`; apimachinery meta/v1.

/// The type of one field.
#[derive(Debug)]
pub(crate) enum Ty {
    /// A string; the Go type name (`string`, `v1.RestartPolicy`).
    Str(&'static str),
    Int32,
    Int64,
    Bool,
    /// `intstr.IntOrString`.
    IntOrStr,
    /// `map[string]string`.
    StrMap,
    /// `v1.ResourceList`: quantities (`resource.Quantity`, a string such as `1Gi` or a
    /// number) by resource name.
    QuantityMap,
    /// A list of strings; the element's Go type name.
    StrList(&'static str),
    Obj(&'static Struct),
    ObjList(&'static Struct),
    /// A valid field the simulation does not interpret: kept as written, not checked.
    Any,
}

/// An object type: its Go name and its fields.
#[derive(Debug)]
pub(crate) struct Struct {
    pub go: &'static str,
    pub fields: &'static [(&'static str, Ty)],
}

impl Struct {
    pub fn field(&self, name: &str) -> Option<&'static Ty> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, t)| t)
    }
}

use Ty::*;

// ---------------------------------------------------------------------------------------
// meta/v1

pub(crate) static OBJECT_META: Struct = Struct {
    go: "ObjectMeta",
    fields: &[
        ("annotations", StrMap),
        ("creationTimestamp", Any),
        ("deletionGracePeriodSeconds", Int64),
        ("deletionTimestamp", Any),
        ("finalizers", StrList("string")),
        ("generateName", Str("string")),
        ("generation", Int64),
        ("labels", StrMap),
        ("managedFields", Any),
        ("name", Str("string")),
        ("namespace", Str("string")),
        ("ownerReferences", ObjList(&OWNER_REFERENCE)),
        ("resourceVersion", Str("string")),
        ("selfLink", Str("string")),
        ("uid", Str("types.UID")),
    ],
};

static OWNER_REFERENCE: Struct = Struct {
    go: "OwnerReference",
    fields: &[
        ("apiVersion", Str("string")),
        ("blockOwnerDeletion", Bool),
        ("controller", Bool),
        ("kind", Str("string")),
        ("name", Str("string")),
        ("uid", Str("types.UID")),
    ],
};

static LABEL_SELECTOR: Struct = Struct {
    go: "LabelSelector",
    fields: &[
        ("matchExpressions", ObjList(&LABEL_SELECTOR_REQUIREMENT)),
        ("matchLabels", StrMap),
    ],
};

static LABEL_SELECTOR_REQUIREMENT: Struct = Struct {
    go: "LabelSelectorRequirement",
    fields: &[
        ("key", Str("string")),
        ("operator", Str("v1.LabelSelectorOperator")),
        ("values", StrList("string")),
    ],
};

static OBJECT_REFERENCE: Struct = Struct {
    go: "ObjectReference",
    fields: &[
        ("apiVersion", Str("string")),
        ("fieldPath", Str("string")),
        ("kind", Str("string")),
        ("name", Str("string")),
        ("namespace", Str("string")),
        ("resourceVersion", Str("string")),
        ("uid", Str("types.UID")),
    ],
};

// ---------------------------------------------------------------------------------------
// apps/v1 StatefulSet

pub(crate) static STATEFUL_SET: Struct = Struct {
    go: "StatefulSet",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&STATEFUL_SET_SPEC)),
        ("status", Any),
    ],
};

static STATEFUL_SET_SPEC: Struct = Struct {
    go: "StatefulSetSpec",
    fields: &[
        ("minReadySeconds", Int32),
        ("ordinals", Obj(&STATEFUL_SET_ORDINALS)),
        (
            "persistentVolumeClaimRetentionPolicy",
            Obj(&RETENTION_POLICY),
        ),
        ("podManagementPolicy", Str("v1.PodManagementPolicyType")),
        ("replicas", Int32),
        ("revisionHistoryLimit", Int32),
        ("selector", Obj(&LABEL_SELECTOR)),
        ("serviceName", Str("string")),
        ("template", Obj(&POD_TEMPLATE_SPEC)),
        ("updateStrategy", Obj(&STATEFUL_SET_UPDATE_STRATEGY)),
        ("volumeClaimTemplates", ObjList(&PERSISTENT_VOLUME_CLAIM)),
    ],
};

static STATEFUL_SET_ORDINALS: Struct = Struct {
    go: "StatefulSetOrdinals",
    fields: &[("start", Int32)],
};

static RETENTION_POLICY: Struct = Struct {
    go: "StatefulSetPersistentVolumeClaimRetentionPolicy",
    fields: &[
        (
            "whenDeleted",
            Str("v1.PersistentVolumeClaimRetentionPolicyType"),
        ),
        (
            "whenScaled",
            Str("v1.PersistentVolumeClaimRetentionPolicyType"),
        ),
    ],
};

static STATEFUL_SET_UPDATE_STRATEGY: Struct = Struct {
    go: "StatefulSetUpdateStrategy",
    fields: &[
        ("rollingUpdate", Obj(&ROLLING_UPDATE)),
        ("type", Str("v1.StatefulSetUpdateStrategyType")),
    ],
};

static ROLLING_UPDATE: Struct = Struct {
    go: "RollingUpdateStatefulSetStrategy",
    fields: &[("maxUnavailable", IntOrStr), ("partition", Int32)],
};

// ---------------------------------------------------------------------------------------
// core/v1 Pod

pub(crate) static POD: Struct = Struct {
    go: "Pod",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&POD_SPEC)),
        ("status", Any),
    ],
};

static POD_TEMPLATE_SPEC: Struct = Struct {
    go: "PodTemplateSpec",
    fields: &[("metadata", Obj(&OBJECT_META)), ("spec", Obj(&POD_SPEC))],
};

static POD_SPEC: Struct = Struct {
    go: "PodSpec",
    fields: &[
        ("activeDeadlineSeconds", Int64),
        ("affinity", Any),
        ("automountServiceAccountToken", Bool),
        ("containers", ObjList(&CONTAINER)),
        ("dnsConfig", Any),
        ("dnsPolicy", Str("v1.DNSPolicy")),
        ("enableServiceLinks", Bool),
        ("ephemeralContainers", Any),
        ("hostAliases", Any),
        ("hostIPC", Bool),
        ("hostNetwork", Bool),
        ("hostPID", Bool),
        ("hostUsers", Bool),
        ("hostname", Str("string")),
        ("imagePullSecrets", Any),
        ("initContainers", ObjList(&CONTAINER)),
        ("nodeName", Str("string")),
        ("nodeSelector", StrMap),
        ("os", Any),
        ("overhead", QuantityMap),
        ("preemptionPolicy", Str("v1.PreemptionPolicy")),
        ("priority", Int32),
        ("priorityClassName", Str("string")),
        ("readinessGates", Any),
        ("resourceClaims", Any),
        ("resources", Any),
        ("restartPolicy", Str("v1.RestartPolicy")),
        ("runtimeClassName", Str("string")),
        ("schedulerName", Str("string")),
        ("schedulingGates", Any),
        ("securityContext", Any),
        ("serviceAccount", Str("string")),
        ("serviceAccountName", Str("string")),
        ("setHostnameAsFQDN", Bool),
        ("shareProcessNamespace", Bool),
        ("subdomain", Str("string")),
        ("terminationGracePeriodSeconds", Int64),
        ("tolerations", Any),
        ("topologySpreadConstraints", Any),
        ("volumes", ObjList(&VOLUME)),
    ],
};

static CONTAINER: Struct = Struct {
    go: "Container",
    fields: &[
        ("args", StrList("string")),
        ("command", StrList("string")),
        ("env", Any),
        ("envFrom", Any),
        ("image", Str("string")),
        ("imagePullPolicy", Str("v1.PullPolicy")),
        ("lifecycle", Any),
        ("livenessProbe", Obj(&PROBE)),
        ("name", Str("string")),
        ("ports", ObjList(&CONTAINER_PORT)),
        ("readinessProbe", Obj(&PROBE)),
        ("resizePolicy", Any),
        ("resources", Any),
        ("restartPolicy", Str("v1.ContainerRestartPolicy")),
        ("securityContext", Any),
        ("startupProbe", Obj(&PROBE)),
        ("stdin", Bool),
        ("stdinOnce", Bool),
        ("terminationMessagePath", Str("string")),
        (
            "terminationMessagePolicy",
            Str("v1.TerminationMessagePolicy"),
        ),
        ("tty", Bool),
        ("volumeDevices", Any),
        ("volumeMounts", ObjList(&VOLUME_MOUNT)),
        ("workingDir", Str("string")),
    ],
};

static CONTAINER_PORT: Struct = Struct {
    go: "ContainerPort",
    fields: &[
        ("containerPort", Int32),
        ("hostIP", Str("string")),
        ("hostPort", Int32),
        ("name", Str("string")),
        ("protocol", Str("v1.Protocol")),
    ],
};

static PROBE: Struct = Struct {
    go: "Probe",
    fields: &[
        ("exec", Any),
        ("failureThreshold", Int32),
        ("grpc", Any),
        ("httpGet", Any),
        ("initialDelaySeconds", Int32),
        ("periodSeconds", Int32),
        ("successThreshold", Int32),
        ("tcpSocket", Any),
        ("terminationGracePeriodSeconds", Int64),
        ("timeoutSeconds", Int32),
    ],
};

static VOLUME_MOUNT: Struct = Struct {
    go: "VolumeMount",
    fields: &[
        ("mountPath", Str("string")),
        ("mountPropagation", Str("v1.MountPropagationMode")),
        ("name", Str("string")),
        ("readOnly", Bool),
        ("recursiveReadOnly", Str("v1.RecursiveReadOnlyMode")),
        ("subPath", Str("string")),
        ("subPathExpr", Str("string")),
    ],
};

static VOLUME: Struct = Struct {
    go: "Volume",
    fields: &[
        ("awsElasticBlockStore", Any),
        ("azureDisk", Any),
        ("azureFile", Any),
        ("cephfs", Any),
        ("cinder", Any),
        ("configMap", Any),
        ("csi", Any),
        ("downwardAPI", Any),
        ("emptyDir", Any),
        ("ephemeral", Any),
        ("fc", Any),
        ("flexVolume", Any),
        ("flocker", Any),
        ("gcePersistentDisk", Any),
        ("gitRepo", Any),
        ("glusterfs", Any),
        ("hostPath", Obj(&HOST_PATH)),
        ("image", Any),
        ("iscsi", Any),
        ("name", Str("string")),
        ("nfs", Obj(&NFS)),
        ("persistentVolumeClaim", Obj(&PVC_VOLUME_SOURCE)),
        ("photonPersistentDisk", Any),
        ("portworxVolume", Any),
        ("projected", Any),
        ("quobyte", Any),
        ("rbd", Any),
        ("scaleIO", Any),
        ("secret", Any),
        ("storageos", Any),
        ("vsphereVolume", Any),
    ],
};

static PVC_VOLUME_SOURCE: Struct = Struct {
    go: "PersistentVolumeClaimVolumeSource",
    fields: &[("claimName", Str("string")), ("readOnly", Bool)],
};

// ---------------------------------------------------------------------------------------
// core/v1 storage

pub(crate) static PERSISTENT_VOLUME: Struct = Struct {
    go: "PersistentVolume",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&PERSISTENT_VOLUME_SPEC)),
        ("status", Any),
    ],
};

static PERSISTENT_VOLUME_SPEC: Struct = Struct {
    go: "PersistentVolumeSpec",
    fields: &[
        ("accessModes", StrList("v1.PersistentVolumeAccessMode")),
        ("awsElasticBlockStore", Any),
        ("azureDisk", Any),
        ("azureFile", Any),
        ("capacity", QuantityMap),
        ("cephfs", Any),
        ("cinder", Any),
        ("claimRef", Obj(&OBJECT_REFERENCE)),
        ("csi", Obj(&CSI)),
        ("fc", Any),
        ("flexVolume", Any),
        ("flocker", Any),
        ("gcePersistentDisk", Any),
        ("glusterfs", Any),
        ("hostPath", Obj(&HOST_PATH)),
        ("iscsi", Any),
        ("local", Obj(&LOCAL)),
        ("mountOptions", StrList("string")),
        ("nfs", Obj(&NFS)),
        ("nodeAffinity", Obj(&VOLUME_NODE_AFFINITY)),
        (
            "persistentVolumeReclaimPolicy",
            Str("v1.PersistentVolumeReclaimPolicy"),
        ),
        ("photonPersistentDisk", Any),
        ("portworxVolume", Any),
        ("quobyte", Any),
        ("rbd", Any),
        ("scaleIO", Any),
        ("storageClassName", Str("string")),
        ("storageos", Any),
        ("volumeAttributesClassName", Str("string")),
        ("volumeMode", Str("v1.PersistentVolumeMode")),
        ("vsphereVolume", Any),
    ],
};

static HOST_PATH: Struct = Struct {
    go: "HostPathVolumeSource",
    fields: &[("path", Str("string")), ("type", Str("v1.HostPathType"))],
};

static LOCAL: Struct = Struct {
    go: "LocalVolumeSource",
    fields: &[("fsType", Str("string")), ("path", Str("string"))],
};

static NFS: Struct = Struct {
    go: "NFSVolumeSource",
    fields: &[
        ("path", Str("string")),
        ("readOnly", Bool),
        ("server", Str("string")),
    ],
};

static CSI: Struct = Struct {
    go: "CSIPersistentVolumeSource",
    fields: &[
        ("controllerExpandSecretRef", Any),
        ("controllerPublishSecretRef", Any),
        ("driver", Str("string")),
        ("fsType", Str("string")),
        ("nodeExpandSecretRef", Any),
        ("nodePublishSecretRef", Any),
        ("nodeStageSecretRef", Any),
        ("readOnly", Bool),
        ("volumeAttributes", StrMap),
        ("volumeHandle", Str("string")),
    ],
};

static VOLUME_NODE_AFFINITY: Struct = Struct {
    go: "VolumeNodeAffinity",
    fields: &[("required", Obj(&NODE_SELECTOR))],
};

static NODE_SELECTOR: Struct = Struct {
    go: "NodeSelector",
    fields: &[("nodeSelectorTerms", ObjList(&NODE_SELECTOR_TERM))],
};

static NODE_SELECTOR_TERM: Struct = Struct {
    go: "NodeSelectorTerm",
    fields: &[
        ("matchExpressions", ObjList(&NODE_SELECTOR_REQUIREMENT)),
        ("matchFields", ObjList(&NODE_SELECTOR_REQUIREMENT)),
    ],
};

static NODE_SELECTOR_REQUIREMENT: Struct = Struct {
    go: "NodeSelectorRequirement",
    fields: &[
        ("key", Str("string")),
        ("operator", Str("v1.NodeSelectorOperator")),
        ("values", StrList("string")),
    ],
};

pub(crate) static PERSISTENT_VOLUME_CLAIM: Struct = Struct {
    go: "PersistentVolumeClaim",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&PERSISTENT_VOLUME_CLAIM_SPEC)),
        ("status", Any),
    ],
};

static PERSISTENT_VOLUME_CLAIM_SPEC: Struct = Struct {
    go: "PersistentVolumeClaimSpec",
    fields: &[
        ("accessModes", StrList("v1.PersistentVolumeAccessMode")),
        ("dataSource", Any),
        ("dataSourceRef", Any),
        ("resources", Obj(&VOLUME_RESOURCE_REQUIREMENTS)),
        ("selector", Obj(&LABEL_SELECTOR)),
        ("storageClassName", Str("string")),
        ("volumeAttributesClassName", Str("string")),
        ("volumeMode", Str("v1.PersistentVolumeMode")),
        ("volumeName", Str("string")),
    ],
};

static VOLUME_RESOURCE_REQUIREMENTS: Struct = Struct {
    go: "VolumeResourceRequirements",
    fields: &[("limits", QuantityMap), ("requests", QuantityMap)],
};

// ---------------------------------------------------------------------------------------
// storage.k8s.io/v1

pub(crate) static STORAGE_CLASS: Struct = Struct {
    go: "StorageClass",
    fields: &[
        ("allowVolumeExpansion", Bool),
        ("allowedTopologies", ObjList(&TOPOLOGY_SELECTOR_TERM)),
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("mountOptions", StrList("string")),
        ("parameters", StrMap),
        ("provisioner", Str("string")),
        ("reclaimPolicy", Str("v1.PersistentVolumeReclaimPolicy")),
        ("volumeBindingMode", Str("v1.VolumeBindingMode")),
    ],
};

static TOPOLOGY_SELECTOR_TERM: Struct = Struct {
    go: "TopologySelectorTerm",
    fields: &[(
        "matchLabelExpressions",
        ObjList(&TOPOLOGY_SELECTOR_LABEL_REQUIREMENT),
    )],
};

static TOPOLOGY_SELECTOR_LABEL_REQUIREMENT: Struct = Struct {
    go: "TopologySelectorLabelRequirement",
    fields: &[("key", Str("string")), ("values", StrList("string"))],
};

// ---------------------------------------------------------------------------------------
// core/v1 Service, Namespace, Node

pub(crate) static SERVICE: Struct = Struct {
    go: "Service",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&SERVICE_SPEC)),
        ("status", Any),
    ],
};

static SERVICE_SPEC: Struct = Struct {
    go: "ServiceSpec",
    fields: &[
        ("allocateLoadBalancerNodePorts", Bool),
        ("clusterIP", Str("string")),
        ("clusterIPs", StrList("string")),
        ("externalIPs", StrList("string")),
        ("externalName", Str("string")),
        (
            "externalTrafficPolicy",
            Str("v1.ServiceExternalTrafficPolicy"),
        ),
        ("healthCheckNodePort", Int32),
        (
            "internalTrafficPolicy",
            Str("v1.ServiceInternalTrafficPolicy"),
        ),
        ("ipFamilies", StrList("v1.IPFamily")),
        ("ipFamilyPolicy", Str("v1.IPFamilyPolicy")),
        ("loadBalancerClass", Str("string")),
        ("loadBalancerIP", Str("string")),
        ("loadBalancerSourceRanges", StrList("string")),
        ("ports", ObjList(&SERVICE_PORT)),
        ("publishNotReadyAddresses", Bool),
        ("selector", StrMap),
        ("sessionAffinity", Str("v1.ServiceAffinity")),
        ("sessionAffinityConfig", Any),
        ("trafficDistribution", Str("string")),
        ("type", Str("v1.ServiceType")),
    ],
};

static SERVICE_PORT: Struct = Struct {
    go: "ServicePort",
    fields: &[
        ("appProtocol", Str("string")),
        ("name", Str("string")),
        ("nodePort", Int32),
        ("port", Int32),
        ("protocol", Str("v1.Protocol")),
        ("targetPort", IntOrStr),
    ],
};

pub(crate) static NAMESPACE: Struct = Struct {
    go: "Namespace",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&NAMESPACE_SPEC)),
        ("status", Any),
    ],
};

static NAMESPACE_SPEC: Struct = Struct {
    go: "NamespaceSpec",
    fields: &[("finalizers", StrList("v1.FinalizerName"))],
};

pub(crate) static NODE: Struct = Struct {
    go: "Node",
    fields: &[
        ("apiVersion", Str("string")),
        ("kind", Str("string")),
        ("metadata", Obj(&OBJECT_META)),
        ("spec", Obj(&NODE_SPEC)),
        ("status", Any),
    ],
};

static NODE_SPEC: Struct = Struct {
    go: "NodeSpec",
    fields: &[
        ("configSource", Any),
        ("externalID", Str("string")),
        ("podCIDR", Str("string")),
        ("podCIDRs", StrList("string")),
        ("providerID", Str("string")),
        ("taints", ObjList(&TAINT)),
        ("unschedulable", Bool),
    ],
};

static TAINT: Struct = Struct {
    go: "Taint",
    fields: &[
        ("effect", Str("v1.TaintEffect")),
        ("key", Str("string")),
        ("timeAdded", Any),
        ("value", Str("string")),
    ],
};
