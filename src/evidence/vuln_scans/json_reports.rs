//! Readers for the scanners' native JSON reports: Trivy (`Results[].Vulnerabilities[]`), Grype
//! (`matches[]`) and OSV-Scanner (`results[].packages[]`). Reading is lenient: a field of the
//! wrong type reads as absent, and only what the vulnerability-triage rule judges is kept.

use super::model::{
    AffectedComponent, ReportFormat, ScanReport, Severity, Vulnerability, max_score,
};
use crate::evidence::read::value::{array, entries, str_at};
use crate::evidence::sbom::model::present;
use serde_json::Value;

/// A present string at `key`.
fn text(v: &Value, key: &str) -> Option<String> {
    present(str_at(v, key))
}

/// The strings of the array at `key`.
fn texts(v: &Value, key: &str) -> Vec<String> {
    array(v, key)
        .iter()
        .filter_map(|s| present(s.as_str()))
        .collect()
}

pub(super) fn is_trivy(v: &Value) -> bool {
    v.get("SchemaVersion").is_some()
        && (v.get("Results").is_some() || v.get("ArtifactName").is_some())
}

pub(super) fn is_grype(v: &Value) -> bool {
    v.get("matches").is_some_and(Value::is_array) && v.get("descriptor").is_some()
}

pub(super) fn is_osv_scanner(v: &Value) -> bool {
    v.get("results").is_some_and(Value::is_array) && v.get("runs").is_none()
}

pub(super) fn read_trivy(v: &Value) -> ScanReport {
    let vulnerabilities = array(v, "Results")
        .iter()
        .flat_map(|r| array(r, "Vulnerabilities"))
        .map(trivy_vulnerability)
        .collect();
    ScanReport {
        tool: "trivy".into(),
        format: ReportFormat::TrivyJson,
        created: text(v, "CreatedAt"),
        vulnerabilities,
    }
}

fn trivy_vulnerability(v: &Value) -> Vulnerability {
    let scores = entries(v, "CVSS").flat_map(|(_, source)| {
        ["V40Score", "V3Score", "V2Score"]
            .into_iter()
            .filter_map(|k| source.get(k).and_then(Value::as_f64))
            .take(1)
    });
    Vulnerability {
        id: text(v, "VulnerabilityID").unwrap_or_default(),
        aliases: texts(v, "VendorIDs"),
        severity: str_at(v, "Severity").map_or(Severity::Unknown, Severity::from_word),
        cvss: max_score(scores),
        component: AffectedComponent {
            name: text(v, "PkgName"),
            version: text(v, "InstalledVersion"),
            purl: v.get("PkgIdentifier").and_then(|p| text(p, "PURL")),
        },
    }
}

pub(super) fn read_grype(v: &Value) -> ScanReport {
    let descriptor = v.get("descriptor").unwrap_or(&Value::Null);
    ScanReport {
        tool: text(descriptor, "name").unwrap_or_else(|| "grype".into()),
        format: ReportFormat::GrypeJson,
        created: text(descriptor, "timestamp"),
        vulnerabilities: array(v, "matches").iter().map(grype_match).collect(),
    }
}

fn grype_match(m: &Value) -> Vulnerability {
    let vuln = m.get("vulnerability").unwrap_or(&Value::Null);
    let artifact = m.get("artifact").unwrap_or(&Value::Null);
    let related = array(m, "relatedVulnerabilities");
    let scores = std::iter::once(vuln)
        .chain(related)
        .flat_map(|x| array(x, "cvss"))
        .filter_map(|c| c.get("metrics")?.get("baseScore")?.as_f64());
    Vulnerability {
        id: text(vuln, "id").unwrap_or_default(),
        aliases: related.iter().filter_map(|r| text(r, "id")).collect(),
        severity: str_at(vuln, "severity").map_or(Severity::Unknown, Severity::from_word),
        cvss: max_score(scores),
        component: AffectedComponent {
            name: text(artifact, "name"),
            version: text(artifact, "version"),
            purl: text(artifact, "purl"),
        },
    }
}

pub(super) fn read_osv_scanner(v: &Value) -> ScanReport {
    let vulnerabilities = array(v, "results")
        .iter()
        .flat_map(|r| array(r, "packages"))
        .flat_map(osv_package)
        .collect();
    ScanReport {
        tool: "osv-scanner".into(),
        format: ReportFormat::OsvScannerJson,
        created: None,
        vulnerabilities,
    }
}

