//! Design-history files (DHF) kept in git the way real teams keep them: each submodule builds one
//! small product repository in one public convention (front matter records, Markdown tables in a
//! few big documents, a Korean DHF, doorstop, StrictDoc, sphinx-needs), with decoys (an unfilled template, a template record),
//! and checks the state of EVERY rule against a table written by judgement from what the
//! repository holds, and the evidence each passed document rule read.
//!
//! The product around the DHF is example 01's (source, SBOM, VEX, scans, coverage, labeling,
//! clinical, PMS and security documents, CODEOWNERS, issue template): only the parts of the DHF
//! each convention writes differently are replaced.

#[path = "dhf/doorstop.rs"]
mod doorstop;
#[path = "dhf/front_matter.rs"]
mod front_matter;
#[path = "dhf/korean.rs"]
mod korean;
#[path = "dhf/markdown_tables.rs"]
mod markdown_tables;
#[path = "dhf/sphinx_needs.rs"]
mod sphinx_needs;
#[path = "dhf/strictdoc.rs"]
mod strictdoc;

use crate::common::{example_repo, git, import_example, samdscan_json, write_files};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Example 01's files that are its DHF, replaced by each convention's own.
const EXAMPLE_DHF: &[&str] = &[
    "docs/requirements",
    "docs/risk",
    "docs/sdlc",
    "docs/security/vulnerability-management-plan.md",
    "docs/verification",
    "tests",
    "reports/junit.xml",
    "CHANGELOG.md",
];

/// Example 01's requirements and tests, replaced by conventions that keep only those differently.
const EXAMPLE_REQUIREMENTS: &[&str] = &["docs/requirements", "tests", "reports/junit.xml"];

/// Which of example 01's files a convention replaces.
pub enum Replacing {
    /// Its whole DHF (requirements, risk file, plans, tests, change log).
    Dhf,
    /// Its requirements and tests only.
    Requirements,
}

/// What a checked repository showed: the scan's report and the evidence document.
pub struct Checked {
    pub report: Value,
    pub evidence: Value,
}

/// Builds the example product with `files` in place of what `replacing` names, scans it, and
/// checks every rule's state against `expected` and the (passed, failed, not applicable, not
/// evaluated) counts against `figures`.
pub fn checked(
    replacing: Replacing,
    files: &[(String, String)],
    expected: &[(&str, &str)],
    figures: [usize; 4],
) -> Checked {
    let example_files = match replacing {
        Replacing::Dhf => EXAMPLE_DHF,
        Replacing::Requirements => EXAMPLE_REQUIREMENTS,
    };
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (_dir, repo) = product_replacing(example_files, &borrowed);
    let report = scan(&repo);
    assert_states(&report, expected);
    assert_eq!(
        counts(&report),
        figures,
        "passed, failed, not applicable, not evaluated"
    );
    Checked {
        evidence: evidence(&repo),
        report,
    }
}

/// A convention that keeps only the requirements differently: `files` plus the passing JUnit
/// report and the Python tests (naming what they verify by `mark`, see [`python_tests`]),
/// checked to leave every rule as example 01 has it.
pub fn checked_requirements(
    mut files: Vec<(String, String)>,
    mark: &str,
    ids: [&str; 3],
) -> Checked {
    files.push(("reports/junit.xml".into(), JUNIT.into()));
    files.extend(python_tests(mark, ids));
    checked(
        Replacing::Requirements,
        &files,
        &example_states(),
        [45, 0, 25, 3],
    )
}

/// Owned (path, text) pairs.
pub fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

/// The `field` of each item of the array at `pointer` in `value`.
pub fn fields_at<'a>(value: &'a Value, pointer: &str, field: &str) -> Vec<&'a str> {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|item| item[field].as_str().unwrap_or_default())
        .collect()
}

