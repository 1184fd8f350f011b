//! The history extractor and the history rules on temporary repositories built here: linear
//! history, tags (lightweight, annotated, signed), trailers, renames, merges, a shallow clone, an
//! empty repository, a detached HEAD, and a directory that is not a work tree.

use crate::common::{
    commit_files as commit, git, git_repo, rule_state, samdscan_json, write_files,
};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.1.0\n  connected: true\n  grade: 3\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n  safety_critical_paths: [\"src/dose/**\"]\n";

fn evidence(repo: &Path, extra: &[&str]) -> Value {
    let args: Vec<&str> = ["evidence"].iter().chain(extra).copied().collect();
    samdscan_json(&args, repo).0
}

fn scan(repo: &Path, extra: &[&str]) -> Value {
    let base = ["scan", "--format", "json", "--fail-on", "never"];
    let args: Vec<&str> = base.iter().chain(extra).copied().collect();
    samdscan_json(&args, repo).0
}

fn messages(report: &Value, id: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == id)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// A product repository: release v1.0.0, then work after it.
fn product_repo() -> tempfile::TempDir {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("src/dose/calc.py", "dose = 1\n"),
        ("src/ui/view.py", "view = 1\n"),
        ("docs/risk/risk-table.csv", "id,hazard\n"),
        (
            "CHANGELOG.md",
            "# Changelog\n\n## [1.1.0]\n- Fix.\n\n## [1.0.0]\n- First.\n",
        ),
    ]);
    git(dir.path(), &["tag", "v1.0.0"]);
    dir
}

#[test]
fn commits_carry_trailers_references_and_renames() {
    let dir = product_repo();
    let repo = dir.path();
    git(repo, &["mv", "src/ui/view.py", "src/ui/screen.py"]);
    git(
        repo,
        &[
            "commit",
            "-q",
            "-m",
            "Rename view\n\nWhy.\n\nChange-Request: CR-12\nSigned-off-by: A <a@b.c>",
        ],
    );
    let h = &evidence(repo, &[])["history"];
    assert_eq!(h["available"], true);
    assert_eq!(h["scope"]["description"], "v1.0.0..tip");
    let commits = h["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 1, "only the commit after v1.0.0 is in scope");
    let c = &commits[0];
    assert_eq!(c["subject"], "Rename view");
    assert_eq!(c["trailers"][0]["key"], "Change-Request");
    assert_eq!(c["trailers"][1]["key"], "Signed-off-by");
    assert_eq!(c["references"], serde_json::json!(["CR-12"]));
    assert_eq!(c["changes"][0]["status"], "renamed");
    assert_eq!(c["changes"][0]["old_path"], "src/ui/view.py");
    assert_eq!(c["changes"][0]["path"], "src/ui/screen.py");
    assert_eq!(c["areas"], serde_json::json!(["system:pump"]));
}

#[test]
fn untraced_and_unassessed_changes_fail_naming_the_commit() {
    let dir = product_repo();
    let repo = dir.path();
    commit(repo, &[("src/dose/calc.py", "dose = 2\n")], "Tweak dose");
    let report = scan(repo, &[]);
    let short = &git(repo, &["rev-parse", "--short=7", "HEAD"])[..7];
    let expected = format!(
        "commit {short} \"Tweak dose\" changes software system pump without a change request or problem report reference"
    );
    assert_eq!(messages(&report, "MFDS-CHG-001"), vec![expected]);
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "MFDS-RSK-003")
        .expect("RSK-003 finding");
    assert_eq!(finding["path"], "src/dose/calc.py");
    // A Risk-Impact trailer and a reference satisfy both rules.
    git(
        repo,
        &[
            "commit",
            "-q",
            "--amend",
            "-m",
            "Tweak dose (CR-3)\n\nRisk-Impact: none",
        ],
    );
    let report = scan(repo, &[]);
    assert!(messages(&report, "MFDS-CHG-001").is_empty());
    assert_eq!(rule_state(&report, "MFDS-RSK-003"), "passed");
}

#[test]
fn tags_are_told_apart_lightweight_annotated_and_signed() {
    let dir = product_repo();
    let repo = dir.path();
    commit(repo, &[("src/ui/view.py", "v = 2\n")], "UI (CR-2)");
    git(repo, &["tag", "-a", "v1.1.0", "-m", "Release 1.1.0"]);
    sign_tag(repo, "v1.2.0-rc1");
    let h = &evidence(repo, &[])["history"];
    let tag = |name: &str| {
        h["tags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            tag("v1.0.0")["annotated"].clone(),
            tag("v1.0.0")["signed"].clone()
        ),
        (false.into(), false.into())
    );
    assert_eq!(
        (
            tag("v1.1.0")["annotated"].clone(),
            tag("v1.1.0")["signed"].clone()
        ),
        (true.into(), false.into())
    );
    assert_eq!(
        (
            tag("v1.2.0-rc1")["annotated"].clone(),
            tag("v1.2.0-rc1")["signed"].clone()
        ),
        (true.into(), true.into())
    );
    assert_eq!(tag("v1.1.0")["version"], "1.1.0");
    let report = scan(repo, &[]);
    let mut msgs = messages(&report, "MFDS-CYB-011");
    msgs.sort();
    assert_eq!(
        msgs,
        vec![
            "release tag v1.0.0 is a lightweight tag (not annotated, not signed)",
            "release tag v1.1.0 is annotated but not signed",
        ]
    );
    // v1.2.0-rc1 has no change-log section; v1.0.0 and v1.1.0 do.
    assert_eq!(
        messages(&report, "MFDS-SWL-009"),
        vec!["release tag v1.2.0-rc1 has no change-log section for version 1.2.0-rc1"]
    );
}

