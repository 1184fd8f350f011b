//! Verification and validation reports written in Markdown: a results table (a `Result`,
//! `Status`, `Verdict` or `결과` column holding PASS/FAIL) with the version tested, the date and
//! the tester (IEC 62304 §5.7.5), in front matter (`version:`, `date:`, `tester:`) or as
//! `Key: value` lines, in English or Korean (`버전`, `시험일`, `시험자`).
//! Found by name (`*verification-report*.md`, `test-reports/**/*.md`, ...), by title
//! ("Verification Report", "시험 성적서") or as a `type: test report` record. Each table row with
//! a verdict is a test; an unfilled template is marked so and counts as no report.

use super::{Counts, MAX_NAMED_FAILURES, TestReport};
use crate::evidence::Context;
use crate::evidence::documents::read_document;
use crate::evidence::documents::stated::{DATE_KEYS, VERSION_KEYS, stated_field};
use crate::evidence::read::tables::{Table, markdown_tables, normalise_header};

/// Title phrases (lower case) of V&V reports.
pub(super) const REPORT_TITLES: &[&str] = &[
    "verification report",
    "validation report",
    "verification and validation report",
    "verification & validation report",
    "v&v report",
    "test report",
    "test results",
    "test record",
    "검증 보고서",
    "밸리데이션 보고서",
    "시험 성적서",
    "시험성적서",
    "시험 결과",
];

/// Words that make a title with a test report's words some other document: a clinical
/// performance study report (`임상적 성능시험 결과보고서`, `Clinical test results`) is clinical
/// evidence (MFDS-CLN-001), not a software verification record.
pub(super) const NOT_REPORT_TITLES: &[&str] = &["임상", "clinical"];

const RESULT_HEADERS: &[&str] = &[
    "result",
    "results",
    "status",
    "outcome",
    "verdict",
    "passfail",
    "결과",
    "판정",
    "시험결과",
];

enum Verdict {
    Pass,
    Fail,
    Skip,
}

fn verdict(cell: &str) -> Option<Verdict> {
    let c = cell.trim().trim_matches(['*', '`', '_']).to_lowercase();
    let word = c.split([' ', '(', ':']).next().unwrap_or("");
    match word {
        "pass" | "passed" | "ok" | "✅" | "합격" | "적합" | "통과" => Some(Verdict::Pass),
        "fail" | "failed" | "ng" | "❌" | "불합격" | "부적합" | "실패" => {
            Some(Verdict::Fail)
        }
        "skip" | "skipped" | "n/a" | "blocked" | "not" | "미실시" => Some(Verdict::Skip),
        _ => None,
    }
}

/// The words that introduce the version tested, before the document's own version words.
const TESTED_VERSION_KEYS: &[&str] = &[
    "software version",
    "version tested",
    "tested version",
    "소프트웨어 버전",
    "시험 버전",
    "시험 대상 버전",
];

/// The words that introduce who ran the tests.
const TESTER_KEYS: &[&str] = &[
    "tester",
    "tested by",
    "test engineer",
    "performed by",
    "executed by",
    "시험자",
    "시험 담당자",
    "시험담당자",
];

/// Reads one Markdown V&V report.
pub(crate) fn read_report(ctx: &Context, path: &str) -> TestReport {
    let mut report = TestReport {
        path: path.to_string(),
        format: "markdown",
        ..TestReport::default()
    };
    let Some(doc) = read_document(ctx, path) else {
        report.error = Some("could not be read (see diagnostics)".into());
        return report;
    };
    if let Some(why) = doc.unfilled_reason {
        report.unfilled = true;
        report.error = Some(format!("an unfilled template ({why})"));
        return report;
    }
    report.version = stated_field(&doc, "software_version", TESTED_VERSION_KEYS)
        .or_else(|| stated_field(&doc, "version", VERSION_KEYS));
    report.tester = stated_field(&doc, "tester", TESTER_KEYS);
    report.timestamp = stated_field(&doc, "date", DATE_KEYS);
    match markdown_tables(&doc.text).iter().find_map(result_column) {
        Some((table, column)) => {
            count(table, column, &mut report);
            report.suites = 1;
            report.parsed = true;
        }
        None => {
            report.error =
                Some("no results table (a Result or Status column with PASS/FAIL)".into())
        }
    }
    report
}

fn result_column(table: &Table) -> Option<(&Table, usize)> {
    let column = table
        .header
        .iter()
        .position(|h| RESULT_HEADERS.contains(&normalise_header(h).as_str()))?;
    Some((table, column))
}

fn count(table: &Table, column: usize, report: &mut TestReport) {
    let mut counts = Counts::default();
    for row in &table.rows {
        match verdict(table.cell(row, column)) {
            Some(Verdict::Pass) => counts.tests += 1,
            Some(Verdict::Skip) => {
                counts.tests += 1;
                counts.skipped += 1;
            }
            Some(Verdict::Fail) => {
                counts.tests += 1;
                counts.failures += 1;
                if report.failed_cases.len() < MAX_NAMED_FAILURES {
                    report.failed_cases.push(table.cell(row, 0).to_string());
                }
            }
            None => {}
        }
    }
    report.counts = counts;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_in_english_and_korean() {
        let text = "| ID | Test | Result |\n|---|---|---|\n| TC-1 | Alarm | **PASS** |\n| TC-2 | Export | Fail (BUG-3) |\n| TC-3 | Logs | N/A |\n| TC-4 | x | 합격 |\n| | note | |\n";
        let tables = markdown_tables(text);
        let (table, column) = result_column(&tables[0]).unwrap();
        let mut r = TestReport::default();
        count(table, column, &mut r);
        let expected = Counts {
            tests: 4,
            failures: 1,
            errors: 0,
            skipped: 1,
        };
        assert_eq!(r.counts, expected);
        assert_eq!(r.failed_cases, ["TC-2"]);
    }
}
