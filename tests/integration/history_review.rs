//! MFDS-CHG-004 (reviewed integration: CODEOWNERS and review of safety-critical commits) and
//! MFDS-USE-002 (UI changes and usability re-evaluation) on temporary repositories built here.

use crate::common::{
    commit_files as commit, findings_of, git, git_repo, rule_state, scan_json, write_files,
};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.1.0\n  grade: 3\n  ui: true\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n  safety_critical_paths: [\"src/dose/**\"]\n  ui_paths: [\"src/ui/**\"]\n";

const OWNERS: &str = "* @pump/devs\n/src/dose/ @pump/safety\n/docs/risk/ @pump/safety\n";

/// A product repository with code owners: release v1.0.0, then work after it.
fn product_repo(codeowners: Option<&str>) -> tempfile::TempDir {
    let mut files = vec![
        (".samdscan.yaml", CONFIG),
        ("src/dose/calc.py", "dose = 1\n"),
        ("src/ui/screen.py", "label = 'Dose'\n"),
        ("docs/risk/risk-table.csv", "id,hazard\n"),
        (
            "docs/usability/use-specification.md",
            "# Use specification\n",
        ),
    ];
    if let Some(text) = codeowners {
        files.push((".github/CODEOWNERS", text));
    }
    let dir = git_repo(&files);
    git(dir.path(), &["tag", "v1.0.0"]);
    dir
}

/// The MFDS-CHG-004 findings anchored at `path`.
fn findings_at<'a>(report: &'a Value, path: &str) -> Vec<&'a Value> {
    let findings = findings_of(report, "MFDS-CHG-004");
    findings.into_iter().filter(|f| f["path"] == path).collect()
}

/// `rule` has exactly one finding, a warning naming HEAD (short id and subject) at `path`.
fn assert_one_finding_names_head(
    report: &Value,
    rule: &str,
    repo: &Path,
    subject: &str,
    path: &str,
) {
    let findings = findings_of(report, rule);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let message = findings[0]["message"].as_str().unwrap();
    let head = git(repo, &["rev-parse", "--short=7", "HEAD"]);
    let named = format!("commit {} \"{subject}\"", head.trim());
    assert!(message.starts_with(&named), "{message}");
    assert_eq!(findings[0]["path"], path);
    assert_eq!(findings[0]["level"], "warning");
}

#[test]
fn a_direct_commit_to_safety_critical_code_fails_naming_the_commit() {
    let dir = product_repo(Some(OWNERS));
    let repo = dir.path();
    commit(
        repo,
        &[("src/dose/calc.py", "dose = 2\n")],
        "Tweak dose (CR-3)",
    );
    let report = scan_json(repo);
    assert_one_finding_names_head(
        &report,
        "MFDS-CHG-004",
        repo,
        "Tweak dose (CR-3)",
        "src/dose/calc.py",
    );
}

#[test]
fn the_same_change_through_a_merge_or_with_a_review_trailer_passes() {
    let dir = product_repo(Some(OWNERS));
    let repo = dir.path();
    git(repo, &["checkout", "-q", "-b", "tweak"]);
    commit(
        repo,
        &[("src/dose/calc.py", "dose = 2\n")],
        "Tweak dose (CR-3)",
    );
    git(repo, &["checkout", "-q", "main"]);
    crate::common::merge_no_ff(repo, "tweak", "Merge pull request #4 from tweak");
    assert_eq!(rule_state(&scan_json(repo), "MFDS-CHG-004"), "passed");

    let dir = product_repo(Some(OWNERS));
    let repo = dir.path();
    let message = "Tweak dose (CR-3)\n\nReviewed-by: Kim <kim@example.com>";
    commit(repo, &[("src/dose/calc.py", "dose = 2\n")], message);
    assert_eq!(rule_state(&scan_json(repo), "MFDS-CHG-004"), "passed");
}

