//! Test reports in JUnit XML (pytest `--junitxml`, surefire `TEST-*.xml`, cargo-nextest, jest-junit,
//! ctest, go-junit-report): counts of tests, failures, errors and skipped tests, the report's
//! timestamp, and the names of failing test cases.
//!
//! Counts come from the `<testcase>` elements themselves (a case with a `<failure>`, `<error>` or
//! `<skipped>` child), and the suites' own `tests`/`failures`/`errors`/`skipped` attributes are
//! kept as `stated`; a report with no test cases falls back to what its suites state.
//!
//! Verification and validation reports written in Markdown (a results table with PASS/FAIL)
//! are test reports too, with `format: markdown` (see `markdown`).

mod markdown;

pub(crate) use markdown::read_report as read_markdown_report;

use super::documents::{markdown_files_titled, records::records as dhf_records};
use super::extractor::{FileKind, Sniffer};
use super::read::xml_walk::{Node, attr, num, walk};
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::Value;

pub(super) struct JunitExtractor;

const TEST_REPORT_KINDS: &[FileKind] = &[
    FileKind {
        name: "test_report",
        globs: &[
            "junit*.xml",
            "*-junit.xml",
            "*_junit.xml",
            "TEST-*.xml",
            "test-results/**/*.xml",
            "test-reports/**/*.xml",
            "*test-report*.xml",
            "*test-results*.xml",
            "nextest/**/*.xml",
        ],
        sniffer: Some(Sniffer {
            extensions: &["xml"],
            test: looks_like_junit,
        }),
    },
    FileKind {
        name: "verification_report",
        globs: &[
            "*verification-report*.md",
            "*verification_report*.md",
            "*validation-report*.md",
            "*validation_report*.md",
            "*test-report*.md",
            "*test_report*.md",
            "test-reports/**/*.md",
            "*시험*성적서*.md",
            "*검증*보고서*.md",
        ],
        sniffer: None,
    },
];

fn looks_like_junit(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    text.contains("<testsuite") && (text.contains("<testcase") || text.contains("tests="))
}

/// At most this many failing test cases are named in the evidence. Cannot change a verdict: the
/// rules judge the counts, which count every case; the names only illustrate the finding.
pub(crate) const MAX_NAMED_FAILURES: usize = 50;

#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq)]
pub(crate) struct Counts {
    pub tests: u64,
    pub failures: u64,
    pub errors: u64,
    pub skipped: u64,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct TestReport {
    pub path: String,
    /// `junit` or `markdown`.
    pub format: &'static str,
    pub parsed: bool,
    pub error: Option<String>,
    /// An unfilled template (Markdown reports): it counts as no report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unfilled: bool,
    /// The version tested, as the report states it (Markdown reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Who ran the tests, as the report states it (Markdown reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tester: Option<String>,
    pub timestamp: Option<String>,
    pub suites: u64,
    #[serde(flatten)]
    pub counts: Counts,
    /// What the suites' attributes say, summed over the outermost suites.
    pub stated: Option<Counts>,
    /// `suite::case` names of failing or erroring cases (at most 50).
    pub failed_cases: Vec<String>,
}

impl Extractor for JunitExtractor {
    fn key(&self) -> &'static str {
        "test_reports"
    }

    fn kinds(&self) -> &'static [FileKind] {
        TEST_REPORT_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        // A coverage report inside a test-results folder is not a test report.
        let coverage = ctx.files("coverage");
        let mut reports: Vec<TestReport> = ctx
            .files("test_report")
            .iter()
            .filter(|p| !coverage.contains(p))
            .map(|p| read_report(ctx, p))
            .collect();
        reports.extend(
            markdown_reports(ctx)
                .iter()
                .map(|p| markdown::read_report(ctx, p)),
        );
        serde_json::to_value(reports).unwrap_or_default()
    }
}

/// Markdown V&V reports: by name, by title, or as test report records.
fn markdown_reports(ctx: &Context) -> Vec<String> {
    let mut paths: Vec<String> = ctx.files("verification_report").to_vec();
    paths.extend(
        dhf_records(ctx)
            .into_iter()
            .filter(|r| r.kind == "test_report")
            .map(|r| r.path),
    );
    paths.extend(markdown_files_titled(
        ctx,
        markdown::REPORT_TITLES,
        markdown::NOT_REPORT_TITLES,
    ));
    paths.sort();
    paths.dedup();
    paths
}

fn read_report(ctx: &Context, path: &str) -> TestReport {
    let mut report = TestReport {
        path: path.to_string(),
        format: "junit",
        ..TestReport::default()
    };
    let Some(text) = ctx.read_text(path) else {
        report.error = Some("could not be read (see diagnostics)".into());
        return report;
    };
    match parse_junit(&text, &mut report) {
        Ok(()) => report.parsed = true,
        Err(e) => {
            ctx.diagnose(path, format!("test report does not parse: {e}"));
            report.error = Some(e);
        }
    }
    report
}

