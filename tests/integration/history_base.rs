//! `--base` and `--rev` on temporary repositories: a pull request judged by what it adds (on a
//! branch and on GitHub's merge-commit checkout), the tamper signal for changed scan controls,
//! and a past revision scanned from git objects.

use crate::common::{commit_files as commit, git, git_repo, samdscan_json, write_files};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.0.0\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n";

fn scan(repo: &Path, extra: &[&str]) -> (Value, i32) {
    let args: Vec<&str> = ["scan", "--format", "json"]
        .iter()
        .chain(extra)
        .copied()
        .collect();
    samdscan_json(&args, repo)
}

/// (rule id, baseline state) of every finding of `ids`.
fn states(report: &Value, ids: &[&str]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| ids.contains(&f["rule_id"].as_str().unwrap()))
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["baseline_state"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// main has one untraced commit already; `feature` adds another.
fn pull_request_repo() -> tempfile::TempDir {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/a.py", "a = 1\n")]);
    let repo = dir.path();
    commit(repo, &[("src/a.py", "a = 2\n")], "Old untraced change");
    git(repo, &["checkout", "-q", "-b", "feature"]);
    commit(repo, &[("src/b.py", "b = 1\n")], "New untraced change");
    dir
}

#[test]
fn base_marks_findings_new_or_unchanged_and_gates_on_new_ones() {
    let dir = pull_request_repo();
    let repo = dir.path();
    let (report, code) = scan(repo, &["--base", "main", "--since", "all"]);
    assert_eq!(
        states(&report, &["MFDS-CHG-001"]),
        vec![
            ("MFDS-CHG-001".to_string(), "new".to_string()),
            ("MFDS-CHG-001".to_string(), "unchanged".to_string()),
        ]
    );
    assert_eq!(code, 1, "a new error fails the run");
    assert_eq!(report["base"]["reference"], "main");
    // Fixing the new commit leaves only the unchanged finding: the run passes.
    git(
        repo,
        &["commit", "-q", "--amend", "-m", "New change (CR-9)"],
    );
    let (report, code) = scan(repo, &["--base", "main", "--since", "all"]);
    assert_eq!(
        states(&report, &["MFDS-CHG-001"]),
        vec![("MFDS-CHG-001".to_string(), "unchanged".to_string())]
    );
    assert_eq!(code, 0);
}

#[test]
fn base_widens_the_default_scope_to_the_merge_base() {
    let dir = pull_request_repo();
    let repo = dir.path();
    // A release on main after the branch point would normally hide the branch's commit.
    git(repo, &["tag", "v1.0.0", "main"]);
    let (report, _) = scan(repo, &["--base", "main"]);
    let msgs: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "MFDS-CHG-001" && f["baseline_state"] == "new")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].contains("\"New untraced change\""), "{msgs:?}");
}

