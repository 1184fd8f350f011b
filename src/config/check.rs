//! Checks a parsed config against its known shape (`shape.rs`) and collects every problem: unknown
//! keys, wrong types, missing required keys, and values that cannot be used (globs, regular
//! expressions, dates, sizes, levels). Independent problems are all reported; a mapping or list
//! of the wrong type hides nothing but itself.

use super::byte_size::{parse_byte_size, size_error};
use super::problems::EXCERPT_CHARS;
use super::shape::{EVIDENCE_KIND, Field, Shape};
use crate::excerpt::excerpt;
use yaml_serde::Value;

/// One problem, at a dotted key path (`product.software_systems[0].paths[1]`).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Problem {
    pub key: String,
    pub message: String,
    /// Text to look for on the line of the nearest indexed key, when `key` itself is inside a
    /// flow-style value (`paths: ["src/{a,b"]`) and so has no line of its own.
    pub needle: Option<String>,
}

/// Every problem of `value` against `shape`; `known_kinds` are the evidence kinds `evidence:` may
/// name.
pub(super) fn check(value: &Value, shape: &Shape, known_kinds: &[&str]) -> Vec<Problem> {
    let mut walker = Walker {
        known_kinds,
        problems: Vec::new(),
    };
    walker.node("", value, shape);
    walker.problems
}

struct Walker<'k> {
    known_kinds: &'k [&'k str],
    problems: Vec<Problem>,
}

impl Walker<'_> {
    fn report(&mut self, key: &str, message: String, needle: Option<String>) {
        self.problems.push(Problem {
            key: key.to_string(),
            message,
            needle,
        });
    }

    fn node(&mut self, path: &str, value: &Value, shape: &Shape) {
        match (shape, value) {
            (Shape::List(item), Value::Sequence(items)) => {
                for (i, v) in items.iter().enumerate() {
                    self.node(&format!("{path}[{i}]"), v, item);
                }
            }
            (Shape::Fields(fields), Value::Mapping(_)) => self.fields(path, value, fields, None),
            (Shape::Evidence(fields), Value::Mapping(_)) => {
                let kinds = self.known_kinds;
                self.fields(path, value, fields, Some(kinds));
            }
            (Shape::Map(inner), Value::Mapping(map)) => {
                for (k, v) in map {
                    if let Some(k) = self.key_text(path, k) {
                        self.node(&join(path, &k), v, inner);
                    }
                }
            }
            _ => {
                if let Err(message) = scalar(shape, value) {
                    self.report(path, message, needle(value));
                }
            }
        }
    }

    /// A mapping of fixed keys; `kinds` (for `evidence:`) are further keys taking glob lists.
    fn fields(&mut self, path: &str, value: &Value, fields: &[Field], kinds: Option<&[&str]>) {
        let Value::Mapping(map) = value else { return };
        for (k, v) in map {
            let Some(key) = self.key_text(path, k) else {
                continue;
            };
            let at = join(path, &key);
            match fields.iter().find(|f| f.key == key) {
                Some(_) if v.is_null() => {}
                Some(f) => self.node(&at, v, f.shape),
                None if kinds.is_some_and(|k| k.contains(&key.as_str())) => {
                    self.node(&at, v, EVIDENCE_KIND);
                }
                None => {
                    let message = match kinds {
                        Some(kinds) => unknown_kind(&key, fields, kinds),
                        None => unknown_key(&key, fields),
                    };
                    self.report(&at, message, Some(key));
                }
            }
        }
        for f in fields.iter().filter(|f| f.required) {
            let present = map.get(f.key).is_some_and(|v| !v.is_null());
            if !present {
                self.report(path, format!("missing required key `{}`", f.key), None);
            }
        }
    }

    fn key_text(&mut self, path: &str, key: &Value) -> Option<String> {
        match key {
            Value::String(s) => Some(s.clone()),
            other => {
                let message = format!("keys must be text, found {}", describe(other));
                self.report(path, message, None);
                None
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn unknown_key(key: &str, fields: &[Field]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| f.key).collect();
    match nearest(key, &names) {
        Some(near) => format!("unknown key, did you mean `{near}`?"),
        None => format!("unknown key, expected one of {}", quoted(&names)),
    }
}

fn unknown_kind(key: &str, fields: &[Field], kinds: &[&str]) -> String {
    let shown = excerpt(key, EXCERPT_CHARS);
    let fixed: Vec<&str> = fields.iter().map(|f| f.key).collect();
    let all: Vec<&str> = fixed.iter().chain(kinds).copied().collect();
    match nearest(key, &all) {
        Some(near) => format!("unknown evidence kind `{shown}`, did you mean `{near}`?"),
        None => format!(
            "unknown evidence kind `{shown}`, expected {} or one of: {}",
            quoted(&fixed),
            kinds.join(", ")
        ),
    }
}

fn quoted(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

/// The known name `key` was most likely meant to be: at most two edits away, or one of the two
/// a prefix of the other (`intended_use` for `intended_use_ref`).
fn nearest<'n>(key: &str, names: &[&'n str]) -> Option<&'n str> {
    let prefix = |a: &str, b: &str| a.len() >= 4 && b.starts_with(a);
    names
        .iter()
        .map(|n| (edit_distance(key, n), *n))
        .filter(|(d, n)| *d <= 2 || prefix(key, n) || prefix(n, key))
        .min()
        .map(|(_, n)| n)
}

