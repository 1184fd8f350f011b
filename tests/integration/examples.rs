//! Scans every `examples/` repository and checks exactly the findings its README promises
//! (rule id and level, as listed under "## Expected findings").

use regex::Regex;
use serde_json::Value;

fn expected_findings(name: &str) -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(crate::common::examples_dir().join(name).join("README.md"))
            .unwrap();
    let section = readme
        .split("## Expected findings")
        .nth(1)
        .unwrap_or_else(|| panic!("{name}/README.md has no '## Expected findings'"));
    let section = section.split("\n## ").next().unwrap();
    let re = Regex::new(r"(?m)^- `([A-Z]+-[A-Z0-9-]+)` (error|warning|note)").unwrap();
    let mut v: Vec<(String, String)> = re
        .captures_iter(section)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    v.sort();
    v
}

fn actual_findings(report: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["waiver"].is_null())
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_example_produces_exactly_its_expected_findings() {
    let names = crate::common::example_names();
    assert!(
        names.len() >= 3,
        "expected at least three examples, found {names:?}"
    );
    for name in names {
        let dir = crate::common::import_example(&name);
        let repo = crate::common::example_repo(&dir, &name);
        let out = crate::common::samdscan()
            .args(["scan", "--format", "json", "--fail-on", "never"])
            .arg(&repo)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            actual_findings(&report),
            expected_findings(&name),
            "{name}: findings differ from its README"
        );
    }
}

#[test]
fn the_compliant_example_exits_zero_and_the_others_fail() {
    for name in crate::common::example_names() {
        let dir = crate::common::import_example(&name);
        let repo = crate::common::example_repo(&dir, &name);
        let code = crate::common::samdscan()
            .arg("scan")
            .arg(&repo)
            .output()
            .unwrap()
            .status
            .code();
        let has_errors = expected_findings(&name)
            .iter()
            .any(|(_, level)| level == "error");
        assert_eq!(code, Some(if has_errors { 1 } else { 0 }), "{name}");
    }
}
