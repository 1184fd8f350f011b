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

/// `FAIL: 14 errors at or above --fail-on error (exit 1)`, or `PASS: ...`, in the report's
/// language.
pub fn verdict_line(report: &ScanReport, threshold: Option<Level>) -> String {
    let mut counts = Counts::default();
    for f in gating_findings(report, threshold) {
        counts.add(f.level);
    }
    report.lang.verdict(
        threshold,
        report.base.is_some(),
        [counts.error, counts.warning, counts.note],
    )
}

impl Counts {
    pub fn add(&mut self, level: Level) {
        match level {
            Level::Error => self.error += 1,
            Level::Warning => self.warning += 1,
            Level::Note => self.note += 1,
        }
    }
}
