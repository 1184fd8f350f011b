//! MFDS-SWL-005 per release on a repository shaped as teams keep verification records: code
//! under `src/`, one folder of system test reports per released version
//! (`docs/verification/reports/<version>/`), a release tag per version, each read from its
//! tagged tree (the work tree has moved on), in English and in Korean.

use crate::common::{
    findings_of, git_at, git_repo, rule, rule_state, samdscan_json, scan_as_of, sorted_messages,
    write_files,
};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "product:\n  name: CardioWatch\n  version: 1.4.0\n  grade: 2\n  software_systems:\n    - {name: app, paths: [\"src/**\"], safety_class: B}\n";

const JUNIT: &str =
    r#"<testsuite name="unit" tests="1"><testcase classname="t" name="a"/></testsuite>"#;

fn report(version: &str, date: &str, tester: &str) -> String {
    format!(
        "---\nversion: {version}\ndate: {date}\ntester: {tester}\n---\n# CardioWatch {version} system test report\n\n| Test case | Requirement | Result |\n|---|---|---|\n| TC-1 | REQ-1 | PASS |\n| TC-2 | REQ-2 | PASS |\n"
    )
}

fn korean_report(version: &str, date: &str) -> String {
    format!(
        "---\n버전: {version}\n시험일: {date}\n---\n# 심박지킴이 {version} 시스템 시험성적서\n\n| 시험 번호 | 결과 |\n|---|---|\n| TC-1 | 합격 |\n"
    )
}

/// Writes `files`, commits them on `date` and, with a tag name, tags the commit.
fn commit_on(repo: &Path, date: &str, files: &[(&str, &str)], message: &str, tag: Option<&str>) {
    write_files(repo, files);
    git_at(repo, date, &["add", "-A"]);
    git_at(repo, date, &["commit", "-q", "-m", message]);
    if let Some(tag) = tag {
        git_at(repo, date, &["tag", "-a", tag, "-m", tag]);
    }
}

/// v1.0.0 tested after its code; v1.1.0 tagged without a report of its own; v1.2.0 whose report
/// predates its last code change; v1.3.0 with a Korean report that names no tester. The work
/// tree then moves on to 1.4.0, with a complete report, which the releases cannot borrow.
fn released_repo() -> tempfile::TempDir {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("src/app.py", "rate = 1\n"),
        ("reports/junit.xml", JUNIT),
    ]);
    let repo = dir.path();
    let r100 = report("1.0.0", "2026-10-02", "J. Park");
    commit_on(
        repo,
        "2026-10-02T09:00:00Z",
        &[(
            "docs/verification/reports/1.0.0/system-test-report.md",
            &r100,
        )],
        "System tests of 1.0.0 (CR-2)",
        Some("v1.0.0"),
    );
    commit_on(
        repo,
        "2026-10-10T09:00:00Z",
        &[("src/app.py", "rate = 2\n")],
        "Raise the rate (CR-3)",
        None,
    );
    commit_on(
        repo,
        "2026-10-12T09:00:00Z",
        &[("CHANGELOG.md", "# Changelog\n## 1.1.0\n- rate 2\n")],
        "Release 1.1.0 (CR-4)",
        Some("v1.1.0"),
    );
    let r120 = report("1.2.0", "2026-10-15", "J. Park");
    commit_on(
        repo,
        "2026-10-16T09:00:00Z",
        &[(
            "docs/verification/reports/1.2.0/system-test-report.md",
            &r120,
        )],
        "System tests of 1.2.0 (CR-5)",
        None,
    );
    commit_on(
        repo,
        "2026-10-20T09:00:00Z",
        &[("src/app.py", "rate = 3\n")],
        "Late fix of the rate (CR-6)",
        Some("v1.2.0"),
    );
    let r130 = korean_report("1.3.0", "2026. 11. 2.");
    commit_on(
        repo,
        "2026-11-01T09:00:00Z",
        &[("src/app.py", "rate = 4\n")],
        "속도 조정 (CR-7)",
        None,
    );
    commit_on(
        repo,
        "2026-11-02T09:00:00Z",
        &[("docs/검증/1.3.0/시스템_시험성적서.md", &r130)],
        "1.3.0 시스템 시험 (CR-8)",
        Some("v1.3.0"),
    );
    let r140 = report("1.4.0", "2026-11-20", "J. Park");
    commit_on(
        repo,
        "2026-11-20T09:00:00Z",
        &[
            ("src/app.py", "rate = 5\n"),
            (
                "docs/verification/reports/1.4.0/system-test-report.md",
                &r140,
            ),
        ],
        "Start 1.4 (CR-9)",
        None,
    );
    dir
}

fn scan(repo: &Path) -> Value {
    scan_as_of(repo, "2026-12-01")
}

fn messages(report: &Value) -> Vec<String> {
    sorted_messages(report, "MFDS-SWL-005")
}

