//! Which merge a commit is credited to (the merge that brought it into the first-parent line,
//! never a later sync merge; squash and octopus merges), where findings about deleted files
//! point, and the default release tags and bounded default scope, on repositories built here.

use crate::common::{
    commit_files as commit, evidence_json, fast_import_rates, findings_of, git, git_repo,
    merge_no_ff, rule_state, scan_json,
};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.1.0\n  grade: 3\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n";

/// A product repository with release `v1.0.0` on its one commit, on `main`.
fn product_repo() -> tempfile::TempDir {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/pump.py", "rate = 1\n")]);
    git(dir.path(), &["tag", "v1.0.0"]);
    dir
}

fn commit_by_subject<'a>(history: &'a Value, subject: &str) -> &'a Value {
    history["commits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"] == subject)
        .unwrap_or_else(|| panic!("no commit {subject}"))
}

fn head(repo: &Path) -> String {
    git(repo, &["rev-parse", "HEAD"]).trim().to_string()
}

#[test]
fn a_commit_is_credited_to_its_pull_request_merge_not_a_later_sync_merge() {
    let dir = product_repo();
    let repo = dir.path();
    // A long-lived branch x, started at the release.
    git(repo, &["branch", "x"]);
    git(repo, &["checkout", "-q", "-b", "feature"]);
    commit(repo, &[("src/feature.py", "on = True\n")], "Add feature");
    git(repo, &["checkout", "-q", "main"]);
    merge_no_ff(repo, "feature", "Merge pull request #3 from org/feature");
    let pr_merge = head(repo);
    git(repo, &["checkout", "-q", "x"]);
    commit(repo, &[("src/x.py", "x = 1\n")], "Work on x (CR-9)");
    merge_no_ff(repo, "main", "Merge branch 'main' into x");
    git(repo, &["checkout", "-q", "main"]);
    merge_no_ff(repo, "x", "Merge remote-tracking branch 'origin/x'");

    let history = &evidence_json(repo, &[])["history"];
    let feature = commit_by_subject(history, "Add feature");
    assert_eq!(feature["merged_by"], pr_merge.as_str(), "credited to #3");
    let sync = commit_by_subject(history, "Merge branch 'main' into x");
    let back = commit_by_subject(history, "Merge remote-tracking branch 'origin/x'");
    assert_eq!(
        sync["merged_by"], back["id"],
        "the sync merge came in with x"
    );
    assert_eq!(
        history["merges"][&pr_merge]["references"],
        serde_json::json!(["#3"])
    );
    assert_eq!(history["merges"][&pr_merge]["commits"], 1);

    let report = scan_json(repo);
    assert_eq!(
        rule_state(&report, "MFDS-CHG-001"),
        "passed",
        "{:?}",
        findings_of(&report, "MFDS-CHG-001")
    );
}

#[test]
fn a_merge_without_a_reference_leaves_its_commits_unreferenced() {
    let dir = product_repo();
    let repo = dir.path();
    git(repo, &["checkout", "-q", "-b", "topic"]);
    commit(repo, &[("src/topic.py", "t = 1\n")], "Topic work");
    git(repo, &["checkout", "-q", "main"]);
    merge_no_ff(repo, "topic", "Merge branch 'topic'");
    let report = scan_json(repo);
    let findings = findings_of(&report, "MFDS-CHG-001");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("\"Topic work\""),
        "{findings:?}"
    );
}

#[test]
fn squash_and_octopus_merges_cover_their_commits() {
    let dir = product_repo();
    let repo = dir.path();
    commit(
        repo,
        &[("src/limit.py", "max = 9\n")],
        "Add dose limit (#12)",
    );
    for branch in ["a", "b"] {
        git(repo, &["checkout", "-q", "-b", branch, "main"]);
        let file = format!("src/{branch}.py");
        commit(
            repo,
            &[(file.as_str(), "x = 1\n")],
            &format!("Work {branch}"),
        );
    }
    git(repo, &["checkout", "-q", "main"]);
    git(
        repo,
        &[
            "merge",
            "-q",
            "--no-ff",
            "a",
            "b",
            "-m",
            "Merge pull request #14 (a, b)",
        ],
    );
    let octopus = head(repo);
    let history = &evidence_json(repo, &[])["history"];
    for subject in ["Work a", "Work b"] {
        assert_eq!(
            commit_by_subject(history, subject)["merged_by"],
            octopus.as_str()
        );
    }
    let squash = commit_by_subject(history, "Add dose limit (#12)");
    assert_eq!(squash["references"], serde_json::json!(["#12"]));
    assert_eq!(rule_state(&scan_json(repo), "MFDS-CHG-001"), "passed");
}

#[test]
fn a_finding_about_a_deletion_points_at_the_deleted_files_last_path() {
    let dir = product_repo();
    let repo = dir.path();
    git(repo, &["rm", "-q", "src/pump.py"]);
    git(repo, &["commit", "-q", "-m", "Drop pump module"]);
    let report = scan_json(repo);
    let findings = findings_of(&report, "MFDS-CHG-001");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["path"], "src/pump.py");
}

