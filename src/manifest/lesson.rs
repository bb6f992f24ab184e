//! Guided lessons as data: a lesson file (`static/lessons/NN-slug.yaml`) read into typed
//! form. The format is described in `static/lessons/README.md`; running a lesson is the
//! job of `present::lesson`.

use serde::Deserialize;

/// A text in both interface languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Words {
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub zh: String,
}

/// One stop of a lesson's script.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Stop {
    #[serde(default)]
    pub say: Words,
    /// Apply the lesson's manifests at this stop.
    #[serde(default)]
    pub apply: bool,
    /// A command to run at this stop.
    #[serde(default)]
    pub run: Option<String>,
    /// When the stop pauses: `settled` (default), `pod NAME Ready`, `pvc NAME Bound`,
    /// `pod NAME gone`.
    #[serde(default)]
    pub until: Option<String>,
}

/// A check of the learner's cluster: a command and its exact expected output.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Checkpoint {
    #[serde(default)]
    pub title: Words,
    pub run: String,
    pub expect: String,
    #[serde(default)]
    pub hint: Words,
}

/// A guided lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Lesson {
    pub id: String,
    #[serde(default)]
    pub title: Words,
    #[serde(default)]
    pub summary: Words,
    #[serde(default)]
    pub seed: u64,
    #[serde(default)]
    pub manifests: String,
    #[serde(default)]
    pub script: Vec<Stop>,
    #[serde(default)]
    pub task: Words,
    #[serde(default)]
    pub checkpoints: Vec<Checkpoint>,
    /// Commands that do the task, so the lesson can be checked headless
    /// (`stsplay --lesson FILE`, the lesson tests); a `kubectl apply -f FILE` in them applies
    /// the lesson's manifests after any `solution_manifests` edits.
    #[serde(default)]
    pub solution: Vec<String>,
    /// The manifests as the learner should have edited them for the task, if the task is
    /// done in the editor.
    #[serde(default)]
    pub solution_manifests: Option<String>,
}

/// Reads a lesson file; the error says where the file is wrong.
pub fn parse(text: &str) -> Result<Lesson, String> {
    if text.len() > super::MAX_INPUT_BYTES {
        return Err("the lesson file is larger than 1 MiB".into());
    }
    let data = super::yaml::read_data(text)?;
    serde_json::from_value(data).map_err(|e| format!("not a lesson: {e}"))
}
