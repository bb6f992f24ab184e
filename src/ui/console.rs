//! The console: a command line on the shared command language (kubectl, nslookup, dig),
//! with history on ↑/↓ and Tab completion, above the transcript of what was run. Output is
//! text nodes in `<pre>`; the app runs the commands.

use crate::present::i18n::{text, Label, Lang};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One command and what it printed, or a note about the transcript (`note`, with no
/// command), such as which commands were replayed to restore a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub command: String,
    pub output: String,
    pub exit_code: i32,
    pub note: Option<Label>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub entries: Rc<Vec<Entry>>,
    pub on_run: Callback<String>,
    /// Completes the line as typed; `None` when nothing fits.
    pub complete: Callback<String, Option<String>>,
}

#[function_component(Console)]
pub fn console(props: &Props) -> Html {
    let l = props.lang;
    let input = use_node_ref();
    // Position in the history while browsing with ↑/↓ (entries.len() = the new line).
    let browse = use_state(|| None::<usize>);
    let onkeydown = {
        let input = input.clone();
        let entries = props.entries.clone();
        let on_run = props.on_run.clone();
        let complete = props.complete.clone();
        let browse = browse.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(field) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    let line = field.value();
                    if !line.trim().is_empty() {
                        on_run.emit(line);
                        field.set_value("");
                        browse.set(None);
                    }
                }
                "ArrowUp" | "ArrowDown" if !entries.is_empty() => {
                    e.prevent_default();
                    let entries: Vec<&Entry> =
                        entries.iter().filter(|e| e.note.is_none()).collect();
                    let last = entries.len();
                    let at = browse.unwrap_or(last);
                    let next = if e.key() == "ArrowUp" {
                        at.saturating_sub(1)
                    } else {
                        (at + 1).min(last)
                    };
                    let line = entries
                        .get(next)
                        .map(|en| en.command.clone())
                        .unwrap_or_default();
                    field.set_value(&line);
                    browse.set(Some(next));
                }
                "Tab" if !e.shift_key() => {
                    if let Some(done) = complete.emit(field.value()) {
                        e.prevent_default();
                        field.set_value(&done);
                    }
                }
                _ => {}
            }
        })
    };
    let entries = props.entries.iter().map(|en| {
        if let Some(note) = en.note {
            return html! { <li class="note">{ text(l, note) }</li> };
        }
        html! {
            <li class={classes!("entry", (en.exit_code != 0).then_some("failed"))}>
                <pre class="command">{ format!("$ {}", en.command) }</pre>
                <pre class="output">{ en.output.clone() }</pre>
            </li>
        }
    });
    html! {
        <div class="console-box">
            // Focusable, so the transcript scrolls by keyboard too.
            <ol class="transcript" aria-live="polite" tabindex="0" aria-label={text(l, Label::Console)}>{ for entries }</ol>
            <div class="prompt">
                <span aria-hidden="true">{ "$" }</span>
                <input ref={input} type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
                    placeholder="kubectl get pods -o wide" aria-label={text(l, Label::ConsoleInput)} {onkeydown} />
            </div>
        </div>
    }
}
