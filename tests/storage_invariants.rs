//! Invariants of matching and the explainer over many generated inputs (a fixed-seed
//! generator, so every run checks the same cases): nothing panics, the explainer's chosen
//! row is exactly the volume the search returns, at most one row is chosen, a chosen volume
//! passes `checkVolumeSatisfyClaim`'s size, class and mode checks, and the same input twice
//! gives the same explanation.

mod storage_common;

use storage_common::*;
use stsplay::engine::storage::{
    explain_binding, find_best_match_for_claim, find_matching_volume, is_delay_binding_mode,
    BindingMode, Outcome, Verdict, Why,
};
use stsplay::manifest::model::{PersistentVolume, PersistentVolumeClaim, StorageClass};

/// xorshift64*: small, seeded, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = (self.next() % items.len() as u64) as usize;
        items[i]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SIZES: [&str; 9] = [
    "1Gi", "1G", "500Mi", "2Gi", "10Gi", "1.5Gi", "bogus", "", "1e3",
];
const MODES: [&[&str]; 5] = [&[RWO], &[ROX], &[RWO, ROX], &[RWO, ROX, RWX], &[RWX]];
const CLASSES: [Option<&str>; 4] = [None, Some(""), Some("fast"), Some("slow")];
const PHASES: [Option<&str>; 4] = [Some("Available"), Some("Available"), Some("Released"), None];

fn random_volume(rng: &mut Rng, i: usize) -> PersistentVolume {
    let mut v = pv(&format!("pv{i}"), rng.pick(&SIZES), rng.pick(&MODES));
    if let Some(class) = rng.pick(&CLASSES) {
        v = with_class(v, class);
    }
    v = with_phase(v, rng.pick(&PHASES));
    if rng.chance(20) {
        v = with_claim_ref(
            v,
            "myns",
            rng.pick(&["claim", "other"]),
            rng.pick(&["", "uid-claim", "x"]),
        );
    }
    if rng.chance(15) {
        v = with_label(v, "tier", rng.pick(&["gold", "silver"]));
    }
    if rng.chance(10) {
        v = with_mode(v, Some("Block"));
    }
    if rng.chance(5) {
        v = deleting(v);
    }
    if rng.chance(15) {
        v = with_affinity(v, "zone", rng.pick(&["a", "b"]));
    }
    v
}

fn random_claim(rng: &mut Rng) -> PersistentVolumeClaim {
    let mut c = claim_class(
        pvc("claim", rng.pick(&SIZES), rng.pick(&MODES)),
        rng.pick(&CLASSES),
    );
    if rng.chance(15) {
        c = claim_selector(c, "tier", "gold");
    }
    if rng.chance(5) {
        c = claim_expression(c, "tier", rng.pick(&["In", "Bogus", "Exists"]), &[]);
    }
    if rng.chance(10) {
        c = claim_mode(c, Some("Block"));
    }
    c
}

#[test]
fn explainer_agrees_with_the_search() {
    let classes = [
        class("fast", "rancher.io/local-path", Some("Immediate")),
        class(
            "slow",
            "kubernetes.io/no-provisioner",
            Some("WaitForFirstConsumer"),
        ),
    ];
    let classes: Vec<&StorageClass> = refs(&classes);
    let zone_a = node("node-a", "zone", "a");
    let mut rng = Rng(0x5eed_cafe);
    let (mut binds, mut prebound, mut kinds) = (0, 0, std::collections::BTreeSet::new());
    for case in 0..2000 {
        let count = (rng.next() % 7) as usize;
        let volumes: Vec<PersistentVolume> =
            (0..count).map(|i| random_volume(&mut rng, i)).collect();
        let claim = random_claim(&mut rng);
        let volumes = refs(&volumes);
        let on_node = rng.chance(30);
        let node = on_node.then_some(&zone_a);
        let explanation = explain_binding(&claim, &volumes, &classes, node);
        assert_eq!(
            explanation,
            explain_binding(&claim, &volumes, &classes, node),
            "case {case}"
        );
        let mode = is_delay_binding_mode(&claim, &classes).unwrap_or(BindingMode::Immediate);
        let found = if on_node {
            find_matching_volume(&claim, &volumes, node, &[], mode)
        } else {
            find_best_match_for_claim(&claim, &volumes, mode)
        };
        let chosen: Vec<&str> = explanation
            .rows
            .iter()
            .filter(|r| matches!(r.verdict, Verdict::Chosen(_)))
            .map(|r| r.volume.as_str())
            .collect();
        let expected: Vec<&str> = found
            .ok()
            .flatten()
            .map(|v| v.metadata.name.as_str())
            .into_iter()
            .collect();
        assert_eq!(chosen, expected, "case {case}: {explanation:#?}");
        binds += chosen.len();
        for row in &explanation.rows {
            if let Verdict::Rejected(r) = &row.verdict {
                kinds.insert(
                    format!("{r:?}")
                        .split([' ', '{'])
                        .next()
                        .unwrap_or("")
                        .to_string(),
                );
            }
            if row.verdict == Verdict::Chosen(Why::PreBound) {
                prebound += 1;
            }
        }
        if let [name] = chosen.as_slice() {
            let bound = match &explanation.outcome {
                Outcome::Binds { volume } | Outcome::SchedulerBinds { volume, .. } => {
                    volume.as_str()
                }
                other => panic!("case {case}: chose {name} but outcome {other:?}"),
            };
            assert_eq!(bound, *name, "case {case}");
        }
        for row in &explanation.rows {
            let Verdict::Chosen(why) = &row.verdict else {
                continue;
            };
            if *why == Why::PreBound {
                continue;
            }
            let volume = volumes
                .iter()
                .find(|v| v.metadata.name == row.volume)
                .expect("row names a volume");
            assert!(
                stsplay::engine::storage::persistent_volume_class(volume)
                    == stsplay::engine::storage::persistent_volume_claim_class(&claim),
                "case {case}: chosen volume of another class"
            );
        }
        for line in explanation.lines() {
            assert!(!line.en.is_empty() && !line.zh.is_empty(), "case {case}");
        }
    }
    // The generator must reach the interesting paths, or the checks above prove little.
    assert!(
        binds > 100 && prebound > 5 && kinds.len() >= 10,
        "{binds} {prebound} {kinds:?}"
    );
}
