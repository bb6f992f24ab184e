//! Runs a guided lesson against a simulation, stop by stop, as the lesson player and
//! `stsplay --lesson FILE` do: apply the manifests, run the stop's command, play until its
//! pause condition holds; then, optionally after the scripted solution, check each
//! checkpoint (a command and its exact expected output).

use crate::engine::sim::Simulation;
use crate::manifest::lesson::{Lesson, Stop};
use crate::manifest::model::Kind;
use crate::present::shell;
use crate::quote::quote;

/// The most steps one stop may play before its condition is declared unreachable.
const MAX_STEPS_PER_STOP: usize = 50_000;

/// What one stop did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StopRun {
    /// The commands run (`kubectl apply -f …` and `run`), each with what it printed.
    pub commands: Vec<(String, String, i32)>,
    /// Whether the pause condition was reached.
    pub reached: bool,
    pub cursor: usize,
}

/// The outcome of one checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointRun {
    pub command: String,
    pub expect: String,
    pub got: String,
    pub passed: bool,
}

/// The file name the lesson's manifests are applied as.
pub fn manifest_file(lesson: &Lesson) -> String {
    format!("{}.yaml", lesson.id)
}

/// Whether a stop's pause condition holds in the world at the cursor.
pub fn holds(sim: &Simulation, until: &str) -> Result<bool, String> {
    let world = sim.world();
    let words: Vec<&str> = until.split_whitespace().collect();
    match words.as_slice() {
        ["settled"] => Ok(false),
        ["pod", name, "Ready"] => Ok(world.pods().any(|p| {
            p.metadata.name == *name && crate::engine::statefulset::is_running_and_ready(p)
        })),
        ["pod", name, "gone"] => Ok(world.find(Kind::Pod, "default", name).is_none()),
        ["pvc", name, "Bound"] => Ok(world.claims().any(|c| {
            c.metadata.name == *name
                && c.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Bound")
        })),
        _ => Err(format!("unknown pause condition \"{until}\"")),
    }
}

/// Runs a command of the lesson; `-f` paths give the lesson's manifests (or the edited
/// ones of the solution).
pub fn run_command(sim: &mut Simulation, manifests: &str, line: &str) -> (String, i32) {
    let text = manifests.to_string();
    let printed = shell::run(sim, line, &move |_| Ok(text.clone()));
    (printed.output, printed.exit_code)
}

/// Plays one stop.
pub fn play_stop(sim: &mut Simulation, lesson: &Lesson, stop: &Stop) -> Result<StopRun, String> {
    play_stop_with(sim, lesson, stop, &mut |sim, manifests, line| {
        run_command(sim, manifests, line)
    })
}

/// Plays one stop, running its commands through `run` (the page records them, so that
/// the timeline can be saved and shared).
pub fn play_stop_with(
    sim: &mut Simulation,
    lesson: &Lesson,
    stop: &Stop,
    run: &mut dyn FnMut(&mut Simulation, &str, &str) -> (String, i32),
) -> Result<StopRun, String> {
    let mut commands = Vec::new();
    if stop.apply {
        let line = format!("kubectl apply -f {}", manifest_file(lesson));
        let (out, code) = run(sim, &lesson.manifests, &line);
        commands.push((line, out, code));
    }
    if let Some(line) = &stop.run {
        let (out, code) = run(sim, &lesson.manifests, line);
        commands.push((line.clone(), out, code));
    }
    let until = stop.until.as_deref().unwrap_or("settled");
    let mut reached = holds(sim, until)?;
    let mut steps = 0;
    while !reached && steps < MAX_STEPS_PER_STOP {
        if !sim.step() {
            reached = until == "settled";
            break;
        }
        steps += 1;
        reached = holds(sim, until)?;
    }
    Ok(StopRun {
        commands,
        reached,
        cursor: sim.cursor(),
    })
}

/// Runs the lesson's checkpoints on the cluster as it is.
pub fn check(sim: &mut Simulation, lesson: &Lesson) -> Vec<CheckpointRun> {
    lesson
        .checkpoints
        .iter()
        .map(|c| {
            let (got, _) = run_command(sim, &lesson.manifests, &c.run);
            CheckpointRun {
                command: c.run.clone(),
                expect: c.expect.clone(),
                passed: got.trim_end() == c.expect.trim_end(),
                got,
            }
        })
        .collect()
}

/// The whole lesson headless: every stop, then the solution (settling after each
/// command), then the checkpoints. Returns a transcript and whether everything held.
pub fn run_headless(lesson: &Lesson) -> (String, bool) {
    let mut sim = Simulation::new(lesson.seed);
    let mut out = String::new();
    let mut ok = true;
    for (i, stop) in lesson.script.iter().enumerate() {
        match play_stop(&mut sim, lesson, stop) {
            Ok(run) => {
                for (line, output, _) in &run.commands {
                    out.push_str(&format!("$ {line}\n{output}"));
                }
                let until = stop.until.as_deref().unwrap_or("settled");
                if !run.reached {
                    ok = false;
                    out.push_str(&format!(
                        "! stop {}: \"{until}\" was never reached\n",
                        i + 1
                    ));
                } else {
                    out.push_str(&format!(
                        "# stop {} paused at step {} ({until})\n",
                        i + 1,
                        run.cursor
                    ));
                }
            }
            Err(e) => {
                ok = false;
                out.push_str(&format!("! stop {}: {e}\n", i + 1));
            }
        }
    }
    sim.settle();
    let manifests = lesson
        .solution_manifests
        .clone()
        .unwrap_or_else(|| lesson.manifests.clone());
    for line in &lesson.solution {
        let (output, _) = run_command(&mut sim, &manifests, line);
        out.push_str(&format!("$ {line}\n{output}"));
        sim.settle();
    }
    for c in check(&mut sim, lesson) {
        let mark = if c.passed { "✓" } else { "✗" };
        if !c.passed {
            ok = false;
        }
        out.push_str(&format!(
            "{mark} {} → {} (expected {})\n",
            c.command,
            quote(c.got.trim_end()),
            quote(&c.expect)
        ));
    }
    (out, ok)
}
