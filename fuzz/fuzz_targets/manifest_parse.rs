//! Fuzz target for the manifest layer: arbitrary bytes (read as lossy UTF-8) go through
//! `manifest::parse`, which must neither panic nor take long, and every object it reads
//! must print with `to_yaml` and read back as the same object. The same bytes read as JSON
//! text, and every object's JSON tree, must print and read back unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};
use stsplay::manifest;
use stsplay::manifest::json::ToJson;

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
    if let Ok(value) = stsplay::json::from_str(&text) {
        assert_eq!(stsplay::json::from_str(&value.to_string()), Ok(value));
    }
    for object in &parsed.objects {
        let tree = object.to_json();
        assert_eq!(stsplay::json::from_str(&tree.to_string()), Ok(tree));
        let printed = manifest::to_yaml(object);
        let again = manifest::parse(&printed);
        assert_eq!(
            again.objects.first(),
            Some(object),
            "round trip changed the object; printed:\n{printed}"
        );
    }
});
