//! `kubectl get` output over typed objects: every kind's table, wide form, `-A`, several
//! kinds at once, `-o name|json|yaml`, empty results. Expected text follows kubectl 1.33
//! (behaviour reference §6.2–§6.8 and §7.4).

use expect_test::{expect, Expect};
use serde_json::{json, Value};
use stsplay::manifest::model::*;
use stsplay::present::kubectl::{self, GetOptions, OutputFormat};
use stsplay::time::{rfc3339, EPOCH_MS};

/// "Now" in these tests: ten minutes after the simulation epoch.
const NOW: i64 = EPOCH_MS + 600_000;

/// A timestamp `seconds` after the epoch.
fn at(seconds: i64) -> String {
    rfc3339(EPOCH_MS + seconds * 1000)
}

fn object(kind: &str, value: Value) -> Object {
    let kind = Kind::from_name(kind).unwrap_or_else(|| panic!("no fixture kind {kind}"));
    let value = stsplay::json::from_str(&value.to_string()).expect("JSON");
    Object::from_json(kind, value).expect("fixture matches the model")
}

/// A pod of the `web` StatefulSet; `state` is `running`, `ready`, `pending`,
/// `creating`, `crash` or `completed`.
fn pod(name: &str, state: &str, created: i64) -> Object {
    let running = json!({"running": {"startedAt": at(created + 5)}});
    let (phase, statuses, ready) = match state {
        "ready" => (
            "Running",
            json!([{"name": "nginx", "ready": true, "restartCount": 0, "image": "registry.k8s.io/nginx-slim:0.21", "state": running}]),
            true,
        ),
        "running" => (
            "Running",
            json!([{"name": "nginx", "ready": false, "restartCount": 0, "image": "registry.k8s.io/nginx-slim:0.21", "state": running}]),
            false,
        ),
        "creating" => (
            "Pending",
            json!([{"name": "nginx", "ready": false, "restartCount": 0, "image": "registry.k8s.io/nginx-slim:0.21", "state": {"waiting": {"reason": "ContainerCreating"}}}]),
            false,
        ),
        "crash" => (
            "Running",
            json!([{"name": "nginx", "ready": false, "restartCount": 4, "image": "registry.k8s.io/nginx-slim:0.21", "state": {"waiting": {"reason": "CrashLoopBackOff"}},
                "lastState": {"terminated": {"exitCode": 1, "reason": "Error", "startedAt": at(400), "finishedAt": at(408)}}}]),
            false,
        ),
        _ => ("Pending", json!([]), false),
    };
    let scheduled = state != "pending";
    let mut value = json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": name,
            "namespace": "default",
            "uid": format!("uid-{name}"),
            "creationTimestamp": at(created),
            "labels": {"app": "nginx"},
            "ownerReferences": [{"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "uid-web", "controller": true, "blockOwnerDeletion": true}]
        },
        "spec": {
            "containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.21", "ports": [{"name": "web", "containerPort": 80}]}],
            "hostname": name,
            "subdomain": "nginx"
        },
        "status": {
            "phase": phase,
            "conditions": [{"type": "Ready", "status": if ready { "True" } else { "False" }}],
            "containerStatuses": statuses
        }
    });
    if scheduled {
        value["spec"]["nodeName"] = json!("node-1");
    }
    let mut pod = object("Pod", value);
    // IPs are set on the typed status, whatever the model's JSON field names.
    if let Object::Pod(p) = &mut pod {
        if let Some(status) = p.status.as_mut().filter(|_| scheduled) {
            status.host_ip = Some("172.18.0.2".into());
            if state != "creating" {
                status.pod_ip = Some("10.244.1.5".into());
                status.pod_ips = vec![PodIp {
                    ip: "10.244.1.5".into(),
                }];
            }
        }
    }
    pod
}

fn options(output: OutputFormat) -> GetOptions {
    GetOptions {
        output,
        ..GetOptions::default()
    }
}

fn check_get(kind: Kind, objects: &[Object], options: &GetOptions, expect: Expect) {
    let refs: Vec<&Object> = objects.iter().collect();
    expect.assert_eq(&kubectl::get(kind, &refs, options, NOW));
}

