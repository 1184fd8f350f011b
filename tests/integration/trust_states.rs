//! A rule passes only on evidence it judged: absent evidence makes a rule "not evaluated" (its
//! presence rule carries the finding), every rule state names the evidence it judged (JSON,
//! SARIF, `policy explain --repo`), and files that are not evidence never count as such.

use crate::common::{example_repo, git_repo, import_example, rule, samdscan, scan_json};
use serde_json::{Value, json};

fn evidence_of(report: &Value, id: &str) -> Vec<String> {
    serde_json::from_value(rule(report, id)["evidence"].clone()).unwrap()
}

const CONNECTED_PROFILE: &str = "product:\n  name: Pump\n  regime: DMPA\n  grade: 3\n  connected: true\n  software_systems:\n    - {name: app, paths: [\"src/**\"], safety_class: B}\n";

#[test]
fn no_passed_rule_in_any_example_has_empty_evidence() {
    let mut passed = 0;
    for name in crate::common::example_names() {
        let dir = import_example(&name);
        let report = scan_json(&example_repo(&dir, &name));
        for r in report["rules"].as_array().unwrap() {
            if r["state"] == "passed" {
                passed += 1;
                let evidence = r["evidence"]
                    .as_array()
                    .expect("rules[].evidence is a list");
                assert!(
                    !evidence.is_empty(),
                    "{name}: {} passed on no evidence",
                    r["id"]
                );
            }
        }
    }
    assert!(passed > 0, "no example has a passed rule to check");
}

#[test]
fn without_an_sbom_the_sbom_rules_are_not_evaluated_and_the_presence_rule_fails() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONNECTED_PROFILE),
        ("requirements.txt", "numpy==2.1.3\n"),
        ("src/app.py", "print('x')\n"),
    ]);
    let report = scan_json(dir.path());
    assert_eq!(rule(&report, "MFDS-CYB-001")["state"], "failed");
    for id in ["MFDS-CYB-002", "MFDS-CYB-003"] {
        let r = rule(&report, id);
        assert_eq!(r["state"], "not_evaluated", "{id}");
        assert_eq!(r["reasons"], json!(["no SBOM"]), "{id}");
        assert!(crate::common::findings_of(&report, id).is_empty(), "{id}");
    }
    // The lockfile was judged by the rule that reads it.
    assert_eq!(
        evidence_of(&report, "MFDS-SWL-008"),
        vec!["requirements.txt"]
    );
}

#[test]
fn rules_name_the_files_and_the_commit_range_they_judged_in_json_and_sarif() {
    let name = "01-cardiowatch-compliant";
    let dir = import_example(name);
    let repo = example_repo(&dir, name);
    let report = scan_json(&repo);
    assert_eq!(
        evidence_of(&report, "MFDS-CYB-002"),
        vec!["sbom/cardiowatch.cdx.json"]
    );
    let cyb_003 = evidence_of(&report, "MFDS-CYB-003");
    let range = regex::Regex::new(r"^[0-9a-f]{12}\.\.[0-9a-f]{12}$").unwrap();
    assert!(cyb_003.iter().any(|e| range.is_match(e)), "{cyb_003:?}");
    assert!(
        cyb_003.contains(&"requirements.txt".to_string()),
        "{cyb_003:?}"
    );
    // The evidence index gives a rule its own entries only.
    assert_eq!(
        evidence_of(&report, "MFDS-CYB-009"),
        vec![
            "docs/security/mfds-cyber-checklist.yaml",
            "regulatory/evidence-index.yaml"
        ]
    );
    let out = samdscan()
        .args(["scan", "--format", "sarif", "--fail-on", "never"])
        .arg(&repo)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let descriptors = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for d in descriptors {
        let id = d["id"].as_str().unwrap();
        assert_eq!(
            d["properties"]["evidence"],
            rule(&report, id)["evidence"],
            "{id}"
        );
    }
}

