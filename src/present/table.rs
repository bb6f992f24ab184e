//! Aligned text tables, shared by every kubectl view and by the UI: a port of Go's
//! `text/tabwriter` (the algorithm kubectl's `get` and `describe` run their text through)
//! and a small `Table` of named columns on top of it. Pure string work, no Kubernetes here.

/// How a tab writer pads cells (Go's `tabwriter.NewWriter` parameters that kubectl varies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TabConfig {
    /// Minimum cell width, padding included.
    pub min_width: usize,
    /// Spaces added to the widest cell of a column.
    pub padding: usize,
}

/// `kubectl get` tables: `tabwriter.NewWriter(out, 6, 4, 3, ' ', RememberWidths)`.
/// Upstream: k8s.io/cli-runtime pkg/printers/tabwriter.go GetNewTabWriter
pub const GET_TABLE: TabConfig = TabConfig {
    min_width: 6,
    padding: 3,
};

/// `kubectl describe`: `out.Init(buf, 0, 8, 2, ' ', 0)`.
/// Upstream: k8s.io/kubectl pkg/describe/describe.go tabbedString
pub const DESCRIBE: TabConfig = TabConfig {
    min_width: 0,
    padding: 2,
};

/// Columns nested deeper than this are written unaligned, so hostile input full of tabs
/// cannot recurse without bound.
const MAX_COLUMNS: usize = 256;

/// Aligns tab-separated text exactly as Go's `text/tabwriter` with a space pad character:
/// a cell is text terminated by a tab; the text after the last tab of a line is not part
/// of any column; a column block is a run of consecutive lines that have a cell in that
/// column, and each block gets the width of its widest cell plus the padding.
/// Upstream: go src/text/tabwriter/tabwriter.go Writer.format
pub fn tabwrite(text: &str, config: TabConfig) -> String {
    // A form feed ends a line and flushes the writer, so the text on either side of it is
    // aligned independently; a vertical tab ends a cell like a tab.
    text.split('\x0c')
        .map(|section| format_section(section, config))
        .collect::<Vec<_>>()
        .join("\n")
}

fn format_section(text: &str, config: TabConfig) -> String {
    let lines: Vec<Vec<&str>> = text
        .split('\n')
        .map(|line| line.split(['\t', '\x0b']).collect())
        .collect();
    let mut writer = Formatter {
        lines: &lines,
        config,
        widths: Vec::new(),
        out: String::with_capacity(text.len() + text.len() / 2),
    };
    writer.format(0, lines.len());
    writer.out
}

struct Formatter<'a> {
    lines: &'a [Vec<&'a str>],
    config: TabConfig,
    widths: Vec<usize>,
    out: String,
}

impl Formatter<'_> {
    fn cells(&self, line: usize) -> usize {
        self.lines.get(line).map_or(0, Vec::len)
    }

    fn format(&mut self, line0: usize, line1: usize) {
        let column = self.widths.len();
        let mut start = line0;
        let mut this = line0;
        while this < line1 {
            if column >= self.cells(this).saturating_sub(1) || column >= MAX_COLUMNS {
                this += 1;
                continue;
            }
            self.write_lines(start, this);
            start = this;
            let mut width = self.config.min_width;
            while this < line1 && column < self.cells(this).saturating_sub(1) {
                let cell = self.lines.get(this).and_then(|l| l.get(column));
                let cell_width = cell.map_or(0, |c| c.chars().count());
                width = width.max(cell_width.saturating_add(self.config.padding));
                this += 1;
            }
            self.widths.push(width);
            self.format(start, this);
            self.widths.pop();
            start = this;
        }
        self.write_lines(start, line1);
    }

    fn write_lines(&mut self, line0: usize, line1: usize) {
        for index in line0..line1 {
            let Some(line) = self.lines.get(index) else {
                continue;
            };
            for (j, cell) in line.iter().enumerate() {
                self.out.push_str(cell);
                if let Some(width) = self.widths.get(j) {
                    let pad = width.saturating_sub(cell.chars().count());
                    self.out.extend(std::iter::repeat_n(' ', pad));
                }
            }
            if index + 1 < self.lines.len() {
                self.out.push('\n');
            }
        }
    }
}

