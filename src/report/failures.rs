//! The failures a human report leads with: each failed rule with its live findings (not waived,
//! not fixed since the base) at or above `--min-level`, highest level first, then by rule id.
//! Text and Markdown both list them from here, so both group and order them alike.

use super::{RuleReport, ScanReport};
use crate::finding::{BaselineState, Finding, Level};

/// One rule's findings in a report section.
pub(super) struct FindingGroup<'a> {
    pub rule: &'a RuleReport,
    /// The highest level among `findings`: the section the rule is listed in.
    pub level: Level,
    pub findings: Vec<&'a Finding>,
}

impl FindingGroup<'_> {
    pub(super) fn id(&self) -> &str {
        self.rule.id()
    }
}

/// Live findings at or above `min_level`, grouped by rule, highest level first.
pub(super) fn failures(report: &ScanReport, min_level: Level) -> Vec<FindingGroup<'_>> {
    let live: Vec<&Finding> = report
        .active_findings()
        .filter(|f| f.level >= min_level)
        .collect();
    group(report, &live)
}

/// With `--base`: the live findings at or above `min_level` in one baseline state, grouped.
pub(super) fn failures_in(
    report: &ScanReport,
    min_level: Level,
    state: BaselineState,
) -> Vec<FindingGroup<'_>> {
    let live: Vec<&Finding> = report
        .active_findings()
        .filter(|f| f.level >= min_level && f.baseline_state == Some(state))
        .collect();
    group(report, &live)
}

/// Findings the base had and this revision has not (`--base`), grouped by rule.
pub(super) fn fixed(report: &ScanReport) -> Vec<FindingGroup<'_>> {
    let gone: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.baseline_state == Some(BaselineState::Absent) && f.waiver.is_none())
        .collect();
    group(report, &gone)
}

fn group<'a>(report: &'a ScanReport, findings: &[&'a Finding]) -> Vec<FindingGroup<'a>> {
    let mut groups: Vec<FindingGroup> = report
        .rules
        .iter()
        .filter_map(|rule| {
            let own: Vec<&Finding> = findings
                .iter()
                .copied()
                .filter(|f| f.rule_id == rule.id())
                .collect();
            let level = own.iter().map(|f| f.level).max()?;
            Some(FindingGroup {
                rule,
                level,
                findings: own,
            })
        })
        .collect();
    groups.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.id().cmp(b.id())));
    groups
}

/// Findings below `min_level` that the listing leaves out (they still count and gate).
pub(super) fn hidden_below(report: &ScanReport, min_level: Level) -> usize {
    report
        .active_findings()
        .filter(|f| f.level < min_level)
        .count()
}
