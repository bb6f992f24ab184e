//! The event log: one row per step (time, component, reason, object, message) with its
//! explanation, the current step highlighted, a filter by object or kind, click (or
//! Enter) to seek. It is an ARIA live region, so a screen reader follows the simulation.

use crate::present::i18n::{text, Label, Lang};
use std::rc::Rc;
use yew::prelude::*;

pub use crate::present::timeline::Row;

/// Rows shown at once (newest first); older steps are reached by seeking or filtering.
const MAX_ROWS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub rows: Rc<Vec<Rc<Row>>>,
    pub cursor: usize,
    pub on_seek: Callback<usize>,
}

/// One row. The rows are built once per trace and kept behind `Rc`s, so a row whose
/// `Rc` and highlight are the same as last time is not drawn again: a step redraws the
/// rows that came or went and the two whose highlight moved, not all 300.
#[derive(Properties)]
struct RowProps {
    row: Rc<Row>,
    current: bool,
    on_seek: Callback<usize>,
}

impl PartialEq for RowProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.row, &other.row)
            && self.current == other.current
            && self.on_seek == other.on_seek
    }
}

#[function_component(LogRow)]
fn log_row(props: &RowProps) -> Html {
    let r = &props.row;
    let seek = {
        let on_seek = props.on_seek.clone();
        let step = r.step;
        Callback::from(move |_: MouseEvent| on_seek.emit(step))
    };
    let current = props.current;
    html! {
        <li class={classes!("row", current.then_some("current"), r.warning.then_some("warning"))}
            aria-current={current.then_some("step")}>
            <button type="button" onclick={seek}>
                <span class="time">{ r.time.clone() }</span>
                <span class="component">{ r.component.clone() }</span>
                <span class="reason">{ r.reason.clone() }</span>
                <span class="object">{ r.object.clone() }</span>
                <span class="message">{ r.message.clone() }</span>
            </button>
            if current && !r.explanation.is_empty() {
                <p class="explanation">{ r.explanation.clone() }</p>
            }
        </li>
    }
}

#[function_component(EventLog)]
pub fn event_log(props: &Props) -> Html {
    let l = props.lang;
    let filter = use_state(String::new);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                filter.set(input.value());
            }
        })
    };
    let needle = filter.to_ascii_lowercase();
    let rows = props
        .rows
        .iter()
        .filter(|r| r.step <= props.cursor)
        .filter(|r| {
            needle.is_empty()
                || r.object.to_ascii_lowercase().contains(&needle)
                || r.reason.to_ascii_lowercase().contains(&needle)
                || r.component.to_ascii_lowercase().contains(&needle)
        })
        .map(|r| {
            html! {
                <LogRow key={r.step} row={Rc::clone(r)} current={r.step == props.cursor}
                    on_seek={props.on_seek.clone()} />
            }
        });
    let current = props.rows.iter().find(|r| r.step == props.cursor);
    html! {
        <div class="log-box">
            <input type="search" class="filter" placeholder={text(l, Label::Filter)}
                aria-label={text(l, Label::Filter)} oninput={on_filter} />
            <ol class="rows">{ for rows.rev().take(MAX_ROWS) }</ol>
            <p class="visually-hidden" aria-live="polite">
                { current.map(|r| format!("{} {} {}: {}", r.reason, r.object, r.message, r.explanation)).unwrap_or_default() }
            </p>
        </div>
    }
}
