//! YAML syntax highlighting for the editor, line by line: each line becomes a list of
//! spans (comment, key, string, number, literal, punctuation, document marker, plain).
//! A small scanner of its own, because it needs no parse tree: it only colours what the
//! learner sees, and the manifest layer reports the real errors.

/// What a span of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Plain,
    Comment,
    Key,
    String,
    Number,
    /// `true`, `false`, `null`, `~`.
    Literal,
    /// `-`, `:`, `[`, `]`, `{`, `}`, `,`, `|`, `>`.
    Punct,
    /// `---` and `...`.
    Document,
    /// `&anchor`, `*alias`, `!tag`.
    Anchor,
}

impl Token {
    /// The CSS class of the span.
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "t-plain",
            Token::Comment => "t-comment",
            Token::Key => "t-key",
            Token::String => "t-string",
            Token::Number => "t-number",
            Token::Literal => "t-literal",
            Token::Punct => "t-punct",
            Token::Document => "t-doc",
            Token::Anchor => "t-anchor",
        }
    }
}

/// A run of text of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub token: Token,
    pub text: String,
}

fn push(out: &mut Vec<Span>, token: Token, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.token == token => last.text.push_str(text),
        _ => out.push(Span {
            token,
            text: text.to_string(),
        }),
    }
}

fn scalar_token(word: &str) -> Token {
    let w = word.trim();
    if w.is_empty() {
        return Token::Plain;
    }
    if matches!(
        w,
        "true" | "false" | "True" | "False" | "TRUE" | "FALSE" | "null" | "Null" | "NULL" | "~"
    ) {
        return Token::Literal;
    }
    if w.starts_with('"') || w.starts_with('\'') {
        return Token::String;
    }
    if w.starts_with(['&', '*', '!']) {
        return Token::Anchor;
    }
    let number = w.strip_prefix(['-', '+']).unwrap_or(w);
    if !number.is_empty()
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '_' | 'x' | 'o'))
    {
        return Token::Number;
    }
    Token::String
}

/// Finds where a `#` comment starts: at the line start or after whitespace, outside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return Some(i),
            None => {}
        }
        previous = c;
    }
    None
}

/// Finds the `:` that ends a mapping key (followed by a space or the end), outside quotes
/// and flow brackets.
fn key_end(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '{' || c == '[' => return None,
            None if c == ':' => {
                let next = bytes.get(i + 1).copied();
                if next.is_none() || next == Some(b' ') || next == Some(b'\t') {
                    return Some(i);
                }
            }
            None => {}
        }
    }
    None
}

/// Splits flow-style text (`[a, b]`, `{k: v}`) into punctuation and scalars.
fn flow(out: &mut Vec<Span>, text: &str) {
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) => {
                word.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                word.push(c);
                quote = Some(c);
            }
            None if matches!(c, '[' | ']' | '{' | '}' | ',') => {
                flush_word(out, &mut word);
                push(out, Token::Punct, &c.to_string());
            }
            None if c == ':' => {
                push(out, Token::Key, &std::mem::take(&mut word));
                push(out, Token::Punct, ":");
            }
            None => word.push(c),
        }
    }
    flush_word(out, &mut word);
}

fn flush_word(out: &mut Vec<Span>, word: &mut String) {
    let w = std::mem::take(word);
    let (lead, rest) = split_indent(&w);
    let core = rest.trim_end();
    push(out, Token::Plain, lead);
    if !core.is_empty() {
        push(out, scalar_token(core), core);
    }
    push(out, Token::Plain, rest.strip_prefix(core).unwrap_or(""));
}

/// `text` split into its leading blanks and the rest, as `trim_start` splits it.
/// Slicing through `strip_suffix` cannot panic, so it leaves no panic location behind.
fn split_indent(text: &str) -> (&str, &str) {
    let rest = text.trim_start();
    (text.strip_suffix(rest).unwrap_or(""), rest)
}

fn value(out: &mut Vec<Span>, text: &str) {
    let (lead, trimmed) = split_indent(text);
    if trimmed.starts_with(['&', '*', '!']) {
        let end = trimmed.find([' ', '\t']).unwrap_or(trimmed.len());
        let (anchor, after) = trimmed.split_at_checked(end).unwrap_or((trimmed, ""));
        push(out, Token::Plain, lead);
        push(out, Token::Anchor, anchor);
        return value(out, after);
    }
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        flow(out, text);
    } else if trimmed.starts_with('|') || trimmed.starts_with('>') {
        push(out, Token::Plain, lead);
        push(out, Token::Punct, trimmed);
    } else {
        let mut word = text.to_string();
        flush_word(out, &mut word);
    }
}

