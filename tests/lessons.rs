//! Every guided lesson plays headless: each stop's commands run and its pause condition is
//! reached, and after the scripted solution every checkpoint passes. Lessons are plain
//! files under `static/lessons/`, listed in `index.yaml`.

use stsplay::manifest::lesson;
use stsplay::present::lesson::run_headless;

fn lesson_ids() -> Vec<String> {
    let index = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/static/lessons/index.yaml"
    ))
    .expect("static/lessons/index.yaml");
    index
        .lines()
        .flat_map(|l| {
            l.trim()
                .trim_start_matches("lessons:")
                .trim()
                .trim_matches(['[', ']'])
                .split(',')
        })
        .map(|s| s.trim().trim_start_matches("- ").trim().to_string())
        .filter(|s| !s.is_empty() && !s.starts_with('#'))
        .collect()
}

#[test]
fn every_lesson_in_the_index_plays_and_reaches_its_checkpoints() {
    let ids = lesson_ids();
    assert!(ids.len() >= 11, "{ids:?}");
    let mut failures = Vec::new();
    for id in ids {
        let path = format!("{}/static/lessons/{id}.yaml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let lesson = lesson::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(lesson.id, id, "the id is the file name");
        assert!(
            !lesson.title.en.is_empty() && !lesson.title.zh.is_empty(),
            "{id}: title in both languages"
        );
        let (transcript, ok) = run_headless(&lesson);
        let unreached = transcript.lines().any(|l| l.starts_with('!'));
        let checked = !lesson.solution.is_empty() || lesson.solution_manifests.is_some();
        if unreached || (checked && !ok) {
            failures.push(format!("--- {id}\n{transcript}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_site_bundle_reads_back_every_lesson_in_index_order() {
    // The site build (scripts/finalize-dist.mjs) joins the files with the separator.
    let ids = lesson_ids();
    let texts: Vec<String> = ids
        .iter()
        .map(|id| {
            let path = format!("{}/static/lessons/{id}.yaml", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        })
        .collect();
    assert!(texts.iter().all(|t| !t.contains(lesson::BUNDLE_SEPARATOR)));
    let bundle = texts.join(&lesson::BUNDLE_SEPARATOR.to_string());
    let read: Vec<String> = lesson::parse_bundle(&bundle)
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(read, ids);
    let each: Vec<lesson::Lesson> = texts.iter().map(|t| lesson::parse(t).unwrap()).collect();
    assert_eq!(lesson::parse_bundle(&bundle), each);
    // A lesson that does not read is skipped; the others still load.
    let broken = format!("{}\u{c}id: [unclosed\u{c}{}", texts[0], texts[1]);
    let read: Vec<String> = lesson::parse_bundle(&broken)
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(read, ids[..2].to_vec());
}

#[test]
fn a_broken_lesson_file_says_where() {
    assert!(lesson::parse("id: [unclosed").unwrap_err().contains(':'));
    assert!(lesson::parse("title: {en: x}")
        .unwrap_err()
        .contains("not a lesson"));
}
