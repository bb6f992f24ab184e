//! Browser tests of the UI wiring, run by wasm-bindgen-test in headless Chromium:
//! the shell mounts, the language switch re-renders and is remembered, the speed menu
//! sets the speed. Rendering is awaited with the scheduler, never with a sleep.
#![cfg(target_arch = "wasm32")]

use stsplay::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is not rendered"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shell_renders_every_panel() {
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("stsplay.lang", "en")
        .unwrap();
    let root = mount();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "h1.brand"), "stsplay");
    for id in ["editor", "steps", "graph", "inspector", "log", "console"] {
        assert!(
            root.query_selector(&format!("section#{id}"))
                .unwrap()
                .is_some(),
            "{id}"
        );
    }
    assert_eq!(text_of(&root, "#editor-title"), "Manifests");
}

#[wasm_bindgen_test]
async fn language_switch_rerenders_and_is_remembered() {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.set_item("stsplay.lang", "en").unwrap();
    let root = mount();
    yew::scheduler::flush().await;
    let zh: web_sys::HtmlElement = root
        .query_selector("button[lang='zh-CN']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    zh.click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "#editor-title"), "清单");
    assert_eq!(zh.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        storage.get_item("stsplay.lang").unwrap().as_deref(),
        Some("zh-CN")
    );
    let html = gloo::utils::document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
fn a_bug_shows_a_banner_with_its_message_as_text() {
    let payload = "index out of bounds <img src=x onerror=alert(1)>";
    stsplay::ui::show_error(payload);
    let document = gloo::utils::document();
    let banner = document
        .query_selector(".error-banner")
        .unwrap()
        .expect("banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let detail = banner.query_selector("pre").unwrap().expect("message");
    assert_eq!(detail.text_content().as_deref(), Some(payload));
    assert!(
        banner.query_selector("img").unwrap().is_none(),
        "the message is text, not markup"
    );
}

/// Clicks any element (HTML or SVG) with a bubbling click event.
fn click(root: &web_sys::Element, selector: &str) {
    let element = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is not rendered"));
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Mounts the app on the tutorial's example (nothing saved), in English.
/// Waits for the page to draw its next frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until End has played the simulation to its settled state (it runs in slices,
/// drawing in between), frame by frame.
async fn until_settled(root: &web_sys::Element) {
    for _ in 0..2000 {
        yew::scheduler::flush().await;
        let busy = root
            .query_selector(".controls")
            .unwrap()
            .and_then(|c| c.get_attribute("aria-busy"));
        if busy.as_deref() == Some("false") {
            return;
        }
        next_frame().await;
    }
    panic!("End is still settling after 2000 frames");
}

async fn mount_example() -> web_sys::Element {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.set_item("stsplay.lang", "en").unwrap();
    storage.remove_item("stsplay.manifests").unwrap();
    let root = mount();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn the_example_opens_at_step_zero_and_steps_forward_and_back() {
    let root = mount_example().await;
    assert!(text_of(&root, ".controls .position").starts_with("0 / "));
    click(&root, "button[aria-label='Step forward']");
    yew::scheduler::flush().await;
    assert!(text_of(&root, ".controls .position").starts_with("1 / "));
    assert!(root
        .query_selector("[data-key='PersistentVolume//pv1']")
        .unwrap()
        .is_some());
    click(&root, "button[aria-label='Step back']");
    yew::scheduler::flush().await;
    assert!(text_of(&root, ".controls .position").starts_with("0 / "));
    assert!(root
        .query_selector("[data-key='PersistentVolume//pv1']")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn jumping_to_the_end_settles_and_selecting_inspects() {
    let root = mount_example().await;
    click(&root, "button[aria-label='Jump to end']");
    until_settled(&root).await;
    let ready = root
        .query_selector_all("[data-key^='Pod/default/web-'].ready")
        .unwrap()
        .length();
    assert_eq!(ready, 3);
    click(&root, "[data-key='Pod/default/web-1']");
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, ".inspected"), "Pod web-1");
    assert!(text_of(&root, ".inspect").contains("hostname: web-1"));
    // Seeking back to the start empties the cluster of the scenario's objects.
    click(&root, "button[aria-label='Jump to start']");
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all("[data-key^='Pod/']")
            .unwrap()
            .length(),
        0
    );
}

#[wasm_bindgen_test]
async fn applying_edited_manifests_adds_steps() {
    let root = mount_example().await;
    click(&root, "button[aria-label='Jump to end']");
    until_settled(&root).await;
    let before = text_of(&root, ".controls .position");
    click(&root, ".editor-actions .apply");
    yew::scheduler::flush().await;
    // Re-applying the same manifests changes nothing but is reported in the console.
    assert!(text_of(&root, ".transcript").contains("statefulset.apps/web unchanged"));
    assert_eq!(text_of(&root, ".controls .position"), before);
}

#[wasm_bindgen_test]
async fn choosing_a_speed_marks_it_selected() {
    let root = mount_example().await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector(".speed select")
        .unwrap()
        .expect("the speed menu")
        .dyn_into()
        .unwrap();
    let selected = |root: &web_sys::Element| text_of(root, ".speed option[selected]");
    assert_eq!(selected(&root), "1×");
    select.set_selected_index(4);
    // A bubbling event of type change, built as `click` builds its own.
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("change", &init).unwrap();
    select.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(selected(&root), "4×");
}
