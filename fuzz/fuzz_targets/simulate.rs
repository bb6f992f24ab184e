//! Fuzz target for the engine: arbitrary bytes (lossy UTF-8) are applied as a manifest
//! file with `kubectl apply -f`, then the simulation settles within its step and time
//! bounds. Nothing may panic, and a bounded settle must stop at the bound it reports;
//! libFuzzer's `-timeout=1` bounds the time per input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stsplay::engine::sim::{Settle, Simulation, SETTLE_MAX_MS, SETTLE_MAX_STEPS};
use stsplay::present::shell;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut sim = Simulation::new(1);
    shell::run(&mut sim, "kubectl apply -f input.yaml", &|_| {
        Ok(text.clone())
    });
    match sim.settle() {
        Settle::Settled => {}
        Settle::Bounded { steps, elapsed_ms } => assert!(
            steps >= SETTLE_MAX_STEPS || elapsed_ms > SETTLE_MAX_MS,
            "settle stopped at {steps} steps and {elapsed_ms} ms, inside its bounds"
        ),
    }
    // The views over the settled world must work too.
    for line in [
        "kubectl get all",
        "kubectl get events",
        "kubectl describe pvc",
    ] {
        shell::run(&mut sim, line, &|_| Ok(text.clone()));
    }
});
