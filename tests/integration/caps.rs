//! Caps of the evidence that need a git repository to be hit (the others are hit in
//! `src/evidence/caps_tests.rs`): a cap that is hit is a diagnostic naming the file.

use crate::common::{evidence_json, fast_import_rates, git_repo};

/// A document not changed in the newest 10,000 commits (`read::path_history::MAX_COMMITS`) is
/// left undated, as without history, and named in a diagnostic; one changed within them is dated.
#[test]
fn a_file_unchanged_past_the_commit_walk_is_undated_and_named() {
    let dir = git_repo(&[
        ("docs/sdp.md", "# Software development plan\n\nThe plan.\n"),
        ("src/pump.py", "rate = 0\n"),
    ]);
    let repo = dir.path();
    fast_import_rates(repo, 10_000, 1_780_000_000, |n| format!("Rate {n}"));

    let evidence = evidence_json(repo, &[]);
    let sdp = &evidence["documents"]["software_development_plan"][0];
    assert_eq!(
        (&sdp["path"], &sdp["last_commit"]),
        (&"docs/sdp.md".into(), &serde_json::Value::Null),
        "{sdp}"
    );
    let about_sdp: Vec<&str> = evidence["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "docs/sdp.md")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(
        about_sdp,
        ["not changed in the newest 10000 commits walked: its last change is not dated"]
    );
}
