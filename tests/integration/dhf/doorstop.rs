//! Doorstop: a requirement document (`reqs/.doorstop.yml`, prefix REQ) with one YAML item per
//! requirement, and a child test document (`reqs/tests/`, prefix TST) whose items link to the
//! requirements they verify: the test items are not requirements, their links are the
//! verifying references (the Python tests carry no markers). Decoys: an inactive item, and an
//! unfilled Markdown test report template beside the real JUnit report.

use super::{checked_requirements, fields_at};

fn item(header: &str, text: &str, extra: &str) -> String {
    format!(
        "active: true\nderived: false\nheader: {header}\nlevel: 1.1\nnormative: true\n{extra}text: |\n  {text}\n"
    )
}

#[test]
fn doorstop_requirements_and_test_items() {
    let settings = "settings:\n  digits: 1\n  prefix: REQ\n  sep: '-'\n";
    let tests = "settings:\n  digits: 1\n  parent: REQ\n  prefix: TST\n  sep: '-'\n";
    let files: Vec<(String, String)> = vec![
        ("reqs/.doorstop.yml".into(), settings.into()),
        ("reqs/REQ-1.yml".into(), item("Heart rate", "The software shall compute the heart rate from the mean RR interval.", "")),
        ("reqs/REQ-2.yml".into(), item("Empty series", "The software shall refuse an empty RR series (risk control RC-2).", "")),
        ("reqs/REQ-3.yml".into(), item("Alarm", "The software shall alarm at 150 and 40 bpm (risk controls RC-1, RC-5).", "")),
        ("reqs/REQ-4.yml".into(), "active: false\nheader: Retired\ntext: |\n  Withdrawn.\n".into()),
        ("reqs/tests/.doorstop.yml".into(), tests.into()),
        ("reqs/tests/TST-1.yml".into(), item("ECG tests", "tests/test_ecg.py", "links:\n- REQ-1: 2c3f\n- REQ-2: 9a1b\n")),
        ("reqs/tests/TST-2.yml".into(), item("Alarm tests", "tests/test_alarm.py", "links:\n- REQ-3: 7d0e\n")),
        ("docs/vv/test-report.md".into(), "# Test report\n\n| Test | Result |\n|---|---|\n| <name> | <PASS/FAIL> |\n\nVersion: {{version}}\n".into()),
    ];
    let seen = checked_requirements(files, "", ["", "", ""]);
    let ev = &seen.evidence;
    assert_eq!(
        fields_at(ev, "/requirements/items", "id"),
        ["REQ-1", "REQ-2", "REQ-3"]
    );
    let tested: Vec<(&str, &str)> = ev["requirement_references"]["references"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("reqs/"))
        .map(|r| (r["path"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tested,
        [
            ("reqs/tests/TST-1.yml", "REQ-1"),
            ("reqs/tests/TST-1.yml", "REQ-2"),
            ("reqs/tests/TST-2.yml", "REQ-3")
        ]
    );
}
