//! The manifest editor: a plain `<textarea>` (native undo/redo, find, IME, accessibility)
//! over a highlighted copy of its text, with line numbers, diagnostics in the gutter and
//! underlined in the text, a problems list that jumps to the line, two-space Tab and
//! Shift-Tab indentation, and Ctrl/Cmd+Enter to apply. Text is rendered as text nodes.

use crate::present::highlight;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Lines past this are shown without colours, so a huge paste stays responsive.
const HIGHLIGHT_LINES: usize = 4000;

/// A problem to show at a place in the text (1-based line and column).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub line: usize,
    pub column: usize,
    pub error: bool,
    pub message: String,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: Rc<String>,
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    pub on_change: Callback<String>,
    pub on_apply: Callback<()>,
    #[prop_or_default]
    pub read_only: bool,
    pub label: AttrValue,
    pub problems_label: AttrValue,
}

/// Replaces the selection through the browser's editing commands, so that undo keeps working.
fn insert_text(area: &HtmlTextAreaElement, text: &str) -> bool {
    let document = gloo::utils::document();
    let Ok(html) = document.dyn_into::<web_sys::HtmlDocument>() else {
        return false;
    };
    area.focus().ok();
    html.exec_command_with_show_ui_and_value("insertText", false, text)
        .unwrap_or(false)
}

/// Indents (or outdents) every line the selection touches by two spaces.
fn indent(area: &HtmlTextAreaElement, outdent: bool) {
    let value = area.value();
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(0) as usize;
    // Selection offsets are UTF-16 units; work on a UTF-16 copy of the text.
    let units: Vec<u16> = value.encode_utf16().collect();
    let (start, end) = (start.min(units.len()), end.min(units.len()));
    if !outdent && start == end {
        insert_text(area, "  ");
        return;
    }
    let line_start = units
        .get(..start)
        .unwrap_or_default()
        .iter()
        .rposition(|&u| u == u16::from(b'\n'))
        .map_or(0, |i| i + 1);
    let block = String::from_utf16_lossy(units.get(line_start..end).unwrap_or_default());
    let changed: Vec<String> = block
        .split('\n')
        .map(|line| {
            if outdent {
                let strip = line.len() - line.trim_start_matches(' ').len();
                line.get(strip.min(2)..).unwrap_or_default().to_string()
            } else {
                format!("  {line}")
            }
        })
        .collect();
    let changed = changed.join("\n");
    area.set_selection_range(line_start as u32, end as u32).ok();
    if !insert_text(area, &changed) {
        let before = String::from_utf16_lossy(units.get(..line_start).unwrap_or_default());
        let after = String::from_utf16_lossy(units.get(end..).unwrap_or_default());
        area.set_value(&format!("{before}{changed}{after}"));
    }
    let new_end = line_start + changed.encode_utf16().count();
    area.set_selection_range(line_start as u32, new_end as u32)
        .ok();
}

fn select_line(area: &HtmlTextAreaElement, line: usize) {
    let value = area.value();
    let mut offset = 0usize;
    for (i, text) in value.split('\n').enumerate() {
        let len = text.encode_utf16().count();
        if i + 1 == line {
            area.focus().ok();
            area.set_selection_range(offset as u32, (offset + len) as u32)
                .ok();
            let line_height = 20;
            area.set_scroll_top(((line.saturating_sub(3)) * line_height) as i32);
            return;
        }
        offset += len + 1;
    }
}

#[function_component(Editor)]
pub fn editor(props: &Props) -> Html {
    let area = use_node_ref();
    let layer = use_node_ref();
    let gutter = use_node_ref();

    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_change.emit(area.value());
            }
        })
    };
    let onkeydown = {
        let on_apply = props.on_apply.clone();
        let on_change = props.on_change.clone();
        let read_only = props.read_only;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_apply.emit(());
            } else if e.key() == "Tab" && !read_only && !e.alt_key() {
                // Escape then Tab leaves the editor, so keyboard users are never trapped.
                if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    if area.dataset().get("escaped").is_some() {
                        area.dataset().delete("escaped");
                        return;
                    }
                    e.prevent_default();
                    indent(&area, e.shift_key());
                    on_change.emit(area.value());
                }
            } else if e.key() == "Escape" {
                if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    area.dataset().set("escaped", "1").ok();
                }
            }
        })
    };
    let onscroll = {
        let layer = layer.clone();
        let gutter = gutter.clone();
        Callback::from(move |e: Event| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                if let Some(layer) = layer.cast::<HtmlElement>() {
                    layer.set_scroll_top(area.scroll_top());
                    layer.set_scroll_left(area.scroll_left());
                }
                if let Some(gutter) = gutter.cast::<HtmlElement>() {
                    gutter.set_scroll_top(area.scroll_top());
                }
            }
        })
    };

    let text = props.text.as_str();
    let marks = &props.marks;
    let lines: Vec<&str> = text.split('\n').collect();
    let numbers = lines.iter().enumerate().map(|(i, _)| {
        let line = i + 1;
        let here: Vec<&Mark> = marks.iter().filter(|m| m.line == line).collect();
        let class = match here.iter().any(|m| m.error) {
            true => "error",
            false if !here.is_empty() => "warning",
            false => "",
        };
        let title = here
            .iter()
            .map(|m| m.message.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        html! { <div class={classes!("line-number", class)} title={title}>{ line }</div> }
    });
    let highlighted = lines.iter().enumerate().map(|(i, line)| {
        let mark = marks.iter().find(|m| m.line == i + 1);
        let spans = if i < HIGHLIGHT_LINES {
            highlight::line(line)
        } else {
            vec![highlight::Span {
                token: highlight::Token::Plain,
                text: line.to_string(),
            }]
        };
        let mut column = 1;
        let spans = spans.into_iter().map(|span| {
            let width = span.text.chars().count();
            let marked = mark.is_some_and(|m| m.column < column + width.max(1));
            column += width;
            let diag = mark.filter(|_| marked).map(|m| {
                if m.error {
                    "diag-error"
                } else {
                    "diag-warning"
                }
            });
            html! { <span class={classes!(span.token.class(), diag)}>{ span.text }</span> }
        });
        html! { <div class="code-line">{ for spans }{ "\u{200b}" }</div> }
    });
    let problems: Vec<Html> = marks
        .iter()
        .map(|m| {
            let area = area.clone();
            let line = m.line;
            let onclick = Callback::from(move |_: MouseEvent| {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    select_line(&area, line);
                }
            });
            html! {
                <li class={if m.error { "error" } else { "warning" }}>
                    <button type="button" {onclick}>
                        <span class="where">{ format!("{}:{}", m.line, m.column) }</span>
                        { m.message.clone() }
                    </button>
                </li>
            }
        })
        .collect();

    html! {
        <div class="editor-box">
            <div class="editor-frame">
                <div class="gutter" ref={gutter} aria-hidden="true">{ for numbers }</div>
                <div class="code">
                    <pre class="highlight" ref={layer} aria-hidden="true">{ for highlighted }</pre>
                    <textarea ref={area} class="source" spellcheck="false" autocomplete="off"
                        autocapitalize="off" wrap="off" aria-label={props.label.clone()}
                        readonly={props.read_only} value={text.to_string()}
                        {oninput} {onkeydown} {onscroll} />
                </div>
            </div>
            if !marks.is_empty() {
                <ul class="problems" aria-label={props.problems_label.clone()}>{ for problems.into_iter() }</ul>
            }
        </div>
    }
}
