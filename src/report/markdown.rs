//! `--format markdown`: for pull-request comments and `$GITHUB_STEP_SUMMARY`. It leads with the
//! verdict and the failures (grouped per rule, the first few of each unless `--verbose`); with
//! `--base`, with what the pull request changes (new, fixed, unchanged), each new finding in
//! full (including repository-level ones that code scanning would not show inline) and the
//! recommended action of each rule they break. Every rule's state follows, folded.

use super::escape::{markdown_code, markdown_text as cell};
use super::failures::{FindingGroup, failures, failures_in, fixed};
use super::text::{short, summary_line};
use super::verdict::verdict_line;
use super::view::ReportView;
use super::{ScanReport, rule_help_uri, rules_by_pillar};
use crate::finding::{BaselineState, Finding, RuleState};
use crate::lang::Lang;
use std::fmt::Write;

/// The rule id, linked to its documentation when it has some (user policies: `help_uri`). A
/// user rule's id and address are repository text: the id is escaped, and the characters that
/// would end a link's address are percent-encoded.
fn rule_link(report: &ScanReport, id: &str) -> String {
    let uri = report
        .rules
        .iter()
        .find(|r| r.id() == id)
        .and_then(|r| rule_help_uri(&r.meta));
    match uri {
        Some(uri) => format!("[{}]({})", cell(id), link_address(&uri)),
        None => cell(id),
    }
}

/// An address safe inside `(...)`: blanks, controls, parentheses and angle brackets encoded.
fn link_address(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for c in uri.chars() {
        if c.is_control() || c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>') {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `path:line` as a code span in a table cell.
fn location(f: &Finding) -> String {
    markdown_code(&format!("{}:{}", f.path, f.line), true)
}

/// One table of grouped findings: at most `head` rows per rule, then a row saying how many more.
fn findings_table(out: &mut String, report: &ScanReport, groups: &[FindingGroup], head: usize) {
    let lang = report.lang;
    let w = lang.words();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        w.level, w.rule, w.location, w.message
    );
    for g in groups {
        let link = rule_link(report, g.id());
        for f in g.findings.iter().take(head) {
            let _ = writeln!(
                out,
                "| {} | {link} | {} | {} |",
                w.level(f.level),
                location(f),
                cell(f.message_in(lang))
            );
        }
        let more = g.findings.len().saturating_sub(head);
        if more > 0 {
            let _ = writeln!(out, "| | {link} | | {} |", lang.more_rows(more));
        }
    }
}

pub(super) fn render(report: &ScanReport, view: &ReportView) -> String {
    let lang = report.lang;
    let w = lang.words();
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
            let _ = writeln!(out, "> **{}:** {}\n", w.note_label, cell(n.text(lang)));
        }
    }
    let groups = failures(report, view.min_level);
    match &report.base {
        Some(base) => pull_request_section(&mut out, report, view, &base.reference, &base.revision),
        None if !groups.is_empty() => {
            let _ = writeln!(out, "### {}\n", w.findings);
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
        let _ = writeln!(out, "### {}\n", w.input_problems);
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

fn pull_request_section(
    out: &mut String,
    report: &ScanReport,
    view: &ReportView,
    reference: &str,
    revision: &str,
) {
    let (new_count, fixed_count, unchanged_count) = report.baseline_counts();
    let lang = report.lang;
    let w = lang.words();
    let compared = match lang {
        Lang::En => format!(
            "Compared with {} ({})",
            markdown_code(reference, false),
            short(revision)
        ),
        Lang::Ko => format!(
            "{} ({})와 비교",
            markdown_code(reference, false),
            short(revision)
        ),
    };
    let _ = writeln!(out, "### {compared}\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---|---|\n| {new_count} | {fixed_count} | {unchanged_count} |\n",
        w.new, w.fixed, w.unchanged,
    );
    let new = failures_in(report, view.min_level, BaselineState::New);
    if !new.is_empty() {
        let _ = writeln!(out, "#### {}\n", w.new_findings);
        findings_table(out, report, &new, usize::MAX);
        out.push('\n');
        recommended_actions(out, report, &new);
    }
    let gone = fixed(report);
    if !gone.is_empty() && !view.quiet {
        let _ = writeln!(out, "#### {}\n", w.fixed);
        findings_table(out, report, &gone, view.head());
        out.push('\n');
    }
    let unchanged = failures_in(report, view.min_level, BaselineState::Unchanged);
    if !unchanged.is_empty() && !view.quiet {
        let _ = writeln!(
            out,
            "<details><summary>{unchanged_count} {}</summary>\n",
            w.unchanged_findings
        );
        findings_table(out, report, &unchanged, view.head());
        let _ = writeln!(out, "\n</details>\n");
    }
}

/// What to do about each rule a new finding breaks, from its METADATA.
fn recommended_actions(out: &mut String, report: &ScanReport, new: &[FindingGroup]) {
    let lang = report.lang;
    let w = lang.words();
    let _ = writeln!(out, "#### {}\n", w.recommended_actions);
    for g in new {
        let action = g
            .rule
            .meta
            .recommended_action_in(lang)
            // METADATA wraps its lines; a list item is one line.
            .map(|a| cell(&a.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_else(|| {
                let explain = format!("samdscan policy explain {}", g.id());
                format!("{} {}", w.see, markdown_code(&explain, false))
            });
        let _ = writeln!(
            out,
            "- {} {}: {action}",
            rule_link(report, g.id()),
            cell(g.rule.meta.title_in(lang))
        );
    }
    out.push('\n');
}

fn rule_states(out: &mut String, report: &ScanReport) {
    let lang = report.lang;
    let w = lang.words();
    let _ = writeln!(
        out,
        "<details><summary>{} ({})</summary>\n",
        w.rules,
        report.rules.len()
    );
    for (pillar, rules) in rules_by_pillar(report) {
        let _ = writeln!(
            out,
            "**{pillar}**\n\n| {} | {} | {} |\n|---|---|---|",
            w.rule, w.title, w.state
        );
        for r in rules {
            let state = match r.state {
                RuleState::Passed => format!("✅ {}", w.passed),
                RuleState::Failed => {
                    format!("❌ {} ({})", w.failed, report.findings_of(r.id()).count())
                }
                s => w.state(s).to_string(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                rule_link(report, r.id()),
                cell(r.meta.title_in(lang)),
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
    let w = report.lang.words();
    let _ = writeln!(
        out,
        "### {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
        w.waiver_register,
        w.rule,
        w.location,
        w.reference,
        capitalised(w.approved_by),
        capitalised(w.expires),
        w.reason
    );
    for f in waived {
        let waiver = f.waiver.as_ref().expect("filtered on waiver");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            rule_link(report, &f.rule_id),
            markdown_code(&f.path, true),
            cell(&waiver.reference),
            cell(&waiver.approved_by),
            cell(&waiver.expires),
            cell(&waiver.reason)
        );
    }
    out.push('\n');
}

/// "approved by" -> "Approved by", for table headers (Korean words are left as they are).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
