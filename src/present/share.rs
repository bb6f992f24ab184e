//! A scenario as one line of text, for share links (`#s=1.<base64url>`), embeds and the
//! saved timeline: the seed, every command run with the manifest text its `-f` read and
//! the step it ran at, the editor's text, the steps known, the cursor and the open lesson.
//! `encode` and `decode` are the versioned format (a compact body, raw deflate,
//! base64url); `record` runs a command so that it can be replayed, and `replay` rebuilds
//! the simulation and the console from a decoded scenario, step for step. Everything read is bounded: the text's
//! length, the inflated size (checked while inflating), the counts and the step numbers.
//! No browser API lives here.

use crate::engine::sim::{Simulation, SETTLE_MAX_STEPS};
use crate::present::dns::Printed;
use crate::present::i18n::Lang;
use crate::present::shell;

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

/// Writes a scenario in the current format: `1.<base64url of raw deflate of the body>`.
/// The body is a run of LEB128 numbers (zigzag for clocks) and length-prefixed UTF-8:
/// seed; the texts, each listed once; the editor's text index; the commands as (at,
/// clock, line, text index); steps known, cursor, clock; the lesson (0, or 1, id, stop).
pub fn encode(shared: &Shared) -> String {
    // Texts are numbered in the order the fields below refer to them.
    let mut texts: Vec<&str> = Vec::new();
    let all = std::iter::once(shared.editor.as_str())
        .chain(shared.commands.iter().map(|r| r.file.as_str()));
    let mut indexes = Vec::with_capacity(shared.commands.len() + 1);
    for text in all {
        let at = texts.iter().position(|t| *t == text).unwrap_or(texts.len());
        if at == texts.len() {
            texts.push(text);
        }
        indexes.push(at as u64);
    }
    let (editor, files) = match indexes.split_first() {
        Some((&editor, files)) => (editor, files.to_vec()),
        None => (0, Vec::new()),
    };
    let mut out = Vec::new();
    put(&mut out, shared.seed);
    put(&mut out, texts.len() as u64);
    for text in &texts {
        put_str(&mut out, text);
    }
    put(&mut out, editor);
    put(&mut out, shared.commands.len() as u64);
    for (ran, file) in shared.commands.iter().zip(files) {
        put(&mut out, ran.at as u64);
        put(&mut out, zigzag(ran.clock_ms));
        put_str(&mut out, &ran.line);
        put(&mut out, file);
    }
    put(&mut out, shared.known as u64);
    put(&mut out, shared.cursor as u64);
    put(&mut out, zigzag(shared.clock_ms));
    match &shared.lesson {
        None => put(&mut out, 0),
        Some(lesson) => {
            put(&mut out, 1);
            put_str(&mut out, &lesson.id);
            put(&mut out, lesson.stop as u64);
        }
    }
    let packed = miniz_oxide::deflate::compress_to_vec(&out, 9);
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
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Damaged,
            }
        })?;
    let mut r = Reader {
        bytes: &bytes,
        at: 0,
    };
    let seed = r.number()?;
    let text_count = r.count(MAX_TEXTS, Limit::Texts)?;
    let mut texts = Vec::with_capacity(text_count);
    for _ in 0..text_count {
        texts.push(r.text(MAX_INFLATED, Limit::Texts)?);
    }
    let text = |i: u64| {
        let i = usize::try_from(i).map_err(|_| ShareError::Damaged)?;
        texts.get(i).cloned().ok_or(ShareError::Damaged)
    };
    let editor = text(r.number()?)?;
    let command_count = r.count(MAX_COMMANDS, Limit::Commands)?;
    let mut commands = Vec::with_capacity(command_count);
    for _ in 0..command_count {
        let at = r.step()?;
        let clock_ms = unzigzag(r.number()?);
        let line = r.text(MAX_COMMAND_LEN, Limit::CommandLength)?;
        let file = text(r.number()?)?;
        commands.push(Ran {
            at,
            clock_ms,
            line,
            file,
        });
    }
    let known = r.step()?;
    let cursor = r.step()?;
    let clock_ms = unzigzag(r.number()?);
    let lesson = match r.number()? {
        0 => None,
        1 => {
            let id = r.text(MAX_LESSON_ID, Limit::Lesson)?;
            let stop = r.number()?;
            let plain = id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if id.is_empty() || !plain || stop > MAX_STOP as u64 {
                return Err(ShareError::Exceeds(Limit::Lesson));
            }
            Some(LessonAt {
                id,
                stop: stop as usize,
            })
        }
        _ => return Err(ShareError::Damaged),
    };
    if r.at != bytes.len() {
        return Err(ShareError::Damaged);
    }
    Ok(Shared {
        seed,
        editor,
        commands,
        known,
        cursor,
        clock_ms,
        lesson,
    })
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// Reads the body, never past its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn number(&mut self) -> Result<u64, ShareError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(ShareError::Damaged)?;
            self.at += 1;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(ShareError::Damaged);
            }
            n |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(ShareError::Damaged)
    }

    fn count(&mut self, max: usize, limit: Limit) -> Result<usize, ShareError> {
        let n = self.number()?;
        if n > max as u64 {
            return Err(ShareError::Exceeds(limit));
        }
        Ok(n as usize)
    }

    fn step(&mut self) -> Result<usize, ShareError> {
        self.count(MAX_STEPS, Limit::Steps)
    }

    fn text(&mut self, max: usize, limit: Limit) -> Result<String, ShareError> {
        let len = self.count(max, limit)?;
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(ShareError::Damaged)?;
        let text =
            std::str::from_utf8(&self.bytes[self.at..end]).map_err(|_| ShareError::Damaged)?;
        self.at = end;
        Ok(text.to_string())
    }
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
            chunk.first().copied().unwrap_or(0),
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
