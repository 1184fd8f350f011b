//! A product folder of a monorepo (`samdscan scan products/planner` from the repository's top):
//! its history is the commits that change the folder, with paths from the folder; `--since N`
//! counts the product's commits; the history rules are evaluated on them; `--rev` and `--base`
//! read the folder's copy at those commits; SARIF locations come from the repository's top.

use crate::common::{commit_files as commit, git, git_repo, merge_no_ff, samdscan, samdscan_json};
use serde_json::Value;
use std::path::Path;

const PLANNER_CONFIG: &str = "product:\n  name: Planner\n  version: 1.0.0\n  grade: 2\n  software_systems:\n    - {name: planner, paths: [\"src/**\"], safety_class: B}\nhistory:\n  scope: all\n";

/// Two products in one repository, the planner's history interleaved with the other's: a
/// referenced first commit, a pull request merged with a reference, an unreferenced planner
/// commit, a referenced fix, and, newest, an unreferenced change to the other product only.
fn monorepo() -> tempfile::TempDir {
    let dir = git_repo(&[
        ("README.md", "# Products\n"),
        ("products/planner/.samdscan.yaml", PLANNER_CONFIG),
        ("products/planner/src/plan.py", "steps = 1\n"),
        ("products/other/src/other.py", "x = 1\n"),
    ]);
    let repo = dir.path();
    commit(
        repo,
        &[("products/other/src/other.py", "x = 2\n")],
        "Change the other product",
    );
    git(repo, &["checkout", "-q", "-b", "feature"]);
    commit(
        repo,
        &[("products/planner/src/feature.py", "on = True\n")],
        "Planner feature",
    );
    git(repo, &["checkout", "-q", "main"]);
    merge_no_ff(repo, "feature", "Merge pull request #5 from org/feature");
    commit(
        repo,
        &[("products/planner/src/plan.py", "steps = 2\n")],
        "Tweak the planner",
    );
    commit(
        repo,
        &[("products/planner/src/plan.py", "steps = 3\n")],
        "Fix the planner (CR-2)",
    );
    commit(
        repo,
        &[("products/other/src/other.py", "x = 3\n")],
        "Change the other product again",
    );
    dir
}

/// `samdscan ARGS REPO/products/planner`; the parsed output.
fn in_folder(repo: &Path, args: &[&str]) -> Value {
    samdscan_json(args, &repo.join("products/planner")).0
}

fn subjects(history: &Value) -> Vec<&str> {
    history["commits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["subject"].as_str().unwrap())
        .collect()
}

#[test]
fn a_product_folder_has_the_history_of_the_commits_that_change_it() {
    let dir = monorepo();
    let evidence = in_folder(dir.path(), &["evidence"]);
    let history = &evidence["history"];
    assert_eq!(history["available"], true, "{}", history["reason"]);
    let mut got = subjects(history);
    got.sort();
    assert_eq!(
        got,
        [
            "Fix the planner (CR-2)",
            "Initial commit (CR-1)",
            "Merge pull request #5 from org/feature",
            "Planner feature",
            "Tweak the planner",
        ],
        "the other product's commits are not the planner's"
    );
    let paths: Vec<&str> = history["commits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["changes"].as_array().unwrap())
        .map(|ch| ch["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"src/feature.py"), "{paths:?}");
    assert!(
        paths
            .iter()
            .all(|p| !p.starts_with("products/") && !p.contains("other.py")),
        "paths from the folder, and only its own: {paths:?}"
    );
    let feature = history["commits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"] == "Planner feature")
        .unwrap();
    let merge = history["commits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"] == "Merge pull request #5 from org/feature")
        .unwrap();
    assert_eq!(feature["merged_by"], merge["id"]);
    assert_eq!(
        history["merges"][merge["id"].as_str().unwrap()]["commits"],
        1
    );
    assert_eq!(history["commit_count"], 5);
}

#[test]
fn since_counts_the_products_own_commits() {
    let dir = monorepo();
    let evidence = in_folder(dir.path(), &["evidence", "--since", "1"]);
    assert_eq!(
        subjects(&evidence["history"]),
        ["Fix the planner (CR-2)"],
        "the newest commit of the repository is the other product's"
    );
}

#[test]
fn history_rules_judge_the_products_commits() {
    let dir = monorepo();
    let report = in_folder(
        dir.path(),
        &["scan", "--format", "json", "--fail-on", "never"],
    );
    let rule = crate::common::rule(&report, "MFDS-CHG-001");
    assert_eq!(rule["state"], "failed", "{rule}");
    let messages: Vec<&str> = crate::common::findings_of(&report, "MFDS-CHG-001")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("Tweak the planner"), "{messages:?}");
    assert!(
        !report.to_string().contains("Change the other product"),
        "no other product's commit is judged"
    );
    assert_eq!(report["repository"]["folder"], "products/planner/");
}

#[test]
fn rev_and_base_read_the_folders_copy() {
    let dir = monorepo();
    let repo = dir.path();
    // At the merge, the planner had no unreferenced commit of its own yet.
    let at_merge = git(repo, &["rev-parse", "HEAD~3"]).trim().to_string();
    let report = in_folder(
        repo,
        &[
            "scan",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--rev",
            &at_merge,
        ],
    );
    assert_eq!(report["repository"]["revision"], at_merge.as_str());
    assert_eq!(crate::common::rule_state(&report, "MFDS-CHG-001"), "passed");

    let report = in_folder(
        repo,
        &[
            "scan",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--base",
            &at_merge,
        ],
    );
    let new: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "MFDS-CHG-001" && f["baseline_state"] == "new")
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert!(
        new[0]["message"]
            .as_str()
            .unwrap()
            .contains("Tweak the planner")
    );
}

#[test]
fn a_folder_git_tracks_nothing_of_is_a_plain_directory() {
    let dir = monorepo();
    crate::common::write_files(
        dir.path(),
        &[
            ("scratch/.samdscan.yaml", PLANNER_CONFIG),
            ("scratch/a.md", "# A\n"),
        ],
    );
    let out = samdscan()
        .current_dir(dir.path())
        .args(["scan", "--format", "json", "--fail-on", "never", "scratch"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["repository"]["is_git"], false);
}
