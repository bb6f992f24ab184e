//! The application: one reducer owns the state (language, the manifests being edited, the
//! simulation and its cursor, the selection, the console transcript); the panels only
//! receive props derived from the simulation at the cursor and emit callbacks. Side
//! effects (localStorage, the `<html lang>` attribute, the play timer, the keyboard
//! shortcuts, sharing and the messages to an embedding page) live in effects and
//! callbacks, never in the reducer. The first visit opens on the tutorial's example,
//! applied and paused at step 0; later visits restore the learner's whole timeline (every
//! command run, at its step, and the cursor). A share link (`#s=…`) is shown without
//! overwriting the saved work until the learner edits or applies something; `?embed=1`
//! gives a compact player that never touches the learner's saved work.

use crate::engine::dns::{Dns, RecordType, Search};
use crate::engine::sim::{waiting, Simulation, SETTLE_MAX_MS, SETTLE_MAX_STEPS};
use crate::engine::world::World;
use crate::manifest::lesson::Lesson;
use crate::manifest::model::{Kind, Object};
use crate::manifest::{self, Severity};
use crate::present::complete;
use crate::present::embed::{self, Embed, Panel};
use crate::present::graph::{layout, NodeId};
use crate::present::i18n::{text, Label, Lang};
use crate::present::kubectl;
use crate::present::lesson::{self as lesson_run, CheckpointRun};
use crate::present::share::{self as share_format, LessonAt, Ran, Shared};
use crate::present::shell;
use crate::present::timeline;
use crate::ui::button;
use crate::ui::console::{Console, Entry};
use crate::ui::controls::{Nav, StepControls};
use crate::ui::dns_panel::DnsPanel;
use crate::ui::editor::{Editor, Mark};
use crate::ui::graph::ClusterGraph;
use crate::ui::inspector::{Inspector, View};
use crate::ui::lessons::{self, LessonGuide, LessonList};
use crate::ui::log::EventLog;
use crate::ui::share::{self, Notice, ShareStatus};
use crate::vecmap::VecSet;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const LANG_KEY: &str = "stsplay.lang";
const TEXT_KEY: &str = "stsplay.manifests";
const DONE_KEY: &str = "stsplay.lessons.done";
/// The whole timeline, in the share format.
const SESSION_KEY: &str = "stsplay.session";
/// The editor's text when the page was left before its last edit was saved; it replaces
/// the saved timeline's text on the next visit.
const UNSAVED_KEY: &str = "stsplay.unsaved";
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

/// The learner's own manifests as saved, if any (and not too large).
fn saved_text() -> Option<String> {
    storage()
        .and_then(|s| s.get_item(TEXT_KEY).ok().flatten())
        .filter(|t| t.len() <= MAX_SAVED)
}

/// A lesson to show once the lessons are loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// A shared or saved timeline was in this lesson, at this stop.
    Attach(LessonAt),
    /// An embed asks for this lesson, opened and played to its first pause.
    Open(String),
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
    /// End is playing the simulation to its settled state in slices, so the page stays
    /// responsive: the step count and clock where it started (for the settle bounds).
    pub settling: Option<(usize, i64)>,
    pub speed: f64,
    pub console: Rc<Vec<Entry>>,
    pub help: bool,
    pub lessons: Rc<Vec<Rc<Lesson>>>,
    pub show_lessons: bool,
    pub lesson: Option<Rc<Lesson>>,
    /// Stops of the open lesson played so far.
    pub stop: usize,
    pub checks: Option<Rc<Vec<CheckpointRun>>>,
    pub done: Rc<VecSet<String>>,
    /// The learner's own manifests while a lesson has the editor.
    pub saved_text: Option<Rc<String>>,
    /// Every command run on this simulation, for saving and sharing the timeline.
    pub ran: Rc<Vec<Ran>>,
    /// A message about what was or was not loaded, until dismissed.
    pub notice: Option<Rc<String>>,
    /// A shared scenario (or an unreadable save) is on screen: nothing is saved until the
    /// learner edits or applies something.
    pub hold_save: bool,
    /// The embed mode's options, when the page is embedded.
    pub embed: Option<Rc<Embed>>,
    pub pending: Option<Pending>,
    /// What the share button last did, and how many times it was pressed (so that the
    /// same outcome twice is still announced).
    pub shared: Option<share::Shared>,
    pub share_presses: u32,
}

impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        self.lang == other.lang
            && self.text == other.text
            && Rc::ptr_eq(&self.sim, &other.sim)
            && self.version == other.version
            && self.selected == other.selected
            && self.playing == other.playing
            && self.settling == other.settling
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
            && Rc::ptr_eq(&self.ran, &other.ran)
            && self.notice == other.notice
            && self.hold_save == other.hold_save
            && self.pending == other.pending
            && self.shared == other.shared
            && self.share_presses == other.share_presses
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
    DismissNotice,
    ShareDone(share::Shared),
}

/// End steps the simulation at least this long before letting the page draw…
const SETTLE_SLICE_MS: f64 = 40.0;
/// …and at most this long, so the page keeps answering.
const SETTLE_SLICE_MAX_MS: f64 = 250.0;

thread_local! {
    /// When the last slice of a settle ended (`Date.now()`).
    static SLICE_ENDED: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
    /// The editor's text as last typed, until a save has kept it. The page draws and saves
    /// in tasks of its own, so a page left right after typing may not have saved yet.
    static UNSAVED_EDIT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn apply_line() -> String {
    format!("kubectl apply -f {EDITOR_FILE}")
}

impl State {
    /// Runs a command line at the cursor (any `-f` reads `file`), records it for the saved
    /// and shared timeline, and adds it to the console.
    fn run_recorded(&mut self, line: &str, file: &str) {
        let (ran, printed) = share_format::record(&mut self.sim.borrow_mut(), line, file);
        Rc::make_mut(&mut self.ran).push(ran);
        Rc::make_mut(&mut self.console).push(Entry {
            command: line.to_string(),
            output: printed.output,
            exit_code: printed.exit_code,
            note: None,
        });
        self.version += 1;
    }

    /// The timeline as the share format keeps it.
    pub fn scenario(&self) -> Shared {
        let lesson = self.lesson.as_ref().map(|l| LessonAt {
            id: l.id.clone(),
            stop: self.stop,
        });
        share_format::capture(&self.sim.borrow(), &self.ran, &self.text, lesson)
    }

    /// Shows a decoded scenario: replayed to its cursor, with its editor and a console of
    /// the replayed commands (every one, the page's first apply included), followed by a
    /// note saying where they came from, so that none of them looks as if just typed.
    fn load(&mut self, scenario: &Shared, from: Label) {
        let replayed = share_format::replay(scenario);
        self.sim = Rc::new(RefCell::new(replayed.sim));
        let mut console: Vec<Entry> = replayed
            .console
            .into_iter()
            .map(|(command, output, exit_code)| Entry {
                command,
                output,
                exit_code,
                note: None,
            })
            .collect();
        if !console.is_empty() {
            console.push(Entry {
                command: String::new(),
                output: String::new(),
                exit_code: 0,
                note: Some(from),
            });
        }
        self.console = Rc::new(console);
        self.ran = Rc::new(scenario.commands.clone());
        self.text = Rc::new(scenario.editor.clone());
        self.pending = scenario.lesson.clone().map(Pending::Attach);
        self.version += 1;
    }

    /// Starts again from `text`, applied and paused at step 0.
    fn start_with(&mut self, seed: u64, text: &str) {
        self.sim = Rc::new(RefCell::new(Simulation::new(seed)));
        self.ran = Rc::new(Vec::new());
        self.console = Rc::new(Vec::new());
        self.text = Rc::new(text.to_string());
        self.run_recorded(&apply_line(), text);
        // The apply is in the timeline, but the console starts empty as on a first visit.
        self.console = Rc::new(Vec::new());
        self.sim.borrow_mut().seek(0);
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        // A settle in progress goes on only through its own next slice, and through what
        // leaves the timeline alone; anything else stops it where it is.
        if !matches!(
            msg,
            Msg::Nav(Nav::End)
                | Msg::Edit(_)
                | Msg::SetLang(_)
                | Msg::Select(_)
                | Msg::ToggleHelp
                | Msg::LessonsLoaded(_)
                | Msg::ToggleLessons
                | Msg::DismissNotice
                | Msg::ShareDone(_)
        ) {
            next.settling = None;
        }
        match msg {
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Edit(text) => {
                next.text = Rc::new(text);
                next.hold_save = false;
            }
            Msg::ToggleHelp => next.help = !next.help,
            Msg::LessonsLoaded(list) => {
                next.lessons = Rc::new(list);
                return next.show_pending();
            }
            Msg::DismissNotice => next.notice = None,
            Msg::ShareDone(outcome) => {
                next.shared = Some(outcome);
                next.share_presses = next.share_presses.wrapping_add(1);
            }
            Msg::ToggleLessons => next.show_lessons = !next.show_lessons,
            Msg::OpenLesson(lesson) => {
                if next.lesson.is_none() {
                    next.saved_text = Some(next.text.clone());
                }
                next.text = Rc::new(lesson.manifests.clone());
                next.sim = Rc::new(RefCell::new(Simulation::new(lesson.seed)));
                next.ran = Rc::new(Vec::new());
                next.hold_save = false;
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
                        let ran = Rc::make_mut(&mut next.ran);
                        let played = lesson_run::play_stop_with(
                            &mut next.sim.borrow_mut(),
                            &lesson,
                            stop,
                            &mut |sim, manifests, line| {
                                let (r, printed) = share_format::record(sim, line, manifests);
                                ran.push(r);
                                (printed.output, printed.exit_code)
                            },
                        );
                        if let Ok(run) = played {
                            let mut entries = (*next.console).clone();
                            for (command, output, exit_code) in run.commands {
                                entries.push(Entry {
                                    command,
                                    output,
                                    exit_code,
                                    note: None,
                                });
                            }
                            next.console = Rc::new(entries);
                        }
                        next.hold_save = false;
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
                next.start_with(1, EXAMPLE);
                next.hold_save = false;
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
                if next.embed.as_ref().is_some_and(|e| e.read_only) {
                    return self;
                }
                let text = next.text.clone();
                next.run_recorded(&apply_line(), &text);
                next.hold_save = false;
            }
            Msg::Run(line) => {
                let text = next.text.clone();
                next.run_recorded(&line, &text);
                next.hold_save = false;
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
                        // Steps for about 40 ms, then lets the page draw and carries on
                        // (the effect below), within the same bounds as `settle`.
                        let (from, since) =
                            next.settling.unwrap_or((sim.cursor(), sim.world().now_ms));
                        // A slice lasts at least twice as long as the page took to draw
                        // the last one, so a big cluster spends most of its time stepping.
                        let started = js_sys::Date::now();
                        let drawing = match next.settling {
                            Some(_) => started - SLICE_ENDED.get(),
                            None => 0.0,
                        };
                        let until =
                            started + (2.0 * drawing).clamp(SETTLE_SLICE_MS, SETTLE_SLICE_MAX_MS);
                        next.settling = loop {
                            let bounded = sim.cursor() - from >= SETTLE_MAX_STEPS
                                || sim.world().now_ms - since > SETTLE_MAX_MS;
                            if bounded || !sim.step() {
                                break None;
                            }
                            if js_sys::Date::now() >= until {
                                break Some((from, since));
                            }
                        };
                        SLICE_ENDED.set(js_sys::Date::now());
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

impl State {
    /// Shows the lesson a shared timeline or an embed asked for, once the lessons are
    /// loaded; an unknown lesson is named in a notice and left out.
    fn show_pending(mut self) -> Rc<State> {
        let Some(pending) = self.pending.take() else {
            return Rc::new(self);
        };
        let id = match &pending {
            Pending::Attach(at) => at.id.clone(),
            Pending::Open(id) => id.clone(),
        };
        let Some(lesson) = self.lessons.iter().find(|l| l.id == id).cloned() else {
            self.notice = Some(Rc::new(share_format::unknown_lesson(&id, self.lang)));
            return Rc::new(self);
        };
        match pending {
            Pending::Attach(at) => {
                if self.embed.is_none() {
                    self.saved_text =
                        Some(Rc::new(saved_text().unwrap_or_else(|| EXAMPLE.to_string())));
                }
                self.stop = at.stop.min(lesson.script.len());
                self.lesson = Some(lesson);
                self.version += 1;
                Rc::new(self)
            }
            Pending::Open(_) => {
                let step = self.embed.as_ref().and_then(|e| e.step).unwrap_or(0);
                let playing = self.embed.as_ref().is_some_and(|e| e.autoplay);
                let opened = Rc::new(self)
                    .reduce(Msg::OpenLesson(lesson))
                    .reduce(Msg::NextStop);
                let mut next = (*opened).clone();
                seek_to(&mut next.sim.borrow_mut(), step);
                next.playing = playing;
                next.version += 1;
                Rc::new(next)
            }
        }
    }
}

/// The log rows built so far and the trace they belong to (simulation, forks, language).
type RowsCache = (Option<(usize, u64, Lang)>, Rc<Vec<Rc<timeline::Row>>>);

/// Moves to step `n`, taking new steps where the timeline is shorter.
fn seek_to(sim: &mut Simulation, n: usize) {
    let n = n.min(share_format::MAX_STEPS);
    sim.seek(n);
    while sim.cursor() < n && sim.step() {}
}

fn initial_state() -> State {
    let embed = embed::parse(&share::query()).map(Rc::new);
    let lang = match &embed {
        Some(e) => e.lang.unwrap_or_default(),
        None => initial_lang(),
    };
    let done = if embed.is_some() {
        VecSet::new()
    } else {
        storage()
            .and_then(|s| s.get_item(DONE_KEY).ok().flatten())
            .map(|v| {
                v.split(',')
                    .filter(|s| !s.is_empty())
                    .take(100)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut state = State {
        lang,
        text: Rc::new(String::new()),
        sim: Rc::new(RefCell::new(Simulation::new(1))),
        version: 0,
        selected: None,
        playing: false,
        settling: None,
        speed: 1.0,
        console: Rc::new(Vec::new()),
        help: false,
        lessons: Rc::new(Vec::new()),
        show_lessons: false,
        lesson: None,
        stop: 0,
        checks: None,
        done: Rc::new(done),
        saved_text: None,
        ran: Rc::new(Vec::new()),
        notice: None,
        hold_save: false,
        embed: embed.clone(),
        pending: None,
        shared: None,
        share_presses: 0,
    };
    match embed {
        Some(e) => {
            let scenario = e.scenario.as_deref().map(share_format::decode);
            match scenario {
                Some(Ok(scenario)) => state.load(&scenario, Label::RestoredLink),
                Some(Err(err)) => {
                    state.notice = Some(Rc::new(err.message(lang)));
                    state.start_with(1, EXAMPLE);
                }
                None => state.start_with(1, EXAMPLE),
            }
            // A lesson starts its own simulation once loaded; until then (or if it is
            // unknown) the scenario or the example plays.
            if let Some(step) = e.step {
                seek_to(&mut state.sim.borrow_mut(), step);
            }
            state.playing = e.autoplay;
            state.pending = e.lesson.clone().map(Pending::Open);
        }
        None => restore(&mut state),
    }
    state
}

/// The first screen outside an embed: a shared link if there is one (saved work stays
/// untouched until the learner changes something), else the saved timeline, else the
/// saved manifests, else the example. A link or save that cannot be read says why.
fn restore(state: &mut State) {
    let lang = state.lang;
    let unsaved = storage().and_then(|s| {
        let text = s.get_item(UNSAVED_KEY).ok().flatten();
        s.remove_item(UNSAVED_KEY).ok();
        text.filter(|t| t.len() <= MAX_SAVED)
    });
    if let Some(link) = share::fragment_scenario() {
        match share_format::decode(&link) {
            Ok(scenario) => {
                state.load(&scenario, Label::RestoredLink);
                state.hold_save = true;
                return;
            }
            Err(err) => state.notice = Some(Rc::new(err.message(lang))),
        }
    }
    restore_saved(state);
    if let Some(text) = unsaved {
        state.text = Rc::new(text);
        state.hold_save = false;
    }
}

/// The saved timeline, else the saved manifests, else the example.
fn restore_saved(state: &mut State) {
    let lang = state.lang;
    let saved = storage().and_then(|s| s.get_item(SESSION_KEY).ok().flatten());
    if let Some(saved) = saved {
        match share_format::decode(&saved) {
            Ok(scenario) => {
                state.load(&scenario, Label::RestoredSaved);
                return;
            }
            Err(_) => {
                let damaged = text(lang, Label::SavedDamaged);
                state.notice = Some(Rc::new(match state.notice.take() {
                    Some(first) => format!("{first}\n{damaged}"),
                    None => damaged.to_string(),
                }));
                state.hold_save = true;
            }
        }
    }
    let text = saved_text().unwrap_or_else(|| EXAMPLE.to_string());
    state.start_with(1, &text);
}

/// Saves the timeline, unless a bug has shown its banner (a broken page must not write
/// over good work). A timeline too large to read back is not kept, so that an older one
/// is not restored in its place.
fn save_session(state: &State) {
    saved_edit(state);
    let document = gloo::utils::document();
    if document
        .query_selector(".error-banner")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(s) = storage() else {
        return;
    };
    let scenario = state.scenario();
    let encoded = share_format::encode(&scenario);
    if encoded.len() <= share_format::MAX_LINK
        && scenario.commands.len() <= share_format::MAX_COMMANDS
    {
        s.set_item(SESSION_KEY, &encoded).ok();
    } else {
        s.remove_item(SESSION_KEY).ok();
    }
}

/// Forgets the last edit once this state, which holds it, is being saved or is not to be.
fn saved_edit(state: &State) {
    UNSAVED_EDIT.with_borrow_mut(|edit| {
        if edit.as_deref() == Some(state.text.as_str()) {
            *edit = None;
        }
    });
}

/// Keeps the editor's text for the next visit if its last edit has not been saved.
fn keep_unsaved_edit() {
    if let Some(text) = UNSAVED_EDIT.with_borrow_mut(Option::take) {
        if let Some(s) = storage() {
            s.set_item(UNSAVED_KEY, &text).ok();
        }
    }
}

/// The scenario's manifests as one file for `kubectl apply -f`.
fn scenario_yaml(text: &str) -> String {
    let body = text.trim_start_matches("---\n");
    format!("# stsplay scenario: kubectl apply -f stsplay-scenario.yaml\n---\n{body}")
}

/// The console's commands with their output, as the CLI prints a transcript.
fn transcript(entries: &[Entry]) -> String {
    let mut out = String::new();
    for entry in entries.iter().filter(|e| e.note.is_none()) {
        out.push_str(&format!("$ {}\n{}", entry.command, entry.output));
        if !entry.output.is_empty() && !entry.output.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// The inspector's view of the selected object at the cursor.
fn inspect(world: &World, key: &str, changed: &[String], lang: Lang) -> Option<View> {
    let object = world.objects().find(|o| NodeId::of(o).key() == key)?;
    let yaml = manifest::to_yaml(object);
    let changed_lines = crate::present::highlight::changed_lines(&yaml, changed);
    let all: Vec<&Object> = world.objects().collect();
    let describe = kubectl::describe(object, &all, world.now_ms);
    let events = {
        // The PV controller's events repeat on its resyncs, as `kubectl describe` counts them.
        let found: Vec<_> = kubectl::search_events(object, &all)
            .into_iter()
            .map(|e| kubectl::resynced(e, &all, world.now_ms))
            .collect();
        let found: Vec<_> = found.iter().collect();
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

/// A panel of the workspace: a section headed by its title.
#[inline(never)]
fn workspace_panel(id: &'static str, title: &'static str, body: Html) -> Html {
    html! {
        <section id={id} class={classes!("panel", id)} aria-labelledby={format!("{id}-title")}>
            <h2 id={format!("{id}-title")}>{ title }</h2>
            <div class="panel-body">{ body }</div>
        </section>
    }
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
    // An embedded player never reads or writes the learner's saved work.
    let keeps = state.embed.is_none();

    use_effect_with(state.lang, move |lang| {
        if let Some(html) = gloo::utils::document().document_element() {
            html.set_attribute("lang", lang.tag()).ok();
        }
        if let Some(s) = storage().filter(|_| keeps) {
            s.set_item(LANG_KEY, lang.tag()).ok();
        }
    });
    use_effect_with(state.done.clone(), move |done| {
        if let Some(s) = storage().filter(|_| keeps) {
            let list: Vec<&str> = done.iter().map(String::as_str).collect();
            s.set_item(DONE_KEY, &list.join(",")).ok();
        }
    });
    use_effect_with(
        (state.text.clone(), state.lesson.is_some(), state.hold_save),
        move |(text, in_lesson, hold)| {
            // While a lesson has the editor, the learner's own manifests stay saved as they were.
            if !*in_lesson && !*hold && keeps {
                if let Some(s) = storage() {
                    s.set_item(TEXT_KEY, text).ok();
                }
            }
        },
    );
    {
        let saving = (*state).clone();
        // The page as it opens is what the next visit would rebuild anyway: that first
        // save (encoding and compressing the timeline) waits until the page has drawn.
        // A change before then cancels it and saves at once, as every later change does.
        let opening = use_mut_ref(|| true);
        use_effect_with(
            (
                state.version,
                state.text.clone(),
                state.stop,
                state.lesson.as_ref().map(|l| l.id.clone()),
                state.hold_save,
            ),
            move |_| {
                let first = opening.replace(false);
                let deferred = (keeps && !saving.hold_save)
                    .then(|| {
                        if first {
                            Some(gloo::timers::callback::Timeout::new(0, move || {
                                save_session(&saving)
                            }))
                        } else {
                            save_session(&saving);
                            None
                        }
                    })
                    .flatten();
                move || drop(deferred)
            },
        );
    }
    {
        // Once, when the page mounts (one effect: each effect compiles its own hook).
        let dispatcher = state.dispatcher();
        // A shared or saved timeline in a lesson, or an embedded lesson: load the lessons.
        let wanted = state.pending.is_some();
        let theme = state.embed.as_ref().and_then(|e| e.theme);
        let embedded = state.embed.is_some();
        use_effect_with((), move |_| {
            if wanted {
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let list = lessons::load().await;
                    dispatcher.dispatch(Msg::LessonsLoaded(list));
                });
            }
            // Leaving the page keeps an edit that has not been saved yet.
            let leaving = keeps.then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", |_| {
                    keep_unsaved_edit()
                })
            });
            // A link pasted into this tab changes only the fragment: load it as a new page.
            let hashchange =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", |_| {
                    if share::fragment_scenario().is_some() {
                        gloo::utils::window().location().reload().ok();
                    }
                });
            if let Some(html) = gloo::utils::document().document_element() {
                if let Some(theme) = theme {
                    html.set_attribute("data-theme", theme.name()).ok();
                }
                if embedded {
                    html.set_attribute("data-embed", "1").ok();
                    share::post_to_parent("stsplay:ready", None);
                }
            }
            let keys = gloo::events::EventListener::new_with_options(
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
            move || drop((hashchange, keys, leaving))
        });
    }
    {
        let sim = state.sim.clone();
        // While an embedded lesson loads, the page around it hears nothing.
        let embedded = state.embed.is_some() && state.pending.is_none();
        let cursor = state.sim.borrow().cursor();
        let total = state.sim.borrow().steps().len();
        use_effect_with(
            (cursor, total, Rc::as_ptr(&state.sim) as usize, embedded),
            move |_| {
                if embedded {
                    let sim = sim.borrow();
                    let step = cursor.checked_sub(1).and_then(|i| sim.steps().get(i));
                    let time = timeline::clock(sim.world().now_ms);
                    let component = step.map(|s| s.component.name()).unwrap_or_default();
                    let (reason, object) = step
                        .and_then(|s| s.event.as_ref())
                        .map(|e| (e.reason.as_str(), e.object.as_str()))
                        .unwrap_or(("", ""));
                    share::post_to_parent(
                        "stsplay:step",
                        Some(&share::StepMessage {
                            step: cursor,
                            total,
                            time: &time,
                            component: &component,
                            reason,
                            object,
                        }),
                    );
                }
            },
        );
    }
    {
        // The next slice of a settle, once the page has drawn the last one.
        let dispatcher = state.dispatcher();
        use_effect_with((state.settling, state.version), move |(settling, _)| {
            let next = settling.map(|_| {
                gloo::timers::callback::Timeout::new(0, move || {
                    dispatcher.dispatch(Msg::Nav(Nav::End))
                })
            });
            move || drop(next)
        });
    }
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

    let rows_cache = use_mut_ref(RowsCache::default);
    let l = state.lang;
    let sim = state.sim.borrow();
    let world = sim.world();
    let cursor = sim.cursor();
    let steps = sim.steps();
    let current = cursor.checked_sub(1).and_then(|i| steps.get(i));
    // The graph leaves out the cluster's own plumbing (kube-system, the API server's Service).
    // The layout changes only with the world at the cursor: once per step, not once per
    // render (typing in the editor re-renders the page).
    let trace = (Rc::as_ptr(&state.sim) as usize, sim.forks(), steps.len(), l);
    let graph = use_memo((trace, cursor), |_| {
        let objects: Vec<&Object> = world
            .objects()
            .filter(|o| o.namespace() != "kube-system")
            .filter(|o| {
                !(o.kind() == Kind::Service
                    && o.name() == "kubernetes"
                    && o.namespace() == "default")
            })
            .collect();
        layout(&objects)
    });
    let changed: Rc<VecSet<String>> = Rc::new(
        (current.into_iter())
            .flat_map(|s| {
                s.changes.iter().map(|c| {
                    NodeId {
                        kind: c.key.0,
                        namespace: c.key.1.clone(),
                        name: c.key.2.clone(),
                    }
                    .key()
                })
            })
            .collect(),
    );
    let changed_fields: Vec<String> = current
        .map(|s| s.changes.iter().flat_map(|c| c.fields().to_vec()).collect())
        .unwrap_or_default();
    // The log rows and the timeline marks change only when the trace does (a new step, a
    // fork, another simulation), not when the cursor moves: build them once per trace.
    // A trace that only grew (End playing in slices) keeps its rows and adds the new ones.
    let rows = {
        let mut cache = rows_cache.borrow_mut();
        let (known, built) = &mut *cache;
        let key = (trace.0, trace.1, trace.3);
        if *known != Some(key) || built.len() > steps.len() {
            *known = Some(key);
            *built = Rc::new(Vec::new());
        }
        if built.len() < steps.len() {
            let mut grown: Vec<Rc<timeline::Row>> = built.as_ref().clone();
            grown.extend(
                steps[built.len()..]
                    .iter()
                    .map(|s| Rc::new(timeline::row(s, l))),
            );
            *built = Rc::new(grown);
        }
        built.clone()
    };
    let timeline_marks = use_memo(trace, |_| timeline::marks(steps, timeline::MAX_MARKS));
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
    // Callbacks made once (per simulation where they read it): a panel whose other props
    // are unchanged then compares equal and is not drawn again when the cursor moves (the
    // editor's highlighted text, the console's history, the log's rows).
    let dispatcher = state.dispatcher();
    let on_change = use_callback(dispatcher.clone(), |text: String, state| {
        UNSAVED_EDIT.set(Some(text.clone()));
        state.dispatch(Msg::Edit(text))
    });
    let on_select = use_callback(dispatcher.clone(), |name: String, state| {
        state.dispatch(Msg::Select(name))
    });
    let on_run = use_callback(dispatcher.clone(), |line: String, state| {
        state.dispatch(Msg::Run(line))
    });
    let on_apply = use_callback(dispatcher.clone(), |_: (), state| {
        state.dispatch(Msg::Apply)
    });
    let apply_click = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Msg::Apply))
    };
    let on_nav = {
        let state = state.clone();
        Callback::from(move |n: Nav| state.dispatch(Msg::Nav(n)))
    };
    let on_seek = use_callback(dispatcher, |n: usize, state| {
        state.dispatch(Msg::Nav(Nav::Seek(n)))
    });
    let complete_cb = {
        let sim = state.sim.clone();
        use_callback(Rc::as_ptr(&state.sim) as usize, move |line: String, _| {
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
    let share_click = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let encoded = share_format::encode(&state.scenario());
            if encoded.len() > share_format::MAX_LINK {
                state.dispatch(Msg::ShareDone(share::Shared::TooLong));
                return;
            }
            let link = share::share_url(&encoded);
            let dispatcher = state.dispatcher();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = if share::copy(&link).await {
                    share::Shared::Copied
                } else {
                    share::Shared::Manual(Rc::new(link))
                };
                dispatcher.dispatch(Msg::ShareDone(outcome));
            });
        })
    };
    let download_yaml = {
        let text = state.text.clone();
        Callback::from(move |_: MouseEvent| {
            share::download(
                "stsplay-scenario.yaml",
                &scenario_yaml(&text),
                "application/yaml",
            )
        })
    };
    let download_transcript = {
        let console = state.console.clone();
        Callback::from(move |_: MouseEvent| {
            share::download(
                "stsplay-transcript.txt",
                &transcript(&console),
                "text/plain",
            )
        })
    };
    let dismiss = unit(|| Msg::DismissNotice);
    let embed_opts = state.embed.clone();
    let shows = |panel: Panel| embed_opts.as_ref().is_none_or(|e| e.shows(panel));
    let read_only = embed_opts.as_ref().is_some_and(|e| e.read_only);
    let close_help = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Msg::ToggleHelp))
    };

    let panel =
        |id: &'static str, title: Label, body: Html| workspace_panel(id, text(l, title), body);
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
        <div class={classes!("shell", embed_opts.is_some().then_some("embed"))}>
            if embed_opts.is_none() {
                <header class="topbar">
                    <h1 class="brand">{ "stsplay" }</h1>
                    <p class="tagline">{ text(l, Label::Tagline) }</p>
                    { button(Some("lessons-button"), toggle_lessons.clone(), None, None, text(l, Label::Lessons)) }
                    { button(Some("share-button"), share_click, None, None, text(l, Label::Share)) }
                    <ShareStatus lang={l} shared={state.shared.clone()} presses={state.share_presses} />
                    { button(Some("download-yaml"), download_yaml, None, None, text(l, Label::DownloadYaml)) }
                    { button(Some("download-transcript"), download_transcript, None, None, text(l, Label::DownloadTranscript)) }
                    { button(Some("reset-button"), reset, None, None, text(l, Label::Reset)) }
                    { button(Some("help-button"), close_help.clone(), Some(text(l, Label::Shortcuts)), None, "?") }
                    <nav class="lang-switch" aria-label={text(l, Label::Language)}>{ switch }</nav>
                </header>
            }
            if let Some(message) = state.notice.clone() {
                <Notice lang={l} {message} on_dismiss={dismiss} />
            }
            if state.help {
                <div class="help" role="dialog" aria-label={text(l, Label::Shortcuts)}>
                    <h2>{ text(l, Label::Shortcuts) }</h2>
                    <dl>
                        { for shortcuts.iter().map(|(k, label)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ text(l, *label) }</dd></> }) }
                    </dl>
                    { button(None, close_help, None, None, text(l, Label::Close)) }
                </div>
            }
            if state.show_lessons {
                <LessonList lang={l} lessons={state.lessons.clone()} done={state.done.clone()}
                    on_open={on_open_lesson} on_close={on_close_lessons} />
            }
            <main class="workspace">
                if shows(Panel::Editor) {
                    { panel("editor", Label::Manifests, html! {
                        <>
                            if !read_only {
                                <div class="editor-actions">
                                    { button(Some("apply"), apply_click, None, Some(text(l, Label::ApplyHint)), text(l, Label::Apply)) }
                                    <span class="hint">{ text(l, Label::ApplyHint) }</span>
                                </div>
                            }
                            <Editor text={state.text.clone()} marks={marks} {on_change} {on_apply}
                                {read_only} label={text(l, Label::EditorLabel)} problems_label={text(l, Label::Problems)} />
                        </>
                    }) }
                }
                { panel("steps", Label::Steps, html! {
                    <>
                        if let Some(lesson) = state.lesson.clone() {
                            <LessonGuide lang={l} lesson={lesson} stop={state.stop} checks={state.checks.clone()}
                                on_next={on_next_stop} on_check={on_check_lesson} on_leave={on_leave_lesson} />
                        }
                        <StepControls lang={l} {cursor} total={total} playing={state.playing} settling={state.settling.is_some()} speed={state.speed}
                            clock={clock} marks={timeline_marks} {on_nav} />
                        if cursor == 0 {
                            <p class="hint step-hint">{ text(l, Label::StepHint) }</p>
                        }
                    </>
                }) }
                if shows(Panel::Graph) {
                    { panel("graph", Label::Cluster, html! {
                        <ClusterGraph lang={l} graph={graph} changed={changed} selected={state.selected.clone()} {on_select}
                            label={text(l, Label::Cluster)} />
                    }) }
                }
                if shows(Panel::Inspector) {
                    { panel("inspector", Label::Inspector, html! { <Inspector lang={l} view={view} /> }) }
                }
                if shows(Panel::Log) {
                    { panel("log", Label::Events, html! { <EventLog lang={l} rows={rows} {cursor} {on_seek} /> }) }
                }
                if shows(Panel::Console) || shows(Panel::Dns) {
                    { panel("console", Label::Console, html! {
                        <div class="console-dns">
                            if shows(Panel::Console) {
                                <Console lang={l} entries={state.console.clone()} {on_run} complete={complete_cb} />
                            }
                            if shows(Panel::Dns) {
                                <details class="dns-details" open=true>
                                    <summary>{ text(l, Label::Dns) }</summary>
                                    <DnsPanel lang={l} namespaces={namespaces} suggestions={suggestions} resolve={resolve} />
                                </details>
                            }
                        </div>
                    }) }
                }
            </main>
        </div>
    }
}