#[test]
fn tags_without_v_are_releases_by_default() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/pump.py", "rate = 1\n")]);
    let repo = dir.path();
    let first = head(repo);
    for tag in ["3.4.2.2", "pump@1.2.3", "nightly"] {
        git(repo, &["tag", tag]);
    }
    commit(repo, &[("src/pump.py", "rate = 2\n")], "Rate 2 (CR-2)");
    commit(repo, &[("src/pump.py", "rate = 3\n")], "Rate 3 (CR-3)");
    let history = &evidence_json(repo, &[])["history"];
    let release = |name: &str| {
        history["tags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()["release"]
            .clone()
    };
    assert_eq!(release("3.4.2.2"), true);
    assert_eq!(release("pump@1.2.3"), true);
    assert_eq!(release("nightly"), false);
    assert_eq!(history["commit_count"], 2, "{}", history["scope"]);
    assert_eq!(history["scope"]["since_commit"], first.as_str());
}

#[test]
fn with_no_release_tag_the_default_scope_is_bounded_and_says_so() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/pump.py", "rate = 0\n")]);
    let repo = dir.path();
    // 501 commits after the first: more than the bound of 500.
    fast_import_rates(repo, 501, 1_790_000_000, |n| format!("Rate {n} (CR-1)"));

    let evidence = evidence_json(repo, &[]);
    let history = &evidence["history"];
    assert_eq!(history["commit_count"], 500);
    assert_eq!(
        history["scope"]["description"],
        "the last 500 commits (no earlier release tag)"
    );
    let diagnostics = evidence["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics.iter().any(|d| d["path"] == ".samdscan.yaml"
            && d["message"]
                .as_str()
                .unwrap()
                .contains("the last 500 commits, not the whole history")),
        "{diagnostics:?}"
    );
    let all = evidence_json(repo, &["--since", "all"]);
    assert_eq!(all["history"]["commit_count"], 502);
}

#[test]
fn many_release_tags_are_marked_reachable_by_one_bounded_walk() {
    let dir = product_repo();
    let repo = dir.path();
    for n in 1..=20 {
        let text = format!("rate = {}\n", n + 100);
        commit(
            repo,
            &[("src/pump.py", text.as_str())],
            &format!("Rate {n} (CR-{n})"),
        );
        git(repo, &["tag", &format!("v1.{n}.0")]);
    }
    git(repo, &["checkout", "-q", "-b", "side", "v1.3.0"]);
    commit(repo, &[("src/side.py", "s = 1\n")], "Side (CR-99)");
    git(repo, &["tag", "v9.0.0"]);
    git(repo, &["checkout", "-q", "main"]);
    let history = &evidence_json(repo, &[])["history"];
    let reachable: Vec<(String, bool)> = history["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_string(),
                t["reachable"] == true,
            )
        })
        .collect();
    assert_eq!(reachable.len(), 22, "v1.0.0, v1.1.0..v1.20.0, v9.0.0");
    for (name, reached) in &reachable {
        assert_eq!(*reached, name != "v9.0.0", "{name}");
    }
}

/// Commits `src/pump.py` as `rate = N` at `time` (Unix seconds, author and committer) and tags it.
fn dated_release(repo: &Path, n: usize, time: u64, tag: &str) {
    crate::common::write_files(repo, &[("src/pump.py", &format!("rate = {n}\n"))]);
    git(repo, &["add", "-A"]);
    let date = format!("@{time} +0000");
    let status = std::process::Command::new("git")
        .args(["commit", "-q", "-m", &format!("Rate {n} (CR-{n})")])
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .current_dir(repo)
        .status()
        .unwrap();
    assert!(status.success());
    git(repo, &["tag", tag]);
}

