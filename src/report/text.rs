//! `--format text`: the terminal report. It leads with what to fix: failed rules by level with
//! their findings (the first few of each rule unless `--verbose`), then one line counting the
//! other states, then the verdict the exit code gives. `--show`/`--verbose` list the other rules,
//! `--quiet` keeps only failures and verdict. Coloured on a terminal.

use super::failures::{FindingGroup, failures, fixed, hidden_below};
use super::verdict::verdict_line;
use super::view::ReportView;
use super::{BaseInfo, ScanReport};
use crate::finding::{BaselineState, Finding, Level, RuleState};
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.on {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
    fn fg(&self, color: AnsiColor, text: &str) -> String {
        self.paint(Style::new().fg_color(Some(color.into())), text)
    }
    fn level(&self, level: Level) -> String {
        let color = match level {
            Level::Error => AnsiColor::Red,
            Level::Warning => AnsiColor::Yellow,
            Level::Note => AnsiColor::Blue,
        };
        self.paint(
            Style::new().fg_color(Some(color.into())).bold(),
            level.as_str(),
        )
    }
    fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }
    fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }
}

fn state_mark(state: RuleState) -> &'static str {
    match state {
        RuleState::Passed => "✓",
        RuleState::Failed => "✗",
        RuleState::NotApplicable => "–",
        RuleState::NotEvaluated => "?",
        RuleState::NotObservable => "○",
    }
}

/// The states listed after the failures, in this order, when asked for.
const LISTED: [RuleState; 4] = [
    RuleState::Passed,
    RuleState::NotApplicable,
    RuleState::NotEvaluated,
    RuleState::NotObservable,
];

pub fn render(report: &ScanReport, view: &ReportView, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    if !view.quiet {
        header(&p, report, &mut out);
    }
    let groups = failures(report, view.min_level);
    for level in [Level::Error, Level::Warning, Level::Note] {
        let of_level: Vec<&FindingGroup> = groups.iter().filter(|g| g.level == level).collect();
        if of_level.is_empty() {
            continue;
        }
        let n: usize = of_level.iter().map(|g| g.findings.len()).sum();
        let _ = writeln!(
            out,
            "\n{} ({})",
            p.bold(section_name(level)),
            plural(n, "finding")
        );
        for g in of_level {
            group_lines(&p, g, view, &mut out);
        }
    }
    if view.quiet {
        let _ = writeln!(out, "\n{}", verdict_line(report, view.fail_on));
        return out;
    }
    let gone = fixed(report);
    if !gone.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Fixed since the base"));
        for g in &gone {
            group_lines(&p, g, view, &mut out);
        }
    }
    for state in LISTED.into_iter().filter(|s| view.lists(*s)) {
        listed_rules(&p, report, state, view.verbose, &mut out);
    }
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Input problems"));
        for d in &report.diagnostics {
            let _ = writeln!(out, "  {}: {}", d.path, d.message);
        }
    }
    waiver_register(&p, report, &mut out);
    if !report.disabled_rules.is_empty() {
        let _ = writeln!(
            out,
            "\ndisabled by config: {}",
            report.disabled_rules.join(", ")
        );
    }
    let _ = writeln!(out, "\n{}", counts_line(report, view));
    let _ = writeln!(out, "{}", p.bold(&verdict_line(report, view.fail_on)));
    out
}

fn header(p: &Paint, report: &ScanReport, out: &mut String) {
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let _ = writeln!(
        out,
        "{} {} · {} · as of {}",
        p.bold("samdscan"),
        env!("CARGO_PKG_VERSION"),
        product,
        report.as_of
    );
    if let Some(b) = &report.base {
        let _ = writeln!(out, "{}", base_line(report, b));
    }
    for n in &report.notices {
        let _ = writeln!(out, "{} {n}", p.level(Level::Note));
    }
}

/// `compared with base main (0123456789ab): 3 new / 1 fixed / 4 unchanged`.
fn base_line(report: &ScanReport, base: &BaseInfo) -> String {
    let (new, fixed, unchanged) = report.baseline_counts();
    format!(
        "compared with base {} ({}): {new} new / {fixed} fixed / {unchanged} unchanged",
        base.reference,
        short(&base.revision)
    )
}

