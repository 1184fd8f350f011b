//! MFDS-CYB-016 on repositories built here: each release tag's tagged tree read from git objects
//! (the work tree has moved on), its SBOM's declared version against the tag, its components
//! against the tree's lockfile, its VEX, and the support window of the support policy.

use crate::common::{
    commit_files as commit, findings_of, git, git_repo, rule, rule_state, samdscan_json,
    scan_as_of, sorted_messages,
};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str =
    "product:\n  name: CardioWatch\n  version: 1.3.0\n  grade: 2\n  connected: true\n";

const VEX: &str = r#"{"@context":"https://openvex.dev/ns/v0.2.0","statements":[]}"#;

fn lock(numpy: &str) -> String {
    format!("numpy=={numpy}\nscipy==1.14.1\n")
}

fn bom(version: &str, numpy: &str) -> String {
    format!(
        r#"{{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{{"component":{{"type":"application","name":"CardioWatch","version":"{version}"}}}},
  "components":[{{"type":"library","name":"numpy","version":"{numpy}","purl":"pkg:pypi/numpy@{numpy}"}},
                {{"type":"library","name":"scipy","version":"1.14.1","purl":"pkg:pypi/scipy@1.14.1"}}]}}"#
    )
}

/// v1.1.0 without an SBOM; v1.2.0 whose SBOM still says 1.1.0; v1.3.0 complete. After the last
/// tag the work tree moves on (a newer numpy), so only the tagged trees can pass v1.3.0.
fn released_repo(support_policy: Option<&str>) -> tempfile::TempDir {
    let mut files = vec![
        (".samdscan.yaml", CONFIG.to_string()),
        ("requirements.txt", lock("2.1.0")),
        ("vex/cardiowatch.openvex.json", VEX.to_string()),
    ];
    if let Some(policy) = support_policy {
        files.push(("docs/security/support-policy.md", policy.to_string()));
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = git_repo(&files);
    let repo = dir.path();
    git(repo, &["tag", "v1.1.0"]);
    commit(
        repo,
        &[
            ("requirements.txt", &lock("2.1.3")),
            ("sbom/cardiowatch.cdx.json", &bom("1.1.0", "2.1.3")),
        ],
        "Add the SBOM (CR-2)",
    );
    git(repo, &["tag", "v1.2.0"]);
    commit(
        repo,
        &[("sbom/cardiowatch.cdx.json", &bom("1.3.0", "2.1.3"))],
        "Release 1.3.0 (CR-3)",
    );
    git(repo, &["tag", "v1.3.0"]);
    commit(
        repo,
        &[
            ("requirements.txt", &lock("2.2.0")),
            ("sbom/cardiowatch.cdx.json", &bom("1.4.0-dev", "2.2.0")),
        ],
        "Start 1.4 (CR-4)",
    );
    dir
}

fn scan(repo: &Path) -> Value {
    scan_as_of(repo, "2026-12-01")
}

fn messages(report: &Value) -> Vec<String> {
    sorted_messages(report, "MFDS-CYB-016")
}

#[test]
fn each_tagged_tree_is_read_for_its_sbom_version_components_and_vex() {
    let dir = released_repo(None);
    let (evidence, _) = samdscan_json(&["evidence"], dir.path());
    let facts = &evidence["history"]["release_sboms"];
    assert_eq!(facts["window"]["path"], Value::Null);
    let releases = facts["releases"].as_array().unwrap();
    let tags: Vec<&str> = releases
        .iter()
        .map(|r| r["tag"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["v1.3.0", "v1.2.0", "v1.1.0"]);
    let newest = &releases[0];
    assert_eq!(newest["sboms"][0]["path"], "sbom/cardiowatch.cdx.json");
    assert_eq!(newest["sboms"][0]["version"], "1.3.0");
    assert_eq!(newest["sboms"][0]["version_matches"], true);
    assert_eq!(
        newest["components_match"], true,
        "the tagged lockfile, not the work tree's"
    );
    assert_eq!(newest["vex"][0], "vex/cardiowatch.openvex.json");
    assert_eq!(releases[1]["sboms"][0]["version_matches"], false);
    assert_eq!(releases[2]["sboms"], serde_json::json!([]));
    assert_eq!(releases[2]["components_match"], Value::Null);
}

#[test]
fn the_rule_names_the_tag_and_the_sbom_of_each_incomplete_release() {
    let dir = released_repo(None);
    let report = scan(dir.path());
    assert_eq!(rule_state(&report, "MFDS-CYB-016"), "failed");
    let why = "no support window is declared, so the newest 10 release tags are judged";
    assert_eq!(
        messages(&report),
        [
            format!("release v1.1.0 ({why}) has no SBOM in its tagged tree"),
            format!(
                "release v1.2.0 ({why}): no SBOM in its tagged tree declares version 1.2.0 (sbom/cardiowatch.cdx.json: 1.1.0)"
            ),
        ]
    );
    let findings = findings_of(&report, "MFDS-CYB-016");
    assert!(findings.iter().all(|f| f["level"] == "note"));
    let evidence = rule(&report, "MFDS-CYB-016")["evidence"].clone();
    assert_eq!(
        evidence,
        serde_json::json!([
            "v1.1.0",
            "v1.2.0:sbom/cardiowatch.cdx.json",
            "v1.3.0:sbom/cardiowatch.cdx.json"
        ])
    );
}

#[test]
fn the_support_window_limits_the_releases_judged() {
    let policy = "# Support policy\n\n| Version | End of security support |\n|---|---|\n| 1.3.x | 2031-06-30 |\n| 1.2.x | 2026년 6월 30일 |\n| 1.1.x | 2026-01-31 |\n";
    let dir = released_repo(Some(policy));
    let report = scan(dir.path());
    // 1.1 and 1.2 are past their end of support at 2026-12-01: only v1.3.0 is judged, and passes.
    assert_eq!(rule_state(&report, "MFDS-CYB-016"), "passed");
    assert_eq!(
        rule(&report, "MFDS-CYB-016")["evidence"],
        serde_json::json!([
            "docs/security/support-policy.md",
            "v1.3.0:sbom/cardiowatch.cdx.json"
        ])
    );
}

#[test]
fn without_release_tags_or_history_the_rule_is_not_evaluated() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG)]);
    let report = scan(dir.path());
    assert_eq!(rule_state(&report, "MFDS-CYB-016"), "not_evaluated");
    assert_eq!(
        rule(&report, "MFDS-CYB-016")["reasons"][0],
        "no release tag reachable from the scanned commit in the git history"
    );
}