#[test]
fn a_github_merge_commit_checkout_is_judged_against_the_base_sha() {
    let dir = pull_request_repo();
    let repo = dir.path();
    let base = git(repo, &["rev-parse", "main"]).trim().to_string();
    // refs/pull/N/merge: the PR head merged into the base, checked out detached.
    git(repo, &["checkout", "-q", "--detach", "main"]);
    crate::common::merge_no_ff(repo, "feature", "Merge abc into def");
    let (report, code) = scan(repo, &["--base", &base]);
    // No release yet: the scope is all history, so main's old commit is there, unchanged.
    assert_eq!(
        states(&report, &["MFDS-CHG-001"]),
        vec![
            ("MFDS-CHG-001".to_string(), "new".to_string()),
            ("MFDS-CHG-001".to_string(), "unchanged".to_string()),
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn changed_scan_controls_are_reported_with_base() {
    let dir = pull_request_repo();
    let repo = dir.path();
    let weakened = format!(
        "{CONFIG}policies:\n  disable: [MFDS-CHG-003]\n  severity: {{MFDS-CHG-001: note}}\n  paths: [policy]\nwaivers:\n  - {{rule: MFDS-CHG-001, reason: legacy, approved_by: QA, expires: 2027-01-01, ref: CAPA-1}}\n"
    );
    commit(
        repo,
        &[
            (".samdscan.yaml", &weakened),
            ("policy/extra.rego", "package x\n"),
        ],
        "Quiet the scanner (CR-10)",
    );
    let (report, _) = scan(repo, &["--base", "main"]);
    let mut msgs: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "SAMDSCAN-005")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    msgs.sort();
    assert_eq!(
        msgs,
        vec![
            "changed since the base: policy file policy/extra.rego added",
            "changed since the base: rule MFDS-CHG-003 disabled",
            "changed since the base: severity of MFDS-CHG-001 set to note (was its default)",
            "changed since the base: waiver for MFDS-CHG-001 (every finding) added: expires 2027-01-01, approved by QA, ref CAPA-1",
        ]
    );
    let (plain, _) = scan(repo, &[]);
    let rule = plain["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "SAMDSCAN-005")
        .unwrap();
    assert_eq!(rule["state"], "not_applicable");
}

#[test]
fn rev_scans_a_past_revision_from_git_objects() {
    let dir = pull_request_repo();
    let repo = dir.path();
    git(repo, &["tag", "-a", "v1.0.0", "-m", "Release", "main~1"]);
    write_files(repo, &[("src/uncommitted.py", "x = 1\n")]);
    let (e, _) = samdscan_json(&["evidence", "--rev", "v1.0.0", "--since", "all"], repo);
    let tagged = git(repo, &["rev-parse", "v1.0.0^{commit}"]);
    assert_eq!(e["history"]["tip"], tagged.trim());
    assert_eq!(e["history"]["tip_release"], "v1.0.0");
    assert_eq!(e["history"]["commit_count"], 1);
    assert_eq!(e["history"]["dirty"], Value::Null);
    assert_eq!(e["repository"]["inventory"], "git-tree");
    assert_eq!(e["files"]["count"], 2, "the tagged tree, not the work tree");
}

#[test]
fn rev_runs_every_extractor_over_the_revision_tree() {
    let dir = crate::common::import_example("01-cardiowatch-compliant");
    let repo = crate::common::example_repo(&dir, "01-cardiowatch-compliant");
    git(
        &repo,
        &["rm", "-q", "SECURITY.md", "sbom/cardiowatch.cdx.json"],
    );
    git(
        &repo,
        &["commit", "-q", "-m", "Drop security evidence (CR-2)"],
    );
    let rules_with_findings = |report: &Value| {
        let mut ids: Vec<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let (now, _) = scan(&repo, &["--fail-on", "never"]);
    assert_eq!(
        rules_with_findings(&now),
        vec!["MFDS-CYB-001", "MFDS-CYB-006"]
    );
    // The import commit still has the documents and the SBOM, read from git objects.
    let (then, code) = scan(&repo, &["--rev", "HEAD~1"]);
    assert_eq!(rules_with_findings(&then), Vec::<String>::new());
    assert_eq!(code, 0);
    assert_eq!(
        then["repository"]["revision"].as_str().map(str::len),
        Some(40)
    );
}

const HOUSE_RULE: &str = "# METADATA\n# title: House rule\n# description: Our own rule.\n# custom:\n#   id: ACME-001\n#   severity: error\npackage acme.house\n\nimport rego.v1\n\ndeny contains {\"msg\": \"house rule\", \"key\": \"house\"} if true\n";

#[test]
fn a_revision_is_judged_by_its_own_config_and_policies() {
    let dir = pull_request_repo();
    let repo = dir.path();
    let first = git(repo, &["rev-parse", "main"]).trim().to_string();
    let grown = CONFIG.replace("1.0.0", "2.0.0");
    let with_rules = format!(
        "{grown}policies:\n  paths: [house]\nwaivers:\n  - {{rule: MFDS-CHG-001, path: \"nowhere/**\", reason: r, approved_by: QA, expires: 2027-01-01, ref: CAPA-2}}\n"
    );
    commit(
        repo,
        &[
            (".samdscan.yaml", &with_rules),
            ("house/rule.rego", HOUSE_RULE),
        ],
        "House rule and a waiver (CR-11)",
    );
    // The past revision has neither the house rule nor version 2.0.0.
    let (old, _) = samdscan_json(&["evidence", "--rev", &first], repo);
    assert_eq!(old["profile"]["version"], "1.0.0");
    let (old_scan, _) = scan(repo, &["--rev", &first]);
    assert!(states(&old_scan, &["ACME-001"]).is_empty());
    // Judged against main, what the branch brought is new: the rule's finding and the waiver
    // that matches nothing. (The base side prepares its own engine: the branch's has the rule.)
    let (report, code) = scan(repo, &["--base", "main"]);
    assert_eq!(
        states(&report, &["ACME-001", "SAMDSCAN-003"]),
        vec![
            ("ACME-001".to_string(), "new".to_string()),
            ("SAMDSCAN-003".to_string(), "new".to_string()),
        ]
    );
    assert_eq!(code, 1);
    // An explicit --config applies to the revision as given.
    write_files(repo, &[("today.yaml", &grown)]);
    let today = repo.join("today.yaml");
    let today = today.to_str().unwrap();
    let (forced, _) = samdscan_json(&["evidence", "--rev", &first, "--config", today], repo);
    assert_eq!(forced["profile"]["version"], "2.0.0");
}

#[test]
fn a_broken_config_at_a_revision_is_an_error_naming_it() {
    let dir = pull_request_repo();
    let repo = dir.path();
    commit(
        repo,
        &[(".samdscan.yaml", "product:\n  nme: typo\n")],
        "Break the config (CR-12)",
    );
    commit(
        repo,
        &[(".samdscan.yaml", CONFIG)],
        "Mend the config (CR-13)",
    );
    let out = crate::common::samdscan()
        .args(["scan", "--rev", "HEAD~1"])
        .arg(repo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("HEAD~1:.samdscan.yaml:2:"), "{stderr}");
}
