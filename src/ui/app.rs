//! The application: one reducer owns the state (language, the manifests being edited),
//! the panels only receive props and emit callbacks. Side effects (localStorage, the
//! `<html lang>` attribute) live in effects, never in the reducer. The manifests are saved
//! as the learner types and restored on the next visit; the first visit opens on the
//! tutorial's example.

use crate::manifest::{self, Severity};
use crate::present::i18n::{text, Label, Lang};
use crate::ui::editor::{Editor, Mark};
use std::rc::Rc;
use yew::prelude::*;

const LANG_KEY: &str = "stsplay.lang";
const TEXT_KEY: &str = "stsplay.manifests";
/// The tutorial's example: three static volumes, a headless Service, a StatefulSet.
pub const EXAMPLE: &str = include_str!("../../static/examples/web.yaml");
/// Saved text larger than this is ignored rather than loaded (the editor's own limit).
const MAX_SAVED: usize = 1 << 20;

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The language remembered from an earlier visit, else the browser's, else English.
fn initial_lang() -> Lang {
    let stored = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    stored
        .or_else(|| {
            gloo::utils::window()
                .navigator()
                .language()
                .and_then(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

fn initial_text() -> String {
    storage()
        .and_then(|s| s.get_item(TEXT_KEY).ok().flatten())
        .filter(|t| t.len() <= MAX_SAVED)
        .unwrap_or_else(|| EXAMPLE.to_string())
}

/// The whole state of the page.
#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub text: Rc<String>,
}

/// Everything that can happen to the state.
pub enum Msg {
    SetLang(Lang),
    Edit(String),
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Edit(text) => next.text = Rc::new(text),
        }
        Rc::new(next)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        lang: initial_lang(),
        text: Rc::new(initial_text()),
    });

    use_effect_with(state.lang, |lang| {
        if let Some(html) = gloo::utils::document().document_element() {
            html.set_attribute("lang", lang.tag()).ok();
        }
        if let Some(s) = storage() {
            s.set_item(LANG_KEY, lang.tag()).ok();
        }
    });
    use_effect_with(state.text.clone(), |text| {
        if let Some(s) = storage() {
            s.set_item(TEXT_KEY, text).ok();
        }
    });
    let marks = use_memo(state.text.clone(), |text| {
        manifest::parse(text)
            .diagnostics
            .into_iter()
            .map(|d| Mark {
                line: d.line,
                column: d.column,
                error: d.severity == Severity::Error,
                message: if d.path.is_empty() {
                    d.message
                } else {
                    format!("{}: {}", d.path, d.message)
                },
            })
            .collect::<Vec<_>>()
    });

    let l = state.lang;
    let switch = Lang::ALL
        .into_iter()
        .map(|option| {
            let state = state.clone();
            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Msg::SetLang(option)));
            html! {
                <button type="button" class="lang-option" lang={option.tag()}
                    aria-pressed={(option == l).to_string()} {onclick}>
                    { option.native_name() }
                </button>
            }
        })
        .collect::<Html>();
    let on_change = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Msg::Edit(text)))
    };

    let panel = |id: &'static str, title: Label, body: Html| {
        html! {
            <section id={id} class={classes!("panel", id)} aria-labelledby={format!("{id}-title")}>
                <h2 id={format!("{id}-title")}>{ text(l, title) }</h2>
                { body }
            </section>
        }
    };
    let empty = |label: Label| html! { <p class="empty">{ text(l, label) }</p> };

    html! {
        <div class="shell">
            <header class="topbar">
                <h1 class="brand">{ "stsplay" }</h1>
                <p class="tagline">{ text(l, Label::Tagline) }</p>
                <nav class="lang-switch" aria-label={text(l, Label::Language)}>{ switch }</nav>
            </header>
            <main class="workspace">
                { panel("editor", Label::Manifests, html! {
                    <Editor text={state.text.clone()} marks={Rc::new((*marks).clone())} {on_change}
                        on_apply={Callback::from(|_| ())}
                        label={text(l, Label::EditorLabel)} problems_label={text(l, Label::Problems)} />
                }) }
                { panel("steps", Label::Steps, empty(Label::StepsEmpty)) }
                { panel("graph", Label::Cluster, empty(Label::ClusterEmpty)) }
                { panel("inspector", Label::Inspector, empty(Label::InspectorEmpty)) }
                { panel("log", Label::Events, empty(Label::EventsEmpty)) }
                { panel("console", Label::Console, empty(Label::ConsoleEmpty)) }
            </main>
        </div>
    }
}
