//! Vulnerability scan results committed to the repository: Trivy, Grype and OSV-Scanner JSON,
//! and the SARIF these scanners write, recognised by content as well as by name. Each report is
//! summarised for the release vulnerability-triage rule (MFDS-CYB-004): the tool, the scan date
//! (the report's own timestamp, else the file's last git change) and its age at the scan's
//! `as_of`, counts by normalised severity, and the serious vulnerabilities (high or critical, or
//! CVSS 7 or more) in full, up to [`MAX_SERIOUS`] (a report with more is flagged and named in a
//! diagnostic). A file that looks like a report but does not parse is kept, with the error, and
//! named in a diagnostic.

mod json_reports;
pub(crate) mod model;
pub(super) mod sarif;

use super::extractor::{FileKind, Sniffer};
use super::read::path_history::last_changes;
use super::{Context, Extractor};
use crate::date::Date;
use model::{ScanReport, Severity, Vulnerability};
use serde_json::{Map, Value, json};

/// How many serious vulnerabilities are copied into the evidence per report. A report with more
/// is flagged (`serious_truncated`) and named in a diagnostic, and the rules that judge each
/// serious vulnerability are not evaluated over it (never passed).
pub(super) const MAX_SERIOUS: usize = 500;

pub(super) struct VulnScanExtractor;

const VULN_SCAN_KINDS: &[FileKind] = &[FileKind {
    name: "vulnerability_scan",
    globs: &[
        "*trivy*.json",
        "*trivy*.sarif",
        "*grype*.json",
        "*grype*.sarif",
        "*osv-scanner*.json",
        "*osv-scanner*.sarif",
    ],
    sniffer: Some(Sniffer {
        extensions: &["json", "sarif"],
        test: looks_like_scan_report,
    }),
}];

/// True for the first bytes of a Trivy, Grype, OSV-Scanner or scanner SARIF report.
fn looks_like_scan_report(head: &[u8]) -> bool {
    let t = String::from_utf8_lossy(head);
    let has = |s: &str| t.contains(s);
    let sarif_tool = ["\"Trivy\"", "\"Grype\"", "\"grype\"", "\"osv-scanner\""];
    has("\"SchemaVersion\"") && (has("\"ArtifactName\"") || has("\"Results\""))
        || has("\"matches\"") && (has("\"vulnerability\"") || has("\"descriptor\""))
        || has("\"results\"") && has("\"packages\"") && has("\"source\"")
        || has("\"runs\"") && sarif_tool.iter().any(|n| has(n))
}

/// Reads a report; `Ok(None)` for SARIF from a tool that is not a vulnerability scanner. The
/// extractor and the fuzz targets enter here.
pub(crate) fn parse_report(bytes: &[u8]) -> Result<Option<ScanReport>, String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if json_reports::is_trivy(&v) {
        Ok(Some(json_reports::read_trivy(&v)))
    } else if json_reports::is_grype(&v) {
        Ok(Some(json_reports::read_grype(&v)))
    } else if sarif::is_sarif(&v) {
        Ok(sarif::read(&v))
    } else if json_reports::is_osv_scanner(&v) {
        Ok(Some(json_reports::read_osv_scanner(&v)))
    } else {
        Err("JSON is not a Trivy, Grype, OSV-Scanner or SARIF report".into())
    }
}

impl Extractor for VulnScanExtractor {
    fn key(&self) -> &'static str {
        "vulnerability_scans"
    }

    fn kinds(&self) -> &'static [FileKind] {
        VULN_SCAN_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let mut read: Vec<(&str, Result<ScanReport, String>)> = vec![];
        for path in ctx.files("vulnerability_scan") {
            let parsed = ctx
                .read(path)
                .ok_or_else(|| "could not be read (see diagnostics)".to_string())
                .and_then(|bytes| parse_report(&bytes));
            match parsed {
                Ok(Some(report)) => read.push((path, Ok(report))),
                Ok(None) => {}
                Err(e) => {
                    ctx.diagnose(
                        path,
                        format!("vulnerability scan report does not parse: {e}"),
                    );
                    read.push((path, Err(e)));
                }
            }
        }
        let undated = read
            .iter()
            .filter(|(_, r)| r.as_ref().is_ok_and(|r| report_date(r).is_none()));
        let changes = last_changes(ctx, undated.map(|(p, _)| *p));
        let reports: Vec<Value> = read
            .iter()
            .map(|(path, parsed)| match parsed {
                Ok(report) => {
                    let scanned = match report_date(report) {
                        Some(d) => Some((d, "report")),
                        None => changes
                            .get(*path)
                            .and_then(|c| Date::parse(&c.date))
                            .map(|d| (d, "git")),
                    };
                    let record = summary(path, report, scanned, ctx.as_of);
                    if record["serious_truncated"] == true {
                        ctx.diagnose(
                            path,
                            format!(
                                "lists {} serious vulnerabilities; only the first {MAX_SERIOUS} are \
                                 kept in the evidence, so the rules that judge them are not evaluated",
                                record["serious_count"]
                            ),
                        );
                    }
                    record
                }
                Err(e) => {
                    json!({"path": path, "tool": null, "format": null, "parsed": false, "error": e})
                }
            })
            .collect();
        json!({ "reports": reports })
    }
}

