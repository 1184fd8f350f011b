//! Rules that read other rules' outcomes in the same scan (evaluated in a second pass): MFDS-INT-003,
//! the FDA §524B cyber-device package, and MFDS-INT-001, the cross-jurisdiction crosswalk, on
//! repositories built here.

use crate::common::{example_repo, findings_of, git_repo, import_example, rule, scan_json};

#[test]
fn the_package_names_each_failing_cybersecurity_rule() {
    let repo = git_repo(&[(
        ".samdscan.yaml",
        "product:\n  name: P\n  connected: true\n  markets: [KR, US]\n  documentation_level: enhanced\n",
    )]);
    let report = scan_json(repo.path());
    assert_eq!(rule(&report, "MFDS-INT-003")["state"], "failed");
    let keys: Vec<String> = findings_of(&report, "MFDS-INT-003")
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    for id in ["MFDS-CYB-001", "MFDS-CYB-005", "MFDS-CYB-007"] {
        assert_eq!(
            crate::common::rule_state(&report, id),
            "failed",
            "{id} fails without its evidence"
        );
        assert!(keys.iter().any(|m| m.contains(id)), "{id} named: {keys:?}");
    }
}

/// Example 01 (every cybersecurity rule passes) marketed in the US too: `product` lines added
/// to its profile, `tail` to the end of its config.
fn us_example(product: &str, tail: &str) -> tempfile::TempDir {
    let dir = import_example("01-cardiowatch-compliant");
    let repo = example_repo(&dir, "01-cardiowatch-compliant");
    let config = repo.join(".samdscan.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace(
        "  markets: [KR]\n",
        &format!("  markets: [KR, US]\n{product}"),
    );
    assert!(text.contains("[KR, US]"));
    std::fs::write(&config, format!("{text}{tail}")).unwrap();
    dir
}

#[test]
fn a_complete_package_passes_on_the_evidence_of_the_rules_it_read() {
    let dir = us_example("  documentation_level: enhanced\n", "");
    let report = scan_json(&example_repo(&dir, "01-cardiowatch-compliant"));
    let int = rule(&report, "MFDS-INT-003");
    assert_eq!(int["state"], "passed", "{int}");
    let evidence: Vec<&str> = int["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    let sbom = rule(&report, "MFDS-CYB-001")["evidence"][0]
        .as_str()
        .unwrap();
    assert!(evidence.contains(&sbom), "{evidence:?} holds {sbom}");
}

#[test]
fn without_a_documentation_level_or_with_a_rule_disabled_the_package_is_not_a_pass() {
    let dir = us_example("", "");
    let report = scan_json(&example_repo(&dir, "01-cardiowatch-compliant"));
    let findings = findings_of(&report, "MFDS-INT-003");
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("documentation level")
    );

    let dir = us_example(
        "  documentation_level: enhanced\n",
        "policies:\n  disable: [MFDS-CYB-006]\n",
    );
    let report = scan_json(&example_repo(&dir, "01-cardiowatch-compliant"));
    let int = rule(&report, "MFDS-INT-003");
    assert_eq!(int["state"], "not_evaluated", "{int}");
    assert!(int.to_string().contains("MFDS-CYB-006 was not evaluated"));
}

#[test]
fn the_crosswalk_must_map_every_applicable_expectation_for_every_other_market() {
    let config = "product:\n  name: P\n  markets: [KR, US]\n";
    let repo = git_repo(&[(".samdscan.yaml", config)]);
    let report = scan_json(repo.path());
    let findings = findings_of(&report, "MFDS-INT-001");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("no crosswalk")
    );

    // Map every expectation that applies here but one, and one badly.
    let applicable: Vec<String> = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            let id = r["id"].as_str().unwrap();
            id.starts_with("MFDS-")
                && !id.starts_with("MFDS-INT-00")
                && r["state"] != "not_applicable"
        })
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(applicable.len() > 5, "{applicable:?}");
    let (left_out, mapped) = applicable.split_first().unwrap();
    let mut crosswalk: String = mapped
        .iter()
        .map(|id| format!("{id}:\n  US: [\"FDA clause for {id}\"]\n"))
        .collect();
    crosswalk.push_str("MFDS-INT-003:\n  US: 524\n");
    let repo = git_repo(&[
        (".samdscan.yaml", config),
        ("regulatory/crosswalk.yaml", crosswalk.as_str()),
    ]);
    let report = scan_json(repo.path());
    let messages: Vec<&str> = findings_of(&report, "MFDS-INT-001")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| *m == format!("the crosswalk does not map {left_out} for US")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("MFDS-INT-003: US: expected"))
    );
    let rule = rule(&report, "MFDS-INT-001");
    assert_eq!(
        rule["evidence"],
        serde_json::json!([".samdscan.yaml", "regulatory/crosswalk.yaml"]),
        "the profile and the crosswalk, not every rule's evidence"
    );
}

#[test]
fn certificates_in_the_evidence_index_are_checked_for_expiry_and_the_certified_pin() {
    let dir = import_example("01-cardiowatch-compliant");
    let repo = example_repo(&dir, "01-cardiowatch-compliant");
    let report = scan_json(&repo);
    let gms = rule(&report, "MFDS-QMS-003");
    assert_eq!(
        gms["state"], "not_observable",
        "no certificate record: {gms}"
    );
    assert!(
        gms.to_string()
            .contains("list the certificate in the evidence index")
    );
    assert_eq!(
        crate::common::rule_state(&report, "MFDS-QMS-004"),
        "not_applicable"
    );

    let index = repo.join("regulatory/evidence-index.yaml");
    let mut text = std::fs::read_to_string(&index).unwrap();
    text.push_str("MFDS-QMS-003:\n  external: {system: MFDS, document_id: GMS-2024-03, version: \"1\", approved: 2024-03-01, expires: 2026-09-01}\n");
    text.push_str("MFDS-QMS-004/filters:\n  external: {system: MFDS, document_id: CPE-2025-001, version: \"1.14.0\", approved: 2025-05-01, expires: 2029-05-01, component: scipy}\n");
    std::fs::write(&index, text).unwrap();
    let report = scan_json(&repo);
    let messages = |id: &str| -> Vec<String> {
        findings_of(&report, id)
            .iter()
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        messages("MFDS-QMS-003"),
        [
            "the certificate GMS-2024-03 (MFDS-QMS-003) expired on 2026-09-01, before the scan date 2026-10-01"
        ]
    );
    let pinned = messages("MFDS-QMS-004");
    assert_eq!(pinned.len(), 1, "{pinned:?}");
    assert!(
        pinned[0].starts_with(
            "scipy is pinned at 1.14.1, but the certificate CPE-2025-001 covers version 1.14.0"
        ),
        "{pinned:?}"
    );
}