#[test]
fn codeowners_that_miss_the_safety_critical_path_fail() {
    // The tip is the tagged release, so the range is all history: the unreviewed initial
    // commit is a finding of its own, at the file it changed.
    let dir = product_repo(Some("* @pump/devs\n/docs/risk/ @pump/safety\nsrc/dose/\n"));
    let report = scan_json(dir.path());
    let findings = findings_at(&report, ".github/CODEOWNERS");
    assert_eq!(findings.len(), 1, "{findings:?}");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(
        message.contains("1 safety-critical file(s): src/dose/calc.py"),
        "{message}"
    );

    let dir = product_repo(None);
    let report = scan_json(dir.path());
    let findings = findings_at(&report, ".samdscan.yaml");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["line"], 8, "the safety_critical_paths line");
}

#[test]
fn codeowners_evidence_records_rules_owners_and_bad_lines() {
    let dir = product_repo(Some("* @pump/devs\n!src/x @a\n/src/dose/ @pump/safety\n"));
    let evidence = crate::common::evidence_json(dir.path(), &[]);
    let owners = &evidence["codeowners"];
    assert_eq!(owners["path"], ".github/CODEOWNERS");
    assert_eq!(owners["rules"].as_array().unwrap().len(), 2);
    let dose = owners["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "src/dose/calc.py")
        .unwrap();
    assert_eq!(dose["owners"], serde_json::json!(["@pump/safety"]));
    assert_eq!(dose["line"], 3);
    let diagnostic = &evidence["diagnostics"][0];
    assert_eq!(diagnostic["path"], ".github/CODEOWNERS");
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .starts_with("line 2:"),
        "{diagnostic}"
    );
}

#[test]
fn a_ui_change_needs_a_usability_update_or_trailer() {
    let dir = product_repo(Some(OWNERS));
    let repo = dir.path();
    commit(
        repo,
        &[("src/ui/screen.py", "label = 'Dose (U)'\n")],
        "Show units (CR-5)",
    );
    let report = scan_json(repo);
    assert_one_finding_names_head(
        &report,
        "MFDS-USE-002",
        repo,
        "Show units (CR-5)",
        "src/ui/screen.py",
    );

    let amended = "Show units (CR-5)\n\nUsability-Impact: none (copy only)";
    git(repo, &["commit", "-q", "--amend", "-m", amended]);
    assert_eq!(rule_state(&scan_json(repo), "MFDS-USE-002"), "passed");
}

#[test]
fn a_usability_file_change_in_the_range_covers_ui_changes() {
    let dir = product_repo(Some(OWNERS));
    let repo = dir.path();
    commit(
        repo,
        &[("src/ui/screen.py", "label = 'Dose (U)'\n")],
        "Show units (CR-5)",
    );
    let formative = (
        "docs/usability/formative-2.md",
        "# Formative evaluation 2\n",
    );
    commit(repo, &[formative], "Formative evaluation of units (CR-5)");
    assert_eq!(rule_state(&scan_json(repo), "MFDS-USE-002"), "passed");
}

#[test]
fn without_ui_paths_or_history_the_rules_say_why() {
    let config = CONFIG.replace("  ui_paths: [\"src/ui/**\"]\n", "");
    let dir = git_repo(&[(".samdscan.yaml", &config), ("src/ui/screen.py", "x = 1\n")]);
    assert_eq!(
        rule_state(&scan_json(dir.path()), "MFDS-USE-002"),
        "not_applicable"
    );

    let plain = tempfile::tempdir().unwrap();
    write_files(
        plain.path(),
        &[
            (".samdscan.yaml", CONFIG),
            ("src/dose/calc.py", "dose = 1\n"),
            (".github/CODEOWNERS", OWNERS),
        ],
    );
    let report = scan_json(plain.path());
    assert_eq!(rule_state(&report, "MFDS-CHG-004"), "not_evaluated");
    assert_eq!(rule_state(&report, "MFDS-USE-002"), "not_evaluated");
}