/// A column of a `kubectl get` table: its header and whether only `-o wide` shows it
/// (upstream "priority 1").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub wide_only: bool,
}

impl Column {
    pub const fn new(name: &'static str) -> Column {
        Column {
            name,
            wide_only: false,
        }
    }

    pub const fn wide(name: &'static str) -> Column {
        Column {
            name,
            wide_only: true,
        }
    }
}

/// Which columns a table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    Normal,
    Wide,
}

/// Rows of cells under named columns, printed as kubectl prints server-side tables.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Prints the header (upper-cased) and the rows through the `kubectl get` tab writer;
    /// nothing at all when there are no rows, as kubectl prints no header then.
    /// Upstream: k8s.io/cli-runtime pkg/printers/tableprinter.go printTable
    pub fn render(&self, width: Width) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let shown: Vec<bool> = self
            .columns
            .iter()
            .map(|c| width == Width::Wide || !c.wide_only)
            .collect();
        let mut text = String::new();
        let header: Vec<String> = self
            .columns
            .iter()
            .zip(&shown)
            .filter(|(_, show)| **show)
            .map(|(c, _)| c.name.to_ascii_uppercase())
            .collect();
        text.push_str(&header.join("\t"));
        text.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&shown)
                .filter(|(_, show)| **show)
                .map(|(cell, _)| escape_cell(cell))
                .collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
        tabwrite(&text, GET_TABLE)
    }
}

/// Prints rows as a tab writer with kubectl's `RememberWidths` flag does when it is
/// flushed after every chunk: each column is as wide as its widest cell in this chunk or
/// in any chunk before (`remembered` carries the widths from one call to the next).
/// Upstream: github.com/liggitt/tabwriter Writer.format (RememberWidths)
pub fn render_remembering(
    rows: &[Vec<String>],
    remembered: &mut Vec<usize>,
    config: TabConfig,
) -> String {
    let mut out = String::new();
    for row in rows {
        let last = row.len().saturating_sub(1);
        for (j, cell) in row.iter().enumerate().take(last) {
            let width = config.min_width.max(
                rows.iter()
                    .filter(|r| r.len().saturating_sub(1) > j)
                    .filter_map(|r| r.get(j))
                    .map(|c| c.chars().count().saturating_add(config.padding))
                    .max()
                    .unwrap_or(0),
            );
            if remembered.len() <= j {
                remembered.resize(j + 1, 0);
            }
            let width = match remembered.get_mut(j) {
                Some(w) => {
                    *w = (*w).max(width);
                    *w
                }
                None => width,
            };
            out.push_str(cell);
            let pad = width.saturating_sub(cell.chars().count());
            out.extend(std::iter::repeat_n(' ', pad));
        }
        if let Some(cell) = row.get(last) {
            out.push_str(cell);
        }
        out.push('\n');
    }
    out
}

/// A cell is cut at its first line break (with `...` appended) and terminal escapes are
/// neutralised, as kubectl does before aligning.
/// Upstream: k8s.io/cli-runtime pkg/printers/tableprinter.go printTable, terminal.go WriteEscaped
pub fn escape_cell(cell: &str) -> String {
    let (text, truncated) = match cell.find(['\x0c', '\n', '\r']) {
        Some(at) => (cell.get(..at).unwrap_or(""), true),
        None => (cell, false),
    };
    let mut out = escape_terminal(text);
    if truncated {
        out.push_str("...");
    }
    out
}

/// Replaces ESC with `^[` and CR with `\r`, as kubectl does to everything it prints.
/// Upstream: k8s.io/cli-runtime pkg/printers/terminal.go EscapeTerminal
pub fn escape_terminal(text: &str) -> String {
    text.replace('\x1b', "^[").replace('\r', "\\r")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_independently() {
        let text = "Name:\tweb\nNamespace:\tdefault\nPod Template:\n  Labels:\tapp=nginx\n";
        assert_eq!(
            tabwrite(text, DESCRIBE),
            "Name:       web\nNamespace:  default\nPod Template:\n  Labels:  app=nginx\n"
        );
    }

    #[test]
    fn minimum_width_and_trailing_cell() {
        let text = "A\tB\nxy\t\n";
        assert_eq!(tabwrite(text, GET_TABLE), "A     B\nxy    \n");
    }
}
