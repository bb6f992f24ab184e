//! Fuzz target for the manifest layer: arbitrary bytes (read as lossy UTF-8) go through
//! `manifest::parse`, which must neither panic nor take long, and every object it reads
//! must print with `to_yaml` and read back as the same object.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};
use stsplay::manifest;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let start = Instant::now();
    let parsed = manifest::parse(&text);
    let elapsed = start.elapsed();
    assert!(
        elapsed < Duration::from_secs(1),
        "parse took {elapsed:?} for {} bytes",
        text.len()
    );
    for object in &parsed.objects {
        let printed = manifest::to_yaml(object);
        let again = manifest::parse(&printed);
        assert_eq!(
            again.objects.first(),
            Some(object),
            "round trip changed the object; printed:\n{printed}"
        );
    }
});
