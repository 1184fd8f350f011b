//! SARIF `invocations[0].toolExecutionNotifications`: what limited the scan, so that code
//! scanning's tool status page shows it: input problems (unreadable or malformed files, files
//! over the size cap), notes about the scan (truncated or shallow history, no git work tree),
//! rules not evaluated and why, results left out under GitHub's limits, and waived findings
//! left out of an upload.

use serde_json::json;
use serde_sarif::sarif::{Message, Notification, ReportingDescriptorReference};

use crate::finding::RuleState;
use crate::report::ScanReport;

fn notification(level: &str, text: String) -> Notification {
    Notification::builder()
        .level(json!(level))
        .message(Message::builder().text(text).build())
        .build()
}

/// Every notification of one run; `warnings` are the writer's own (results left out).
pub(super) fn notifications(report: &ScanReport, warnings: &[String]) -> Vec<Notification> {
    let mut out: Vec<Notification> = report
        .diagnostics
        .iter()
        .map(|d| notification("warning", format!("{}: {}", d.path, d.message)))
        .collect();
    out.extend(
        report
            .notices
            .iter()
            .map(|n| notification("warning", n.text(report.lang).to_string())),
    );
    for (index, rule) in report
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.state == RuleState::NotEvaluated)
    {
        let lang = report.lang;
        let why = if rule.reasons.is_empty() {
            lang.words().evidence_not_collected.to_string()
        } else {
            let texts: Vec<&str> = rule.reasons.iter().map(|r| r.text(lang)).collect();
            texts.join("; ")
        };
        let state = lang.words().state(RuleState::NotEvaluated);
        let mut n = notification("note", format!("{} {state}: {why}", rule.id()));
        n.associated_rule = Some(
            ReportingDescriptorReference::builder()
                .id(rule.id().to_string())
                .index(index as i64)
                .build(),
        );
        out.push(n);
    }
    out.extend(warnings.iter().map(|w| notification("warning", w.clone())));
    out
}
