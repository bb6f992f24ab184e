//! A scenario as one line of text, for share links (`#s=1.<base64url>`), embeds and the
//! saved timeline: the seed, every command run with the manifest text its `-f` read and
//! the step it ran at, the editor's text, the steps known, the cursor and the open lesson.
//! `encode` and `decode` are the versioned format (JSON, raw deflate, base64url); `record`
//! runs a command so that it can be replayed, and `replay` rebuilds the simulation and the
//! console from a decoded scenario, step for step. Everything read is bounded: the text's
//! length, the inflated size (checked while inflating), the counts and the step numbers.
//! No browser API lives here.

use crate::engine::sim::{Simulation, SETTLE_MAX_STEPS};
use crate::present::dns::Printed;
use crate::present::i18n::Lang;
use crate::present::shell;
use serde::{Deserialize, Serialize};

/// The format written today; a link names its format before the first dot.
pub const VERSION: u32 = 1;
/// The longest encoded scenario read (the part after `#s=`).
pub const MAX_LINK: usize = 64 * 1024;
/// The most bytes a scenario may inflate to; inflating stops as soon as it would exceed it.
pub const MAX_INFLATED: usize = 1 << 20;
/// The most distinct manifest texts in one scenario.
pub const MAX_TEXTS: usize = 256;
/// The most commands in one scenario.
pub const MAX_COMMANDS: usize = 2_000;
/// The longest command line.
pub const MAX_COMMAND_LEN: usize = 4_096;
/// The highest step number a scenario may name (the bound of one settle).
pub const MAX_STEPS: usize = SETTLE_MAX_STEPS;
/// The longest lesson id, and the most stops a lesson position may name.
pub const MAX_LESSON_ID: usize = 64;
pub const MAX_STOP: usize = 1_000;

/// One command run, as it is replayed: at which step, at what simulated time (the clock
/// can move past the last step when the cluster settles), the line, and the text any
/// `-f` path read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ran {
    pub at: usize,
    pub clock_ms: i64,
    pub line: String,
    pub file: String,
}

/// The open lesson and how many of its stops were played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonAt {
    pub id: String,
    pub stop: usize,
}

/// Everything needed to show the same scenario at the same step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub seed: u64,
    /// The text in the editor (applied or not).
    pub editor: String,
    pub commands: Vec<Ran>,
    /// Steps known (the timeline's length), the cursor, and the clock at the cursor.
    pub known: usize,
    pub cursor: usize,
    pub clock_ms: i64,
    pub lesson: Option<LessonAt>,
}

/// What a bound limits, for the error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Texts,
    Commands,
    CommandLength,
    Steps,
    Lesson,
}

/// Why a scenario text was not loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Cut short, altered, or not a scenario at all.
    Damaged,
    /// Written in another format version.
    Version(u32),
    /// Longer than `MAX_LINK`.
    TooLong,
    /// Inflates to more than `MAX_INFLATED`.
    TooLarge,
    /// A count or number beyond its bound.
    Exceeds(Limit),
}

