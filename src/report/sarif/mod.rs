//! `--format sarif` and `--format sarif-upload`: SARIF 2.1.0 for GitHub code scanning, one run.
//!
//! Every evaluated rule is listed (so fixed alerts close); every result has a level, a message, a
//! region in a real file, and fingerprints from rule id + evidence key. Findings that exist only
//! on the `--base` side are left out: code scanning treats each upload as the branch's whole
//! state, and a result for something already fixed would open an alert.
//!
//! The `sarif` file keeps waived findings as suppressed results: it is the audit record. Code
//! scanning does not act on a third-party tool's suppressions (a waived finding would stay an
//! open alert), so `sarif-upload`, the copy to upload, leaves them out and says how many in the
//! run property `samdscan/suppressedResultsOmitted`.

mod limits;
mod notifications;
mod provenance;
mod results;
mod rules;
mod severity;

pub use results::relative_uri;

use super::ScanReport;
use crate::finding::Finding;
use results::Locator;
use serde_json::json;
use serde_sarif::sarif::{
    Invocation, PropertyBag, Result as SarifResult, Run, RunAutomationDetails, Sarif, Tool,
    ToolComponent,
};
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/samdscan/samdscan";

/// Which SARIF file: the audit record, or the copy for code scanning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Every finding; waived ones as suppressed results.
    Record,
    /// Without waived findings.
    Upload,
}

/// The findings a variant reports, sorted as the report is.
fn reported(report: &ScanReport, variant: Variant) -> Vec<&Finding> {
    report
        .active_or_waived()
        .filter(|f| variant == Variant::Record || f.waiver.is_none())
        .collect()
}

/// What the SARIF of `variant` leaves out under code scanning's limits, one sentence per rule.
pub fn limit_warnings(report: &ScanReport, variant: Variant) -> Vec<String> {
    limits::left_out_warnings(&limits::share(&reported(report, variant)))
}

pub fn render(report: &ScanReport, variant: Variant) -> String {
    let index: BTreeMap<&str, usize> = report
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id(), i))
        .collect();
    let at = Locator {
        prefix: &report.uri_prefix,
    };
    let findings = reported(report, variant);
    let shares = limits::share(&findings);
    let mut sarif_results: Vec<SarifResult> = Vec::new();
    for share in &shares {
        let rule_index = index.get(share.kept[0].rule_id.as_str()).copied();
        sarif_results.extend(
            share
                .kept
                .iter()
                .map(|f| results::result(f, rule_index, &at, report.lang)),
        );
        if let Some(level) = share.left_out_level() {
            sarif_results.push(results::left_out_result(
                share.left_out[0],
                level,
                share.left_out.len(),
                rule_index,
                &at,
            ));
        }
    }
    let mut warnings = limits::left_out_warnings(&shares);
    let omitted = match variant {
        Variant::Record => 0,
        Variant::Upload => report
            .active_or_waived()
            .filter(|f| f.waiver.is_some())
            .count(),
    };
    if variant == Variant::Upload && omitted > 0 {
        warnings.push(format!(
            "{omitted} waived findings are left out of this upload (code scanning does not honour SARIF suppressions); the full SARIF keeps them as suppressed results"
        ));
    }
    let driver = ToolComponent::builder()
        .name("samdscan")
        .full_name(format!("samdscan {}", env!("CARGO_PKG_VERSION")))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(
            report
                .rules
                .iter()
                .map(|r| rules::descriptor(r, report))
                .collect::<Vec<_>>(),
        )
        .build();
    let invocation = Invocation::builder()
        .execution_successful(true)
        .tool_execution_notifications(notifications::notifications(report, &warnings))
        .build();
    let mut props = BTreeMap::new();
    if variant == Variant::Upload {
        props.insert(
            "samdscan/suppressedResultsOmitted".to_string(),
            json!(omitted),
        );
    }
    let run = Run::builder()
        .tool(Tool::from(driver))
        .results(sarif_results)
        .invocations(vec![invocation])
        .original_uri_base_ids(provenance::original_uri_base_ids())
        .opt_version_control_provenance(provenance::provenance(report).map(|v| vec![v]))
        .automation_details(
            RunAutomationDetails::builder()
                .id(automation_id(report))
                .build(),
        )
        .opt_properties(
            (!props.is_empty())
                .then(|| PropertyBag::builder().additional_properties(props).build()),
        )
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// `CATEGORY/`: code scanning reads the part before the last `/` as the analysis category, and
/// the category in the file wins over upload-sarif's `category` input.
fn automation_id(report: &ScanReport) -> String {
    let category = report
        .category
        .as_deref()
        .map(|c| c.trim().trim_end_matches('/'))
        .filter(|c| !c.is_empty())
        .unwrap_or("samdscan");
    format!("{category}/")
}
