//! A few big Markdown documents holding tables, found by their titles whatever their names
//! (`docs/dhf/01-srs.md` titled "Software Requirements Specification", `02-analysis.md` titled
//! "Hazard Analysis", `03-vv.md` titled "Verification and Validation Report"): an FMEA split into
//! one table per subsystem with residual risk as post-control S/P columns, named severity and
//! probability levels in the plan's table, a Software Development Plan (SDP) kept as an index page
//! whose sections are the pages it links to, a vulnerability plan written as a definition list.
//! Decoys: an unfilled hazard analysis template, and a usability file that is still guidance only
//! (the one usability document, so MFDS-USE-001 fails naming it).

use super::{Replacing, checked, documents_of, example_states_but, fields_at, messages, owned};

const SRS: &str = "# Software Requirements Specification\n\nCardioWatch 1.2.0.\n\n| ID | Requirement | Rationale |\n|---|---|---|\n| REQ-1 | Compute the heart rate from the mean RR interval | Core function |\n| REQ-2 | Refuse an empty RR series (risk control RC-2) | Input validation |\n| REQ-3 | Alarm above 150 and below 40 bpm (risk control RC-1) | Safety |\n";

const ANALYSIS: &str = "# Hazard Analysis\n\nOne table per subsystem; S and P on the plan's scales, before and after control.\n\n## Ingest\n\n| ID | Hazard | Hazardous situation | Harm | S | P | Risk control | S (post) | P (post) | Verification |\n|---|---|---|---|---|---|---|---|---|---|\n| HAZ-1 | Corrupt RR series | Wrong rate shown | Wrong treatment | Serious | Occasional | RC-2 | Serious | Improbable | tests/test_ecg.py |\n\n## Alarm\n\n| ID | Hazard | Hazardous situation | Harm | S | P | Risk control | S (post) | P (post) | Verification |\n|---|---|---|---|---|---|---|---|---|---|\n| HAZ-2 | Missed alarm | Tachycardia not signalled | Delayed treatment | Critical | Occasional | RC-1 | Critical | Improbable | tests/test_alarm.py |\n";

const VV: &str = "# Verification and Validation Report\n\n- Version: 1.2.0\n- Date: 2026-09-28\n\n| Test | Requirement | Result |\n|---|---|---|\n| test_heart_rate | REQ-1 | PASS |\n| test_empty | REQ-2 | PASS |\n| test_thresholds | REQ-3 | PASS |\n";

const RMP: &str = "---\nversion: \"3\"\napproved: 2026-05-02\n---\n# 4.2 Risk Management Plan\n\n## Scope and responsibilities\n\nThe product for its intended use; the risk manager owns this plan.\n\n## Risk estimation\n\n| Rank | Severity | Probability |\n|---|---|---|\n| 1 | Negligible | Improbable |\n| 2 | Minor | Remote |\n| 3 | Serious | Occasional |\n| 4 | Critical | Probable |\n| 5 | Catastrophic | Frequent |\n\nRisks scoring 10 or more before control are unacceptable.\n\n## Verification and post-production information\n\nControls are verified by tests; field data is reviewed quarterly.\n";

const SDP_INDEX: &str = "# Software Development Plan (SDP)\n\n1. [Life cycle](lifecycle.md)\n2. [Configuration management](./configuration.md)\n3. [Deliverables, verification and risk management](./verification.md)\n4. [Integration and maintenance](maintenance.md)\n";

const VULN_PLAN: &str = "---\nreviewed: 2026-07-15\n---\n# Vulnerability Management Plan\n\nMonitoring\n: NVD and OSV feeds checked daily against the SBOM.\n\nTriage\n: CVSS and patient-safety impact, within 5 days.\n\nPatching\n: Critical fixes within 30 days through the signed update channel.\n\nCommunication\n: Hospitals are told through the customer portal.\n";

const HAZARD_TEMPLATE: &str = "# Hazard Analysis (template)\n\n| ID | Hazard | Harm | Severity | Probability | Risk control |\n|---|---|---|---|---|---|\n| <ID> | <Describe the hazard> | <Harm> | <S1-S5> | <P1-P5> | TBD |\n";

const USABILITY_GUIDANCE: &str = "# Usability engineering file\n\n## Use specification\n<Describe the intended users, use environment and operator profile.>\n\n## User interface\n[Company name] shall describe the user interface here.\n\n## Summative evaluation\nTBD\n";

