//! `--format text`: the terminal report, grouped by MFDS pillar, coloured on a terminal.

use super::escape::line as esc;
use super::{ScanReport, rules_by_pillar};
use crate::finding::{BaselineState, Finding, Level, RuleState};
use crate::lang::{Lang, Words};
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

struct Paint {
    on: bool,
    words: &'static Words,
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
            self.words.level(level),
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
    let lang = report.lang;
    let w = lang.words();
    let p = Paint {
        on: color,
        words: w,
    };
    let mut out = String::new();
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let _ = writeln!(
        out,
        "{} {} · {} · {} {}",
        p.bold("samdscan"),
        env!("CARGO_PKG_VERSION"),
        esc(product),
        w.as_of,
        report.as_of
    );
    if let Some(b) = &report.base {
        let _ = writeln!(
            out,
            "{} {} ({})",
            w.compared_with_base,
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
            let mut line = format!(
                "  {state} {:<14} {}",
                esc(r.id()),
                esc(r.meta.title_in(lang))
            );
            if r.state != RuleState::Passed && r.state != RuleState::Failed {
                line.push_str(&p.dim(&format!("  [{}]", w.state(r.state))));
            }
            let _ = writeln!(out, "{line}");
            for reason in &r.reasons {
                let _ = writeln!(out, "      {}", p.dim(&esc(reason)));
            }
            for f in report.findings_of(r.id()) {
                let _ = writeln!(out, "{}", finding_line(&p, f, lang));
            }
        }
    }
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold(w.input_problems));
        for d in &report.diagnostics {
            let _ = writeln!(out, "  {}: {}", esc(&d.path), esc(&d.message));
        }
    }
    waiver_register(&p, report, &mut out);
    if !report.disabled_rules.is_empty() {
        let _ = writeln!(
            out,
            "\n{}: {}",
            w.disabled_by_config,
            esc(&report.disabled_rules.join(", "))
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(report));
    out
}

fn finding_line(p: &Paint, f: &Finding, lang: Lang) -> String {
    let w = p.words;
    let (new, fixed) = (w.new.to_lowercase(), w.fixed.to_lowercase());
    let mut tags = String::new();
    match f.baseline_state {
        Some(BaselineState::New) => tags.push_str(&format!(" [{new}]")),
        Some(BaselineState::Absent) => tags.push_str(&format!(" [{fixed}]")),
        _ => {}
    }
    if f.waiver.is_some() {
        tags.push_str(&format!(" [{}]", w.waived));
    }
    format!(
        "      {:<7} {}:{}  {}{}",
        p.level(f.level),
        esc(&f.path),
        f.line,
        esc(f.message_in(lang)),
        p.dim(&tags)
    )
}

fn waiver_register(p: &Paint, report: &ScanReport, out: &mut String) {
    let waived = report.waived_findings();
    if waived.is_empty() {
        return;
    }
    let words = p.words;
    let _ = writeln!(out, "\n{}", p.bold(words.waiver_register));
    for f in waived {
        let w = f.waiver.as_ref().expect("filtered on waiver");
        let _ = writeln!(
            out,
            "  {} {}:{}  {} {}, {} {}, {} {}: {}",
            esc(&f.rule_id),
            esc(&f.path),
            f.line,
            words.reference.to_lowercase(),
            esc(&w.reference),
            words.approved_by,
            esc(&w.approved_by),
            words.expires,
            esc(&w.expires),
            esc(&w.reason)
        );
    }
}

pub fn summary_line(report: &ScanReport) -> String {
    let lang = report.lang;
    let states: Vec<String> = report
        .state_counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| lang.state_count(s, n))
        .collect();
    let c = report.counts();
    lang.summary(
        report.rules.len(),
        &states,
        [c.error, c.warning, c.note, c.waived],
    )
}

pub fn short(rev: &str) -> &str {
    &rev[..rev.len().min(12)]
}
