//! The format-neutral reading of one vulnerability scan report (Trivy, Grype, OSV-Scanner or a
//! scanner's SARIF): which tool wrote it, when, and the vulnerabilities it lists, with severities
//! normalised to one scale so that policies need not know each scanner's words.

use serde::Serialize;

/// A vulnerability severity on the scale every scanner maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Unknown,
}

impl Severity {
    pub(super) const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Unknown,
    ];

    /// A scanner's severity word: Trivy `HIGH`, Grype `Negligible`, GitHub `MODERATE`...
    pub(super) fn from_word(word: &str) -> Severity {
        match word.trim().to_ascii_lowercase().as_str() {
            "critical" => Severity::Critical,
            "high" | "important" => Severity::High,
            "medium" | "moderate" => Severity::Medium,
            "low" | "negligible" | "minor" => Severity::Low,
            _ => Severity::Unknown,
        }
    }

    /// The CVSS v3 qualitative rating of a base score.
    pub(super) fn from_score(score: f64) -> Severity {
        match score {
            s if s >= 9.0 => Severity::Critical,
            s if s >= 7.0 => Severity::High,
            s if s >= 4.0 => Severity::Medium,
            s if s > 0.0 => Severity::Low,
            _ => Severity::Unknown,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Unknown => "unknown",
        }
    }
}

/// The package a vulnerability was found in.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct AffectedComponent {
    pub name: Option<String>,
    pub version: Option<String>,
    pub purl: Option<String>,
}

/// One vulnerability in one component.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Vulnerability {
    pub id: String,
    pub aliases: Vec<String>,
    pub severity: Severity,
    /// The highest CVSS base score the report gives, when it gives one.
    pub cvss: Option<f64>,
    pub component: AffectedComponent,
}

impl Vulnerability {
    /// High or critical, or scored CVSS 7 or more: what a release must triage.
    pub(super) fn is_serious(&self) -> bool {
        self.severity <= Severity::High || self.cvss.is_some_and(|s| s >= 7.0)
    }
}

/// Which report format a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ReportFormat {
    TrivyJson,
    GrypeJson,
    OsvScannerJson,
    Sarif,
}

/// One scan report as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ScanReport {
    pub tool: String,
    pub format: ReportFormat,
    /// The report's own timestamp, as written.
    pub created: Option<String>,
    pub vulnerabilities: Vec<Vulnerability>,
}

/// The highest of several scores.
pub(super) fn max_score(scores: impl IntoIterator<Item = f64>) -> Option<f64> {
    scores
        .into_iter()
        .filter(|s| s.is_finite())
        .fold(None, |max, s| Some(max.map_or(s, |m: f64| m.max(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_normalise_from_words_and_scores() {
        assert_eq!(Severity::from_word("CRITICAL"), Severity::Critical);
        assert_eq!(Severity::from_word("Negligible"), Severity::Low);
        assert_eq!(Severity::from_word("MODERATE"), Severity::Medium);
        assert_eq!(Severity::from_word("whatever"), Severity::Unknown);
        assert_eq!(Severity::from_score(9.8), Severity::Critical);
        assert_eq!(Severity::from_score(7.0), Severity::High);
        assert_eq!(Severity::from_score(0.0), Severity::Unknown);
        assert_eq!(max_score([5.0, 7.5, f64::NAN]), Some(7.5));
    }
}