/// Signs an annotated tag with a throwaway SSH key (git's `gpg.format=ssh`), or, where
/// ssh-keygen is missing, writes a tag object carrying an SSH signature block by hand.
fn sign_tag(repo: &Path, name: &str) {
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("id");
    let made = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let key = key.to_str().unwrap();
        let signing = format!("user.signingkey={key}");
        git(
            repo,
            &[
                "-c",
                "gpg.format=ssh",
                "-c",
                &signing,
                "tag",
                "-s",
                name,
                "-m",
                "Release",
            ],
        );
        return;
    }
    let head = git(repo, &["rev-parse", "HEAD"]);
    let object = format!(
        "object {}\ntype commit\ntag {name}\ntagger Test <test@example.com> 1790000000 +0000\n\nRelease\n-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n",
        head.trim()
    );
    let path = repo.join(".git/tag-object");
    std::fs::write(&path, object).unwrap();
    let id = git(
        repo,
        &["hash-object", "-t", "tag", "-w", path.to_str().unwrap()],
    );
    git(
        repo,
        &["update-ref", &format!("refs/tags/{name}"), id.trim()],
    );
}

#[test]
fn merges_cover_their_commits_and_record_first_parent_changes() {
    let dir = product_repo();
    let repo = dir.path();
    git(repo, &["checkout", "-q", "-b", "feature"]);
    commit(repo, &[("src/ui/view.py", "v = 3\n")], "wip");
    git(repo, &["checkout", "-q", "main"]);
    crate::common::merge_no_ff(repo, "feature", "Merge pull request #7 from feature");
    let h = &evidence(repo, &[])["history"];
    let commits = h["commits"].as_array().unwrap();
    let merge = commits.iter().find(|c| c["merge"] == true).unwrap();
    let wip = commits.iter().find(|c| c["subject"] == "wip").unwrap();
    assert_eq!(wip["merged_by"], merge["id"]);
    assert_eq!(merge["changes"][0]["path"], "src/ui/view.py");
    assert_eq!(merge["references"], serde_json::json!(["#7"]));
    let report = scan(repo, &[]);
    assert!(
        messages(&report, "MFDS-CHG-001").is_empty(),
        "the merge's #7 covers wip"
    );
}

#[test]
fn a_shallow_clone_is_truncated_and_history_rules_are_not_evaluated() {
    let dir = product_repo();
    let repo = dir.path();
    commit(repo, &[("src/ui/view.py", "v = 4\n")], "More (CR-4)");
    commit(repo, &[("src/ui/view.py", "v = 5\n")], "Again (CR-5)");
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.display());
    git(
        clones.path(),
        &["clone", "-q", "--no-tags", "--depth", "1", &url, "shallow"],
    );
    let shallow = clones.path().join("shallow");
    let h = &evidence(&shallow, &[])["history"];
    assert_eq!(h["shallow"], true);
    assert_eq!(h["truncated"], true);
    let commits = h["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 1);
    assert_eq!(commits[0]["shallow_boundary"], true);
    assert_eq!(
        commits[0]["changes"],
        serde_json::json!([]),
        "not every file listed as added"
    );
    let report = scan(&shallow, &[]);
    for id in ["MFDS-CHG-001", "MFDS-RSK-003"] {
        assert_eq!(rule_state(&report, id), "not_evaluated", "{id}");
    }
    // The last commit alone is within what the clone holds.
    let h = &evidence(&shallow, &["--since", "1"])["history"];
    assert_eq!(h["commit_count"], 1);
    assert_eq!(
        h["truncated"], true,
        "the one commit is the boundary itself"
    );
}

#[test]
fn an_empty_repository_and_a_plain_directory_have_no_history() {
    let empty = tempfile::tempdir().unwrap();
    git(empty.path(), &["init", "-q"]);
    let h = &evidence(empty.path(), &[])["history"];
    assert_eq!(h["available"], false);
    assert_eq!(h["reason"], "the repository has no commits yet");
    let plain = tempfile::tempdir().unwrap();
    write_files(plain.path(), &[(".samdscan.yaml", CONFIG)]);
    let report = scan(plain.path(), &[]);
    assert_eq!(rule_state(&report, "MFDS-CHG-001"), "not_evaluated");
}

#[test]
fn a_detached_head_is_reported_and_scoped_from_the_checked_out_commit() {
    let dir = product_repo();
    let repo = dir.path();
    commit(repo, &[("src/ui/view.py", "v = 6\n")], "Six (CR-6)");
    git(repo, &["checkout", "-q", "--detach", "HEAD"]);
    let h = &evidence(repo, &[])["history"];
    assert_eq!(h["detached"], true);
    assert_eq!(h["commit_count"], 1);
}

#[test]
fn since_accepts_a_ref_a_count_and_a_date() {
    let dir = product_repo();
    let repo = dir.path();
    commit(repo, &[("src/ui/view.py", "v = 7\n")], "Seven (CR-7)");
    commit(repo, &[("src/ui/view.py", "v = 8\n")], "Eight (CR-8)");
    let count = |args: &[&str]| evidence(repo, args)["history"]["commit_count"].clone();
    assert_eq!(count(&["--since", "all"]), 3);
    assert_eq!(count(&["--since", "HEAD~1"]), 1);
    assert_eq!(count(&["--since", "2"]), 2);
    assert_eq!(count(&["--since", "2026-09-30"]), 3);
    assert_eq!(count(&["--since", "2026-10-02"]), 0);
    // An unresolvable scope fails closed (exit 2), naming where it came from.
    crate::common::samdscan()
        .args(["evidence", "--since", "no-such-ref"])
        .arg(repo)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--since: `no-such-ref`"));
}
