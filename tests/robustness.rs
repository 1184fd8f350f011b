//! Bad input never panics and never passes silently: each case below gives a diagnostic or a
//! finding that names the file.

mod common;

use common::{git, git_repo, samdscan, write_files};
use serde_json::Value;

fn scan_json(dir: &std::path::Path) -> Value {
    let out = samdscan()
        .arg("scan")
        .arg(dir)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

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

#[test]
fn binary_file_named_json_is_reported_not_parsed() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    write_files(repo.path(), &[("README.md", "# r\n")]);
    std::fs::create_dir_all(repo.path().join("sbom")).unwrap();
    std::fs::write(
        repo.path().join("sbom/bom.json"),
        [0u8, 159, 146, 150, 0, 1, 2, 255],
    )
    .unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "x"]);
    let report = scan_json(repo.path());
    let cyb = messages_for(&report, "MFDS-CYB-001");
    assert!(
        cyb.iter()
            .any(|(p, m)| p == "sbom/bom.json" && m.contains("does not parse")),
        "{cyb:?}"
    );
    assert!(
        messages_for(&report, "SAMDSCAN-004")
            .iter()
            .any(|(p, _)| p == "sbom/bom.json")
    );
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
    assert!(
        messages_for(&report, "MFDS-CYB-001")
            .iter()
            .any(|(p, _)| p == "sbom/deep.cdx.json")
    );
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
    let problems = messages_for(&report, "SAMDSCAN-004");
    assert!(
        problems
            .iter()
            .any(|(p, m)| p == "sbom/big.cdx.json" && m.contains("over the 1024-byte limit")),
        "{problems:?}"
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
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    write_files(repo.path(), &[("README.md", "# r\n")]);
    std::fs::create_dir(repo.path().join("sbom")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.cdx.json"),
        repo.path().join("sbom/link.cdx.json"),
    )
    .unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "x"]);
    let report = scan_json(repo.path());
    let problems = messages_for(&report, "SAMDSCAN-004");
    assert!(
        problems
            .iter()
            .any(|(_, m)| m.contains("sbom/link.cdx.json is a symlink")),
        "{problems:?}"
    );
    // The linked SBOM was not read, so the repository has no SBOM.
    assert!(
        messages_for(&report, "MFDS-CYB-001")
            .iter()
            .any(|(_, m)| m.contains("no SBOM found"))
    );
}

#[cfg(target_os = "linux")]
#[test]
fn non_utf8_path_is_reported_by_name() {
    use std::os::unix::ffi::OsStrExt;
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    write_files(repo.path(), &[("README.md", "# r\n")]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(repo.path().join(name), "x").unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "x"]);
    let report = scan_json(repo.path());
    let problems = messages_for(&report, "SAMDSCAN-004");
    assert!(
        problems
            .iter()
            .any(|(_, m)| m.contains("caf") && m.contains("not UTF-8")),
        "{problems:?}"
    );
}

#[test]
fn file_in_index_but_deleted_from_disk_is_reported() {
    let repo = git_repo(&[("README.md", "# r\n"), ("CHANGELOG.md", "# c\n")]);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    let report = scan_json(repo.path());
    assert!(
        messages_for(&report, "SAMDSCAN-004")
            .iter()
            .any(|(_, m)| m.contains("CHANGELOG.md is in the git index but missing"))
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
    assert!(
        messages_for(&report, "SAMDSCAN-004")
            .iter()
            .any(|(p, m)| p == "CHANGELOG.md" && m.contains("front matter"))
    );
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
            .contains("not the top of a git work tree")
    );
}

#[test]
fn untracked_files_are_not_evidence_but_staged_ones_are() {
    let repo = git_repo(&[("README.md", "# r\n")]);
    write_files(repo.path(), &[("CHANGELOG.md", "# Changelog\n")]);
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
