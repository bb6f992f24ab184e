//! The inspector: the selected object at this step as `kubectl get -o yaml` (lines this
//! step changed are highlighted), its `kubectl describe`, its events, and an explanation
//! (the binding explainer for a claim, DNS names for a pod). Tabs follow the ARIA pattern.

use crate::present::i18n::{text, Label, Lang};
use yew::prelude::*;

/// What the inspector shows for one object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    pub title: String,
    pub yaml: String,
    /// 1-based lines of `yaml` the current step changed.
    pub changed_lines: Vec<usize>,
    pub describe: String,
    pub events: String,
    pub explain: String,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: Option<View>,
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Yaml,
    Describe,
    Events,
    Explain,
}

#[function_component(Inspector)]
pub fn inspector(props: &Props) -> Html {
    let l = props.lang;
    let tab = use_state(|| Tab::Yaml);
    let Some(view) = &props.view else {
        return html! { <p class="empty">{ text(l, Label::InspectorEmpty) }</p> };
    };
    let tabs = [
        (Tab::Yaml, Label::Yaml),
        (Tab::Describe, Label::Describe),
        (Tab::Events, Label::EventsTab),
        (Tab::Explain, Label::Explain),
    ];
    let buttons = tabs.iter().map(|(t, label)| {
        let onclick = {
            let tab = tab.clone();
            let t = *t;
            Callback::from(move |_: MouseEvent| tab.set(t))
        };
        let selected = *tab == *t;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()}
                tabindex={if selected { "0" } else { "-1" }} {onclick}>{ text(l, *label) }</button>
        }
    });
    let body = match *tab {
        Tab::Yaml => {
            let lines = view.yaml.lines().enumerate().map(|(i, line)| {
                let changed = view.changed_lines.contains(&(i + 1));
                html! { <span class={classes!("yaml-line", changed.then_some("changed"))}>{ format!("{line}\n") }</span> }
            });
            html! { <pre class="inspect">{ for lines }</pre> }
        }
        Tab::Describe => html! { <pre class="inspect">{ view.describe.clone() }</pre> },
        Tab::Events => html! { <pre class="inspect">{ view.events.clone() }</pre> },
        Tab::Explain => html! { <pre class="inspect explain">{ view.explain.clone() }</pre> },
    };
    html! {
        <div class="inspector-box">
            <h3 class="inspected">{ view.title.clone() }</h3>
            <div role="tablist" class="tabs">{ for buttons }</div>
            <div role="tabpanel" class="tab-body" tabindex="0">{ body }</div>
        </div>
    }
}
