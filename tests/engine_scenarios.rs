//! Scenario tests of the simulation through one driver: manifests and commands in, the
//! transcript and the step log out (re-bless with `UPDATE_EXPECT=1`). After every single
//! step the driver checks the invariants: at most one pod per ordinal, under OrderedReady
//! no pod whose predecessors are not all Running and Ready, no pod before its claims,
//! every binding pointing both ways, no EndpointSlice over 100 endpoints and no pod
//! listed twice for one Service. Also: determinism, seeking, forking, and a seeded
//! random driver.

use expect_test::{expect, Expect};
use std::collections::BTreeMap;
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::engine::statefulset::{is_running_and_ready, parent_name_and_ordinal};
use stsplay::engine::step::Op;
use stsplay::engine::world::World;
use stsplay::manifest::model::*;
use stsplay::present::shell;
use stsplay::present::timeline;

const WEB: &str = include_str!("../static/examples/web.yaml");

/// Checks the invariants of the world after a step; `created` is the pod the step created.
fn check_invariants(world: &World, created: Option<&str>) -> Result<(), String> {
    // One pod per (set, ordinal) is guaranteed by names; check pods point at real claims.
    for pod in world.pods() {
        let ns = pod.metadata.namespace.as_deref().unwrap_or("default");
        for v in &pod.spec.volumes {
            if let Some(c) = &v.persistent_volume_claim {
                if created == Some(pod.metadata.name.as_str())
                    && world
                        .find(Kind::PersistentVolumeClaim, ns, &c.claim_name)
                        .is_none()
                {
                    return Err(format!(
                        "{} was created before its claim {}",
                        pod.metadata.name, c.claim_name
                    ));
                }
            }
        }
    }
    if let Some(name) = created {
        let (parent, ordinal) = parent_name_and_ordinal(name);
        for set in world.sets() {
            if set.metadata.name != parent
                || set.spec.pod_management_policy.as_deref() == Some("Parallel")
            {
                continue;
            }
            let start = set
                .spec
                .ordinals
                .as_ref()
                .and_then(|o| o.start)
                .unwrap_or(0);
            for o in start..ordinal {
                let pred = format!("{parent}-{o}");
                let ready = world
                    .pods()
                    .any(|p| p.metadata.name == pred && is_running_and_ready(p));
                if !ready {
                    return Err(format!(
                        "{name} was created while {pred} is not Running and Ready (OrderedReady)"
                    ));
                }
            }
        }
    }
    // A slice holds at most 100 endpoints, and no pod is listed twice for one Service.
    let mut listed: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for object in world.of_kind(Kind::EndpointSlice) {
        let Object::EndpointSlice(slice) = object else {
            continue;
        };
        if slice.endpoints.len() > stsplay::engine::endpointslice::MAX_ENDPOINTS_PER_SLICE {
            return Err(format!(
                "EndpointSlice {} holds {} endpoints",
                slice.metadata.name,
                slice.endpoints.len()
            ));
        }
        let service = slice
            .metadata
            .labels
            .get("kubernetes.io/service-name")
            .cloned()
            .unwrap_or_default();
        for endpoint in &slice.endpoints {
            let pod = endpoint.target_ref.as_ref().and_then(|r| r.name.clone());
            let key = (
                object.namespace().to_string(),
                service.clone(),
                pod.unwrap_or_default(),
            );
            if let Some(other) = listed.insert(key.clone(), slice.metadata.name.clone()) {
                return Err(format!(
                    "pod {} is listed by both {other} and {} for Service {}",
                    key.2, slice.metadata.name, key.1
                ));
            }
        }
    }
    // Bindings point both ways, and a volume serves at most one claim.
    let mut claimed: BTreeMap<String, String> = BTreeMap::new();
    for claim in world.claims() {
        let Some(volume) = claim.spec.volume_name.as_deref().filter(|v| !v.is_empty()) else {
            continue;
        };
        if claim.status.as_ref().and_then(|s| s.phase.as_deref()) != Some("Bound") {
            continue;
        }
        if let Some(other) = claimed.insert(volume.to_string(), claim.metadata.name.clone()) {
            return Err(format!(
                "volume {volume} is bound to both {other} and {}",
                claim.metadata.name
            ));
        }
        match world.find(Kind::PersistentVolume, "", volume) {
            Some(Object::PersistentVolume(pv)) => {
                let back = pv.spec.claim_ref.as_ref().and_then(|r| r.name.as_deref());
                if back != Some(claim.metadata.name.as_str()) {
                    return Err(format!(
                        "claim {} is Bound to {volume}, whose claimRef is {back:?}",
                        claim.metadata.name
                    ));
                }
            }
            _ => {
                return Err(format!(
                    "claim {} is Bound to a missing volume {volume}",
                    claim.metadata.name
                ))
            }
        }
    }
    Ok(())
}

