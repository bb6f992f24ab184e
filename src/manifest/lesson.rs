//! Guided lessons as data: a lesson file (`static/lessons/NN-slug.yaml`) read into typed
//! form. The format is described in `static/lessons/README.md`; running a lesson is the
//! job of `present::lesson`.

use crate::manifest::json::json_struct;

/// A text in both interface languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub en: String,
    pub zh: String,
}
json_struct!(Words { en: "en" Always, zh: "zh" Always });

/// One stop of a lesson's script.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stop {
    pub say: Words,
    /// Apply the lesson's manifests at this stop.
    pub apply: bool,
    /// A command to run at this stop.
    pub run: Option<String>,
    /// When the stop pauses: `settled` (default), `pod NAME Ready`, `pvc NAME Bound`,
    /// `pod NAME gone`.
    pub until: Option<String>,
}
json_struct!(Stop { say: "say" Always, apply: "apply" Always, run: "run" Always, until: "until" Always });

/// A check of the learner's cluster: a command and its exact expected output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checkpoint {
    pub title: Words,
    pub run: String,
    pub expect: String,
    pub hint: Words,
}
json_struct!(Checkpoint { title: "title" Always, run: "run" Required, expect: "expect" Required, hint: "hint" Always });

/// A guided lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lesson {
    pub id: String,
    pub title: Words,
    pub summary: Words,
    pub seed: u64,
    pub manifests: String,
    pub script: Vec<Stop>,
    pub task: Words,
    pub checkpoints: Vec<Checkpoint>,
    /// Commands that do the task, so the lesson can be checked headless
    /// (`stsplay --lesson FILE`, the lesson tests); a `kubectl apply -f FILE` in them applies
    /// the lesson's manifests after any `solution_manifests` edits.
    pub solution: Vec<String>,
    /// The manifests as the learner should have edited them for the task, if the task is
    /// done in the editor.
    pub solution_manifests: Option<String>,
}
json_struct!(Lesson { id: "id" Required, title: "title" Always, summary: "summary" Always, seed: "seed" Always, manifests: "manifests" Always, script: "script" Always, task: "task" Always, checkpoints: "checkpoints" Always, solution: "solution" Always, solution_manifests: "solution_manifests" Always });

/// What separates the lesson files in the site's bundle (`lessons/all.txt`, written by
/// the site build in the order of `index.yaml`): a form feed, which YAML never allows
/// in a file. One file compresses far better than a file per lesson.
pub const BUNDLE_SEPARATOR: char = '\u{c}';

/// The lessons of a bundle, in order; unreadable ones are skipped.
pub fn parse_bundle(text: &str) -> Vec<Lesson> {
    text.split(BUNDLE_SEPARATOR)
        .filter_map(|file| parse(file).ok())
        .collect()
}

/// Reads a lesson file; the error says where the file is wrong.
pub fn parse(text: &str) -> Result<Lesson, String> {
    if text.len() > super::MAX_INPUT_BYTES {
        return Err("the lesson file is larger than 1 MiB".into());
    }
    let data = super::yaml::read_data(text)?;
    crate::manifest::json::from_value(data).map_err(|e| format!("not a lesson: {e}"))
}
