//! `samdscan scan` and `samdscan evidence`: run the pipeline (with a base when asked) and write
//! the report or the evidence document.

use crate::cli::{EvidenceArgs, ScanArgs};
use crate::output::{EXIT_OK, exit_code, write_output};
use crate::report::escape::line;
use crate::report::sarif::{Variant, limit_warnings};
use crate::report::{Format, ScanReport, render};
use crate::scan::baseline;
use crate::scan::pipeline::{collect_target_evidence, scan_target};
use anyhow::Result;
use std::collections::BTreeSet;
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
        eprintln!("warning: {}: {}", line(&d.path), line(&d.message));
    }
    for w in sarif_warnings(report, args) {
        eprintln!("warning: {}", line(&w));
    }
    let color = args.output.is_none()
        && !args.no_color
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    write_output(args.output.as_deref(), &render(report, args.format, color))?;
    crate::report::files::write_report_files(report, &args.reports)?;
    Ok(exit_code(report, args.fail_on))
}

/// What the SARIF files asked for leave out under code scanning's limits, once each.
fn sarif_warnings(report: &ScanReport, args: &ScanArgs) -> BTreeSet<String> {
    let formats = std::iter::once(args.format).chain(args.reports.iter().map(|r| r.format));
    formats
        .filter_map(|f| match f {
            Format::Sarif => Some(Variant::Record),
            Format::SarifUpload => Some(Variant::Upload),
            _ => None,
        })
        .flat_map(|v| limit_warnings(report, v))
        .collect()
}

pub fn evidence(args: &EvidenceArgs) -> Result<u8> {
    let evidence = collect_target_evidence(&args.target)?;
    let mut text = serde_json::to_string_pretty(&evidence.0)?;
    text.push('\n');
    write_output(args.output.as_deref(), &text)?;
    Ok(EXIT_OK)
}