#[test]
fn each_tagged_tree_is_read_for_its_report_and_the_range_for_its_last_code_change() {
    let dir = released_repo();
    let (evidence, _) = samdscan_json(&["evidence"], dir.path());
    let facts = &evidence["history"]["release_tests"];
    let releases = facts["releases"].as_array().unwrap();
    let tags: Vec<&str> = releases
        .iter()
        .map(|r| r["tag"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["v1.3.0", "v1.2.0", "v1.1.0", "v1.0.0"]);
    let korean = &releases[0];
    assert_eq!(korean["previous"], "v1.2.0");
    assert_eq!(
        korean["reports"].as_array().unwrap().len(),
        3,
        "1.0.0's, 1.2.0's and its own"
    );
    let own = korean["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["version_matches"] == true)
        .unwrap();
    assert_eq!(own["path"], "docs/검증/1.3.0/시스템_시험성적서.md");
    assert_eq!(
        (own["date"].as_str(), own["tester"].as_str()),
        (Some("2026-11-02"), None)
    );
    assert_eq!(korean["last_code_change"]["subject"], "속도 조정 (CR-7)");
    assert_eq!(releases[1]["last_code_change"]["date"], "2026-10-20");
    assert_eq!(
        releases[3]["code_change"], "found",
        "the initial commit added the code"
    );
}

#[test]
fn the_rule_names_each_release_without_a_complete_recent_report() {
    let dir = released_repo();
    let report = scan(dir.path());
    assert_eq!(rule_state(&report, "MFDS-SWL-005"), "failed");
    assert_eq!(
        messages(&report),
        [
            "release v1.1.0: its tagged tree has no system test report whose version is 1.1.0 (Markdown verification reports there: docs/verification/reports/1.0.0/system-test-report.md (version 1.0.0))",
            "release v1.2.0: no system test report of version 1.2.0 in its tagged tree is a complete, passing record newer than its code: docs/verification/reports/1.2.0/system-test-report.md is dated 2026-10-15, before the last code change of the release (\"Late fix of the rate (CR-6)\", 2026-10-20)",
            "release v1.3.0: no system test report of version 1.3.0 in its tagged tree is a complete, passing record newer than its code: docs/검증/1.3.0/시스템_시험성적서.md names no tester",
        ]
        .map(|m| m.replace("(\"Late", &format!("({} \"Late", short_id(dir.path(), "v1.2.0")))),
    );
    let findings = findings_of(&report, "MFDS-SWL-005");
    assert!(findings.iter().all(|f| f["level"] == "error"));
    let evidence = rule(&report, "MFDS-SWL-005")["evidence"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        evidence.contains(&Value::from("reports/junit.xml")),
        "{evidence:?}"
    );
}

fn short_id(repo: &Path, rev: &str) -> String {
    git_at(
        repo,
        crate::common::TEST_DATE,
        &["rev-parse", "--short=7", &format!("{rev}^{{commit}}")],
    )
    .trim()
    .to_string()
}

#[test]
fn a_release_tested_after_its_code_passes_in_either_language() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("src/app.py", "rate = 1\n"),
        ("reports/junit.xml", JUNIT),
    ]);
    let repo = dir.path();
    let ko = "---\n버전: 1.0.0\n시험일: 2026년 10월 3일\n시험자: 김시험\n---\n# 시스템 시험성적서\n\n| 시험 번호 | 결과 |\n|---|---|\n| TC-1 | 합격 |\n";
    commit_on(
        repo,
        "2026-10-03T09:00:00Z",
        &[("docs/검증/시스템_시험성적서.md", ko)],
        "시스템 시험 (CR-2)",
        Some("v1.0.0"),
    );
    let report = scan(repo);
    assert_eq!(
        rule_state(&report, "MFDS-SWL-005"),
        "passed",
        "{:?}",
        messages(&report)
    );
}

#[test]
fn more_releases_than_the_limit_are_cut_with_a_diagnostic() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/app.py", "rate = 0\n")]);
    let repo = dir.path();
    for n in 1..=12 {
        let version = format!("1.{n}.0");
        let path = format!("docs/verification/reports/{version}/system-test-report.md");
        let text = report(&version, &format!("2026-10-{:02}", n + 1), "J. Park");
        let date = format!("2026-10-{:02}T09:00:00Z", n + 1);
        commit_on(
            repo,
            &date,
            &[("src/app.py", &format!("rate = {n}\n")), (&path, &text)],
            &format!("Release {version} (CR-{n})"),
            Some(&format!("v{version}")),
        );
    }
    let (evidence, _) = samdscan_json(&["evidence"], repo);
    let facts = &evidence["history"]["release_tests"];
    assert_eq!(
        (
            facts["in_window"].as_u64(),
            facts["releases"].as_array().unwrap().len()
        ),
        (Some(12), 10)
    );
    let diagnostics = evidence["diagnostics"].to_string();
    assert!(
        diagnostics.contains("12 release tags are in the support window; the system test report per release (MFDS-SWL-005) is checked for the newest 10 (down to v1.3.0)"),
        "{diagnostics}"
    );
}
