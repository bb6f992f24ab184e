//! The browser side of sharing, saving and exporting: reading the page's fragment and
//! query, building the share URL, copying it (with a read-only field to copy by hand when
//! the browser refuses), saving files through a Blob URL, telling an embedding page about
//! each step with `postMessage`, and the dismissible notice banner. The format itself
//! lives in `present/share.rs`.

use crate::present::i18n::{text, Label, Lang};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The scenario in the page's fragment (`#s=…`), as written.
pub fn fragment_scenario() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    hash.strip_prefix("#s=").map(str::to_string)
}

/// The page's query string, with its `?`.
pub fn query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// The address of this page (without query or fragment) with a scenario in its fragment.
pub fn share_url(encoded: &str) -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split(['#', '?']).next().unwrap_or_default();
    format!("{base}#s={encoded}")
}

/// Copies `text` to the clipboard; `false` when the browser has no clipboard here or
/// refuses.
pub async fn copy(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, content: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.set_class_name("download-link");
        if let Some(body) = document.body() {
            body.append_child(&anchor).ok();
            anchor.click();
            body.remove_child(&anchor).ok();
        }
    }
    web_sys::Url::revoke_object_url(&url).ok();
}

/// What an embedding page is told about the step shown.
pub struct StepMessage<'a> {
    pub step: usize,
    pub total: usize,
    pub time: &'a str,
    pub component: &'a str,
    pub reason: &'a str,
    pub object: &'a str,
}

/// Posts a message of `kind` (`stsplay:step`, `stsplay:ready`) to the embedding page.
pub fn post_to_parent(kind: &str, step: Option<&StepMessage>) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        js_sys::Reflect::set(&message, &JsValue::from_str(key), &value).ok();
    };
    set("type", JsValue::from_str(kind));
    if let Some(s) = step {
        set("step", JsValue::from_f64(s.step as f64));
        set("total", JsValue::from_f64(s.total as f64));
        set("time", JsValue::from_str(s.time));
        set("component", JsValue::from_str(s.component));
        set("reason", JsValue::from_str(s.reason));
        set("object", JsValue::from_str(s.object));
    }
    parent.post_message(&message, "*").ok();
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub message: Rc<String>,
    pub on_dismiss: Callback<()>,
}

/// A message about what was (not) loaded, until dismissed.
#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class="notice" role="alert">
            <p>{ props.message.as_str() }</p>
            <button type="button" onclick={move |_| on_dismiss.emit(())}>{ text(props.lang, Label::Dismiss) }</button>
        </div>
    }
}

/// What the share button last did.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    Copied,
    /// The clipboard was refused: the link to copy by hand.
    Manual(Rc<String>),
    TooLong,
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub lang: Lang,
    pub shared: Option<Shared>,
    pub presses: u32,
}

/// The share button's outcome: a polite live region, and the link in a selected,
/// read-only field when it could not be copied. A screen reader speaks a live region only
/// when its text changes, so every other press adds a no-break space to the same words:
/// each press is announced, and nothing visible changes.
#[function_component(ShareStatus)]
pub fn share_status(props: &StatusProps) -> Html {
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with((props.shared.clone(), props.presses), move |_| {
            if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                input.focus().ok();
                input.select();
            }
        });
    }
    let l = props.lang;
    let said = match &props.shared {
        Some(Shared::Copied) => text(l, Label::ShareCopied),
        Some(Shared::TooLong) => text(l, Label::ShareTooLong),
        _ => "",
    };
    let said = if props.presses % 2 == 0 && !said.is_empty() {
        format!("{said}\u{a0}")
    } else {
        said.to_string()
    };
    html! {
        <>
            <span class="share-status" role="status" aria-live="polite">{ said }</span>
            if let Some(Shared::Manual(link)) = &props.shared {
                <label class="share-manual">
                    { text(l, Label::ShareManual) }
                    <input ref={field} type="text" readonly=true value={link.to_string()} />
                </label>
            }
        </>
    }
}
