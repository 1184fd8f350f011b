//! `--format json`: the findings contract of DESIGN.md §3 (fields are added, never renamed).

use super::ScanReport;
use crate::finding::RuleState;
use serde_json::json;

pub(super) fn render(report: &ScanReport) -> String {
    let rules: Vec<_> = report
        .rules
        .iter()
        .map(|r| {
            let mut v = json!({
                "id": r.id(),
                "title": r.meta.title_in(report.lang),
                "level": r.level,
                "state": r.state,
                "pillar": r.meta.custom.pillar,
                "evidence": r.evidence,
            });
            if !r.reasons.is_empty() {
                let texts: Vec<&str> = r.reasons.iter().map(|t| t.text(report.lang)).collect();
                v["reasons"] = json!(texts);
            }
            v
        })
        .collect();
    let states: serde_json::Map<String, serde_json::Value> = report
        .state_counts()
        .into_iter()
        .map(|(s, n): (RuleState, usize)| (s.key(), json!(n)))
        .collect();
    // `message` is in the report's language; `messages` carries every language the rule gives.
    let findings: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = json!(f);
            v["message"] = json!(f.message_in(report.lang));
            let mut messages = json!({"en": f.message});
            if let Some(ko) = &f.message_ko {
                messages["ko"] = json!(ko);
            }
            v["messages"] = messages;
            v
        })
        .collect();
    let doc = json!({
        "schema_version": "1",
        "tool": {"name": "samdscan", "version": env!("CARGO_PKG_VERSION")},
        "repository": report.repository,
        "as_of": report.as_of.to_string(),
        "lang": report.lang,
        "base": report.base,
        "summary": {"findings": report.counts(), "rules": states},
        "rules": rules,
        "disabled_rules": report.disabled_rules,
        "findings": findings,
        "diagnostics": report.diagnostics,
        "notices": report.notices.iter().map(|n| &n.en).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
