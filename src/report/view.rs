//! What the human reports (text and Markdown) show of a scan: failures always, the other rule
//! states on request (`--show`, `--verbose`), nothing but failures and the verdict with
//! `--quiet`, findings from `--min-level` up. JSON and SARIF ignore it: they keep every rule and
//! finding for the machines that read them.

use crate::finding::{Level, RuleState};

/// A rule state `--show` can ask for (failures are always shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShownState {
    Passed,
    NotApplicable,
    NotEvaluated,
    NotObservable,
}

impl ShownState {
    pub fn state(self) -> RuleState {
        match self {
            ShownState::Passed => RuleState::Passed,
            ShownState::NotApplicable => RuleState::NotApplicable,
            ShownState::NotEvaluated => RuleState::NotEvaluated,
            ShownState::NotObservable => RuleState::NotObservable,
        }
    }
}

/// How many findings of one rule the grouped reports show before "and N more".
pub const GROUP_HEAD: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// Rule states listed besides the failures.
    pub show: Vec<RuleState>,
    /// Every finding of a rule (not the first few), and the evidence each passed rule judged.
    pub verbose: bool,
    /// Only the failures and the verdict: no header, counts, register or input problems.
    pub quiet: bool,
    /// Findings below this level are left out of the listing (still counted).
    pub min_level: Level,
    /// `--fail-on`'s level, for the verdict (none: `never`).
    pub fail_on: Option<Level>,
}

impl Default for ReportView {
    /// Failures first, grouped; the gate at `error`.
    fn default() -> Self {
        ReportView {
            show: Vec::new(),
            verbose: false,
            quiet: false,
            min_level: Level::Note,
            fail_on: Some(Level::Error),
        }
    }
}

impl ReportView {
    /// Whether rules in `state` other than failures are listed.
    pub fn lists(&self, state: RuleState) -> bool {
        self.verbose || self.show.contains(&state)
    }

    /// How many findings of a rule to list.
    pub fn head(&self) -> usize {
        if self.verbose { usize::MAX } else { GROUP_HEAD }
    }
}
