//! The browser UI: Yew components only. Everything on screen is derived from the
//! simulation at the cursor; this layer owns no cluster state and holds no logic that
//! can be tested natively (that lives in `present`). Side effects (storage, timers)
//! live in effects, never in the reducer.

mod app;
pub mod console;
pub mod controls;
pub mod dns_panel;
pub mod editor;
pub mod graph;
pub mod inspector;
pub mod lessons;
pub mod log;
mod panic;
mod share;

pub use app::App;

use yew::prelude::*;

/// A `<button type="button">` as the panels draw them: an optional class, what a click
/// does, an optional accessible name and tooltip, and the visible text. The buttons share
/// this one compiled copy of the markup rather than one inlined per button.
#[inline(never)]
pub(crate) fn button(
    class: Option<&'static str>,
    onclick: Callback<MouseEvent>,
    aria_label: Option<&'static str>,
    title: Option<&'static str>,
    label: &'static str,
) -> Html {
    html! {
        <button type="button" {class} {onclick} aria-label={aria_label} {title}>{ label }</button>
    }
}
pub use panic::show_banner as show_error;

/// Mounts the playground on the page's `#app` element (or `<body>` if it is missing),
/// after installing the panic hook that turns any bug into a visible message.
pub fn start() {
    panic::install_hook();
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