fn osv_package(p: &Value) -> Vec<Vulnerability> {
    let package = p.get("package").unwrap_or(&Value::Null);
    let component = AffectedComponent {
        name: text(package, "name"),
        version: text(package, "version"),
        purl: text(package, "purl"),
    };
    array(p, "vulnerabilities")
        .iter()
        .map(|v| {
            let id = text(v, "id").unwrap_or_default();
            let group_score = array(p, "groups")
                .iter()
                .filter(|g| texts(g, "ids").contains(&id))
                .filter_map(|g| str_at(g, "max_severity")?.trim().parse::<f64>().ok());
            let cvss = max_score(group_score);
            let word = v
                .get("database_specific")
                .and_then(|d| str_at(d, "severity"));
            Vulnerability {
                aliases: texts(v, "aliases"),
                severity: match (word.map(Severity::from_word), cvss) {
                    (Some(s), _) if s != Severity::Unknown => s,
                    (_, Some(score)) => Severity::from_score(score),
                    _ => Severity::Unknown,
                },
                cvss,
                component: component.clone(),
                id,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_trivy_vulnerabilities_with_purl_and_best_score() {
        let v = json!({"SchemaVersion": 2, "CreatedAt": "2026-09-28T10:00:00Z", "ArtifactName": ".",
            "Results": [{"Target": "requirements.txt", "Vulnerabilities": [
                {"VulnerabilityID": "CVE-2026-0001", "VendorIDs": ["GHSA-aaaa"], "PkgName": "numpy",
                 "InstalledVersion": "2.1.3", "PkgIdentifier": {"PURL": "pkg:pypi/numpy@2.1.3"},
                 "Severity": "HIGH", "CVSS": {"nvd": {"V2Score": 5.0, "V3Score": 7.5}, "ghsa": {"V3Score": 7.1}}}]},
                {"Target": "clean", "Vulnerabilities": null}]});
        assert!(is_trivy(&v));
        let r = read_trivy(&v);
        assert_eq!(r.created.as_deref(), Some("2026-09-28T10:00:00Z"));
        let x = &r.vulnerabilities[0];
        assert_eq!(
            (x.id.as_str(), x.severity, x.cvss),
            ("CVE-2026-0001", Severity::High, Some(7.5))
        );
        assert_eq!(x.aliases, ["GHSA-aaaa"]);
        assert_eq!(x.component.purl.as_deref(), Some("pkg:pypi/numpy@2.1.3"));
    }

    #[test]
    fn reads_grype_matches_with_related_ids_as_aliases() {
        let v = json!({"matches": [{"vulnerability": {"id": "GHSA-bbbb", "severity": "Critical",
                "cvss": [{"metrics": {"baseScore": 9.1}}]},
            "relatedVulnerabilities": [{"id": "CVE-2026-0002", "cvss": [{"metrics": {"baseScore": 9.8}}]}],
            "artifact": {"name": "openssl", "version": "3.0.2", "purl": "pkg:deb/debian/openssl@3.0.2"}}],
            "descriptor": {"name": "grype", "timestamp": "2026-09-20T08:00:00Z"}});
        assert!(is_grype(&v) && !is_trivy(&v));
        let r = read_grype(&v);
        let x = &r.vulnerabilities[0];
        assert_eq!((x.severity, x.cvss), (Severity::Critical, Some(9.8)));
        assert_eq!(x.aliases, ["CVE-2026-0002"]);
        assert_eq!(r.created.as_deref(), Some("2026-09-20T08:00:00Z"));
    }

    #[test]
    fn reads_osv_scanner_packages_with_group_severity() {
        let v = json!({"results": [{"source": {"path": "requirements.txt", "type": "lockfile"},
            "packages": [{"package": {"name": "jinja2", "version": "3.1.2", "ecosystem": "PyPI"},
              "vulnerabilities": [{"id": "GHSA-cccc", "aliases": ["CVE-2026-0003"]},
                                  {"id": "PYSEC-1", "database_specific": {"severity": "MODERATE"}}],
              "groups": [{"ids": ["GHSA-cccc", "CVE-2026-0003"], "max_severity": "8.1"}]}]}]});
        assert!(is_osv_scanner(&v) && !is_grype(&v));
        let r = read_osv_scanner(&v);
        let (a, b) = (&r.vulnerabilities[0], &r.vulnerabilities[1]);
        assert_eq!((a.severity, a.cvss), (Severity::High, Some(8.1)));
        assert_eq!(a.aliases, ["CVE-2026-0003"]);
        assert_eq!((b.severity, b.cvss), (Severity::Medium, None));
        assert_eq!(b.component.name.as_deref(), Some("jinja2"));
    }
}
