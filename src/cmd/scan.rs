//! `samdscan scan` and `samdscan evidence`: run the pipeline (with a base when asked) and write
//! the report or the evidence document.

use crate::cli::{EvidenceArgs, ScanArgs, Target};
use crate::config::CONFIG_LOCATIONS;
use crate::output::{EXIT_OK, exit_code, warn, write_output, write_streamed};
use crate::policy::engine::builtin_policy_digest;
use crate::report::html::DossierFacts;
use crate::report::sarif::{Variant, limit_warnings};
use crate::report::view::ReportView;
use crate::report::{Format, ScanReport, render};
use crate::scan::baseline;
use crate::scan::evidence_files;
use crate::scan::pipeline::{ScanOutcome, collect_target_evidence, scan_target};
use crate::scan::repository::configured_top;
use anyhow::Result;
use std::collections::BTreeSet;
use std::io::IsTerminal;

/// The history scope of `--hook` when `--since` does not give one: the commit being made.
const HOOK_SCOPE: &str = "HEAD";

pub fn scan(args: &ScanArgs) -> Result<u8> {
    let mut target = args.target.clone();
    if target.config.is_none()
        && !target.no_config
        && let Some(top) = configured_top(&target.path, &CONFIG_LOCATIONS)
    {
        warn(&format!(
            "{} is inside the git repository {}: scanning its top, with its config",
            target.path.display(),
            top.display()
        ));
        target.path = top;
    }
    if args.hook && target.since.is_none() {
        target.since = Some(HOOK_SCOPE.to_string());
    }
    target.release_commit_records = !wants_dossier(args);
    let mut outcome = match &target.base {
        Some(base) => baseline::scan_with_base(&target, &args.policies, base)?,
        None => scan_target(&target, &args.policies)?,
    };
    outcome.report.category = Some(args.category.clone());
    if let Some(lang) = args.lang {
        outcome.report.lang = lang;
    }
    if args.hook {
        outcome.report.cap_dated_at_warning();
    }
    let report = &outcome.report;
    for d in &report.diagnostics {
        warn(&format!("{}: {}", d.path, d.message));
    }
    for w in sarif_warnings(report, args) {
        warn(&w);
    }
    let color = args.output.is_none()
        && !args.no_color
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let view = ReportView {
        show: args.show.iter().map(|s| s.state()).collect(),
        verbose: args.verbose,
        quiet: args.quiet || args.hook,
        min_level: args.min_level.level(),
        fail_on: args.fail_on.threshold(),
    };
    let dossier = dossier_facts(&outcome, &target, args);
    write_output(
        args.output.as_deref(),
        &render(report, args.format, &view, color, &dossier),
    )?;
    crate::report::files::write_report_files(report, &args.reports, &view, &dossier)?;
    Ok(exit_code(report, args.fail_on))
}

/// What the HTML dossier shows besides the report, gathered only when one is asked for (it
/// hashes every evidence file).
fn dossier_facts(outcome: &ScanOutcome, target: &Target, args: &ScanArgs) -> DossierFacts {
    if !wants_dossier(args) {
        return DossierFacts::default();
    }
    DossierFacts {
        evidence: outcome.evidence.clone(),
        files: evidence_files::identify(&target.path, &outcome.report),
        policy_digest: builtin_policy_digest(),
    }
}

/// Whether the output or a report file is an HTML dossier.
fn wants_dossier(args: &ScanArgs) -> bool {
    std::iter::once(args.format)
        .chain(args.reports.iter().map(|r| r.format))
        .any(|f| f == Format::Html)
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
    let mut evidence = collect_target_evidence(&args.target)?;
    if !args.full {
        evidence.summarise_history();
    }
    // Written as it is serialised: the whole history's document can be a hundred megabytes.
    write_streamed(args.output.as_deref(), |out| {
        let printed = evidence.printed();
        match args.compact {
            true => serde_json::to_writer(&mut *out, &printed)?,
            false => serde_json::to_writer_pretty(&mut *out, &printed)?,
        }
        out.write_all(b"\n")
    })?;
    Ok(EXIT_OK)
}