fn product_replacing(example_files: &[&str], dhf: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = import_example("01-cardiowatch-compliant");
    let repo = example_repo(&dir, "01-cardiowatch-compliant");
    for path in example_files {
        git(&repo, &["rm", "-rq", path]);
    }
    // The layouts keep risks under their own ids, so the example's use scenario, which cites
    // the example's risk row RSK-9, would cite a row these products do not have.
    let usability = repo.join("docs/usability/usability-engineering-file.md");
    let text = std::fs::read_to_string(&usability).unwrap();
    let uncited = text.replace(
        "UE-1 alarm acknowledged for the wrong patient (risk table RSK-9).",
        "Alarm acknowledged for the wrong patient.",
    );
    assert_ne!(text, uncited, "the example's use scenario changed");
    std::fs::write(&usability, uncited).unwrap();
    write_files(&repo, dhf);
    git(&repo, &["add", "-A"]);
    git(
        &repo,
        &[
            "commit",
            "-qm",
            "Keep the design history file in our own layout (CR-2)",
            "-m",
            "Reviewed-by: Quality Assurance <qa@example.com>",
        ],
    );
    (dir, repo)
}

/// The scan's JSON report.
fn scan(repo: &Path) -> Value {
    samdscan_json(&["scan", "--format", "json", "--fail-on", "never"], repo).0
}

