//! A sentence for learners in both interface languages. The engine explains every step
//! and every wait in English and Simplified Chinese; the views pick one.

/// English and Simplified Chinese forms of one message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Chinese text takes full-width punctuation: an ASCII `,` `:` `;` `(` `)` `?` `!` next
/// to a Chinese character becomes its full-width form. Punctuation between Latin
/// characters (`selected-node: node-1`, `a,b`) is left alone. A text with nothing to
/// change is returned as it is.
pub fn full_width_punctuation(text: String) -> String {
    let bytes = text.as_bytes();
    let punctuation = |b: &u8| matches!(b, b',' | b':' | b';' | b'?' | b'!' | b'(' | b')');
    if !bytes.iter().any(punctuation) {
        return text;
    }
    // The punctuation is ASCII, so the bytes either side of it are character boundaries.
    let near = |i: usize| {
        text[..i].chars().next_back().is_some_and(is_cjk)
            || text[i + 1..].chars().next().is_some_and(is_cjk)
    };
    // A pair of parentheses turns full-width when either side of it touches Chinese.
    let mut wide_parens: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' => {
                if let Some(o) = open.pop() {
                    if near(o) || near(i) {
                        wide_parens.extend([o, i]);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = String::new();
    let mut copied = 0;
    for (i, b) in bytes.iter().enumerate().filter(|(_, b)| punctuation(b)) {
        let wide = match b {
            b',' if near(i) => '，',
            b':' if near(i) => '：',
            b';' if near(i) => '；',
            b'?' if near(i) => '？',
            b'!' if near(i) && bytes.get(i + 1) != Some(&b'=') => '！',
            b'(' if wide_parens.contains(&i) => '（',
            b')' if wide_parens.contains(&i) => '）',
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push(wide);
        copied = i + 1;
    }
    if copied == 0 {
        return text;
    }
    out.push_str(&text[copied..]);
    out
}

/// How many items a list in an explanation names one by one.
pub const LISTED: usize = 10;

/// A list for an explanation: up to [`LISTED`] items joined (`, ` and `、`); a longer one
/// as its first items, an ellipsis, the last item and the count. A long list says little
/// and costs every step that carries it.
pub fn listed<S: AsRef<str>>(items: &[S]) -> Text {
    let joined = |items: &[S], separator: &str| {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(separator);
            }
            out.push_str(item.as_ref());
        }
        out
    };
    match items {
        [first @ .., last] if items.len() > LISTED => {
            let first = &first[..LISTED - 1];
            let last = last.as_ref();
            let n = items.len();
            Text::new(
                format!("{}, …, {last} ({n} in all)", joined(first, ", ")),
                format!("{}……{last}(共 {n} 个)", joined(first, "、")),
            )
        }
        _ => Text::new(joined(items, ", "), joined(items, "、")),
    }
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: full_width_punctuation(zh.into()),
        }
    }

    /// Joins several texts with a space (English) and nothing (Chinese).
    pub fn join(parts: &[Text]) -> Text {
        Text {
            en: parts
                .iter()
                .map(|t| t.en.as_str())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            zh: parts
                .iter()
                .map(|t| t.zh.as_str())
                .collect::<Vec<_>>()
                .join(""),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.zh.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_takes_full_width_punctuation() {
        assert_eq!(
            full_width_punctuation("运行并就绪,然后继续:web-0(序号 0)".into()),
            "运行并就绪，然后继续：web-0（序号 0）"
        );
        assert_eq!(
            full_width_punctuation("写入 volume.kubernetes.io/selected-node: node-1".into()),
            "写入 volume.kubernetes.io/selected-node: node-1"
        );
    }

    /// The rule read character by character, as it is stated: the byte scan above must
    /// agree with it on every text.
    fn by_characters(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let near = |i: usize| {
            i.checked_sub(1)
                .and_then(|j| chars.get(j))
                .is_some_and(|c| is_cjk(*c))
                || chars.get(i + 1).is_some_and(|c| is_cjk(*c))
        };
        let mut wide_paren = vec![false; chars.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '(' => open.push(i),
                ')' => {
                    if let Some(o) = open.pop() {
                        let wide = near(o) || near(i);
                        wide_paren[o] = wide;
                        wide_paren[i] = wide;
                    }
                }
                _ => {}
            }
        }
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| match c {
                ',' if near(i) => '，',
                ':' if near(i) => '：',
                ';' if near(i) => '；',
                '?' if near(i) => '？',
                '!' if near(i) && chars.get(i + 1) != Some(&'=') => '！',
                '(' if wide_paren[i] => '（',
                ')' if wide_paren[i] => '）',
                other => other,
            })
            .collect()
    }

    #[test]
    fn the_byte_scan_agrees_with_the_rule_on_every_short_text() {
        // Every text of up to five characters from an alphabet of punctuation, Latin,
        // Chinese, full-width and other multi-byte characters.
        let alphabet = [
            ',', ':', ';', '?', '!', '(', ')', '=', 'a', ' ', '序', '，', 'é', '😀',
        ];
        let mut texts = vec![String::new()];
        let mut checked = 0;
        for _ in 0..5 {
            let mut longer = Vec::new();
            for text in &texts {
                for c in alphabet {
                    let mut t = text.clone();
                    t.push(c);
                    assert_eq!(full_width_punctuation(t.clone()), by_characters(&t), "{t}");
                    checked += 1;
                    longer.push(t);
                }
            }
            texts = longer;
        }
        assert_eq!(
            checked,
            14 + 14 * 14 + 14usize.pow(3) + 14usize.pow(4) + 14usize.pow(5)
        );
    }
}
