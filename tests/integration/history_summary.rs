//! Summarised changed-path lists: a commit that changed many files keeps, by default, the first
//! ones and every path a rule reads (deletions, lockfiles, regression tests, one path per area),
//! with `change_count` the total; `samdscan evidence --full` keeps every path; and the scan's
//! findings still point at the files they would point at with the whole list.

use crate::common::{
    changed_paths, commit_files as commit, evidence_json, findings_of, git, git_repo, scan_json,
};
use serde_json::Value;

const CONFIG: &str = "product:\n  name: Pump\n  version: 1.1.0\n  grade: 3\n  software_systems:\n    - {name: pump, paths: [\"src/pump/**\"], safety_class: B}\n";

const SBOM: &str = r#"{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []}"#;

/// A repository with release `v1.0.0` (the config and an SBOM) and one commit after it, with no
/// change reference, that changes 40 notes, two files of the `pump` system, a regression test
/// and a lockfile, and deletes a file: 45 changes.
fn long_commit_repo() -> tempfile::TempDir {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("sbom.cdx.json", SBOM),
        ("zz_old.txt", "old\n"),
    ]);
    let repo = dir.path();
    git(repo, &["tag", "v1.0.0"]);
    git(repo, &["rm", "-q", "zz_old.txt"]);
    let notes: Vec<(String, String)> = (0..40)
        .map(|i| (format!("docs/notes/n{i:02}.txt"), format!("note {i}\n")))
        .collect();
    let mut files: Vec<(&str, &str)> = notes
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    files.extend([
        ("src/pump/alarm.py", "alarm = 1\n"),
        ("src/pump/rate.py", "rate = 1\n"),
        ("tests/regression/test_alarm.py", "def test(): pass\n"),
        (
            "web/package-lock.json",
            "{\"lockfileVersion\": 3, \"packages\": {}}\n",
        ),
    ]);
    commit(repo, &files, "Rework the pump");
    dir
}

fn newest(evidence: &Value) -> &Value {
    &evidence["history"]["commits"][0]
}

#[test]
fn a_long_change_list_is_summarised_to_what_rules_read_and_full_keeps_it_whole() {
    let dir = long_commit_repo();
    let repo = dir.path();
    let summarised = evidence_json(repo, &["--since", "1"]);
    let full = evidence_json(repo, &["--since", "1", "--full"]);
    assert_eq!(newest(&full)["change_count"], 45);
    assert_eq!(changed_paths(newest(&full)).len(), 45);
    let kept = changed_paths(newest(&summarised));
    assert_eq!(newest(&summarised)["change_count"], 45);
    let mut expected: Vec<String> = (0..20).map(|i| format!("docs/notes/n{i:02}.txt")).collect();
    expected.extend(
        [
            "src/pump/alarm.py", // the first path of the system: src/pump/rate.py is left out
            "tests/regression/test_alarm.py",
            "web/package-lock.json",
            "zz_old.txt",
        ]
        .map(String::from),
    );
    assert_eq!(kept, expected);
    // Everything else of the record is the same.
    let mut trimmed = newest(&full).clone();
    trimmed["changes"] = newest(&summarised)["changes"].clone();
    assert_eq!(&trimmed, newest(&summarised));
}

#[test]
fn findings_about_a_summarised_commit_point_where_the_whole_list_would() {
    let dir = long_commit_repo();
    let report = scan_json(dir.path());
    let unreferenced = findings_of(&report, "MFDS-CHG-001");
    assert_eq!(unreferenced.len(), 1, "{unreferenced:?}");
    assert_eq!(unreferenced[0]["path"], "src/pump/alarm.py");
    let lockfile = findings_of(&report, "MFDS-CYB-003");
    assert!(
        lockfile.iter().any(|f| f["path"] == "web/package-lock.json"
            && f["message"].as_str().unwrap().contains("Rework the pump")),
        "{lockfile:?}"
    );
    // Its regression test, the 43rd change, makes it a fix without a problem reference.
    let fixes = findings_of(&report, "MFDS-SWL-010");
    assert!(
        fixes
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("Rework the pump")),
        "{fixes:?}"
    );
}

/// `--compact` prints the same document on one line, for a pipe into `opa eval` or a file.
#[test]
fn compact_evidence_is_the_same_document_on_one_line() {
    let dir = long_commit_repo();
    let repo = dir.path();
    let out = crate::common::samdscan()
        .args(["evidence", "--since", "1", "--compact"])
        .arg(repo)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    let compact: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(compact, evidence_json(repo, &["--since", "1"]));
}

/// `-o FILE` writes the document that standard output shows, byte for byte (both are written as
/// the document is serialised); a file that cannot be made is an error naming it (exit 2).
#[test]
fn evidence_written_to_a_file_is_the_printed_document() {
    let dir = long_commit_repo();
    let repo = dir.path();
    let printed = crate::common::samdscan()
        .args(["evidence", "--since", "5"])
        .arg(repo)
        .output()
        .unwrap();
    assert_eq!(printed.status.code(), Some(0));
    assert!(printed.stdout.ends_with(b"}\n"));
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("evidence.json");
    let written = crate::common::samdscan()
        .args(["evidence", "--since", "5", "-o"])
        .arg(&file)
        .arg(repo)
        .output()
        .unwrap();
    assert_eq!(written.status.code(), Some(0));
    assert_eq!(std::fs::read(&file).unwrap(), printed.stdout);
    let missing = out.path().join("no-such-folder/evidence.json");
    let failed = crate::common::samdscan()
        .args(["evidence", "-o"])
        .arg(&missing)
        .arg(repo)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(2));
    let err = String::from_utf8_lossy(&failed.stderr);
    assert!(err.contains("evidence.json: cannot write report"), "{err}");
}
