//! The command line as a user meets it: exit codes, config errors that point into the file,
//! output formats and files, policy commands, and fail-closed policy errors.

use crate::common::{git_repo, samdscan};
use predicates::prelude::*;
use serde_json::Value;

const PROFILE: &str = "product:\n  name: Demo\n  regime: MDA\n  grade: 2\n  route: certification\n  dmd_type: standalone\n  software_systems:\n    - {name: app, paths: [\"src/**\"], safety_class: B}\n";

fn demo_repo(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![
        (".samdscan.yaml", PROFILE),
        ("src/main.py", "print('hi')\n"),
        ("README.md", "# Demo\n"),
    ];
    let extra: Vec<(&str, String)> = extra
        .iter()
        .map(|(path, text)| match path.ends_with(".md") {
            true => (*path, crate::common::filled(text)),
            false => (*path, text.to_string()),
        })
        .collect();
    files.extend(extra.iter().map(|(p, t)| (*p, t.as_str())));
    git_repo(&files)
}

fn json_report(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = samdscan()
        .arg("scan")
        .arg(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rule_ids(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect()
}

/// Writes `yaml` as the config of a demo repository and expects exit 2 with `expected` on stderr.
fn assert_config_error(yaml: &str, expected: &[&str]) {
    let repo = demo_repo(&[]);
    std::fs::write(repo.path().join(".samdscan.yaml"), yaml).unwrap();
    let out = samdscan().arg("scan").arg(repo.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for e in expected {
        assert!(stderr.contains(e), "{stderr} lacks {e}");
    }
}

#[test]
fn unknown_config_key_is_exit_2_naming_file_line_and_key() {
    assert_config_error(
        "product:\n  name: X\n  grdae: 3\n",
        &["error: .samdscan.yaml:3:", "grdae"],
    );
}

#[test]
fn wrong_type_in_config_is_exit_2() {
    assert_config_error(
        "policies:\n  disable: MFDS-CYB-001\n",
        &["error: .samdscan.yaml:2:"],
    );
}

#[test]
fn invalid_regex_and_bad_waiver_are_config_errors() {
    assert_config_error(
        "history:\n  change_reference: '(unclosed'\n",
        &[".samdscan.yaml:2:", "change_reference"],
    );
    assert_config_error(
        "waivers:\n  - {rule: MFDS-CYB-006, approved_by: QA, expires: 2027-01-01, ref: C-1}\n",
        &["reason"],
    );
    assert_config_error(
        "waivers:\n  - {rule: X, reason: r, approved_by: QA, expires: soon, ref: C-1}\n",
        &["invalid date"],
    );
}

#[test]
fn out_of_range_grade_is_a_finding_and_the_scan_goes_on() {
    let repo = demo_repo(&[]);
    std::fs::write(
        repo.path().join(".samdscan.yaml"),
        PROFILE.replace("grade: 2", "grade: 5"),
    )
    .unwrap();
    let report = json_report(repo.path(), &["--fail-on", "never"]);
    let f = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "MFDS-GEN-001")
        .unwrap();
    assert_eq!(f["path"], ".samdscan.yaml");
    assert_eq!(f["line"], 4);
    assert!(f["message"].as_str().unwrap().contains("`5`"));
}

#[test]
fn config_is_found_under_dot_github_and_can_be_disabled() {
    let repo = git_repo(&[
        (".github/samdscan.yaml", PROFILE),
        ("src/main.py", "x\n"),
        ("README.md", "# r\n"),
    ]);
    let with = json_report(repo.path(), &["--fail-on", "never"]);
    assert!(!rule_ids(&with).contains(&"MFDS-GEN-001".to_string()));
    let without = json_report(repo.path(), &["--fail-on", "never", "--no-config"]);
    assert!(rule_ids(&without).contains(&"MFDS-GEN-001".to_string()));
}

#[test]
fn fail_on_sets_the_exit_code_for_every_format() {
    let repo = demo_repo(&[]);
    for format in ["text", "json", "sarif", "markdown"] {
        samdscan()
            .arg("scan")
            .arg(repo.path())
            .args(["--format", format])
            .assert()
            .code(1);
        samdscan()
            .arg("scan")
            .arg(repo.path())
            .args(["--format", format, "--fail-on", "never"])
            .assert()
            .code(0);
    }
}

#[test]
fn fail_on_warning_counts_warnings() {
    // An MDA grade 2 product that is not connected: a missing SECURITY.md is only a warning.
    let docs = [
        (
            "docs/sdlc/software-development-plan.md",
            "# SDP\nPer IEC 62304.\n## Life-cycle model\n## Deliverables\n## Verification planning\n## Risk management planning\n## Integration testing\n## Configuration management\n## Maintenance\n",
        ),
        (
            "docs/risk/risk-management-plan.md",
            "# RMP\nFor the intended use; scores of 10 or more are unacceptable.\n## Scope\n## Responsibilities\n## Verification\n## Post-production information\n",
        ),
        (
            "docs/risk/risk-table.csv",
            "id,hazard,hazardous_situation,harm,severity,probability,risk_controls,residual_risk,verification\nRSK-1,x,y,z,Minor,Remote,RC-1,Acceptable,TC-1\n",
        ),
        ("docs/risk/risk-management-report.md", "# RMR\n"),
        (
            "docs/architecture/software-architecture.md",
            "# Software architecture\n",
        ),
        ("docs/requirements/srs.md", "## REQ-1: Greet\n"),
        ("tests/test_main.py", "# Verifies: REQ-1\n"),
        (
            "reports/junit.xml",
            r#"<testsuite tests="1"><testcase name="t"/></testsuite>"#,
        ),
        ("lcov.info", "SF:src/main.py\nDA:1,1\nend_of_record\n"),
        ("CHANGELOG.md", "# Changelog\n"),
        (
            "docs/intended-use.md",
            "# Intended use\n## Indications\n## Patient population\n## Users\n## Environment\n## Limitations\n",
        ),
        (
            "sbom/app.cdx.json",
            r#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[],
                "metadata":{"timestamp":"2026-10-01T00:00:00Z","authors":[{"name":"Demo"}]}}"#,
        ),
    ];
    let repo = demo_repo(&docs);
    let report = json_report(repo.path(), &[]);
    let levels: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["level"].as_str().unwrap())
        .collect();
    let errors: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["level"] == "error")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        levels.contains(&"warning") && errors.is_empty(),
        "{errors:?}"
    );
    samdscan().arg("scan").arg(repo.path()).assert().code(0);
    samdscan()
        .arg("scan")
        .arg(repo.path())
        .args(["--fail-on", "warning"])
        .assert()
        .code(1);
}