/// Runs every step to settled, checking invariants after each one.
fn settle_checked(sim: &mut Simulation) -> Result<(), String> {
    for _ in 0..100_000 {
        let before = sim.cursor();
        if !sim.step() {
            return Ok(());
        }
        let step = &sim.steps()[before];
        let created = step
            .changes
            .iter()
            .find(|c| c.op == Op::Created && c.key.0 == Kind::Pod)
            .map(|c| c.key.2.clone());
        check_invariants(sim.world(), created.as_deref())
            .map_err(|e| format!("after step {}: {e}\n{}", step.index, timeline::line(step)))?;
    }
    Err("did not settle".into())
}

/// The driver: applies the manifests, settles, runs each command and settles again;
/// returns the transcript and, if asked, the step log.
fn run(seed: u64, yaml: &str, commands: &[&str], with_log: bool) -> String {
    let mut sim = Simulation::new(seed);
    let mut out = String::new();
    let mut lines = vec![format!("kubectl apply -f scenario.yaml")];
    lines.extend(commands.iter().map(|c| c.to_string()));
    for line in lines {
        let printed = shell::run(&mut sim, &line, &|_| Ok(yaml.to_string()));
        out.push_str(&format!("$ {line}\n{}", printed.output));
        if printed.exit_code != 0 {
            out.push_str(&format!("(exit code {})\n", printed.exit_code));
        }
        if let Err(e) = settle_checked(&mut sim) {
            panic!("invariant broken: {e}");
        }
    }
    if with_log {
        out.push_str("--- steps\n");
        for step in sim.steps() {
            out.push_str(&timeline::line(step));
            out.push('\n');
        }
    }
    out
}

fn check(yaml: &str, commands: &[&str], expect: Expect) {
    expect.assert_eq(&run(1, yaml, commands, false));
}

fn check_log(yaml: &str, commands: &[&str], expect: Expect) {
    expect.assert_eq(&run(1, yaml, commands, true));
}

#[test]
fn the_tutorial_statefulset_comes_up_in_order() {
    check_log(
        WEB,
        &[
            "kubectl get pods -o wide",
            "kubectl get pvc",
            "kubectl get sts web",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          12s   10.244.1.2   node-1   <none>           <none>
            web-1   1/1     Running   0          8s    10.244.2.2   node-2   <none>           <none>
            web-2   1/1     Running   0          4s    10.244.3.2   node-3   <none>           <none>
            $ kubectl get pvc
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    pv1      1Gi        RWO            gsh-pv         <unset>                 12s
            www-web-1   Bound    pv2      1Gi        RWO            gsh-pv         <unset>                 8s
            www-web-2   Bound    pv3      1Gi        RWO            gsh-pv         <unset>                 4s
            $ kubectl get sts web
            NAME   READY   AGE
            web    3/3     12s
            --- steps
               1 00:00.0 kubectl                      Create             persistentvolume/pv1
               2 00:00.0 kubectl                      Create             persistentvolume/pv2
               3 00:00.0 kubectl                      Create             persistentvolume/pv3
               4 00:00.0 kubectl                      Create             service/nginx
               5 00:00.0 kubectl                      Create             statefulset.apps/web
               6 00:00.0 statefulset-controller       Create             controllerrevision.apps/web-7666774fc8
               7 00:00.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-0 Pod web-0 in StatefulSet web success
               8 00:00.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-0 in StatefulSet web successful
               9 00:00.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.collisionCount, status.currentReplicas, status.currentRevision)
              10 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv1               (status.lastPhaseTransitionTime, status.phase)
              11 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv2               (status.lastPhaseTransitionTime, status.phase)
              12 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv3               (status.lastPhaseTransitionTime, status.phase)
              13 00:00.0 persistentvolume-controller  Update             persistentvolume/pv1               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
              14 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv1               (status.phase)
              15 00:00.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-0    (metadata.annotations, spec.volumeName)
              16 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-0    (status.accessModes, status.capacity, status.phase)
              17 00:00.0 default-scheduler            Scheduled          pod/web-0                          Successfully assigned default/web-0 to node-1
              18 00:00.0 kubelet/node-1               UpdateStatus       pod/web-0                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              19 00:00.0 endpointslice-controller     Create             endpointslice.discovery.k8s.io/nginx-h5gbv
              20 00:01.0 kubelet/node-1               Pulling            pod/web-0                          Pulling image "nginx:1.27"
              21 00:01.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints, ports)
              22 00:03.0 kubelet/node-1               Pulled             pod/web-0                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
              23 00:04.0 kubelet/node-1               Created            pod/web-0                          Created container: nginx
              24 00:04.0 kubelet/node-1               Started            pod/web-0                          Started container nginx
              25 00:04.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-1 Pod web-1 in StatefulSet web success
              26 00:04.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-1 in StatefulSet web successful
              27 00:04.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.currentReplicas, status.readyReplicas, status.replicas)
              28 00:04.0 persistentvolume-controller  Update             persistentvolume/pv2               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
              29 00:04.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv2               (status.lastPhaseTransitionTime, status.phase)
              30 00:04.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-1    (metadata.annotations, spec.volumeName)
              31 00:04.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-1    (status.accessModes, status.capacity, status.phase)
              32 00:04.0 default-scheduler            Scheduled          pod/web-1                          Successfully assigned default/web-1 to node-2
              33 00:04.0 kubelet/node-2               UpdateStatus       pod/web-1                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              34 00:04.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              35 00:05.0 kubelet/node-2               Pulling            pod/web-1                          Pulling image "nginx:1.27"
              36 00:05.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              37 00:07.0 kubelet/node-2               Pulled             pod/web-1                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
              38 00:08.0 kubelet/node-2               Created            pod/web-1                          Created container: nginx
              39 00:08.0 kubelet/node-2               Started            pod/web-1                          Started container nginx
              40 00:08.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-2 Pod web-2 in StatefulSet web success
              41 00:08.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-2 in StatefulSet web successful
              42 00:08.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.currentReplicas, status.readyReplicas, status.replicas)
              43 00:08.0 persistentvolume-controller  Update             persistentvolume/pv3               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
              44 00:08.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv3               (status.lastPhaseTransitionTime, status.phase)
              45 00:08.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-2    (metadata.annotations, spec.volumeName)
              46 00:08.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-2    (status.accessModes, status.capacity, status.phase)
              47 00:08.0 default-scheduler            Scheduled          pod/web-2                          Successfully assigned default/web-2 to node-3
              48 00:08.0 kubelet/node-3               UpdateStatus       pod/web-2                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              49 00:08.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              50 00:09.0 kubelet/node-3               Pulling            pod/web-2                          Pulling image "nginx:1.27"
              51 00:09.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              52 00:11.0 kubelet/node-3               Pulled             pod/web-2                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
              53 00:12.0 kubelet/node-3               Created            pod/web-2                          Created container: nginx
              54 00:12.0 kubelet/node-3               Started            pod/web-2                          Started container nginx
              55 00:12.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.readyReplicas)
              56 00:12.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
        "#]],
    );
}

