//! Coverage reports: lcov, Cobertura XML, JaCoCo XML, Istanbul/nyc JSON (coverage-final and
//! coverage-summary) and Go coverprofiles, recognised by name and by content.
//!
//! Each report yields totals (lines; branches where the format records them), per-file figures
//! and its timestamp, plus what the report itself states about its totals (so a report whose
//! figures disagree with its own header can be seen). Report paths are often absolute or relative
//! to another root, so files are matched to repository paths by suffix, and each software system
//! of the profile gets the coverage of its own paths (`systems`), judged by MFDS-SWL-004 against
//! the per-class thresholds of `verification.coverage`.

mod go;
mod istanbul;
mod lcov;
mod systems;
mod xml;

use super::extractor::{FileKind, Sniffer, extension};
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::{Value, json};

pub(super) struct CoverageExtractor;

const COVERAGE_KINDS: &[FileKind] = &[FileKind {
    name: "coverage",
    globs: &[
        "lcov.info",
        "*.lcov",
        "lcov-*.info",
        "coverage.xml",
        "cobertura*.xml",
        "*cobertura.xml",
        "jacoco*.xml",
        "coverage-final.json",
        "coverage-summary.json",
        "coverage.out",
        "cover.out",
        "*.coverprofile",
    ],
    sniffer: Some(Sniffer {
        extensions: &["xml", "info", "json", "out"],
        test: looks_like_coverage,
    }),
}];

/// True for the first bytes of a coverage report in one of the supported formats.
fn looks_like_coverage(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("TN:")
        || start.starts_with("SF:")
        || start.starts_with("mode: ")
        || text.contains("<coverage") && text.contains("line-rate")
        || text.contains("JACOCO//DTD")
        || text.contains("\"statementMap\"")
        || text.contains("\"total\"") && text.contains("\"lines\"") && text.contains("\"pct\"")
}

/// Covered and total units (lines, statements or branches).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counter {
    pub covered: u64,
    pub total: u64,
}

impl Counter {
    pub(super) const fn new(covered: u64, total: u64) -> Counter {
        Counter { covered, total }
    }

    pub(super) fn add(&mut self, other: Counter) {
        self.covered += other.covered;
        self.total += other.total;
    }

    /// Coverage in percent, rounded to two decimals; `None` when there is nothing to cover.
    pub(super) fn percent(self) -> Option<f64> {
        (self.total > 0)
            .then(|| (self.covered as f64 * 10000.0 / self.total as f64).round() / 100.0)
    }
}

impl Serialize for Counter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        json!({"covered": self.covered, "total": self.total, "percent": self.percent()})
            .serialize(s)
    }
}

/// The figures of one source file as the report names it.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct FileCoverage {
    /// The path as written in the report.
    pub name: String,
    /// The repository file it was matched to by suffix, if any.
    pub path: Option<String>,
    pub lines: Counter,
    pub branches: Option<Counter>,
}

/// What a report says about its own totals, where it says it.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub(crate) struct Stated {
    pub lines: Option<Counter>,
    pub branches: Option<Counter>,
    /// Cobertura's `line-rate` / `branch-rate` (0..1).
    pub line_rate: Option<f64>,
    pub branch_rate: Option<f64>,
}

/// A parsed report, before its files are matched to the repository.
#[derive(Debug, Default)]
pub(crate) struct ParsedCoverage {
    pub files: Vec<FileCoverage>,
    pub stated: Stated,
    pub timestamp: Option<String>,
    /// Go reports statements, not lines.
    pub unit: &'static str,
}

#[derive(Debug, Default, Serialize)]
pub(super) struct Computed {
    pub lines: Counter,
    pub branches: Option<Counter>,
}

#[derive(Debug, Serialize)]
pub(super) struct CoverageReport {
    pub path: String,
    /// `lcov`, `cobertura`, `jacoco`, `istanbul`, `istanbul-summary`, `go`, or `unknown`.
    pub format: &'static str,
    pub parsed: bool,
    pub error: Option<String>,
    pub timestamp: Option<String>,
    pub unit: &'static str,
    /// The report's totals: as the report states them, else computed from its files.
    pub lines: Counter,
    pub branches: Option<Counter>,
    /// The headline percentages: stated counts, else stated rates, else computed.
    pub line_percent: Option<f64>,
    pub branch_percent: Option<f64>,
    pub stated: Stated,
    /// Totals computed from the per-file figures (they can disagree with what a tool states).
    pub computed: Computed,
    pub files: Vec<FileCoverage>,
}

impl Extractor for CoverageExtractor {
    fn key(&self) -> &'static str {
        "coverage"
    }

    fn kinds(&self) -> &'static [FileKind] {
        COVERAGE_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let mut reports: Vec<CoverageReport> = ctx
            .files("coverage")
            .iter()
            .map(|p| read_report(ctx, p))
            .collect();
        let resolver = systems::PathResolver::new(ctx);
        for r in &mut reports {
            for f in &mut r.files {
                f.path = resolver.resolve(&f.name);
            }
        }
        json!({
            "thresholds": systems::thresholds(ctx.config),
            "reports": reports,
            "systems": systems::per_system(ctx, &reports),
        })
    }
}

