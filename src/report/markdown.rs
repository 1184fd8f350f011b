//! `--format markdown`: for pull-request comments and `$GITHUB_STEP_SUMMARY`. With `--base` it
//! leads with what the pull request changes (new, fixed, unchanged), and lists every new finding
//! in full, including repository-level ones that code scanning would not show inline.

use super::escape::{markdown_code, markdown_text as cell};
use super::text::{short, summary_line};
use super::{RULE_DOCS_URL, ScanReport, rules_by_pillar};
use crate::finding::{BaselineState, Finding, RuleState};
use crate::lang::Lang;
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

fn findings_table(out: &mut String, findings: &[&Finding], lang: Lang) {
    let w = lang.words();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        w.level, w.rule, w.location, w.message
    );
    for f in findings {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            w.level(f.level),
            rule_link(&f.rule_id),
            location(f),
            cell(f.message_in(lang))
        );
    }
}

pub fn render(report: &ScanReport) -> String {
    let lang = report.lang;
    let w = lang.words();
    let mut out = String::new();
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let _ = writeln!(out, "## samdscan: {}\n", cell(product));
    let _ = writeln!(out, "{}\n", summary_line(report));
    for n in &report.notices {
        let _ = writeln!(out, "> **{}:** {}\n", w.note_label, cell(n));
    }
    if let Some(base) = &report.base {
        pull_request_section(&mut out, report, &base.reference, &base.revision);
    } else {
        let active: Vec<&Finding> = report.active_findings().collect();
        if !active.is_empty() {
            let _ = writeln!(out, "### {}\n", w.findings);
            findings_table(&mut out, &active, lang);
            out.push('\n');
        }
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
        "| {} | {} | {} |\n|---|---|---|\n| {} | {} | {} |\n",
        w.new,
        w.fixed,
        w.unchanged,
        new.len(),
        fixed.len(),
        unchanged
    );
    if !new.is_empty() {
        let _ = writeln!(out, "#### {}\n", w.new_findings);
        findings_table(out, &new, lang);
        out.push('\n');
    }
    if !fixed.is_empty() {
        let _ = writeln!(out, "#### {}\n", w.fixed);
        for f in fixed {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                rule_link(&f.rule_id),
                markdown_code(&f.path, false),
                cell(f.message_in(lang))
            );
        }
        out.push('\n');
    }
    let unchanged: Vec<&Finding> = of(BaselineState::Unchanged).collect();
    if !unchanged.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} {}</summary>\n",
            unchanged.len(),
            w.unchanged_findings
        );
        findings_table(out, &unchanged, lang);
        let _ = writeln!(out, "\n</details>\n");
    }
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
                rule_link(r.id()),
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
            rule_link(&f.rule_id),
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