#[test]
fn a_deleted_pod_comes_back_with_the_same_name_and_claim() {
    check(
        WEB,
        &[
            "kubectl get pods -o wide",
            "kubectl delete pod web-1",
            "kubectl get pods -o wide",
            "kubectl get pvc www-web-1",
            "kubectl get pod web-1 -o jsonpath={.spec.volumes[0].persistentVolumeClaim.claimName}",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          12s   10.244.1.2   node-1   <none>           <none>
            web-1   1/1     Running   0          8s    10.244.2.2   node-2   <none>           <none>
            web-2   1/1     Running   0          4s    10.244.3.2   node-3   <none>           <none>
            $ kubectl delete pod web-1
            pod "web-1" deleted
            $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          16s   10.244.1.2   node-1   <none>           <none>
            web-1   1/1     Running   0          2s    10.244.2.3   node-2   <none>           <none>
            web-2   1/1     Running   0          8s    10.244.3.2   node-3   <none>           <none>
            $ kubectl get pvc www-web-1
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-1   Bound    pv2      1Gi        RWO            gsh-pv         <unset>                 12s
            $ kubectl get pod web-1 -o jsonpath={.spec.volumes[0].persistentVolumeClaim.claimName}
            www-web-1"#]],
    );
}

#[test]
fn scaling_down_removes_the_highest_ordinals_one_at_a_time_and_keeps_claims() {
    check_log(
        WEB,
        &[
            "kubectl scale statefulset web --replicas=1",
            "kubectl get pods",
            "kubectl get pvc",
            "kubectl scale statefulset web --replicas=3",
            "kubectl get pods",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            $ kubectl scale statefulset web --replicas=1
            statefulset.apps/web scaled
            $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          16s
            $ kubectl get pvc
            NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    pv1      1Gi        RWO            gsh-pv         <unset>                 16s
            www-web-1   Bound    pv2      1Gi        RWO            gsh-pv         <unset>                 12s
            www-web-2   Bound    pv3      1Gi        RWO            gsh-pv         <unset>                 8s
            $ kubectl scale statefulset web --replicas=3
            statefulset.apps/web scaled
            $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          20s
            web-1   1/1     Running   0          4s
            web-2   1/1     Running   0          2s
            --- steps
               1 00:00.0 kubectl                      Create             persistentvolume/pv1
               2 00:00.0 kubectl                      Create             persistentvolume/pv2
               3 00:00.0 kubectl                      Create             persistentvolume/pv3
               4 00:00.0 kubectl                      Create             service/nginx
               5 00:00.0 kubectl                      Create             statefulset.apps/web
               6 00:00.0 statefulset-controller       Create             controllerrevision.apps/web-7666774fc8
               7 00:00.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-0 Pod web-0 in StatefulSet web success
               8 00:00.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-0 in StatefulSet web successful
               9 00:00.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.collisionCount, status.currentReplicas, status.currentRevision)
              10 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv1               (status.lastPhaseTransitionTime, status.phase)
              11 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv2               (status.lastPhaseTransitionTime, status.phase)
              12 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv3               (status.lastPhaseTransitionTime, status.phase)
              13 00:00.0 persistentvolume-controller  Update             persistentvolume/pv1               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
              14 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv1               (status.phase)
              15 00:00.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-0    (metadata.annotations, spec.volumeName)
              16 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-0    (status.accessModes, status.capacity, status.phase)
              17 00:00.0 default-scheduler            Scheduled          pod/web-0                          Successfully assigned default/web-0 to node-1
              18 00:00.0 kubelet/node-1               UpdateStatus       pod/web-0                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              19 00:00.0 endpointslice-controller     Create             endpointslice.discovery.k8s.io/nginx-h5gbv
              20 00:01.0 kubelet/node-1               Pulling            pod/web-0                          Pulling image "nginx:1.27"
              21 00:01.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints, ports)
              22 00:03.0 kubelet/node-1               Pulled             pod/web-0                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
              23 00:04.0 kubelet/node-1               Created            pod/web-0                          Created container: nginx
              24 00:04.0 kubelet/node-1               Started            pod/web-0                          Started container nginx
              25 00:04.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-1 Pod web-1 in StatefulSet web success
              26 00:04.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-1 in StatefulSet web successful
              27 00:04.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.currentReplicas, status.readyReplicas, status.replicas)
              28 00:04.0 persistentvolume-controller  Update             persistentvolume/pv2               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
              29 00:04.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv2               (status.lastPhaseTransitionTime, status.phase)
              30 00:04.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-1    (metadata.annotations, spec.volumeName)
              31 00:04.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-1    (status.accessModes, status.capacity, status.phase)
              32 00:04.0 default-scheduler            Scheduled          pod/web-1                          Successfully assigned default/web-1 to node-2
              33 00:04.0 kubelet/node-2               UpdateStatus       pod/web-1                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              34 00:04.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              35 00:05.0 kubelet/node-2               Pulling            pod/web-1                          Pulling image "nginx:1.27"
              36 00:05.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              37 00:07.0 kubelet/node-2               Pulled             pod/web-1                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
              38 00:08.0 kubelet/node-2               Created            pod/web-1                          Created container: nginx
              39 00:08.0 kubelet/node-2               Started            pod/web-1                          Started container nginx
              40 00:08.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-2 Pod web-2 in StatefulSet web success
              41 00:08.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-2 in StatefulSet web successful
              42 00:08.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.currentReplicas, status.readyReplicas, status.replicas)
              43 00:08.0 persistentvolume-controller  Update             persistentvolume/pv3               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
              44 00:08.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv3               (status.lastPhaseTransitionTime, status.phase)
              45 00:08.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-2    (metadata.annotations, spec.volumeName)
              46 00:08.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-2    (status.accessModes, status.capacity, status.phase)
              47 00:08.0 default-scheduler            Scheduled          pod/web-2                          Successfully assigned default/web-2 to node-3
              48 00:08.0 kubelet/node-3               UpdateStatus       pod/web-2                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              49 00:08.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              50 00:09.0 kubelet/node-3               Pulling            pod/web-2                          Pulling image "nginx:1.27"
              51 00:09.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              52 00:11.0 kubelet/node-3               Pulled             pod/web-2                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
              53 00:12.0 kubelet/node-3               Created            pod/web-2                          Created container: nginx
              54 00:12.0 kubelet/node-3               Started            pod/web-2                          Started container nginx
              55 00:12.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.readyReplicas)
              56 00:12.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              57 00:12.0 kubectl                      Update             statefulset.apps/web               (spec.replicas)
              58 00:12.0 statefulset-controller       SuccessfulDelete   statefulset.apps/web               delete Pod web-2 in StatefulSet web successful
              59 00:12.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.currentReplicas, status.observedGeneration, status.updatedReplicas)
              60 00:12.0 kubelet/node-3               Killing            pod/web-2                          Stopping container nginx
              61 00:12.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.readyReplicas)
              62 00:12.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              63 00:14.0 kubelet/node-3               Delete             pod/web-2
              64 00:14.0 statefulset-controller       SuccessfulDelete   statefulset.apps/web               delete Pod web-1 in StatefulSet web successful
              65 00:14.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.currentReplicas, status.replicas, status.updatedReplicas)
              66 00:14.0 kubelet/node-2               Killing            pod/web-1                          Stopping container nginx
              67 00:14.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.readyReplicas)
              68 00:14.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              69 00:16.0 kubelet/node-2               Delete             pod/web-1
              70 00:16.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.replicas)
              71 00:16.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              72 00:16.0 kubectl                      Update             statefulset.apps/web               (spec.replicas)
              73 00:16.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-1 in StatefulSet web successful
              74 00:16.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.currentReplicas, status.observedGeneration, status.replicas, status.updatedReplicas)
              75 00:16.0 default-scheduler            Scheduled          pod/web-1                          Successfully assigned default/web-1 to node-2
              76 00:16.0 kubelet/node-2               UpdateStatus       pod/web-1                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              77 00:17.0 kubelet/node-2               Pulled             pod/web-1                          Container image "nginx:1.27" already present on machine
              78 00:17.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              79 00:18.0 kubelet/node-2               Created            pod/web-1                          Created container: nginx
              80 00:18.0 kubelet/node-2               Started            pod/web-1                          Started container nginx
              81 00:18.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-2 in StatefulSet web successful
              82 00:18.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.currentReplicas, status.readyReplicas, status.replicas)
              83 00:18.0 default-scheduler            Scheduled          pod/web-2                          Successfully assigned default/web-2 to node-3
              84 00:18.0 kubelet/node-3               UpdateStatus       pod/web-2                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
              85 00:18.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              86 00:19.0 kubelet/node-3               Pulled             pod/web-2                          Container image "nginx:1.27" already present on machine
              87 00:19.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
              88 00:20.0 kubelet/node-3               Created            pod/web-2                          Created container: nginx
              89 00:20.0 kubelet/node-3               Started            pod/web-2                          Started container nginx
              90 00:20.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.readyReplicas)
              91 00:20.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints)
        "#]],
    );
}