fn section_name(level: Level) -> &'static str {
    match level {
        Level::Error => "Errors",
        Level::Warning => "Warnings",
        Level::Note => "Notes",
    }
}

fn group_lines(p: &Paint, g: &FindingGroup, view: &ReportView, out: &mut String) {
    let _ = writeln!(
        out,
        "  {} {:<14} {}",
        p.fg(AnsiColor::Red, state_mark(RuleState::Failed)),
        g.id(),
        g.rule.meta.title
    );
    for f in g.findings.iter().take(view.head()) {
        let _ = writeln!(out, "{}", finding_line(p, f));
    }
    let more = g.findings.len().saturating_sub(view.head());
    if more > 0 {
        let _ = writeln!(
            out,
            "      {}",
            p.dim(&format!(
                "… and {more} more {} findings (--verbose lists them all; JSON and SARIF hold every one)",
                g.id()
            ))
        );
    }
}

fn finding_line(p: &Paint, f: &Finding) -> String {
    let tag = match f.baseline_state {
        Some(BaselineState::New) => " [new]",
        Some(BaselineState::Absent) => " [fixed]",
        _ => "",
    };
    format!(
        "      {:<7} {}:{}  {}{}",
        p.level(f.level),
        f.path,
        f.line,
        f.message,
        p.dim(tag)
    )
}

/// The rules of one state other than failed, with their reasons (and, verbose, their evidence).
fn listed_rules(p: &Paint, report: &ScanReport, state: RuleState, verbose: bool, out: &mut String) {
    let rules: Vec<_> = report.rules.iter().filter(|r| r.state == state).collect();
    if rules.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        p.bold(&capitalised(state.label())),
        rules.len()
    );
    for r in rules {
        let mark = match state {
            RuleState::Passed => p.fg(AnsiColor::Green, state_mark(state)),
            _ => p.dim(state_mark(state)),
        };
        let _ = writeln!(out, "  {mark} {:<14} {}", r.id(), r.meta.title);
        for reason in &r.reasons {
            let _ = writeln!(out, "      {}", p.dim(reason));
        }
        if verbose && state == RuleState::Passed {
            let _ = writeln!(
                out,
                "      {}",
                p.dim(&format!("passed on: {}", r.evidence.join(", ")))
            );
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn waiver_register(p: &Paint, report: &ScanReport, out: &mut String) {
    let waived = report.waived_findings();
    if waived.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", p.bold("Waiver register"));
    for f in waived {
        let w = f.waiver.as_ref().expect("filtered on waiver");
        let _ = writeln!(
            out,
            "  {} {}:{}  ref {}, approved by {}, expires {}: {}",
            f.rule_id, f.path, f.line, w.reference, w.approved_by, w.expires, w.reason
        );
    }
}

/// The summary line, plus what the listing left out and how to see it.
fn counts_line(report: &ScanReport, view: &ReportView) -> String {
    let mut line = summary_line(report);
    let hidden = hidden_below(report, view.min_level);
    if hidden > 0 {
        line.push_str(&format!(
            "; {} below --min-level {} not listed",
            plural(hidden, "finding"),
            view.min_level
        ));
    }
    let unlisted = LISTED
        .iter()
        .any(|s| !view.lists(*s) && report.rules.iter().any(|r| r.state == *s));
    if unlisted {
        line.push_str(" (--verbose or --show STATE,... lists the other rules)");
    }
    line
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `58 rules (6 passed, 20 failed, ...); findings: 15 errors, 4 warnings, 1 note`.
pub fn summary_line(report: &ScanReport) -> String {
    let states: Vec<String> = report
        .state_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", s.label()))
        .collect();
    let c = report.counts();
    let mut line = format!(
        "{} ({}); findings: {}, {}, {}",
        plural(report.rules.len(), "rule"),
        states.join(", "),
        plural(c.error, "error"),
        plural(c.warning, "warning"),
        plural(c.note, "note"),
    );
    if c.waived > 0 {
        line.push_str(&format!(", {} waived", c.waived));
    }
    line
}

pub fn short(rev: &str) -> &str {
    &rev[..rev.len().min(12)]
}
