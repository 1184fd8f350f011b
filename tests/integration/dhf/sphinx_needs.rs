//! sphinx-needs: requirements and tests written as `.. req::` / `.. test::` directives in the
//! Sphinx sources and exported by `sphinx-build -b needs` to `docs/_build/needs/needs.json`, the
//! file samdscan reads (it never runs Sphinx). Ids follow sphinx-needs' default id pattern
//! (`REQ_001`), declared in `verification.requirement_id`; the tests link to the requirements.
//! Decoy: an older version of the needs in the same export, which is not the current one.

use super::{checked_requirements, fields_at};

const NEEDS: &str = r#"{
  "created": "2026-09-28T10:00:00",
  "current_version": "1.2.0",
  "project": "CardioWatch",
  "versions": {
    "1.1.0": {
      "needs": {
        "REQ_009": {"id": "REQ_009", "type": "req", "title": "Retired export", "links": []}
      }
    },
    "1.2.0": {
      "needs": {
        "REQ_001": {"id": "REQ_001", "type": "req", "title": "Heart rate from RR intervals", "content": "The software shall compute the heart rate from the mean RR interval.", "links": [], "docname": "requirements"},
        "REQ_002": {"id": "REQ_002", "type": "req", "title": "Refuse an empty RR series", "content": "Implements risk control RC-2.", "links": [], "docname": "requirements"},
        "REQ_003": {"id": "REQ_003", "type": "req", "title": "Alarm thresholds", "content": "Implements risk controls RC-1 and RC-5.", "links": [], "docname": "requirements"},
        "TEST_001": {"id": "TEST_001", "type": "test", "title": "ECG tests", "links": ["REQ_001", "REQ_002"], "docname": "tests"},
        "TEST_002": {"id": "TEST_002", "type": "test", "title": "Alarm tests", "links": ["REQ_003"], "docname": "tests"}
      }
    }
  }
}
"#;

#[test]
fn sphinx_needs_export_requirements_and_test_needs() {
    let example = std::fs::read_to_string(
        crate::common::examples_dir().join("01-cardiowatch-compliant/.samdscan.yaml"),
    )
    .unwrap();
    let config = format!("{example}verification:\n  requirement_id: '\\b(REQ|TEST)_\\d+\\b'\n");
    let files: Vec<(String, String)> = vec![
        (".samdscan.yaml".into(), config),
        ("docs/requirements.rst".into(), "Requirements\n============\n\n.. req:: Heart rate from RR intervals\n   :id: REQ_001\n\n   The software shall compute the heart rate from the mean RR interval.\n".into()),
        ("docs/_build/needs/needs.json".into(), NEEDS.into()),
    ];
    let seen = checked_requirements(files, "", ["", "", ""]);
    let ev = &seen.evidence;
    let ids = ["REQ_001", "REQ_002", "REQ_003"];
    assert_eq!(fields_at(ev, "/requirements/items", "id"), ids);
    assert_eq!(
        fields_at(ev, "/requirement_references/references", "id"),
        ids
    );
}
