//! The registers after the rules: the traceability matrix with its gaps marked, the SBOM
//! summary (components, NTIA completeness, vulnerabilities and their VEX triage), the release
//! history, the waiver register and, with `--base`, what the pull request changes. All of it
//! read from the same evidence document the policies judged.

use super::super::ScanReport;
use super::super::escape::html;
use super::DossierFacts;
use super::cover::value_text;
use super::words::t;
use crate::cmd::trace::build_matrix;
use crate::finding::BaselineState;
use crate::lang::Lang;
use serde_json::Value;
use std::fmt::Write;

fn list<'a>(v: &'a Value, pointer: &str) -> &'a [Value] {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn cell(v: &Value, key: &str) -> String {
    html(&value_text(v.get(key).unwrap_or(&Value::Null)))
}

fn open_section(out: &mut String, id: &str, heading: &str) {
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{heading}</h2>"
    );
}

/// A table head of column headers.
fn head(out: &mut String, columns: &[&str]) {
    let cols: Vec<String> = columns
        .iter()
        .map(|c| format!("<th scope=\"col\">{c}</th>"))
        .collect();
    let _ = writeln!(
        out,
        "<table>\n<thead><tr>{}</tr></thead>\n<tbody>",
        cols.concat()
    );
}

fn none(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "<p class=\"muted\">{}</p>",
        t(lang, "None found.", "확인된 항목 없음.")
    );
}