/// State while walking one report.
#[derive(Default)]
struct Walk {
    cases: Counts,
    stated: Option<Counts>,
    suite: String,
    case: Option<(String, Outcome)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Passed,
    Failed,
    Errored,
    Skipped,
}

/// Reads a JUnit XML report's text into `report` (counts, suites, failing cases). The extractor
/// and the fuzz targets enter here.
pub(crate) fn parse_junit(text: &str, report: &mut TestReport) -> Result<(), String> {
    let mut w = Walk::default();
    walk(text, |node| {
        match node {
            Node::Start(stack, e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if stack.is_empty() && !matches!(name, "testsuites" | "testsuite") {
                    return Err(format!("not a JUnit report (root element <{name}>)"));
                }
                match name {
                    "testsuite" => {
                        report.suites += 1;
                        w.suite = attr(e, "name").unwrap_or_default();
                        if report.timestamp.is_none() {
                            report.timestamp = attr(e, "timestamp");
                        }
                        if !stack.iter().any(|s| s == "testsuite") {
                            add_stated(&mut w.stated, e);
                        }
                    }
                    "testcase" => {
                        w.case = Some((attr(e, "name").unwrap_or_default(), Outcome::Passed))
                    }
                    "failure" | "error" | "skipped" => mark(&mut w.case, name),
                    _ => {}
                }
            }
            Node::End("testcase") => finish_case(&mut w, report),
            Node::End(_) => {}
        }
        Ok(())
    })?;
    report.counts = if w.cases.tests > 0 {
        w.cases
    } else {
        w.stated.unwrap_or_default()
    };
    report.stated = w.stated;
    Ok(())
}

fn add_stated(stated: &mut Option<Counts>, e: &quick_xml::events::BytesStart) {
    let Some(tests) = num::<u64>(e, "tests") else {
        return;
    };
    let n = |k| num::<u64>(e, k).unwrap_or(0);
    let c = stated.get_or_insert_with(Counts::default);
    c.tests += tests;
    c.failures += n("failures");
    c.errors += n("errors");
    c.skipped += n("skipped") + n("disabled");
}

fn mark(case: &mut Option<(String, Outcome)>, child: &str) {
    if let Some((_, outcome)) = case {
        *outcome = match (child, *outcome) {
            ("error", _) => Outcome::Errored,
            ("failure", Outcome::Errored) => Outcome::Errored,
            ("failure", _) => Outcome::Failed,
            (_, Outcome::Passed) => Outcome::Skipped,
            (_, o) => o,
        };
    }
}

fn finish_case(w: &mut Walk, report: &mut TestReport) {
    let Some((name, outcome)) = w.case.take() else {
        return;
    };
    w.cases.tests += 1;
    match outcome {
        Outcome::Failed => w.cases.failures += 1,
        Outcome::Errored => w.cases.errors += 1,
        Outcome::Skipped => w.cases.skipped += 1,
        Outcome::Passed => {}
    }
    let failed = matches!(outcome, Outcome::Failed | Outcome::Errored);
    if failed && report.failed_cases.len() < MAX_NAMED_FAILURES {
        report.failed_cases.push(format!("{}::{name}", w.suite));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cases_and_keeps_stated_figures() {
        let xml = r#"<?xml version="1.0"?><testsuites><testsuite name="alarm" tests="4" failures="1" errors="1" skipped="1" timestamp="2026-10-01T10:00:00">
<testcase name="ok"/><testcase name="bad"><failure message="x"/></testcase><testcase name="boom"><error/></testcase>
<testcase name="later"><skipped/></testcase></testsuite></testsuites>"#;
        let mut r = TestReport::default();
        parse_junit(xml, &mut r).unwrap();
        let expected = Counts {
            tests: 4,
            failures: 1,
            errors: 1,
            skipped: 1,
        };
        assert_eq!(r.counts, expected);
        assert_eq!(r.stated, Some(expected));
        assert_eq!(r.failed_cases, ["alarm::bad", "alarm::boom"]);
        assert_eq!(r.timestamp.as_deref(), Some("2026-10-01T10:00:00"));
    }

    #[test]
    fn foreign_and_broken_xml_are_errors() {
        let mut r = TestReport::default();
        assert!(
            parse_junit("<coverage/>", &mut r)
                .unwrap_err()
                .contains("not a JUnit report")
        );
        assert!(
            parse_junit("<testsuite><testcase>", &mut r)
                .unwrap_err()
                .contains("never closed")
        );
    }
}
