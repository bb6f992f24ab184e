//! The cluster graph: draws `present::graph::Graph` as SVG. Boxes are buttons under a
//! roving tabindex: Tab enters the graph once, the arrow keys move the focus to the
//! nearest box in their direction (`present::graph::neighbour`), Enter, Space or a click
//! selects, Escape returns the focus to the drawing. A `<title>` names each box (kind,
//! name, state) for screen readers and on hover, boxes changed by the current step are
//! highlighted, and the view zooms and pans (wheel, drag, buttons); the wheel listener is
//! not passive, so the wheel zooms without scrolling the page.

use crate::manifest::decimal::fixed;
use crate::present::graph::{neighbour, Direction, Graph, BOX_H, BOX_W};
use crate::present::i18n::{text, Label, Lang};
use crate::ui::button;
use crate::vecmap::VecSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub graph: Rc<Graph>,
    /// Keys (`NodeId::key`) of the objects the current step changed.
    #[prop_or_default]
    pub changed: Rc<VecSet<String>>,
    #[prop_or_default]
    pub selected: Option<String>,
    pub on_select: Callback<String>,
    /// The accessible name of the drawing.
    pub label: AttrValue,
    /// The language of the edge labels.
    pub lang: Lang,
}

/// The smallest view (in drawing units), so that a graph of a few boxes keeps about its
/// natural size instead of filling the panel.
const MIN_VIEW_W: i32 = 3 * BOX_W + 2 * 56 + 32;
const MIN_VIEW_H: i32 = 4 * BOX_H + 3 * 12 + 32;

/// The part of the drawing in view: origin and zoom factor (1.0 = natural size).
#[derive(Clone, Copy, PartialEq)]
struct View {
    x: f64,
    y: f64,
    zoom: f64,
}

const MIN_ZOOM: f64 = 0.2;
const MAX_ZOOM: f64 = 3.0;

fn edge_path(x1: i32, y1: i32, x2: i32, y2: i32) -> String {
    let mid = fixed(f64::from(x1 + x2) / 2.0, 1);
    format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}")
}

