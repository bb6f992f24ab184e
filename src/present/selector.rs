//! Label selectors as `kubectl get -l` sends them: a port of the lexer and parser in
//! apimachinery's `labels/selector.go` (`Parse`), with the API server's messages for a
//! selector it refuses, and matching against a label map. Nothing here knows the cluster.

use crate::manifest::model::StringMap;
use crate::manifest::validate::{is_qualified_name, is_valid_label_value, BadValue, FieldError};

/// The operator of one requirement (`selection.Operator`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Exists,
    DoesNotExist,
    In,
    NotIn,
    Equals,
    NotEquals,
    GreaterThan,
    LessThan,
}

/// One requirement of a parsed selector: a key, its operator and its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    key: String,
    op: Op,
    values: Vec<String>,
}

/// A lexer token (`Token`); identifiers carry their text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    End,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier(String),
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}

impl Token {
    /// The literal kubectl quotes in its messages (`found '...'`).
    fn literal(&self) -> &str {
        match self {
            Token::End => "",
            Token::ClosedPar => ")",
            Token::Comma => ",",
            Token::DoesNotExist => "!",
            Token::DoubleEquals => "==",
            Token::Equals => "=",
            Token::GreaterThan => ">",
            Token::Identifier(s) => s,
            Token::In => "in",
            Token::LessThan => "<",
            Token::NotEquals => "!=",
            Token::NotIn => "notin",
            Token::OpenPar => "(",
        }
    }

    /// In value position `in` and `notin` are plain words (`x in (in)`).
    fn as_value(&self) -> Token {
        match self {
            Token::In | Token::NotIn => Token::Identifier(self.literal().to_string()),
            other => other.clone(),
        }
    }
}

/// `string2token`: the operators and keywords, by their text.
fn keyword(s: &str) -> Option<Token> {
    Some(match s {
        ")" => Token::ClosedPar,
        "," => Token::Comma,
        "!" => Token::DoesNotExist,
        "==" => Token::DoubleEquals,
        "=" => Token::Equals,
        ">" => Token::GreaterThan,
        "in" => Token::In,
        "<" => Token::LessThan,
        "!=" => Token::NotEquals,
        "notin" => Token::NotIn,
        "(" => Token::OpenPar,
        _ => return None,
    })
}

fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_special(c: char) -> bool {
    matches!(c, '=' | '!' | '(' | ')' | ',' | '>' | '<')
}

/// The whole selector as tokens, ending with `End`. Upstream: `Lexer.Lex`; a run of
/// special symbols is cut at its longest operator prefix (`!!` is `!`, `!`).
fn lex(selector: &str) -> Vec<Token> {
    let chars: Vec<char> = selector.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    loop {
        while chars.get(i).is_some_and(|&c| is_whitespace(c)) {
            i += 1;
        }
        let Some(&c) = chars.get(i) else {
            tokens.push(Token::End);
            return tokens;
        };
        if is_special(c) {
            // Every single special symbol is an operator, so this always finds one.
            let mut best = (i + 1, keyword(&c.to_string()).unwrap_or(Token::End));
            let mut j = i + 1;
            while chars.get(j).is_some_and(|&c| is_special(c)) {
                let text: String = chars.get(i..=j).unwrap_or_default().iter().collect();
                match keyword(&text) {
                    Some(token) => best = (j + 1, token),
                    None => break,
                }
                j += 1;
            }
            i = best.0;
            tokens.push(best.1);
        } else {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|&c| !is_special(c) && !is_whitespace(c))
            {
                i += 1;
            }
            let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
            tokens.push(keyword(&word).unwrap_or(Token::Identifier(word)));
        }
    }
}

/// The parser over the lexed tokens (`Parser`): `lookahead` and `consume` see `in` and
/// `notin` as words unless an operator is wanted.
struct Parser {
    tokens: Vec<Token>,
    position: usize,
}