const PARALLEL: &str = "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: par}
spec:
  replicas: 3
  podManagementPolicy: Parallel
  serviceName: par
  selector: {matchLabels: {app: par}}
  template:
    metadata: {labels: {app: par}}
    spec:
      containers: [{name: c, image: busybox:1.36}]
";

#[test]
fn parallel_creates_every_pod_without_waiting() {
    let log = run(1, PARALLEL, &[], true);
    let creates: Vec<usize> = log
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("create Pod par-"))
        .map(|(i, _)| i)
        .collect();
    let first_ready = log
        .lines()
        .position(|l| l.contains("Started"))
        .unwrap_or(usize::MAX);
    assert_eq!(creates.len(), 3, "{log}");
    assert!(
        creates.iter().all(|i| *i < first_ready),
        "all pods are created before the first starts:\n{log}"
    );
}

#[test]
fn rolling_update_replaces_pods_in_reverse_order() {
    let out = run(
        1,
        WEB,
        &[
            "kubectl set image statefulset/web nginx=nginx:1.28",
            r#"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}={.spec.containers[0].image}{"\n"}{end}'"#,
            "kubectl rollout status statefulset/web",
        ],
        true,
    );
    let deletes: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("SuccessfulDelete"))
        .map(|l| {
            if l.contains("web-2") {
                "web-2"
            } else if l.contains("web-1") {
                "web-1"
            } else {
                "web-0"
            }
        })
        .collect();
    assert_eq!(deletes, ["web-2", "web-1", "web-0"], "{out}");
    assert!(
        out.contains("web-0=nginx:1.28\nweb-1=nginx:1.28\nweb-2=nginx:1.28\n"),
        "{out}"
    );
}

