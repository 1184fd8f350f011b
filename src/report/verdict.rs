//! The gate's answer in words: which findings decide the exit code (`--fail-on`, with `--base`
//! only new ones) and the verdict line that closes the text and Markdown reports, so a reader
//! sees the same decision the exit code makes.

use super::{Counts, ScanReport};
use crate::finding::{BaselineState, Finding, Level};

/// The findings that fail the run at `threshold` (none: `--fail-on never`).
pub fn gating_findings(
    report: &ScanReport,
    threshold: Option<Level>,
) -> impl Iterator<Item = &Finding> {
    report.active_findings().filter(move |f| {
        threshold.is_some_and(|min| f.level >= min)
            && (report.base.is_none() || f.baseline_state == Some(BaselineState::New))
    })
}

/// `FAIL: 14 errors at or above --fail-on error (exit 1)`, or `PASS: ...`.
pub fn verdict_line(report: &ScanReport, threshold: Option<Level>) -> String {
    let Some(min) = threshold else {
        return "PASS: --fail-on never (exit 0)".to_string();
    };
    let mut counts = Counts::default();
    for f in gating_findings(report, threshold) {
        counts.add(f.level);
    }
    let new = if report.base.is_some() { "new " } else { "" };
    let failing = counts.phrase(new);
    if failing.is_empty() {
        format!("PASS: no {new}finding at or above --fail-on {min} (exit 0)")
    } else {
        format!("FAIL: {failing} at or above --fail-on {min} (exit 1)")
    }
}

impl Counts {
    pub fn add(&mut self, level: Level) {
        match level {
            Level::Error => self.error += 1,
            Level::Warning => self.warning += 1,
            Level::Note => self.note += 1,
        }
    }

    /// `3 new errors and 1 new warning` (empty when there is nothing); waived ones not counted.
    pub fn phrase(&self, qualifier: &str) -> String {
        let parts: Vec<String> = [
            (self.error, "error"),
            (self.warning, "warning"),
            (self.note, "note"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, word)| format!("{n} {qualifier}{word}{}", if *n == 1 { "" } else { "s" }))
        .collect();
        match parts.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    }
}