#[test]
fn pods_plain_and_wide() {
    let pods = [pod("web-0", "ready", 0), pod("web-1", "pending", 595)];
    check_get(
        Kind::Pod,
        &pods,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          10m
            web-1   0/1     Pending   0          5s
        "#]],
    );
    check_get(
        Kind::Pod,
        &pods,
        &options(OutputFormat::Wide),
        expect![[r#"
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          10m   10.244.1.5   node-1   <none>           <none>
            web-1   0/1     Pending   0          5s    <none>       <none>   <none>           <none>
        "#]],
    );
}

#[test]
fn pod_status_column() {
    let mut terminating = pod("terminating", "ready", 0);
    terminating.meta_mut().deletion_timestamp = Some(at(630));
    let mut node_lost = pod("node-lost", "ready", 0);
    node_lost.meta_mut().deletion_timestamp = Some(at(630));
    if let Object::Pod(p) = &mut node_lost {
        if let Some(status) = p.status.as_mut() {
            status.reason = Some("NodeLost".into());
        }
    }
    let mut completed_ready = pod("sidecar-ready", "ready", 0);
    let mut completed_not_ready = pod("sidecar-not-ready", "ready", 0);
    for (p, ready) in [
        (&mut completed_ready, "True"),
        (&mut completed_not_ready, "False"),
    ] {
        if let Object::Pod(p) = p {
            p.spec.containers.insert(
                0,
                Container {
                    name: "init".into(),
                    ..Container::default()
                },
            );
            if let Some(status) = p.status.as_mut() {
                status.conditions[0].status = ready.into();
                status.container_statuses.push(ContainerStatus {
                    name: "done".into(),
                    state: ContainerState {
                        terminated: Some(ContainerStateDetail {
                            reason: Some("Completed".into()),
                            exit_code: Some(0),
                            ..ContainerStateDetail::default()
                        }),
                        ..ContainerState::default()
                    },
                    ..ContainerStatus::default()
                });
            }
        }
    }
    // Two containers restarted: RESTARTS adds their counts and tells the latest previous
    // run's end, whichever container it was. A previous run with no restart counted (a
    // status written by hand) or without an end time leaves the plain count.
    let mut restarted = pod("restarted", "ready", 0);
    let mut no_count = pod("no-count", "ready", 0);
    let mut no_end = pod("no-end", "crash", 0);
    let previous = |finished: Option<i64>| ContainerState {
        terminated: Some(ContainerStateDetail {
            reason: Some("Error".into()),
            exit_code: Some(137),
            started_at: Some(at(60)),
            finished_at: finished.map(at),
            ..ContainerStateDetail::default()
        }),
        ..ContainerState::default()
    };
    for (p, finished, restarts) in [
        (&mut restarted, [Some(100), Some(590)], [2, 1]),
        (&mut no_count, [Some(100), Some(590)], [0, 0]),
        (&mut no_end, [None, None], [4, 0]),
    ] {
        if let Object::Pod(p) = p {
            p.spec.containers.push(Container {
                name: "sidecar".into(),
                ..Container::default()
            });
            let status = p.status.get_or_insert_with(PodStatus::default);
            let first = status.container_statuses[0].clone();
            status.container_statuses.push(ContainerStatus {
                name: "sidecar".into(),
                ..first
            });
            for ((c, finished), restarts) in status
                .container_statuses
                .iter_mut()
                .zip(finished)
                .zip(restarts)
            {
                c.last_state = previous(finished);
                c.restart_count = restarts;
            }
        }
    }
    // FIXME: kubectl prints `Init:…` statuses from `initContainerStatuses`, which the
    // model does not have yet.
    let pods = [
        terminating,
        node_lost,
        pod("creating", "creating", 598),
        pod("crash", "crash", 0),
        pod("not-ready", "running", 0),
        completed_ready,
        completed_not_ready,
        restarted,
        no_count,
        no_end,
    ];
    check_get(
        Kind::Pod,
        &pods,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME                READY   STATUS              RESTARTS        AGE
            terminating         1/1     Terminating         0               10m
            node-lost           1/1     Unknown             0               10m
            creating            0/1     ContainerCreating   0               2s
            crash               0/1     CrashLoopBackOff    4 (3m12s ago)   10m
            not-ready           0/1     Running             0               10m
            sidecar-ready       1/2     Running             0               10m
            sidecar-not-ready   1/2     NotReady            0               10m
            restarted           2/2     Running             3 (10s ago)     10m
            no-count            2/2     Running             0               10m
            no-end              0/2     CrashLoopBackOff    4               10m
        "#]],
    );
}

fn stateful_set(ready: i64) -> Object {
    object(
        "StatefulSet",
        json!({
            "apiVersion": "apps/v1",
            "kind": "StatefulSet",
            "metadata": {"name": "web", "namespace": "default", "uid": "uid-web", "creationTimestamp": at(0), "generation": 1},
            "spec": {
                "replicas": 2,
                "serviceName": "nginx",
                "selector": {"matchLabels": {"app": "nginx"}},
                "template": {
                    "metadata": {"labels": {"app": "nginx"}},
                    "spec": {"containers": [{"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.21", "ports": [{"name": "web", "containerPort": 80}], "volumeMounts": [{"name": "www", "mountPath": "/usr/share/nginx/html"}]}]}
                },
                "volumeClaimTemplates": [{"metadata": {"name": "www"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]
            },
            "status": {"observedGeneration": 1, "replicas": 2, "readyReplicas": ready, "currentReplicas": 2, "updatedReplicas": 2}
        }),
    )
}

#[test]
fn statefulsets_and_revisions() {
    check_get(
        Kind::StatefulSet,
        &[stateful_set(1)],
        &options(OutputFormat::Table),
        expect![[r#"
            NAME   READY   AGE
            web    1/2     10m
        "#]],
    );
    check_get(
        Kind::StatefulSet,
        &[stateful_set(2)],
        &options(OutputFormat::Wide),
        expect![[r#"
            NAME   READY   AGE   CONTAINERS   IMAGES
            web    2/2     10m   nginx        registry.k8s.io/nginx-slim:0.21
        "#]],
    );
    let revision = object(
        "ControllerRevision",
        json!({
            "apiVersion": "apps/v1",
            "kind": "ControllerRevision",
            "metadata": {"name": "web-6749b5c6b9", "namespace": "default", "creationTimestamp": at(300),
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "uid-web", "controller": true}]},
            "data": {},
            "revision": 1
        }),
    );
    check_get(
        Kind::ControllerRevision,
        &[revision],
        &options(OutputFormat::Table),
        expect![[r#"
            NAME             CONTROLLER             REVISION   AGE
            web-6749b5c6b9   statefulset.apps/web   1          5m
        "#]],
    );
}

fn service(name: &str, spec: Value) -> Object {
    object(
        "Service",
        json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": name, "namespace": "default", "creationTimestamp": at(0)},
            "spec": spec}),
    )
}

#[test]
fn services() {
    let services = [
        service(
            "kubernetes",
            json!({"type": "ClusterIP", "clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"], "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443}]}),
        ),
        service(
            "nginx",
            json!({"clusterIP": "None", "clusterIPs": ["None"], "selector": {"app": "nginx"}, "ports": [{"name": "web", "port": 80}]}),
        ),
        service(
            "web-np",
            json!({"type": "NodePort", "clusterIP": "10.96.7.12", "selector": {"app": "nginx", "tier": "web"}, "ports": [{"port": 80, "nodePort": 30080, "protocol": "TCP"}]}),
        ),
        service(
            "web-lb",
            json!({"type": "LoadBalancer", "clusterIP": "10.96.7.13", "ports": [{"port": 80}, {"port": 443}]}),
        ),
        service(
            "db",
            json!({"type": "ExternalName", "externalName": "db.example.com"}),
        ),
    ];
    check_get(
        Kind::Service,
        &services,
        &options(OutputFormat::Wide),
        expect![[r#"
            NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)          AGE   SELECTOR
            kubernetes   ClusterIP      10.96.0.1    <none>           443/TCP          10m   <none>
            nginx        ClusterIP      None         <none>           80/TCP           10m   app=nginx
            web-np       NodePort       10.96.7.12   <none>           80:30080/TCP     10m   app=nginx,tier=web
            web-lb       LoadBalancer   10.96.7.13   <pending>        80/TCP,443/TCP   10m   <none>
            db           ExternalName   <none>       db.example.com   <none>           10m   <none>
        "#]],
    );
    // §7.4 case 150.
    check_get(
        Kind::Service,
        &services[1..2],
        &options(OutputFormat::Table),
        expect![[r#"
            NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            nginx   ClusterIP   None         <none>        80/TCP    10m
        "#]],
    );
}

fn volume(name: &str, phase: &str, claim: Option<&str>, policy: &str) -> Object {
    let mut value = json!({"apiVersion": "v1", "kind": "PersistentVolume",
        "metadata": {"name": name, "creationTimestamp": at(480)},
        "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce", "ReadWriteMany"],
            "persistentVolumeReclaimPolicy": policy, "storageClassName": "standard",
            "hostPath": {"path": format!("/data/{name}")}},
        "status": {"phase": phase}});
    if let Some(claim) = claim {
        value["spec"]["claimRef"] =
            json!({"kind": "PersistentVolumeClaim", "namespace": "default", "name": claim});
    }
    object("PersistentVolume", value)
}

fn claim(name: &str, volume: Option<&str>) -> Object {
    let mut value = json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
        "metadata": {"name": name, "namespace": "default", "creationTimestamp": at(597), "labels": {"app": "nginx"}},
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}, "storageClassName": "standard"},
        "status": {"phase": "Pending"}});
    if let Some(volume) = volume {
        value["spec"]["volumeName"] = json!(volume);
        value["status"] = json!({"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "10Gi"}});
    }
    object("PersistentVolumeClaim", value)
}

#[test]
fn persistent_volumes() {
    let mut deleting = volume("pv-deleting", "Bound", Some("www-web-2"), "Delete");
    deleting.meta_mut().deletion_timestamp = Some(at(590));
    // §7.4 case 149: a Retain volume whose claim is gone keeps its claimRef.
    let volumes = [
        volume("pv1", "Bound", Some("www-web-0"), "Delete"),
        volume("pv2", "Released", Some("www-web-1"), "Retain"),
        volume("pv3", "Available", None, "Retain"),
        deleting,
    ];
    check_get(
        Kind::PersistentVolume,
        &volumes,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME          CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS        CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
            pv1           10Gi       RWO,RWX        Delete           Bound         default/www-web-0   standard       <unset>                          2m
            pv2           10Gi       RWO,RWX        Retain           Released      default/www-web-1   standard       <unset>                          2m
            pv3           10Gi       RWO,RWX        Retain           Available                         standard       <unset>                          2m
            pv-deleting   10Gi       RWO,RWX        Delete           Terminating   default/www-web-2   standard       <unset>                          2m
        "#]],
    );
    check_get(
        Kind::PersistentVolume,
        &volumes[2..3],
        &options(OutputFormat::Wide),
        expect![[r#"
            NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE   VOLUMEMODE
            pv3    10Gi       RWO,RWX        Retain           Available           standard       <unset>                          2m    Filesystem
        "#]],
    );
}

#[test]
fn persistent_volume_claims() {
    // §7.4 case 148: blanks while Pending, the volume's size once bound, Terminating.
    let mut deleting = claim("www-web-2", Some("pv3"));
    deleting.meta_mut().deletion_timestamp = Some(at(599));
    let claims = [
        claim("www-web-0", Some("pv1")),
        claim("www-web-1", None),
        deleting,
    ];
    check_get(
        Kind::PersistentVolumeClaim,
        &claims,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME        STATUS        VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound         pv1      10Gi       RWO            standard       <unset>                 3s
            www-web-1   Pending                                          standard       <unset>                 3s
            www-web-2   Terminating   pv3      10Gi       RWO            standard       <unset>                 3s
        "#]],
    );
    check_get(
        Kind::PersistentVolumeClaim,
        &claims[..1],
        &options(OutputFormat::Wide),
        expect![[r#"
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE
            www-web-0   Bound    pv1      10Gi       RWO            standard       <unset>                 3s    Filesystem
        "#]],
    );
}

#[test]
fn storage_classes() {
    // §7.4 case 156.
    let classes = [
        object(
            "StorageClass",
            json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": {"name": "standard", "creationTimestamp": rfc3339(NOW - 10 * 86_400_000),
                "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
            "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer"}),
        ),
        object(
            "StorageClass",
            json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": {"name": "gsh-pv", "creationTimestamp": at(0)},
            "provisioner": "kubernetes.io/no-provisioner", "allowVolumeExpansion": true}),
        ),
    ];
    check_get(
        Kind::StorageClass,
        &classes,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME                 PROVISIONER                    RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
            standard (default)   rancher.io/local-path          Delete          WaitForFirstConsumer   false                  10d
            gsh-pv               kubernetes.io/no-provisioner   Delete          Immediate              true                   10m
        "#]],
    );
}

fn slice(
    name: &str,
    service: &str,
    ready: &[&str],
    not_ready: &[&str],
    port: Option<i64>,
) -> Object {
    let mut endpoints: Vec<Value> = ready
        .iter()
        .map(|ip| json!({"addresses": [ip], "conditions": {"ready": true, "serving": true, "terminating": false}}))
        .collect();
    endpoints.extend(not_ready.iter().map(|ip| {
        json!({"addresses": [ip], "conditions": {"ready": false, "serving": false, "terminating": false}})
    }));
    let ports = match port {
        Some(port) => json!([{"name": "web", "port": port, "protocol": "TCP"}]),
        None => json!([]),
    };
    object(
        "EndpointSlice",
        json!({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
        "metadata": {"name": name, "namespace": "default", "creationTimestamp": at(300),
            "labels": {"kubernetes.io/service-name": service}},
        "addressType": "IPv4", "endpoints": endpoints, "ports": ports}),
    )
}

/// The Services and EndpointSlices among these objects, as `get_endpoints` takes them.
fn services_and_slices<'a>(
    services: &'a [Object],
    slices: &'a [Object],
) -> (Vec<&'a Service>, Vec<&'a EndpointSlice>) {
    let services = services
        .iter()
        .filter_map(|o| match o {
            Object::Service(s) => Some(s),
            _ => None,
        })
        .collect();
    let slices = slices
        .iter()
        .filter_map(|o| match o {
            Object::EndpointSlice(s) => Some(s),
            _ => None,
        })
        .collect();
    (services, slices)
}

#[test]
fn endpoint_slices_and_endpoints() {
    let slices = [
        slice(
            "nginx-7k2xq",
            "nginx",
            &["10.244.1.5", "10.244.2.7", "10.244.3.9"],
            &[],
            Some(80),
        ),
        slice(
            "big-abcde",
            "big",
            &["10.244.1.6", "10.244.1.7", "10.244.2.8", "10.244.3.1"],
            &["10.244.3.2"],
            Some(80),
        ),
        slice("empty-fghij", "empty", &[], &["10.244.9.9"], Some(80)),
        slice("bare-klmno", "bare", &[], &[], None),
    ];
    // §7.4 case 151: slices list ready and not-ready addresses alike.
    check_get(
        Kind::EndpointSlice,
        &slices,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME          ADDRESSTYPE   PORTS     ENDPOINTS                                      AGE
            nginx-7k2xq   IPv4          80        10.244.1.5,10.244.2.7,10.244.3.9               5m
            big-abcde     IPv4          80        10.244.1.6,10.244.1.7,10.244.2.8 + 2 more...   5m
            empty-fghij   IPv4          80        10.244.9.9                                     5m
            bare-klmno    IPv4          <unset>   <unset>                                        5m
        "#]],
    );
    let services = [
        service(
            "nginx",
            json!({"clusterIP": "None", "selector": {"app": "nginx"}, "ports": [{"port": 80}]}),
        ),
        service(
            "big",
            json!({"clusterIP": "10.96.0.20", "selector": {"app": "big"}, "ports": [{"port": 80}]}),
        ),
        service(
            "empty",
            json!({"clusterIP": "10.96.0.21", "selector": {"app": "empty"}, "ports": [{"port": 80}]}),
        ),
        service(
            "nothing",
            json!({"clusterIP": "10.96.0.22", "selector": {"app": "none"}, "ports": [{"port": 80}]}),
        ),
        service(
            "manual",
            json!({"clusterIP": "10.96.0.23", "ports": [{"port": 80}]}),
        ),
    ];
    let (service_refs, slice_refs) = services_and_slices(&services, &slices);
    // §7.4 case 151: 3 ready `ip:80` then ` + N more...`; `<none>` without endpoints.
    expect![[r#"
        NAME      ENDPOINTS                                               AGE
        nginx     10.244.1.5:80,10.244.2.7:80,10.244.3.9:80               10m
        big       10.244.1.6:80,10.244.1.7:80,10.244.2.8:80 + 1 more...   10m
        empty                                                             10m
        nothing   <none>                                                  10m
    "#]]
    .assert_eq(&kubectl::get_endpoints(
        &service_refs,
        &slice_refs,
        &options(OutputFormat::Table),
        NOW,
    ));
    expect![[r#"
        endpoints/nginx
        endpoints/big
        endpoints/empty
        endpoints/nothing
    "#]]
    .assert_eq(&kubectl::get_endpoints(
        &service_refs,
        &slice_refs,
        &options(OutputFormat::Name),
        NOW,
    ));
}

#[test]
fn endpoints_gather_every_slice_of_a_service_by_its_ports() {
    // A Service over 100 endpoints has several slices, and pods whose named port resolves
    // differently have slices of their own: the Endpoints view has one subset per set of
    // ports, each address with its subset's port.
    let slices = [
        slice(
            "split-aaaaa",
            "split",
            &["10.244.1.2", "10.244.1.1"],
            &[],
            Some(8080),
        ),
        slice("split-bbbbb", "split", &["10.244.2.1"], &[], Some(9090)),
        slice(
            "split-ccccc",
            "split",
            &["10.244.1.3"],
            &["10.244.1.4"],
            Some(8080),
        ),
        slice("two-aaaaa", "two", &["10.244.5.1"], &[], Some(8080)),
        slice("two-bbbbb", "two", &["10.244.6.1"], &[], Some(9090)),
    ];
    let services = [
        service(
            "split",
            json!({"clusterIP": "10.96.0.30", "selector": {"app": "split"}, "ports": [{"port": 80, "targetPort": "http"}]}),
        ),
        service(
            "two",
            json!({"clusterIP": "10.96.0.31", "selector": {"app": "two"}, "ports": [{"port": 80, "targetPort": "http"}]}),
        ),
    ];
    let (service_refs, slice_refs) = services_and_slices(&services, &slices);
    expect![[r#"
        NAME    ENDPOINTS                                                     AGE
        split   10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 1 more...   10m
        two     10.244.5.1:8080,10.244.6.1:9090                               10m
    "#]]
    .assert_eq(&kubectl::get_endpoints(
        &service_refs,
        &slice_refs,
        &options(OutputFormat::Table),
        NOW,
    ));
}

fn node(name: &str, ready: &str, unschedulable: bool, labels: Value) -> Object {
    object(
        "Node",
        json!({"apiVersion": "v1", "kind": "Node",
        "metadata": {"name": name, "creationTimestamp": at(0), "labels": labels},
        "spec": {"unschedulable": unschedulable, "podCIDR": "10.244.1.0/24"},
        "status": {"conditions": [{"type": "Ready", "status": ready}],
            "addresses": [{"type": "InternalIP", "address": "172.18.0.2"}, {"type": "Hostname", "address": name}]}}),
    )
}

#[test]
fn nodes_and_namespaces() {
    let nodes = [
        node(
            "control-plane",
            "True",
            false,
            json!({"node-role.kubernetes.io/control-plane": ""}),
        ),
        node("node-1", "True", true, json!({})),
        node(
            "node-2",
            "False",
            false,
            json!({"kubernetes.io/role": "worker"}),
        ),
    ];
    check_get(
        Kind::Node,
        &nodes,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME            STATUS                     ROLES           AGE   VERSION
            control-plane   Ready                      control-plane   10m   v1.33.0
            node-1          Ready,SchedulingDisabled   <none>          10m   v1.33.0
            node-2          NotReady                   worker          10m   v1.33.0
        "#]],
    );
    check_get(
        Kind::Node,
        &nodes[1..2],
        &options(OutputFormat::Wide),
        expect![[r#"
            NAME     STATUS                     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE    KERNEL-VERSION   CONTAINER-RUNTIME
            node-1   Ready,SchedulingDisabled   <none>   10m   v1.33.0   172.18.0.2    <none>        <unknown>   <unknown>        <unknown>
        "#]],
    );
    let namespaces = [
        object(
            "Namespace",
            json!({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": "default", "creationTimestamp": at(0)}, "status": {"phase": "Active"}}),
        ),
        object(
            "Namespace",
            json!({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": "kube-system", "creationTimestamp": at(0)}}),
        ),
    ];
    check_get(
        Kind::Namespace,
        &namespaces,
        &options(OutputFormat::Table),
        expect![[r#"
            NAME          STATUS   AGE
            default       Active   10m
            kube-system   Active   10m
        "#]],
    );
}

/// An event about `kind/object_name`, first and last seen at those seconds.
#[allow(clippy::too_many_arguments)]
fn event(
    name: &str,
    kind: &str,
    object_name: &str,
    reason: &str,
    message: &str,
    type_: &str,
    first: i64,
    last: i64,
    count: i64,
) -> Object {
    object(
        "Event",
        json!({"apiVersion": "v1", "kind": "Event",
        "metadata": {"name": name, "namespace": "default", "creationTimestamp": at(first)},
        "involvedObject": {"kind": kind, "namespace": "default", "name": object_name, "apiVersion": "v1"},
        "reason": reason, "message": message, "type": type_,
        "source": {"component": "statefulset-controller"},
        "firstTimestamp": at(first), "lastTimestamp": at(last), "count": count}),
    )
}

#[test]
fn events_in_the_order_given() {
    let events = [
        event(
            "web.1",
            "StatefulSet",
            "web",
            "SuccessfulCreate",
            "create Claim www-web-0 Pod web-0 in StatefulSet web success",
            "Normal",
            480,
            480,
            1,
        ),
        event(
            "web.2",
            "StatefulSet",
            "web",
            "SuccessfulCreate",
            "create Pod web-0 in StatefulSet web successful",
            "Normal",
            480,
            480,
            1,
        ),
        event(
            "www-web-1.1",
            "PersistentVolumeClaim",
            "www-web-1",
            "FailedBinding",
            "no persistent volumes available for this claim and no storage class is set",
            "Normal",
            30,
            590,
            38,
        ),
    ];
    check_get(
        Kind::Event,
        &events,
        &options(OutputFormat::Table),
        expect![[r#"
            LAST SEEN   TYPE     REASON             OBJECT                            MESSAGE
            2m          Normal   SuccessfulCreate   statefulset/web                   create Claim www-web-0 Pod web-0 in StatefulSet web success
            2m          Normal   SuccessfulCreate   statefulset/web                   create Pod web-0 in StatefulSet web successful
            10s         Normal   FailedBinding      persistentvolumeclaim/www-web-1   no persistent volumes available for this claim and no storage class is set
        "#]],
    );
    check_get(
        Kind::Event,
        &events[2..],
        &GetOptions {
            all_namespaces: true,
            ..options(OutputFormat::Wide)
        },
        expect![[r#"
            NAMESPACE   LAST SEEN   TYPE     REASON          OBJECT                            SUBOBJECT   SOURCE                   MESSAGE                                                                      FIRST SEEN   COUNT   NAME
            default     10s         Normal   FailedBinding   persistentvolumeclaim/www-web-1               statefulset-controller   no persistent volumes available for this claim and no storage class is set   9m30s        38      www-web-1.1
        "#]],
    );
}

#[test]
fn all_namespaces_and_several_kinds() {
    let objects = [pod("web-0", "ready", 0), claim("www-web-0", Some("pv1"))];
    let pods: Vec<&Object> = objects[..1].iter().collect();
    let claims: Vec<&Object> = objects[1..].iter().collect();
    let groups = [
        (Kind::Pod, pods.clone()),
        (Kind::PersistentVolumeClaim, claims),
    ];
    let several = GetOptions {
        show_kind: true,
        ..options(OutputFormat::Table)
    };
    expect![[r#"
        NAME        READY   STATUS    RESTARTS   AGE
        pod/web-0   1/1     Running   0          10m

        NAME                              STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
        persistentvolumeclaim/www-web-0   Bound    pv1      10Gi       RWO            standard       <unset>                 3s
    "#]]
    .assert_eq(&kubectl::get_kinds(&groups, &several, NOW));
    expect![[r#"
        pod/web-0
        persistentvolumeclaim/www-web-0
    "#]]
    .assert_eq(&kubectl::get_kinds(
        &groups,
        &options(OutputFormat::Name),
        NOW,
    ));
    check_get(
        Kind::Pod,
        &objects[..1],
        &GetOptions {
            all_namespaces: true,
            ..options(OutputFormat::Table)
        },
        expect![[r#"
            NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE
            default     web-0   1/1     Running   0          10m
        "#]],
    );
}

#[test]
fn names() {
    let objects = [
        stateful_set(2),
        pod("web-0", "ready", 0),
        claim("www-web-0", Some("pv1")),
        volume("pv1", "Bound", Some("www-web-0"), "Retain"),
        slice("nginx-7k2xq", "nginx", &[], &[], None),
        object(
            "StorageClass",
            json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": {"name": "x"}, "provisioner": "p"}),
        ),
    ];
    let names: String = objects
        .iter()
        .map(|o| format!("{}\n", kubectl::resource_name(o)))
        .collect();
    expect![[r#"
        statefulset.apps/web
        pod/web-0
        persistentvolumeclaim/www-web-0
        persistentvolume/pv1
        endpointslice.discovery.k8s.io/nginx-7k2xq
        storageclass.storage.k8s.io/x
    "#]]
    .assert_eq(&names);
}

#[test]
fn nothing_found() {
    check_get(
        Kind::Pod,
        &[],
        &options(OutputFormat::Table),
        expect![[r#"
            No resources found in default namespace.
        "#]],
    );
    check_get(
        Kind::PersistentVolume,
        &[],
        &options(OutputFormat::Table),
        expect![[r#"
            No resources found
        "#]],
    );
    check_get(
        Kind::Pod,
        &[],
        &GetOptions {
            all_namespaces: true,
            ..options(OutputFormat::Table)
        },
        expect![[r#"
            No resources found
        "#]],
    );
    check_get(Kind::Pod, &[], &options(OutputFormat::Name), expect![[""]]);
    check_get(
        Kind::Pod,
        &[],
        &options(OutputFormat::Json),
        expect![[r#"
            {
                "apiVersion": "v1",
                "items": [],
                "kind": "List",
                "metadata": {
                    "resourceVersion": ""
                }
            }
        "#]],
    );
    check_get(
        Kind::Pod,
        &[],
        &options(OutputFormat::Yaml),
        expect![[r#"
            apiVersion: v1
            items: []
            kind: List
            metadata:
              resourceVersion: ""
        "#]],
    );
}

#[test]
fn json_of_one_object_and_of_a_list() {
    let class = object(
        "StorageClass",
        json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
        "metadata": {"name": "fast", "annotations": {"note": "a<b & c>d"}},
        "provisioner": "ebs.csi.aws.com", "parameters": {"type": "gp3"}}),
    );
    let single = GetOptions {
        single_item: true,
        ..options(OutputFormat::Json)
    };
    check_get(
        Kind::StorageClass,
        std::slice::from_ref(&class),
        &single,
        expect![[r#"
            {
                "apiVersion": "storage.k8s.io/v1",
                "kind": "StorageClass",
                "metadata": {
                    "annotations": {
                        "note": "a\u003cb \u0026 c\u003ed"
                    },
                    "name": "fast"
                },
                "parameters": {
                    "type": "gp3"
                },
                "provisioner": "ebs.csi.aws.com"
            }
        "#]],
    );
    let list = kubectl::get(
        Kind::StorageClass,
        &[&class],
        &options(OutputFormat::Json),
        NOW,
    );
    assert!(list.starts_with("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n            \"apiVersion\": \"storage.k8s.io/v1\","));
    assert!(list.ends_with("    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"));
    let yaml = kubectl::get(
        Kind::StorageClass,
        &[&class],
        &options(OutputFormat::Yaml),
        NOW,
    );
    assert!(yaml.starts_with("apiVersion: v1\nitems:\n- "), "{yaml}");
    assert!(
        yaml.contains("\n  provisioner: ebs.csi.aws.com\n"),
        "{yaml}"
    );
    assert!(
        yaml.ends_with("kind: List\nmetadata:\n  resourceVersion: \"\"\n"),
        "{yaml}"
    );
}

/// The STATUS a `kubectl get pods --watch` shows at each stage of a StatefulSet pod's life
/// (§6.2: Pending, Pending, ContainerCreating, Running, then Terminating and, since 1.27,
/// Completed once the kubelet has set a terminal phase).
#[test]
fn pod_lifecycle_watch_lines() {
    let created = pod("web-0", "pending", 600);
    let mut scheduled = pod("web-0", "pending", 600);
    if let Object::Pod(p) = &mut scheduled {
        p.spec.node_name = Some("node-1".into());
    }
    let creating = pod("web-0", "creating", 600);
    let running = pod("web-0", "ready", 581);
    let mut terminating_ready = pod("web-0", "ready", 0);
    terminating_ready.meta_mut().deletion_timestamp = Some(at(630));
    let mut terminating = terminating_ready.clone();
    if let Object::Pod(p) = &mut terminating {
        if let Some(status) = p.status.as_mut() {
            status.conditions[0].status = "False".into();
            status.container_statuses[0].ready = false;
            status.container_statuses[0].state = ContainerState {
                terminated: Some(ContainerStateDetail {
                    reason: Some("Completed".into()),
                    exit_code: Some(0),
                    ..ContainerStateDetail::default()
                }),
                ..ContainerState::default()
            };
        }
    }
    let mut completed = terminating.clone();
    if let Object::Pod(p) = &mut completed {
        if let Some(status) = p.status.as_mut() {
            status.phase = Some("Succeeded".into());
        }
    }
    let stages = [
        ("created", created),
        ("scheduled", scheduled),
        ("creating", creating),
        ("running", running),
        ("deleted", terminating_ready),
        ("stopped", terminating),
        ("terminal", completed),
    ];
    let text: String = stages
        .iter()
        .map(|(stage, object)| {
            let Object::Pod(p) = object else {
                return String::new();
            };
            let (status, ready, restarts) = kubectl::pod_status(p);
            format!("{stage:<10}{ready:<6}{status:<19}{restarts}\n")
        })
        .collect();
    expect![[r#"
        created   0/1   Pending            0
        scheduled 0/1   Pending            0
        creating  0/1   ContainerCreating  0
        running   1/1   Running            0
        deleted   1/1   Terminating        0
        stopped   0/1   Terminating        0
        terminal  0/1   Completed          0
    "#]]
    .assert_eq(&text);
}

/// Outputs of the StatefulSet tutorial (§6.14) for the same objects.
#[test]
fn tutorial_outputs() {
    let mut nginx = service(
        "nginx",
        json!({"clusterIP": "None", "clusterIPs": ["None"], "selector": {"app": "nginx"}, "ports": [{"name": "web", "port": 80, "protocol": "TCP"}]}),
    );
    nginx.meta_mut().creation_timestamp = Some(rfc3339(NOW - 12_000));
    let mut web = stateful_set(2);
    web.meta_mut().creation_timestamp = Some(rfc3339(NOW - 37_000));
    let cases = [
        ("kubectl get service nginx", Kind::Service, nginx),
        ("kubectl get statefulset web", Kind::StatefulSet, web),
    ];
    let text: String = cases
        .iter()
        .map(|(command, kind, object)| {
            format!(
                "$ {command}\n{}",
                kubectl::get(*kind, &[object], &options(OutputFormat::Table), NOW)
            )
        })
        .collect();
    expect![[r#"
        $ kubectl get service nginx
        NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
        nginx   ClusterIP   None         <none>        80/TCP    12s
        $ kubectl get statefulset web
        NAME   READY   AGE
        web    2/2     37s
    "#]]
    .assert_eq(&text);
}

/// `kubectl get pods --watch -l app=nginx` while the StatefulSet creates web-0 (§6.2):
/// the header comes with the first row and columns widen once `ContainerCreating` shows.
#[test]
fn watch_pods_being_created() {
    let created = pod("web-0", "pending", 600);
    let mut scheduled = created.clone();
    if let Object::Pod(p) = &mut scheduled {
        p.spec.node_name = Some("node-1".into());
    }
    let creating = pod("web-0", "creating", 600);
    let running = pod("web-0", "ready", 600);
    let web_1 = pod("web-1", "pending", 620);
    let changes = [
        (&created, NOW),
        (&scheduled, NOW),
        (&creating, NOW),
        (&running, NOW + 19_000),
        (&web_1, NOW + 20_000),
    ];
    expect![[r#"
        NAME    READY   STATUS    RESTARTS   AGE
        web-0   0/1     Pending   0          0s
        web-0   0/1     Pending   0          0s
        web-0   0/1     ContainerCreating   0          0s
        web-0   1/1     Running             0          19s
        web-1   0/1     Pending             0          0s
    "#]]
    .assert_eq(&kubectl::get_watch(
        Kind::Pod,
        &[],
        &changes,
        &options(OutputFormat::Table),
        NOW,
    ));
    let existing = pod("web-0", "ready", 0);
    let mut deleting = existing.clone();
    deleting.meta_mut().deletion_timestamp = Some(at(630));
    expect![[r#"
        NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
        web-0   1/1     Running   0          10m   10.244.1.5   node-1   <none>           <none>
        web-0   1/1     Terminating   0          10m   10.244.1.5   node-1   <none>           <none>
    "#]].assert_eq(&kubectl::get_watch(
        Kind::Pod,
        &[&existing],
        &[(&deleting, NOW)],
        &options(OutputFormat::Wide),
        NOW,
    ));
}

#[test]
fn yaml_of_one_named_object_is_the_manifest_printer() {
    let class = object(
        "StorageClass",
        json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
        "metadata": {"name": "fast"}, "provisioner": "ebs.csi.aws.com"}),
    );
    let single = GetOptions {
        single_item: true,
        ..options(OutputFormat::Yaml)
    };
    assert_eq!(
        kubectl::get(Kind::StorageClass, &[&class], &single, NOW),
        stsplay::manifest::to_yaml(&class)
    );
    let table = kubectl::get_table(
        Kind::StorageClass,
        &[&class],
        &options(OutputFormat::Table),
        NOW,
    );
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.columns.len(), 6);
}
