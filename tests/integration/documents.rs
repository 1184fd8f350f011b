//! Regulatory documents and the evidence index, end to end on temporary git repositories:
//! recognition by Korean and English titles, last commit and review dates from history, external
//! attestations in every report, and bad input reported rather than fatal.

use crate::common::{evidence_json as evidence, git, git_repo, samdscan, scan_json, write_files};
use serde_json::Value;

const PROFILE: &str = "product:\n  name: P\n  version: 1.0.0\n  regime: DMPA\n  grade: 2\n  connected: true\n  software_systems:\n    - {name: p, paths: [\"src/**\"], safety_class: B}\n";

fn paths_of(ev: &Value, kind: &str) -> Vec<String> {
    ev["documents"][kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn documents_are_recognised_by_korean_and_english_titles() {
    let repo = git_repo(&[
        (".samdscan.yaml", PROFILE),
        ("docs/sec/plan-a.md", "# 침해사고 대응 계획\n\n## 탐지\n"),
        (
            "docs/sec/plan-b.rst",
            "Incident Response Plan\n======================\n",
        ),
        ("docs/notes.md", "# Meeting notes\n"),
        ("docs/pms/시판후-감시.md", "# 시판 후 감시 계획\n"),
    ]);
    let ev = evidence(repo.path(), &[]);
    assert_eq!(
        paths_of(&ev, "incident_response_plan"),
        ["docs/sec/plan-a.md", "docs/sec/plan-b.rst"]
    );
    assert_eq!(
        ev["documents"]["incident_response_plan"][0]["matched_by"],
        "title"
    );
    assert_eq!(
        paths_of(&ev, "post_market_surveillance_plan"),
        ["docs/pms/시판후-감시.md"]
    );
    assert_eq!(
        ev["documents"]["post_market_surveillance_plan"][0]["matched_by"],
        "name"
    );
}

#[test]
fn last_commit_and_review_date_come_from_history_and_follow_rev() {
    let repo = git_repo(&[
        (".samdscan.yaml", PROFILE),
        ("docs/security/threat-model.md", "# Threat model\n"),
    ]);
    let first = git(repo.path(), &["rev-parse", "HEAD"]).trim().to_string();
    write_files(
        repo.path(),
        &[(
            "docs/security/threat-model.md",
            "# Threat model\n\n## Threats\n",
        )],
    );
    git(
        repo.path(),
        &["commit", "-qam", "Review threat model (CR-2)"],
    );
    let second = git(repo.path(), &["rev-parse", "HEAD"]).trim().to_string();
    let ev = evidence(repo.path(), &["--as-of", "2026-12-31"]);
    let doc = &ev["documents"]["threat_model"][0];
    assert_eq!(doc["last_commit"]["id"], second.as_str());
    assert_eq!(doc["last_commit"]["summary"], "Review threat model (CR-2)");
    assert_eq!(doc["reviewed"]["source"], "last_commit");
    assert_eq!(doc["reviewed"]["age_days"], 91);
    let old = evidence(repo.path(), &["--rev", &first]);
    assert_eq!(
        old["documents"]["threat_model"][0]["last_commit"]["id"],
        first.as_str()
    );
}

#[test]
fn a_revision_off_the_checked_out_branch_is_dated_from_its_own_history() {
    let repo = git_repo(&[
        (".samdscan.yaml", PROFILE),
        ("docs/security/threat-model.md", "# Threat model\n"),
        ("Cargo.lock", "version = 3\n"),
        (
            "sbom.cdx.json",
            "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\"}\n",
        ),
    ]);
    git(repo.path(), &["checkout", "-q", "-b", "hotfix"]);
    write_files(
        repo.path(),
        &[
            (
                "docs/security/threat-model.md",
                "# Threat model\n\n## Hotfix\n",
            ),
            ("src/http_server.py", "print('listening')\n"),
            ("Cargo.lock", "version = 3\n# bumped\n"),
        ],
    );
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "Hotfix listener (CR-9)"]);
    git(repo.path(), &["checkout", "-q", "main"]);
    let ev = evidence(repo.path(), &["--rev", "hotfix"]);
    let doc = &ev["documents"]["threat_model"][0];
    assert_eq!(doc["last_commit"]["summary"], "Hotfix listener (CR-9)");
    let interface = &ev["interface_changes"]["last_change"];
    assert_eq!(interface["summary"], "Hotfix listener (CR-9)");
    assert_eq!(interface["path"], "src/http_server.py");
    // The hotfix's lockfile content was introduced on the hotfix branch only.
    assert_eq!(ev["dependencies"]["freshness"][0]["lockfile"], "Cargo.lock");
    // The checked-out branch never saw the hotfix.
    let head = evidence(repo.path(), &[]);
    assert_eq!(head["interface_changes"]["last_change"], Value::Null);
    assert_eq!(
        head["documents"]["threat_model"][0]["last_commit"]["summary"],
        "Initial commit (CR-1)"
    );
}

