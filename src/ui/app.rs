//! The application: one reducer owns the state (language, the manifests being edited, the
//! simulation and its cursor, the selection, the console transcript); the panels only
//! receive props derived from the simulation at the cursor and emit callbacks. Side
//! effects (localStorage, the `<html lang>` attribute, the play timer, the keyboard
//! shortcuts) live in effects, never in the reducer. The first visit opens on the
//! tutorial's example, applied and paused at step 0; later visits restore the learner's
//! manifests.

use crate::engine::dns::{Dns, RecordType, Search};
use crate::engine::sim::{waiting, Simulation};
use crate::engine::world::World;
use crate::manifest::lesson::Lesson;
use crate::manifest::model::{Kind, Object};
use crate::manifest::{self, Severity};
use crate::present::complete;
use crate::present::graph::{layout, NodeId};
use crate::present::i18n::{text, Label, Lang};
use crate::present::kubectl;
use crate::present::lesson::{self as lesson_run, CheckpointRun};
use crate::present::shell;
use crate::present::timeline;
use crate::ui::console::{Console, Entry};
use crate::ui::controls::{Mark as TimelineMark, Nav, StepControls};
use crate::ui::dns_panel::DnsPanel;
use crate::ui::editor::{Editor, Mark};
use crate::ui::graph::ClusterGraph;
use crate::ui::inspector::{Inspector, View};
use crate::ui::lessons::{self, LessonGuide, LessonList};
use crate::ui::log::EventLog;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const LANG_KEY: &str = "stsplay.lang";
const TEXT_KEY: &str = "stsplay.manifests";
const DONE_KEY: &str = "stsplay.lessons.done";
/// The tutorial's example: three static volumes, a headless Service, a StatefulSet.
pub const EXAMPLE: &str = include_str!("../../static/examples/web.yaml");
/// Saved text larger than this is ignored rather than loaded (the editor's own limit).
const MAX_SAVED: usize = 1 << 20;
/// The file name `kubectl apply -f` uses for the editor's text.
const EDITOR_FILE: &str = "manifests.yaml";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The language remembered from an earlier visit, else the browser's, else English.
fn initial_lang() -> Lang {
    let stored = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    stored
        .or_else(|| {
            gloo::utils::window()
                .navigator()
                .language()
                .and_then(|tag| Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

fn initial_text() -> String {
    storage()
        .and_then(|s| s.get_item(TEXT_KEY).ok().flatten())
        .filter(|t| t.len() <= MAX_SAVED)
        .unwrap_or_else(|| EXAMPLE.to_string())
}

/// The whole state of the page. The simulation sits behind a shared cell so that a step
/// does not copy it; `version` changes with every change to it, for re-rendering.
#[derive(Clone)]
pub struct State {
    pub lang: Lang,
    pub text: Rc<String>,
    pub sim: Rc<RefCell<Simulation>>,
    pub version: u64,
    pub selected: Option<String>,
    pub playing: bool,
    pub speed: f64,
    pub console: Rc<Vec<Entry>>,
    pub help: bool,
    pub lessons: Rc<Vec<Rc<Lesson>>>,
    pub show_lessons: bool,
    pub lesson: Option<Rc<Lesson>>,
    /// Stops of the open lesson played so far.
    pub stop: usize,
    pub checks: Option<Rc<Vec<CheckpointRun>>>,
    pub done: Rc<BTreeSet<String>>,
    /// The learner's own manifests while a lesson has the editor.
    pub saved_text: Option<Rc<String>>,
}

impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        self.lang == other.lang
            && self.text == other.text
            && Rc::ptr_eq(&self.sim, &other.sim)
            && self.version == other.version
            && self.selected == other.selected
            && self.playing == other.playing
            && self.speed == other.speed
            && Rc::ptr_eq(&self.console, &other.console)
            && self.help == other.help
            && Rc::ptr_eq(&self.lessons, &other.lessons)
            && self.show_lessons == other.show_lessons
            && self.lesson.as_ref().map(|l| l.id.clone())
                == other.lesson.as_ref().map(|l| l.id.clone())
            && self.stop == other.stop
            && self.checks == other.checks
            && self.done == other.done
    }
}

/// Everything that can happen to the state.
pub enum Msg {
    SetLang(Lang),
    Edit(String),
    Apply,
    Nav(Nav),
    /// A play-timer tick: one step, or stop at the end.
    Tick,
    Select(String),
    Run(String),
    ToggleHelp,
    LessonsLoaded(Vec<Rc<Lesson>>),
    ToggleLessons,
    OpenLesson(Rc<Lesson>),
    NextStop,
    CheckLesson,
    LeaveLesson,
    /// Back to the tutorial's example (the page asks first).
    Reset,
}

fn apply_text(sim: &mut Simulation, text: &str) -> shell_output::Printed {
    let text = text.to_string();
    shell::run(
        sim,
        &format!("kubectl apply -f {EDITOR_FILE}"),
        &move |_| Ok(text.clone()),
    )
}

mod shell_output {
    pub use crate::present::dns::Printed;
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Edit(text) => next.text = Rc::new(text),
            Msg::ToggleHelp => next.help = !next.help,
            Msg::LessonsLoaded(list) => next.lessons = Rc::new(list),
            Msg::ToggleLessons => next.show_lessons = !next.show_lessons,
            Msg::OpenLesson(lesson) => {
                if next.lesson.is_none() {
                    next.saved_text = Some(next.text.clone());
                }
                next.text = Rc::new(lesson.manifests.clone());
                next.sim = Rc::new(RefCell::new(Simulation::new(lesson.seed)));
                next.stop = 0;
                next.checks = None;
                next.console = Rc::new(Vec::new());
                next.selected = None;
                next.playing = false;
                next.show_lessons = false;
                next.lesson = Some(lesson);
                next.version += 1;
            }
            Msg::NextStop => {
                if let Some(lesson) = next.lesson.clone() {
                    if let Some(stop) = lesson.script.get(next.stop) {
                        let played =
                            lesson_run::play_stop(&mut next.sim.borrow_mut(), &lesson, stop);
                        if let Ok(run) = played {
                            let mut entries = (*next.console).clone();
                            for (command, output, exit_code) in run.commands {
                                entries.push(Entry {
                                    command,
                                    output,
                                    exit_code,
                                });
                            }
                            next.console = Rc::new(entries);
                        }
                        next.stop += 1;
                        next.version += 1;
                    }
                }
            }
            Msg::CheckLesson => {
                if let Some(lesson) = next.lesson.clone() {
                    let runs = lesson_run::check(&mut next.sim.borrow_mut(), &lesson);
                    if !runs.is_empty() && runs.iter().all(|r| r.passed) {
                        let mut done = (*next.done).clone();
                        done.insert(lesson.id.clone());
                        next.done = Rc::new(done);
                    }
                    next.checks = Some(Rc::new(runs));
                    next.version += 1;
                }
            }
            Msg::Reset => {
                let mut sim = Simulation::new(1);
                apply_text(&mut sim, EXAMPLE);
                sim.seek(0);
                next.text = Rc::new(EXAMPLE.to_string());
                next.sim = Rc::new(RefCell::new(sim));
                next.console = Rc::new(Vec::new());
                next.selected = None;
                next.playing = false;
                next.lesson = None;
                next.saved_text = None;
                next.checks = None;
                next.version += 1;
            }
            Msg::LeaveLesson => {
                if let Some(text) = next.saved_text.take() {
                    next.text = text;
                }
                next.lesson = None;
                next.checks = None;
            }
            Msg::Select(key) => next.selected = Some(key),
            Msg::Apply => {
                let printed = apply_text(&mut next.sim.borrow_mut(), &next.text);
                let mut entries = (*next.console).clone();
                entries.push(Entry {
                    command: format!("kubectl apply -f {EDITOR_FILE}"),
                    output: printed.output,
                    exit_code: printed.exit_code,
                });
                next.console = Rc::new(entries);
                next.version += 1;
            }
            Msg::Run(line) => {
                let files = next.text.clone();
                let printed = shell::run(&mut next.sim.borrow_mut(), &line, &move |_| {
                    Ok(files.to_string())
                });
                let mut entries = (*next.console).clone();
                entries.push(Entry {
                    command: line,
                    output: printed.output,
                    exit_code: printed.exit_code,
                });
                next.console = Rc::new(entries);
                next.version += 1;
            }
            Msg::Tick => {
                let moved = next.sim.borrow_mut().step();
                if !moved {
                    next.playing = false;
                }
                next.version += 1;
            }
            Msg::Nav(nav) => {
                let mut sim = next.sim.borrow_mut();
                match nav {
                    Nav::Start => sim.seek(0),
                    Nav::Back => sim.back(),
                    Nav::Forward => {
                        sim.step();
                    }
                    Nav::End => {
                        sim.settle();
                    }
                    Nav::Seek(n) => sim.seek(n),
                    Nav::TogglePlay => next.playing = !next.playing,
                    Nav::Speed(s) => next.speed = s,
                    Nav::Next(class) => {
                        for _ in 0..10_000 {
                            if !sim.step() {
                                break;
                            }
                            let at = sim.cursor();
                            if sim
                                .steps()
                                .get(at.wrapping_sub(1))
                                .is_some_and(|s| timeline::is_kind(s, class))
                            {
                                break;
                            }
                        }
                    }
                }
                drop(sim);
                next.version += 1;
            }
        }
        Rc::new(next)
    }
}

