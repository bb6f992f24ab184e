//! The DNS panel: type a name, choose the namespace to resolve from, and see the answer and
//! the resolution trace at the current step; quick buttons offer the names the scenario
//! makes. The app computes the trace, so it follows the cursor.

use crate::present::i18n::{text, Label, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub namespaces: Rc<Vec<String>>,
    /// Names worth trying in this scenario (`web-0.nginx`, `nginx`, …).
    pub suggestions: Rc<Vec<String>>,
    /// (name, namespace) → the trace to show.
    pub resolve: Callback<(String, String), String>,
}

#[function_component(DnsPanel)]
pub fn dns_panel(props: &Props) -> Html {
    let l = props.lang;
    let name = use_state(String::new);
    let namespace = use_state(|| "default".to_string());
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                name.set(input.value());
            }
        })
    };
    let on_ns = {
        let namespace = namespace.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                namespace.set(select.value());
            }
        })
    };
    let quick = props.suggestions.iter().map(|s| {
        let name = name.clone();
        let value = s.clone();
        let onclick = Callback::from(move |_: MouseEvent| name.set(value.clone()));
        html! { <button type="button" class="chip" {onclick}>{ s.clone() }</button> }
    });
    let trace = (!name.trim().is_empty()).then(|| {
        props
            .resolve
            .emit((name.trim().to_string(), (*namespace).clone()))
    });
    html! {
        <div class="dns-box">
            <div class="dns-query">
                <input type="text" value={(*name).clone()} placeholder="web-0.nginx" spellcheck="false"
                    aria-label={text(l, Label::DnsName)} oninput={on_name} />
                <label>
                    <span>{ text(l, Label::Namespace) }</span>
                    <select onchange={on_ns}>
                        { for props.namespaces.iter().map(|ns| html! {
                            <option value={ns.clone()} selected={*ns == *namespace}>{ ns.clone() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="chips">{ for quick }</div>
            if let Some(trace) = trace {
                <pre class="dns-trace" aria-live="polite">{ trace }</pre>
            }
        </div>
    }
}
