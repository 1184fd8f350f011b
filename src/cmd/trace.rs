//! `samdscan trace [PATH]`: the traceability matrix an auditor asks for (IEC 62304 §5.1.1,
//! §7.3.3), generated from the repository instead of kept by hand: each requirement, the code
//! and tests that claim to verify it, and the risk controls it implements; then the references
//! to ids no requirement defines and the risk controls no requirement implements.
//!
//! It reads the same evidence as `samdscan scan` (MFDS-SWL-006 judges the gaps this prints).

use crate::cli::{TraceArgs, TraceFormat};
use crate::lang::Lang;
use crate::output::write_output;
use crate::scan::pipeline::{collect_target_evidence, target_lang};
use anyhow::Result;
use serde_json::Value;

/// One line of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceRow {
    pub requirement: String,
    pub title: String,
    pub defined_at: String,
    pub verified_by: Vec<String>,
    /// `RC-1 (RSK-1)`: the control and the risk it controls.
    pub risk_controls: Vec<String>,
    /// `verified`, `untested`, `unknown-requirement`, `control-verified` or `control-unlinked`.
    pub status: &'static str,
}

/// A risk control as the risk tables name it.
struct Control<'a> {
    id: &'a str,
    risk: &'a str,
    at: String,
    verification: &'a str,
}

pub fn run(args: &TraceArgs) -> Result<u8> {
    let evidence = collect_target_evidence(&args.target)?;
    let rows = build_matrix(evidence.document());
    let text = match args.format {
        TraceFormat::Markdown => render_markdown(&rows, target_lang(&args.target, args.lang)?),
        TraceFormat::Csv => render_csv(&rows),
    };
    write_output(args.output.as_deref(), &text)?;
    Ok(crate::output::EXIT_OK)
}

fn list<'a>(evidence: &'a Value, pointer: &str) -> &'a [Value] {
    evidence
        .pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn location(v: &Value) -> String {
    format!(
        "{}:{}",
        text(v, "path"),
        v.get("line").and_then(Value::as_u64).unwrap_or(1)
    )
}

/// True when `haystack` names `id` as a whole token (so `RC-1` is not found in `RC-10`).
pub fn names_id(haystack: &str, id: &str) -> bool {
    let is_part = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    haystack.match_indices(id).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + id.len()..].chars().next();
        !before.is_some_and(is_part) && !after.is_some_and(is_part)
    })
}

fn controls(evidence: &Value) -> Vec<Control<'_>> {
    let mut out = Vec::new();
    for table in list(evidence, "/risks/tables") {
        for row in table
            .get("rows")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            for id in row
                .get("risk_controls")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                out.push(Control {
                    id: id.as_str().unwrap_or_default(),
                    risk: text(row, "id"),
                    at: format!(
                        "{}:{}",
                        text(table, "path"),
                        row.get("line").and_then(Value::as_u64).unwrap_or(1)
                    ),
                    verification: text(row, "verification").trim(),
                });
            }
        }
    }
    out
}

/// True when requirement `r` implements control `c`: the control is the requirement's id, or
/// the requirement's text names it.
fn implements(r: &Value, c: &Control) -> bool {
    c.id == text(r, "id") || names_id(text(r, "text"), c.id)
}

/// The matrix rows: requirements in document order, then unknown references, then controls
/// that no requirement implements.
pub fn build_matrix(evidence: &Value) -> Vec<TraceRow> {
    let requirements = list(evidence, "/requirements/items");
    let references = list(evidence, "/requirement_references/references");
    let controls = controls(evidence);
    let mut rows: Vec<TraceRow> = requirements
        .iter()
        .map(|r| requirement_row(r, references, &controls))
        .collect();
    let defined = |id: &str| requirements.iter().any(|r| text(r, "id") == id);
    for x in references.iter().filter(|x| !defined(text(x, "id"))) {
        rows.push(TraceRow {
            requirement: text(x, "id").to_string(),
            title: String::new(),
            defined_at: String::new(),
            verified_by: vec![location(x)],
            risk_controls: vec![],
            status: "unknown-requirement",
        });
    }
    for c in controls
        .iter()
        .filter(|c| !requirements.iter().any(|r| implements(r, c)))
    {
        rows.push(control_row(c));
    }
    rows
}

fn requirement_row(r: &Value, references: &[Value], controls: &[Control]) -> TraceRow {
    let id = text(r, "id");
    let verified_by: Vec<String> = references
        .iter()
        .filter(|x| text(x, "id") == id)
        .map(location)
        .collect();
    TraceRow {
        requirement: id.to_string(),
        title: text(r, "title").to_string(),
        defined_at: location(r),
        status: if verified_by.is_empty() {
            "untested"
        } else {
            "verified"
        },
        verified_by,
        risk_controls: controls
            .iter()
            .filter(|c| implements(r, c))
            .map(|c| format!("{} ({})", c.id, c.risk))
            .collect(),
    }
}

fn control_row(c: &Control) -> TraceRow {
    let verified = !c.verification.is_empty();
    TraceRow {
        requirement: String::new(),
        title: String::new(),
        defined_at: c.at.clone(),
        verified_by: verified
            .then(|| c.verification.to_string())
            .into_iter()
            .collect(),
        risk_controls: vec![format!("{} ({})", c.id, c.risk)],
        status: if verified {
            "control-verified"
        } else {
            "control-unlinked"
        },
    }
}

const HEADER: [&str; 6] = [
    "requirement",
    "title",
    "defined_at",
    "verified_by",
    "risk_controls",
    "status",
];

