//! Caps of the evidence that need a git repository to be hit (the others are hit in
//! `src/evidence/caps_tests.rs`): a cap that is hit is a diagnostic naming the file.

use crate::common::{evidence_json, git_repo};

/// A document not changed in the newest 10,000 commits (`read::path_history::MAX_COMMITS`) is
/// left undated, as without history, and named in a diagnostic; one changed within them is dated.
#[test]
fn a_file_unchanged_past_the_commit_walk_is_undated_and_named() {
    let dir = git_repo(&[
        ("docs/sdp.md", "# Software development plan\n\nThe plan.\n"),
        ("src/pump.py", "rate = 0\n"),
    ]);
    let repo = dir.path();
    let mut stream = String::new();
    for n in 1..=10_000 {
        let message = format!("Rate {n}");
        stream.push_str(&format!(
            "commit refs/heads/main\ncommitter Test <test@example.com> {} +0000\ndata {}\n{message}\n",
            1_780_000_000 + n,
            message.len()
        ));
        if n == 1 {
            stream.push_str("from refs/heads/main^0\n");
        }
        let body = format!("rate = {n}\n");
        stream.push_str(&format!(
            "M 100644 inline src/pump.py\ndata {}\n{body}\n",
            body.len()
        ));
    }
    std::fs::write(repo.join(".git/stream"), stream).unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("git fast-import --quiet < .git/stream && git reset -q --hard main")
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

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
