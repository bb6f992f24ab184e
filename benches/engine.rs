//! Engine timings, printed as numbers: the tutorial's StatefulSet to settled, Parallel
//! StatefulSets with dynamic provisioning and a headless Service at growing sizes (the
//! ratio shows how cost grows), OrderedReady, and seeking. Run with
//! `cargo bench --bench engine` (release build; each case is run a few times and the best
//! run is reported).

use std::time::Instant;
use stsplay::engine::sim::Simulation;
use stsplay::present::shell;

const WEB: &str = include_str!("../static/examples/web.yaml");

fn scenario(replicas: usize, policy: &str) -> String {
    format!(
        "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {{storageclass.kubernetes.io/is-default-class: \"true\"}}
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: Service
metadata: {{name: web}}
spec: {{clusterIP: None, selector: {{app: web}}, ports: [{{port: 80, name: web}}]}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {{name: web}}
spec:
  replicas: {replicas}
  podManagementPolicy: {policy}
  serviceName: web
  selector: {{matchLabels: {{app: web}}}}
  template:
    metadata: {{labels: {{app: web}}}}
    spec: {{containers: [{{name: c, image: nginx:1.27}}]}}
  volumeClaimTemplates:
  - metadata: {{name: data}}
    spec: {{accessModes: [ReadWriteOnce], resources: {{requests: {{storage: 1Gi}}}}}}
"
    )
}

/// Settles a scenario; returns (best milliseconds, steps).
fn settle(yaml: &str, runs: usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut steps = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let mut sim = Simulation::new(1);
        shell::run(&mut sim, "kubectl apply -f bench.yaml", &|_| {
            Ok(yaml.to_string())
        });
        sim.settle();
        best = best.min(started.elapsed().as_secs_f64() * 1000.0);
        steps = sim.cursor();
    }
    (best, steps)
}

fn report(name: &str, (ms, steps): (f64, usize)) {
    println!(
        "{name:<44} {ms:>10.1} ms  {steps:>7} steps  {:>8.1} µs/step",
        ms * 1000.0 / steps.max(1) as f64
    );
}

fn main() {
    report("tutorial example (3 replicas) to settled", settle(WEB, 5));
    let p100 = settle(&scenario(100, "Parallel"), 3);
    report("Parallel, 100 replicas, provisioning", p100);
    let p200 = settle(&scenario(200, "Parallel"), 1);
    report("Parallel, 200 replicas, provisioning", p200);
    println!("{:<44} {:>10.2}", "growth 200/100 (time)", p200.0 / p100.0);
    report(
        "OrderedReady, 100 replicas, provisioning",
        settle(&scenario(100, "OrderedReady"), 1),
    );
    let mut sim = Simulation::new(1);
    shell::run(&mut sim, "kubectl apply -f bench.yaml", &|_| {
        Ok(scenario(100, "Parallel"))
    });
    sim.settle();
    let total = sim.cursor();
    let mut worst: f64 = 0.0;
    let mut x: u64 = 7;
    for _ in 0..200 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let target = (x >> 33) as usize % total.max(1);
        let started = Instant::now();
        sim.seek(target);
        worst = worst.max(started.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "{:<44} {worst:>10.2} ms (worst of 200 seeks among {total} steps)",
        "seek"
    );
}