impl Parser {
    fn lookahead(&self) -> Token {
        self.tokens
            .get(self.position)
            .unwrap_or(&Token::End)
            .as_value()
    }

    fn consume_operator(&mut self) -> Token {
        let token = self
            .tokens
            .get(self.position)
            .cloned()
            .unwrap_or(Token::End);
        self.position += 1;
        token
    }

    fn consume(&mut self) -> Token {
        self.consume_operator().as_value()
    }

    /// Upstream: `Parser.parse`.
    fn parse(&mut self) -> Result<Vec<Requirement>, String> {
        let mut requirements = Vec::new();
        loop {
            match self.lookahead() {
                Token::Identifier(_) | Token::DoesNotExist => {
                    let r = self
                        .requirement()
                        .map_err(|e| format!("unable to parse requirement: {e}"))?;
                    requirements.push(r);
                    match self.consume() {
                        Token::End => return Ok(requirements),
                        Token::Comma => {
                            let next = self.lookahead();
                            if !matches!(next, Token::Identifier(_) | Token::DoesNotExist) {
                                return Err(format!(
                                    "found '{}', expected: identifier after ','",
                                    next.literal()
                                ));
                            }
                        }
                        other => {
                            return Err(format!(
                                "found '{}', expected: ',' or 'end of string'",
                                other.literal()
                            ))
                        }
                    }
                }
                Token::End => return Ok(requirements),
                other => {
                    return Err(format!(
                        "found '{}', expected: !, identifier, or 'end of string'",
                        other.literal()
                    ))
                }
            }
        }
    }

    /// Upstream: `Parser.parseRequirement` with `parseKeyAndInferOperator`.
    fn requirement(&mut self) -> Result<Requirement, String> {
        let mut token = self.consume();
        let negated = token == Token::DoesNotExist;
        if negated {
            token = self.consume();
        }
        let Token::Identifier(key) = token else {
            return Err(format!("found '{}', expected: identifier", token.literal()));
        };
        let errors = is_qualified_name(&key);
        if !errors.is_empty() {
            return Err(
                FieldError::invalid("<nil>", BadValue::Str(key), &errors.join("; ")).to_string(),
            );
        }
        if negated || matches!(self.lookahead(), Token::End | Token::Comma) {
            let op = if negated {
                Op::DoesNotExist
            } else {
                Op::Exists
            };
            return Ok(Requirement {
                key,
                op,
                values: Vec::new(),
            });
        }
        let op = match self.consume_operator() {
            Token::In => Op::In,
            Token::NotIn => Op::NotIn,
            Token::Equals | Token::DoubleEquals => Op::Equals,
            Token::NotEquals => Op::NotEquals,
            Token::GreaterThan => Op::GreaterThan,
            Token::LessThan => Op::LessThan,
            other => {
                return Err(format!(
                    "found '{}', expected: in, notin, =, ==, !=, gt, lt",
                    other.literal()
                ))
            }
        };
        let values = match op {
            Op::In | Op::NotIn => self.values()?,
            _ => vec![self.exact_value()?],
        };
        new_requirement(key, op, values)
    }

