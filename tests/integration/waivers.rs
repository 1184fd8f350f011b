//! Waivers end to end, through the command line: a waived finding stays visible in every format
//! (JSON `waiver`, SARIF `suppressions`, the text and Markdown waiver registers) and no longer
//! gates; an expired waiver (judged at `--as-of`), a waiver for an unknown rule and a waiver that
//! matches nothing are findings themselves; path globs and fingerprints scope a waiver exactly.

use serde_json::Value;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "03-broken-evidence";

/// The broken-evidence example with `waivers` appended to its config.
struct Repo {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Repo {
    fn with_waivers(waivers: &str) -> Repo {
        let dir = crate::common::import_example(EXAMPLE);
        let path = crate::common::example_repo(&dir, EXAMPLE);
        let config = path.join(".samdscan.yaml");
        let mut text = std::fs::read_to_string(&config).unwrap();
        text.push_str("waivers:\n");
        text.push_str(waivers);
        std::fs::write(&config, text).unwrap();
        Repo { _dir: dir, path }
    }

    fn scan(&self, format: &str, as_of: &str) -> (Option<i32>, String) {
        scan(&self.path, format, as_of)
    }

    fn json(&self, as_of: &str) -> (Option<i32>, Value) {
        let (code, out) = self.scan("json", as_of);
        (code, serde_json::from_str(&out).unwrap())
    }
}

fn scan(repo: &Path, format: &str, as_of: &str) -> (Option<i32>, String) {
    let out = crate::common::samdscan()
        .args(["scan", "--format", format, "--as-of", as_of])
        .arg(repo)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Waivers for every error of the example: a specific one for the SBOM (whose text the tests
/// check), and one per other rule that reports an error (the rule set grows; this does not).
fn waive_all_errors() -> String {
    let (_, plain) = Repo::with_waivers("  []\n").json("2027-01-15");
    let mut rules: Vec<&str> = plain["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["level"] == "error" && f["rule_id"] != "MFDS-CYB-001")
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    rules.dedup();
    let mut waivers = String::from(
        "  - {rule: MFDS-CYB-001, path: sbom/*.json, reason: SBOM regenerated in CAPA-7, approved_by: QA Lead Kim, expires: 2027-03-31, ref: CAPA-7}\n",
    );
    for rule in rules {
        waivers.push_str(&format!(
            "  - {{rule: {rule}, reason: Decision pending, approved_by: RA Park, expires: 2027-03-31, ref: RISK-3}}\n"
        ));
    }
    waivers
}

#[test]
fn waived_findings_stay_visible_in_every_format_and_stop_gating() {
    let repo = Repo::with_waivers(&waive_all_errors());
    let (code, report) = repo.json("2027-01-15");
    assert_eq!(code, Some(0), "waived errors do not fail the scan");
    let cyb = crate::common::findings_of(&report, "MFDS-CYB-001");
    assert_eq!(cyb.len(), 1, "the waived finding is still reported");
    assert_eq!(cyb[0]["waiver"]["ref"], "CAPA-7");
    assert_eq!(cyb[0]["waiver"]["approved_by"], "QA Lead Kim");
    assert_eq!(cyb[0]["waiver"]["expires"], "2027-03-31");
    let counts = &report["summary"]["findings"];
    assert_eq!(counts["error"], 0, "every error is waived");
    assert!(counts["waived"].as_u64().unwrap() >= 4);
    assert!(
        counts["warning"].as_u64().unwrap() >= 1,
        "SAMDSCAN-004 stays"
    );
    assert!(crate::common::findings_of(&report, "SAMDSCAN-001").is_empty());
    assert!(crate::common::findings_of(&report, "SAMDSCAN-003").is_empty());

    let (_, sarif) = repo.scan("sarif", "2027-01-15");
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let waived: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "MFDS-CYB-001")
        .collect();
    assert_eq!(waived.len(), 1);
    let suppression = &waived[0]["suppressions"][0];
    assert_eq!(suppression["kind"], "external");
    assert_eq!(suppression["status"], "accepted");
    assert_eq!(
        suppression["justification"],
        "SBOM regenerated in CAPA-7 (ref CAPA-7, approved by QA Lead Kim, expires 2027-03-31)"
    );
    let unsuppressed = results.iter().filter(|r| r.get("suppressions").is_none());
    assert_eq!(
        unsuppressed.count() as u64,
        counts["warning"].as_u64().unwrap() + counts["note"].as_u64().unwrap(),
        "only the findings no waiver names are unsuppressed"
    );

    let (_, text) = repo.scan("text", "2027-01-15");
    let register = text
        .split("Waiver register")
        .nth(1)
        .expect("a text register");
    assert!(
        register.contains(
            "MFDS-CYB-001 sbom/planner.cdx.json:1  ref CAPA-7, approved by QA Lead Kim, expires 2027-03-31: SBOM regenerated in CAPA-7"
        ),
        "{register}"
    );
    let failures = text.split("Waiver register").next().unwrap();
    assert!(
        !failures.contains("MFDS-CYB-001 sbom/planner.cdx.json"),
        "a waived finding is in the register, not among the failures: {text}"
    );

    let (_, md) = repo.scan("markdown", "2027-01-15");
    assert!(md.contains("### Waiver register"), "{md}");
    assert!(md.contains(
        "| `sbom/planner.cdx.json` | CAPA-7 | QA Lead Kim | 2027-03-31 | SBOM regenerated in CAPA-7 |"
    ));
    let active = md.split("### Findings").nth(1).unwrap();
    let active = active.split("<details>").next().unwrap();
    assert!(
        active.contains("SAMDSCAN-004") && !active.contains("MFDS-CYB-001"),
        "waived findings are in the register, not among the findings: {active}"
    );
}

#[test]
fn an_expired_waiver_is_a_finding_and_its_finding_gates_again() {
    let repo = Repo::with_waivers(
        "  - {rule: MFDS-CYB-006, reason: Contact added soon, approved_by: QA, expires: 2027-03-31, ref: CR-12}\n",
    );
    // The last day of a waiver is still inside it.
    let (_, on_expiry) = repo.json("2027-03-31");
    assert!(crate::common::findings_of(&on_expiry, "SAMDSCAN-001").is_empty());
    assert!(!crate::common::findings_of(&on_expiry, "MFDS-CYB-006")[0]["waiver"].is_null());

    let (code, after) = repo.json("2027-04-01");
    assert_eq!(code, Some(1));
    let expired = crate::common::findings_of(&after, "SAMDSCAN-001");
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0]["level"], "warning");
    assert_eq!(
        expired[0]["message"],
        "waiver CR-12 for MFDS-CYB-006 expired on 2027-03-31 (as of 2027-04-01); approved by QA: Contact added soon"
    );
    assert_eq!(expired[0]["path"], ".samdscan.yaml");
    assert_eq!(expired[0]["line"], 14, "anchored at the waiver's line");
    assert!(crate::common::findings_of(&after, "MFDS-CYB-006")[0]["waiver"].is_null());
}

#[test]
fn a_waiver_for_an_unknown_rule_is_a_finding_not_a_config_error() {
    let repo = Repo::with_waivers(
        "  - {rule: MFDS-CYB-999, reason: typo, approved_by: QA, expires: 2027-03-31, ref: CR-1}\n",
    );
    let (code, report) = repo.json("2027-01-15");
    assert_eq!(code, Some(1), "the example's own errors still gate");
    let unknown = crate::common::findings_of(&report, "SAMDSCAN-002");
    assert_eq!(unknown.len(), 1);
    assert_eq!(
        unknown[0]["message"],
        "waiver CR-1 names rule `MFDS-CYB-999`, which no loaded policy defines"
    );
    assert_eq!(unknown[0]["line"], 14);
    assert!(
        crate::common::findings_of(&report, "SAMDSCAN-003").is_empty(),
        "reported once"
    );
}

#[test]
fn path_globs_match_whole_paths_and_stay_within_folders() {
    let repo = Repo::with_waivers(
        "  - {rule: MFDS-CYB-001, path: \"*.json\", reason: r, approved_by: QA, expires: 2027-03-31, ref: CR-1}
  - {rule: SAMDSCAN-004, path: \"sbom/**\", reason: r, approved_by: QA, expires: 2027-03-31, ref: CR-2}
",
    );
    let (_, report) = repo.json("2027-01-15");
    assert!(
        crate::common::findings_of(&report, "MFDS-CYB-001")[0]["waiver"].is_null(),
        "`*.json` is a file at the top, not sbom/planner.cdx.json"
    );
    let unused = crate::common::findings_of(&report, "SAMDSCAN-003");
    assert_eq!(unused.len(), 1);
    assert_eq!(
        unused[0]["message"],
        "waiver CR-1 for MFDS-CYB-001 (*.json) matches no finding"
    );
    assert_eq!(unused[0]["level"], "note");
    assert_eq!(
        crate::common::findings_of(&report, "SAMDSCAN-004")[0]["waiver"]["ref"],
        "CR-2"
    );
}

#[test]
fn a_fingerprint_waives_exactly_one_finding() {
    let plain = Repo::with_waivers("  []\n");
    let (_, before) = plain.json("2027-01-15");
    let target = crate::common::findings_of(&before, "MFDS-GEN-003")[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let repo = Repo::with_waivers(&format!(
        "  - {{rule: MFDS-GEN-003, fingerprint: \"{target}\", reason: r, approved_by: QA, expires: 2027-03-31, ref: CR-1}}
  - {{rule: MFDS-GEN-001, fingerprint: \"{target}\", reason: r, approved_by: QA, expires: 2027-03-31, ref: CR-2}}
"
    ));
    let (_, report) = repo.json("2027-01-15");
    assert_eq!(
        crate::common::findings_of(&report, "MFDS-GEN-003")[0]["waiver"]["ref"],
        "CR-1"
    );
    assert!(
        crate::common::findings_of(&report, "MFDS-GEN-001")[0]["waiver"].is_null(),
        "a fingerprint belongs to one rule"
    );
    let unused = crate::common::findings_of(&report, "SAMDSCAN-003");
    assert_eq!(unused.len(), 1);
    assert!(unused[0]["message"].as_str().unwrap().contains("CR-2"));
}

#[test]
fn a_valid_waiver_still_applies_beside_an_expired_one_for_the_same_finding() {
    let repo = Repo::with_waivers(
        "  - {rule: MFDS-CYB-006, reason: old, approved_by: QA, expires: 2026-06-30, ref: CR-1}
  - {rule: MFDS-CYB-006, reason: renewed, approved_by: QA, expires: 2027-06-30, ref: CR-2}
",
    );
    let (_, report) = repo.json("2027-01-15");
    assert_eq!(
        crate::common::findings_of(&report, "MFDS-CYB-006")[0]["waiver"]["ref"],
        "CR-2"
    );
    assert_eq!(
        crate::common::findings_of(&report, "SAMDSCAN-001").len(),
        1,
        "CR-1 expired"
    );
    assert!(
        crate::common::findings_of(&report, "SAMDSCAN-003").is_empty(),
        "the renewed waiver is in use"
    );
}

#[test]
fn a_waiver_missing_a_required_field_is_a_config_error_naming_it() {
    for (missing, waiver) in [
        (
            "approved_by",
            "{rule: MFDS-CYB-006, reason: r, expires: 2027-03-31, ref: CR-1}",
        ),
        (
            "expires",
            "{rule: MFDS-CYB-006, reason: r, approved_by: QA, ref: CR-1}",
        ),
        (
            "ref",
            "{rule: MFDS-CYB-006, reason: r, approved_by: QA, expires: 2027-03-31}",
        ),
    ] {
        let repo = Repo::with_waivers(&format!("  - {waiver}\n"));
        let out = crate::common::samdscan()
            .arg("scan")
            .arg(&repo.path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{missing}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(".samdscan.yaml:14:") && err.contains(missing),
            "{missing}: {err}"
        );
    }
}

#[test]
fn an_impossible_expiry_date_is_a_config_error() {
    let repo = Repo::with_waivers(
        "  - {rule: MFDS-CYB-006, reason: r, approved_by: QA, expires: 2027-02-30, ref: CR-1}\n",
    );
    let out = crate::common::samdscan()
        .arg("scan")
        .arg(&repo.path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".samdscan.yaml:14:") && err.contains("2027-02-30"),
        "{err}"
    );
}

#[test]
fn adding_or_changing_a_waiver_in_a_pull_request_is_reported() {
    let repo = Repo::with_waivers(
        "  - {rule: MFDS-CYB-006, reason: r, approved_by: QA, expires: 2027-01-01, ref: CR-9}\n",
    );
    crate::common::git(&repo.path, &["add", "-A"]);
    crate::common::git(&repo.path, &["commit", "-q", "-m", "Waive CYB-006 (CR-9)"]);
    let base = crate::common::git(&repo.path, &["rev-parse", "HEAD"]);
    let config = repo.path.join(".samdscan.yaml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("2027-01-01", "2030-01-01")
        + "  - {rule: MFDS-GEN-001, reason: r2, approved_by: RA, expires: 2027-01-01, ref: CR-10}\n";
    std::fs::write(&config, text).unwrap();
    crate::common::git(
        &repo.path,
        &["commit", "-q", "-a", "-m", "Extend and add waivers (CR-10)"],
    );
    let out = crate::common::samdscan()
        .args([
            "scan",
            "--format",
            "json",
            "--as-of",
            "2026-12-01",
            "--base",
            base.trim(),
        ])
        .arg(&repo.path)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes: Vec<(&str, u64)> = crate::common::findings_of(&report, "SAMDSCAN-005")
        .iter()
        .map(|f| (f["message"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        changes,
        [
            (
                "changed since the base: waiver for MFDS-CYB-006 (every finding) changed: expires 2030-01-01, approved by QA, ref CR-9",
                14
            ),
            (
                "changed since the base: waiver for MFDS-GEN-001 (every finding) added: expires 2027-01-01, approved by RA, ref CR-10",
                15
            ),
        ]
    );
    for f in crate::common::findings_of(&report, "SAMDSCAN-005") {
        assert_eq!(f["baseline_state"], "new");
        assert_eq!(f["level"], "warning");
    }
}
