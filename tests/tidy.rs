//! Checks that keep the architecture honest, over the source text itself: the engine stays
//! pure, serde_yaml stays in one file, every file says what it is for, no test is skipped
//! or expected to panic, and no code can put text into the page as markup.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n == "target") {
                    continue;
                }
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out
}

fn all_rust_files() -> Vec<PathBuf> {
    ["src", "tests", "benches", "fuzz"]
        .iter()
        .flat_map(|d| rust_files(d))
        .collect()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Lines of code with `//` comments and string contents left out, so that prose and
/// messages may mention what code may not use.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    text.lines().enumerate().map(|(i, line)| {
        let mut code = String::new();
        let mut in_string = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => in_string = !in_string,
                '\\' if in_string => {
                    chars.next();
                }
                '/' if !in_string && chars.peek() == Some(&'/') => break,
                _ if in_string => {}
                _ => code.push(c),
            }
        }
        (i + 1, code)
    })
}

fn check(files: &[PathBuf], forbidden: &[&str], why: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for path in files {
        for (line, code) in code_lines(&read(path)) {
            for word in forbidden {
                if code.contains(word) {
                    problems.push(format!("{}:{line}: `{word}`: {why}", path.display()));
                }
            }
        }
    }
    problems
}

fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn engine_is_pure_and_deterministic() {
    let forbidden = [
        "yew",
        "web_sys",
        "js_sys",
        "gloo",
        "serde_yaml",
        "std::time",
        "HashMap",
        "HashSet",
        "Instant",
        "SystemTime",
        "thread_rng",
    ];
    let files = rust_files("src/engine");
    assert_none(check(
        &files,
        &forbidden,
        "the engine is pure and deterministic: no UI, no YAML, no clock, no unordered maps",
    ));
}

#[test]
fn serde_yaml_lives_in_one_file() {
    let allowed = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/manifest/yaml.rs");
    let files: Vec<_> = rust_files("src")
        .into_iter()
        .filter(|p| *p != allowed)
        .collect();
    assert_none(check(
        &files,
        &["serde_yaml"],
        "only src/manifest/yaml.rs calls serde_yaml",
    ));
}

#[test]
fn ui_crates_stay_in_the_ui() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin/web.rs");
    let files: Vec<_> = rust_files("src")
        .into_iter()
        .filter(|p| !p.starts_with(&ui) && *p != web)
        .collect();
    assert_none(check(
        &files,
        &["yew::", "web_sys", "js_sys", "gloo::", "wasm_bindgen"],
        "yew, web-sys and gloo are used by src/ui only",
    ));
}

#[test]
fn every_file_opens_with_a_doc_paragraph() {
    let mut problems = Vec::new();
    for path in all_rust_files() {
        let text = read(&path);
        if !text.starts_with("//!") {
            problems.push(format!(
                "{}: must start with a `//!` paragraph",
                path.display()
            ));
        }
    }
    assert_none(problems);
}

#[test]
fn no_test_is_skipped_or_expected_to_panic() {
    let forbidden = [concat!("#[", "ignore"), concat!("#[", "should_panic")];
    assert_none(check(
        &all_rust_files(),
        &forbidden,
        "tests assert today's behaviour; a known bug gets a FIXME, not a skipped test",
    ));
}

#[test]
fn no_text_reaches_the_page_as_markup() {
    let forbidden = [
        "inner_html",
        "outer_html",
        "from_html_unchecked",
        "insert_adjacent_html",
    ];
    assert_none(check(
        &rust_files("src"),
        &forbidden,
        "text goes into the page as text nodes only",
    ));
}

#[test]
fn no_sleeping_in_tests() {
    let forbidden = ["thread::sleep", "TimeoutFuture", "set_timeout"];
    assert_none(check(
        &rust_files("tests"),
        &forbidden,
        "tests await events, never sleep",
    ));
}

#[test]
fn no_test_asserts_a_duration() {
    // Speed is measured by the benchmarks and the timing programs, which print numbers;
    // a test that times itself fails on a busy machine rather than on slow code.
    let forbidden = ["Instant::now", "elapsed()", "SystemTime"];
    assert_none(check(
        &rust_files("tests"),
        &forbidden,
        "tests assert behaviour; time it in benches/ or examples/",
    ));
}

#[test]
fn slices_are_sorted_through_one_compiled_copy() {
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sort.rs");
    let files: Vec<_> = rust_files("src")
        .into_iter()
        .filter(|p| *p != own)
        .collect();
    assert_none(check(
        &files,
        &[".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable", ".sort_by_cached_key("],
        "sort with crate::sort (the standard sorts add a copy of the algorithm to the bundle per element type)",
    ));
}

#[test]
fn ordered_maps_are_sorted_vecs() {
    // The tests of the two maps check them against the standard ones.
    let own = ["src/vecmap.rs", "src/engine/chunked.rs"]
        .map(|p| Path::new(env!("CARGO_MANIFEST_DIR")).join(p));
    let files: Vec<_> = rust_files("src")
        .into_iter()
        .filter(|p| !own.contains(p))
        .collect();
    assert_none(check(
        &files,
        &["BTreeMap", "BTreeSet"],
        "use crate::vecmap or the engine's chunked map (the standard B-tree compiles its node code into the bundle once per key and value type)",
    ));
}

#[test]
fn no_unicode_case_mapping_in_the_bundle() {
    assert_none(check(
        &rust_files("src"),
        &[".to_lowercase(", ".to_uppercase("],
        "use to_ascii_lowercase/to_ascii_uppercase (Unicode case mapping links about 34 KB of tables into the bundle; names, keywords and columns are ASCII)",
    ));
}

#[test]
fn no_standard_float_parser_in_the_bundle() {
    assert_none(check(
        &rust_files("src"),
        &["parse::<f64>", "parse::<f32>", "f64::from_str", "f32::from_str"],
        "read floats with manifest::decimal (the standard parser links a 10 KB table of powers of five into the bundle)",
    ));
}
