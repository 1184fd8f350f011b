//! MFDS-CHG-002 on repositories built here: release ranges compared from git objects (no
//! checkout), the software-upgrade detectors, the declared classification in the tagged tree
//! (change-assessment file or CHANGELOG section), and the findings naming releases and commits.

use crate::common::{
    commit_files as commit, findings_of, git, git_repo, rule_state, samdscan_json,
};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "product:\n  name: CardioWatch\n  version: 1.3.0\n  grade: 2\n  route: approval\n  marketed: true\n  software_systems:\n    - {name: cw, paths: [\"src/**\"], safety_class: B}\n  safety_critical_paths: [\"src/alarm/**\"]\n";

fn cargo_lock(rustls: &str) -> String {
    format!(
        "version = 3\n\n[[package]]\nname = \"rustls\"\nversion = \"{rustls}\"\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\n"
    )
}

/// v1.0.0; v1.1.0 changes alarm code and rustls without a classification; v1.2.0 changes the
/// Docker base image and declares an upgrade with its filing; v1.3.0 changes the intended use
/// and calls it minor in the CHANGELOG without a rationale or post-report date.
fn released_repo() -> tempfile::TempDir {
    let lock = cargo_lock("0.21.0");
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("src/alarm/qrs.rs", "fn qrs() {}\n"),
        ("src/ui/view.rs", "fn view() {}\n"),
        ("Cargo.lock", &lock),
        ("Dockerfile", "FROM rust:1.80 AS build\nRUN cargo build\n"),
        (
            "docs/intended-use.md",
            "# Intended use\nArrhythmia screening.\n",
        ),
        (
            "CHANGELOG.md",
            "# Changelog\n\n## 1.0.0\n- First release.\n",
        ),
    ]);
    let repo = dir.path();
    git(repo, &["tag", "v1.0.0"]);
    commit(
        repo,
        &[("src/alarm/qrs.rs", "fn qrs() { tuned() }\n")],
        "Tune QRS detector (CR-2)",
    );
    commit(
        repo,
        &[("Cargo.lock", &cargo_lock("0.23.12"))],
        "Bump rustls (CR-3)",
    );
    commit(
        repo,
        &[("src/ui/view.rs", "fn view() { v2() }\n")],
        "Restyle view (CR-4)",
    );
    git(repo, &["tag", "v1.1.0"]);
    commit(
        repo,
        &[
            ("Dockerfile", "FROM rust:1.82 AS build\nRUN cargo build\n"),
            (
                "docs/release/1.2.0/change-assessment.md",
                "# Change assessment 1.2.0\n\n- classification: upgrade (변경인증)\n- category: iii operating environment\n- rationale: new compiler image\n- filing: 제인 26-0042호\n",
            ),
        ],
        "Move to Rust 1.82 image (CR-5)",
    );
    git(repo, &["tag", "v1.2.0"]);
    commit(
        repo,
        &[
            (
                "docs/intended-use.md",
                "# Intended use\nArrhythmia screening and AF detection.\n",
            ),
            (
                "CHANGELOG.md",
                "# Changelog\n\n## 1.3.0\n- AF detection.\n- classification: minor\n\n## 1.0.0\n- First release.\n",
            ),
        ],
        "Add AF detection to the intended use (CR-6)",
    );
    git(repo, &["tag", "v1.3.0"]);
    dir
}

fn ranges(repo: &Path) -> Vec<Value> {
    let (evidence, _) = samdscan_json(&["evidence"], repo);
    evidence["history"]["release_ranges"]
        .as_array()
        .unwrap()
        .clone()
}

fn by_tag<'a>(ranges: &'a [Value], tag: &str) -> &'a Value {
    ranges.iter().find(|r| r["tag"] == tag).unwrap()
}

#[test]
fn each_release_range_records_its_upgrade_changes_and_classification() {
    let dir = released_repo();
    let ranges = ranges(dir.path());
    let tags: Vec<&str> = ranges.iter().map(|r| r["tag"].as_str().unwrap()).collect();
    assert_eq!(tags, ["v1.3.0", "v1.2.0", "v1.1.0"]);

    let first = by_tag(&ranges, "v1.1.0");
    assert_eq!(first["previous"], "v1.0.0");
    assert_eq!(
        first["upgrade_categories"],
        serde_json::json!(["safety_critical", "network_crypto"])
    );
    assert_eq!(first["changes"]["network_crypto"][0]["detail"], "rustls");
    let subjects: Vec<&str> = first["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["subject"].as_str().unwrap())
        .collect();
    // The UI restyle touched nothing an upgrade detector watches: it is not named.
    assert_eq!(subjects, ["Bump rustls (CR-3)", "Tune QRS detector (CR-2)"]);
    assert!(first["assessment"].is_null());

    let second = by_tag(&ranges, "v1.2.0");
    assert_eq!(
        second["upgrade_categories"],
        serde_json::json!(["toolchain"])
    );
    assert_eq!(
        second["changes"]["toolchain"][0]["detail"],
        "FROM rust:1.80 -> rust:1.82"
    );
    assert_eq!(second["assessment"]["classification"], "upgrade");
    assert_eq!(second["assessment"]["record"], "제인 26-0042호");
    assert_eq!(
        second["assessment"]["path"],
        "docs/release/1.2.0/change-assessment.md"
    );

    let third = by_tag(&ranges, "v1.3.0");
    assert_eq!(
        third["upgrade_categories"],
        serde_json::json!(["intended_use"])
    );
    assert_eq!(third["assessment"]["path"], "CHANGELOG.md");
    assert_eq!(third["assessment"]["line"], 5);
    assert_eq!(third["assessment"]["classification"], "minor");
    assert_eq!(third["assessment"]["post_report"], "missing");
}

#[test]
fn the_rule_names_unclassified_upgrades_and_unjustified_minor_changes() {
    let dir = released_repo();
    let (report, _) = samdscan_json(
        &["scan", "--format", "json", "--fail-on", "never"],
        dir.path(),
    );
    assert_eq!(rule_state(&report, "MFDS-CHG-002"), "failed");
    let findings = findings_of(&report, "MFDS-CHG-002");
    let mut messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    messages.sort_unstable();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(messages[0].starts_with("release v1.1.0 may be a software upgrade: since v1.0.0 it changes safety-critical code (src/alarm/qrs.rs); network/crypto libraries (Cargo.lock: rustls) in commits "), "{}", messages[0]);
    assert!(
        messages[0].contains("\"Tune QRS detector (CR-2)\"") && !messages[0].contains("Restyle")
    );
    assert!(
        messages[1]
            .starts_with("release v1.3.0 is a minor change but names no post-report due date"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with("release v1.3.0 is classified minor (minor) without a rationale"),
        "{}",
        messages[2]
    );
    // v1.2.0 declared its upgrade with the filing: nothing about it.
    assert!(messages.iter().all(|m| !m.starts_with("release v1.2.0")));
}

#[test]
fn a_marketed_product_without_release_ranges_is_not_evaluated() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("src/alarm/qrs.rs", "fn qrs() {}\n"),
    ]);
    git(dir.path(), &["tag", "v1.0.0"]);
    let (report, _) = samdscan_json(
        &["scan", "--format", "json", "--fail-on", "never"],
        dir.path(),
    );
    assert_eq!(rule_state(&report, "MFDS-CHG-002"), "not_evaluated");
}
