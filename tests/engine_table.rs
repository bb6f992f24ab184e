//! Given → expect cases from §7 of the behaviour reference (ordering, scale, update,
//! retention, storage events), each named after what it checks and citing its case. One
//! driver applies the YAML, runs the commands (each must succeed) and prints the cluster
//! compactly; the snapshots hold the expectations (re-bless with `UPDATE_EXPECT=1`).

use expect_test::{expect, Expect};
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::engine::statefulset::is_running_and_ready;
use stsplay::manifest::model::{Kind, Object};
use stsplay::present::shell;
use stsplay::time::EPOCH_MS;

const WEB: &str = include_str!("../static/examples/web.yaml");

fn web_with(extra_spec: &str) -> String {
    WEB.replace(
        "  serviceName: nginx\n",
        &format!("  serviceName: nginx\n{extra_spec}"),
    )
}

/// Pods (image, revision, readiness, identity), claims (owners), revisions and the set's
/// status.
fn state(sim: &Simulation) -> String {
    let world = sim.world();
    let mut out = String::new();
    for pod in world.pods() {
        let image = pod
            .spec
            .containers
            .first()
            .and_then(|c| c.image.clone())
            .unwrap_or_default();
        let label = |k: &str| pod.metadata.labels.get(k).cloned().unwrap_or_default();
        out.push_str(&format!(
            "pod {} image={image} revision={} ready={} index={} host={} sub={}\n",
            pod.metadata.name,
            label("controller-revision-hash"),
            is_running_and_ready(pod),
            label("apps.kubernetes.io/pod-index"),
            pod.spec.hostname.clone().unwrap_or_default(),
            pod.spec.subdomain.clone().unwrap_or_default(),
        ));
    }
    for claim in world.claims() {
        let owners: Vec<String> = claim
            .metadata
            .owner_references
            .iter()
            .map(|r| format!("{}/{}", r.kind, r.name))
            .collect();
        out.push_str(&format!(
            "pvc {} owners=[{}]\n",
            claim.metadata.name,
            owners.join(",")
        ));
    }
    for o in world.of_kind(Kind::ControllerRevision) {
        if let Object::ControllerRevision(r) = o {
            out.push_str(&format!("revision {} {}\n", r.metadata.name, r.revision));
        }
    }
    for set in world.sets() {
        let s = set.status.clone().unwrap_or_default();
        out.push_str(&format!(
            "status replicas={} ready={} available={} current={} updated={} currentRevision={} updateRevision={} observedGeneration={}\n",
            s.replicas,
            s.ready_replicas.unwrap_or(0),
            s.available_replicas.unwrap_or(0),
            s.current_replicas.unwrap_or(0),
            s.updated_replicas.unwrap_or(0),
            s.current_revision.unwrap_or_default(),
            s.update_revision.unwrap_or_default(),
            s.observed_generation.unwrap_or(0),
        ));
    }
    out
}

/// Applies `yaml`, then runs each command (which must succeed), settling after each.
fn simulate(yaml: &str, commands: &[&str]) -> Simulation {
    let mut sim = Simulation::new(1);
    for line in std::iter::once("kubectl apply -f web.yaml").chain(commands.iter().copied()) {
        let printed = shell::run(&mut sim, line, &|_| Ok(yaml.to_string()));
        assert_eq!(printed.exit_code, 0, "{line}: {}", printed.output);
        assert_eq!(sim.settle(), Settle::Settled, "after {line}");
    }
    sim
}

fn check(yaml: &str, commands: &[&str], expect: Expect) {
    expect.assert_eq(&state(&simulate(yaml, commands)));
}

/// Runs one more command and returns its output.
fn run(sim: &mut Simulation, line: &str) -> String {
    let printed = shell::run(sim, line, &|_| Err("no file".into()));
    printed.output
}