#[test]
fn without_history_documents_have_no_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), &[("docs/threat-model.md", "# Threat model\n")]);
    let ev = evidence(dir.path(), &[]);
    let doc = &ev["documents"]["threat_model"][0];
    assert!(doc.get("last_commit").is_none(), "{doc}");
    assert_eq!(doc["reviewed"], Value::Null);
}

#[test]
fn external_attestation_becomes_a_note_pointing_into_the_index() {
    let repo = git_repo(&[
        (".samdscan.yaml", PROFILE),
        (
            "regulatory/evidence-index.yaml",
            "# eQMS records\nMFDS-CYB-014:\n  external: {system: eQMS, document_id: SEC-IR-9, version: 2.0, approved: 2026-06-30, owner: Security}\n",
        ),
    ]);
    let report = scan_json(repo.path());
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "MFDS-CYB-014")
        .expect("the rule still reports");
    assert_eq!(finding["level"], "note");
    assert_eq!(finding["path"], "regulatory/evidence-index.yaml");
    assert_eq!(finding["line"], 2);
    let message = finding["message"].as_str().unwrap();
    assert!(
        message
            .ends_with("(attested externally: SEC-IR-9 version 2.0, approved 2026-06-30 in eQMS)"),
        "{message}"
    );
    let sarif = samdscan()
        .args(["scan", "--format", "sarif", "--fail-on", "never"])
        .arg(repo.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&sarif.stdout).contains("attested externally: SEC-IR-9"));
}

#[test]
fn invalid_external_record_attests_nothing() {
    let repo = git_repo(&[
        (".samdscan.yaml", PROFILE),
        (
            "regulatory/evidence-index.yaml",
            "MFDS-CYB-014:\n  external: {system: eQMS, document_id: SEC-IR-9, version: '2', approved: 2026-02-30}\n",
        ),
    ]);
    let report = scan_json(repo.path());
    let levels: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "MFDS-CYB-014" || f["rule_id"] == "MFDS-GEN-004")
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().into(),
                f["level"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("MFDS-CYB-014".into(), "error".into()),
            ("MFDS-GEN-004".into(), "warning".into())
        ]
    );
}

#[test]
fn malformed_index_binary_document_and_bad_checklist_are_reported_not_fatal() {
    let repo = git_repo(&[
        (".samdscan.yaml", PROFILE),
        (
            "regulatory/evidence-index.yaml",
            "MFDS-CYB-014: [unclosed\n",
        ),
        (
            "docs/security/mfds-cyber-checklist.yaml",
            "requirements: {not: a list}\n",
        ),
    ]);
    std::fs::write(
        repo.path().join("docs/threat-model.md"),
        b"# Threat\x00model\xff",
    )
    .unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "Add broken files (CR-3)"]);
    let report = scan_json(repo.path());
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
    assert!(
        has("regulatory/evidence-index.yaml: evidence index is not valid YAML"),
        "{messages:?}"
    );
    assert!(has("docs/threat-model.md: binary content"), "{messages:?}");
    assert!(
        has("mfds-cyber-checklist.yaml cannot be read as a checklist: no `requirements:` list"),
        "{messages:?}"
    );
}