#[test]
fn a_pull_request_sized_scope_checks_the_newest_release_tags_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    let config = format!("{CONFIG}  connected: true\n  marketed: true\n");
    crate::common::write_files(repo, &[(".samdscan.yaml", config.as_str())]);
    // 31 lightweight release tags three days apart, so the walk's day of clock skew passes them.
    for n in 0..=30 {
        dated_release(
            repo,
            n,
            1_700_000_000 + 3 * 86_400 * n as u64,
            &format!("v1.{n}.0"),
        );
    }
    let reach = |args: &[&str]| {
        let evidence = evidence_json(repo, args);
        let history = &evidence["history"];
        let unchecked: Vec<String> = history["tags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["reachable"].is_null())
            .map(|t| t["name"].as_str().unwrap().to_string())
            .collect();
        let reachable = history["tags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["reachable"] == true)
            .count();
        let count = history["release_tags_unchecked"].as_u64().unwrap();
        (count, unchecked, reachable, evidence)
    };
    let (count, unchecked, reachable, evidence) = reach(&["--since", "5"]);
    // The newest 25 are found; the walk goes a day past the 25th and so reaches v1.5.0.
    assert_eq!(
        unchecked,
        ["v1.4.0", "v1.3.0", "v1.2.0", "v1.1.0", "v1.0.0"]
    );
    assert_eq!((count, reachable), (5, 26));
    let diagnostics = evidence["diagnostics"].to_string();
    assert!(
        diagnostics.contains("5 older release tags were not checked"),
        "{diagnostics}"
    );
    // The whole history's own walk marks every tag.
    // The release parts judge the newest 3 releases, and count those the default scope would
    // judge besides: 24 of the 30 ranges, 10 of the 31 releases.
    let history = &evidence["history"];
    assert_eq!(history["release_ranges"].as_array().unwrap().len(), 3);
    assert_eq!(history["release_ranges_unchecked"], 21);
    for part in ["release_sboms", "release_tests"] {
        assert_eq!(history[part]["limit"], 3, "{part}");
        assert_eq!(history[part]["unchecked"], 7, "{part}");
        assert_eq!(history[part]["releases"].as_array().unwrap().len(), 3);
    }
    for said in [
        "21 older release ranges were not compared",
        "7 older releases in the support window were not checked for the SBOM per release",
    ] {
        assert!(diagnostics.contains(said), "{said}: {diagnostics}");
    }
    let (count, unchecked, reachable, evidence) = reach(&["--since", "all"]);
    assert_eq!((count, unchecked.len(), reachable), (0, 0, 31));
    let history = &evidence["history"];
    assert_eq!(history["release_ranges"].as_array().unwrap().len(), 24);
    assert_eq!(history["release_ranges_unchecked"], 0);
    assert_eq!(history["release_sboms"]["unchecked"], 0);

    let (narrow, _) = crate::common::samdscan_json(&["scan", "--since", "5", "-f", "json"], repo);
    let (all, _) = crate::common::samdscan_json(&["scan", "--since", "all", "-f", "json"], repo);
    assert_eq!(
        findings_of(&narrow, "MFDS-CYB-011").len(),
        26,
        "the checked tags"
    );
    assert_eq!(findings_of(&all, "MFDS-CYB-011").len(), 31, "every tag");
    // A rule over releases that a narrowed scope left out is not evaluated, saying why; the
    // whole history judges them. (No rule passes on the 3 releases it read in place of 24.)
    let rule = crate::common::rule(&narrow, "MFDS-CHG-002");
    assert_eq!(rule["state"], "not_evaluated", "{rule}");
    assert!(
        rule["reasons"]
            .to_string()
            .contains("21 older release ranges"),
        "{rule}"
    );
    assert_ne!(
        crate::common::rule_state(&all, "MFDS-CHG-002"),
        "not_evaluated"
    );
}

#[test]
fn in_the_whole_history_a_merge_lists_only_what_it_changed_itself() {
    let dir = product_repo();
    let repo = dir.path();
    git(repo, &["checkout", "-q", "-b", "feature"]);
    commit(repo, &[("src/feature.py", "on = True\n")], "Add feature");
    git(repo, &["checkout", "-q", "main"]);
    merge_no_ff(repo, "feature", "Merge pull request #3 from org/feature");
    git(repo, &["checkout", "-q", "-b", "evil"]);
    commit(repo, &[("src/evil.py", "e = 1\n")], "Add evil");
    git(repo, &["checkout", "-q", "main"]);
    // A merge that also changes a file neither parent has in that state ("evil merge").
    git(repo, &["merge", "-q", "--no-ff", "--no-commit", "evil"]);
    std::fs::write(repo.join("src/pump.py"), "rate = 2\n").unwrap();
    git(repo, &["add", "src/pump.py"]);
    git(
        repo,
        &["commit", "-q", "-m", "Merge pull request #4 from org/evil"],
    );

    let whole = &evidence_json(repo, &["--since", "all"])["history"];
    let clean = commit_by_subject(whole, "Merge pull request #3 from org/feature");
    assert!(
        crate::common::changed_paths(clean).is_empty(),
        "its commit carries the change"
    );
    let evil = commit_by_subject(whole, "Merge pull request #4 from org/evil");
    assert_eq!(
        crate::common::changed_paths(evil),
        ["src/pump.py"],
        "only the merge's own change"
    );
    assert_eq!(
        crate::common::changed_paths(commit_by_subject(whole, "Add evil")),
        ["src/evil.py"]
    );

    // A narrowed scope may leave out what a merge brought in: it keeps the first-parent diff.
    let narrow = &evidence_json(repo, &["--since", "1"])["history"];
    let evil = commit_by_subject(narrow, "Merge pull request #4 from org/evil");
    assert_eq!(
        crate::common::changed_paths(evil),
        ["src/evil.py", "src/pump.py"]
    );
}
