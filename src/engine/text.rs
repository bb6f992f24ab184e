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
/// characters (`selected-node: node-1`, `a,b`) is left alone.
pub fn full_width_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let near = |i: usize| {
        i.checked_sub(1)
            .and_then(|j| chars.get(j))
            .is_some_and(|c| is_cjk(*c))
            || chars.get(i + 1).is_some_and(|c| is_cjk(*c))
    };
    // A pair of parentheses turns full-width when either side of it touches Chinese.
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
            zh: full_width_punctuation(&zh.into()),
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
            full_width_punctuation("运行并就绪,然后继续:web-0(序号 0)"),
            "运行并就绪，然后继续：web-0（序号 0）"
        );
        assert_eq!(
            full_width_punctuation("写入 volume.kubernetes.io/selected-node: node-1"),
            "写入 volume.kubernetes.io/selected-node: node-1"
        );
    }
}
