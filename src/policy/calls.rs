//! What a Rego module calls, read from regorus's own tokens (so comments and strings never
//! count): its package, its `import data.…` aliases, and for each rule the dotted names it calls
//! (`name(`), with their lines. [`super::restrictions`] judges these before a policy is loaded.
//!
//! A rule starts at a token that opens a line outside any bracket (Rego rules are written one
//! per line; `else` continues the rule before it). A call is a dotted name that is not itself
//! the tail of a reference (`input.x.f(` is a call of `input.x.f`, never of `x.f`) followed by
//! `(`.

use regorus::unstable::{Lexer, Source, TokenKind};
use std::collections::BTreeMap;

/// A call as written, and its line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Call {
    pub name: String,
    pub line: u32,
}

/// A rule (or function) head and the calls in its definition.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RuleCalls {
    pub name: String,
    pub line: u32,
    pub calls: Vec<Call>,
}

/// The calls of one module.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct ModuleCalls {
    pub package: String,
    /// `alias -> data path` (without `data.`) of each `import data.…`.
    pub imports: BTreeMap<String, String>,
    pub rules: Vec<RuleCalls>,
}

impl ModuleCalls {
    /// Every call, with the rule it is in.
    pub(super) fn calls(&self) -> impl Iterator<Item = &Call> {
        self.rules.iter().flat_map(|r| r.calls.iter())
    }
}

struct Tok {
    kind: TokenKind,
    text: String,
    line: u32,
}

fn tokens(path: &str, text: &str) -> Option<Vec<Tok>> {
    let source = Source::from_contents(path.to_string(), text.to_string()).ok()?;
    let mut lexer = Lexer::new(&source);
    let mut out = Vec::new();
    loop {
        let token = lexer.next_token().ok()?;
        if matches!(token.0, TokenKind::Eof) {
            return Some(out);
        }
        out.push(Tok {
            text: token.1.text().to_string(),
            line: token.1.line,
            kind: token.0,
        });
    }
}

/// The dotted name `a.b.c` starting at `i`, and the index after it.
fn dotted(toks: &[Tok], mut i: usize) -> (String, usize) {
    let mut name = toks[i].text.clone();
    i += 1;
    while i + 1 < toks.len() && toks[i].text == "." && matches!(toks[i + 1].kind, TokenKind::Ident)
    {
        name.push('.');
        name.push_str(&toks[i + 1].text);
        i += 2;
    }
    (name, i)
}

/// Reads a module's calls; `None` when regorus cannot tokenize it (its parser then says why).
pub(super) fn module_calls(path: &str, text: &str) -> Option<ModuleCalls> {
    let toks = tokens(path, text)?;
    let mut module = ModuleCalls::default();
    let mut depth = 0i64;
    let mut last_line = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let opens_line = t.line != last_line;
        last_line = t.line;
        let ident = matches!(t.kind, TokenKind::Ident);
        if depth == 0 && opens_line && ident {
            match t.text.as_str() {
                "package" if i + 1 < toks.len() => {
                    let (name, next) = dotted(&toks, i + 1);
                    module.package = name;
                    i = next;
                    continue;
                }
                "import" if i + 1 < toks.len() => {
                    let (name, mut next) = dotted(&toks, i + 1);
                    let mut alias = name.rsplit('.').next().unwrap_or_default().to_string();
                    if next + 1 < toks.len() && toks[next].text == "as" {
                        alias = toks[next + 1].text.clone();
                        next += 2;
                    }
                    if let Some(path) = name.strip_prefix("data.") {
                        module.imports.insert(alias, path.to_string());
                    }
                    i = next;
                    continue;
                }
                "else" => {}
                _ => {
                    let start = if t.text == "default" && i + 1 < toks.len() {
                        i + 1
                    } else {
                        i
                    };
                    let (name, next) = dotted(&toks, start);
                    module.rules.push(RuleCalls {
                        name,
                        line: t.line,
                        calls: vec![],
                    });
                    i = next;
                    continue;
                }
            }
        }
        let after_dot = i > 0 && toks[i - 1].text == ".";
        if ident && !after_dot {
            let (name, next) = dotted(&toks, i);
            if next < toks.len()
                && toks[next].text == "("
                && let Some(rule) = module.rules.last_mut()
            {
                rule.calls.push(Call { name, line: t.line });
            }
            i = next;
            continue;
        }
        if matches!(t.kind, TokenKind::Symbol) {
            match t.text.as_str() {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => depth -= 1,
                _ => {}
            }
        }
        i += 1;
    }
    Some(module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_come_from_code_not_comments_or_strings() {
        let text = r#"package p.q

import data.lib.profile
import data.lib.documents as docs

# http.send(x) in a comment
f(n) := x if {
	x := f(n - 1) + count(input.x.g(1))
}

default allow := false

deny contains {"msg": "time.now_ns()"} if {
	profile.escalate("warning")
	docs.missing(1, 2)
} else := 3 if lower("x")
"#;
        let m = module_calls("p.rego", text).unwrap();
        assert_eq!(m.package, "p.q");
        assert_eq!(m.imports["profile"], "lib.profile");
        assert_eq!(m.imports["docs"], "lib.documents");
        let names: Vec<(&str, Vec<&str>)> = m
            .rules
            .iter()
            .map(|r| {
                let calls = r.calls.iter().map(|c| c.name.as_str()).collect();
                (r.name.as_str(), calls)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("f", vec!["f", "count", "input.x.g"]),
                ("allow", vec![]),
                ("deny", vec!["profile.escalate", "docs.missing", "lower"]),
            ]
        );
    }
}
