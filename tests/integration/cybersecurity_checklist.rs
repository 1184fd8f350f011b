//! MFDS-CYB-009 against the guideline's requirement list carried as data beside the policy
//! (`policies/mfds/cyb/cybersecurity_guideline.rego`): a checklist kept as teams keep it, one
//! YAML row per requirement with the evidence document, is judged for the ids the data names,
//! the six groups and the edition's count of 35, and for its edition.

use crate::common::{findings_of, git_repo, rule_state, scan_as_of, sorted_messages};
use serde_json::Value;

const CONFIG: &str = "product:\n  name: CardioWatch\n  grade: 2\n  connected: true\n";

const GROUPS: &[(&str, u32)] = &[
    ("IA", 8),
    ("UC", 7),
    ("SI", 11),
    ("DC", 3),
    ("TRE", 1),
    ("RA", 5),
];

/// A checklist of `edition` with a row for each id of the six groups but those in `left_out`.
fn checklist(edition: &str, left_out: &[&str]) -> String {
    let mut out = format!(
        "guideline: MFDS medical device cybersecurity approval/review guideline\nedition: \"{edition}\"\nrequirements:\n"
    );
    for (group, last) in GROUPS {
        for n in 1..=*last {
            let id = format!("{group}-{n:02}");
            if !left_out.contains(&id.as_str()) {
                out.push_str(&format!("  - id: {id}\n    applicable: Y\n    method: test\n    evidence: docs/security/threat-model.md\n"));
            }
        }
    }
    out
}

fn scan(checklist: &str) -> Value {
    let dir = git_repo(&[
        (".samdscan.yaml", CONFIG),
        (
            "docs/security/threat-model.md",
            "# Threat model\n\nSTRIDE per interface.\n",
        ),
        ("docs/security/mfds-cyber-checklist.yaml", checklist),
    ]);
    scan_as_of(dir.path(), "2026-10-01")
}

fn messages(report: &Value) -> Vec<String> {
    sorted_messages(report, "MFDS-CYB-009")
}

#[test]
fn a_checklist_of_all_35_requirements_passes() {
    let report = scan(&checklist("2025-01-10", &[]));
    assert_eq!(
        rule_state(&report, "MFDS-CYB-009"),
        "passed",
        "{:?}",
        messages(&report)
    );
}

#[test]
fn the_guideline_s_named_ids_groups_and_count_missing_from_the_checklist_are_reported() {
    let report = scan(&checklist("2025-01-10", &["TRE-01", "SI-11", "IA-03"]));
    assert_eq!(
        messages(&report),
        [
            "docs/security/mfds-cyber-checklist.yaml does not list the guideline's requirement(s) SI-11, TRE-01 (2024-11-27 edition)",
            "docs/security/mfds-cyber-checklist.yaml lists 32 requirement ids of the 2024-11-27 edition's 35 (ids are IA/UC/SI/DC/TRE/RA-NN); no row in group(s) TRE",
        ]
    );
    let findings = findings_of(&report, "MFDS-CYB-009");
    assert!(
        findings
            .iter()
            .all(|f| f["path"] == "docs/security/mfds-cyber-checklist.yaml")
    );
}

#[test]
fn a_checklist_against_the_old_requirements_is_reported_after_their_transition() {
    let report = scan(&checklist("2023-07-13", &[]));
    assert_eq!(
        messages(&report),
        [
            "docs/security/mfds-cyber-checklist.yaml follows the guideline edition 2023-07-13; checklists against the requirements before the 2024-11-27 revision were accepted until 2025-06-30"
        ]
    );
}