/// Every rule's state, by id.
fn states(report: &Value) -> BTreeMap<String, String> {
    report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().into(),
                r["state"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// Checks every rule's state against `expected` exactly, naming each difference and the
/// findings of the rules that differ.
fn assert_states(report: &Value, expected: &[(&str, &str)]) {
    let actual = states(report);
    let expected: BTreeMap<String, String> = expected
        .iter()
        .map(|(id, s)| (id.to_string(), s.to_string()))
        .collect();
    let ids: std::collections::BTreeSet<&String> = actual.keys().chain(expected.keys()).collect();
    let wrong: Vec<String> = ids
        .into_iter()
        .filter(|id| actual.get(*id) != expected.get(*id))
        .map(|id| {
            format!(
                "{id}: expected {:?}, got {:?}: {:?}",
                expected.get(id),
                actual.get(id),
                messages(report, id)
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "rule states differ:\n{}",
        wrong.join("\n")
    );
}

/// The messages of `rule`'s findings.
pub fn messages(report: &Value, rule: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The state counts (passed, failed, not applicable, not evaluated) of a report, the figures the
/// issue asks for per repository.
fn counts(report: &Value) -> [usize; 4] {
    let s = states(report);
    let n = |state: &str| s.values().filter(|v| *v == state).count();
    [
        n("passed"),
        n("failed"),
        n("not_applicable"),
        n("not_evaluated"),
    ]
}

/// The evidence document of the repository (`samdscan evidence`).
fn evidence(repo: &Path) -> Value {
    samdscan_json(&["evidence"], repo).0
}

/// The paths of the documents of `kind` that count (not unfilled templates).
pub fn documents_of(evidence: &Value, kind: &str) -> Vec<String> {
    evidence["documents"][kind]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["unfilled"] != true)
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect()
}

/// The rules every DHF convention leaves as example 01 has them: AI, generative AI and
/// combination-product rules are not applicable, the rules a repository cannot show are not
/// observable, release-tag signing and the SBOM per release are not evaluated (no tags), and the
/// rest pass.
pub fn example_states() -> Vec<(&'static str, &'static str)> {
    let mut states: Vec<(&str, &str)> = [
        "MFDS-AI-001",
        "MFDS-AI-002",
        "MFDS-AI-003",
        "MFDS-AI-004",
        "MFDS-AI-005",
        "MFDS-AI-006",
        "MFDS-AI-007",
        "MFDS-AI-008",
        "MFDS-AI-009",
        "MFDS-DCP-001",
        "MFDS-GAI-001",
        "MFDS-GAI-002",
        "MFDS-GAI-003",
        "MFDS-GAI-004",
        "MFDS-INT-001",
        "MFDS-INT-002",
        "MFDS-INT-003",
        "MFDS-LBL-002",
        "MFDS-QMS-002",
        // No certified component in the evidence index.
        "MFDS-QMS-004",
        "MFDS-USE-002",
        // No waivers and no rule ids in the config: the config rules judge nothing.
        "SAMDSCAN-001",
        "SAMDSCAN-002",
        "SAMDSCAN-003",
        "SAMDSCAN-005",
    ]
    .iter()
    .map(|id| (*id, "not_applicable"))
    .collect();
    states.extend([
        ("MFDS-QMS-003", "not_observable"),
        ("MFDS-CYB-011", "not_evaluated"),
        ("MFDS-CYB-016", "not_evaluated"),
        ("MFDS-CHG-002", "not_evaluated"),
    ]);
    for id in [
        "MFDS-CHG-001",
        "MFDS-CHG-003",
        "MFDS-CHG-004",
        "MFDS-CLN-001",
        "MFDS-CLN-002",
        "MFDS-CYB-001",
        "MFDS-CYB-002",
        "MFDS-CYB-003",
        "MFDS-CYB-004",
        "MFDS-CYB-005",
        "MFDS-CYB-006",
        "MFDS-CYB-007",
        "MFDS-CYB-008",
        "MFDS-CYB-009",
        "MFDS-CYB-010",
        "MFDS-CYB-012",
        "MFDS-CYB-013",
        "MFDS-CYB-014",
        "MFDS-CYB-015",
        "MFDS-CYB-017",
        "MFDS-GEN-001",
        "MFDS-GEN-002",
        "MFDS-GEN-003",
        "MFDS-GEN-004",
        "MFDS-LBL-001",
        "MFDS-PMS-001",
        "MFDS-PMS-002",
        "MFDS-QMS-001",
        "MFDS-RSK-001",
        "MFDS-RSK-002",
        "MFDS-RSK-003",
        "MFDS-RSK-004",
        "MFDS-RSK-005",
        "MFDS-SWL-001",
        "MFDS-SWL-002",
        "MFDS-SWL-003",
        "MFDS-SWL-004",
        "MFDS-SWL-005",
        "MFDS-SWL-006",
        "MFDS-SWL-007",
        "MFDS-SWL-008",
        "MFDS-SWL-009",
        "MFDS-SWL-010",
        "MFDS-USE-001",
        "SAMDSCAN-004",
    ] {
        states.push((id, "passed"));
    }
    states
}

/// `example_states` with the states of `changed` rules replaced.
pub fn example_states_but(
    changed: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let mut states = example_states();
    for (id, state) in changed {
        let slot = states
            .iter_mut()
            .find(|(i, _)| i == id)
            .expect("a known rule");
        slot.1 = state;
    }
    states
}

/// The Python tests of the product; `mark` (with `{id}` for the requirement id) is the line in
/// each test that names what it verifies, empty for none.
fn python_tests(mark: &str, ids: [&str; 3]) -> [(String, String); 2] {
    let line = |id: &str| match mark {
        "" => String::new(),
        _ => format!("    {}\n", mark.replace("{id}", id)),
    };
    [
        (
            "tests/test_ecg.py".into(),
            format!(
                "from src.ingest.ecg import heart_rate\n\n\ndef test_heart_rate():\n{}    assert heart_rate([1000.0, 1000.0]) == 60.0\n\n\ndef test_empty():\n{}    pass\n",
                line(ids[0]),
                line(ids[1])
            ),
        ),
        (
            "tests/test_alarm.py".into(),
            format!(
                "from src.alarm.threshold import should_alarm\n\n\ndef test_thresholds():\n{}    assert should_alarm(150.0)\n",
                line(ids[2])
            ),
        ),
    ]
}

/// A passing JUnit report of the Python tests.
const JUNIT: &str = r#"<testsuite name="cw" tests="3"><testcase name="test_heart_rate"/><testcase name="test_empty"/><testcase name="test_thresholds"/></testsuite>"#;

/// A risk management report found by its title is judged for currency like one found by name.
#[test]
fn a_report_found_by_title_is_judged_for_currency() {
    let repo = crate::common::git_repo(&[
        (
            "docs/rmr.md",
            "# Risk Management Report\n\n- Version: 1.0.0\n\nThe residual risk is acceptable.\n",
        ),
        (
            "docs/old-rmr-template.md",
            "# Risk Management Report\n\n## Conclusions\n\n## Review\n",
        ),
    ]);
    git(repo.path(), &["tag", "v1.0.0"]);
    let currency = &evidence(repo.path())["risks"]["currency"];
    assert_eq!(fields_at(currency, "/reports", "path"), ["docs/rmr.md"]);
    assert_eq!(currency["reports"][0]["stated_version"], "1.0.0");
    assert_eq!(currency["latest_release"]["tag"], "v1.0.0");
}
