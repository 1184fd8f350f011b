//! Config errors as the user meets them from the real binary: every problem of the file at once,
//! each at its file, line, column and key, exit 2; globs in every key that takes them checked as
//! config; an unresolvable history scope stops the scan naming where it was written; a rule id
//! the policies do not define in `policies.disable` is a SAMDSCAN-002 warning. The messages are
//! snapshots (`tests/integration/snapshots/`).

use crate::common::{git_repo, samdscan};

const SOURCE: (&str, &str) = ("src/main.py", "print('hi')\n");

/// `samdscan scan REPO ARGS` on a repository whose config is `yaml`: exit code and stderr.
fn scan_with_config(yaml: &str, args: &[&str]) -> (Option<i32>, String) {
    let repo = git_repo(&[(".samdscan.yaml", yaml), SOURCE]);
    let out = samdscan()
        .arg("scan")
        .arg(repo.path())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The stderr of a scan that must fail with exit 2, for a snapshot.
fn config_error(yaml: &str, args: &[&str]) -> String {
    let (code, stderr) = scan_with_config(yaml, args);
    assert_eq!(code, Some(2), "{stderr}");
    stderr
}

#[test]
fn unknown_key() {
    insta::assert_snapshot!(config_error(
        "product:\n  name: Demo\n  grdae: 3\n  intended_use: docs/iu.md\n  colour: red\n",
        &[]
    ));
}

#[test]
fn wrong_type() {
    insta::assert_snapshot!(config_error("product:\n  grade: three\n", &[]));
}

#[test]
fn bad_value() {
    insta::assert_snapshot!(config_error(
        "history:\n  change_reference: '(CR|CHG-[0-9]+'\n",
        &[]
    ));
}

#[test]
fn bad_glob() {
    insta::assert_snapshot!(config_error(
        "product:\n  software_systems:\n    - {name: app, paths: [\"src/{a,b\"], safety_class: B}\n",
        &[]
    ));
}

#[test]
fn missing_required_key() {
    insta::assert_snapshot!(config_error(
        "waivers:\n  - rule: MFDS-CYB-006\n    approved_by: QA\n    expires: 2027-01-01\n    ref: CAPA-1\n",
        &[]
    ));
}

#[test]
fn yaml_syntax() {
    insta::assert_snapshot!(config_error("product:\n  name: [Demo\n", &[]));
}

const SEVERAL: &str = r#"product:
  name: Demo
  grade: three
  grdae: 3
  software_systems:
    - {name: app, paths: ["src/{a,b"], safety_class: B}
  safety_critical_paths: ["src/alarm/[z-a]"]
evidence:
  sbom: ["sbom/{x"]
  sbomz: ["*.cdx.json"]
  max_file_size: 12 parsecs
history:
  change_reference: "(unclosed"
policies:
  disable: MFDS-CYB-001
  severity: {MFDS-CYB-006: fatal}
waivers:
  - rule: MFDS-CYB-006
    path: "src/**/{a"
    approved_by: QA
    expires: soon
    ref: C-1
"#;

#[test]
fn several_errors_at_once() {
    let stderr = config_error(SEVERAL, &[]);
    assert_eq!(stderr.lines().count(), 13, "{stderr}");
    assert!(
        stderr
            .lines()
            .all(|l| l.starts_with("error: .samdscan.yaml:"))
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn unresolvable_scope_from_the_command_line() {
    insta::assert_snapshot!(config_error(
        "history:\n  scope: all\n",
        &["--since", "v1.0.O"]
    ));
}

#[test]
fn unresolvable_scope_from_the_config() {
    insta::assert_snapshot!(config_error(
        "product:\n  name: Demo\nhistory:\n  scope: v1.0.O\n",
        &[]
    ));
}

#[test]
fn a_resolvable_scope_still_scans() {
    let (code, stderr) = scan_with_config("history:\n  scope: HEAD\n", &["--fail-on", "never"]);
    assert_eq!(code, Some(0), "{stderr}");
}

/// Every key that takes globs rejects an invalid one as config, at the key.
#[test]
fn every_glob_key_is_checked_as_config() {
    let cases = [
        (
            "product:\n  software_systems:\n    - name: app\n      paths: ['{x']\n",
            "product.software_systems[0].paths[0]",
        ),
        (
            "product:\n  safety_critical_paths: ['{x']\n",
            "product.safety_critical_paths[0]",
        ),
        ("product:\n  ui_paths: ['{x']\n", "product.ui_paths[0]"),
        ("evidence:\n  sbom: ['{x']\n", "evidence.sbom[0]"),
        ("history:\n  release_tags: 'v{1'\n", "history.release_tags"),
        (
            "waivers:\n  - {rule: R, path: '{x', reason: r, approved_by: QA, expires: 2027-01-01, ref: C}\n",
            "waivers[0].path",
        ),
    ];
    for (yaml, key) in cases {
        let stderr = config_error(yaml, &[]);
        assert!(
            stderr.contains(&format!("{key}: invalid glob")),
            "{yaml}: {stderr}"
        );
    }
}

#[test]
fn an_unknown_disabled_rule_is_a_warning() {
    let repo = git_repo(&[
        (
            ".samdscan.yaml",
            "policies:\n  disable:\n    - MFDS-CYB-001\n    - MFDS-CYB-999\n",
        ),
        SOURCE,
    ]);
    let report = crate::common::scan_json(repo.path());
    let unknown: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "SAMDSCAN-002")
        .map(|f| (f["level"].clone(), f["line"].clone(), f["message"].clone()))
        .collect();
    assert_eq!(
        unknown,
        [(
            "warning".into(),
            4.into(),
            "policies.disable names rule `MFDS-CYB-999`, which no loaded policy defines".into()
        )]
    );
}
