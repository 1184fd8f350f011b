//! Bad input never panics and never passes silently: each case below gives a diagnostic or a
//! finding that names the file.

use crate::common::{git, git_repo, git_repo_with, samdscan, scan_json, write_files};
use serde_json::Value;

fn messages_for(report: &Value, rule: &str) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Asserts that `rule` has a finding at `path` (any path when empty) whose message contains `text`.
fn assert_finding(report: &Value, rule: &str, path: &str, text: &str) {
    let found = messages_for(report, rule);
    assert!(
        found
            .iter()
            .any(|(p, m)| (path.is_empty() || p == path) && m.contains(text)),
        "no {rule} finding at {path:?} containing {text:?}: {found:?}"
    );
}

#[test]
fn binary_file_named_json_is_reported_not_parsed() {
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        std::fs::create_dir_all(dir.join("sbom")).unwrap();
        std::fs::write(
            dir.join("sbom/bom.json"),
            [0u8, 159, 146, 150, 0, 1, 2, 255],
        )
        .unwrap();
    });
    let report = scan_json(repo.path());
    assert_finding(&report, "MFDS-CYB-001", "sbom/bom.json", "does not parse");
    assert_finding(&report, "SAMDSCAN-004", "sbom/bom.json", "");
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "{{\"bomFormat\":\"CycloneDX\",\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let repo = git_repo(&[("README.md", "# r\n"), ("sbom/deep.cdx.json", &deep)]);
    let report = scan_json(repo.path());
    assert_finding(&report, "MFDS-CYB-001", "sbom/deep.cdx.json", "");
}

#[test]
fn file_over_the_size_cap_is_named_and_skipped() {
    let big = format!(
        "{{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"pad\":\"{}\"}}",
        "x".repeat(4096)
    );
    let repo = git_repo(&[
        ("README.md", "# r\n"),
        (".samdscan.yaml", "evidence:\n  max_file_size: 1KiB\n"),
        ("sbom/big.cdx.json", &big),
    ]);
    let report = scan_json(repo.path());
    assert_finding(
        &report,
        "SAMDSCAN-004",
        "sbom/big.cdx.json",
        "over the 1024-byte limit",
    );
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_repository_is_recorded_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.cdx.json"),
        r#"{"bomFormat":"CycloneDX","specVersion":"1.6"}"#,
    )
    .unwrap();
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        std::fs::create_dir(dir.join("sbom")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.cdx.json"),
            dir.join("sbom/link.cdx.json"),
        )
        .unwrap();
    });
    let report = scan_json(repo.path());
    assert_finding(
        &report,
        "SAMDSCAN-004",
        "",
        "sbom/link.cdx.json is a symlink",
    );
    // The linked SBOM was not read, so the repository has no SBOM.
    assert_finding(&report, "MFDS-CYB-001", "", "no SBOM found");
}

#[cfg(target_os = "linux")]
#[test]
fn non_utf8_path_is_reported_by_name() {
    use std::os::unix::ffi::OsStrExt;
    let repo = git_repo_with(&[("README.md", "# r\n")], |dir| {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.md")), "x").unwrap();
    });
    let report = scan_json(repo.path());
    assert_finding(
        &report,
        "SAMDSCAN-004",
        "",
        "was skipped: path is not UTF-8",
    );
}

#[test]
fn file_in_index_but_deleted_from_disk_is_reported() {
    let repo = git_repo(&[("README.md", "# r\n"), ("CHANGELOG.md", "# c\n")]);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    let report = scan_json(repo.path());
    assert_finding(
        &report,
        "SAMDSCAN-004",
        "",
        "CHANGELOG.md is in the git index but missing",
    );
    // A deleted change log does not count as present.
    assert!(!messages_for(&report, "MFDS-SWL-009").is_empty());
}

#[test]
fn malformed_front_matter_is_a_diagnostic() {
    let repo = git_repo(&[
        ("README.md", "# r\n"),
        ("CHANGELOG.md", "---\ntitle: [unclosed\n---\n# Changelog\n"),
    ]);
    let report = scan_json(repo.path());
    assert_finding(&report, "SAMDSCAN-004", "CHANGELOG.md", "front matter");
}

#[test]
fn empty_repository_and_plain_directory_scan_without_panicking() {
    let empty = tempfile::tempdir().unwrap();
    git(empty.path(), &["init", "-q"]);
    let report = scan_json(empty.path());
    assert!(!report["findings"].as_array().unwrap().is_empty());
    let plain = tempfile::tempdir().unwrap();
    write_files(
        plain.path(),
        &[
            ("README.md", "# r\n"),
            (".github/workflows/ci.yml", "on: push\n"),
        ],
    );
    let report = scan_json(plain.path());
    assert_eq!(report["repository"]["is_git"], false);
    assert!(
        report["notices"][0]
            .as_str()
            .unwrap()
            .contains("not in a git work tree")
    );
}

#[test]
fn untracked_files_are_not_evidence_but_staged_ones_are() {
    let repo = git_repo(&[("README.md", "# r\n")]);
    write_files(
        repo.path(),
        &[("CHANGELOG.md", "# Changelog\n\n- First.\n")],
    );
    let report = scan_json(repo.path());
    assert!(
        !messages_for(&report, "MFDS-SWL-009").is_empty(),
        "an untracked change log is not what a reviewer sees"
    );
    git(repo.path(), &["add", "CHANGELOG.md"]);
    let report = scan_json(repo.path());
    assert!(messages_for(&report, "MFDS-SWL-009").is_empty());
}

#[test]
fn sbom_is_recognised_by_content_under_any_name() {
    let repo = git_repo(&[
        ("README.md", "# r\n"),
        (
            "deps/inventory.json",
            r#"{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []}"#,
        ),
    ]);
    let out = samdscan()
        .arg("evidence")
        .arg(repo.path())
        .output()
        .unwrap();
    let evidence: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(evidence["sboms"][0]["path"], "deps/inventory.json");
    assert_eq!(evidence["sboms"][0]["spec_version"], "1.5");
}
