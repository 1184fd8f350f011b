//! Vulnerability scanners' SARIF output (`trivy --format sarif`, `grype -o sarif`,
//! `osv-scanner --format sarif`). Only runs whose `tool.driver.name` is a known vulnerability
//! scanner count: SARIF from static analysers (CodeQL, Semgrep) is other evidence. A result's
//! severity comes from its rule's `properties.security-severity` (a CVSS score), else a severity
//! word among the rule's tags; its component from the message text the scanners write
//! (Trivy: `Package: x` / `Installed Version: y`; Grype: `... package: x, version y ...`).

use super::model::{
    AffectedComponent, ReportFormat, ScanReport, Severity, Vulnerability, max_score,
};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;

const SCANNERS: &[&str] = &[
    "trivy",
    "grype",
    "osv-scanner",
    "osv scanner",
    "dependency-track",
];

pub(in crate::evidence) fn is_sarif(v: &Value) -> bool {
    v.get("runs").is_some_and(Value::is_array)
        && (v.get("version").is_some() || v.get("$schema").is_some())
}

/// Whether a SARIF run's `tool.driver.name` is a vulnerability scanner's (not a static analyser's).
pub(in crate::evidence) fn is_scanner(name: &str) -> bool {
    SCANNERS.contains(&name.to_ascii_lowercase().as_str())
}

/// The scanner runs of a SARIF log; `None` when no run comes from a vulnerability scanner.
pub(super) fn read(v: &Value) -> Option<ScanReport> {
    let runs: Vec<(&Value, String)> = array(v, "runs")
        .iter()
        .filter_map(|run| {
            let name = run.pointer("/tool/driver/name")?.as_str()?.to_string();
            is_scanner(&name).then_some((run, name))
        })
        .collect();
    let (_, tool) = runs.first()?;
    let created = runs
        .iter()
        .flat_map(|(run, _)| array(run, "invocations"))
        .find_map(|i| str_at(i, "endTimeUtc").or_else(|| str_at(i, "startTimeUtc")))
        .map(str::to_string);
    Some(ScanReport {
        tool: tool.to_ascii_lowercase(),
        format: ReportFormat::Sarif,
        created,
        vulnerabilities: runs.iter().flat_map(|(run, _)| run_results(run)).collect(),
    })
}

fn run_results(run: &Value) -> Vec<Vulnerability> {
    let rules = run
        .pointer("/tool/driver/rules")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    array(run, "results")
        .iter()
        .filter_map(|r| {
            let id = str_at(r, "ruleId")?.to_string();
            let rule = rules.iter().find(|x| str_at(x, "id") == Some(&id));
            let message = r
                .pointer("/message/text")
                .and_then(Value::as_str)
                .unwrap_or("");
            let (severity, cvss) = rule.map_or((Severity::Unknown, None), rule_severity);
            Some(Vulnerability {
                id,
                aliases: vec![],
                severity,
                cvss,
                component: component_in(message),
            })
        })
        .collect()
}

fn rule_severity(rule: &Value) -> (Severity, Option<f64>) {
    let props = rule.get("properties").unwrap_or(&Value::Null);
    let score = props.get("security-severity").and_then(|s| match s {
        Value::String(t) => t.trim().parse::<f64>().ok(),
        other => other.as_f64(),
    });
    let cvss = max_score(score);
    let tagged = array(props, "tags")
        .iter()
        .filter_map(Value::as_str)
        .map(Severity::from_word)
        .min()
        .unwrap_or(Severity::Unknown);
    match cvss {
        Some(s) if tagged == Severity::Unknown => (Severity::from_score(s), cvss),
        _ => (tagged, cvss),
    }
}

/// The package named in a scanner's result message.
fn component_in(message: &str) -> AffectedComponent {
    let after = |label: &str| {
        message
            .lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .map(|v| v.trim().to_string())
    };
    if let Some(name) = after("Package:") {
        return AffectedComponent {
            name: Some(name),
            version: after("Installed Version:"),
            purl: None,
        };
    }
    let Some((_, rest)) = message.split_once("package: ") else {
        return AffectedComponent::default();
    };
    let (name, rest) = rest.split_once(", version ").unwrap_or((rest, ""));
    let version = rest.split_whitespace().next().map(str::to_string);
    AffectedComponent {
        name: Some(name.trim().to_string()),
        version,
        purl: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn log(tool: &str, message: &str) -> Value {
        json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": tool, "rules": [
            {"id": "CVE-2026-0004", "properties": {"security-severity": "9.8", "tags": ["vulnerability", "security", "CRITICAL"]}},
            {"id": "CVE-2026-0005", "properties": {"security-severity": "5.3"}}]}},
            "invocations": [{"endTimeUtc": "2026-09-30T12:00:00Z"}],
            "results": [{"ruleId": "CVE-2026-0004", "message": {"text": message}},
                        {"ruleId": "CVE-2026-0005", "message": {"text": ""}}]}]})
    }

    #[test]
    fn reads_trivy_sarif_with_package_from_the_message() {
        let v = log(
            "Trivy",
            "Package: numpy\nInstalled Version: 2.1.3\nVulnerability CVE-2026-0004",
        );
        assert!(is_sarif(&v));
        let r = read(&v).unwrap();
        assert_eq!(
            (r.tool.as_str(), r.created.as_deref()),
            ("trivy", Some("2026-09-30T12:00:00Z"))
        );
        let x = &r.vulnerabilities[0];
        assert_eq!((x.severity, x.cvss), (Severity::Critical, Some(9.8)));
        assert_eq!(x.component.name.as_deref(), Some("numpy"));
        assert_eq!(x.component.version.as_deref(), Some("2.1.3"));
        assert_eq!(r.vulnerabilities[1].severity, Severity::Medium);
    }

    #[test]
    fn reads_grype_sarif_messages_and_skips_static_analysers() {
        let v = log(
            "Grype",
            "A critical vulnerability in python package: numpy, version 2.1.3 was found at: /requirements.txt",
        );
        let x = &read(&v).unwrap().vulnerabilities[0];
        assert_eq!(x.component.name.as_deref(), Some("numpy"));
        assert_eq!(x.component.version.as_deref(), Some("2.1.3"));
        assert_eq!(read(&log("CodeQL", "")), None);
    }
}