#[test]
fn output_file_receives_the_report() {
    let repo = demo_repo(&[]);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("r.sarif");
    samdscan()
        .arg("scan")
        .arg(repo.path())
        .args(["--format", "sarif", "--fail-on", "never", "-o"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn text_report_leads_with_failures_and_ends_with_the_verdict() {
    let repo = demo_repo(&[]);
    let out = samdscan().arg("scan").arg(repo.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let errors = text.find("\nErrors (").expect("an errors section");
    assert!(text[errors..].contains("✗ MFDS-CYB-001"), "{text}");
    assert!(
        !text.contains("[not applicable]"),
        "other states are counted, not listed: {text}"
    );
    let last: Vec<&str> = text.trim_end().lines().rev().take(2).collect();
    assert!(
        last[0].starts_with("FAIL: ") && last[0].ends_with("at or above --fail-on error (exit 1)"),
        "{text}"
    );
    assert!(
        last[1].contains("findings:") && last[1].contains("--verbose"),
        "{text}"
    );
}

#[test]
fn disabled_rules_do_not_run_and_severity_overrides_apply() {
    let repo = demo_repo(&[]);
    let cfg = format!(
        "{PROFILE}policies:\n  disable: [MFDS-RSK-001]\n  severity: {{MFDS-SWL-001: note}}\n"
    );
    std::fs::write(repo.path().join(".samdscan.yaml"), cfg).unwrap();
    let report = json_report(repo.path(), &["--fail-on", "never"]);
    assert!(!rule_ids(&report).contains(&"MFDS-RSK-001".to_string()));
    let swl = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "MFDS-SWL-001")
        .unwrap();
    assert_eq!(swl["level"], "note");
    assert_eq!(report["disabled_rules"][0], "MFDS-RSK-001");
}

#[test]
fn user_policy_with_a_rego_error_fails_closed_with_file_and_line() {
    let repo = demo_repo(&[]);
    let policies = tempfile::tempdir().unwrap();
    let rego = "# METADATA\n# title: Broken\n# description: broken\n# custom:\n#   id: ACME-001\n#   severity: error\npackage acme.broken\n\nimport rego.v1\n\ndeny contains f if {\n  f := {\"msg\": concat(\",\", 12)}\n}\n";
    std::fs::write(policies.path().join("broken.rego"), rego).unwrap();
    samdscan()
        .arg("scan")
        .arg(repo.path())
        .arg("--policy")
        .arg(policies.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.rego:12"));
}

#[test]
fn user_policy_findings_are_reported() {
    let repo = demo_repo(&[]);
    let policies = tempfile::tempdir().unwrap();
    let rego = "# METADATA\n# title: README mentions MFDS\n# description: Our house rule.\n# custom:\n#   id: ACME-002\n#   severity: warning\npackage acme.readme\n\nimport rego.v1\n\ndeny contains {\"msg\": \"README is required to mention MFDS\", \"path\": \"README.md\", \"key\": \"readme\"} if {\n  input.repository.readme == \"README.md\"\n}\n";
    std::fs::write(policies.path().join("readme.rego"), rego).unwrap();
    let out = samdscan()
        .arg("scan")
        .arg(repo.path())
        .args(["--format", "json", "--fail-on", "never", "--policy"])
        .arg(policies.path())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "ACME-002")
        .unwrap();
    assert_eq!(
        (f["level"].as_str(), f["path"].as_str()),
        (Some("warning"), Some("README.md"))
    );
}

#[test]
fn policy_list_and_explain() {
    samdscan()
        .args(["policy", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("MFDS-CYB-001").and(predicate::str::contains("SBOM")));
    samdscan()
        .args(["policy", "explain", "MFDS-GEN-003"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("IEC 62304")
                .and(predicate::str::contains("Recommended action")),
        );
    samdscan()
        .args(["policy", "explain", "NOPE-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("NOPE-1"));
}

#[test]
fn policy_test_runs_builtin_and_user_tests_and_fails_on_a_failing_test() {
    samdscan()
        .args(["policy", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains(" passed, 0 failed"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x_test.rego"), "package acme.x_test\n\nimport rego.v1\n\ntest_ok if { 1 == 1 }\n\ntest_bad if { 1 == 2 }\n").unwrap();
    samdscan()
        .args(["policy", "test"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("FAIL")
                .and(predicate::str::contains("test_bad"))
                .and(predicate::str::contains(" 1 failed")),
        );
}

#[test]
fn scans_are_deterministic_byte_for_byte() {
    let repo = demo_repo(&[]);
    for format in ["json", "sarif", "markdown", "text"] {
        let run = || {
            samdscan()
                .arg("scan")
                .arg(repo.path())
                .args(["--format", format])
                .output()
                .unwrap()
                .stdout
        };
        assert_eq!(run(), run(), "{format} differs between runs");
    }
}

#[test]
fn as_of_defaults_to_the_head_commit_date() {
    let repo = demo_repo(&[]);
    let report = json_report(repo.path(), &["--fail-on", "never"]);
    assert_eq!(report["as_of"], "2026-10-01");
    let later = json_report(
        repo.path(),
        &["--fail-on", "never", "--as-of", "2027-01-02"],
    );
    assert_eq!(later["as_of"], "2027-01-02");
}

#[test]
fn a_missing_path_is_a_usage_error() {
    samdscan()
        .args(["scan", "/nonexistent/samdscan-test"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a directory"));
}

#[test]
fn rev_scans_a_past_revision_from_git_objects() {
    let repo = demo_repo(&[]);
    crate::common::write_files(
        repo.path(),
        &[("CHANGELOG.md", "# Changelog\n\n- First.\n")],
    );
    crate::common::git(repo.path(), &["add", "-A"]);
    crate::common::git(repo.path(), &["commit", "-qm", "Add change log (CR-2)"]);
    // The working tree loses the file, but the revisions still tell the truth.
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    let head = json_report(repo.path(), &["--fail-on", "never", "--rev", "HEAD"]);
    assert!(!rule_ids(&head).contains(&"MFDS-SWL-009".to_string()));
    assert_eq!(
        head["repository"]["revision"].as_str().map(str::len),
        Some(40)
    );
    let before = json_report(repo.path(), &["--fail-on", "never", "--rev", "HEAD~1"]);
    assert!(rule_ids(&before).contains(&"MFDS-SWL-009".to_string()));
    samdscan()
        .arg("scan")
        .arg(repo.path())
        .args(["--rev", "no-such-ref"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-ref"));
}

#[test]
fn sarif_carries_version_control_provenance_without_credentials() {
    let repo = demo_repo(&[]);
    crate::common::git(
        repo.path(),
        &[
            "remote",
            "add",
            "origin",
            "https://user:secret@github.com/acme/cardio.git",
        ],
    );
    let out = samdscan()
        .arg("scan")
        .arg(repo.path())
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let vcs = &sarif["runs"][0]["versionControlProvenance"][0];
    assert_eq!(vcs["repositoryUri"], "https://github.com/acme/cardio.git");
    assert_eq!(vcs["branch"], "main");
    assert_eq!(vcs["revisionId"].as_str().map(str::len), Some(40));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("user:secret@"));
}

#[test]
fn hook_mode_reports_what_time_alone_raised_as_warnings() {
    let dir = crate::common::import_example("01-cardiowatch-compliant");
    let repo = dir.path().join("01-cardiowatch-compliant");
    let stale_scan = |extra: &[&str]| {
        let (report, code) = crate::common::samdscan_json(
            &[
                &["scan", "--format", "json", "--as-of", "2027-06-01"],
                extra,
            ]
            .concat(),
            &repo,
        );
        let level = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["rule_id"] == "MFDS-CYB-004"
                    && f["message"].as_str().unwrap().contains("days old")
            })
            .map(|f| f["level"].as_str().unwrap().to_string());
        (level, code)
    };
    assert_eq!(
        stale_scan(&[]),
        (Some("error".to_string()), 1),
        "CI fails on a stale scan"
    );
    assert_eq!(
        stale_scan(&["--hook"]),
        (Some("warning".to_string()), 0),
        "a commit cannot make a scan younger"
    );
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("samdscan");
    let dir = crate::common::import_example("03-broken-evidence");
    for cmd in [
        "policy list",
        "policy explain mfds-cyb-001",
        "scan 03-broken-evidence",
    ] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "'{}' {cmd} 2>err | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
                bin.display()
            ))
            .current_dir(dir.path())
            .output()
            .unwrap();
        let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let err = std::fs::read_to_string(dir.path().join("err")).unwrap();
        assert!(code == "0" || code == "1", "{cmd}: exit {code}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("error:"),
            "{cmd}: {err}"
        );
    }
}

#[test]
fn a_scan_from_a_subfolder_finds_the_repository_top_and_its_config() {
    let dir = crate::common::import_example("03-broken-evidence");
    let repo = dir.path().join("03-broken-evidence");
    let from_top = samdscan()
        .args(["scan", "--format", "json", "--as-of", "2026-10-01"])
        .current_dir(&repo)
        .output()
        .unwrap();
    let from_sub = samdscan()
        .args(["scan", "--format", "json", "--as-of", "2026-10-01"])
        .current_dir(repo.join("src"))
        .output()
        .unwrap();
    assert_eq!(
        from_sub.stdout, from_top.stdout,
        "the same scan as from the top"
    );
    let err = String::from_utf8_lossy(&from_sub.stderr);
    assert!(
        err.contains("is inside the git repository") && err.contains("scanning its top"),
        "{err}"
    );
}
