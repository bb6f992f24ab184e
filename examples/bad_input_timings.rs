//! Times the answers to the bad inputs of `tests/bad_input.rs` (natively; run with
//! `cargo run --release --example bad_input_timings`): for each, the `kubectl apply`
//! that answers it and the settle that follows, against a budget of 100 ms for the
//! answer. The tests assert the messages; this program only measures.

use std::time::{Duration, Instant};
use stsplay::engine::sim::{Settle, Simulation};
use stsplay::manifest::MAX_INPUT_BYTES;
use stsplay::present::shell;

const WEB: &str = include_str!("../static/examples/web.yaml");
const BUDGET: Duration = Duration::from_millis(100);

fn inputs() -> Vec<(&'static str, String)> {
    let set = &WEB[WEB.find("apiVersion: apps/v1").unwrap_or(0)..];
    let named = |name: &str| set.replacen("  name: web\n", &format!("  name: {name}\n"), 1);
    let volume = |name: &str| {
        format!("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: {name}\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /tmp/x\n")
    };
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let items = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    let binary: Vec<u8> = (0u32..1 << 16).map(|i| (i * 37 % 256) as u8).collect();
    let mut under = volume("padded");
    under.push('#');
    under.push_str(&"x".repeat(MAX_INPUT_BYTES - under.len() - 2));
    under.push('\n');
    let label63 = "a".repeat(63);
    let subdomain = format!("{label63}.{label63}.{label63}.{}", "a".repeat(61));
    // Many small documents, just under the size limit.
    let mut many = String::new();
    let mut i = 0;
    while many.len() < MAX_INPUT_BYTES - 400 {
        many.push_str(&volume(&format!("pv-{i}")));
        many.push_str("---\n");
        i += 1;
    }
    let many500: String = (0..500)
        .map(|i| format!("{}---\n", volume(&format!("pv-{i}"))))
        .collect();
    vec![
        ("malformed YAML", "kind: StatefulSet\nspec: [\n".into()),
        (
            "binary data (64 KiB)",
            String::from_utf8_lossy(&binary).into_owned(),
        ),
        ("over 1 MiB", format!("#{}\n", "x".repeat(MAX_INPUT_BYTES))),
        ("just under 1 MiB (one comment)", under),
        ("just under 1 MiB (many volumes)", many),
        ("500 volumes, the most one file applies", many500),
        ("alias bomb", bomb),
        (
            "10,000 replicas",
            WEB.replace("replicas: 3", "replicas: 10000"),
        ),
        ("name of 253 characters", volume(&subdomain)),
        ("name of 254 characters", volume(&format!("{subdomain}a"))),
        ("StatefulSet name of 53", named(&"t".repeat(53))),
        ("StatefulSet name of 64", named(&"v".repeat(64))),
        ("right-to-left name", named("\"\u{202e}bew\"")),
    ]
}

fn main() {
    println!(
        "{:<40} {:>10} {:>10} {:>8}  result",
        "input", "apply ms", "settle ms", "steps"
    );
    let mut over = 0;
    for (name, text) in inputs() {
        let mut sim = Simulation::new(1);
        let start = Instant::now();
        let printed = shell::run(&mut sim, "kubectl apply -f bad.yaml", &|_| Ok(text.clone()));
        let answered = start.elapsed();
        let settle_start = Instant::now();
        let settled = sim.settle();
        let settled_in = settle_start.elapsed();
        let first = printed
            .output
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect::<String>();
        let verdict = if answered <= BUDGET {
            "ok"
        } else {
            "OVER BUDGET"
        };
        if answered > BUDGET {
            over += 1;
        }
        println!(
            "{name:<40} {:>10.1} {:>10.1} {:>8}  {verdict} {}{first}",
            answered.as_secs_f64() * 1000.0,
            settled_in.as_secs_f64() * 1000.0,
            sim.steps().len(),
            if settled == Settle::Settled {
                ""
            } else {
                "(settle bound reached) "
            },
        );
    }
    println!("{over} answers over the {} ms budget", BUDGET.as_millis());
}
