//! `kubectl describe` output over typed objects: StatefulSet (§6.9, §7.4 case 155), Pod
//! (§6.10), PersistentVolumeClaim and PersistentVolume (§6.11), Service, StorageClass,
//! Node and Namespace, with their `Events:` sections (§6.8, §7.4 case 153).

use expect_test::{expect, Expect};
use serde_json::{json, Value};
use stsplay::manifest::model::*;
use stsplay::present::kubectl::{self, GetOptions, OutputFormat};
use stsplay::time::{rfc3339, EPOCH_MS};

/// "Now" in these tests: ten minutes after the simulation epoch.
const NOW: i64 = EPOCH_MS + 600_000;

fn at(seconds: i64) -> String {
    rfc3339(EPOCH_MS + seconds * 1000)
}

fn object(kind: &str, value: Value) -> Object {
    let kind = Kind::from_name(kind).unwrap_or_else(|| panic!("no fixture kind {kind}"));
    let value = stsplay::json::from_str(&value.to_string()).expect("JSON");
    Object::from_json(kind, value).expect("fixture matches the model")
}

/// An event about `kind/name` from `source`, first and last seen at those seconds.
#[allow(clippy::too_many_arguments)]
fn event(
    kind: &str,
    name: &str,
    type_: &str,
    reason: &str,
    source: &str,
    message: &str,
    first: i64,
    last: i64,
    count: i64,
) -> Object {
    let namespace = if matches!(kind, "PersistentVolume" | "Node" | "StorageClass") {
        json!(null)
    } else {
        json!("default")
    };
    let mut value = json!({"apiVersion": "v1", "kind": "Event",
        "metadata": {"name": format!("{name}.{first}"), "namespace": "default"},
        "involvedObject": {"kind": kind, "name": name},
        "reason": reason, "message": message, "type": type_,
        "source": {"component": source},
        "firstTimestamp": at(first), "lastTimestamp": at(last), "count": count});
    if !namespace.is_null() {
        value["involvedObject"]["namespace"] = namespace;
    }
    object("Event", value)
}

fn check(target: &Object, world: &[Object], expect: Expect) {
    let refs: Vec<&Object> = world.iter().collect();
    expect.assert_eq(&kubectl::describe(target, &refs, NOW));
}

fn web() -> Object {
    object(
        "StatefulSet",
        json!({
            "apiVersion": "apps/v1", "kind": "StatefulSet",
            "metadata": {"name": "web", "namespace": "default", "uid": "uid-web", "creationTimestamp": at(0), "generation": 1},
            "spec": {
                "replicas": 2, "serviceName": "nginx",
                "selector": {"matchLabels": {"app": "nginx"}},
                "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}},
                "template": {
                    "metadata": {"labels": {"app": "nginx"}},
                    "spec": {"containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.21",
                        "ports": [{"name": "web", "containerPort": 80, "protocol": "TCP"}],
                        "volumeMounts": [{"name": "www", "mountPath": "/usr/share/nginx/html"}]}]}
                },
                "volumeClaimTemplates": [{"metadata": {"name": "www"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]
            },
            "status": {"observedGeneration": 1, "replicas": 2, "readyReplicas": 2, "currentReplicas": 2, "updatedReplicas": 2}
        }),
    )
}

fn web_pod(ordinal: i64, created: i64) -> Object {
    let name = format!("web-{ordinal}");
    let mut pod = object(
        "Pod",
        json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": "default", "uid": format!("uid-{name}"), "creationTimestamp": at(created),
                "labels": {"app": "nginx", "apps.kubernetes.io/pod-index": ordinal.to_string(),
                    "controller-revision-hash": "web-6749b5c6b9", "statefulset.kubernetes.io/pod-name": name},
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "uid-web", "controller": true, "blockOwnerDeletion": true}]},
            "spec": {
                "containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.21",
                    "ports": [{"name": "web", "containerPort": 80, "protocol": "TCP"}],
                    "readinessProbe": {"httpGet": {"path": "/index.html", "port": 80}, "periodSeconds": 1},
                    "env": [{"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
                        {"name": "MODE", "value": "demo"}],
                    "volumeMounts": [{"name": "www", "mountPath": "/usr/share/nginx/html"}]}],
                "volumes": [{"name": "www", "persistentVolumeClaim": {"claimName": format!("www-{name}")}}],
                "hostname": name, "subdomain": "nginx", "nodeName": "node-1"
            },
            "status": {
                "phase": "Running", "startTime": at(created + 1), "qosClass": "BestEffort",
                "conditions": [
                    {"type": "PodReadyToStartContainers", "status": "True"},
                    {"type": "Initialized", "status": "True"},
                    {"type": "Ready", "status": "True"},
                    {"type": "ContainersReady", "status": "True"},
                    {"type": "PodScheduled", "status": "True"}
                ],
                "containerStatuses": [{"name": "nginx", "ready": true, "restartCount": 0, "image": "registry.k8s.io/nginx-slim:0.21",
                    "started": true, "state": {"running": {"startedAt": at(created + 18)}}}]
            }
        }),
    );
    if let Object::Pod(p) = &mut pod {
        if let Some(status) = p.status.as_mut() {
            status.host_ip = Some("172.18.0.2".into());
            status.pod_ip = Some(format!("10.244.1.{}", ordinal + 5));
            status.pod_ips = vec![PodIp {
                ip: format!("10.244.1.{}", ordinal + 5),
            }];
        }
    }
    pod
}

