//! Every rule, grouped by pillar: its state (in words, not only in colour), level, references,
//! why it was not evaluated or not applicable, its findings, the evidence files it judged with
//! their git blob id and SHA-256 at the scanned commit, and the external attestations the
//! evidence index records for it.

use super::super::escape::html;
use super::super::{RuleReport, ScanReport, rules_by_pillar};
use super::DossierFacts;
use super::words::t;
use crate::finding::{BaselineState, RuleState};
use serde_json::Value;
use std::fmt::Write;

/// The CSS class of a state (its colour; the state is always written out too).
fn state_class(state: RuleState) -> &'static str {
    match state {
        RuleState::Passed => "passed",
        RuleState::Failed => "failed",
        RuleState::NotApplicable => "not_applicable",
        RuleState::NotEvaluated => "not_evaluated",
        RuleState::NotObservable => "not_observable",
    }
}

pub(super) fn render(out: &mut String, report: &ScanReport, facts: &DossierFacts) {
    let lang = report.lang;
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"rules\">\n<h2 id=\"rules\">{}</h2>",
        t(
            lang,
            "Rules and the evidence they judged",
            "규칙별 판정과 근거 자료"
        )
    );
    for (pillar, rules) in rules_by_pillar(report) {
        let _ = writeln!(out, "<h3>{pillar}</h3>");
        for r in rules {
            rule(out, report, facts, r);
        }
    }
    let _ = writeln!(out, "</section>");
}

fn rule(out: &mut String, report: &ScanReport, facts: &DossierFacts, r: &RuleReport) {
    let lang = report.lang;
    let w = lang.words();
    let _ = writeln!(
        out,
        "<article class=\"rule\" id=\"rule-{}\">\n<h4><code>{}</code> {}</h4>",
        html(r.id()),
        html(r.id()),
        html(r.meta.title_in(lang))
    );
    let refs: Vec<String> = r
        .meta
        .custom
        .references
        .iter()
        .map(|x| html(&x.label()))
        .collect();
    let _ = writeln!(
        out,
        "<p><span class=\"state {}\">{}</span> · {}: {} · {}: {}</p>",
        state_class(r.state),
        w.state(r.state),
        w.level,
        w.level(r.level),
        w.references,
        if refs.is_empty() {
            "—".to_string()
        } else {
            refs.join("; ")
        }
    );
    for reason in &r.reasons {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{}</p>",
            html(reason.text(report.lang))
        );
    }
    findings(out, report, r);
    evidence(out, report, facts, r);
    attestations(out, report, facts, r);
    let _ = writeln!(out, "</article>");
}

fn findings(out: &mut String, report: &ScanReport, r: &RuleReport) {
    let lang = report.lang;
    let w = lang.words();
    let found: Vec<_> = report
        .findings_of(r.id())
        .filter(|f| f.baseline_state != Some(BaselineState::Absent))
        .collect();
    if found.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        w.level, w.location, w.message
    );
    for f in found {
        let level = match &f.waiver {
            Some(_) => format!("{} ({})", w.level(f.level), w.waived),
            None => w.level(f.level).to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{level}</td><td><code>{}:{}</code></td><td>{}</td></tr>",
            html(&f.path),
            f.line,
            html(f.message_in(lang))
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>");
}

fn evidence(out: &mut String, report: &ScanReport, facts: &DossierFacts, r: &RuleReport) {
    if r.evidence.is_empty() {
        return;
    }
    let lang = report.lang;
    let _ = writeln!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>",
        t(lang, "Evidence judged", "판정 근거"),
        t(lang, "Path or commit range", "경로 또는 커밋 범위"),
        t(lang, "Git blob", "Git blob")
    );
    for item in &r.evidence {
        match facts.files.iter().find(|f| &f.path == item) {
            Some(file) => {
                let note = if file.committed {
                    ""
                } else {
                    t(lang, " (not committed)", " (커밋되지 않음)")
                };
                let _ = writeln!(
                    out,
                    "<tr><td><code>{}</code></td><td><code>{}</code>{note}</td><td><code>{}</code></td></tr>",
                    html(item),
                    file.blob,
                    file.sha256
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<tr><td><code>{}</code></td><td>—</td><td>—</td></tr>",
                    html(item)
                );
            }
        }
    }
    let _ = writeln!(out, "</tbody>\n</table>");
}

fn attestations(out: &mut String, report: &ScanReport, facts: &DossierFacts, r: &RuleReport) {
    let Some(entries) = facts
        .evidence
        .document()
        .pointer("/evidence_index/entries")
        .and_then(Value::as_object)
    else {
        return;
    };
    let lang = report.lang;
    let mine: Vec<_> = entries
        .iter()
        .filter(|(key, e)| key.split('/').next() == Some(r.id()) && !e["external"].is_null())
        .collect();
    if mine.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        t(
            lang,
            "External attestations (evidence index)",
            "외부 증빙(증빙 색인)"
        ),
        t(lang, "Item", "항목"),
        t(lang, "Document", "문서"),
        t(lang, "System", "시스템"),
        t(lang, "Approved", "승인일"),
        t(lang, "Valid", "유효")
    );
    for (key, e) in mine {
        let x = &e["external"];
        let text = |k: &str| html(&super::cover::value_text(&x[k]));
        let valid = match x["valid"].as_bool() {
            Some(true) => t(lang, "yes", "예"),
            _ => t(lang, "no", "아니오"),
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{} v{}</td><td>{}</td><td>{}</td><td>{valid}</td></tr>",
            html(key),
            text("document_id"),
            text("version"),
            text("system"),
            text("approved")
        );
    }
    let _ = writeln!(out, "</tbody>\n</table>");
}
