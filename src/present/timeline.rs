//! The step log as view data: one row per step (simulated time since the start,
//! component, reason, object, message, and the explanation in the chosen language), the
//! coloured marks of the timeline, the clock, and the same rows as fixed-column text lines
//! for the CLI and the tests.

use crate::engine::step::{Component, Op, Step};
use crate::engine::text::Text;
use crate::present::i18n::Lang;
use crate::time::EPOCH_MS;

/// One step as the event log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based step number.
    pub step: usize,
    pub time: String,
    pub component: String,
    pub reason: String,
    pub object: String,
    pub message: String,
    pub explanation: String,
    pub warning: bool,
}

fn pick(text: &Text, lang: Lang) -> String {
    match lang {
        Lang::En => text.en.clone(),
        Lang::Zh => text.zh.clone(),
    }
}

/// The simulated clock as `mm:ss.s` (or `h:mm:ss`) since the simulation started.
pub fn clock(time_ms: i64) -> String {
    let ms = (time_ms - EPOCH_MS).max(0);
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}.{}", s / 60, s % 60, ms % 1000 / 100)
    }
}

/// The object a step is about: its event's object, else the first object it changed.
fn object_of(step: &Step) -> String {
    if let Some(e) = &step.event {
        return e.object.clone();
    }
    step.changes
        .first()
        .map(|c| crate::engine::step::object_ref(c.key.0, &c.key.2))
        .unwrap_or_default()
}

/// What a step without an event did, in a word: `create`, `update`, `delete`.
fn verb(step: &Step) -> String {
    match step.changes.first().map(|c| c.op) {
        Some(Op::Created) => "Create".into(),
        Some(Op::Deleted) => "Delete".into(),
        Some(Op::Updated) => {
            let fields = step
                .changes
                .first()
                .map(|c| c.fields().to_vec())
                .unwrap_or_default();
            if fields.iter().all(|f| f.starts_with("status")) && !fields.is_empty() {
                "UpdateStatus".into()
            } else {
                "Update".into()
            }
        }
        None => String::new(),
    }
}

/// The log row of a step.
pub fn row(step: &Step, lang: Lang) -> Row {
    let (reason, message, warning) = match &step.event {
        Some(e) => (e.reason.clone(), e.message.clone(), e.type_ == "Warning"),
        None => (verb(step), String::new(), false),
    };
    let mut explanation = pick(&step.explain, lang);
    for wait in step.waits.iter().take(3) {
        explanation.push_str(match lang {
            Lang::En => " Meanwhile: ",
            Lang::Zh => " 同时:",
        });
        explanation.push_str(&pick(wait, lang));
        explanation.push_str(if lang == Lang::Zh { "。" } else { "." });
    }
    for change in &step.dns {
        explanation.push(' ');
        explanation.push_str(&pick(change, lang));
        if !explanation.ends_with('.') && !explanation.ends_with('。') {
            explanation.push_str(if lang == Lang::Zh { "。" } else { "." });
        }
    }
    Row {
        step: step.index,
        time: clock(step.time_ms),
        component: component_label(&step.component),
        reason,
        object: object_of(step),
        message,
        explanation,
        warning,
    }
}

fn component_label(component: &Component) -> String {
    match component {
        Component::Kubelet(node) => format!("kubelet/{node}"),
        other => other.name(),
    }
}

pub fn rows(steps: &[Step], lang: Lang) -> Vec<Row> {
    steps.iter().map(|s| row(s, lang)).collect()
}

/// The colour class of a step's mark on the timeline: warnings first, then the kinds a
/// learner jumps between (pod creation, binding, DNS change), then the component.
pub fn mark_class(step: &Step) -> &'static str {
    if step.event.as_ref().is_some_and(|e| e.type_ == "Warning") {
        return "warning";
    }
    if !step.dns.is_empty() {
        return "dns";
    }
    let created_pod = step
        .changes
        .iter()
        .any(|c| c.op == Op::Created && c.key.0 == crate::manifest::model::Kind::Pod);
    if created_pod {
        return "pod-create";
    }
    let binding = step.changes.iter().any(|c| {
        c.fields().iter().any(|f| {
            f == "spec.claimRef" || f == "spec.volumeName" || f.starts_with("spec.claimRef.")
        })
    });
    if binding {
        return "binding";
    }
    step.component.class()
}

/// At most this many marks are drawn: on a long timeline a mark stands for a run of steps,
/// so the timeline costs the same to draw at 100 steps and at 100,000.
pub const MAX_MARKS: usize = 400;

/// A mark on the timeline: one step or, on a long timeline, a run of consecutive steps,
/// coloured by its most notable step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The 1-based numbers of the first and the last step it stands for.
    pub first: usize,
    pub last: usize,
    pub class: &'static str,
    /// The most notable step as a line (`line`), and how many more steps the mark holds.
    pub title: String,
}

/// How notable a mark class is: warnings first, then what "jump to the next" offers.
fn notability(class: &str) -> u8 {
    match class {
        "warning" => 4,
        "dns" => 3,
        "pod-create" => 2,
        "binding" => 1,
        _ => 0,
    }
}

/// The timeline's marks: one per step up to `max` steps, otherwise `max` runs of
/// (nearly) equal length, each coloured by its most notable step (the first one on a tie).
pub fn marks(steps: &[Step], max: usize) -> Vec<Mark> {
    let max = max.max(1);
    let per_mark = steps.len().div_ceil(max).max(1);
    steps
        .chunks(per_mark)
        .enumerate()
        .filter_map(|(i, run)| {
            let first = i * per_mark + 1;
            let classes = run.iter().map(mark_class);
            let (offset, class) =
                classes
                    .enumerate()
                    .fold(
                        None,
                        |best: Option<(usize, &'static str)>, (j, c)| match best {
                            Some((_, b)) if notability(b) >= notability(c) => best,
                            _ => Some((j, c)),
                        },
                    )?;
            let mut title = line(run.get(offset)?);
            if run.len() > 1 {
                title.push_str(&format!(" (+{} more)", run.len() - 1));
            }
            Some(Mark {
                first,
                last: first + run.len() - 1,
                class,
                title,
            })
        })
        .collect()
}

/// Whether a step has a mark class, for "jump to the next step of this kind".
pub fn is_kind(step: &Step, class: &str) -> bool {
    mark_class(step) == class
}

/// A step as one fixed-column line: time, component, reason, object, message.
pub fn line(step: &Step) -> String {
    let r = row(step, Lang::En);
    let what = if r.message.is_empty() {
        step.changes
            .first()
            .map(|c| {
                let fields = c
                    .fields()
                    .iter()
                    .take(4)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if fields.is_empty() {
                    String::new()
                } else {
                    format!("({fields})")
                }
            })
            .unwrap_or_default()
    } else {
        r.message
    };
    format!(
        "{:>4} {} {:<28} {:<18} {:<34} {}",
        r.step, r.time, r.component, r.reason, r.object, what
    )
    .trim_end()
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_format() {
        assert_eq!(clock(EPOCH_MS), "00:00.0");
        assert_eq!(clock(EPOCH_MS + 61_500), "01:01.5");
        assert_eq!(clock(EPOCH_MS + 3_723_000), "1:02:03");
    }
}
