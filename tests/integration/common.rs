//! Shared helpers for integration tests: temporary git repositories built by test code, the
//! example importer, the samdscan binary, and the shared conformance data.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fixed date for commits made by tests, so outputs are reproducible.
pub const TEST_DATE: &str = "2026-10-01T12:00:00Z";

/// Runs git in `dir` with a fixed identity and dates; panics with git's output on failure.
pub fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, TEST_DATE, args)
}

/// [`git`] with commits and tags dated `date` (RFC 3339).
pub fn git_at(dir: &Path, date: &str, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "tag.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes `files` (path, content) under `dir`, creating folders.
pub fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (path, content) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }
}

/// A Markdown document with a line of text under each heading: test documents written as bare
/// headings would be unfilled templates, which count as missing.
pub fn filled(doc: &str) -> String {
    doc.lines()
        .flat_map(|l| {
            let body = l.starts_with('#').then_some("Written for this product.");
            [Some(l), body].into_iter().flatten()
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A new git repository holding `files` in one commit.
pub fn git_repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    git_repo_with(files, |_| {})
}

/// A new git repository holding `files` plus whatever `setup` adds to the work tree, in one commit.
pub fn git_repo_with(files: &[(&str, &str)], setup: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    write_files(dir.path(), files);
    setup(dir.path());
    git(dir.path(), &["add", "-A"]);
    git(
        dir.path(),
        &[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "Initial commit (CR-1)",
        ],
    );
    dir
}

/// Writes `files` under `dir` and commits them with `message`.
pub fn commit_files(dir: &Path, files: &[(&str, &str)], message: &str) {
    write_files(dir, files);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// Adds `count` commits on `main` of `dir` with `git fast-import` (fast enough for thousands),
/// each setting `src/pump.py` to `rate = N`, titled `message(N)` and dated `start + N` (Unix
/// seconds), then checks them out.
pub fn fast_import_rates(dir: &Path, count: usize, start: u64, message: impl Fn(usize) -> String) {
    let mut stream = String::new();
    for n in 1..=count {
        let message = message(n);
        stream.push_str(&format!(
            "commit refs/heads/main\ncommitter Test <test@example.com> {} +0000\ndata {}\n{message}\n",
            start + n as u64,
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
    std::fs::write(dir.join(".git/stream"), stream).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("git fast-import --quiet < .git/stream && git reset -q --hard main")
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The JSON report of `samdscan scan --lang LANG REPO` (never failing on findings).
pub fn json_in(lang: &str, repo: &Path) -> serde_json::Value {
    let args = [
        "scan",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--lang",
        lang,
    ];
    samdscan_json(&args, repo).0
}

/// The Korean JSON report of REPO ([`json_in`]).
pub fn korean_json(repo: &Path) -> serde_json::Value {
    json_in("ko", repo)
}

/// Runs `samdscan ARGS REPO`; the JSON it printed and its exit code (panics on exit 2).
pub fn samdscan_json(args: &[&str], repo: &Path) -> (serde_json::Value, i32) {
    let out = samdscan().args(args).arg(repo).output().unwrap();
    let code = out.status.code().unwrap_or(2);
    assert!(code < 2, "{}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), code)
}

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Makes an example a git repository, the one way for all: `examples/materialise.sh` (its base
/// and overlay, the reviewed import commit `Import example (CR-1)`, then its `history.sh`).
pub fn import_example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("bash")
        .arg(examples_dir().join("materialise.sh"))
        .arg(name)
        .arg(dir.path().join(name))
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "examples/materialise.sh {name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// The path of an imported example's repository.
pub fn example_repo(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// The names of every example, sorted.
pub fn example_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(examples_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("README.md").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn samdscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("samdscan").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// The shared conformance data: `$SAMDSCAN_SHARED_DATA`, else the first `shared/data` beside
/// the project or one of the folders above it (a worktree under `wt/` sits one level deeper than
/// the main checkout), else `None`.
fn shared_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SAMDSCAN_SHARED_DATA") {
        return Some(PathBuf::from(dir));
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/data"))
        .find(|data| data.is_dir())
}

/// A file of the shared conformance data ([`shared_root`]), or `None` (with a note) when there is
/// no shared data at all. CI sets SAMDSCAN_REQUIRE_SHARED=1, which turns missing data into a
/// failure; a file missing from data that is present is always a failure (the test names a file
/// that is not there), so no test passes without the check it was written for.
pub fn shared_data(rel: &str) -> Option<PathBuf> {
    let Some(root) = shared_root() else {
        assert!(
            std::env::var_os("SAMDSCAN_REQUIRE_SHARED").is_none(),
            "no shared/data beside {} and SAMDSCAN_REQUIRE_SHARED is set",
            env!("CARGO_MANIFEST_DIR")
        );
        eprintln!("note: no shared/data found; conformance check of {rel} skipped");
        return None;
    };
    let path = root.join(rel);
    assert!(
        path.exists(),
        "{} is missing from the shared data",
        path.display()
    );
    Some(path)
}

/// `samdscan scan --format json --fail-on never` on `repo`, which must exit 0; the parsed report.
pub fn scan_json(repo: &Path) -> serde_json::Value {
    let (report, code) = samdscan_json(&["scan", "--format", "json", "--fail-on", "never"], repo);
    assert_eq!(code, 0);
    report
}

/// `samdscan evidence [extra...] repo`; the parsed evidence document.
pub fn evidence_json(repo: &Path, extra: &[&str]) -> serde_json::Value {
    let args: Vec<&str> = std::iter::once("evidence")
        .chain(extra.iter().copied())
        .collect();
    samdscan_json(&args, repo).0
}

/// Merges `branch` into the checked-out commit with a merge commit (`--no-ff`) titled `message`.
pub fn merge_no_ff(dir: &Path, branch: &str, message: &str) {
    git(dir, &["merge", "-q", "--no-ff", branch, "-m", message]);
}

/// Rule `id` of a JSON report (`{id, state, reasons, evidence, ...}`); panics when it is missing.
pub fn rule<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in report"))
}

/// The paths of a history commit record's `changes`.
pub fn changed_paths(commit: &serde_json::Value) -> Vec<&str> {
    commit["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect()
}

/// The state of rule `id` in a JSON report (`passed`, `failed`, ...); panics when it is missing.
pub fn rule_state(report: &serde_json::Value, id: &str) -> String {
    rule(report, id)["state"].as_str().unwrap().to_string()
}

/// The findings of one rule in a JSON report.
pub fn findings_of<'a>(report: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .collect()
}

/// With `SAMDSCAN_SARIF_OUT=DIR`, keeps a SARIF file a test produced as `DIR/NAME.sarif`, for
/// `.ci/run` to check with Microsoft's SARIF multitool (`validate-sarif`).
pub fn keep_sarif(name: &str, sarif: &str) {
    if let Some(out) = std::env::var_os("SAMDSCAN_SARIF_OUT").map(PathBuf::from) {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(format!("{name}.sarif")), sarif).unwrap();
    }
}

/// Runs samdscan as `cmd` sets it up, failing the test with its stderr unless it exits 0; its
/// output.
pub fn succeeded(cmd: &mut assert_cmd::Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `samdscan scan --format json --fail-on never --as-of DATE REPO`: the report.
pub fn scan_as_of(repo: &Path, date: &str) -> serde_json::Value {
    samdscan_json(
        &[
            "scan",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--as-of",
            date,
        ],
        repo,
    )
    .0
}

/// The messages of one rule's findings in a JSON report, sorted.
pub fn sorted_messages(report: &serde_json::Value, rule: &str) -> Vec<String> {
    let mut out: Vec<String> = findings_of(report, rule)
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default().to_string())
        .collect();
    out.sort();
    out
}
