//! Step controls: back, forward, play/pause with speed, jump to start/end, jump to the next
//! step of a chosen kind, a scrubbable timeline with a coloured mark per step, and the
//! simulated clock. The component only emits `Nav` requests; the app decides.

use crate::manifest::decimal::fixed;
use crate::present::i18n::{text, Label, Lang};
use crate::present::timeline::Mark;
use crate::ui::button;
use std::rc::Rc;
use yew::prelude::*;

/// A navigation request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Nav {
    Start,
    Back,
    Forward,
    End,
    Seek(usize),
    TogglePlay,
    Speed(f64),
    /// Jump to the next step whose mark has this class.
    Next(&'static str),
}

/// The speeds offered, as multiples of real time.
pub const SPEEDS: [f64; 6] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];
/// SPEEDS as the menu prints them (formatting a float would link a float printer).
const SPEED_LABELS: [&str; 6] = ["0.25", "0.5", "1", "2", "4", "8"];

/// The kinds of step one can jump to: (mark class, English, Chinese).
pub const NEXT_KINDS: [(&str, &str, &str); 4] = [
    ("pod-create", "pod creation", "Pod 创建"),
    ("binding", "binding", "绑定"),
    ("dns", "DNS change", "DNS 变化"),
    ("warning", "warning", "警告"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Steps taken so far (the cursor) and the number of steps known.
    pub cursor: usize,
    pub total: usize,
    pub playing: bool,
    /// End is still playing the simulation to its settled state.
    #[prop_or_default]
    pub settling: bool,
    pub speed: f64,
    /// The simulated clock at the cursor, e.g. `00:00:12`.
    pub clock: AttrValue,
    pub marks: Rc<Vec<Mark>>,
    pub on_nav: Callback<Nav>,
}

#[function_component(StepControls)]
pub fn step_controls(props: &Props) -> Html {
    let l = props.lang;
    let nav = |n: Nav| {
        let on_nav = props.on_nav.clone();
        Callback::from(move |_: MouseEvent| on_nav.emit(n))
    };
    let on_scrub = {
        let on_nav = props.on_nav.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(step) = input.value().parse::<usize>() {
                    on_nav.emit(Nav::Seek(step));
                }
            }
        })
    };
    let on_speed = {
        let on_nav = props.on_nav.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                // The options are SPEEDS in order (reading the value as text would link the
                // standard library's float parser into the bundle).
                let index = usize::try_from(select.selected_index()).ok();
                if let Some(&speed) = index.and_then(|i| SPEEDS.get(i)) {
                    on_nav.emit(Nav::Speed(speed));
                }
            }
        })
    };
    let on_next = {
        let on_nav = props.on_nav.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let value = select.value();
                if let Some((class, _, _)) = NEXT_KINDS.iter().find(|(c, _, _)| *c == value) {
                    on_nav.emit(Nav::Next(class));
                }
                select.set_value("");
            }
        })
    };
    let total = props.total.max(1);
    // Marks are drawn in SVG (positions as attributes), since the page's
    // Content-Security-Policy allows no inline styles.
    let marks = props.marks.iter().map(|m| {
        let x = m.first as f64 * 100.0 / total as f64;
        let onclick = nav(Nav::Seek(m.first));
        let current = (m.first..=m.last).contains(&props.cursor);
        html! {
            <rect class={classes!("mark", m.class, current.then_some("current"))}
                x={format!("{}%", fixed(x, 3))} y="0" width="3" height="8" {onclick}>
                <title>{ m.title.clone() }</title>
            </rect>
        }
    });
    let play_label = if props.playing {
        Label::Pause
    } else {
        Label::Play
    };
    html! {
        <div class="controls" aria-busy={props.settling.to_string()}>
            <div class="buttons" role="toolbar" aria-label={text(l, Label::Steps)}>
                { button(None, nav(Nav::Start), Some(text(l, Label::JumpStart)), Some("Home"), "|◀") }
                { button(None, nav(Nav::Back), Some(text(l, Label::StepBack)), Some("←"), "‹") }
                <button type="button" class="play" onclick={nav(Nav::TogglePlay)} aria-label={text(l, play_label)}
                    aria-pressed={props.playing.to_string()} title="Space">{ if props.playing { "||" } else { "▶" } }</button>
                { button(None, nav(Nav::Forward), Some(text(l, Label::StepForward)), Some("→"), "›") }
                { button(None, nav(Nav::End), Some(text(l, Label::JumpEnd)), Some("End"), "▶|") }
                <label class="speed">
                    <span>{ text(l, Label::Speed) }</span>
                    <select onchange={on_speed}>
                        { for SPEEDS.iter().zip(SPEED_LABELS).map(|(s, label)| html! {
                            <option value={label} selected={(*s - props.speed).abs() < 1e-9}>{ format!("{label}×") }</option>
                        }) }
                    </select>
                </label>
                <label class="next">
                    <span class="visually-hidden">{ text(l, Label::NextOf) }</span>
                    <select onchange={on_next} aria-label={text(l, Label::NextOf)}>
                        <option value="" selected=true>{ format!("{} …", text(l, Label::NextOf)) }</option>
                        { for NEXT_KINDS.iter().map(|(class, en, zh)| html! {
                            <option value={*class}>{ if l == Lang::Zh { *zh } else { *en } }</option>
                        }) }
                    </select>
                </label>
                <span class="position" aria-live="off">{ format!("{} / {}", props.cursor, props.total) }</span>
                <span class="clock" title={text(l, Label::Clock)}>{ props.clock.clone() }</span>
            </div>
            <div class="timeline">
                <input type="range" min="0" max={props.total.to_string()} value={props.cursor.to_string()}
                    aria-label={text(l, Label::Timeline)} oninput={on_scrub} />
                <svg class="marks" aria-hidden="true" width="100%" height="8">{ for marks }</svg>
            </div>
        </div>
    }
}
