//! The MFDS cybersecurity requirements checklist (사이버보안 요구사항): one row per requirement of
//! the guideline edition the product follows, with whether it applies, how conformity is shown,
//! and the evidence, or the justification when it does not apply. MFDS reviews this table for
//! every communicating device (MFDS-CYB-009).
//!
//! The file is YAML (docs/templates.md documents it):
//!
//! ```yaml
//! guideline: MFDS medical device cybersecurity approval/review guideline
//! edition: "2025-01-10"
//! requirements:
//!   - {id: IA-01, title: User identification, applicable: true, method: test, evidence: docs/security/auth-test.md}
//!   - {id: RA-05, applicable: false, justification: No removable media}
//! ```
//!
//! Rows are normalised (`applicable` from true/false or Y/N, `evidence_exists` for paths) and
//! carry their line; a file that does not parse is recorded with `parsed: false` and its error.

use super::evidence_index::scalar_text;
use super::extractor::FileKind;
use super::{Context, Extractor};
use crate::config::yaml_lines::YamlLines;
use serde_json::{Value, json};

pub(super) struct CyberChecklistExtractor;

const KINDS: &[FileKind] = &[FileKind {
    name: "cybersecurity_checklist",
    globs: &[
        "*cyber-checklist*.yaml",
        "*cyber-checklist*.yml",
        "*cybersecurity-checklist*.yaml",
        "*cybersecurity-checklist*.yml",
        "*cybersecurity-requirements*.yaml",
        "*cybersecurity-requirements*.yml",
        "*사이버보안*요구사항*.yaml",
    ],
    sniffer: None,
}];

impl Extractor for CyberChecklistExtractor {
    fn key(&self) -> &'static str {
        "cybersecurity_checklists"
    }

    fn kinds(&self) -> &'static [FileKind] {
        KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let lists: Vec<Value> = ctx
            .files("cybersecurity_checklist")
            .iter()
            .filter_map(|p| read_checklist(ctx, p))
            .collect();
        Value::Array(lists)
    }
}

fn read_checklist(ctx: &Context, path: &str) -> Option<Value> {
    let text = ctx.read_text(path)?;
    let failed =
        |error: String| json!({"path": path, "parsed": false, "error": error, "requirements": []});
    let root: Value = match crate::evidence::read::yaml::from_str(&text) {
        Ok(v) => v,
        Err(e) => return Some(failed(format!("not valid YAML: {e}"))),
    };
    let Some(rows) = root.get("requirements").and_then(Value::as_array) else {
        return Some(failed("no `requirements:` list".into()));
    };
    let lines = YamlLines::index(&text);
    let requirements: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let line = lines.line_of(&format!("requirements[{i}]")).unwrap_or(1);
            requirement(ctx, row, line)
        })
        .collect();
    Some(json!({
        "path": path,
        "parsed": true,
        "error": null,
        "guideline": scalar_text(root.get("guideline")),
        "edition": scalar_text(root.get("edition")),
        "requirements": requirements,
    }))
}

fn requirement(ctx: &Context, row: &Value, line: usize) -> Value {
    let evidence = scalar_text(row.get("evidence"));
    let evidence_exists = evidence.as_deref().is_some_and(|e| {
        let file = e.split('#').next().unwrap_or(e);
        ctx.source.inventory().is_file(file)
    });
    json!({
        "id": scalar_text(row.get("id")),
        "title": scalar_text(row.get("title")),
        "applicable": applicable(row.get("applicable")),
        "justification": scalar_text(row.get("justification")),
        "method": scalar_text(row.get("method")),
        "evidence": evidence,
        "evidence_exists": evidence_exists,
        "line": line,
    })
}

/// `true`/`false`, or Y/N/yes/no in either case; anything else is unknown (null).
fn applicable(v: Option<&Value>) -> Option<bool> {
    match v? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "y" | "yes" | "true" => Some(true),
            "n" | "no" | "false" | "n/a" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applicability_accepts_booleans_and_y_n() {
        assert_eq!(applicable(Some(&json!(true))), Some(true));
        assert_eq!(applicable(Some(&json!("N"))), Some(false));
        assert_eq!(applicable(Some(&json!("Yes"))), Some(true));
        assert_eq!(applicable(Some(&json!("maybe"))), None);
        assert_eq!(applicable(None), None);
    }
}
