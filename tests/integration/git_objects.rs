//! A corrupt loose git object is refused with a diagnostic naming it, within seconds: libgit2
//! would spin forever inflating a truncated one (the history walk and `--rev` blob reads both
//! reach it). Packed repositories are read as before.

use crate::common::{git, git_repo, samdscan};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The loose file of the object `rev` names.
fn loose_file(repo: &Path, rev: &str) -> (String, PathBuf) {
    let id = git(repo, &["rev-parse", rev]).trim().to_string();
    let file = repo.join(".git/objects").join(&id[..2]).join(&id[2..]);
    (id, file)
}

/// Cuts the loose file of `rev` in half; its object id.
fn truncate_object(repo: &Path, rev: &str) -> String {
    let (id, file) = loose_file(repo, rev);
    let bytes = std::fs::read(&file).unwrap();
    let mut perms = std::fs::metadata(&file).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&file, perms).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    id
}

/// Runs `samdscan ARGS` with a timeout: exit code and stderr.
fn scan(args: &[&str]) -> (i32, String) {
    let out = samdscan()
        .args(args)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.code().expect("exited within the timeout"),
        stderr,
    )
}

fn repo_with_sbom() -> tempfile::TempDir {
    git_repo(&[
        ("README.md", "# r\n"),
        (
            "sbom/app.cdx.json",
            r#"{"bomFormat": "CycloneDX", "specVersion": "1.5"}"#,
        ),
    ])
}

#[test]
fn truncated_commit_is_refused_naming_the_object() {
    let repo = repo_with_sbom();
    let id = truncate_object(repo.path(), "HEAD");
    let path = repo.path().to_str().unwrap();
    let (code, stderr) = scan(&["scan", path, "--format", "json"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&id), "{stderr}");
    assert!(
        stderr.contains(&format!("{}/{}", &id[..2], &id[2..])),
        "{stderr}"
    );
    assert!(stderr.contains("truncated"), "{stderr}");
}

#[test]
fn truncated_blob_is_refused_for_rev_and_evidence() {
    let repo = repo_with_sbom();
    let id = truncate_object(repo.path(), "HEAD:sbom/app.cdx.json");
    let path = repo.path().to_str().unwrap();
    for args in [
        vec!["scan", path, "--rev", "HEAD", "--format", "json"],
        vec!["evidence", path, "--rev", "HEAD"],
    ] {
        let (code, stderr) = scan(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(&id), "{args:?}: {stderr}");
    }
}

#[test]
fn packed_repository_is_read_as_before() {
    let repo = repo_with_sbom();
    git(repo.path(), &["gc", "-q"]);
    assert!(
        !loose_file(repo.path(), "HEAD").1.exists(),
        "gc packs the commit"
    );
    let path = repo.path().to_str().unwrap();
    let (code, stderr) = scan(&["scan", path, "--rev", "HEAD", "--format", "json"]);
    assert!(code < 2, "{stderr}");
}
