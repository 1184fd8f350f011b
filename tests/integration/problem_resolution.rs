//! MFDS-SWL-010 (problem reports ask for the safety impact; fixes name their problem report and,
//! for class C software, come with a regression test) on temporary repositories built here.

use crate::common::{commit_files as commit, findings_of, git, git_repo, rule_state, scan_json};
use serde_json::Value;
use std::path::Path;

const RULE: &str = "MFDS-SWL-010";

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.1.0\n  grade: 3\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: C}\n";

/// A GitHub issue form for bug reports that asks for the affected version and the safety impact.
pub(crate) const BUG_FORM: &str = "name: Bug report\nlabels: [bug]\nbody:\n  - type: input\n    id: version\n    attributes:\n      label: Affected version\n  - type: textarea\n    id: safety\n    attributes:\n      label: Safety impact\n";

const FEATURE_FORM: &str = "name: Feature request\nbody:\n  - type: textarea\n    attributes:\n      label: What should it do\n";

/// A product repository, released as v1.0.0, with these issue templates.
fn product_repo(templates: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![
        (".samdscan.yaml", CONFIG),
        ("src/pump/dose.py", "dose = 1\n"),
    ];
    files.extend_from_slice(templates);
    let dir = git_repo(&files);
    git(dir.path(), &["tag", "v1.0.0"]);
    dir
}

fn with_bug_form() -> tempfile::TempDir {
    product_repo(&[(".github/ISSUE_TEMPLATE/bug.yml", BUG_FORM)])
}

/// The one finding of the rule whose message contains `text`.
fn finding_with<'a>(report: &'a Value, text: &str) -> &'a Value {
    let found: Vec<&Value> = findings_of(report, RULE)
        .into_iter()
        .filter(|f| f["message"].as_str().unwrap().contains(text))
        .collect();
    assert_eq!(found.len(), 1, "{:?}", findings_of(report, RULE));
    found[0]
}

fn head_label(repo: &Path, subject: &str) -> String {
    let head = git(repo, &["rev-parse", "--short=7", "HEAD"]);
    format!("commit {} \"{subject}\"", head.trim())
}

#[test]
fn no_problem_report_template_fails_at_the_product_line() {
    let dir = product_repo(&[(".github/ISSUE_TEMPLATE/feature.yml", FEATURE_FORM)]);
    let report = scan_json(dir.path());
    let f = finding_with(&report, "no problem-report issue template");
    assert_eq!(f["path"], ".samdscan.yaml");
    assert_eq!(f["line"], 1);
    // A warning by default; the pump's class C system raises it (catalogue §0.3).
    assert_eq!(f["level"], "error");
}

#[test]
fn a_bug_form_with_a_safety_impact_field_passes() {
    let dir = with_bug_form();
    let report = scan_json(dir.path());
    assert!(findings_of(&report, RULE).is_empty());
    assert_eq!(rule_state(&report, RULE), "passed");
}

#[test]
fn a_korean_markdown_template_without_safety_field_fails_at_the_template() {
    let template =
        "---\nname: 결함 보고\nabout: 소프트웨어 결함을 보고합니다\n---\n## 증상\n\n**버전**:\n";
    let dir = product_repo(&[(".gitlab/issue_templates/결함.md", template)]);
    let report = scan_json(dir.path());
    let f = finding_with(&report, "does not ask for the safety impact");
    assert_eq!(f["path"], ".gitlab/issue_templates/결함.md");
}

#[test]
fn a_malformed_template_is_a_diagnostic_and_not_judged() {
    let dir = product_repo(&[(".github/ISSUE_TEMPLATE/bug.yml", "name: [broken\n")]);
    let report = scan_json(dir.path());
    assert!(findings_of(&report, RULE).is_empty());
    assert_eq!(rule_state(&report, RULE), "not_evaluated");
    let problems = findings_of(&report, "SAMDSCAN-004");
    assert!(
        problems
            .iter()
            .any(|f| f["path"] == ".github/ISSUE_TEMPLATE/bug.yml")
    );
}

#[test]
fn a_fix_without_a_problem_reference_fails_naming_the_commit() {
    let dir = with_bug_form();
    let repo = dir.path();
    commit(
        repo,
        &[
            ("src/pump/dose.py", "dose = min(dose, 10)\n"),
            ("tests/test_dose.py", "def test_clamp(): pass\n"),
        ],
        "fix: clamp dose",
    );
    let report = scan_json(repo);
    let f = finding_with(&report, "names no problem report");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.starts_with(&head_label(repo, "fix: clamp dose")),
        "{message}"
    );
    assert_eq!(f["path"], "src/pump/dose.py");
}

#[test]
fn a_fix_with_a_fixes_trailer_passes() {
    let dir = with_bug_form();
    commit(
        dir.path(),
        &[
            ("src/pump/dose.py", "dose = min(dose, 10)\n"),
            ("tests/test_dose.py", "def test_clamp(): pass\n"),
        ],
        "fix: clamp dose\n\nFixes: PR-12",
    );
    let report = scan_json(dir.path());
    assert!(
        findings_of(&report, RULE).is_empty(),
        "{:?}",
        findings_of(&report, RULE)
    );
}

#[test]
fn a_class_c_fix_without_a_test_change_fails_and_with_one_passes() {
    let dir = with_bug_form();
    let repo = dir.path();
    commit(
        repo,
        &[("src/pump/dose.py", "dose = min(dose, 10)\n")],
        "fix(pump): clamp dose\n\nFixes: PR-12",
    );
    let report = scan_json(repo);
    let f = finding_with(&report, "without changing a test");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.starts_with(&head_label(repo, "fix(pump): clamp dose")),
        "{message}"
    );
    assert_eq!(f["path"], "src/pump/dose.py");

    commit(
        repo,
        &[
            ("src/pump/dose.py", "dose = min(dose, 9)\n"),
            ("src/pump/dose_test.py", "def test_clamp(): pass\n"),
        ],
        "fix(pump): clamp dose lower\n\nFixes: PR-13",
    );
    let report = scan_json(repo);
    let untested: Vec<&Value> = findings_of(&report, RULE);
    assert_eq!(
        untested.len(),
        1,
        "only the first fix is untested: {untested:?}"
    );
}

#[test]
fn without_history_the_commit_checks_are_not_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_files(
        dir.path(),
        &[
            (".samdscan.yaml", CONFIG),
            (".github/ISSUE_TEMPLATE/bug.yml", BUG_FORM),
        ],
    );
    let report = scan_json(dir.path());
    assert_eq!(rule_state(&report, RULE), "not_evaluated");
}

#[test]
fn a_merge_naming_the_problem_covers_the_fix_and_the_test_it_brought_in() {
    let dir = with_bug_form();
    let repo = dir.path();
    git(repo, &["checkout", "-q", "-b", "fix-dose"]);
    commit(
        repo,
        &[("src/pump/dose.py", "dose = min(dose, 10)\n")],
        "fix: clamp dose",
    );
    commit(
        repo,
        &[("tests/regression/test_dose.py", "def test_clamp(): pass\n")],
        "test: dose regression",
    );
    git(repo, &["checkout", "-q", "-"]);
    crate::common::merge_no_ff(repo, "fix-dose", "Merge fix-dose (Fixes PR-12)");
    let report = scan_json(repo);
    assert!(
        findings_of(&report, RULE).is_empty(),
        "{:?}",
        findings_of(&report, RULE)
    );
    assert_eq!(rule_state(&report, RULE), "passed");
}