impl ShareError {
    /// The message for the learner: what happened and that nothing was loaded.
    pub fn message(&self, lang: Lang) -> String {
        let (en, zh) = match self {
            ShareError::Damaged => (
                "This link is damaged (perhaps cut short when it was copied); nothing was loaded.".to_string(),
                "这个链接已损坏(可能在复制时被截断);没有加载任何内容。".to_string(),
            ),
            ShareError::Version(v) if *v > VERSION => (
                format!("This link was made by a newer version of stsplay (format {v}); nothing was loaded."),
                format!("这个链接由更新版本的 stsplay 生成(格式 {v});没有加载任何内容。"),
            ),
            ShareError::Version(v) => (
                format!("This link uses format {v}, which this version of stsplay does not read; nothing was loaded."),
                format!("这个链接使用格式 {v},当前版本的 stsplay 无法读取;没有加载任何内容。"),
            ),
            ShareError::TooLong => (
                format!("This link is longer than {} KiB, the most stsplay reads; nothing was loaded.", MAX_LINK / 1024),
                format!("这个链接超过 {} KiB,超出 stsplay 能读取的上限;没有加载任何内容。", MAX_LINK / 1024),
            ),
            ShareError::TooLarge => (
                format!("This link unpacks to more than {} MiB, the most stsplay reads; nothing was loaded.", MAX_INFLATED >> 20),
                format!("这个链接解压后超过 {} MiB,超出 stsplay 能读取的上限;没有加载任何内容。", MAX_INFLATED >> 20),
            ),
            ShareError::Exceeds(limit) => {
                let (what_en, what_zh) = match limit {
                    Limit::Texts => (format!("more than {MAX_TEXTS} manifest texts"), format!("超过 {MAX_TEXTS} 份清单")),
                    Limit::Commands => (format!("more than {MAX_COMMANDS} commands"), format!("超过 {MAX_COMMANDS} 条命令")),
                    Limit::CommandLength => (format!("a command longer than {MAX_COMMAND_LEN} bytes"), format!("超过 {MAX_COMMAND_LEN} 字节的命令")),
                    Limit::Steps => (format!("a step beyond {MAX_STEPS}"), format!("超过第 {MAX_STEPS} 步的位置")),
                    Limit::Lesson => ("a lesson position that cannot be right".to_string(), "无效的课程位置".to_string()),
                };
                (
                    format!("This link holds {what_en}, more than stsplay accepts; nothing was loaded."),
                    format!("这个链接包含{what_zh},超出 stsplay 的上限;没有加载任何内容。"),
                )
            }
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The message when a scenario names a lesson this site does not have.
pub fn unknown_lesson(id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("The lesson \"{id}\" is not on this site; the scenario was opened without it.")
        }
        Lang::Zh => format!("本站没有课程“{id}”;已在不打开课程的情况下加载场景。"),
    }
}

/// The JSON written inside: texts are listed once and referred to by index.
#[derive(Serialize, Deserialize)]
struct Wire {
    seed: u64,
    texts: Vec<String>,
    editor: usize,
    /// (at, clock_ms, line, text index)
    commands: Vec<(usize, i64, String, usize)>,
    known: usize,
    cursor: usize,
    clock: i64,
    lesson: Option<(String, usize)>,
}

/// Writes a scenario in the current format: `1.<base64url of raw deflate of JSON>`.
pub fn encode(shared: &Shared) -> String {
    let mut texts: Vec<String> = Vec::new();
    let mut index_of = |text: &str| match texts.iter().position(|t| t == text) {
        Some(i) => i,
        None => {
            texts.push(text.to_string());
            texts.len() - 1
        }
    };
    let editor = index_of(&shared.editor);
    let commands = shared
        .commands
        .iter()
        .map(|r| (r.at, r.clock_ms, r.line.clone(), index_of(&r.file)))
        .collect();
    let wire = Wire {
        seed: shared.seed,
        texts,
        editor,
        commands,
        known: shared.known,
        cursor: shared.cursor,
        clock: shared.clock_ms,
        lesson: shared.lesson.as_ref().map(|l| (l.id.clone(), l.stop)),
    };
    // Serialising plain strings and numbers cannot fail; an empty body would decode as
    // damaged rather than be taken for a scenario.
    let json = serde_json::to_vec(&wire).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{VERSION}.{}", base64url(&packed))
}

/// Reads a scenario written by `encode`, checking every bound.
pub fn decode(link: &str) -> Result<Shared, ShareError> {
    if link.len() > MAX_LINK {
        return Err(ShareError::TooLong);
    }
    let (version, body) = link.split_once('.').ok_or(ShareError::Damaged)?;
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Damaged);
    }
    let version: u32 = version.parse().map_err(|_| ShareError::Damaged)?;
    if version != VERSION {
        return Err(ShareError::Version(version));
    }
    let packed = unbase64url(body).ok_or(ShareError::Damaged)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Damaged,
            }
        })?;
    let wire: Wire = serde_json::from_slice(&json).map_err(|_| ShareError::Damaged)?;
    if wire.texts.len() > MAX_TEXTS {
        return Err(ShareError::Exceeds(Limit::Texts));
    }
    if wire.commands.len() > MAX_COMMANDS {
        return Err(ShareError::Exceeds(Limit::Commands));
    }
    let step_numbers = [wire.known, wire.cursor]
        .into_iter()
        .chain(wire.commands.iter().map(|c| c.0));
    for n in step_numbers {
        if n > MAX_STEPS {
            return Err(ShareError::Exceeds(Limit::Steps));
        }
    }
    let text = |i: usize| wire.texts.get(i).cloned().ok_or(ShareError::Damaged);
    let mut commands = Vec::with_capacity(wire.commands.len());
    for (at, clock_ms, line, file) in &wire.commands {
        if line.len() > MAX_COMMAND_LEN {
            return Err(ShareError::Exceeds(Limit::CommandLength));
        }
        commands.push(Ran {
            at: *at,
            clock_ms: *clock_ms,
            line: line.clone(),
            file: text(*file)?,
        });
    }
    let lesson = match wire.lesson {
        None => None,
        Some((id, stop)) => {
            let plain = id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if id.is_empty() || id.len() > MAX_LESSON_ID || !plain || stop > MAX_STOP {
                return Err(ShareError::Exceeds(Limit::Lesson));
            }
            Some(LessonAt { id, stop })
        }
    };
    Ok(Shared {
        seed: wire.seed,
        editor: text(wire.editor)?,
        commands,
        known: wire.known,
        cursor: wire.cursor,
        clock_ms: wire.clock,
        lesson,
    })
}

