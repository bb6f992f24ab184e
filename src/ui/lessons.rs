//! Guided lessons in the page: the lesson list (with progress), and for the open lesson its
//! narration stop by stop, the "try it" task and the checkpoints with what is still
//! missing. Lessons are plain files under `lessons/` next to the page (the built site joins
//! them into one bundle), so authors add lessons without touching Rust.

use crate::manifest::lesson::{self, Lesson, Words};
use crate::present::i18n::{text, Label, Lang};
use crate::present::lesson::CheckpointRun;
use crate::ui::button;
use crate::vecmap::VecSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn pick(words: &Words, lang: Lang) -> String {
    match lang {
        Lang::En => words.en.clone(),
        Lang::Zh => words.zh.clone(),
    }
}

async fn fetch_text(url: &str) -> Option<String> {
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// Loads the lessons from the site's bundle, or else (a development server, which has
/// no bundle) those listed in `lessons/index.yaml`, in order; unreadable ones are skipped.
pub async fn load() -> Vec<Rc<Lesson>> {
    if let Some(bundle) = fetch_text("lessons/all.txt").await {
        return lesson::parse_bundle(&bundle)
            .into_iter()
            .map(Rc::new)
            .collect();
    }
    let Some(index) = fetch_text("lessons/index.yaml").await else {
        return Vec::new();
    };
    let ids: Vec<String> = index
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .take(100)
        .collect();
    let mut out = Vec::new();
    for id in ids {
        if let Some(text) = fetch_text(&format!("lessons/{id}.yaml")).await {
            if let Ok(lesson) = lesson::parse(&text) {
                out.push(Rc::new(lesson));
            }
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub lang: Lang,
    pub lessons: Rc<Vec<Rc<Lesson>>>,
    pub done: Rc<VecSet<String>>,
    pub on_open: Callback<Rc<Lesson>>,
    pub on_close: Callback<()>,
}

/// The lesson index.
#[function_component(LessonList)]
pub fn lesson_list(props: &ListProps) -> Html {
    let l = props.lang;
    let items = props.lessons.iter().map(|lesson| {
        let onclick = {
            let on_open = props.on_open.clone();
            let lesson = lesson.clone();
            Callback::from(move |_: MouseEvent| on_open.emit(lesson.clone()))
        };
        let done = props.done.contains(&lesson.id);
        html! {
            <li>
                <button type="button" class="lesson-item" {onclick}>
                    <strong>{ pick(&lesson.title, l) }</strong>
                    if done { <span class="done">{ format!(" ✓ {}", text(l, Label::Completed)) }</span> }
                    <span class="summary">{ pick(&lesson.summary, l) }</span>
                </button>
            </li>
        }
    });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <div class="lessons" role="dialog" aria-label={text(l, Label::Lessons)}>
            <div class="lessons-head">
                <h2>{ text(l, Label::Lessons) }</h2>
                { button(None, close, None, None, text(l, Label::Close)) }
            </div>
            <ol class="lesson-list">{ for items }</ol>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct GuideProps {
    pub lang: Lang,
    pub lesson: Rc<Lesson>,
    /// Stops played so far.
    pub stop: usize,
    pub checks: Option<Rc<Vec<CheckpointRun>>>,
    pub on_next: Callback<()>,
    pub on_check: Callback<()>,
    pub on_leave: Callback<()>,
}

/// The open lesson: the narration of the stop reached, then the task and checkpoints.
#[function_component(LessonGuide)]
pub fn lesson_guide(props: &GuideProps) -> Html {
    let l = props.lang;
    let lesson = &props.lesson;
    let total = lesson.script.len();
    let said = props
        .stop
        .checked_sub(1)
        .and_then(|i| lesson.script.get(i))
        .map(|s| pick(&s.say, l));
    let next = {
        let cb = props.on_next.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let check = {
        let cb = props.on_check.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let leave = {
        let cb = props.on_leave.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let checks = props.checks.as_ref().map(|runs| {
        let items = runs.iter().zip(&lesson.checkpoints).map(|(run, cp)| {
            html! {
                <li class={if run.passed { "pass" } else { "fail" }}>
                    { if run.passed { "✓ " } else { "✗ " } }{ pick(&cp.title, l) }
                    if !run.passed { <p class="hint">{ pick(&cp.hint, l) }</p> }
                </li>
            }
        });
        let all = runs.iter().all(|r| r.passed);
        html! {
            <>
                <ul class="checks">{ for items }</ul>
                if all { <p class="lesson-done">{ text(l, Label::LessonDone) }</p> }
            </>
        }
    });
    html! {
        <div class="guide" aria-live="polite">
            <div class="guide-head">
                <strong>{ pick(&lesson.title, l) }</strong>
                <span class="position">{ format!("{} {}/{}", text(l, Label::StopOf), props.stop, total) }</span>
                { button(Some("leave"), leave, None, None, text(l, Label::LeaveLesson)) }
            </div>
            if let Some(said) = said { <p class="say">{ said }</p> }
            if props.stop < total {
                { button(Some("next-stop"), next, None, None, text(l, Label::NextStop)) }
            } else {
                <p class="task"><strong>{ format!("{}: ", text(l, Label::Task)) }</strong>{ pick(&lesson.task, l) }</p>
                { button(Some("check"), check, None, None, text(l, Label::CheckTask)) }
                { checks.unwrap_or_default() }
            }
        </div>
    }
}
