//! `--format markdown`: for pull-request comments and `$GITHUB_STEP_SUMMARY`. It leads with the
//! verdict and the failures (grouped per rule, the first few of each unless `--verbose`); with
//! `--base`, with what the pull request changes (new, fixed, unchanged), each new finding in
//! full (including repository-level ones that code scanning would not show inline) and the
//! recommended action of each rule they break. Every rule's state follows, folded.

use super::failures::{FindingGroup, failures, failures_in, fixed};
use super::text::{short, summary_line};
use super::verdict::verdict_line;
use super::view::ReportView;
use super::{ScanReport, rule_help_uri, rules_by_pillar};
use crate::finding::{BaselineState, RuleState};
use std::fmt::Write;

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The rule id, linked to its documentation when it has some (user policies: `help_uri`).
fn rule_link(report: &ScanReport, id: &str) -> String {
    let uri = report
        .rules
        .iter()
        .find(|r| r.id() == id)
        .and_then(|r| rule_help_uri(&r.meta));
    match uri {
        Some(uri) => format!("[{id}]({uri})"),
        None => id.to_string(),
    }
}

/// One table of grouped findings: at most `head` rows per rule, then a row saying how many more.
fn findings_table(out: &mut String, report: &ScanReport, groups: &[FindingGroup], head: usize) {
    let _ = writeln!(
        out,
        "| Level | Rule | Location | Message |\n|---|---|---|---|"
    );
    for g in groups {
        let link = rule_link(report, g.id());
        for f in g.findings.iter().take(head) {
            let _ = writeln!(
                out,
                "| {} | {link} | `{}:{}` | {} |",
                f.level,
                f.path,
                f.line,
                cell(&f.message)
            );
        }
        let more = g.findings.len().saturating_sub(head);
        if more > 0 {
            let _ = writeln!(
                out,
                "| | {link} | | … and {more} more (`--verbose` lists them all; the SARIF and JSON reports hold every one) |"
            );
        }
    }
}

pub fn render(report: &ScanReport, view: &ReportView) -> String {
    let mut out = String::new();
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let _ = writeln!(out, "## samdscan: {}\n", cell(product));
    let _ = writeln!(out, "**{}**\n", verdict_line(report, view.fail_on));
    if !view.quiet {
        let _ = writeln!(out, "{}\n", summary_line(report));
        for n in &report.notices {
            let _ = writeln!(out, "> **Note:** {}\n", cell(n));
        }
    }
    let groups = failures(report, view.min_level);
    match &report.base {
        Some(base) => pull_request_section(&mut out, report, view, &base.reference, &base.revision),
        None if !groups.is_empty() => {
            let _ = writeln!(out, "### Findings\n");
            findings_table(&mut out, report, &groups, view.head());
            out.push('\n');
        }
        None => {}
    }
    if view.quiet {
        return out;
    }
    rule_states(&mut out, report);
    waivers(&mut out, report);
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "### Input problems\n");
        for d in &report.diagnostics {
            let _ = writeln!(out, "- `{}`: {}", d.path, cell(&d.message));
        }
        out.push('\n');
    }
    out
}

fn pull_request_section(
    out: &mut String,
    report: &ScanReport,
    view: &ReportView,
    reference: &str,
    revision: &str,
) {
    let (new_count, fixed_count, unchanged_count) = report.baseline_counts();
    let _ = writeln!(
        out,
        "### Compared with `{}` ({})\n",
        cell(reference),
        short(revision)
    );
    let _ = writeln!(
        out,
        "| New | Fixed | Unchanged |\n|---|---|---|\n| {new_count} | {fixed_count} | {unchanged_count} |\n",
    );
    let new = failures_in(report, view.min_level, BaselineState::New);
    if !new.is_empty() {
        let _ = writeln!(out, "#### New findings\n");
        findings_table(out, report, &new, usize::MAX);
        out.push('\n');
        recommended_actions(out, report, &new);
    }
    let gone = fixed(report);
    if !gone.is_empty() && !view.quiet {
        let _ = writeln!(out, "#### Fixed\n");
        findings_table(out, report, &gone, view.head());
        out.push('\n');
    }
    let unchanged = failures_in(report, view.min_level, BaselineState::Unchanged);
    if !unchanged.is_empty() && !view.quiet {
        let _ = writeln!(
            out,
            "<details><summary>{unchanged_count} unchanged findings</summary>\n"
        );
        findings_table(out, report, &unchanged, view.head());
        let _ = writeln!(out, "\n</details>\n");
    }
}

/// What to do about each rule a new finding breaks, from its METADATA.
fn recommended_actions(out: &mut String, report: &ScanReport, new: &[FindingGroup]) {
    let _ = writeln!(out, "#### Recommended actions\n");
    for g in new {
        let action = g
            .rule
            .meta
            .custom
            .recommended_action
            .as_deref()
            .map(|a| cell(a.trim()))
            .unwrap_or_else(|| format!("see `samdscan policy explain {}`", g.id()));
        let _ = writeln!(
            out,
            "- {} {}: {action}",
            rule_link(report, g.id()),
            cell(&g.rule.meta.title)
        );
    }
    out.push('\n');
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
                rule_link(report, r.id()),
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
            "| {} | `{}` | {} | {} | {} | {} |",
            rule_link(report, &f.rule_id),
            f.path,
            cell(&w.reference),
            cell(&w.approved_by),
            w.expires,
            cell(&w.reason)
        );
    }
    out.push('\n');
}
