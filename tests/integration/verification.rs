//! Verification, risk and traceability evidence end to end: `samdscan trace`, the risk report's
//! currency against release tags (MFDS-RSK-004), and bad verification inputs, which give
//! diagnostics naming the file and never a panic or a silent pass.

use crate::common::{git, git_repo, samdscan, write_files};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn evidence(dir: &Path) -> Value {
    crate::common::evidence_json(dir, &[])
}

fn findings(dir: &Path, rule: &str) -> Vec<Value> {
    let report = crate::common::scan_json(dir);
    let all = report["findings"].as_array().unwrap();
    all.iter()
        .filter(|f| f["rule_id"] == rule)
        .cloned()
        .collect()
}

#[test]
fn trace_prints_the_matrix_as_markdown_and_csv() {
    let dir = crate::common::import_example("06-untested-requirements");
    let repo = crate::common::example_repo(&dir, "06-untested-requirements");
    let md = samdscan().arg("trace").arg(&repo).output().unwrap();
    assert_eq!(md.status.code(), Some(0));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("| REQ-3 | Suggest a correction dose | docs/requirements/srs.md:11 |  | RC-3 (RSK-3) | untested |"), "{md}");
    assert!(
        md.contains("| REQ-9 |  |  | tests/test_dosing.py:6 |  | unknown-requirement |"),
        "{md}"
    );
    let csv = samdscan()
        .args(["trace", "--format", "csv"])
        .arg(&repo)
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("requirement,title,defined_at,verified_by,risk_controls,status\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",,docs/risk/risk-table.csv:4,,RC-4 (RSK-3),control-unlinked\n"),
        "{csv}"
    );
}

/// Commits everything in `dir` at `date` (committer and author).
fn commit_at(dir: &Path, date: &str, message: &str) {
    git(dir, &["add", "-A"]);
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            message,
        ])
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn risk_report_older_than_the_latest_release_is_reported() {
    let repo = git_repo(&[(
        "docs/risk/risk-management-report.md",
        "# Risk management report\n\nVersion: 1.0.0\n",
    )]);
    write_files(repo.path(), &[("src/app.py", "print(1)\n")]);
    commit_at(repo.path(), "2027-03-01T10:00:00Z", "Release 1.1 (CR-2)");
    git(repo.path(), &["tag", "v1.1.0"]);
    let currency = &evidence(repo.path())["risks"]["currency"];
    assert_eq!(currency["latest_release"]["tag"], "v1.1.0");
    assert_eq!(currency["latest_release"]["date"], "2027-03-01");
    assert_eq!(currency["reports"][0]["last_changed"], "2026-10-01");
    assert_eq!(currency["reports"][0]["stated_version"], "1.0.0");
    let found = findings(repo.path(), "MFDS-RSK-004");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["path"], "docs/risk/risk-management-report.md");

    write_files(
        repo.path(),
        &[(
            "docs/risk/risk-management-report.md",
            "# Risk management report\n\nVersion: 1.1.0\n",
        )],
    );
    commit_at(
        repo.path(),
        "2027-03-02T10:00:00Z",
        "Review risk for 1.1 (CR-3)",
    );
    assert!(findings(repo.path(), "MFDS-RSK-004").is_empty());
    // At the release itself (--rev), the report had not been reviewed yet.
    let out = samdscan()
        .args([
            "scan",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--rev",
            "v1.1.0",
        ])
        .arg(repo.path())
        .output()
        .unwrap();
    let at_release: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stale = at_release["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "MFDS-RSK-004")
        .count();
    assert_eq!(stale, 1, "{at_release}");
}

#[test]
fn risk_report_currency_is_not_evaluated_without_git() {
    let dir = tempfile::tempdir().unwrap();
    write_files(
        dir.path(),
        &[(
            "docs/risk/risk-management-report.md",
            "# RMR\n\nVersion 1.0.\n",
        )],
    );
    let report = crate::common::scan_json(dir.path());
    let rule = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "MFDS-RSK-004")
        .unwrap();
    assert_eq!(rule["state"], "not_evaluated", "{rule}");
}

