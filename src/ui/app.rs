//! The application shell: the header with the product name and the language switch, and
//! the panels (editor, steps, cluster graph, event log, inspector, console) laid out for a
//! 1280×800 screen and stacked on a narrow one.

use crate::present::i18n::{text, Label, Lang};
use yew::prelude::*;

const LANG_KEY: &str = "stsplay.lang";

/// The language remembered from an earlier visit, else the browser's, else English.
fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    stored
        .or_else(|| {
            window
                .navigator()
                .language()
                .and_then(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(initial_lang);

    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            let window = gloo::utils::window();
            if let Some(html) = gloo::utils::document().document_element() {
                html.set_attribute("lang", lang.tag()).ok();
            }
            if let Ok(Some(storage)) = window.local_storage() {
                storage.set_item(LANG_KEY, lang.tag()).ok();
            }
        });
    }

    let l = *lang;
    let switch = Lang::ALL
        .into_iter()
        .map(|option| {
            let lang = lang.clone();
            let onclick = Callback::from(move |_: MouseEvent| lang.set(option));
            html! {
                <button type="button" class="lang-option" lang={option.tag()}
                    aria-pressed={(option == l).to_string()} {onclick}>
                    { option.native_name() }
                </button>
            }
        })
        .collect::<Html>();

    let panel = |id: &'static str, title: Label, empty: Label| {
        html! {
            <section id={id} class={classes!("panel", id)} aria-labelledby={format!("{id}-title")}>
                <h2 id={format!("{id}-title")}>{ text(l, title) }</h2>
                <p class="empty">{ text(l, empty) }</p>
            </section>
        }
    };

    html! {
        <div class="shell">
            <header class="topbar">
                <h1 class="brand">{ "stsplay" }</h1>
                <p class="tagline">{ text(l, Label::Tagline) }</p>
                <nav class="lang-switch" aria-label={text(l, Label::Language)}>{ switch }</nav>
            </header>
            <main class="workspace">
                { panel("editor", Label::Manifests, Label::EditorEmpty) }
                { panel("steps", Label::Steps, Label::StepsEmpty) }
                { panel("graph", Label::Cluster, Label::ClusterEmpty) }
                { panel("inspector", Label::Inspector, Label::InspectorEmpty) }
                { panel("log", Label::Events, Label::EventsEmpty) }
                { panel("console", Label::Console, Label::ConsoleEmpty) }
            </main>
        </div>
    }
}
