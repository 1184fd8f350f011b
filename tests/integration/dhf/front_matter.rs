//! One record per file with YAML front matter, in folders by kind (requirements, hazards, risk
//! controls, test cases, test reports, release notes), plans found by their titles (a
//! "Software Development and Maintenance Plan" named `sdmp.md`, a cybersecurity plan whose parts
//! are bold bullets) and risk scales defined in the risk management plan. Decoys: a hazard
//! template record and an unfilled test report template. The ids are example 01's (REQ-1..3),
//! which its source code already names.

use super::{Replacing, checked, documents_of, example_states, fields_at};

const SDMP: &str = "---\ndocument_id: SOP-05\nversion: \"2\"\napproved: 2026-05-02\n---\n# SOP-05 Software Development and Maintenance Plan\n\n**Life-cycle model:** iterative, a release every quarter (IEC 62304 §5.1.1).\n\n**Deliverables:** the records under dhf/, the SBOM and release notes.\n\n**Verification planning:** unit tests in CI, system tests per release.\n\n**Risk management planning:** per dhf/plans/rmp.md.\n\n**Integration and integration testing:** on every merge, in CI.\n\n**Configuration management:** git, signed release tags, committed lockfiles.\n\n**Maintenance:** field feedback and SOUP anomaly lists are reviewed monthly.\n";

const RMP: &str = "---\ndocument_id: RMP-001\nversion: \"2\"\napproved: 2026-05-02\n---\n# Risk Management Plan\n\n## Scope\n\nThe CardioWatch software, for its intended use (dhf/intended-use.md).\n\n## Responsibilities\n\nThe risk manager owns the file; QA approves it.\n\n## Severity levels\n\n| Level | Severity | Description |\n|---|---|---|\n| S1 | Negligible | No injury |\n| S2 | Minor | Temporary discomfort |\n| S3 | Serious | Injury needing treatment |\n| S4 | Critical | Permanent impairment |\n| S5 | Catastrophic | Death |\n\n## Probability levels\n\n| Level | Probability | Description |\n|---|---|---|\n| P1 | Improbable | Less than once in the product's life |\n| P2 | Remote | Once in the product's life |\n| P3 | Occasional | Once a year |\n| P4 | Probable | Once a month |\n| P5 | Frequent | Once a week |\n\n## Acceptability\n\nA risk with severity rank x probability rank of 10 or more is unacceptable before control.\n\n## Verification of risk controls\n\nEach control is verified by the test its hazard record names.\n\n## Production and post-production information\n\nComplaints and field data are reviewed quarterly.\n";

const CYBER_PLAN: &str = "---\nreviewed: 2026-07-15\n---\n# Cybersecurity Vulnerability Management Plan\n\n- **Monitoring:** NVD, OSV and CISA KEV, daily, against sbom/cardiowatch.cdx.json.\n- **Triage:** CVSS and patient-safety impact assessed within 5 days.\n- **Patching:** critical within 30 days, others in the next release, through the signed update channel.\n- **Communication:** hospitals through the customer portal; MFDS as the security guideline requires.\n";

fn record(id: &str, kind: &str, title: &str, fields: &str, body: &str) -> String {
    format!("---\nid: {id}\ntype: {kind}\ntitle: {title}\n{fields}---\n{body}\n")
}