#[test]
fn bad_verification_inputs_give_diagnostics_naming_the_file() {
    let repo = git_repo(&[
        (
            ".samdscan.yaml",
            "product:\n  software_systems:\n    - {name: app, paths: [\"src/**\"], safety_class: B}\nevidence:\n  max_file_size: 2KiB\n",
        ),
        ("coverage.xml", "<coverage line-rate=\"1\"><packages>"),
        (
            "reports/junit.xml",
            "<testsuite><testcase name=\"a\"></testsuite>",
        ),
        ("docs/requirements/srs.yaml", "requirements: [unclosed\n"),
        (
            "test-results/coverage.xml",
            "<coverage line-rate=\"1\"><packages/></coverage>",
        ),
        (
            "docs/risk/risk-table.csv",
            "id,hazard\nRSK-1,\"open quote\n",
        ),
    ]);
    write_files(
        repo.path(),
        &[("lcov.info", &"SF:a.c\nDA:1,1\n".repeat(400))],
    );
    std::fs::write(
        repo.path().join("docs/requirements/SRS-latin1.md"),
        b"## REQ-1: Caf\xe9\n",
    )
    .unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "Bad inputs (CR-2)"]);
    let ev = evidence(repo.path());
    let diagnosed: Vec<&str> = ev["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    for path in [
        "coverage.xml",
        "reports/junit.xml",
        "docs/requirements/srs.yaml",
        "docs/risk/risk-table.csv",
        "lcov.info",
        "docs/requirements/SRS-latin1.md",
    ] {
        assert!(
            diagnosed.contains(&path),
            "{path} has no diagnostic: {diagnosed:?}"
        );
    }
    assert_eq!(ev["coverage"]["reports"][0]["parsed"], false);
    let test_reports = ev["test_reports"].as_array().unwrap();
    assert_eq!(
        test_reports.len(),
        1,
        "a coverage report is not a test report"
    );
    assert_eq!(
        ev["test_reports"].as_array().unwrap().len(),
        1,
        "a coverage report is not a test report"
    );
    assert_eq!(ev["test_reports"][0]["parsed"], false);
    let coverage = findings(repo.path(), "MFDS-SWL-004");
    assert!(
        coverage.iter().any(|f| f["path"] == "coverage.xml"),
        "{coverage:?}"
    );
}

#[test]
fn korean_fmea_and_yaml_risk_tables_are_read_loosely() {
    let repo = git_repo(&[
        (
            "docs/risk/fmea.csv",
            "번호;위해요인;위해 상황;위해;심각도;발생 가능성;위험 통제 조치;잔여 위험;검증\nRSK-1;경보 누락;의료진 미인지;사망;치명적;희박;RC-1, RC-2;수용 가능;TC-1\n",
        ),
        (
            "docs/risk/hazard-analysis.yaml",
            "risks:\n  - id: RSK-9\n    hazard: Overdose\n    severity: 4 (Critical)\n    probability: Frequent\n    risk_controls: []\n",
        ),
    ]);
    let ev = evidence(repo.path());
    let tables = ev["risks"]["tables"].as_array().unwrap();
    let fmea = tables
        .iter()
        .find(|t| t["path"] == "docs/risk/fmea.csv")
        .unwrap();
    assert_eq!(fmea["missing_columns"], serde_json::json!([]), "{fmea}");
    let row = &fmea["rows"][0];
    assert_eq!(
        (
            &row["severity_rank"],
            &row["probability_rank"],
            &row["score"]
        ),
        (&5.into(), &2.into(), &10.into())
    );
    assert_eq!(row["risk_controls"], serde_json::json!(["RC-1", "RC-2"]));
    let yaml = tables.iter().find(|t| t["format"] == "yaml").unwrap();
    assert_eq!(yaml["rows"][0]["score"], 20);
    let found = findings(repo.path(), "MFDS-RSK-002");
    assert!(
        found
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("RSK-9") && f["line"] == 2),
        "{found:?}"
    );
}
