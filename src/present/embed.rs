//! The embed mode's parameters, read from the page's query string (`?embed=1&lesson=…`):
//! each value is bounded in length and must be a known value, anything else is ignored.
//! Only parsing lives here; the page applies the options in `ui/app.rs`, and the
//! click-to-load placeholder lives in the loader (`scripts/finalize-dist.mjs`).

use crate::present::i18n::Lang;
use crate::present::share::{MAX_LESSON_ID, MAX_LINK, MAX_STEPS};

/// A panel of the page that an embed may show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Panel {
    Graph,
    Log,
    Inspector,
    Editor,
    Console,
    Dns,
}

impl Panel {
    pub const ALL: [Panel; 6] = [
        Panel::Graph,
        Panel::Log,
        Panel::Inspector,
        Panel::Editor,
        Panel::Console,
        Panel::Dns,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Panel::Graph => "graph",
            Panel::Log => "log",
            Panel::Inspector => "inspector",
            Panel::Editor => "editor",
            Panel::Console => "console",
            Panel::Dns => "dns",
        }
    }
}

/// A colour theme forced by the embedding page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The options of an embedded player.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    /// A lesson to open, by id.
    pub lesson: Option<String>,
    /// An inline scenario in the share format (`1.<base64url>`), decoded by the page.
    pub scenario: Option<String>,
    /// The step to start at.
    pub step: Option<usize>,
    pub read_only: bool,
    /// The panels shown; empty means all of them.
    pub panels: Vec<Panel>,
    pub theme: Option<Theme>,
    pub lang: Option<Lang>,
    pub autoplay: bool,
}

impl Embed {
    /// Whether a panel is shown.
    pub fn shows(&self, panel: Panel) -> bool {
        self.panels.is_empty() || self.panels.contains(&panel)
    }
}

/// The longest value read for anything but the inline scenario.
const MAX_VALUE: usize = 128;

/// Reads the query string (with or without its leading `?`); `None` unless it has
/// `embed=1`.
pub fn parse(query: &str) -> Option<Embed> {
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_LINK + 4 * 1024 {
        return None;
    }
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .take(32)
        .filter_map(|pair| pair.split_once('='))
        .collect();
    if !pairs.iter().any(|&(k, v)| k == "embed" && v == "1") {
        return None;
    }
    let mut embed = Embed::default();
    for (key, value) in pairs {
        if key == "s" {
            let plain = value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
            if value.len() <= MAX_LINK && plain {
                embed.scenario = Some(value.to_string());
            }
            continue;
        }
        if value.len() > MAX_VALUE {
            continue;
        }
        match key {
            "lesson" => {
                let plain = value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
                if !value.is_empty() && value.len() <= MAX_LESSON_ID && plain {
                    embed.lesson = Some(value.to_string());
                }
            }
            "step" => {
                embed.step = value.parse::<usize>().ok().filter(|n| *n <= MAX_STEPS);
            }
            "readonly" => embed.read_only = value == "1",
            "autoplay" => embed.autoplay = value == "1",
            "panels" => {
                let value = value.replace("%2C", ",").replace("%2c", ",");
                let mut panels: Vec<Panel> = value
                    .split(',')
                    .filter_map(|name| Panel::ALL.into_iter().find(|p| p.name() == name))
                    .collect();
                crate::sort::ascending(&mut panels);
                panels.dedup();
                embed.panels = panels;
            }
            "theme" => {
                embed.theme = match value {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                }
            }
            "lang" => {
                embed.lang = match value {
                    "en" => Some(Lang::En),
                    "zh" | "zh-CN" => Some(Lang::Zh),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    Some(embed)
}