#[function_component(ClusterGraph)]
pub fn cluster_graph(props: &Props) -> Html {
    let view = use_state(|| View {
        x: 0.0,
        y: 0.0,
        zoom: 1.0,
    });
    let drag = use_mut_ref(|| None::<(i32, i32, View)>);
    // The box that holds tabindex 0: the last one focused, else the selected, else the first.
    let focused = use_state(|| None::<String>);
    let svg_ref = use_node_ref();
    let graph = &props.graph;
    let roving = [focused.as_deref(), props.selected.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|key| graph.nodes.iter().position(|n| n.id.key() == key))
        .unwrap_or(0);
    // The drawing fits its panel, but a graph of a few boxes is not blown up: the view is
    // at least about three columns wide and four rows high.
    let width = f64::from(graph.width.max(MIN_VIEW_W));
    let height = f64::from(graph.height.max(MIN_VIEW_H));
    let v = *view;
    let view_box = [v.x, v.y, width / v.zoom, height / v.zoom]
        .map(|n| fixed(n, 1))
        .join(" ");

    let zoom_by = {
        let view = view.clone();
        move |factor: f64| {
            let v = *view;
            let zoom = (v.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
            view.set(View { zoom, ..v });
        }
    };
    {
        // Yew listens to wheel events passively, so prevent_default would be ignored and
        // the page would scroll under the zoom; this listener may cancel the scroll.
        let svg_ref = svg_ref.clone();
        let zoom_by = zoom_by.clone();
        use_effect_with(v, move |_| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                gloo::events::EventListener::new_with_options(
                    &svg,
                    "wheel",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        if let Some(e) = e.dyn_ref::<WheelEvent>() {
                            e.prevent_default();
                            zoom_by(if e.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 });
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    let on_key = {
        let svg_ref = svg_ref.clone();
        let focused = focused.clone();
        let on_select = props.on_select.clone();
        let graph = props.graph.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            let on_box = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest(".object").ok().flatten())
                .and_then(|b| b.get_attribute("data-key"));
            let at = on_box
                .as_deref()
                .and_then(|key| graph.nodes.iter().position(|n| n.id.key() == key));
            let key = e.key();
            if let Some(direction) = Direction::of_key(&key) {
                e.prevent_default();
                // From the drawing itself the arrows enter at the roving box.
                let next = match at {
                    Some(at) => neighbour(&graph.nodes, at, direction),
                    None => Some(roving),
                };
                if let Some(node) = next.and_then(|i| graph.nodes.get(i)) {
                    let next_key = node.id.key();
                    let selector = format!("[data-key=\"{next_key}\"]");
                    if let Ok(Some(target)) = svg.query_selector(&selector) {
                        target.unchecked_into::<web_sys::HtmlElement>().focus().ok();
                    }
                    focused.set(Some(next_key));
                }
            } else if key == "Enter" || key == " " {
                if let Some(key) = on_box {
                    e.prevent_default();
                    on_select.emit(key);
                }
            } else if key == "Escape" && on_box.is_some() {
                e.prevent_default();
                svg.unchecked_into::<web_sys::HtmlElement>().focus().ok();
            }
        })
    };
    let on_down = {
        let drag = drag.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = Some((e.client_x(), e.client_y(), *view));
        })
    };
    let on_move = {
        let drag = drag.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((x0, y0, start)) = *drag.borrow() {
                let dx = f64::from(e.client_x() - x0) / start.zoom;
                let dy = f64::from(e.client_y() - y0) / start.zoom;
                view.set(View {
                    x: start.x - dx,
                    y: start.y - dy,
                    ..start
                });
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let zoom_in = {
        let zoom_by = zoom_by.clone();
        Callback::from(move |_: MouseEvent| zoom_by(1.25))
    };
    let zoom_out = Callback::from(move |_: MouseEvent| zoom_by(0.8));
    let fit = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            view.set(View {
                x: 0.0,
                y: 0.0,
                zoom: 1.0,
            })
        })
    };

    let position = |key: &crate::present::graph::NodeId| {
        graph
            .nodes
            .iter()
            .find(|n| n.id == *key)
            .map(|n| (n.x, n.y))
    };
    // One label per box and relation: the edges a box fans out share it.
    let mut seen = VecSet::new();
    let labelled: Vec<bool> = graph
        .edges
        .iter()
        .map(|e| seen.insert((&e.from, e.relation)))
        .collect();
    let edges = graph
        .edges
        .iter()
        .zip(labelled)
        .filter_map(|(e, labelled)| {
            let (fx, fy) = position(&e.from)?;
            let (tx, ty) = position(&e.to)?;
            let (x1, x2) = if fx <= tx {
                (fx + BOX_W, tx)
            } else {
                (fx, tx + BOX_W)
            };
            let (y1, y2) = (fy + BOX_H / 2, ty + BOX_H / 2);
            let label = e.relation.label();
            // The label sits where the edge leaves its box, so the edges one box fans out (a
            // StatefulSet's pods, a slice's endpoints) share one instead of crowding the gap.
            let (lx, anchor) = if fx <= tx {
                (x1 + 4, "start")
            } else {
                (x1 - 4, "end")
            };
            Some(html! {
                <g class={classes!("edge", label)}>
                    <path d={edge_path(x1, y1, x2, y2)} />
                    if labelled {
                        <text x={lx.to_string()} y={(y1 - 4).to_string()}
                            text-anchor={anchor}>{ e.relation.text(props.lang) }</text>
                    }
                </g>
            })
        });
    let nodes = graph.nodes.iter().enumerate().map(|(i, n)| {
        let key = n.id.key();
        let onclick = {
            let on_select = props.on_select.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| on_select.emit(key.clone()))
        };
        let onfocus = {
            let focused = focused.clone();
            let key = key.clone();
            Callback::from(move |_: FocusEvent| focused.set(Some(key.clone())))
        };
        let class = classes!(
            "object",
            n.id.kind.name().to_ascii_lowercase(),
            n.status.class(),
            props.changed.contains(&key).then_some("changed"),
            (props.selected.as_deref() == Some(key.as_str())).then_some("selected"),
        );
        let tabindex = if i == roving { "0" } else { "-1" };
        html! {
            <g {class} transform={format!("translate({},{})", n.x, n.y)} {tabindex}
                role="button" data-key={key.clone()}
                aria-pressed={(props.selected.as_deref() == Some(key.as_str())).to_string()}
                {onclick} {onfocus}>
                // The title names the box (kind, name, state) and includes its visible text.
                <title>{ n.label() }</title>
                <rect width={BOX_W.to_string()} height={BOX_H.to_string()} rx="6" />
                <text class="title" x="10" y="18" aria-hidden="true">{ n.title.clone() }</text>
                <text class="detail" x="10" y="34" aria-hidden="true">{ n.detail.clone() }</text>
            </g>
        }
    });

    html! {
        <div class="graph-view">
            <div class="graph-tools">
                { button(None, zoom_in, Some(text(props.lang, Label::ZoomIn)), None, "+") }
                { button(None, zoom_out, Some(text(props.lang, Label::ZoomOut)), None, "−") }
                { button(None, fit, Some(text(props.lang, Label::ZoomReset)), None, "1:1") }
            </div>
            <svg class="graph-svg" viewBox={view_box} role="group" aria-label={props.label.clone()}
                ref={svg_ref} tabindex="-1" onkeydown={on_key} onpointerdown={on_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointerleave={on_up}>
                <g class="edges">{ for edges }</g>
                <g class="nodes">{ for nodes }</g>
            </svg>
        </div>
    }
}