fn read_report(ctx: &Context, path: &str) -> CoverageReport {
    let mut report = CoverageReport {
        path: path.to_string(),
        format: "unknown",
        parsed: false,
        error: None,
        timestamp: None,
        unit: "lines",
        lines: Counter::default(),
        branches: None,
        line_percent: None,
        branch_percent: None,
        stated: Stated::default(),
        computed: Computed::default(),
        files: vec![],
    };
    let Some(text) = ctx.read_text(path) else {
        report.error = Some("could not be read (see diagnostics)".into());
        return report;
    };
    let (format, parsed) = parse_report(path, &text);
    report.format = format;
    match parsed {
        Ok(parsed) => fill(&mut report, parsed),
        Err(e) => {
            ctx.diagnose(path, format!("coverage report does not parse: {e}"));
            report.error = Some(e);
        }
    }
    report
}

fn fill(report: &mut CoverageReport, parsed: ParsedCoverage) {
    report.parsed = true;
    report.timestamp = parsed.timestamp;
    report.stated = parsed.stated;
    report.unit = if parsed.unit.is_empty() {
        "lines"
    } else {
        parsed.unit
    };
    let computed = &mut report.computed;
    for f in &parsed.files {
        computed.lines.add(f.lines);
        if let Some(b) = f.branches {
            computed
                .branches
                .get_or_insert_with(Counter::default)
                .add(b);
        }
    }
    report.lines = report.stated.lines.unwrap_or(computed.lines);
    report.branches = report.stated.branches.or(computed.branches);
    let from_rate = |rate: Option<f64>| rate.map(|r| (r * 10000.0).round() / 100.0);
    report.line_percent = match report.stated.lines {
        Some(c) => c.percent(),
        None => from_rate(report.stated.line_rate).or(report.lines.percent()),
    };
    report.branch_percent = match report.stated.branches {
        Some(c) => c.percent(),
        // `branch-rate="0"` with no branch measured means "not measured", not 0 %.
        None => from_rate(report.stated.branch_rate)
            .filter(|r| *r > 0.0 || report.branches.is_some())
            .or(report.branches.and_then(Counter::percent)),
    };
    report.files = parsed.files;
    report.files.sort_by(|a, b| a.name.cmp(&b.name));
}

fn detect_format(path: &str, text: &str) -> &'static str {
    let start = text.trim_start();
    match extension(path).as_str() {
        _ if start.starts_with('<') => {
            if text.contains("<report") && !text.contains("<coverage") {
                "jacoco"
            } else {
                "cobertura"
            }
        }
        _ if start.starts_with('{') => {
            if start.contains("\"statementMap\"") {
                "istanbul"
            } else {
                "istanbul-summary"
            }
        }
        _ if start.starts_with("mode:") => "go",
        "xml" => "cobertura",
        "json" => "istanbul",
        "out" | "coverprofile" => "go",
        _ => "lcov",
    }
}

/// Reads a coverage report's text in the format its path and content show: the format's name
/// and the report, or the parse error. The extractor and the fuzz targets enter here.
pub(crate) fn parse_report(
    path: &str,
    text: &str,
) -> (&'static str, Result<ParsedCoverage, String>) {
    let format = detect_format(path, text);
    (format, parse(format, text))
}

fn parse(format: &str, text: &str) -> Result<ParsedCoverage, String> {
    match format {
        "jacoco" => xml::parse_jacoco(text),
        "cobertura" => xml::parse_cobertura(text),
        "istanbul" => istanbul::parse_final(text),
        "istanbul-summary" => istanbul::parse_summary(text),
        "go" => go::parse(text),
        _ => lcov::parse(text),
    }
}

/// An ISO 8601 UTC time from a Unix timestamp in seconds or milliseconds.
pub(super) fn unix_timestamp(text: &str) -> Option<String> {
    let n: i64 = text.trim().parse().ok()?;
    let seconds = if n > 100_000_000_000 { n / 1000 } else { n };
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_and_handles_empty() {
        let c = Counter::new(2, 3);
        assert_eq!(c.percent(), Some(66.67));
        assert_eq!(Counter::default().percent(), None);
    }

    #[test]
    fn formats_are_detected_by_content_first() {
        assert_eq!(detect_format("x.xml", "<?xml?><report name='a'>"), "jacoco");
        assert_eq!(
            detect_format("x.txt", "<coverage line-rate='1'>"),
            "cobertura"
        );
        assert_eq!(
            detect_format("c.json", "{\"total\": {}}"),
            "istanbul-summary"
        );
        assert_eq!(detect_format("c.out", "mode: set\n"), "go");
        assert_eq!(detect_format("lcov.info", "TN:\n"), "lcov");
    }

    #[test]
    fn timestamps_in_seconds_and_milliseconds() {
        assert_eq!(
            unix_timestamp("1755000000").as_deref(),
            Some("2025-08-12T12:00:00Z")
        );
        assert_eq!(
            unix_timestamp("1538234462781").as_deref(),
            Some("2018-09-29T15:21:02Z")
        );
        assert_eq!(unix_timestamp("soon"), None);
    }
}