fn dhf() -> Vec<(&'static str, &'static str)> {
    let mut files = vec![
        ("docs/dhf/01-srs.md", SRS),
        ("docs/dhf/02-analysis.md", ANALYSIS),
        ("docs/dhf/03-vv.md", VV),
        ("docs/dhf/04-rmp.md", RMP),
        ("docs/dhf/sdp/index.md", SDP_INDEX),
        (
            "docs/dhf/sdp/lifecycle.md",
            "# Life cycle\n\nIterative, quarterly releases (IEC 62304 §5.1.1).\n",
        ),
        (
            "docs/dhf/sdp/configuration.md",
            "# Configuration management\n\nGit, signed tags, committed lockfiles.\n",
        ),
        (
            "docs/dhf/sdp/verification.md",
            "# Deliverables, verification and risk management\n\nRecords under docs/dhf; tests in CI; risks per 04-rmp.md.\n",
        ),
        (
            "docs/dhf/sdp/maintenance.md",
            "# Integration and maintenance\n\nIntegrated on every merge; field feedback reviewed monthly.\n",
        ),
        ("docs/dhf/05-vuln.md", VULN_PLAN),
        (
            "docs/dhf/risk-management-report.md",
            "# Risk management report\n\n- Version: 1.2.0\n- Date: 2026-09-29\n\nThe overall residual risk is acceptable.\n",
        ),
        ("docs/dhf/templates/hazard-analysis.md", HAZARD_TEMPLATE),
        (
            "docs/usability/usability-engineering-file.md",
            USABILITY_GUIDANCE,
        ),
        (
            "CHANGELOG.md",
            "# Changelog\n\n## [1.2.0] - 2026-10-01\n- Alarm threshold hysteresis tuned (CR-41).\n",
        ),
        (
            "reports/junit.xml",
            r#"<testsuite name="cw" tests="3"><testcase name="test_heart_rate"/><testcase name="test_empty"/><testcase name="test_thresholds"/></testsuite>"#,
        ),
    ];
    files.extend([
        ("tests/test_ecg.py", "from src.ingest.ecg import heart_rate\n\n\ndef test_heart_rate():\n    \"\"\"Verifies: REQ-1\"\"\"\n\n\ndef test_empty():\n    \"\"\"Verifies: REQ-2\"\"\"\n"),
        ("tests/test_alarm.py", "def test_thresholds():\n    \"\"\"Verifies: REQ-3\"\"\"\n"),
    ]);
    files
}

#[test]
fn big_markdown_documents_found_by_title_are_read_for_their_tables() {
    let expected = example_states_but(&[("MFDS-USE-001", "failed")]);
    let seen = checked(Replacing::Dhf, &owned(&dhf()), &expected, [44, 1, 25, 3]);
    assert_eq!(
        messages(&seen.report, "MFDS-USE-001"),
        [
            "no usability engineering file found (looked under docs/usability/ and for titles like \"Usability\" / \"사용적합성\"); docs/usability/usability-engineering-file.md is an unfilled template (3 of its 3 content lines are placeholders)"
        ]
    );
    let ev = &seen.evidence;
    assert_eq!(
        documents_of(ev, "software_development_plan"),
        ["docs/dhf/sdp/index.md"]
    );
    assert_eq!(
        ev["documents"]["software_development_plan"][0]["linked_pages"],
        serde_json::json!([
            "docs/dhf/sdp/lifecycle.md",
            "docs/dhf/sdp/configuration.md",
            "docs/dhf/sdp/verification.md",
            "docs/dhf/sdp/maintenance.md"
        ])
    );
    let risks = &ev["risks"];
    assert_eq!(
        risks["unfilled"],
        serde_json::json!(["docs/dhf/templates/hazard-analysis.md"])
    );
    assert_eq!(risks["scales"]["source"], "plan");
    let table = &risks["tables"][0];
    assert_eq!(table["path"], "docs/dhf/02-analysis.md");
    assert_eq!(table["missing_columns"], serde_json::json!([]));
    let residual: Vec<&serde_json::Value> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["residual_score"])
        .collect();
    assert_eq!(residual, [3, 4]);
    assert_eq!(
        fields_at(ev, "/test_reports", "format"),
        ["junit", "markdown"]
    );
}