fn cells(row: &TraceRow, join: &str) -> [String; 6] {
    [
        row.requirement.clone(),
        row.title.clone(),
        row.defined_at.clone(),
        row.verified_by.join(join),
        row.risk_controls.join(join),
        row.status.to_string(),
    ]
}

/// A row's status as the Markdown matrix shows it (the CSV keeps the machine-readable status).
fn status_label(status: &str, lang: Lang) -> &str {
    match (lang, status) {
        (Lang::Ko, "verified") => "검증됨",
        (Lang::Ko, "untested") => "검증 시험 없음",
        (Lang::Ko, "unknown-requirement") => "정의되지 않은 요구사항",
        (Lang::Ko, "control-verified") => "위험통제 검증됨(요구사항 없음)",
        (Lang::Ko, "control-unlinked") => "위험통제 미연결",
        _ => status,
    }
}

pub fn render_markdown(rows: &[TraceRow], lang: Lang) -> String {
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    let figures = (
        count("verified") + count("untested"),
        count("verified"),
        count("untested"),
        count("unknown-requirement"),
        count("control-verified") + count("control-unlinked"),
        count("control-unlinked"),
    );
    let (requirements, verified, untested, unknown, controls, unverified) = figures;
    let mut out = match lang {
        Lang::En => format!(
            "# Traceability matrix\n\n{requirements} requirements: {verified} verified, {untested} without a verifying test; {unknown} references to unknown requirements; {controls} risk controls implemented by no requirement ({unverified} of them without a verification).\n\n"
        ),
        Lang::Ko => format!(
            "# 추적성 매트릭스\n\n요구사항 {requirements}개: 검증됨 {verified}개, 검증 시험 없음 {untested}개; 정의되지 않은 요구사항 참조 {unknown}개; 어떤 요구사항도 구현하지 않는 위험통제 {controls}개(그중 검증 기록 없음 {unverified}개).\n\n"
        ),
    };
    out.push_str(match lang {
        Lang::En => "| Requirement | Title | Defined at | Verified by | Risk controls | Status |\n",
        Lang::Ko => "| 요구사항 | 제목 | 정의 위치 | 검증 시험 | 위험통제 | 상태 |\n",
    });
    out.push_str("|---|---|---|---|---|---|\n");
    for row in rows {
        let mut fields = cells(row, "<br>");
        fields[5] = status_label(row.status, lang).to_string();
        let escaped: Vec<String> = fields
            .iter()
            .map(|c| c.replace('|', "\\|").replace('\n', " "))
            .collect();
        out.push_str(&format!("| {} |\n", escaped.join(" | ")));
    }
    out
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

pub fn render_csv(rows: &[TraceRow]) -> String {
    let mut out = HEADER.join(",");
    out.push('\n');
    for row in rows {
        let fields: Vec<String> = cells(row, "; ").iter().map(|c| csv_field(c)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn evidence() -> Value {
        json!({
            "requirements": {"items": [
                {"id": "REQ-1", "title": "Rate, in bpm", "path": "srs.md", "line": 3, "text": "Implements RC-1."},
                {"id": "REQ-2", "title": "Alarm", "path": "srs.md", "line": 9, "text": "See RC-10."}
            ]},
            "requirement_references": {"references": [
                {"id": "REQ-1", "path": "tests/test_rate.py", "line": 4},
                {"id": "REQ-9", "path": "tests/test_x.py", "line": 2}
            ]},
            "risks": {"tables": [{"path": "risk.csv", "rows": [
                {"id": "RSK-1", "line": 2, "risk_controls": ["RC-1", "RC-7"], "verification": ""},
                {"id": "RSK-2", "line": 3, "risk_controls": ["RC-8"], "verification": "TC-4"}
            ]}]}
        })
    }

    #[test]
    fn matrix_links_tests_and_controls_and_lists_gaps() {
        let rows = build_matrix(&evidence());
        let summary: Vec<(&str, &str, usize)> = rows
            .iter()
            .map(|r| (r.requirement.as_str(), r.status, r.risk_controls.len()))
            .collect();
        assert_eq!(
            summary,
            [
                ("REQ-1", "verified", 1),
                ("REQ-2", "untested", 0),
                ("REQ-9", "unknown-requirement", 0),
                ("", "control-unlinked", 1),
                ("", "control-verified", 1)
            ]
        );
        assert_eq!(rows[0].verified_by, ["tests/test_rate.py:4"]);
        assert_eq!(rows[0].risk_controls, ["RC-1 (RSK-1)"]);
    }

    #[test]
    fn csv_quotes_and_markdown_escapes() {
        let rows = build_matrix(&evidence());
        let csv = render_csv(&rows);
        assert!(csv.starts_with("requirement,title,defined_at,verified_by,risk_controls,status\n"));
        assert!(
            csv.contains(
                "REQ-1,\"Rate, in bpm\",srs.md:3,tests/test_rate.py:4,RC-1 (RSK-1),verified\n"
            ),
            "{csv}"
        );
        let md = render_markdown(&rows, Lang::En);
        assert!(md.contains("2 requirements: 1 verified, 1 without a verifying test; 1 references to unknown requirements; 2 risk controls"), "{md}");
        assert!(
            md.contains("| REQ-2 | Alarm | srs.md:9 |  |  | untested |"),
            "{md}"
        );
    }

    #[test]
    fn ids_are_matched_as_whole_tokens() {
        assert!(names_id("Implements RC-1.", "RC-1"));
        assert!(!names_id("See RC-10.", "RC-1"));
        assert!(!names_id("XRC-1", "RC-1"));
    }
}
