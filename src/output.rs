//! Where reports go and what the process answers: writing to stdout or a file, and the exit
//! codes (0 nothing at or above `--fail-on`, 1 findings at or above it, 2 errors), the same for
//! every output format.

use crate::cli::FailOn;
use crate::report::ScanReport;
use crate::report::escape::line;
use crate::report::verdict::gating_findings;
use anyhow::{Context as _, Result};
use std::io::Write;
use std::path::Path;

/// Exit codes, the same for every output format.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Exit code for a report: 1 when an active finding (with a base: a new one) reaches `fail_on`.
pub fn exit_code(report: &ScanReport, fail_on: FailOn) -> u8 {
    if gating_findings(report, fail_on.threshold())
        .next()
        .is_some()
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Writes a report or listing to FILE, or to standard output. A closed standard output (the
/// reader went away, as with `| head -1`) ends the writing quietly: the exit code still says
/// what the run found.
pub fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    write_streamed(output, |out| out.write_all(text.as_bytes()))
}

/// [`write_output`], for output made while it is written (a large document serialised straight
/// to its destination instead of into a string first), through a buffer.
pub fn write_streamed(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let through_buffer = |out: &mut dyn Write| {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
        write(&mut buffered)?;
        buffered.flush()
    };
    match output {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut file| through_buffer(&mut file))
            .with_context(|| format!("{}: cannot write report", path.display())),
        None => match through_buffer(&mut std::io::stdout().lock()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(e).context("cannot write to standard output")
            }
            _ => Ok(()),
        },
    }
}

/// Prints a warning on standard error, escaped as one line (it may quote file names and values
/// from the repository); a closed standard error is not worth failing for.
pub fn warn(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "warning: {}", line(message));
}
