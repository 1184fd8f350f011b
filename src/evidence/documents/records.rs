//! Design-history records kept one per file with YAML front matter (`id: SRS-001`,
//! `type: requirement`, `verifies: [SRS-001]`): requirements, hazards and risks, risk controls,
//! test cases and reports, SOUP items, release notes.
//!
//! A Markdown file is a record when its front matter has an `id` and its kind is known, from the
//! `type`/`kind`/`category` field or else from a folder on its path (`requirements/`, `hazards/`,
//! `risk-controls/`, `test-cases/`, ...). Links are the fields that name other records
//! (`verifies`, `mitigates`, `parent`, `traces_to`, ...). A record whose id or title is still a
//! placeholder (`HAZ-XXX`, `<hazard title>`) is a template, not a record. The requirement, risk,
//! reference and test-report extractors read records from here, so one reading serves them all.

use super::template::is_placeholder;
use super::{TITLE_SNIFF_BYTES, format_of};
use crate::evidence::Context;
use crate::evidence::read::headings::split_front_matter;
use serde_json::Value;

/// One record: its id, kind, title, links and the line each link is written on.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub path: String,
    pub id: String,
    /// `requirement`, `risk`, `risk_control`, `test_case`, `test_report`, `soup`, `release_note`.
    pub kind: &'static str,
    pub title: String,
    pub front: Value,
    /// The text after the front matter (of the file's first bytes only) and its first line.
    pub body: String,
    pub body_line: usize,
    /// The line of the `id:` field.
    pub line: usize,
    /// (field, target id, line) for every link field.
    pub links: Vec<(String, String, usize)>,
}

/// Kind words (normalised: lower case, no separators, no plural `s`) and the kind they mean.
const KINDS: &[(&str, &[&str])] = &[
    (
        "requirement",
        &[
            "requirement",
            "req",
            "srs",
            "softwarerequirement",
            "systemrequirement",
            "swr",
            "요구사항",
        ],
    ),
    (
        "risk_control",
        &[
            "riskcontrol",
            "control",
            "mitigation",
            "riskcontrolmeasure",
            "위험통제",
        ],
    ),
    (
        "risk",
        &[
            "risk",
            "hazard",
            "hazardoussituation",
            "fmea",
            "riskanalysi",
            "위험",
            "위해요인",
        ],
    ),
    (
        "test_report",
        &[
            "testreport",
            "testresult",
            "verificationreport",
            "validationreport",
            "시험성적서",
        ],
    ),
    (
        "test_case",
        &[
            "test",
            "tst",
            "testcase",
            "testprotocol",
            "verification",
            "testspec",
            "시험",
        ],
    ),
    ("soup", &["soup", "ot", "otssoftware", "thirdparty"]),
    ("release_note", &["releasenote", "release", "릴리스노트"]),
];

/// Front matter fields that link a record to others.
pub const LINK_FIELDS: &[&str] = &[
    "verifies",
    "verified_by",
    "tests",
    "validates",
    "mitigates",
    "mitigated_by",
    "controls",
    "risk_controls",
    "parent",
    "parents",
    "traces_to",
    "traces",
    "implements",
    "implemented_by",
    "satisfies",
    "derives_from",
    "links",
    "related",
];

/// Every record in the repository, sorted by path.
pub fn records(ctx: &Context) -> Vec<Record> {
    ctx.source
        .inventory()
        .files()
        .filter(|e| format_of(&e.path) == "markdown")
        .filter_map(|e| record_of(ctx, &e.path))
        .collect()
}

fn record_of(ctx: &Context, path: &str) -> Option<Record> {
    let head = ctx.source.read_head(path, TITLE_SNIFF_BYTES).ok()?;
    record_in(path, &String::from_utf8_lossy(&head))
}

/// The record that the first bytes of the Markdown file `path` hold in their front matter, if
/// any: one with an `id` and a kind (declared, or from a folder name) that are not placeholders.
/// The extractors and the fuzz targets enter here.
pub(crate) fn record_in(path: &str, text: &str) -> Option<Record> {
    let (yaml, body_line) = split_front_matter(text);
    let front: Value = crate::evidence::read::yaml::from_str(yaml?).ok()?;
    let id = scalar(front.get("id")?)?;
    let declared = ["type", "kind", "category"]
        .iter()
        .find_map(|k| front.get(*k).and_then(scalar));
    let kind = match declared {
        Some(word) => kind_of(&word)?,
        None => path.split('/').rev().skip(1).find_map(kind_of)?,
    };
    let title = front
        .get("title")
        .and_then(scalar)
        .unwrap_or_else(|| id.clone());
    if is_placeholder(&id) || is_placeholder(&title) {
        return None;
    }
    let links = links_of(&front, yaml?);
    let line = field_line(yaml?, "id");
    let body = text.lines().skip(body_line).collect::<Vec<_>>().join("\n");
    Some(Record {
        path: path.to_string(),
        id,
        kind,
        title,
        front,
        body,
        body_line: body_line + 1,
        line,
        links,
    })
}

/// The kind a `type:` value or a folder name means.
pub fn kind_of(word: &str) -> Option<&'static str> {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let w = w.strip_suffix('s').unwrap_or(&w);
    KINDS
        .iter()
        .find(|(_, words)| words.contains(&w))
        .map(|(kind, _)| *kind)
}

fn links_of(front: &Value, yaml: &str) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for field in LINK_FIELDS {
        let Some(value) = front.get(*field) else {
            continue;
        };
        let line = field_line(yaml, field);
        for id in ids_in(value) {
            out.push((field.to_string(), id, line));
        }
    }
    out
}

/// The file line of front matter field `field` (the YAML starts on line 2, after `---`).
fn field_line(yaml: &str, field: &str) -> usize {
    yaml.lines()
        .position(|l| l.starts_with(&format!("{field}:")))
        .map_or(1, |i| i + 2)
}

/// The ids a link field holds: a string (`SRS-1, SRS-2`), a list of them, or maps with an `id`.
fn ids_in(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => s
            .split([',', ';', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Value::Array(items) => items.iter().flat_map(ids_in).collect(),
        Value::Object(map) => map.get("id").map(ids_in).unwrap_or_default(),
        Value::Number(n) => vec![n.to_string()],
        _ => vec![],
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_type_words_and_folders() {
        assert_eq!(kind_of("Software Requirement"), Some("requirement"));
        assert_eq!(kind_of("risk-controls"), Some("risk_control"));
        assert_eq!(kind_of("hazards"), Some("risk"));
        assert_eq!(kind_of("test_cases"), Some("test_case"));
        assert_eq!(kind_of("test-reports"), Some("test_report"));
        assert_eq!(kind_of("release-notes"), Some("release_note"));
        assert_eq!(kind_of("docs"), None);
    }

    #[test]
    fn links_name_the_line_they_are_on() {
        let yaml = "id: TC-1\ntype: test case\nverifies:\n  - SRS-1\n  - {id: RC-2}\ntraces_to: SRS-3, SRS-4\n";
        let front: Value = crate::evidence::read::yaml::from_str(yaml).unwrap();
        let links = links_of(&front, yaml);
        let ids: Vec<(&str, &str, usize)> = links
            .iter()
            .map(|(f, id, l)| (f.as_str(), id.as_str(), *l))
            .collect();
        assert_eq!(
            ids,
            [
                ("verifies", "SRS-1", 4),
                ("verifies", "RC-2", 4),
                ("traces_to", "SRS-3", 7),
                ("traces_to", "SRS-4", 7)
            ]
        );
    }
}
