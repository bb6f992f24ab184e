//! The step log as the UI shows it: fixed-column lines, the colour class of each
//! timeline mark, and a row with its explanation in both languages.

use expect_test::expect;
use stsplay::engine::sim::Simulation;
use stsplay::present::i18n::Lang;
use stsplay::present::shell;
use stsplay::present::timeline::{line, mark_class, marks, row};

const WEB: &str = include_str!("../static/examples/web.yaml");

fn settled() -> Simulation {
    let mut sim = Simulation::new(1);
    shell::run(&mut sim, "kubectl apply -f web.yaml", &|_| {
        Ok(WEB.to_string())
    });
    sim.settle();
    sim
}

#[test]
fn the_first_steps_of_the_tutorial() {
    let sim = settled();
    let lines: Vec<String> = sim
        .steps()
        .iter()
        .take(24)
        .map(|s| format!("{:<28} {}", mark_class(s), line(s)))
        .collect();
    expect![[r#"
        user                            1 00:00.0 kubectl                      Create             persistentvolume/pv1
        user                            2 00:00.0 kubectl                      Create             persistentvolume/pv2
        user                            3 00:00.0 kubectl                      Create             persistentvolume/pv3
        user                            4 00:00.0 kubectl                      Create             service/nginx
        user                            5 00:00.0 kubectl                      Create             statefulset.apps/web
        statefulset-controller          6 00:00.0 statefulset-controller       Create             controllerrevision.apps/web-7666774fc8
        statefulset-controller          7 00:00.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Claim www-web-0 Pod web-0 in StatefulSet web success
        pod-create                      8 00:00.0 statefulset-controller       SuccessfulCreate   statefulset.apps/web               create Pod web-0 in StatefulSet web successful
        statefulset-controller          9 00:00.0 statefulset-controller       UpdateStatus       statefulset.apps/web               (status.availableReplicas, status.collisionCount, status.currentReplicas, status.currentRevision)
        persistentvolume-controller    10 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv1               (status.lastPhaseTransitionTime, status.phase)
        persistentvolume-controller    11 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv2               (status.lastPhaseTransitionTime, status.phase)
        persistentvolume-controller    12 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv3               (status.lastPhaseTransitionTime, status.phase)
        binding                        13 00:00.0 persistentvolume-controller  Update             persistentvolume/pv1               (metadata.annotations.pv.kubernetes.io/bound-by-controller, spec.claimRef)
        persistentvolume-controller    14 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolume/pv1               (status.phase)
        binding                        15 00:00.0 persistentvolume-controller  Update             persistentvolumeclaim/www-web-0    (metadata.annotations, spec.volumeName)
        persistentvolume-controller    16 00:00.0 persistentvolume-controller  UpdateStatus       persistentvolumeclaim/www-web-0    (status.accessModes, status.capacity, status.phase)
        scheduler                      17 00:00.0 default-scheduler            Scheduled          pod/web-0                          Successfully assigned default/web-0 to node-1
        kubelet                        18 00:00.0 kubelet/node-1               UpdateStatus       pod/web-0                          (status.conditions, status.containerStatuses, status.hostIP, status.startTime)
        endpointslice-controller       19 00:00.0 endpointslice-controller     Create             endpointslice.discovery.k8s.io/nginx-h5gbv
        kubelet                        20 00:01.0 kubelet/node-1               Pulling            pod/web-0                          Pulling image "nginx:1.27"
        endpointslice-controller       21 00:01.0 endpointslice-controller     Update             endpointslice.discovery.k8s.io/nginx-h5gbv (endpoints, ports)
        kubelet                        22 00:03.0 kubelet/node-1               Pulled             pod/web-0                          Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 76629863 bytes.
        kubelet                        23 00:04.0 kubelet/node-1               Created            pod/web-0                          Created container: nginx
        kubelet                        24 00:04.0 kubelet/node-1               Started            pod/web-0                          Started container nginx"#]].assert_eq(&lines.join("\n"));
}

#[test]
fn a_row_explains_its_step_in_both_languages() {
    let sim = settled();
    let created = sim
        .steps()
        .iter()
        .find(|s| {
            s.event
                .as_ref()
                .is_some_and(|e| e.message == "create Pod web-1 in StatefulSet web successful")
        })
        .expect("web-1 is created");
    let en = row(created, Lang::En);
    let zh = row(created, Lang::Zh);
    assert_eq!(en.reason, "SuccessfulCreate");
    assert_eq!(en.object, "statefulset.apps/web");
    assert!(
        en.explanation.contains("OrderedReady"),
        "{}",
        en.explanation
    );
    assert!(zh.explanation.contains("web-1"), "{}", zh.explanation);
    // A step that changed DNS says which names changed.
    let dns = sim
        .steps()
        .iter()
        .find(|s| !s.dns.is_empty())
        .expect("a DNS change");
    assert!(
        row(dns, Lang::En)
            .explanation
            .contains("nginx.default.svc.cluster.local now answers"),
        "{}",
        row(dns, Lang::En).explanation
    );
}

#[test]
fn one_mark_per_step_on_a_short_timeline() {
    let sim = settled();
    let steps = sim.steps();
    let marks = marks(steps, 1000);
    assert_eq!(marks.len(), steps.len());
    for (i, (m, s)) in marks.iter().zip(steps).enumerate() {
        assert_eq!((m.first, m.last), (i + 1, i + 1));
        assert_eq!(m.class, mark_class(s));
        assert_eq!(m.title, line(s));
    }
}

#[test]
fn a_long_timeline_groups_steps_into_runs_coloured_by_the_most_notable_step() {
    let sim = settled();
    let steps = sim.steps();
    let marks = marks(steps, 8);
    assert!(marks.len() <= 8 && marks.len() >= 7, "{}", marks.len());
    // The runs cover every step once, in order.
    assert_eq!(marks[0].first, 1);
    assert_eq!(marks.last().unwrap().last, steps.len());
    for pair in marks.windows(2) {
        assert_eq!(pair[1].first, pair[0].last + 1);
    }
    let rank = |c: &str| {
        ["warning", "dns", "pod-create", "binding"]
            .iter()
            .position(|k| *k == c)
    };
    for m in &marks {
        let run = &steps[m.first - 1..m.last];
        let best = run
            .iter()
            .map(mark_class)
            .min_by_key(|c| rank(c).unwrap_or(9))
            .unwrap();
        assert_eq!(rank(m.class), rank(best), "{m:?}");
        // The title is the first step with that class, and says how many more the run holds.
        let shown = run.iter().find(|s| mark_class(s) == m.class).unwrap();
        assert_eq!(
            m.title,
            format!("{} (+{} more)", line(shown), run.len() - 1)
        );
    }
    // The tutorial creates its pods one by one, each run is long enough to hold one.
    assert!(marks.iter().filter(|m| m.class == "pod-create").count() >= 2);
}