fn initial_state() -> State {
    let text = initial_text();
    let mut sim = Simulation::new(1);
    apply_text(&mut sim, &text);
    sim.seek(0);
    State {
        lang: initial_lang(),
        text: Rc::new(text),
        sim: Rc::new(RefCell::new(sim)),
        version: 0,
        selected: None,
        playing: false,
        speed: 1.0,
        console: Rc::new(Vec::new()),
        help: false,
        lessons: Rc::new(Vec::new()),
        show_lessons: false,
        lesson: None,
        stop: 0,
        checks: None,
        done: Rc::new(
            storage()
                .and_then(|s| s.get_item(DONE_KEY).ok().flatten())
                .map(|v| {
                    v.split(',')
                        .filter(|s| !s.is_empty())
                        .take(100)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
        ),
        saved_text: None,
    }
}

/// The inspector's view of the selected object at the cursor.
fn inspect(world: &World, key: &str, changed: &[String], lang: Lang) -> Option<View> {
    let object = world.objects().find(|o| NodeId::of(o).key() == key)?;
    let yaml = manifest::to_yaml(object);
    let changed_lines = crate::present::highlight::changed_lines(&yaml, changed);
    let all: Vec<&Object> = world.objects().collect();
    let describe = kubectl::describe(object, &all, world.now_ms);
    let events = {
        let found = kubectl::search_events(object, &all);
        kubectl::describe_events(&found, world.now_ms)
    };
    let explain = match object {
        Object::PersistentVolumeClaim(_) => {
            shell::explain_pvc(world, object.name(), object.namespace(), lang).output
        }
        Object::Pod(pod) => {
            let (host, fqdn) = crate::engine::dns::pod_hostnames(pod);
            let dns = Dns::new(world.objects());
            let lookup = dns.resolve(&fqdn, object.namespace(), RecordType::A, Search::AsTyped);
            let answer = if lookup.found.is_some() {
                lookup.addresses().join(", ")
            } else {
                "NXDOMAIN".into()
            };
            match lang {
                Lang::En => {
                    format!("hostname: {host}\nhostname -f: {fqdn}\nDNS {fqdn} → {answer}\n")
                }
                Lang::Zh => format!("主机名:{host}\n完整域名:{fqdn}\nDNS 解析 {fqdn} → {answer}\n"),
            }
        }
        _ => waiting(world)
            .into_iter()
            .map(|t| match lang {
                Lang::En => t.en,
                Lang::Zh => t.zh,
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    Some(View {
        title: format!("{} {}", object.kind().name(), object.name()),
        yaml,
        changed_lines,
        describe,
        events,
        explain,
    })
}

/// Names worth trying in the DNS panel: every Service, and each pod behind a headless one.
fn dns_suggestions(world: &World) -> Vec<String> {
    let mut out = Vec::new();
    for svc in world.services() {
        if svc.metadata.namespace.as_deref() != Some("default") {
            continue;
        }
        out.push(svc.metadata.name.clone());
        if svc.spec.cluster_ip.as_deref() == Some("None") {
            for pod in world.pods() {
                if pod.spec.subdomain.as_deref() == Some(svc.metadata.name.as_str()) {
                    out.push(format!("{}.{}", pod.metadata.name, svc.metadata.name));
                }
            }
        }
    }
    out.truncate(12);
    out
}

fn typing_in_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);

    use_effect_with(state.lang, |lang| {
        if let Some(html) = gloo::utils::document().document_element() {
            html.set_attribute("lang", lang.tag()).ok();
        }
        if let Some(s) = storage() {
            s.set_item(LANG_KEY, lang.tag()).ok();
        }
    });
    use_effect_with(state.done.clone(), |done| {
        if let Some(s) = storage() {
            let list: Vec<&str> = done.iter().map(String::as_str).collect();
            s.set_item(DONE_KEY, &list.join(",")).ok();
        }
    });
    use_effect_with(
        (state.text.clone(), state.lesson.is_some()),
        |(text, in_lesson)| {
            // While a lesson has the editor, the learner's own manifests stay saved as they were.
            if !*in_lesson {
                if let Some(s) = storage() {
                    s.set_item(TEXT_KEY, text).ok();
                }
            }
        },
    );
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (state.playing, state.speed.to_bits()),
            move |(playing, speed)| {
                let speed = f64::from_bits(*speed).clamp(0.25, 8.0);
                let interval = playing.then(|| {
                    gloo::timers::callback::Interval::new((700.0 / speed) as u32, move || {
                        dispatcher.dispatch(Msg::Tick)
                    })
                });
                move || drop(interval)
            },
        );
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if typing_in_field(e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    // Inside the graph the arrows move between boxes and Space selects.
                    let in_graph = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| t.closest(".graph-svg").ok().flatten())
                        .is_some();
                    if in_graph && matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight" | " ") {
                        return;
                    }
                    let msg = match e.key().as_str() {
                        "ArrowRight" => Msg::Nav(Nav::Forward),
                        "ArrowLeft" => Msg::Nav(Nav::Back),
                        " " => Msg::Nav(Nav::TogglePlay),
                        "Home" => Msg::Nav(Nav::Start),
                        "End" => Msg::Nav(Nav::End),
                        "?" => Msg::ToggleHelp,
                        _ => return,
                    };
                    e.prevent_default();
                    dispatcher.dispatch(msg);
                },
            );
            move || drop(listener)
        });
    }

    let marks = use_memo(state.text.clone(), |text| {
        manifest::parse(text)
            .diagnostics
            .into_iter()
            .map(|d| Mark {
                line: d.line,
                column: d.column,
                error: d.severity == Severity::Error,
                message: if d.path.is_empty() {
                    d.message
                } else {
                    format!("{}: {}", d.path, d.message)
                },
            })
            .collect::<Vec<_>>()
    });

    let l = state.lang;
    let sim = state.sim.borrow();
    let world = sim.world();
    let cursor = sim.cursor();
    let steps = sim.steps();
    let current = cursor.checked_sub(1).and_then(|i| steps.get(i));
    // The graph leaves out the cluster's own plumbing (kube-system, the API server's Service).
    let objects: Vec<&Object> = world
        .objects()
        .filter(|o| o.namespace() != "kube-system")
        .filter(|o| {
            !(o.kind() == Kind::Service && o.name() == "kubernetes" && o.namespace() == "default")
        })
        .collect();
    let graph = Rc::new(layout(&objects));
    let changed: Rc<BTreeSet<String>> = Rc::new(
        current
            .map(|s| {
                s.changes
                    .iter()
                    .map(|c| {
                        NodeId {
                            kind: c.key.0,
                            namespace: c.key.1.clone(),
                            name: c.key.2.clone(),
                        }
                        .key()
                    })
                    .collect()
            })
            .unwrap_or_default(),
    );
    let changed_fields: Vec<String> = current
        .map(|s| s.changes.iter().flat_map(|c| c.fields.clone()).collect())
        .unwrap_or_default();
    let rows = Rc::new(timeline::rows(steps, l));
    let timeline_marks = Rc::new(
        steps
            .iter()
            .map(|s| TimelineMark {
                class: timeline::mark_class(s),
                title: timeline::line(s),
            })
            .collect::<Vec<_>>(),
    );
    let clock = timeline::clock(world.now_ms);
    let view = state
        .selected
        .as_deref()
        .and_then(|key| inspect(world, key, &changed_fields, l));
    let namespaces = Rc::new(
        world
            .of_kind(Kind::Namespace)
            .map(|o| o.name().to_string())
            .collect::<Vec<_>>(),
    );
    let suggestions = Rc::new(dns_suggestions(world));
    let total = steps.len();
    drop(sim);

    let switch = Lang::ALL
        .into_iter()
        .map(|option| {
            let state = state.clone();
            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Msg::SetLang(option)));
            html! {
                <button type="button" class="lang-option" lang={option.tag()}
                    aria-pressed={(option == l).to_string()} {onclick}>
                    { option.native_name() }
                </button>
            }
        })
        .collect::<Html>();
    let d = |make: fn(String) -> Msg| {
        let state = state.clone();
        Callback::from(move |s: String| state.dispatch(make(s)))
    };
    let on_change = d(Msg::Edit);
    let on_select = d(Msg::Select);
    let on_run = d(Msg::Run);
    let on_apply = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Msg::Apply))
    };
    let apply_click = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Msg::Apply))
    };
    let on_nav = {
        let state = state.clone();
        Callback::from(move |n: Nav| state.dispatch(Msg::Nav(n)))
    };
    let on_seek = {
        let state = state.clone();
        Callback::from(move |n: usize| state.dispatch(Msg::Nav(Nav::Seek(n))))
    };
    let complete_cb = {
        let sim = state.sim.clone();
        Callback::from(move |line: String| {
            let sim = sim.borrow();
            let objects: Vec<&Object> = sim.world().objects().collect();
            complete::complete(&line, &objects)
        })
    };
    let resolve = {
        let sim = state.sim.clone();
        Callback::from(move |(name, ns): (String, String)| {
            let sim = sim.borrow();
            let objects: Vec<&Object> = sim.world().objects().collect();
            let dns = Dns::new(objects.iter().copied());
            let lookup = dns.resolve(&name, &ns, RecordType::A, Search::SearchList);
            let diagnosis = dns.diagnose(&lookup, &objects);
            crate::present::dns::trace(&lookup, &diagnosis, l)
        })
    };
    // Lessons are fetched the first time the list is opened.
    let toggle_lessons = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.lessons.is_empty() {
                let dispatcher = state.dispatcher();
                wasm_bindgen_futures::spawn_local(async move {
                    let list = lessons::load().await;
                    dispatcher.dispatch(Msg::LessonsLoaded(list));
                });
            }
            state.dispatch(Msg::ToggleLessons)
        })
    };
    let on_open_lesson = {
        let state = state.clone();
        Callback::from(move |lesson: Rc<Lesson>| state.dispatch(Msg::OpenLesson(lesson)))
    };
    let unit = |msg: fn() -> Msg| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(msg()))
    };
    let on_next_stop = unit(|| Msg::NextStop);
    let on_check_lesson = unit(|| Msg::CheckLesson);
    let on_leave_lesson = unit(|| Msg::LeaveLesson);
    let on_close_lessons = unit(|| Msg::ToggleLessons);
    let reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let sure = gloo::utils::window()
                .confirm_with_message(text(state.lang, Label::ResetConfirm))
                .unwrap_or(false);
            if sure {
                state.dispatch(Msg::Reset);
            }
        })
    };
    let close_help = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Msg::ToggleHelp))
    };

    let panel = |id: &'static str, title: Label, body: Html| {
        html! {
            <section id={id} class={classes!("panel", id)} aria-labelledby={format!("{id}-title")}>
                <h2 id={format!("{id}-title")}>{ text(l, title) }</h2>
                <div class="panel-body">{ body }</div>
            </section>
        }
    };
    let shortcuts = [
        ("→", Label::StepForward),
        ("←", Label::StepBack),
        ("Space", Label::Play),
        ("Home", Label::JumpStart),
        ("End", Label::JumpEnd),
        ("Ctrl+Enter", Label::Apply),
        ("?", Label::Shortcuts),
    ];

    html! {
        <div class="shell">
            <header class="topbar">
                <h1 class="brand">{ "stsplay" }</h1>
                <p class="tagline">{ text(l, Label::Tagline) }</p>
                <button type="button" class="lessons-button" onclick={toggle_lessons.clone()}>{ text(l, Label::Lessons) }</button>
                <button type="button" class="reset-button" onclick={reset}>{ text(l, Label::Reset) }</button>
                <button type="button" class="help-button" onclick={close_help.clone()} aria-label={text(l, Label::Shortcuts)}>{ "?" }</button>
                <nav class="lang-switch" aria-label={text(l, Label::Language)}>{ switch }</nav>
            </header>
            if state.help {
                <div class="help" role="dialog" aria-label={text(l, Label::Shortcuts)}>
                    <h2>{ text(l, Label::Shortcuts) }</h2>
                    <dl>
                        { for shortcuts.iter().map(|(k, label)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ text(l, *label) }</dd></> }) }
                    </dl>
                    <button type="button" onclick={close_help}>{ text(l, Label::Close) }</button>
                </div>
            }
            if state.show_lessons {
                <LessonList lang={l} lessons={state.lessons.clone()} done={state.done.clone()}
                    on_open={on_open_lesson} on_close={on_close_lessons} />
            }
            <main class="workspace">
                { panel("editor", Label::Manifests, html! {
                    <>
                        <div class="editor-actions">
                            <button type="button" class="apply" onclick={apply_click} title={text(l, Label::ApplyHint)}>{ text(l, Label::Apply) }</button>
                            <span class="hint">{ text(l, Label::ApplyHint) }</span>
                        </div>
                        <Editor text={state.text.clone()} marks={Rc::new((*marks).clone())} {on_change} {on_apply}
                            label={text(l, Label::EditorLabel)} problems_label={text(l, Label::Problems)} />
                    </>
                }) }
                { panel("steps", Label::Steps, html! {
                    <>
                        if let Some(lesson) = state.lesson.clone() {
                            <LessonGuide lang={l} lesson={lesson} stop={state.stop} checks={state.checks.clone()}
                                on_next={on_next_stop} on_check={on_check_lesson} on_leave={on_leave_lesson} />
                        }
                        <StepControls lang={l} {cursor} total={total} playing={state.playing} speed={state.speed}
                            clock={clock} marks={timeline_marks} {on_nav} />
                        if cursor == 0 {
                            <p class="hint step-hint">{ text(l, Label::StepHint) }</p>
                        }
                    </>
                }) }
                { panel("graph", Label::Cluster, html! {
                    <ClusterGraph graph={graph} changed={changed} selected={state.selected.clone()} {on_select}
                        label={text(l, Label::Cluster)} />
                }) }
                { panel("inspector", Label::Inspector, html! { <Inspector lang={l} view={view} /> }) }
                { panel("log", Label::Events, html! { <EventLog lang={l} rows={rows} {cursor} {on_seek} /> }) }
                { panel("console", Label::Console, html! {
                    <div class="console-dns">
                        <Console lang={l} entries={state.console.clone()} {on_run} complete={complete_cb} />
                        <details class="dns-details" open=true>
                            <summary>{ text(l, Label::Dns) }</summary>
                            <DnsPanel lang={l} namespaces={namespaces} suggestions={suggestions} resolve={resolve} />
                        </details>
                    </div>
                }) }
            </main>
        </div>
    }
}