#[test]
fn a_partition_keeps_lower_ordinals_on_the_old_template() {
    check(
        WEB,
        &[
            r#"kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'"#,
            "kubectl set image statefulset/web nginx=nginx:1.28",
            r#"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}={.spec.containers[0].image}{" "}{end}'"#,
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            $ kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
            statefulset.apps/web patched
            $ kubectl set image statefulset/web nginx=nginx:1.28
            statefulset.apps/web image updated
            $ kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}={.spec.containers[0].image}{" "}{end}'
            web-0=nginx:1.27 web-1=nginx:1.27 web-2=nginx:1.28 "#]],
    );
}

#[test]
fn retention_policy_when_scaled_delete_removes_claims() {
    let yaml = WEB.replace(
        "  serviceName: nginx",
        "  serviceName: nginx\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete",
    );
    let out = run(
        1,
        &yaml,
        &[
            "kubectl scale statefulset web --replicas=1",
            "kubectl get pvc",
            "kubectl get pv",
        ],
        false,
    );
    assert!(
        out.contains("www-web-0")
            && !out.contains("www-web-1   Bound")
            && !out.contains("www-web-2   Bound"),
        "{out}"
    );
    assert!(
        out.contains("Released"),
        "the volumes of deleted claims are Released under Retain:\n{out}"
    );
}

const DYNAMIC: &str = include_str!("../static/examples/dynamic.yaml");

