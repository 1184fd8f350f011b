//! MFDS-CYB-012 on repositories built here: a credential in the tree and one only in history are
//! found, named by path, line and commit, and never shown.

use crate::common::{
    commit_files as commit, findings_of, git, git_repo, rule_state, samdscan_json,
};

const CONFIG: &str = "product:\n  name: Pump\n  grade: 2\n  connected: true\n";

/// Tokens built from parts, so that this source file holds none.
fn aws_key() -> String {
    format!("{}{}", "AKIA", "Q3ZT7RK2LM5NB4XW")
}

fn pem() -> String {
    format!(
        "-----BEGIN {} PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n",
        "RSA"
    )
}

fn scan(repo: &std::path::Path) -> serde_json::Value {
    scan_against(repo, &[])
}

/// The JSON report of a scan with `extra` arguments (`--base REF`).
fn scan_against(repo: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let args = ["scan", "--format", "json", "--fail-on", "never"];
    let args: Vec<&str> = args.iter().chain(extra).copied().collect();
    samdscan_json(&args, repo).0
}

#[test]
fn secrets_in_tree_and_history_are_named_but_never_shown() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/app.py", "x = 1\n")]);
    let repo = dir.path();
    commit(repo, &[("deploy/id_rsa", &pem())], "Add deploy key (CR-2)");
    let added = git(repo, &["rev-parse", "--short=7", "HEAD"]);
    git(repo, &["rm", "-q", "deploy/id_rsa"]);
    git(repo, &["commit", "-q", "-m", "Remove deploy key (CR-3)"]);
    let env = format!("REGION=eu\nAWS_ACCESS_KEY_ID={}\n", aws_key());
    commit(
        repo,
        &[("config/prod.env", &env)],
        "Production settings (CR-4)",
    );
    // A placeholder and a test fixture's dummy password are not secrets.
    commit(
        repo,
        &[
            ("config/example.env", "API_TOKEN=your-token-here-please\n"),
            ("tests/test_login.py", "password = \"Zq8vL2m!pR7xT4wK\"\n"),
        ],
        "Examples (CR-5)",
    );

    let report = scan(repo);
    assert_eq!(rule_state(&report, "MFDS-CYB-012"), "failed");
    let mut messages: Vec<String> = findings_of(&report, "MFDS-CYB-012")
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "AWS access key committed in config/prod.env line 2 (the value is not shown): rotate it and load it from a secret store".to_string(),
            format!("private key was added in commit {} (deploy/id_rsa line 1) and removed since, but stays in the history (the value is not shown): rotate it", added.trim()),
        ]
    );
    let whole = serde_json::to_string(&report).unwrap();
    assert!(!whole.contains(&aws_key()) && !whole.contains("MIIEowIBAAKCAQEA"));
    // SARIF quotes the line a finding points at, except a secret's.
    let sarif = crate::common::samdscan()
        .args(["scan", "--format", "sarif", "--fail-on", "never"])
        .arg(repo)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&sarif.stdout).contains(&aws_key()));
    let (evidence, _) = samdscan_json(&["evidence"], repo);
    let text = serde_json::to_string(&evidence["secrets"]).unwrap();
    assert!(!text.contains(&aws_key()));
    assert_eq!(evidence["secrets"]["commits_searched"], 5);
}

#[test]
fn a_clean_repository_passes_on_what_was_searched() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        ("src/app.py", "password = os.environ[\"DB_PASSWORD\"]\n"),
    ]);
    let report = scan(dir.path());
    assert_eq!(rule_state(&report, "MFDS-CYB-012"), "passed");
}

/// A `--base` scan searches the base's commits too (each commit's added lines are read once per
/// run): a key both sides' history holds is unchanged, the one the branch added is new.
#[test]
fn a_pull_request_scan_marks_the_secret_its_branch_added_as_new() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/app.py", "x = 1\n")]);
    let repo = dir.path();
    commit(repo, &[("deploy/id_rsa", &pem())], "Add deploy key (CR-2)");
    git(repo, &["rm", "-q", "deploy/id_rsa"]);
    git(repo, &["commit", "-q", "-m", "Remove deploy key (CR-3)"]);
    git(repo, &["checkout", "-q", "-b", "feature"]);
    let env = format!("AWS_ACCESS_KEY_ID={}\n", aws_key());
    commit(repo, &[("config/prod.env", &env)], "Settings (CR-4)");
    let report = scan_against(repo, &["--base", "main"]);
    let mut states: Vec<(String, String)> = findings_of(&report, "MFDS-CYB-012")
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            (path, f["baseline_state"].as_str().unwrap().to_string())
        })
        .collect();
    states.sort();
    assert_eq!(
        states,
        [
            ("config/prod.env".to_string(), "new".to_string()),
            ("deploy/id_rsa".to_string(), "unchanged".to_string()),
        ]
    );
}

/// With `--base`, the branch searches its own commits on top of the newest 1,000 the base side
/// searches: a key removed long ago, in the base side's oldest searched commits, is unchanged,
/// not reported as fixed by the branch.
#[test]
fn a_pull_request_scan_does_not_report_an_old_secret_as_fixed() {
    let dir = git_repo(&[(".samdscan.yaml", CONFIG), ("src/app.py", "x = 1\n")]);
    let repo = dir.path();
    // 30 commits, the key added and removed, and 1,040 commits on top: the key's commit is the
    // 1,042nd from the tip, within the newest 1,000 of the base (50 commits back) but not of
    // the branch; both sides' searches stop before the first commit.
    crate::common::fast_import_rates(repo, 30, 1_770_000_000, |n| format!("Rate {n} (CR-1)"));
    commit(repo, &[("deploy/id_rsa", &pem())], "Add deploy key (CR-2)");
    git(repo, &["rm", "-q", "deploy/id_rsa"]);
    git(repo, &["commit", "-q", "-m", "Remove deploy key (CR-3)"]);
    crate::common::fast_import_rates(repo, 1040, 1_780_000_000, |n| format!("Rate {n} (CR-4)"));
    let report = scan_against(repo, &["--base", "HEAD~50"]);
    let states: Vec<&str> = findings_of(&report, "MFDS-CYB-012")
        .iter()
        .map(|f| f["baseline_state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["unchanged"], "{report}");
    // Both sides say the same of their capped search, so the diagnostic is not new either.
    let capped: Vec<&serde_json::Value> = findings_of(&report, "SAMDSCAN-004")
        .into_iter()
        .filter(|f| f["message"].as_str().unwrap().contains("committed secrets"))
        .collect();
    assert_eq!(capped.len(), 1, "{report}");
    assert_eq!(capped[0]["baseline_state"], "unchanged");
}
