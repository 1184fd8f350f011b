//! `samdscan init`: a starter config from what the repository shows, skeletons with
//! `--templates`, and never a file overwritten.

use crate::common::{git_repo, samdscan};

#[test]
fn init_writes_a_config_that_loads_and_names_what_it_found() {
    let repo = git_repo(&[
        ("app/main.py", "print('hi')\n"),
        ("tests/test_main.py", "def test(): pass\n"),
        ("poetry.lock", "# lock\n"),
        (
            "sbom/app.cdx.json",
            r#"{"bomFormat":"CycloneDX","specVersion":"1.6"}"#,
        ),
        ("docs/threat-model.md", "# Threat model\n"),
    ]);
    let out = samdscan().arg("init").arg(repo.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "wrote    .samdscan.yaml\n\
             detected no versioned release tags: history.release_tags stays v*\n\
             next: fill the TODOs in .samdscan.yaml, then run `samdscan scan {}`\n",
            repo.path().display()
        )
    );
    let text = std::fs::read_to_string(repo.path().join(".samdscan.yaml")).unwrap();
    assert!(text.contains("#   languages: Python (2 files)\n"), "{text}");
    assert!(text.contains("#   lockfiles: poetry.lock\n"), "{text}");
    assert!(
        text.contains("docs/threat-model.md (threat_model)"),
        "{text}"
    );
    assert!(
        text.contains("    - name: app\n      paths: [\"app/**\"]\n"),
        "{text}"
    );
    assert!(!text.contains("tests/**"), "{text}");
    // The written config is accepted by the scanner (GEN-001 reports the TODO facts).
    let scan = samdscan()
        .args(["scan", "--format", "json", "--fail-on", "never"])
        .arg(repo.path())
        .output()
        .unwrap();
    assert_eq!(
        scan.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&scan.stderr)
    );
}

#[test]
fn init_never_overwrites_and_templates_count_as_missing_until_filled() {
    let repo = git_repo(&[
        (
            ".samdscan.yaml",
            "product:\n  name: P\n  version: 2.0.0\n  regime: DMPA\n  connected: true\n  ui: false\n",
        ),
        ("docs/intended-use.md", "# Our intended use\n"),
    ]);
    let out = samdscan()
        .args(["init", "--templates"])
        .arg(repo.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(
        log.contains("kept     .samdscan.yaml (exists; not overwritten)\n"),
        "{log}"
    );
    assert!(
        log.contains("kept     docs/intended-use.md (exists; not overwritten)\n"),
        "{log}"
    );
    assert!(
        log.contains("wrote    docs/security/incident-response-plan.md\n"),
        "{log}"
    );
    assert!(
        !log.contains("usability"),
        "ui: false needs no usability file: {log}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.path().join("docs/intended-use.md")).unwrap(),
        "# Our intended use\n"
    );
    let ifu =
        std::fs::read_to_string(repo.path().join("labeling/instructions-for-use.md")).unwrap();
    assert!(ifu.contains("software_version: \"2.0.0\""), "{ifu}");

    // The scan reads tracked and staged files: stage the skeletons as a team would.
    crate::common::git(repo.path(), &["add", "-A"]);
    let report = crate::common::scan_json(repo.path());
    let message = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "MFDS-CYB-014")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .expect("an unfilled template does not satisfy the rule");
    assert!(
        message.ends_with(
            "docs/security/incident-response-plan.md is an unfilled template (samdscan init skeleton)"
        ),
        "{message}"
    );
}