#[test]
fn stateful_set_after_two_replicas() {
    let world = vec![
        web(),
        web_pod(0, 540),
        web_pod(1, 560),
        event(
            "StatefulSet",
            "web",
            "Normal",
            "SuccessfulCreate",
            "statefulset-controller",
            "create Claim www-web-0 Pod web-0 in StatefulSet web success",
            540,
            540,
            1,
        ),
        event(
            "StatefulSet",
            "web",
            "Normal",
            "SuccessfulCreate",
            "statefulset-controller",
            "create Pod web-0 in StatefulSet web successful",
            540,
            540,
            1,
        ),
        event(
            "StatefulSet",
            "web",
            "Normal",
            "SuccessfulCreate",
            "statefulset-controller",
            "create Claim www-web-1 Pod web-1 in StatefulSet web success",
            560,
            560,
            1,
        ),
        event(
            "StatefulSet",
            "web",
            "Normal",
            "SuccessfulCreate",
            "statefulset-controller",
            "create Pod web-1 in StatefulSet web successful",
            560,
            560,
            1,
        ),
        event(
            "Pod",
            "web-0",
            "Normal",
            "Scheduled",
            "default-scheduler",
            "Successfully assigned default/web-0 to node-1",
            540,
            540,
            1,
        ),
    ];
    check(
        &world[0],
        &world,
        expect![[r#"
            Name:               web
            Namespace:          default
            CreationTimestamp:  Mon, 01 Jan 2024 00:00:00 +0000
            Selector:           app=nginx
            Labels:             <none>
            Annotations:        <none>
            Replicas:           2 desired | 2 total
            Update Strategy:    RollingUpdate
              Partition:        0
            Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=nginx
              Containers:
               nginx:
                Image:        registry.k8s.io/nginx-slim:0.21
                Port:         80/TCP
                Host Port:    0/TCP
                Environment:  <none>
                Mounts:
                  /usr/share/nginx/html from www (rw)
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Volume Claims:
              Name:          www
              StorageClass:  
              Labels:        <none>
              Annotations:   <none>
              Capacity:      1Gi
              Access Modes:  [ReadWriteOnce]
            Events:
              Type    Reason            Age   From                    Message
              ----    ------            ----  ----                    -------
              Normal  SuccessfulCreate  60s   statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
              Normal  SuccessfulCreate  60s   statefulset-controller  create Pod web-0 in StatefulSet web successful
              Normal  SuccessfulCreate  40s   statefulset-controller  create Claim www-web-1 Pod web-1 in StatefulSet web success
              Normal  SuccessfulCreate  40s   statefulset-controller  create Pod web-1 in StatefulSet web successful
        "#]],
    );
}

#[test]
fn pod_running() {
    let world = vec![
        web_pod(0, 540),
        event(
            "Pod",
            "web-0",
            "Normal",
            "Scheduled",
            "default-scheduler",
            "Successfully assigned default/web-0 to node-1",
            540,
            540,
            1,
        ),
        event(
            "Pod",
            "web-0",
            "Normal",
            "Pulled",
            "kubelet",
            "Container image \"registry.k8s.io/nginx-slim:0.21\" already present on machine",
            541,
            541,
            1,
        ),
        event(
            "Pod",
            "web-0",
            "Normal",
            "Created",
            "kubelet",
            "Created container: nginx",
            541,
            541,
            1,
        ),
        event(
            "Pod",
            "web-0",
            "Normal",
            "Started",
            "kubelet",
            "Started container nginx",
            542,
            542,
            1,
        ),
    ];
    check(
        &world[0],
        &world,
        expect![[r#"
            Name:             web-0
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node-1/172.18.0.2
            Start Time:       Mon, 01 Jan 2024 00:09:01 +0000
            Labels:           app=nginx
                              apps.kubernetes.io/pod-index=0
                              controller-revision-hash=web-6749b5c6b9
                              statefulset.kubernetes.io/pod-name=web-0
            Annotations:      <none>
            Status:           Running
            IP:               10.244.1.5
            IPs:
              IP:           10.244.1.5
            Controlled By:  StatefulSet/web
            Containers:
              nginx:
                Container ID:   
                Image:          registry.k8s.io/nginx-slim:0.21
                Image ID:       
                Port:           80/TCP
                Host Port:      0/TCP
                State:          Running
                  Started:      Mon, 01 Jan 2024 00:09:18 +0000
                Ready:          True
                Restart Count:  0
                Readiness:      http-get http://:80/index.html delay=0s timeout=1s period=1s #success=1 #failure=3
                Environment:
                  POD_NAME:  web-0 (v1:metadata.name)
                  MODE:      demo
                Mounts:
                  /usr/share/nginx/html from www (rw)
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       True 
              ContainersReady             True 
              PodScheduled                True 
            Volumes:
              www:
                Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
                ClaimName:   www-web-0
                ReadOnly:    false
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age   From               Message
              ----    ------     ----  ----               -------
              Normal  Scheduled  60s   default-scheduler  Successfully assigned default/web-0 to node-1
              Normal  Pulled     59s   kubelet            Container image "registry.k8s.io/nginx-slim:0.21" already present on machine
              Normal  Created    59s   kubelet            Created container: nginx
              Normal  Started    58s   kubelet            Started container nginx
        "#]],
    );
}

#[test]
fn pod_terminating_and_pending() {
    let mut terminating = web_pod(1, 300);
    terminating.meta_mut().deletion_timestamp = Some(at(595));
    terminating.meta_mut().deletion_grace_period_seconds = Some(30);
    let text = kubectl::describe(&terminating, &[], NOW);
    assert!(
        text.contains(
            "\nStatus:                    Terminating (lasts 5s)\nTermination Grace Period:  30s\n"
        ),
        "{text}"
    );
    let pending = object(
        "Pod",
        json!({"apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "web-2", "namespace": "default", "creationTimestamp": at(590)},
        "spec": {"containers": [{"name": "nginx", "image": "nginx"}]},
        "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable"}]}}),
    );
    let world = vec![
        pending.clone(),
        event("Pod", "web-2", "Warning", "FailedScheduling", "default-scheduler",
            "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", 590, 598, 3),
    ];
    check(
        &pending,
        &world,
        expect![[r#"
            Name:             web-2
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             <none>
            Labels:           <none>
            Annotations:      <none>
            Status:           Pending
            IP:               
            IPs:              <none>
            Containers:
              nginx:
                Image:        nginx
                Port:         <none>
                Host Port:    <none>
                Environment:  <none>
                Mounts:       <none>
            Conditions:
              Type           Status
              PodScheduled   False 
            Volumes:         <none>
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type     Reason            Age               From               Message
              ----     ------            ----              ----               -------
              Warning  FailedScheduling  2s (x3 over 10s)  default-scheduler  0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
        "#]],
    );
}

#[test]
fn pod_restarted_shows_its_last_state() {
    let mut pod = web_pod(0, 0);
    if let Object::Pod(p) = &mut pod {
        if let Some(c) = p
            .status
            .as_mut()
            .and_then(|s| s.container_statuses.first_mut())
        {
            c.restart_count = 1;
            c.last_state = ContainerState {
                terminated: Some(ContainerStateDetail {
                    reason: Some("Error".into()),
                    exit_code: Some(137),
                    started_at: Some(at(10)),
                    finished_at: Some(at(17)),
                    ..ContainerStateDetail::default()
                }),
                ..ContainerState::default()
            };
        }
    }
    let text = kubectl::describe(&pod, &[], NOW);
    let from = text.find("    State:").unwrap_or(0);
    let to = text[from..]
        .find("    Environment:")
        .map_or(text.len(), |i| from + i);
    expect![[r#"
            State:          Running
              Started:      Mon, 01 Jan 2024 00:00:18 +0000
            Last State:     Terminated
              Reason:       Error
              Exit Code:    137
              Started:      Mon, 01 Jan 2024 00:00:10 +0000
              Finished:     Mon, 01 Jan 2024 00:00:17 +0000
            Ready:          True
            Restart Count:  1
            Readiness:      http-get http://:80/index.html delay=0s timeout=1s period=1s #success=1 #failure=3
    "#]]
    .assert_eq(&dedent(&text[from..to]));
    // The model writes the previous run back as the API server does.
    let yaml = kubectl::get(
        Kind::Pod,
        &[&pod],
        &GetOptions {
            output: OutputFormat::Yaml,
            ..GetOptions::default()
        },
        NOW,
    );
    let at = yaml.find("lastState:").unwrap_or(0);
    let from = yaml[..at].rfind('\n').map_or(0, |i| i + 1);
    let to = yaml[from..]
        .find("name: nginx")
        .map_or(yaml.len(), |i| from + i);
    expect![[r#"
        lastState:
          terminated:
            exitCode: 137
            finishedAt: "2024-01-01T00:00:17Z"
            reason: Error
            startedAt: "2024-01-01T00:00:10Z"
    "#]]
    .assert_eq(&dedent(yaml[from..to].trim_end()));
}

/// Lines without the indentation they share, as `expect!` compares them.
fn dedent(text: &str) -> String {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| format!("{}\n", l.get(indent..).unwrap_or("")))
        .collect()
}

#[test]
fn repeated_event_age() {
    // §7.4 case 153: 17 times over 9m51s, last seen 4m23s ago.
    let now = EPOCH_MS + 591_000;
    let e = event(
        "PersistentVolumeClaim",
        "data",
        "Warning",
        "FailedBinding",
        "persistentvolume-controller",
        "volume \"nfs-pv-checkpoint\" already bound to a different claim.",
        0,
        591 - 263,
        17,
    );
    let Object::Event(e) = &e else { unreachable!() };
    expect![[r#"
        Events:
          Type	Reason	Age	From	Message
          ----	------	----	----	-------
          Warning	FailedBinding	4m23s (x17 over 9m51s)	persistentvolume-controller	volume "nfs-pv-checkpoint" already bound to a different claim.
    "#]]
    .assert_eq(&kubectl::describe_events(&[e], now));
    expect![[r#"
        Events:	<none>
    "#]]
    .assert_eq(&kubectl::describe_events(&[], now));
}

fn claim(name: &str, volume: Option<&str>) -> Object {
    let mut value = json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
        "metadata": {"name": name, "namespace": "default", "creationTimestamp": at(500), "labels": {"app": "nginx"},
            "finalizers": ["kubernetes.io/pvc-protection"],
            "annotations": {"volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
                "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path"}},
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}},
            "storageClassName": "standard", "volumeMode": "Filesystem"},
        "status": {"phase": "Pending"}});
    if let Some(volume) = volume {
        value["spec"]["volumeName"] = json!(volume);
        value["metadata"]["annotations"]["pv.kubernetes.io/bind-completed"] = json!("yes");
        value["status"] = json!({"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "1Gi"}});
    }
    object("PersistentVolumeClaim", value)
}

#[test]
fn claims() {
    let world = vec![
        claim("www-web-0", Some("pvc-3f1c2a4e")),
        web_pod(0, 540),
        event("PersistentVolumeClaim", "www-web-0", "Normal", "WaitForFirstConsumer", "persistentvolume-controller",
            "waiting for first consumer to be created before binding", 500, 500, 1),
        event("PersistentVolumeClaim", "www-web-0", "Normal", "ExternalProvisioning", "persistentvolume-controller",
            "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", 540, 542, 3),
    ];
    check(
        &world[0],
        &world,
        expect![[r#"
            Name:          www-web-0
            Namespace:     default
            StorageClass:  standard
            Status:        Bound
            Volume:        pvc-3f1c2a4e
            Labels:        app=nginx
            Annotations:   pv.kubernetes.io/bind-completed: yes
                           volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path
                           volume.kubernetes.io/storage-provisioner: rancher.io/local-path
            Finalizers:    [kubernetes.io/pvc-protection]
            Capacity:      1Gi
            Access Modes:  RWO
            VolumeMode:    Filesystem
            Used By:       web-0
            Events:
              Type    Reason                Age                 From                         Message
              ----    ------                ----                ----                         -------
              Normal  WaitForFirstConsumer  70s (x3 over 100s)  persistentvolume-controller  waiting for first consumer to be created before binding
              Normal  ExternalProvisioning  58s (x3 over 60s)   persistentvolume-controller  Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
        "#]],
    );
    let mut deleting = claim("hostpath", None);
    deleting.meta_mut().deletion_timestamp = Some(at(590));
    check(
        &deleting,
        &[],
        expect![[r#"
            Name:          hostpath
            Namespace:     default
            StorageClass:  standard
            Status:        Terminating (lasts 10s)
            Volume:        
            Labels:        app=nginx
            Annotations:   volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path
                           volume.kubernetes.io/storage-provisioner: rancher.io/local-path
            Finalizers:    [kubernetes.io/pvc-protection]
            Capacity:      
            Access Modes:  
            VolumeMode:    Filesystem
            Used By:       <none>
            Events:        <none>
        "#]],
    );
}

#[test]
fn volumes() {
    let volume = object(
        "PersistentVolume",
        json!({"apiVersion": "v1", "kind": "PersistentVolume",
        "metadata": {"name": "pv1", "creationTimestamp": at(0), "finalizers": ["kubernetes.io/pv-protection"],
            "annotations": {"pv.kubernetes.io/bound-by-controller": "yes"}},
        "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Retain",
            "storageClassName": "gsh-pv", "volumeMode": "Filesystem", "hostPath": {"path": "/tmp/pv1", "type": ""},
            "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "default", "name": "www-web-0"}},
        "status": {"phase": "Bound"}}),
    );
    check(
        &volume,
        &[],
        expect![[r#"
            Name:            pv1
            Labels:          <none>
            Annotations:     pv.kubernetes.io/bound-by-controller: yes
            Finalizers:      [kubernetes.io/pv-protection]
            StorageClass:    gsh-pv
            Status:          Bound
            Claim:           default/www-web-0
            Reclaim Policy:  Retain
            Access Modes:    RWO
            VolumeMode:      Filesystem
            Capacity:        1Gi
            Node Affinity:   <none>
            Message:         
            Source:
                Type:          HostPath (bare host directory volume)
                Path:          /tmp/pv1
                HostPathType:  
            Events:            <none>
        "#]],
    );
    let local = object(
        "PersistentVolume",
        json!({"apiVersion": "v1", "kind": "PersistentVolume",
        "metadata": {"name": "local-1", "creationTimestamp": at(0)},
        "spec": {"capacity": {"storage": "5Gi"}, "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Delete",
            "storageClassName": "local", "local": {"path": "/mnt/disks/ssd1"},
            "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "kubernetes.io/hostname", "operator": "In", "values": ["node-1"]}]}]}}},
        "status": {"phase": "Available"}}),
    );
    let world = vec![
        local.clone(),
        event("PersistentVolume", "local-1", "Warning", "VolumeFailedDelete", "persistentvolume-controller", "error getting deleter volume plugin for volume \"local-1\": no deletable volume plugin matched", 500, 500, 1),
    ];
    check(
        &local,
        &world,
        expect![[r#"
            Name:              local-1
            Labels:            <none>
            Annotations:       <none>
            Finalizers:        []
            StorageClass:      local
            Status:            Available
            Claim:             
            Reclaim Policy:    Delete
            Access Modes:      RWO
            VolumeMode:        Filesystem
            Capacity:          5Gi
            Node Affinity:     
              Required Terms:  
                Term 0:        kubernetes.io/hostname in [node-1]
            Message:           
            Source:
                Type:  LocalVolume (a persistent volume backed by local storage on a node)
                Path:  /mnt/disks/ssd1
            Events:
              Type     Reason              Age   From                         Message
              ----     ------              ----  ----                         -------
              Warning  VolumeFailedDelete  100s  persistentvolume-controller  error getting deleter volume plugin for volume "local-1": no deletable volume plugin matched
        "#]],
    );
}

#[test]
fn headless_service() {
    let service = object(
        "Service",
        json!({"apiVersion": "v1", "kind": "Service",
        "metadata": {"name": "nginx", "namespace": "default", "labels": {"app": "nginx"}, "creationTimestamp": at(0)},
        "spec": {"clusterIP": "None", "clusterIPs": ["None"], "selector": {"app": "nginx"},
            "ports": [{"name": "web", "port": 80, "protocol": "TCP", "targetPort": 80}]}}),
    );
    let slice = object(
        "EndpointSlice",
        json!({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
        "metadata": {"name": "nginx-7k2xq", "namespace": "default", "labels": {"kubernetes.io/service-name": "nginx"}},
        "addressType": "IPv4",
        "endpoints": [
            {"addresses": ["10.244.1.5"], "conditions": {"ready": true}},
            {"addresses": ["10.244.2.7"], "conditions": {"ready": false}},
            {"addresses": ["10.244.3.9"], "conditions": {"ready": true}}],
        "ports": [{"name": "web", "port": 80, "protocol": "TCP"}]}),
    );
    let world = vec![service.clone(), slice];
    check(
        &service,
        &world,
        expect![[r#"
            Name:                     nginx
            Namespace:                default
            Labels:                   app=nginx
            Annotations:              <none>
            Selector:                 app=nginx
            Type:                     ClusterIP
            IP Family Policy:         SingleStack
            IP Families:              IPv4
            IP:                       None
            IPs:                      None
            Port:                     web  80/TCP
            TargetPort:               80/TCP
            Endpoints:                10.244.1.5:80,10.244.3.9:80
            Session Affinity:         None
            Internal Traffic Policy:  Cluster
            Events:                   <none>
        "#]],
    );
}

#[test]
fn storage_class() {
    let class = object(
        "StorageClass",
        json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
        "metadata": {"name": "standard", "creationTimestamp": at(0),
            "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
        "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer",
        "allowedTopologies": [{"matchLabelExpressions": [{"key": "topology.kubernetes.io/zone", "values": ["zone-a", "zone-b"]}]}]}),
    );
    check(
        &class,
        &[],
        expect![[r#"
            Name:                  standard
            IsDefaultClass:        Yes
            Annotations:           storageclass.kubernetes.io/is-default-class=true
            Provisioner:           rancher.io/local-path
            Parameters:            <none>
            AllowVolumeExpansion:  <unset>
            MountOptions:          <none>
            ReclaimPolicy:         Delete
            VolumeBindingMode:     WaitForFirstConsumer
            AllowedTopologies:     
              Term 0:              topology.kubernetes.io/zone in [zone-a, zone-b]
            Events:                <none>
        "#]],
    );
}

#[test]
fn node_and_namespace() {
    let node = object(
        "Node",
        json!({"apiVersion": "v1", "kind": "Node",
        "metadata": {"name": "node-1", "creationTimestamp": at(0), "labels": {"kubernetes.io/hostname": "node-1"}},
        "spec": {"podCIDR": "10.244.1.0/24", "unschedulable": true,
            "taints": [{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}]},
        "status": {"conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": at(0), "reason": "KubeletReady", "message": "kubelet is posting ready status"}],
            "addresses": [{"type": "InternalIP", "address": "172.18.0.2"}, {"type": "Hostname", "address": "node-1"}],
            "capacity": {"cpu": "4", "memory": "8Gi", "pods": "110"}}}),
    );
    let mut busy = web_pod(0, 540);
    if let Object::Pod(p) = &mut busy {
        p.spec.containers[0].extra.insert(
            "resources".into(),
            stsplay::json::from_str(
                &json!({"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "256Mi"}})
                    .to_string(),
            )
            .expect("JSON"),
        );
    }
    let world = vec![node.clone(), busy, web_pod(1, 560)];
    check(
        &node,
        &world,
        expect![[r#"
            Name:               node-1
            Roles:              <none>
            Labels:             kubernetes.io/hostname=node-1
            Annotations:        <none>
            CreationTimestamp:  Mon, 01 Jan 2024 00:00:00 +0000
            Taints:             node.kubernetes.io/unschedulable:NoSchedule
            Unschedulable:      true
            Conditions:
              Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
              ----    ------  -----------------                 ------------------                ------         -------
              Ready   True    Mon, 01 Jan 0001 00:00:00 +0000   Mon, 01 Jan 2024 00:00:00 +0000   KubeletReady   kubelet is posting ready status
            Addresses:
              InternalIP:  172.18.0.2
              Hostname:    node-1
            Capacity:
              cpu:     4
              memory:  8Gi
              pods:    110
            System Info:
              Machine ID:                 
              System UUID:                
              Boot ID:                    
              Kernel Version:             
              OS Image:                   
              Operating System:           
              Architecture:               
              Container Runtime Version:  
              Kubelet Version:            v1.33.0
              Kube-Proxy Version:         
            PodCIDR:                      10.244.1.0/24
            PodCIDRs:                     10.244.1.0/24
            Non-terminated Pods:          (2 in total)
              Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
              ---------                   ----     ------------  ----------  ---------------  -------------  ---
              default                     web-0    100m (2%)     0 (0%)      128Mi (1%)       256Mi (3%)     60s
              default                     web-1    0 (0%)        0 (0%)      0 (0%)           0 (0%)         40s
            Allocated resources:
              (Total limits may be over 100 percent, i.e., overcommitted.)
              Resource           Requests    Limits
              --------           --------    ------
              cpu                100m (2%)   0 (0%)
              memory             128Mi (1%)  256Mi (3%)
              ephemeral-storage  0 (0%)      0 (0%)
            Events:              <none>
        "#]],
    );
    let namespace = object(
        "Namespace",
        json!({"apiVersion": "v1", "kind": "Namespace",
        "metadata": {"name": "default", "labels": {"kubernetes.io/metadata.name": "default"}}, "status": {"phase": "Active"}}),
    );
    check(
        &namespace,
        &[],
        expect![[r#"
            Name:         default
            Labels:       kubernetes.io/metadata.name=default
            Annotations:  <none>
            Status:       Active

            No resource quota.

            No LimitRange resource.
        "#]],
    );
}

#[test]
fn endpoint_slice() {
    let slice = object(
        "EndpointSlice",
        json!({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
        "metadata": {"name": "nginx-7k2xq", "namespace": "default",
            "labels": {"endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io", "kubernetes.io/service-name": "nginx"}},
        "addressType": "IPv4",
        "endpoints": [
            {"addresses": ["10.244.1.5"], "conditions": {"ready": true, "serving": true, "terminating": false},
                "hostname": "web-0", "nodeName": "node-1", "targetRef": {"kind": "Pod", "namespace": "default", "name": "web-0"}},
            {"addresses": ["10.244.2.7"], "conditions": {"ready": false, "serving": false, "terminating": false},
                "hostname": "web-1", "nodeName": "node-2", "targetRef": {"kind": "Pod", "namespace": "default", "name": "web-1"}}],
        "ports": [{"name": "web", "port": 80, "protocol": "TCP"}]}),
    );
    check(
        &slice,
        &[],
        expect![[r#"
            Name:         nginx-7k2xq
            Namespace:    default
            Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
                          kubernetes.io/service-name=nginx
            Annotations:  <none>
            AddressType:  IPv4
            Ports:
              Name  Port  Protocol
              ----  ----  --------
              web   80    TCP
            Endpoints:
              - Addresses:  10.244.1.5
                Conditions:
                  Ready:    true
                Hostname:   web-0
                TargetRef:  Pod/web-0
                NodeName:   node-1
                Zone:       <unset>
              - Addresses:  10.244.2.7
                Conditions:
                  Ready:    false
                Hostname:   web-1
                TargetRef:  Pod/web-1
                NodeName:   node-2
                Zone:       <unset>
            Events:         <none>
        "#]],
    );
}

#[test]
fn several_objects() {
    let namespaces = [
        object(
            "Namespace",
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "default"}}),
        ),
        object(
            "Namespace",
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system"}}),
        ),
    ];
    let refs: Vec<&Object> = namespaces.iter().collect();
    let options = kubectl::GetOptions::default();
    expect![[r#"
        Name:         default
        Labels:       <none>
        Annotations:  <none>
        Status:       Active

        No resource quota.

        No LimitRange resource.


        Name:         kube-system
        Labels:       <none>
        Annotations:  <none>
        Status:       Active

        No resource quota.

        No LimitRange resource.
    "#]]
    .assert_eq(&kubectl::describe_all(&refs, &refs, &options, NOW));
    expect![[r#"
        No resources found in default namespace.
    "#]]
    .assert_eq(&kubectl::describe_all(&[], &refs, &options, NOW));
    expect![[r#"
        Name:         kube-system
        Labels:       <none>
        Annotations:  <none>
        Status:       Active

        No resource quota.

        No LimitRange resource.

    "#]]
    .assert_eq(&kubectl::describe_matching(&refs, "kube", &refs, NOW).unwrap_or_default());
    assert_eq!(kubectl::describe_matching(&refs, "web", &refs, NOW), None);
}
