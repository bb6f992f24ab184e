//! Quoting a name or value inside a message: `"name"`, as Rust's `{:?}` prints a string
//! and close to Go's `%q`, which the Kubernetes messages the playground repeats use.
//!
//! The standard `{:?}` decides which characters to escape from Unicode tables (what is
//! printable, what extends a grapheme) that cost the bundle a few kilobytes. Names, keys
//! and values here are ASCII or ordinary text, so this quoting escapes ASCII exactly as
//! `{:?}` does and, beyond ASCII, only characters that print as nothing or as blank
//! space (controls, format characters, spaces other than the ASCII one, private use),
//! each of which `{:?}` escapes the same way. Other characters are kept as they are,
//! which is also what Go does with printable text (a combining accent, say, which `{:?}`
//! would escape).

/// Characters beyond ASCII printed as `\u{…}`, as inclusive ranges: C1 controls and the
/// no-break space, the soft hyphen, the Arabic letter mark, the Ogham space mark, the
/// Mongolian vowel separator, the typographic spaces, zero-width and direction marks,
/// line and paragraph separators, the ideographic space, private use, the byte order
/// mark, specials and noncharacters, and tags. `{:?}` and Go's `%q` escape every one.
const INVISIBLE: [(u32, u32); 15] = [
    (0x80, 0xa0),
    (0xad, 0xad),
    (0x61c, 0x61c),
    (0x1680, 0x1680),
    (0x180e, 0x180e),
    (0x2000, 0x200f),
    (0x2028, 0x202f),
    (0x205f, 0x2064),
    (0x2066, 0x206f),
    (0x3000, 0x3000),
    (0xe000, 0xf8ff),
    (0xfeff, 0xfeff),
    (0xfff0, 0xfffb),
    (0xfffe, 0xffff),
    (0xe0000, 0x10ffff),
];

/// `text` in double quotes, with `"` and `\` escaped, `\n`, `\r`, `\t` and `\0` as
/// those escapes, other ASCII controls and the characters in [`INVISIBLE`] as `\u{…}`
/// (lowercase hexadecimal, no leading zeros), like `format!("{text:?}")`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            ' '..='~' => out.push(c),
            _ if c.is_ascii() || is_invisible(c) => push_unicode_escape(&mut out, c),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_invisible(c: char) -> bool {
    let code = u32::from(c);
    INVISIBLE
        .iter()
        .any(|&(first, last)| (first..=last).contains(&code))
}

/// `\u{…}` with the code point in lowercase hexadecimal and no leading zeros.
fn push_unicode_escape(out: &mut String, c: char) {
    let code = u32::from(c);
    out.push_str("\\u{");
    let digits = (32 - (code | 1).leading_zeros()).div_ceil(4);
    for shift in (0..digits).rev() {
        let nibble = (code >> (shift * 4)) & 0xf;
        out.push(char::from(b"0123456789abcdef"[nibble as usize]));
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_quoted_as_debug_quotes_it() {
        for c in (0u8..=0x7f).map(char::from) {
            let text = format!("a{c}b{c}");
            assert_eq!(quote(&text), format!("{text:?}"), "{:#x}", u32::from(c));
        }
        for text in ["", "web-0", "data-web-0", "say \"hi\"\\", "a\tb\r\n\0"] {
            assert_eq!(quote(text), format!("{text:?}"));
        }
    }

    #[test]
    fn printable_text_beyond_ascii_is_kept_as_debug_keeps_it() {
        for text in [
            "数据卷",
            "存储类「fast」：未找到",
            "（全角）",
            "café",
            "Ünïcödé",
            "Ελληνικά",
            "кириллица",
            "עברית",
            "🙂🚀",
            "日本語のテキスト",
            "\u{ff01}\u{ff1f}\u{3001}\u{3002}",
        ] {
            assert_eq!(quote(text), format!("\"{text}\""));
            assert_eq!(quote(text), format!("{text:?}"));
        }
    }

    #[test]
    fn invisible_characters_are_escaped_as_debug_escapes_them() {
        let mut checked = 0;
        for &(first, last) in &INVISIBLE {
            for c in (first..=last).filter_map(char::from_u32) {
                let text = format!("x{c}");
                assert_eq!(quote(&text), format!("{text:?}"), "{:#x}", u32::from(c));
                checked += 1;
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn every_character_is_quoted_as_debug_does_or_kept_as_it_is() {
        // Outside ASCII and the invisible ranges a character is kept; where `{:?}`
        // escapes it (combining marks, unassigned code points), the difference is only
        // that, never another escape.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = c.to_string();
            let ours = quote(&text);
            if ours != format!("{text:?}") {
                assert!(!c.is_ascii() && !is_invisible(c), "{:#x}", u32::from(c));
                assert_eq!(ours, format!("\"{c}\""), "{:#x}", u32::from(c));
            }
        }
        // A combining accent stays on its letter, as Go's `%q` keeps it.
        assert_eq!(quote("e\u{301}"), "\"e\u{301}\"");
        assert_eq!(format!("{:?}", "e\u{301}"), "\"e\\u{301}\"");
    }
}