/// The spans of one line (without its newline).
pub fn line(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if text == "---" || text.starts_with("--- ") || text == "..." {
        push(&mut out, Token::Document, text);
        return out;
    }
    let (code, comment) = comment_start(text)
        .and_then(|i| text.split_at_checked(i))
        .unwrap_or((text, ""));
    let mut rest = code;
    // Indentation and sequence dashes.
    loop {
        let (lead, trimmed) = split_indent(rest);
        push(&mut out, Token::Plain, lead);
        rest = trimmed;
        if rest == "-" || rest.starts_with("- ") {
            push(&mut out, Token::Punct, "-");
            rest = rest.get(1..).unwrap_or("");
        } else {
            break;
        }
    }
    match key_end(rest).and_then(|i| rest.split_at_checked(i)) {
        Some((key, colon_value)) => {
            push(&mut out, Token::Key, key);
            push(&mut out, Token::Punct, ":");
            value(&mut out, colon_value.get(1..).unwrap_or(""));
        }
        None => value(&mut out, rest),
    }
    push(&mut out, Token::Comment, comment);
    out
}

/// The 1-based lines of an object's YAML that a step's changed field paths touch
/// (`status.phase` marks the `phase:` line), for highlighting in the inspector.
pub fn changed_lines(yaml: &str, fields: &[String]) -> Vec<usize> {
    let leaves: Vec<&str> = fields.iter().filter_map(|f| f.rsplit('.').next()).collect();
    yaml.lines()
        .enumerate()
        .filter(|(_, line)| {
            let key = line
                .trim_start()
                .trim_start_matches("- ")
                .split(':')
                .next()
                .unwrap_or("");
            !key.is_empty() && leaves.contains(&key)
        })
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        line(text)
            .into_iter()
            .map(|s| format!("{}({})", s.token.class().trim_start_matches("t-"), s.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn highlights_block_and_flow_yaml() {
        let cases = [
            ("apiVersion: apps/v1", "key(apiVersion) punct(:) plain( ) string(apps/v1)"),
            ("  replicas: 3  # three pods", "plain(  ) key(replicas) punct(:) plain( ) number(3) plain(  ) comment(# three pods)"),
            ("  - name: www", "plain(  ) punct(-) plain( ) key(name) punct(:) plain( ) string(www)"),
            ("    accessModes: [ \"ReadWriteOnce\" ]", "plain(    ) key(accessModes) punct(:) plain( ) punct([) plain( ) string(\"ReadWriteOnce\") plain( ) punct(])"),
            ("selector: {app: nginx}", "key(selector) punct(:) plain( ) punct({) key(app) punct(:) plain( ) string(nginx) punct(})"),
            ("---", "doc(---)"),
            ("clusterIP: None", "key(clusterIP) punct(:) plain( ) string(None)"),
            ("allowVolumeExpansion: true", "key(allowVolumeExpansion) punct(:) plain( ) literal(true)"),
            ("image: \"nginx:1.25\" # pinned", "key(image) punct(:) plain( ) string(\"nginx:1.25\") plain( ) comment(# pinned)"),
            ("url: http://x#y", "key(url) punct(:) plain( ) string(http://x#y)"),
            ("base: &b {a: 1}", "key(base) punct(:) plain( ) anchor(&b) plain( ) punct({) key(a) punct(:) plain( ) number(1) punct(})"),
            ("  script: |", "plain(  ) key(script) punct(:) plain( ) punct(|)"),
            ("# only a comment", "comment(# only a comment)"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), want, "{text}");
        }
    }

    #[test]
    fn changed_fields_mark_their_lines() {
        let yaml = "metadata:\n  name: web-0\nspec:\n  nodeName: node-1\nstatus:\n  phase: Running\n  podIP: 10.244.1.2\n";
        let fields = vec!["spec.nodeName".to_string(), "status.phase".to_string()];
        assert_eq!(changed_lines(yaml, &fields), [4, 6]);
        assert_eq!(changed_lines(yaml, &[]), Vec::<usize>::new());
    }

    #[test]
    fn spans_cover_the_line_exactly() {
        for text in [
            "a: 'b: c' # d",
            "- - x",
            "weird: [unclosed",
            "k: \"q",
            "ünï: cødé",
        ] {
            let joined: String = line(text).into_iter().map(|s| s.text).collect();
            assert_eq!(joined, text);
        }
    }
}
