//! Which required parts a Markdown document has: by its headings (English or Korean keywords)
//! or by a non-empty YAML front-matter key of the part's name.
//!
//! Model cards, datasheets, change plans, labeling and generative-AI reports each declare their
//! parts as a table; this module is the one place that matches a table against a document read by
//! `evidence::documents::read_document`.

use super::super::documents::Document;
use serde_json::Value;
use std::collections::BTreeMap;

/// A required part: its name (also the front-matter key that satisfies it) and the lower-case
/// keywords any one of which in a heading satisfies it.
pub(super) type Part = (&'static str, &'static [&'static str]);

/// For each part of `table`, whether `doc` has it, and the line of the heading that does.
pub(super) fn parts_of(doc: &Document, table: &[Part]) -> BTreeMap<String, Option<usize>> {
    table
        .iter()
        .map(|(name, words)| (name.to_string(), find_part(doc, name, words)))
        .collect()
}

fn find_part(doc: &Document, name: &str, words: &[&str]) -> Option<usize> {
    let heading = doc.headings.iter().find(|h| {
        let text = h.text.to_lowercase();
        words.iter().any(|w| text.contains(w))
    });
    if let Some(h) = heading {
        return Some(h.line);
    }
    front_matter_value(&doc.front_matter, name).map(|_| 1)
}

/// For a structured document (JSON or YAML), which parts it has: a part is present when some key,
/// at any depth, equals its name or contains one of its keywords.
pub(super) fn parts_of_keys(doc: &Value, table: &[Part]) -> BTreeMap<String, Option<usize>> {
    let mut keys = Vec::new();
    collect_keys(doc, &mut keys, 0);
    table
        .iter()
        .map(|(name, words)| {
            let found = keys
                .iter()
                .any(|k| k == name || words.iter().any(|w| k.contains(w)));
            (name.to_string(), found.then_some(1))
        })
        .collect()
}

fn collect_keys(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                if !is_empty(child) {
                    out.push(k.to_lowercase().replace('-', "_"));
                }
                collect_keys(child, out, depth + 1);
            }
        }
        Value::Array(a) => a.iter().for_each(|c| collect_keys(c, out, depth + 1)),
        _ => {}
    }
}

/// A non-empty front-matter value under `name` (also tried with `-` for `_`).
pub(super) fn front_matter_value<'v>(front: &'v Value, name: &str) -> Option<&'v Value> {
    let dashed = name.replace('_', "-");
    [name, dashed.as_str()]
        .iter()
        .find_map(|k| front.get(*k))
        .filter(|v| !is_empty(v))
}

/// A front-matter string (numbers are written as text, so `version: 1.2` reads as `1.2`).
pub(super) fn front_matter_text(front: &Value, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| front_matter_value(front, n))
        .and_then(|v| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

pub(super) fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// The names of the parts that are absent.
pub(super) fn missing(parts: &BTreeMap<String, Option<usize>>) -> Vec<String> {
    parts
        .iter()
        .filter(|(_, line)| line.is_none())
        .map(|(name, _)| name.clone())
        .collect()
}

/// A Markdown document for unit tests: headings at lines 3, 4, ... under `title`.
#[cfg(test)]
pub(super) fn test_document(path: &str, headings: &[&str], front: Value, text: &str) -> Document {
    use crate::evidence::read::headings::Heading;
    Document {
        path: path.into(),
        format: "markdown",
        title: Some("CXR triage".into()),
        headings: headings
            .iter()
            .enumerate()
            .map(|(i, t)| Heading {
                level: 2,
                text: t.to_string(),
                line: i + 3,
            })
            .collect(),
        front_matter: front,
        text: text.into(),
        text_truncated: false,
        unfilled: false,
        unfilled_reason: None,
        linked_pages: vec![],
        matched_by: None,
        last_commit: None,
        reviewed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(headings: &[&str], front: Value) -> Document {
        test_document("m.md", headings, front, "")
    }

    #[test]
    fn headings_or_front_matter_satisfy_a_part() {
        let table: &[Part] = &[
            ("intended_use", &["intended use", "사용 목적"]),
            ("limitations", &["limitation"]),
            ("change_history", &["change history"]),
        ];
        let d = doc(
            &["Intended Use", "Known limitations"],
            json!({"change-history": ["1.0"]}),
        );
        let p = parts_of(&d, table);
        assert_eq!(p["intended_use"], Some(3));
        assert_eq!(p["limitations"], Some(4));
        assert_eq!(p["change_history"], Some(1));
        let d = doc(&["사용 목적"], json!({"limitations": ""}));
        assert_eq!(
            missing(&parts_of(&d, table)),
            ["change_history", "limitations"]
        );
    }

    #[test]
    fn numbers_read_as_text() {
        let front = json!({"version": 1.2});
        assert_eq!(
            front_matter_text(&front, &["version"]).as_deref(),
            Some("1.2")
        );
    }
}