/// Checks a value that is not a well-shaped mapping or list: a scalar, or a value of the wrong
/// type for a mapping or list shape.
fn scalar(shape: &Shape, value: &Value) -> Result<(), String> {
    let shown = |s: &str| excerpt(s, EXCERPT_CHARS);
    let wrong = || {
        Err(format!(
            "expected {}, found {}",
            shape.expected(),
            describe(value)
        ))
    };
    match (shape, value) {
        (Shape::Text, Value::String(_) | Value::Number(_) | Value::Bool(_)) => Ok(()),
        (Shape::Bool, Value::Bool(_)) => Ok(()),
        (Shape::Integer(_), Value::Number(n)) if n.is_i64() => Ok(()),
        (Shape::Count, Value::Number(n)) if n.as_u64().is_some_and(|n| n <= u32::MAX.into()) => {
            Ok(())
        }
        (Shape::Number, Value::Number(_)) => Ok(()),
        (Shape::Size, Value::Number(n)) if n.is_u64() => Ok(()),
        (Shape::Size, Value::String(s)) => parse_byte_size(s)
            .map(|_| ())
            .ok_or_else(|| size_error(&shown(s))),
        (Shape::Date, Value::String(s)) => s
            .parse::<crate::date::Date>()
            .map(|_| ())
            .map_err(|_| format!("invalid date `{}`, expected YYYY-MM-DD", shown(s))),
        (Shape::Level, Value::String(s)) => {
            crate::finding::Level::parse(s).map(|_| ()).ok_or_else(|| {
                format!(
                    "invalid level `{}`, expected one of error, warning, note",
                    shown(s)
                )
            })
        }
        (Shape::Lang, Value::String(s)) => crate::lang::Lang::parse(s)
            .map(|_| ())
            .ok_or_else(|| format!("invalid language `{}`, expected one of en, ko", shown(s))),
        (Shape::Glob, Value::String(s)) => globset::Glob::new(s)
            .map(|_| ())
            .map_err(|e| format!("invalid glob `{}`: {}", shown(s), e.kind())),
        (Shape::Regex, Value::String(s)) => regex::Regex::new(s).map(|_| ()).map_err(|e| {
            format!(
                "invalid regular expression `{}`: {}",
                shown(s),
                regex_reason(&e)
            )
        }),
        (Shape::RepoPath, Value::String(s)) => {
            super::inside_root::lexical_problem(s).map_or(Ok(()), Err)
        }
        _ => wrong(),
    }
}

/// The one-line reason of a regex error (its display draws the pattern with a caret).
fn regex_reason(e: &regex::Error) -> String {
    let text = e.to_string();
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    last.trim().trim_start_matches("error: ").to_string()
}

/// How a value reads in a message: ``text `three` ``, `the number 5`, `a list`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing (null)".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("text `{}`", excerpt(s, EXCERPT_CHARS)),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(t) => format!(
            "a value tagged `{}`",
            excerpt(&t.tag.to_string(), EXCERPT_CHARS)
        ),
    }
}

/// The text of a scalar, to find it on its line.
fn needle(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Levenshtein distance, for "did you mean" on short keys.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::shape::CONFIG;
    use super::*;

    fn problems(yaml: &str) -> Vec<(String, String)> {
        let value: Value = yaml_serde::from_str(yaml).unwrap();
        check(&value, &CONFIG, &["sbom"])
            .into_iter()
            .map(|p| (p.key, p.message))
            .collect()
    }

    #[test]
    fn independent_problems_are_all_found() {
        let found = problems(
            "product:\n  grade: three\n  grdae: 3\n  ui_paths: ['src/{a,b']\nhistory:\n  change_reference: '(x'\nwaivers:\n  - {rule: R, approved_by: QA, expires: soon, ref: C}\n",
        );
        let keys: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "product.grade",
                "product.grdae",
                "product.ui_paths[0]",
                "history.change_reference",
                "waivers[0].expires",
                "waivers[0]"
            ]
        );
        assert_eq!(found[0].1, "expected an integer 1-4, found text `three`");
        assert_eq!(found[1].1, "unknown key, did you mean `grade`?");
        assert!(
            found[2].1.starts_with("invalid glob `src/{a,b`: "),
            "{found:?}"
        );
        assert_eq!(found[5].1, "missing required key `reason`");
    }

    #[test]
    fn a_valid_config_has_no_problems() {
        let yaml = "product:\n  name: 12\n  version: 1.2\n  grade: 5\nevidence:\n  sbom: ['*.json']\n  max_file_size: 1MiB\npolicies:\n  severity: {MFDS-CYB-001: note}\nverification:\n  coverage: {B: {line: 60.5}}\n";
        assert_eq!(problems(yaml), vec![]);
    }

    #[test]
    fn unknown_evidence_kinds_list_the_known_ones() {
        let found = problems("evidence:\n  sbomz: ['a']\n");
        assert_eq!(found[0].0, "evidence.sbomz");
        assert!(found[0].1.contains("did you mean `sbom`"), "{found:?}");
        let found = problems("evidence:\n  ledger: ['a']\n");
        assert!(found[0].1.contains("or one of: sbom"), "{found:?}");
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("grdae", "grade"), 2);
        assert_eq!(edit_distance("scope", "scope"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
