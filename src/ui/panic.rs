//! What a bug looks like in the browser: the panic message in a banner at the top of the
//! page (and in the console), never a blank page. The banner is built with DOM text nodes,
//! so no message can inject markup.

use crate::present::i18n::{text, Label, Lang};
use wasm_bindgen::JsCast;

/// Installs the hook once; later panics reuse it.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner(&info.to_string());
    }));
}

/// Puts the banner with `message` at the top of the page, as text.
pub fn show_banner(message: &str) {
    let document = gloo::utils::document();
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("error-banner");
    banner.set_attribute("role", "alert").ok();
    if let Ok(title) = document.create_element("strong") {
        title.set_text_content(Some(text(lang, Label::ErrorTitle)));
        banner.append_child(&title).ok();
    }
    if let Ok(detail) = document.create_element("pre") {
        detail.set_text_content(Some(message));
        banner.append_child(&detail).ok();
    }
    if let Some(body) = document.body() {
        let first = body.first_child();
        body.insert_before(&banner, first.as_ref()).ok();
    } else if let Some(html) = document.document_element() {
        html.dyn_ref::<web_sys::Element>()
            .map(|e| e.append_child(&banner));
    }
}