/// Runs a command line at the cursor, reading `file` for any `-f` path, and returns what
/// to keep for replaying it with what it printed.
pub fn record(sim: &mut Simulation, line: &str, file: &str) -> (Ran, Printed) {
    let ran = Ran {
        at: sim.cursor(),
        clock_ms: sim.world().now_ms,
        line: line.to_string(),
        file: file.to_string(),
    };
    let printed = run(sim, &ran);
    (ran, printed)
}

fn run(sim: &mut Simulation, ran: &Ran) -> Printed {
    let text = ran.file.clone();
    shell::run(sim, &ran.line, &move |_| Ok(text.clone()))
}

/// Moves to step `n`, taking new steps where the timeline is shorter; then, if the clock
/// had moved on past the last step (a settled cluster waiting on a timer), moves it the
/// same way.
fn reach(sim: &mut Simulation, n: usize, clock_ms: i64) {
    let n = n.min(MAX_STEPS);
    sim.seek(n);
    while sim.cursor() < n && sim.step() {}
    if sim.cursor() == sim.steps().len() && sim.world().now_ms < clock_ms {
        sim.step();
    }
}

/// A scenario rebuilt: the simulation at the shared cursor and the console's transcript
/// (each command with its output and exit code).
pub struct Replayed {
    pub sim: Simulation,
    pub console: Vec<(String, String, i32)>,
}

/// Rebuilds a scenario by running its commands again at their steps. The cursor is
/// clamped to the steps that exist.
pub fn replay(shared: &Shared) -> Replayed {
    let mut sim = Simulation::new(shared.seed);
    let mut console = Vec::with_capacity(shared.commands.len());
    for ran in &shared.commands {
        reach(&mut sim, ran.at, ran.clock_ms);
        let printed = run(&mut sim, ran);
        console.push((ran.line.clone(), printed.output, printed.exit_code));
    }
    reach(&mut sim, shared.known, i64::MIN);
    let cursor = shared.cursor.min(sim.steps().len());
    sim.seek(cursor);
    if cursor == sim.steps().len() && sim.world().now_ms < shared.clock_ms {
        sim.step();
    }
    Replayed { sim, console }
}

/// The scenario of a simulation: its seed, the commands recorded for it, the editor's
/// text and the lesson position. Step numbers are bounded as `decode` expects.
pub fn capture(
    sim: &Simulation,
    commands: &[Ran],
    editor: &str,
    lesson: Option<LessonAt>,
) -> Shared {
    Shared {
        seed: sim.seed(),
        editor: editor.to_string(),
        commands: commands.to_vec(),
        known: sim.steps().len().min(MAX_STEPS),
        cursor: sim.cursor().min(MAX_STEPS),
        clock_ms: sim.world().now_ms,
        lesson,
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5), the form safe in a URL fragment.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        // Bits beyond the last whole byte must be zero, so each text has one reading.
        let spare = n & ((1u32 << (24 - 8 * produced)) - 1);
        if spare != 0 {
            return None;
        }
        for i in 0..produced {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(!text.contains('='));
            assert_eq!(unbase64url(&text), Some(bytes), "{len}");
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(unbase64url("-_9"), None, "non-zero spare bits");
        assert_eq!(unbase64url("A"), None);
        assert_eq!(unbase64url("AB+/"), None);
    }
}