fn dhf() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = vec![
        ("dhf/plans/sdmp.md".into(), SDMP.into()),
        ("dhf/plans/rmp.md".into(), RMP.into()),
        ("dhf/plans/cybersecurity-plan.md".into(), CYBER_PLAN.into()),
        (
            "dhf/risk-management-report.md".into(),
            "# Risk management report\n\n- Version: 1.2.0\n- Date: 2026-09-29\n\nAll risks in dhf/hazards have controls implemented and verified; the overall residual risk is acceptable.\n".into(),
        ),
    ];
    let records = [
        ("dhf/requirements/REQ-1.md", record("REQ-1", "requirement", "Heart rate from RR intervals", "", "The software shall compute the heart rate from the mean RR interval.")),
        ("dhf/requirements/REQ-2.md", record("REQ-2", "requirement", "Refuse empty input", "parent: SYS-001\n", "The software shall refuse an empty RR series.")),
        ("dhf/requirements/REQ-3.md", record("REQ-3", "requirement", "Alarm thresholds", "", "The software shall alarm above 140 and below 45 bpm.")),
        ("dhf/hazards/HAZ-001.md", record("HAZ-001", "hazard", "Missed tachycardia alarm", "hazardous_situation: Tachycardia not signalled\nharm: Delayed treatment\nseverity: S4\nprobability: P3\nresidual_severity: S4\nresidual_probability: P1\nmitigated_by: [RC-001]\n", "")),
        ("dhf/hazards/HAZ-002.md", record("HAZ-002", "hazard", "Wrong heart rate shown", "hazardous_situation: Clinician trusts a wrong value\nharm: Wrong treatment\nseverity: S3\nprobability: P2\nresidual_severity: S3\nresidual_probability: P1\n", "")),
        ("dhf/risk-controls/RC-001.md", record("RC-001", "risk control", "Alarm threshold check", "mitigates: HAZ-001\nimplemented_by: REQ-3\n", "")),
        ("dhf/risk-controls/RC-002.md", record("RC-002", "risk control", "Input validation", "mitigates: [HAZ-002]\nimplemented_by: REQ-2\n", "")),
        ("dhf/test-cases/TC-001.md", record("TC-001", "test case", "Heart rate and input checks", "verifies: [REQ-1, REQ-2]\n", "Run tests/test_ecg.py.")),
        ("dhf/test-cases/TC-002.md", record("TC-002", "test case", "Alarm thresholds", "verifies:\n  - REQ-3\n  - RC-001\n", "Run tests/test_alarm.py.")),
        ("dhf/test-reports/TR-1.2.0.md", record("TR-1.2.0", "test report", "System test report 1.2.0", "version: 1.2.0\ndate: 2026-09-28\n", "# System test report 1.2.0\n\n| Test case | Requirements | Result |\n|---|---|---|\n| TC-001 | REQ-1, REQ-2 | PASS |\n| TC-002 | REQ-3 | PASS |")),
        ("dhf/release-notes/1.2.0.md", record("RN-1.2.0", "release note", "CardioWatch 1.2.0", "", "## [1.2.0] - 2026-10-01\n- Alarm threshold hysteresis tuned (CR-41).")),
        // Decoys: a template record and an unfilled report template.
        ("dhf/templates/hazard.md", record("HAZ-XXX", "hazard", "<short hazard title>", "severity: <S1-S5>\nprobability: <P1-P5>\n", "<Describe the hazard>")),
        ("dhf/templates/test-report-template.md", "# Test report {{version}}\n\n| Test case | Result |\n|---|---|\n| <TC id> | <PASS/FAIL> |\n\nDate: TBD\n".into()),
    ];
    files.extend(records.into_iter().map(|(p, t)| (p.to_string(), t)));
    files.extend(super::python_tests(
        "\"\"\"Verifies: {id}\"\"\"",
        ["REQ-1", "REQ-2", "REQ-3"],
    ));
    files
}

#[test]
fn front_matter_records_are_requirements_risks_traces_and_test_records() {
    let seen = checked(Replacing::Dhf, &dhf(), &example_states(), [45, 0, 25, 3]);
    let ev = &seen.evidence;
    assert_eq!(
        documents_of(ev, "software_development_plan"),
        ["dhf/plans/sdmp.md"]
    );
    assert_eq!(
        documents_of(ev, "vulnerability_management_plan"),
        ["dhf/plans/cybersecurity-plan.md"]
    );
    assert_eq!(
        documents_of(ev, "risk_table"),
        ["dhf/hazards/HAZ-001.md", "dhf/hazards/HAZ-002.md"]
    );
    assert_eq!(
        fields_at(ev, "/requirements/items", "id"),
        ["REQ-1", "REQ-2", "REQ-3"]
    );
    let scales = &ev["risks"]["scales"];
    assert_eq!(
        (scales["source"].as_str(), scales["plan"].as_str()),
        (Some("plan"), Some("dhf/plans/rmp.md"))
    );
    let rows = ev["risks"]["tables"][0]["rows"].as_array().unwrap();
    assert_eq!(rows[0]["risk_controls"], serde_json::json!(["RC-001"]));
    assert_eq!(
        (&rows[0]["score"], &rows[0]["residual_score"]),
        (&12.into(), &4.into())
    );
    assert_eq!(rows[1]["risk_controls"], serde_json::json!(["RC-002"]));
    assert_eq!(
        fields_at(ev, "/test_reports", "path"),
        [
            "dhf/templates/test-report-template.md",
            "dhf/test-reports/TR-1.2.0.md"
        ]
    );
    assert_eq!(ev["test_reports"][0]["unfilled"], true);
}