/// The calendar date of the report's own timestamp, when it has a readable one.
fn report_date(report: &ScanReport) -> Option<Date> {
    Date::parse(report.created.as_deref()?.get(..10)?)
}

/// The evidence record of one report: bounded, whatever the number of vulnerabilities.
fn summary(path: &str, report: &ScanReport, scanned: Option<(Date, &str)>, as_of: Date) -> Value {
    let vulnerabilities = distinct(&report.vulnerabilities);
    let mut by_severity = Map::new();
    for s in Severity::ALL {
        let n = vulnerabilities.iter().filter(|v| v.severity == s).count();
        by_severity.insert(s.name().into(), json!(n));
    }
    let serious: Vec<&Vulnerability> = vulnerabilities
        .iter()
        .copied()
        .filter(|v| v.is_serious())
        .collect();
    json!({
        "path": path,
        "tool": report.tool,
        "format": report.format,
        "parsed": true,
        "error": null,
        "scanned": scanned.map(|(d, _)| d.to_string()),
        "scanned_from": scanned.map(|(_, from)| from),
        "age_days": scanned.map(|(d, _)| d.days_until(as_of)),
        "vulnerability_count": vulnerabilities.len(),
        "by_severity": by_severity,
        "serious_count": serious.len(),
        "serious": serious.iter().take(MAX_SERIOUS).collect::<Vec<_>>(),
        "serious_truncated": serious.len() > MAX_SERIOUS,
    })
}

/// The vulnerabilities once each per component (scanners repeat them per target), sorted.
fn distinct(vulnerabilities: &[Vulnerability]) -> Vec<&Vulnerability> {
    let key = |v: &Vulnerability| {
        let c = &v.component;
        (
            v.id.clone(),
            c.purl.clone(),
            c.name.clone(),
            c.version.clone(),
        )
    };
    let mut out: Vec<&Vulnerability> = vulnerabilities.iter().collect();
    out.sort_by_key(|v| key(v));
    out.dedup_by_key(|v| key(v));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_scanner_reports_by_content() {
        assert!(looks_like_scan_report(
            br#"{"SchemaVersion": 2, "ArtifactName": "."}"#
        ));
        assert!(looks_like_scan_report(
            br#"{"matches": [{"vulnerability": {}}]}"#
        ));
        assert!(looks_like_scan_report(
            br#"{"results": [{"source": {}, "packages": []}]}"#
        ));
        assert!(looks_like_scan_report(
            br#"{"runs": [{"tool": {"driver": {"name": "Trivy"}}}]}"#
        ));
        assert!(!looks_like_scan_report(
            br#"{"runs": [{"tool": {"driver": {"name": "CodeQL"}}}]}"#
        ));
        assert!(!looks_like_scan_report(br#"{"bomFormat": "CycloneDX"}"#));
    }

    #[test]
    fn malformed_or_foreign_json_is_an_error_not_a_panic() {
        assert!(
            parse_report(br#"{"SchemaVersion": 2, "Results": [{"#)
                .unwrap_err()
                .contains("invalid JSON")
        );
        assert!(
            parse_report(br#"{"name": "x"}"#)
                .unwrap_err()
                .contains("not a Trivy")
        );
        let codeql = br#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL"}}}]}"#;
        assert_eq!(parse_report(codeql), Ok(None));
        let odd = br#"{"SchemaVersion": 2, "Results": {"x": 1}, "CreatedAt": 7}"#;
        assert!(
            parse_report(odd)
                .unwrap()
                .unwrap()
                .vulnerabilities
                .is_empty()
        );
    }

    #[test]
    fn summary_counts_dedupes_and_bounds_serious_vulnerabilities() {
        let vuln = |i: usize, severity| Vulnerability {
            id: format!("CVE-2026-{i:05}"),
            aliases: vec![],
            severity,
            cvss: None,
            component: model::AffectedComponent::default(),
        };
        let mut vulnerabilities: Vec<Vulnerability> = (0..MAX_SERIOUS + 10)
            .map(|i| vuln(i, Severity::Critical))
            .collect();
        vulnerabilities.push(vuln(0, Severity::Critical));
        vulnerabilities.push(vuln(99_999, Severity::Low));
        let report = ScanReport {
            tool: "trivy".into(),
            format: model::ReportFormat::TrivyJson,
            created: Some("2026-09-01T00:00:00Z".into()),
            vulnerabilities,
        };
        let as_of = Date::parse("2026-10-01").unwrap();
        let v = summary(
            "trivy.json",
            &report,
            Some((report_date(&report).unwrap(), "report")),
            as_of,
        );
        assert_eq!(v["by_severity"]["critical"], MAX_SERIOUS + 10);
        assert_eq!(v["by_severity"]["low"], 1);
        assert_eq!(v["serious"].as_array().unwrap().len(), MAX_SERIOUS);
        assert_eq!(
            (&v["serious_count"], &v["serious_truncated"]),
            (&json!(MAX_SERIOUS + 10), &json!(true))
        );
        assert_eq!(
            (v["age_days"].as_i64(), v["scanned"].as_str()),
            (Some(30), Some("2026-09-01"))
        );
    }
}