pub(super) fn trace(out: &mut String, report: &ScanReport, facts: &DossierFacts) {
    let lang = report.lang;
    open_section(
        out,
        "trace",
        t(lang, "Traceability matrix", "추적성 매트릭스"),
    );
    let rows = build_matrix(facts.evidence.document());
    if rows.is_empty() {
        none(out, lang);
    } else {
        head(
            out,
            &[
                t(lang, "Requirement", "요구사항"),
                t(lang, "Title", "제목"),
                t(lang, "Verified by", "검증 시험"),
                t(lang, "Risk controls", "위험 통제"),
                t(lang, "Status", "상태"),
            ],
        );
        for r in rows {
            let gap = !matches!(r.status, "verified" | "control-verified");
            let mark = if gap {
                t(lang, "gap: ", "누락: ")
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<tr{}><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{mark}{}</td></tr>",
                if gap { " class=\"gap\"" } else { "" },
                html(&r.requirement),
                html(&r.title),
                html(&r.verified_by.join(", ")),
                html(&r.risk_controls.join(", ")),
                r.status
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "</section>");
}

pub(super) fn sbom(out: &mut String, report: &ScanReport, facts: &DossierFacts) {
    let lang = report.lang;
    let ev = facts.evidence.document();
    open_section(
        out,
        "sbom",
        t(lang, "SBOM and vulnerabilities", "SBOM과 취약점"),
    );
    let sboms = list(ev, "/sboms");
    if sboms.is_empty() {
        none(out, lang);
    } else {
        head(
            out,
            &[
                t(lang, "SBOM", "SBOM"),
                t(lang, "Format", "형식"),
                t(lang, "Components", "구성요소"),
                t(lang, "NTIA minimum elements", "NTIA 최소 요소"),
            ],
        );
        for s in sboms {
            let ntia = match s.pointer("/ntia/complete").and_then(Value::as_bool) {
                Some(true) => t(lang, "complete", "충족").to_string(),
                Some(false) => format!(
                    "{} ({})",
                    t(lang, "incomplete", "미충족"),
                    html(&value_text(&Value::Array(
                        s.pointer("/ntia/missing")
                            .and_then(Value::as_object)
                            .map(|m| m.keys().cloned().map(Value::String).collect())
                            .unwrap_or_default()
                    )))
                ),
                None => t(lang, "not read", "읽지 못함").to_string(),
            };
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{} {}</td><td>{}</td><td>{ntia}</td></tr>",
                cell(s, "path"),
                cell(s, "format"),
                cell(s, "spec_version"),
                cell(s, "component_count")
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let triage: Vec<&Value> = list(ev, "/vex/documents")
        .iter()
        .flat_map(|d| list(d, "/vex/statements"))
        .chain(sboms.iter().flat_map(|s| list(s, "/vex/statements")))
        .collect();
    let vex_state = |id: &str| {
        triage
            .iter()
            .find(|s| s.get("id").and_then(Value::as_str) == Some(id))
            .map(|s| cell(s, "state"))
            .unwrap_or_else(|| t(lang, "not triaged", "분류되지 않음").to_string())
    };
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        t(
            lang,
            "Serious vulnerabilities and their VEX triage",
            "주요 취약점과 VEX 분류"
        )
    );
    let serious: Vec<&Value> = list(ev, "/vulnerability_scans/reports")
        .iter()
        .flat_map(|r| list(r, "/serious"))
        .collect();
    if serious.is_empty() {
        none(out, lang);
    } else {
        head(
            out,
            &[
                t(lang, "Vulnerability", "취약점"),
                t(lang, "Severity", "심각도"),
                t(lang, "Component", "구성요소"),
                t(lang, "VEX state", "VEX 상태"),
            ],
        );
        for v in serious {
            let id = v.get("id").and_then(Value::as_str).unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
                html(id),
                cell(v, "severity"),
                html(&value_text(
                    v.pointer("/component/purl").unwrap_or(&Value::Null)
                )),
                vex_state(id)
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "</section>");
}

pub(super) fn releases(out: &mut String, report: &ScanReport, facts: &DossierFacts) {
    let lang = report.lang;
    let ev = facts.evidence.document();
    open_section(out, "releases", t(lang, "Release history", "릴리스 이력"));
    let tags = list(ev, "/history/tags");
    if tags.is_empty() {
        none(out, lang);
    } else {
        head(
            out,
            &[
                t(lang, "Tag", "태그"),
                t(lang, "Date", "일자"),
                t(lang, "Commit", "커밋"),
                t(lang, "Annotated", "주석 태그"),
                t(lang, "Signed", "서명"),
            ],
        );
        let yes = |v: &Value| match v.as_bool() {
            Some(true) => t(lang, "yes", "예"),
            _ => t(lang, "no", "아니오"),
        };
        for tag in tags {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                cell(tag, "name"),
                cell(tag, "date"),
                cell(tag, "target"),
                yes(&tag["annotated"]),
                yes(&tag["signed"])
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let commits = facts.evidence.commits();
    if let Some(commits) = commits.filter(|c| !c.is_empty()) {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            t(
                lang,
                "Change records in the history scope",
                "이력 범위의 변경 기록"
            )
        );
        head(
            out,
            &[
                t(lang, "Commit", "커밋"),
                t(lang, "Date", "일자"),
                t(lang, "Subject", "제목"),
                t(lang, "Change records", "변경 기록"),
            ],
        );
        for c in commits.values() {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                cell(&c, "short_id"),
                html(&value_text(
                    c.pointer("/committer/date").unwrap_or(&Value::Null)
                )),
                cell(&c, "subject"),
                cell(&c, "references")
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "</section>");
}

pub(super) fn waivers(out: &mut String, report: &ScanReport) {
    let lang = report.lang;
    let w = lang.words();
    open_section(out, "waivers", w.waiver_register);
    let waived = report.waived_findings();
    if waived.is_empty() {
        none(out, lang);
    } else {
        head(
            out,
            &[
                w.rule,
                w.location,
                w.reference,
                w.approved_by,
                w.expires,
                w.reason,
            ],
        );
        for f in waived {
            let Some(waiver) = &f.waiver else { continue };
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                html(&f.rule_id),
                html(&f.path),
                html(&waiver.reference),
                html(&waiver.approved_by),
                html(&waiver.expires),
                html(&waiver.reason)
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "</section>");
}

/// With `--base`: the comparison's counts and every new and fixed finding.
pub(super) fn changes(out: &mut String, report: &ScanReport) {
    let Some(base) = &report.base else { return };
    let lang = report.lang;
    let w = lang.words();
    open_section(out, "changes", w.compared_with_base);
    let (new, fixed, unchanged) = report.baseline_counts();
    let _ = writeln!(
        out,
        "<p><code>{}</code> (<code>{}</code>)</p>",
        html(&base.reference),
        html(&base.revision)
    );
    head(out, &[w.new, w.fixed, w.unchanged]);
    let _ = writeln!(
        out,
        "<tr><td>{new}</td><td>{fixed}</td><td>{unchanged}</td></tr>\n</tbody>\n</table>"
    );
    let changed: Vec<_> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.baseline_state,
                Some(BaselineState::New) | Some(BaselineState::Absent)
            )
        })
        .collect();
    if !changed.is_empty() {
        head(out, &[w.state, w.rule, w.level, w.location, w.message]);
        for f in changed {
            let state = if f.baseline_state == Some(BaselineState::New) {
                w.new
            } else {
                w.fixed
            };
            let _ = writeln!(
                out,
                "<tr><td>{state}</td><td><code>{}</code></td><td>{}</td><td><code>{}:{}</code></td><td>{}</td></tr>",
                html(&f.rule_id),
                w.level(f.level),
                html(&f.path),
                f.line,
                html(f.message_in(lang))
            );
        }
        let _ = writeln!(out, "</tbody>\n</table>");
    }
    let _ = writeln!(out, "</section>");
}
