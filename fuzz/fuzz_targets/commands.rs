//! Fuzz target for the command shell: the seed scenario (`static/examples/web.yaml`, or
//! the text after a `%%` line of the input) is applied, then every line of the input
//! before `%%` runs through `present::shell`. Lines `#step N`, `#seek N`, `#back` and
//! `#settle` move the simulation between commands instead. Nothing may panic, the cursor
//! must stay within the known steps; `-timeout=1` bounds the time per input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stsplay::engine::sim::Simulation;
use stsplay::present::shell;

const WEB: &str = include_str!("../../static/examples/web.yaml");

/// At most this many lines run per input, so one input stays small.
const MAX_LINES: usize = 64;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (script, manifest) = match text.split_once("\n%%\n") {
        Some((script, manifest)) => (script.to_string(), manifest.to_string()),
        None => (text.clone(), WEB.to_string()),
    };
    let mut sim = Simulation::new(7);
    let read = |_: &str| Ok(manifest.clone());
    shell::run(&mut sim, "kubectl apply -f scenario.yaml", &read);
    sim.settle();
    for line in script.lines().take(MAX_LINES) {
        let number = |s: &str| s.trim().parse::<usize>().unwrap_or(0) % 512;
        if let Some(n) = line.strip_prefix("#step ") {
            for _ in 0..number(n) {
                if !sim.step() {
                    break;
                }
            }
        } else if let Some(n) = line.strip_prefix("#seek ") {
            sim.seek(number(n));
        } else if line == "#back" {
            sim.back();
        } else if line == "#settle" {
            sim.settle();
        } else {
            shell::run(&mut sim, line, &read);
        }
        assert!(
            sim.cursor() <= sim.steps().len(),
            "cursor past the known steps"
        );
    }
});