#[test]
fn dynamic_provisioning_creates_and_binds_a_volume() {
    check_log(
        DYNAMIC,
        &[
            "kubectl get pvc",
            "kubectl get pv -o name",
            "kubectl delete pvc data",
            "kubectl get pv",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            storageclass.storage.k8s.io/nfs-storage created
            persistentvolumeclaim/data created
            $ kubectl get pvc
            NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            data   Bound    pvc-29167527-0e30-4dc3-b8af-eb355eeef15a   1Gi        RWX            nfs-storage    <unset>                 3s
            $ kubectl get pv -o name
            persistentvolume/pvc-29167527-0e30-4dc3-b8af-eb355eeef15a
            $ kubectl delete pvc data
            persistentvolumeclaim "data" deleted
            $ kubectl get pv
            No resources found
            --- steps
               1 00:00.0 kubectl                      Create             storageclass.storage.k8s.io/nfs-storage
               2 00:00.0 kubectl                      Create             persistentvolumeclaim/data
               3 00:00.0 persistentvolume-controller  ExternalProvisioning persistentvolumeclaim/data         Waiting for a volume to be created either by the external provisioner 'example.com/nfs' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
               4 00:00.0 example.com/nfs              Provisioning       persistentvolumeclaim/data         External provisioner is provisioning volume for claim "default/data"
               5 00:03.0 example.com/nfs              ProvisioningSucceeded persistentvolumeclaim/data         Successfully provisioned volume pvc-29167527-0e30-4dc3-b8af-eb355eeef15a
               6 00:03.0 persistentvolume-controller  UpdateStatus       persistentvolume/pvc-29167527-0e30-4dc3-b8af-eb355eeef15a (status.lastPhaseTransitionTime, status.phase)
               7 00:03.0 persistentvolume-controller  Update             persistentvolumeclaim/data         (metadata.annotations.pv.kubernetes.io/bind-completed, metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.volumeName)
               8 00:03.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/data         (status.accessModes, status.capacity, status.phase)
               9 00:03.0 kubectl                      Update             persistentvolumeclaim/data         (metadata.deletionGracePeriodSeconds, metadata.deletionTimestamp)
              10 00:03.0 pvc-protection-controller    Delete             persistentvolumeclaim/data
              11 00:03.0 persistentvolume-controller  UpdateStatus       persistentvolume/pvc-29167527-0e30-4dc3-b8af-eb355eeef15a (status.phase)
              12 00:03.0 example.com/nfs              Delete             persistentvolume/pvc-29167527-0e30-4dc3-b8af-eb355eeef15a
        "#]],
    );
}

#[test]
fn wait_for_first_consumer_provisions_only_for_a_pod() {
    let yaml = DYNAMIC.replace(
        "volumeBindingMode: Immediate",
        "volumeBindingMode: WaitForFirstConsumer",
    );
    let out = run(
        1,
        &yaml,
        &["kubectl get pvc data", "kubectl describe pvc data"],
        false,
    );
    assert!(out.contains("Pending"), "{out}");
    assert!(out.contains("WaitForFirstConsumer"), "{out}");
}

#[test]
fn dns_names_from_the_same_and_another_namespace() {
    let yaml = format!("{WEB}---\napiVersion: v1\nkind: Namespace\nmetadata: {{name: test}}\n");
    check(
        &yaml,
        &[
            "nslookup web-0.nginx",
            "nslookup web-0.nginx -n test",
            "nslookup web-0.nginx.default -n test",
            "kubectl exec web-1 -- hostname",
            "kubectl exec web-1 -- hostname -f",
            "dig +short SRV _web._tcp.nginx.default.svc.cluster.local",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            namespace/test created
            $ nslookup web-0.nginx
            Server:    10.96.0.10
            Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

            Name:      web-0.nginx
            Address 1: 10.244.1.2 web-0.nginx.default.svc.cluster.local
            $ nslookup web-0.nginx -n test
            Server:    10.96.0.10
            Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

            nslookup: can't resolve 'web-0.nginx'
            (exit code 1)
            $ nslookup web-0.nginx.default -n test
            Server:    10.96.0.10
            Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

            Name:      web-0.nginx.default
            Address 1: 10.244.1.2 web-0.nginx.default.svc.cluster.local
            $ kubectl exec web-1 -- hostname
            web-1
            $ kubectl exec web-1 -- hostname -f
            web-1.nginx.default.svc.cluster.local
            $ dig +short SRV _web._tcp.nginx.default.svc.cluster.local
            0 33 80 web-0.nginx.default.svc.cluster.local.
            0 33 80 web-1.nginx.default.svc.cluster.local.
            0 33 80 web-2.nginx.default.svc.cluster.local.
        "#]],
    );
}

#[test]
fn errors_print_as_kubectl_prints_them() {
    check(
        WEB,
        &[
            "kubectl get pod web-9",
            "kubectl delete pod web-9",
            "kubectl get widgets",
            "kubectl scale statefulset nope --replicas=2",
        ],
        expect![[r#"
            $ kubectl apply -f scenario.yaml
            persistentvolume/pv1 created
            persistentvolume/pv2 created
            persistentvolume/pv3 created
            service/nginx created
            statefulset.apps/web created
            $ kubectl get pod web-9
            Error from server (NotFound): pods "web-9" not found
            (exit code 1)
            $ kubectl delete pod web-9
            Error from server (NotFound): pods "web-9" not found
            (exit code 1)
            $ kubectl get widgets
            error: the server doesn't have a resource type "widgets"
            (exit code 1)
            $ kubectl scale statefulset nope --replicas=2
            Error from server (NotFound): statefulsets.apps "nope" not found
            (exit code 1)
        "#]],
    );
}

#[test]
fn the_same_input_gives_the_same_log() {
    let a = run(
        7,
        WEB,
        &[
            "kubectl delete pod web-0",
            "kubectl scale sts web --replicas=2",
        ],
        true,
    );
    let b = run(
        7,
        WEB,
        &[
            "kubectl delete pod web-0",
            "kubectl scale sts web --replicas=2",
        ],
        true,
    );
    assert_eq!(a, b);
}

fn fingerprint(world: &World) -> Vec<String> {
    world
        .objects()
        .map(|o| {
            format!(
                "{:?}/{}/{} rv={:?} {}",
                o.kind(),
                o.namespace(),
                o.name(),
                o.meta().resource_version,
                stsplay::manifest::json::ToJson::to_json(o)
                    .to_string()
                    .len()
            )
        })
        .collect()
}

#[test]
fn seeking_replays_exactly_and_forks_the_history() {
    let apply = |sim: &mut Simulation| {
        shell::run(sim, "kubectl apply -f web.yaml", &|_| Ok(WEB.to_string()));
    };
    // The world after every step of a straight run, by step count.
    let mut straight: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut run = Simulation::new(3);
    straight.insert(0, fingerprint(run.world()));
    apply(&mut run);
    straight.insert(run.cursor(), fingerprint(run.world()));
    while run.step() {
        straight.insert(run.cursor(), fingerprint(run.world()));
    }
    let total = run.cursor();
    assert!(total > 20, "{total}");
    let mut sim = Simulation::new(3);
    apply(&mut sim);
    assert_eq!(sim.settle(), Settle::Settled);
    assert_eq!(sim.cursor(), total);
    for n in [total, 0, total / 2, 5, total - 1, 6, total, 7] {
        sim.seek(n);
        assert_eq!(sim.cursor(), n);
        if let Some(want) = straight.get(&n) {
            assert_eq!(&fingerprint(sim.world()), want, "seek to {n}");
        }
    }
    // A command while looking at the past forks the history there.
    sim.seek(10);
    let printed = shell::run(&mut sim, "kubectl scale sts web --replicas=1", &|_| {
        Ok(String::new())
    });
    assert_eq!(printed.exit_code, 0);
    assert_eq!(sim.steps().len(), 11);
    assert_eq!(sim.settle(), Settle::Settled);
    assert!(sim.world().pods().count() <= 1);
}

/// A small generator for the random driver (the engine's own is internal to the world).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// The random driver's scenarios: the tutorial's static volumes, and the same set on a
/// dynamic class (Immediate, or WaitForFirstConsumer), OrderedReady or Parallel.
fn random_scenario(rng: &mut Lcg) -> String {
    let base = WEB.replace("replicas: 3", &format!("replicas: {}", rng.below(4)));
    let set = &base[base.find("apiVersion: v1\nkind: Service").unwrap_or(0)..];
    let mut yaml = match rng.below(3) {
        0 => base.clone(),
        1 => format!(
            "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gsh-pv\nprovisioner: nfs.csi.k8s.io\nreclaimPolicy: Delete\nallowVolumeExpansion: true\n---\n{set}"
        ),
        _ => format!(
            "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gsh-pv\nprovisioner: rancher.io/local-path\nvolumeBindingMode: WaitForFirstConsumer\nreclaimPolicy: Retain\n---\n{set}"
        ),
    };
    if rng.below(2) == 0 {
        yaml = yaml.replace(
            "  serviceName: nginx\n",
            "  serviceName: nginx\n  podManagementPolicy: Parallel\n",
        );
    }
    if rng.below(3) == 0 {
        yaml = yaml.replace(
            "  serviceName: nginx\n",
            "  serviceName: nginx\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n    whenDeleted: Delete\n",
        );
    }
    yaml
}

/// At least this many steps run through the random driver, each followed by the
/// invariant checks.
const RANDOM_DRIVER_STEPS: usize = 100_000;

#[test]
fn random_commands_keep_the_invariants() {
    let commands = [
        "kubectl scale sts web --replicas=0",
        "kubectl scale sts web --replicas=1",
        "kubectl scale sts web --replicas=3",
        "kubectl scale sts web --replicas=5",
        "kubectl delete pod web-0",
        "kubectl delete pod web-1",
        "kubectl delete pod web-2",
        "kubectl delete pod web-1 --grace-period=0 --force",
        "kubectl delete pvc www-web-1",
        "kubectl delete pvc www-web-0 --wait=false",
        "kubectl delete pv pv2",
        r#"kubectl patch pvc www-web-0 -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'"#,
        "kubectl set image statefulset/web nginx=nginx:1.28",
        "kubectl set image statefulset/web nginx=nginx:1.27",
        "kubectl cordon node-1",
        "kubectl uncordon node-1",
        "kubectl cordon node-2",
        "kubectl rollout restart statefulset/web",
        "kubectl rollout undo statefulset/web",
        r#"kubectl patch sts web -p '{"spec":{"podManagementPolicy":"Parallel"}}'"#,
        r#"kubectl patch sts web --type merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'"#,
        "kubectl delete sts web",
        "kubectl delete sts web --cascade=orphan",
        "kubectl apply -f web.yaml",
    ];
    let mut total = 0usize;
    let mut seed = 0u64;
    while total < RANDOM_DRIVER_STEPS {
        seed += 1;
        let mut rng = Lcg(seed);
        let yaml = random_scenario(&mut rng);
        let mut sim = Simulation::new(seed);
        shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| Ok(yaml.clone()));
        if let Err(e) = settle_checked(&mut sim) {
            panic!("seed {seed}: {e}");
        }
        let mut ran = Vec::new();
        for _ in 0..12 {
            let line = commands[rng.below(commands.len() as u64) as usize];
            ran.push(line);
            shell::run(&mut sim, line, &|_| Ok(yaml.clone()));
            // Interleave: sometimes act before the cluster settles.
            let steps = rng.below(40);
            for _ in 0..steps {
                let before = sim.cursor();
                if !sim.step() {
                    break;
                }
                let step = &sim.steps()[before];
                let created = step
                    .changes
                    .iter()
                    .find(|c| c.op == Op::Created && c.key.0 == Kind::Pod)
                    .map(|c| c.key.2.clone());
                if let Err(e) = check_invariants(sim.world(), created.as_deref()) {
                    panic!("seed {seed}, after {ran:?}: {e}");
                }
            }
        }
        if let Err(e) = settle_checked(&mut sim) {
            panic!("seed {seed}, after {ran:?}: {e}");
        }
        total += sim.steps().len();
    }
    assert!(
        total >= RANDOM_DRIVER_STEPS,
        "{total} steps over {seed} runs"
    );
}

#[test]
fn an_orphaned_statefulset_is_adopted_back() {
    let two = WEB.replace("replicas: 3", "replicas: 2");
    let mut sim = Simulation::new(1);
    for (line, text) in [
        ("kubectl apply -f web.yaml", WEB),
        ("kubectl delete statefulset web --cascade=orphan", WEB),
        ("kubectl delete pod web-0", WEB),
        ("kubectl apply -f web.yaml", two.as_str()),
    ] {
        let printed = shell::run(&mut sim, line, &|_| Ok(text.to_string()));
        assert_eq!(printed.exit_code, 0, "{line}: {}", printed.output);
        settle_checked(&mut sim).unwrap_or_else(|e| panic!("{e}"));
    }
    let pods: Vec<String> = sim
        .world()
        .pods()
        .map(|p| p.metadata.name.clone())
        .collect();
    assert_eq!(
        pods,
        ["web-0", "web-1"],
        "web-0 relaunched, web-1 adopted, the orphaned web-2 out of range removed"
    );
    let set_uid = sim
        .world()
        .sets()
        .next()
        .and_then(|s| s.metadata.uid.clone());
    for pod in sim.world().pods() {
        assert_eq!(
            pod.metadata
                .owner_references
                .first()
                .map(|r| Some(r.uid.clone())),
            Some(set_uid.clone()),
            "{}",
            pod.metadata.name
        );
    }
}

#[test]
fn nodes_of_the_learner_replace_the_default_ones() {
    let nodes = "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-a\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: worker-b\n";
    let mut sim = Simulation::new(1);
    shell::run(&mut sim, "kubectl apply -f nodes.yaml", &|_| {
        Ok(nodes.to_string())
    });
    shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| {
        Ok(WEB.to_string())
    });
    settle_checked(&mut sim).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = sim
        .world()
        .nodes()
        .map(|n| n.metadata.name.as_str())
        .collect();
    assert_eq!(names, ["worker-a", "worker-b"]);
    let on: Vec<String> = sim
        .world()
        .pods()
        .filter_map(|p| p.spec.node_name.clone())
        .collect();
    assert_eq!(
        on,
        ["worker-a", "worker-b", "worker-a"],
        "pods spread over the learner's nodes"
    );
    let cidrs: Vec<String> = sim
        .world()
        .nodes()
        .filter_map(|n| n.spec.pod_cidr.clone())
        .collect();
    assert_eq!(cidrs, ["10.244.1.0/24", "10.244.2.0/24"]);
}

#[test]
fn a_long_list_of_ready_endpoints_is_summed_up() {
    use stsplay::engine::step::Component;
    let yaml = "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: \"true\"}
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80, name: web}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  replicas: 12
  podManagementPolicy: Parallel
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx:1.27}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
";
    let mut sim = Simulation::new(1);
    shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| {
        Ok(yaml.to_string())
    });
    settle_checked(&mut sim).unwrap_or_else(|e| panic!("{e}"));
    let last = sim
        .steps()
        .iter()
        .rev()
        .find(|s| s.component == Component::EndpointSlice)
        .map(|s| s.explain.clone())
        .unwrap_or_default();
    let nine: Vec<String> = (0..9).map(|o| format!("web-{o}")).collect();
    assert!(
        last.en.contains(&format!(
            "ready: {}, …, web-11 (12 in all)",
            nine.join(", ")
        )),
        "{}",
        last.en
    );
    assert!(
        last.zh
            .contains(&format!("就绪：{}……web-11（共 12 个）", nine.join("、"))),
        "{}",
        last.zh
    );
}
