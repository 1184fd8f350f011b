//! `--report FORMAT=FILE` and `--category`: several reports from one scan, and the SARIF
//! analysis category that code scanning keys its alerts on.

use serde_json::Value;

#[test]
fn extra_reports_match_the_main_report_of_the_same_scan() {
    let dir = crate::common::import_example("03-broken-evidence");
    let repo = crate::common::example_repo(&dir, "03-broken-evidence");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let main = crate::common::samdscan()
        .args(["scan", "--format", "sarif", "--fail-on", "never"])
        .arg(&repo)
        .arg("--report")
        .arg(format!("sarif={}", out.join("copy.sarif").display()))
        .arg("--report")
        .arg(format!("markdown={}", out.join("summary.md").display()))
        .output()
        .unwrap();
    assert_eq!(main.status.code(), Some(0));
    let copy = std::fs::read(out.join("copy.sarif")).unwrap();
    assert_eq!(copy, main.stdout, "the extra SARIF equals the main one");
    let md = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(md.starts_with("## samdscan: InfusionPlanner"), "{md}");
    assert!(!md.contains('\u{1b}'), "extra reports are never coloured");
}

#[test]
fn an_unwritable_report_file_is_an_error_naming_it() {
    let dir = crate::common::import_example("01-cardiowatch-compliant");
    let repo = crate::common::example_repo(&dir, "01-cardiowatch-compliant");
    let target = dir.path().join("no-such-dir").join("r.json");
    let out = crate::common::samdscan()
        .arg("scan")
        .arg(&repo)
        .arg("--report")
        .arg(format!("json={}", target.display()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("r.json: cannot write report"), "{err}");
}

#[test]
fn a_bad_report_argument_is_a_usage_error() {
    let out = crate::common::samdscan()
        .args(["scan", "--report", "pdf=x.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format `pdf`"));
}

#[test]
fn category_sets_the_sarif_automation_id() {
    let dir = crate::common::import_example("01-cardiowatch-compliant");
    let repo = crate::common::example_repo(&dir, "01-cardiowatch-compliant");
    let id = |extra: &[&str]| -> String {
        let out = crate::common::samdscan()
            .args(["scan", "--format", "sarif"])
            .args(extra)
            .arg(&repo)
            .output()
            .unwrap();
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        sarif["runs"][0]["automationDetails"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(id(&[]), "samdscan/");
    assert_eq!(
        id(&["--category", "products/cardiowatch"]),
        "products/cardiowatch/"
    );
    assert_eq!(id(&["--category", "cardiowatch/"]), "cardiowatch/");
}