#[test]
fn identity_labels_and_status_when_settled() {
    // §7.1 case 1
    check(
        WEB,
        &[],
        expect![[r#"
        pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
        pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=true index=1 host=web-1 sub=nginx
        pod web-2 image=nginx:1.27 revision=web-7666774fc8 ready=true index=2 host=web-2 sub=nginx
        pvc www-web-0 owners=[]
        pvc www-web-1 owners=[]
        pvc www-web-2 owners=[]
        revision web-7666774fc8 1
        status replicas=3 ready=3 available=3 current=3 updated=3 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=1
    "#]],
    );
}

#[test]
fn scales_up() {
    // §7.1 case 2 (ScalesUp)
    check(
        WEB,
        &["kubectl scale sts web --replicas=4"],
        expect![[r#"
        pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
        pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=true index=1 host=web-1 sub=nginx
        pod web-2 image=nginx:1.27 revision=web-7666774fc8 ready=true index=2 host=web-2 sub=nginx
        pod web-3 image=nginx:1.27 revision=web-7666774fc8 ready=false index=3 host=web-3 sub=nginx
        pvc www-web-0 owners=[]
        pvc www-web-1 owners=[]
        pvc www-web-2 owners=[]
        pvc www-web-3 owners=[]
        revision web-7666774fc8 1
        status replicas=4 ready=3 available=3 current=4 updated=4 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=2
    "#]],
    );
}

#[test]
fn scales_down_to_zero_keeping_claims() {
    // §7.1 cases 15 and 43 (ScalesDown, Retain/Retain)
    check(
        WEB,
        &["kubectl scale sts web --replicas=0"],
        expect![[r#"
        pvc www-web-0 owners=[]
        pvc www-web-1 owners=[]
        pvc www-web-2 owners=[]
        revision web-7666774fc8 1
        status replicas=0 ready=0 available=0 current=0 updated=0 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=2
    "#]],
    );
}

#[test]
fn partition_restores_lower_pods_to_the_old_revision() {
    // §7.1 case 31: a deleted pod below the partition comes back on the current revision.
    check(
        WEB,
        &[
            r#"kubectl patch sts web --type merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'"#,
            "kubectl set image statefulset/web nginx=nginx:1.28",
            "kubectl delete pod web-0",
        ],
        expect![[r#"
            pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
            pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=true index=1 host=web-1 sub=nginx
            pod web-2 image=nginx:1.28 revision=web-7bfd7db5b9 ready=true index=2 host=web-2 sub=nginx
            pvc www-web-0 owners=[]
            pvc www-web-1 owners=[]
            pvc www-web-2 owners=[]
            revision web-7666774fc8 1
            revision web-7bfd7db5b9 2
            status replicas=3 ready=3 available=3 current=2 updated=1 currentRevision=web-7666774fc8 updateRevision=web-7bfd7db5b9 observedGeneration=3
        "#]],
    );
}

#[test]
fn image_change_with_scale_up_under_on_delete() {
    // §7.1 cases 33 (OnDelete) and 34: existing pods keep the old template, new ordinals
    // get the update revision.
    check(
        &web_with("  updateStrategy:\n    type: OnDelete\n"),
        &[
            "kubectl set image statefulset/web nginx=nginx:1.28",
            "kubectl scale sts web --replicas=5",
        ],
        expect![[r#"
            pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
            pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=true index=1 host=web-1 sub=nginx
            pod web-2 image=nginx:1.27 revision=web-7666774fc8 ready=true index=2 host=web-2 sub=nginx
            pod web-3 image=nginx:1.28 revision=web-7bfd7db5b9 ready=false index=3 host=web-3 sub=nginx
            pvc www-web-0 owners=[]
            pvc www-web-1 owners=[]
            pvc www-web-2 owners=[]
            pvc www-web-3 owners=[]
            revision web-7666774fc8 1
            revision web-7bfd7db5b9 2
            status replicas=4 ready=3 available=3 current=3 updated=1 currentRevision=web-7666774fc8 updateRevision=web-7bfd7db5b9 observedGeneration=3
        "#]],
    );
}

#[test]
fn rollback_reuses_the_old_revision() {
    // §7.1 cases 29 and 36: undo re-uses the old revision's hash with a new number.
    check(
        WEB,
        &[
            "kubectl set image statefulset/web nginx=nginx:1.28",
            "kubectl rollout undo statefulset/web",
        ],
        expect![[r#"
            pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
            pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=true index=1 host=web-1 sub=nginx
            pod web-2 image=nginx:1.27 revision=web-7666774fc8 ready=true index=2 host=web-2 sub=nginx
            pvc www-web-0 owners=[]
            pvc www-web-1 owners=[]
            pvc www-web-2 owners=[]
            revision web-7666774fc8 3
            revision web-7bfd7db5b9 2
            status replicas=3 ready=3 available=3 current=3 updated=3 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=3
        "#]],
    );
}

#[test]
fn history_limit_truncates_old_revisions() {
    // §7.1 case 35: revisionHistoryLimit 2 keeps the live revision and two older ones.
    check(
        &web_with("  revisionHistoryLimit: 2\n").replace("replicas: 3", "replicas: 1"),
        &[
            "kubectl set image statefulset/web nginx=nginx:1.1",
            "kubectl set image statefulset/web nginx=nginx:1.2",
            "kubectl set image statefulset/web nginx=nginx:1.3",
            "kubectl set image statefulset/web nginx=nginx:1.4",
            "kubectl set image statefulset/web nginx=nginx:1.5",
        ],
        expect![[r#"
            pod web-0 image=nginx:1.5 revision=web-5494bbc844 ready=true index=0 host=web-0 sub=nginx
            pvc www-web-0 owners=[]
            revision web-5494bbc844 6
            revision web-659fc4dd94 4
            revision web-dd78594d5 5
            status replicas=1 ready=1 available=1 current=1 updated=1 currentRevision=web-5494bbc844 updateRevision=web-5494bbc844 observedGeneration=6
        "#]],
    );
}

#[test]
fn when_scaled_delete_then_scale_back_creates_new_claims() {
    // §7.1 cases 41 and 44
    check(
        &web_with(
            "  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n    whenScaled: Delete\n",
        ),
        &[
            "kubectl scale sts web --replicas=1",
            "kubectl scale sts web --replicas=2",
        ],
        expect![[r#"
            pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
            pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=false index=1 host=web-1 sub=nginx
            pvc www-web-0 owners=[StatefulSet/web]
            pvc www-web-1 owners=[StatefulSet/web]
            revision web-7666774fc8 1
            status replicas=2 ready=1 available=1 current=2 updated=2 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=3
        "#]],
    );
}

#[test]
fn orphaned_pods_are_adopted_by_a_new_set() {
    // §7.1 case 58: a new set with the same selector adopts the orphans it keeps and
    // deletes the one beyond its replicas; the claim of that one stays.
    let smaller = WEB.replace("replicas: 3", "replicas: 2");
    let mut sim = simulate(WEB, &["kubectl delete sts web --cascade=orphan"]);
    let printed = shell::run(&mut sim, "kubectl apply -f web2.yaml", &|_| {
        Ok(smaller.clone())
    });
    assert_eq!(printed.exit_code, 0, "{}", printed.output);
    assert_eq!(sim.settle(), Settle::Settled);
    expect![[r#"
        pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
        pod web-1 image=nginx:1.27 revision=web-7666774fc8 ready=true index=1 host=web-1 sub=nginx
        pvc www-web-0 owners=[]
        pvc www-web-1 owners=[]
        pvc www-web-2 owners=[]
        revision web-7666774fc8 1
        status replicas=2 ready=2 available=2 current=2 updated=2 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=1
    "#]].assert_eq(&state(&sim));
}

#[test]
fn min_ready_seconds_delays_the_next_pod() {
    // §7.1 case 18: under OrderedReady the next pod waits until the previous one has been
    // Ready for minReadySeconds.
    let sim = simulate(
        &web_with("  minReadySeconds: 30\n").replace("replicas: 3", "replicas: 2"),
        &[],
    );
    let created: Vec<String> = sim
        .steps()
        .iter()
        .filter_map(|s| s.event.as_ref().map(|e| (s.time_ms, e)))
        .filter(|(_, e)| e.message.starts_with("create Pod"))
        .map(|(t, e)| format!("{} {}", (t - EPOCH_MS) / 1000, e.message))
        .collect();
    expect![[r#"
        0 create Pod web-0 in StatefulSet web successful
        34 create Pod web-1 in StatefulSet web successful"#]]
    .assert_eq(&created.join("\n"));
}

/// A dynamic class named `local`: rancher.io/local-path (which needs a node, so
/// WaitForFirstConsumer) or, for `Immediate`, the NFS CSI driver.
fn local_path(mode: &str) -> String {
    let provisioner = if mode == "Immediate" {
        "nfs.csi.k8s.io"
    } else {
        "rancher.io/local-path"
    };
    format!(
        "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local\nprovisioner: {provisioner}\nvolumeBindingMode: {mode}\nallowVolumeExpansion: true\n---\n"
    )
}

/// The web example on class `local` instead of the three static volumes.
fn web_on_local(replicas: u32) -> String {
    let set = &WEB[WEB.find("apiVersion: v1\nkind: Service").unwrap_or(0)..];
    set.replace("storageClassName: gsh-pv", "storageClassName: local")
        .replace("replicas: 3", &format!("replicas: {replicas}"))
}

/// The events recorded on one object, in order: `reason (source): message`.
fn events_on(sim: &Simulation, kind: Kind, name: &str) -> String {
    let mut events: Vec<_> = sim
        .world()
        .of_kind(Kind::Event)
        .filter_map(|o| match o {
            Object::Event(e)
                if e.involved_object.kind.as_deref() == Some(kind.name())
                    && e.involved_object.name.as_deref() == Some(name) =>
            {
                Some(e)
            }
            _ => None,
        })
        .collect();
    events.sort_by_key(|e| {
        e.metadata
            .resource_version
            .as_deref()
            .and_then(|r| r.parse::<u64>().ok())
    });
    events
        .iter()
        .map(|e| {
            format!(
                "{} {} x{} ({}): {}\n",
                e.type_,
                e.reason,
                e.count,
                e.source.component.as_deref().unwrap_or(""),
                e.message
            )
        })
        .collect()
}

#[test]
fn wait_for_pod_scheduled_names_the_pod_without_its_namespace() {
    // §7 storage: a WaitForFirstConsumer claim whose pod waits for a node; upstream's
    // findNonScheduledPodsByPVC returns pod.Name, so the message has no namespace.
    let yaml = local_path("WaitForFirstConsumer") + &web_on_local(1);
    let sim = simulate(&yaml, &[]);
    let messages: Vec<String> = sim
        .steps()
        .iter()
        .filter_map(|s| s.event.as_ref())
        .filter(|e| e.reason == "WaitForPodScheduled")
        .map(|e| e.message.clone())
        .collect();
    assert_eq!(messages, ["waiting for pod web-0 to be scheduled"]);
}

#[test]
fn volume_expansion_records_the_expand_controller_resizer_and_kubelet_events() {
    // §3.6 and case 130: ExternalExpanding (expand controller), Resizing and
    // FileSystemResizeRequired (external resizer), FileSystemResizeSuccessful (kubelet);
    // a second resize records them again.
    let yaml = local_path("Immediate") + &web_on_local(1);
    let grow = |size: &str| {
        format!(
            r#"kubectl patch pvc www-web-0 -p '{{"spec":{{"resources":{{"requests":{{"storage":"{size}"}}}}}}}}'"#
        )
    };
    let mut sim = simulate(&yaml, &[&grow("2Gi")]);
    let first = events_on(&sim, Kind::PersistentVolumeClaim, "www-web-0");
    expect![[r#"
        Normal ExternalProvisioning x1 (persistentvolume-controller): Waiting for a volume to be created either by the external provisioner 'nfs.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
        Normal Provisioning x1 (nfs.csi.k8s.io): External provisioner is provisioning volume for claim "default/www-web-0"
        Normal ProvisioningSucceeded x1 (nfs.csi.k8s.io): Successfully provisioned volume pvc-3816439f-a387-43d0-b2c4-c16509598c5e
        Normal ExternalExpanding x1 (volume_expand): waiting for an external controller to expand this PVC
        Normal Resizing x1 (external-resizer nfs.csi.k8s.io): External resizer is resizing volume pvc-3816439f-a387-43d0-b2c4-c16509598c5e
        Normal FileSystemResizeRequired x1 (external-resizer nfs.csi.k8s.io): Require file system resize of volume on node
        Normal FileSystemResizeSuccessful x1 (kubelet): MountVolume.NodeExpandVolume succeeded for volume "pvc-3816439f-a387-43d0-b2c4-c16509598c5e" node-1
    "#]].assert_eq(&first);
    let printed = shell::run(&mut sim, &grow("3Gi"), &|_| Err("no file".into()));
    assert_eq!(printed.exit_code, 0, "{}", printed.output);
    assert_eq!(sim.settle(), Settle::Settled);
    let after = events_on(&sim, Kind::PersistentVolumeClaim, "www-web-0");
    // The same four events again: the recorder counts each one twice.
    expect![[r#"
        Normal ExternalProvisioning x1 (persistentvolume-controller): Waiting for a volume to be created either by the external provisioner 'nfs.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
        Normal Provisioning x1 (nfs.csi.k8s.io): External provisioner is provisioning volume for claim "default/www-web-0"
        Normal ProvisioningSucceeded x1 (nfs.csi.k8s.io): Successfully provisioned volume pvc-3816439f-a387-43d0-b2c4-c16509598c5e
        Normal ExternalExpanding x2 (volume_expand): waiting for an external controller to expand this PVC
        Normal Resizing x2 (external-resizer nfs.csi.k8s.io): External resizer is resizing volume pvc-3816439f-a387-43d0-b2c4-c16509598c5e
        Normal FileSystemResizeRequired x2 (external-resizer nfs.csi.k8s.io): Require file system resize of volume on node
        Normal FileSystemResizeSuccessful x2 (kubelet): MountVolume.NodeExpandVolume succeeded for volume "pvc-3816439f-a387-43d0-b2c4-c16509598c5e" node-1
    "#]].assert_eq(&after);
    expect![[r#"
        NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
        www-web-0   Bound    pvc-3816439f-a387-43d0-b2c4-c16509598c5e   3Gi        RWO            local          <unset>                 7s
    "#]].assert_eq(&run(&mut sim, "kubectl get pvc www-web-0"));
}

#[test]
fn apply_prints_only_what_kubectl_prints() {
    // kubectl shows the API server's warnings (an unknown field, with field validation
    // Warn) but none of the playground's own checks across objects, such as a
    // serviceName that names no Service.
    let yaml = WEB[WEB.find("apiVersion: apps/v1").unwrap_or(0)..]
        .replace("replicas: 3", "replicas: 1\n  replicaz: 2");
    let mut sim = Simulation::new(1);
    let printed = shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| Ok(yaml.clone()));
    expect![[r#"
        Warning: unknown field "spec.replicaz"
        statefulset.apps/web created
    "#]]
    .assert_eq(&printed.output);
}

#[test]
fn repeating_claim_events_are_counted_over_the_pv_controller_resyncs() {
    // A WaitForFirstConsumer claim without a pod stays Pending; the PV controller records
    // WaitForFirstConsumer again on every 15 s resync, so after 35 s a cluster shows
    // `5s (x3 over 35s)`. Deleting a pod moves the clock by its grace period.
    let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: local\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n";
    // minReadySeconds moves the clock: web-1 starts 35 s after web-0 is Ready.
    let web = web_with("  minReadySeconds: 35\n").replace("replicas: 3", "replicas: 2");
    let yaml = local_path("WaitForFirstConsumer") + claim + "---\n" + &web;
    let mut sim = simulate(&yaml, &[]);
    let first = sim
        .steps()
        .iter()
        .find(|s| {
            s.event
                .as_ref()
                .is_some_and(|e| e.reason == "WaitForFirstConsumer")
        })
        .map(|s| s.time_ms)
        .unwrap_or(i64::MAX);
    let waited = (sim.world().now_ms - first) / 1000;
    assert!(waited >= 30, "the clock moved only {waited}s");
    let described = run(&mut sim, "kubectl describe pvc data");
    let events = &described[described.find("Events:").unwrap_or(0)..];
    expect![[r#"
        Events:
          Type    Reason                Age               From                         Message
          ----    ------                ----              ----                         -------
          Normal  WaitForFirstConsumer  3s (x6 over 78s)  persistentvolume-controller  waiting for first consumer to be created before binding
    "#]].assert_eq(events);
    let listed: String = run(&mut sim, "kubectl get events -o wide")
        .lines()
        .filter(|l| l.starts_with("LAST SEEN") || l.contains("persistentvolumeclaim/data"))
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    expect![[r#"
        LAST SEEN   TYPE     REASON                 OBJECT                       SUBOBJECT   SOURCE                        MESSAGE                                                                                            FIRST SEEN   COUNT   NAME
        3s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data               persistentvolume-controller   waiting for first consumer to be created before binding                                            78s          6       data.17a6101701650004
    "#]].assert_eq(&listed);
    // The engine itself recorded the event once: the count is the view's.
    assert!(
        events_on(&sim, Kind::PersistentVolumeClaim, "data").contains("WaitForFirstConsumer x1")
    );
}

#[test]
fn a_new_set_waits_for_the_terminating_pod_of_the_deleted_one() {
    // Found by the random driver (seed 182): a set re-created while the deleted set's
    // web-0 still terminates must not create web-0 again and again. Upstream the create
    // fails with AlreadyExists (FailedCreate) and the controller retries once the old
    // pod is gone.
    let one = WEB.replace("replicas: 3", "replicas: 1");
    let mut sim = simulate(&one, &[]);
    let read = |_: &str| Ok(one.clone());
    shell::run(&mut sim, "kubectl delete sts web", &read);
    assert!(sim.step());
    shell::run(&mut sim, "kubectl apply -f web.yaml", &read);
    assert_eq!(sim.settle(), Settle::Settled);
    let events: Vec<String> = sim
        .steps()
        .iter()
        .filter_map(|s| s.event.as_ref())
        .filter(|e| e.reason.ends_with("Create"))
        .map(|e| format!("{} {}", e.reason, e.message))
        .collect();
    expect![[r#"
        SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success
        SuccessfulCreate create Pod web-0 in StatefulSet web successful
        FailedCreate create Pod web-0 in StatefulSet web failed error: pods "web-0" already exists
        SuccessfulCreate create Pod web-0 in StatefulSet web successful"#]]
    .assert_eq(&events.join("\n"));
    expect![[r#"
        pod web-0 image=nginx:1.27 revision=web-7666774fc8 ready=true index=0 host=web-0 sub=nginx
        pvc www-web-0 owners=[]
        revision web-7666774fc8 1
        status replicas=1 ready=1 available=1 current=1 updated=1 currentRevision=web-7666774fc8 updateRevision=web-7666774fc8 observedGeneration=1
    "#]].assert_eq(&state(&sim));
}
