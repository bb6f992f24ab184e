//! The fuzz target's checks on the stable toolchain: a deterministic pseudo-random corpus
//! of mutated example manifests (bytes flipped, YAML tokens inserted, ranges cut, doubled
//! and spliced) goes through `manifest::parse`, which must not panic, must answer quickly,
//! and must read back every object it prints. The seed is fixed; a failure prints the
//! case number and input. The real fuzzer: `cargo +nightly fuzz run manifest_parse`.
//! The JSON reader gets the same treatment against serde_json, on the examples' objects
//! as JSON text.

use stsplay::manifest;

/// xorshift64*: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    ":",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\n",
    "\n  ",
    "\t",
    "---\n",
    "...\n",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!str ",
    "!!int ",
    "? ",
    "|\n",
    ">-\n",
    "'",
    "\"",
    "#",
    "yes",
    "~",
    "0x1F",
    "1e3",
    "100m",
    "1.5Gi",
    "-1",
    "None",
    "null",
    "\u{feff}",
    "é",
    "\\",
    "%YAML 1.1\n",
    "kind: List\nitems:\n- ",
    "apiVersion: v1\n",
    "kind: Pod\n",
    "replicas: ",
];

fn example(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/static/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(200)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(at..at, copy);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(300)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                let i = rng.below(data.len() + 1);
                data.truncate(i);
            }
        }
    }
    data
}

#[test]
fn parse_survives_a_mutated_corpus() {
    let seeds = vec![example("web.yaml"), example("dynamic.yaml")];
    let mut rng = Rng(0x5eed_5a1e_0001);
    for case in 0..1500 {
        let data = mutate(&mut rng, &seeds);
        let text = String::from_utf8_lossy(&data);
        let parsed = manifest::parse(&text);
        for object in &parsed.objects {
            let printed = manifest::to_yaml(object);
            let again = manifest::parse(&printed);
            assert_eq!(
                again.objects.first(),
                Some(object),
                "case {case}: the object changed on a round trip\ninput:\n{text}\nprinted:\n{printed}"
            );
        }
    }
}

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud83d",
    "\\ude00",
    "null",
    "true",
    "-",
    "0",
    "01",
    "1.",
    ".5",
    "1e",
    "e+",
    "1e400",
    "-0",
    "18446744073709551616",
    " ",
    "\n",
    "\u{1}",
    "é",
    "\u{2028}",
];

#[test]
fn the_json_reader_agrees_with_serde_json_on_a_mutated_corpus() {
    let seeds: Vec<Vec<u8>> = ["web.yaml", "dynamic.yaml"]
        .into_iter()
        .flat_map(|name| {
            let text = String::from_utf8(example(name)).unwrap();
            manifest::parse(&text).objects
        })
        .map(|object| {
            use stsplay::manifest::json::ToJson;
            object.to_json().text().into_bytes()
        })
        .collect();
    let mut rng = Rng(0x5eed_5a1e_0002);
    for case in 0..3000 {
        let mut data = mutate(&mut rng, &seeds);
        if rng.below(2) == 0 {
            let at = rng.below(data.len() + 1);
            let token = JSON_TOKENS[rng.below(JSON_TOKENS.len())].as_bytes();
            data.splice(at..at, token.iter().copied());
        }
        let text = String::from_utf8_lossy(&data);
        let ours = stsplay::json::from_str(&text).map(|v| v.text());
        let theirs = serde_json::from_str::<serde_json::Value>(&text).map(|v| v.to_string());
        assert_eq!(ours.ok(), theirs.ok(), "case {case}: {text}");
    }
    // Nesting: serde_json's limit of 128 levels.
    for depth in [127, 128, 129, 130] {
        let text = "[".repeat(depth) + &"]".repeat(depth);
        assert_eq!(
            stsplay::json::from_str(&text).is_ok(),
            serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "depth {depth}"
        );
    }
}
