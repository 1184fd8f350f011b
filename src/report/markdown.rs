//! `--format markdown`: for pull-request comments and `$GITHUB_STEP_SUMMARY`. With `--base` it
//! leads with what the pull request changes (new, fixed, unchanged), and lists every new finding
//! in full, including repository-level ones that code scanning would not show inline.

use super::escape::{markdown_code, markdown_text as cell};
use super::text::{short, summary_line};
use super::{RULE_DOCS_URL, ScanReport, rules_by_pillar};
use crate::finding::{BaselineState, Finding, RuleState};
use std::fmt::Write;

/// A link to a rule's page; a user rule's id is repository text, so it is escaped in the link
/// text and percent-encoded in the address.
fn rule_link(id: &str) -> String {
    let page = super::sarif::relative_uri(id);
    format!("[{}]({RULE_DOCS_URL}/{page}.md)", cell(id))
}

/// `path:line` as a code span in a table cell.
fn location(f: &Finding) -> String {
    markdown_code(&format!("{}:{}", f.path, f.line), true)
}

fn findings_table(out: &mut String, findings: &[&Finding]) {
    let _ = writeln!(
        out,
        "| Level | Rule | Location | Message |\n|---|---|---|---|"
    );
    for f in findings {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            f.level,
            rule_link(&f.rule_id),
            location(f),
            cell(&f.message)
        );
    }
}

pub fn render(report: &ScanReport) -> String {
    let mut out = String::new();
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let _ = writeln!(out, "## samdscan: {}\n", cell(product));
    let _ = writeln!(out, "{}\n", summary_line(report));
    for n in &report.notices {
        let _ = writeln!(out, "> **Note:** {}\n", cell(n));
    }
    if let Some(base) = &report.base {
        pull_request_section(&mut out, report, &base.reference, &base.revision);
    } else {
        let active: Vec<&Finding> = report.active_findings().collect();
        if !active.is_empty() {
            let _ = writeln!(out, "### Findings\n");
            findings_table(&mut out, &active);
            out.push('\n');
        }
    }
    rule_states(&mut out, report);
    waivers(&mut out, report);
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "### Input problems\n");
        for d in &report.diagnostics {
            let _ = writeln!(
                out,
                "- {}: {}",
                markdown_code(&d.path, false),
                cell(&d.message)
            );
        }
        out.push('\n');
    }
    out
}

fn pull_request_section(out: &mut String, report: &ScanReport, reference: &str, revision: &str) {
    let of = |s: BaselineState| {
        report
            .findings
            .iter()
            .filter(move |f| f.baseline_state == Some(s) && f.waiver.is_none())
    };
    let new: Vec<&Finding> = of(BaselineState::New).collect();
    let fixed: Vec<&Finding> = of(BaselineState::Absent).collect();
    let unchanged = of(BaselineState::Unchanged).count();
    let _ = writeln!(
        out,
        "### Compared with {} ({})\n",
        markdown_code(reference, false),
        short(revision)
    );
    let _ = writeln!(
        out,
        "| New | Fixed | Unchanged |\n|---|---|---|\n| {} | {} | {} |\n",
        new.len(),
        fixed.len(),
        unchanged
    );
    if !new.is_empty() {
        let _ = writeln!(out, "#### New findings\n");
        findings_table(out, &new);
        out.push('\n');
    }
    if !fixed.is_empty() {
        let _ = writeln!(out, "#### Fixed\n");
        for f in fixed {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                rule_link(&f.rule_id),
                markdown_code(&f.path, false),
                cell(&f.message)
            );
        }
        out.push('\n');
    }
    let unchanged: Vec<&Finding> = of(BaselineState::Unchanged).collect();
    if !unchanged.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} unchanged findings</summary>\n",
            unchanged.len()
        );
        findings_table(out, &unchanged);
        let _ = writeln!(out, "\n</details>\n");
    }
}

fn rule_states(out: &mut String, report: &ScanReport) {
    let _ = writeln!(
        out,
        "<details><summary>Rules ({})</summary>\n",
        report.rules.len()
    );
    for (pillar, rules) in rules_by_pillar(report) {
        let _ = writeln!(
            out,
            "**{pillar}**\n\n| Rule | Title | State |\n|---|---|---|"
        );
        for r in rules {
            let state = match r.state {
                RuleState::Passed => "✅ passed".to_string(),
                RuleState::Failed => format!("❌ failed ({})", report.findings_of(r.id()).count()),
                s => s.label().to_string(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                rule_link(r.id()),
                cell(&r.meta.title),
                state
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "</details>\n");
}

fn waivers(out: &mut String, report: &ScanReport) {
    let waived = report.waived_findings();
    if waived.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "### Waiver register\n\n| Rule | Location | Ref | Approved by | Expires | Reason |\n|---|---|---|---|---|---|"
    );
    for f in waived {
        let w = f.waiver.as_ref().expect("filtered on waiver");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            rule_link(&f.rule_id),
            markdown_code(&f.path, true),
            cell(&w.reference),
            cell(&w.approved_by),
            cell(&w.expires),
            cell(&w.reason)
        );
    }
    out.push('\n');
}