#[test]
fn expectations_a_repository_cannot_show_are_not_observable() {
    let profile = PROFILE.replace("regime: DMPA", "regime: WELLNESS");
    assert_ne!(profile, PROFILE);
    let repo = git_repo(&[(".samdscan.yaml", PROFILE)]);
    let wellness = git_repo(&[(".samdscan.yaml", profile.as_str())]);
    let report = scan_json(repo.path());
    let state = |id: &str| {
        report["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["state"].as_str().unwrap().to_string())
    };
    // Without a certificate record in the evidence index, certification is not observable.
    assert_eq!(state("MFDS-QMS-003").as_deref(), Some("not_observable"));
    assert_eq!(state("MFDS-QMS-004").as_deref(), Some("not_applicable"));
    let report = scan_json(wellness.path());
    let qms4 = crate::common::rule(&report, "MFDS-QMS-004");
    assert_eq!(qms4["state"], "not_observable", "{qms4}");
}

#[test]
fn catalogue_listing_derives_states_from_the_loaded_rules() {
    let out = samdscan()
        .args(["policy", "list", "--catalogue"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("MFDS-CYB-014   implemented"), "{text}");
    assert!(text.contains("MFDS-QMS-003   implemented"), "{text}");
    assert!(text.contains("MFDS-INT-003   implemented"), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("MFDS-")).count(), 69);

    // A user policy with a planned id makes it implemented.
    let Some(planned) = text
        .lines()
        .find(|l| l.starts_with("MFDS-") && l.contains(" planned "))
        .and_then(|l| l.split_whitespace().next())
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let policy = format!(
        "# METADATA\n# title: Mine\n# description: x\n# custom:\n#   id: {planned}\n#   severity: note\npackage user.mine\n\nimport rego.v1\n\ndeny contains {{\"msg\": \"x\"}} if false\n"
    );
    write_files(dir.path(), &[("mine.rego", policy.as_str())]);
    let out = samdscan()
        .args(["policy", "list", "--catalogue", "--policy"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with(planned) && l.contains(" implemented ")),
        "{text}"
    );
}

#[test]
fn the_template_guide_lists_every_document_kind_and_title_phrase() {
    let guide = std::fs::read_to_string(crate::common::examples_dir().join("../docs/templates.md"))
        .unwrap();
    for kind in samdscan::evidence::documents::kinds::DOCUMENT_KIND_TABLE {
        assert!(
            guide.contains(&format!("`{}`", kind.file.name)),
            "docs/templates.md lacks `{}`",
            kind.file.name
        );
        for phrase in kind.titles {
            assert!(
                guide.contains(phrase),
                "docs/templates.md lacks the title phrase {phrase:?} of {}",
                kind.file.name
            );
        }
    }
}

#[test]
fn a_threat_model_older_than_the_last_interface_change_is_reported() {
    let config = format!("{PROFILE}evidence:\n  interface_code: [\"src/link/**\"]\n");
    let model = crate::common::filled(
        "---\nreviewed: 2026-10-01\n---\n# Threat model\n## Trust boundaries\n## Interfaces\n## External dependencies\n## Threats\n",
    );
    let model = model.as_str();
    let repo = git_repo(&[
        (".samdscan.yaml", config.as_str()),
        ("docs/security/threat-model.md", model),
        ("src/link/serial.py", "PORT = 1\n"),
        (
            "src/http_client.py",
            "# not interface code under this config\n",
        ),
    ]);
    let cyb007 = |report: &Value| -> Vec<String> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule_id"] == "MFDS-CYB-007")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(cyb007(&scan_json(repo.path())), Vec::<String>::new());
    write_files(repo.path(), &[("src/link/serial.py", "PORT = 2\n")]);
    let later = std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-qam",
            "Change the serial protocol (CR-4)",
        ])
        .current_dir(repo.path())
        .env("GIT_AUTHOR_DATE", "2026-11-02T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-02T12:00:00Z")
        .status()
        .unwrap();
    assert!(later.success());
    git(
        repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "Unrelated (CR-5)"],
    );
    let ev = evidence(repo.path(), &[]);
    assert_eq!(
        ev["interface_changes"]["last_change"]["path"],
        "src/link/serial.py"
    );
    let messages = cyb007(&scan_json(repo.path()));
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains(
            "(reviewed 2026-10-01) predates the last change to interface code: \
             src/link/serial.py on 2026-11-02 (Change the serial protocol (CR-4)"
        ),
        "{messages:?}"
    );
}
