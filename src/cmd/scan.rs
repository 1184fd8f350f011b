//! `samdscan scan` and `samdscan evidence`: run the pipeline (with a base when asked) and write
//! the report or the evidence document.

use crate::cli::{EvidenceArgs, ScanArgs};
use crate::output::{EXIT_OK, exit_code, write_output};
use crate::report::render;
use crate::scan::baseline;
use crate::scan::pipeline::{collect_target_evidence, scan_target};
use anyhow::Result;
use std::io::IsTerminal;

pub fn scan(args: &ScanArgs) -> Result<u8> {
    let mut outcome = match &args.target.base {
        Some(base) => baseline::scan_with_base(&args.target, &args.policies, base)?,
        None => scan_target(&args.target, &args.policies)?,
    };
    outcome.report.category = Some(args.category.clone());
    if let Some(lang) = args.lang {
        outcome.report.lang = lang;
    }
    let report = &outcome.report;
    for d in &report.diagnostics {
        eprintln!("warning: {}: {}", d.path, d.message);
    }
    let color = args.output.is_none()
        && !args.no_color
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    write_output(args.output.as_deref(), &render(report, args.format, color))?;
    crate::report::files::write_report_files(report, &args.reports)?;
    Ok(exit_code(report, args.fail_on))
}

pub fn evidence(args: &EvidenceArgs) -> Result<u8> {
    let evidence = collect_target_evidence(&args.target)?;
    let mut text = serde_json::to_string_pretty(&evidence.0)?;
    text.push('\n');
    write_output(args.output.as_deref(), &text)?;
    Ok(EXIT_OK)
}
