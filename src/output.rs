//! Where reports go and what the process answers: writing to stdout or a file, and the exit
//! codes (0 nothing at or above `--fail-on`, 1 findings at or above it, 2 errors), the same for
//! every output format.

use crate::cli::FailOn;
use crate::finding::{BaselineState, Level};
use crate::report::ScanReport;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::Path;

/// Exit codes, the same for every output format.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

fn threshold(fail_on: FailOn) -> Option<Level> {
    match fail_on {
        FailOn::Error => Some(Level::Error),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Note => Some(Level::Note),
        FailOn::Never => None,
    }
}

/// Exit code for a report: 1 when an active finding (with a base: a new one) reaches `fail_on`.
pub fn exit_code(report: &ScanReport, fail_on: FailOn) -> u8 {
    let Some(min) = threshold(fail_on) else {
        return EXIT_OK;
    };
    let gating = report
        .active_findings()
        .filter(|f| report.base.is_none() || f.baseline_state == Some(BaselineState::New));
    if gating.into_iter().any(|f| f.level >= min) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

pub fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write report", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .context("cannot write to standard output")
        }
    }
}
