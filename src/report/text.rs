//! `--format text`: the terminal report, grouped by MFDS pillar, coloured on a terminal.

use super::escape::line as esc;
use super::{ScanReport, rules_by_pillar};
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

pub fn render(report: &ScanReport, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let _ = writeln!(
        out,
        "{} {} · {} · as of {}",
        p.bold("samdscan"),
        env!("CARGO_PKG_VERSION"),
        esc(product),
        report.as_of
    );
    if let Some(b) = &report.base {
        let _ = writeln!(
            out,
            "compared with base {} ({})",
            esc(&b.reference),
            short(&b.revision)
        );
    }
    for n in &report.notices {
        let _ = writeln!(out, "{} {}", p.level(Level::Note), esc(n));
    }
    for (pillar, rules) in rules_by_pillar(report) {
        let _ = writeln!(out, "\n{}", p.bold(pillar));
        for r in rules {
            let state = match r.state {
                RuleState::Failed => p.paint(
                    Style::new().fg_color(Some(AnsiColor::Red.into())),
                    state_mark(r.state),
                ),
                RuleState::Passed => p.paint(
                    Style::new().fg_color(Some(AnsiColor::Green.into())),
                    state_mark(r.state),
                ),
                _ => p.dim(state_mark(r.state)),
            };
            let mut line = format!("  {state} {:<14} {}", esc(r.id()), esc(&r.meta.title));
            if r.state != RuleState::Passed && r.state != RuleState::Failed {
                line.push_str(&p.dim(&format!("  [{}]", r.state.label())));
            }
            let _ = writeln!(out, "{line}");
            for reason in &r.reasons {
                let _ = writeln!(out, "      {}", p.dim(&esc(reason)));
            }
            for f in report.findings_of(r.id()) {
                let _ = writeln!(out, "{}", finding_line(&p, f));
            }
        }
    }
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Input problems"));
        for d in &report.diagnostics {
            let _ = writeln!(out, "  {}: {}", esc(&d.path), esc(&d.message));
        }
    }
    waiver_register(&p, report, &mut out);
    if !report.disabled_rules.is_empty() {
        let _ = writeln!(
            out,
            "\ndisabled by config: {}",
            esc(&report.disabled_rules.join(", "))
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(report));
    out
}

fn finding_line(p: &Paint, f: &Finding) -> String {
    let mut tags = String::new();
    match f.baseline_state {
        Some(BaselineState::New) => tags.push_str(" [new]"),
        Some(BaselineState::Absent) => tags.push_str(" [fixed]"),
        _ => {}
    }
    if f.waiver.is_some() {
        tags.push_str(" [waived]");
    }
    format!(
        "      {:<7} {}:{}  {}{}",
        p.level(f.level),
        esc(&f.path),
        f.line,
        esc(&f.message),
        p.dim(&tags)
    )
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
            esc(&f.rule_id),
            esc(&f.path),
            f.line,
            esc(&w.reference),
            esc(&w.approved_by),
            esc(&w.expires),
            esc(&w.reason)
        );
    }
}

pub fn summary_line(report: &ScanReport) -> String {
    let states: Vec<String> = report
        .state_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", s.label()))
        .collect();
    let c = report.counts();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
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