/// `samdscan policy explain ID --repo REPO`, which must succeed; what it printed.
fn explain(id: &str, repo: &std::path::Path) -> String {
    let out = crate::common::succeeded(
        samdscan()
            .args(["policy", "explain", id, "--repo"])
            .arg(repo),
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn policy_explain_with_a_repo_shows_the_state_and_its_evidence() {
    let dir = git_repo(&[(".samdscan.yaml", CONNECTED_PROFILE)]);
    let text = explain("MFDS-CYB-002", dir.path());
    assert!(
        text.contains("# MFDS-CYB-002: SBOM minimum data elements"),
        "{text}"
    );
    assert!(text.contains("- **State:** not evaluated"), "{text}");
    assert!(text.contains("- **Reason:** no SBOM"), "{text}");
    assert!(text.contains("- **Evidence judged:** none"), "{text}");
    let text = explain("MFDS-GEN-003", dir.path());
    assert!(text.contains("- **State:** passed"), "{text}");
    assert!(
        text.contains("- **Evidence judged:** .samdscan.yaml"),
        "{text}"
    );
}

const JUNIT: &str = "<?xml version=\"1.0\"?>\n<testsuite name=\"parser\" tests=\"1\" failures=\"0\"><testcase name=\"reads\" classname=\"p\"/></testsuite>\n";

const RELEASE_NOTES_SCHEMA: &str = "$schema: https://json-schema.org/draft/2020-12/schema\ntitle: Release notes\ntype: object\nproperties:\n  version: {type: string}\n";

#[test]
fn fixtures_test_data_vendored_files_and_schemas_are_not_evidence() {
    let dir = git_repo(&[
        (".samdscan.yaml", CONNECTED_PROFILE),
        ("parser/testdata/junit-report.xml", JUNIT),
        ("tests/fixtures/TEST-sample.xml", JUNIT),
        (
            "docs/release-notes/release-notes.yaml",
            RELEASE_NOTES_SCHEMA,
        ),
        (
            "vendor/lib/CHANGELOG.md",
            "# Changelog\n\n## 1.0.0\n\n- First.\n",
        ),
        (
            "third_party/x/sbom.cdx.json",
            "{\"bomFormat\": \"CycloneDX\"}",
        ),
    ]);
    let ev = crate::common::evidence_json(dir.path(), &[]);
    assert_eq!(ev["test_reports"], json!([]), "{}", ev["test_reports"]);
    assert_eq!(ev["documents"]["changelog"], json!([]));
    assert_eq!(ev["sboms"], json!([]));
    // Skipped quietly: they are not broken evidence.
    assert_eq!(ev["diagnostics"], json!([]));
    let report = scan_json(dir.path());
    for id in ["MFDS-SWL-005", "MFDS-SWL-009", "MFDS-CYB-001"] {
        assert_eq!(rule(&report, id)["state"], "failed", "{id}");
    }
}

#[test]
fn an_explicit_config_glob_still_names_a_file_in_such_a_folder() {
    let config =
        format!("{CONNECTED_PROFILE}evidence:\n  test_report: [\"parser/testdata/*.xml\"]\n");
    let dir = git_repo(&[
        (".samdscan.yaml", config.as_str()),
        ("parser/testdata/junit-report.xml", JUNIT),
    ]);
    let report = scan_json(dir.path());
    assert_eq!(
        evidence_of(&report, "MFDS-SWL-005"),
        vec!["parser/testdata/junit-report.xml"]
    );
}

const USER_POLICY: &str = "# METADATA\n# title: Nothing flagged\n# description: A user rule that declares no evidence.\n# custom:\n#   id: ACME-900\n#   severity: warning\npackage acme.nothing\n\nimport rego.v1\n\ndeny contains f if {\n\tinput.acme_flag == true\n\tf := {\"msg\": \"flagged\"}\n}\n";

#[test]
fn a_user_rule_that_declares_no_evidence_is_not_evaluated_rather_than_passed() {
    let policies = tempfile::tempdir().unwrap();
    crate::common::write_files(policies.path(), &[("nothing.rego", USER_POLICY)]);
    let dir = git_repo(&[(".samdscan.yaml", CONNECTED_PROFILE)]);
    let out = crate::common::succeeded(
        samdscan()
            .args(["scan", "--format", "json", "--fail-on", "never", "--policy"])
            .arg(policies.path())
            .arg(dir.path()),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = rule(&report, "ACME-900");
    assert_eq!(r["state"], "not_evaluated");
    assert!(
        r["reasons"][0]
            .as_str()
            .unwrap()
            .contains("declares no evidence keys"),
        "{r}"
    );
}

#[test]
fn history_rules_name_the_scope_since_the_last_release_as_a_commit_range() {
    let dir = git_repo(&[(".samdscan.yaml", CONNECTED_PROFILE), ("src/app.py", "1\n")]);
    crate::common::git(dir.path(), &["tag", "v1.0.0"]);
    crate::common::commit_files(dir.path(), &[("src/app.py", "2\n")], "Fix rounding (CR-7)");
    let short = |rev: &str| crate::common::git(dir.path(), &["rev-parse", "--short=12", rev]);
    let range = format!("{}..{}", short("v1.0.0").trim(), short("HEAD").trim());
    let report = scan_json(dir.path());
    assert_eq!(rule(&report, "MFDS-CHG-001")["state"], "passed");
    assert_eq!(
        evidence_of(&report, "MFDS-CHG-001"),
        vec![".samdscan.yaml".to_string(), range]
    );
}