    /// Upstream: `Parser.parseValues` and `parseIdentifiersList`: `(a,b)`, where empty
    /// entries (`()`, `(,a)`) stand for the empty value.
    fn values(&mut self) -> Result<Vec<String>, String> {
        let open = self.consume();
        if open != Token::OpenPar {
            return Err(format!("found '{}' expected: '('", open.literal()));
        }
        let mut values: Vec<String> = Vec::new();
        // A set, as upstream's `sets.String`: `(,,)` is one empty value.
        fn add(values: &mut Vec<String>, v: String) {
            if !values.contains(&v) {
                values.push(v);
            }
        }
        match self.lookahead() {
            Token::ClosedPar => {
                self.consume();
                return Ok(vec![String::new()]);
            }
            Token::Identifier(_) | Token::Comma => {}
            other => {
                return Err(format!(
                    "found '{}', expected: ',', ')' or identifier",
                    other.literal()
                ))
            }
        }
        loop {
            match self.consume() {
                Token::Identifier(v) => {
                    add(&mut values, v);
                    match self.lookahead() {
                        Token::Comma => continue,
                        Token::ClosedPar => break,
                        other => {
                            return Err(format!(
                                "found '{}', expected: ',' or ')'",
                                other.literal()
                            ))
                        }
                    }
                }
                Token::Comma => {
                    if values.is_empty() {
                        add(&mut values, String::new());
                    }
                    match self.lookahead() {
                        Token::ClosedPar => {
                            add(&mut values, String::new());
                            break;
                        }
                        Token::Comma => add(&mut values, String::new()),
                        _ => {}
                    }
                }
                other => {
                    return Err(format!(
                        "found '{}', expected: ',', or identifier",
                        other.literal()
                    ))
                }
            }
        }
        // The list ends at the `)` seen ahead.
        self.consume();
        crate::sort::ascending(&mut values);
        Ok(values)
    }

    /// Upstream: `Parser.parseExactValue`; nothing before `,` or the end is the empty value.
    fn exact_value(&mut self) -> Result<String, String> {
        if matches!(self.lookahead(), Token::End | Token::Comma) {
            return Ok(String::new());
        }
        match self.consume() {
            Token::Identifier(v) => Ok(v),
            other => Err(format!("found '{}', expected: identifier", other.literal())),
        }
    }
}

/// Upstream: `NewRequirement`'s checks of the values (the key was checked already).
fn new_requirement(key: String, op: Op, values: Vec<String>) -> Result<Requirement, String> {
    let mut errors = Vec::new();
    if matches!(op, Op::GreaterThan | Op::LessThan) {
        for (i, v) in values.iter().enumerate() {
            if v.parse::<i64>().is_err() {
                errors.push(FieldError::invalid(
                    format!("values[{i}]"),
                    BadValue::Str(v.clone()),
                    "for 'Gt', 'Lt' operators, the value must be an integer",
                ));
            }
        }
    }
    for (i, v) in values.iter().enumerate() {
        let problems = is_valid_label_value(v);
        if !problems.is_empty() {
            errors.push(FieldError::invalid(
                format!("values[{i}][{key}]"),
                BadValue::Str(v.clone()),
                &problems.join("; "),
            ));
        }
    }
    match errors.as_slice() {
        [] => Ok(Requirement { key, op, values }),
        [one] => Err(one.to_string()),
        many => {
            let texts: Vec<String> = many.iter().map(ToString::to_string).collect();
            Err(format!("[{}]", texts.join(", ")))
        }
    }
}

/// A selector string's requirements, or the parser's message for one it refuses (without
/// the API server's wrapping). Blank means everything. Upstream: `labels.Parse`.
pub fn parse(selector: &str) -> Result<Vec<Requirement>, String> {
    Parser {
        tokens: lex(selector),
        position: 0,
    }
    .parse()
}

/// Whether labels meet every requirement. Upstream: `Requirement.Matches`.
pub fn matches(requirements: &[Requirement], labels: &StringMap) -> bool {
    requirements.iter().all(|r| {
        let value = labels.get(&r.key);
        match r.op {
            Op::Exists => value.is_some(),
            Op::DoesNotExist => value.is_none(),
            Op::In | Op::Equals => value.is_some_and(|v| r.values.contains(v)),
            Op::NotIn | Op::NotEquals => !value.is_some_and(|v| r.values.contains(v)),
            Op::GreaterThan | Op::LessThan => {
                let wanted = r.values.first().and_then(|v| v.parse::<i64>().ok());
                match (value.and_then(|v| v.parse::<i64>().ok()), wanted) {
                    (Some(have), Some(wanted)) if r.op == Op::GreaterThan => have > wanted,
                    (Some(have), Some(wanted)) => have < wanted,
                    _ => false,
                }
            }
        }
    })
}
