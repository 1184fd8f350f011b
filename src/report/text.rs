//! `--format text`: the terminal report. It leads with what to fix: failed rules by level with
//! their findings (the first few of each rule unless `--verbose`), then one line counting the
//! other states, then the verdict the exit code gives. `--show`/`--verbose` list the other rules,
//! `--quiet` keeps only failures and verdict. Coloured on a terminal.

use super::escape::line as esc;
use super::failures::{FindingGroup, failures, fixed, hidden_below};
use super::verdict::verdict_line;
use super::view::ReportView;
use super::{BaseInfo, ScanReport};
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

/// The states listed after the failures, in this order, when asked for.
const LISTED: [RuleState; 4] = [
    RuleState::Passed,
    RuleState::NotApplicable,
    RuleState::NotEvaluated,
    RuleState::NotObservable,
];

pub(super) fn render(report: &ScanReport, view: &ReportView, color: bool) -> String {
    let w = report.lang.words();
    let p = Paint {
        on: color,
        words: w,
    };
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
            p.bold(w.section(level)),
            report.lang.findings_count(n)
        );
        for g in of_level {
            group_lines(&p, g, report.lang, view, &mut out);
        }
    }
    if view.quiet {
        let _ = writeln!(out, "\n{}", verdict_line(report, view.fail_on));
        return out;
    }
    let gone = fixed(report);
    if !gone.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold(w.fixed_since_base));
        for g in &gone {
            group_lines(&p, g, report.lang, view, &mut out);
        }
    }
    for state in LISTED.into_iter().filter(|s| view.lists(*s)) {
        listed_rules(&p, report, state, view.verbose, &mut out);
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
        "{} {} · {} · {} {}",
        p.bold("samdscan"),
        env!("CARGO_PKG_VERSION"),
        esc(product),
        p.words.as_of,
        report.as_of
    );
    if let Some(b) = &report.base {
        let _ = writeln!(out, "{}", base_line(report, b));
    }
    for n in &report.notices {
        let _ = writeln!(out, "{} {}", p.level(Level::Note), esc(n.text(report.lang)));
    }
}

/// `compared with base main (0123456789ab): 3 new / 1 fixed / 4 unchanged`.
fn base_line(report: &ScanReport, base: &BaseInfo) -> String {
    let (new, fixed, unchanged) = report.baseline_counts();
    format!(
        "{} {} ({}): {}",
        report.lang.words().compared_with_base,
        esc(&base.reference),
        short(&base.revision),
        report.lang.base_counts(new, fixed, unchanged)
    )
}

fn group_lines(p: &Paint, g: &FindingGroup, lang: Lang, view: &ReportView, out: &mut String) {
    let _ = writeln!(
        out,
        "  {} {:<14} {}",
        p.fg(AnsiColor::Red, state_mark(RuleState::Failed)),
        esc(g.id()),
        esc(g.rule.meta.title_in(lang))
    );
    for f in g.findings.iter().take(view.head()) {
        let _ = writeln!(out, "{}", finding_line(p, f, lang));
    }
    let more = g.findings.len().saturating_sub(view.head());
    if more > 0 {
        let _ = writeln!(
            out,
            "      {}",
            p.dim(&lang.more_findings(more, &esc(g.id())))
        );
    }
}

fn finding_line(p: &Paint, f: &Finding, lang: Lang) -> String {
    let w = p.words;
    let tag = match f.baseline_state {
        Some(BaselineState::New) => format!(" [{}]", w.new.to_lowercase()),
        Some(BaselineState::Absent) => format!(" [{}]", w.fixed.to_lowercase()),
        _ => String::new(),
    };
    format!(
        "      {:<7} {}:{}  {}{}",
        p.level(f.level),
        esc(&f.path),
        f.line,
        esc(f.message_in(lang)),
        p.dim(&tag)
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
        p.bold(&capitalised(p.words.state(state))),
        rules.len()
    );
    for r in rules {
        let mark = match state {
            RuleState::Passed => p.fg(AnsiColor::Green, state_mark(state)),
            _ => p.dim(state_mark(state)),
        };
        let _ = writeln!(
            out,
            "  {mark} {:<14} {}",
            esc(r.id()),
            esc(r.meta.title_in(report.lang))
        );
        for reason in &r.reasons {
            let _ = writeln!(out, "      {}", p.dim(&esc(reason.text(report.lang))));
        }
        if verbose && state == RuleState::Passed {
            let _ = writeln!(
                out,
                "      {}",
                p.dim(&format!(
                    "{}: {}",
                    p.words.passed_on,
                    esc(&r.evidence.join(", "))
                ))
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

/// The summary line, plus what the listing left out and how to see it.
fn counts_line(report: &ScanReport, view: &ReportView) -> String {
    let mut line = summary_line(report);
    let hidden = hidden_below(report, view.min_level);
    if hidden > 0 {
        line.push_str(&report.lang.hidden_below(hidden, view.min_level));
    }
    let unlisted = LISTED
        .iter()
        .any(|s| !view.lists(*s) && report.rules.iter().any(|r| r.state == *s));
    if unlisted {
        line.push_str(report.lang.words().other_rules_hint);
    }
    line
}

/// `58 rules (6 passed, 20 failed, ...); findings: 15 errors, 4 warnings, 1 note`.
pub(super) fn summary_line(report: &ScanReport) -> String {
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

pub(super) fn short(rev: &str) -> &str {
    &rev[..rev.len().min(12)]
}
