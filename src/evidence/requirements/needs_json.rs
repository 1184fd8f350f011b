//! sphinx-needs `needs.json` exports: the needs of the current version (else the newest one).
//! A need whose type means a requirement (`req`, `spec`, `requirement`, ...) is a requirement,
//! whatever its id looks like; a need whose type means a test (`test`, `test_case`) is a test
//! record, and its `links` (and link options such as `tests`, `verifies`) are verifying
//! references.

use super::Requirement;
use crate::evidence::documents::records::{LINK_FIELDS, kind_of};
use serde_json::Value;

/// The needs of a `needs.json`: (requirements, test links as (line, linked id)).
pub(super) type Needs = (Vec<Requirement>, Vec<(usize, String)>);

pub(super) fn parse(text: &str) -> Result<Needs, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let versions = value
        .get("versions")
        .and_then(Value::as_object)
        .ok_or("not a sphinx-needs export (no `versions` object)")?;
    let current = value.get("current_version").and_then(Value::as_str);
    let version = current
        .and_then(|c| versions.get(c))
        .or_else(|| versions.values().next_back())
        .ok_or("a sphinx-needs export with no version")?;
    let needs = version
        .get("needs")
        .and_then(Value::as_object)
        .ok_or("a version with no `needs`")?;
    let line_of = |id: &str| {
        let quoted = format!("\"{id}\"");
        text.lines()
            .position(|l| l.contains(&quoted))
            .map_or(1, |i| i + 1)
    };
    let mut requirements = Vec::new();
    let mut links = Vec::new();
    for (key, need) in needs {
        let id = need.get("id").and_then(Value::as_str).unwrap_or(key);
        let kind = need.get("type").and_then(Value::as_str).map(need_kind);
        match kind {
            Some(Some("requirement")) => {
                let title = need
                    .get("title")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let body = need
                    .get("content")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                requirements.push(Requirement::new(
                    id,
                    title,
                    line_of(id),
                    "needs",
                    &format!("{title}\n{body}"),
                ));
            }
            Some(Some("test_case" | "test_report")) => {
                for target in linked(need) {
                    links.push((line_of(id), target));
                }
            }
            _ => {}
        }
    }
    Ok((requirements, links))
}

/// What a need type means: `req`, `spec`, `sw_req` are requirements, `test`, `tc` tests.
fn need_kind(kind: &str) -> Option<&'static str> {
    let k = kind.to_lowercase();
    if matches!(
        k.as_str(),
        "spec" | "specification" | "sw_req" | "swreq" | "sys_req"
    ) {
        return Some("requirement");
    }
    if matches!(k.as_str(), "tc" | "test_spec") {
        return Some("test_case");
    }
    kind_of(&k)
}

fn linked(need: &Value) -> Vec<String> {
    LINK_FIELDS
        .iter()
        .filter_map(|field| need.get(*field).and_then(Value::as_array))
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_and_test_links_of_the_current_version() {
        let text = r#"{"current_version": "1.2", "versions": {
  "1.1": {"needs": {"REQ_9": {"id": "REQ_9", "type": "req", "title": "old"}}},
  "1.2": {"needs": {
    "REQ_001": {"id": "REQ_001", "type": "req", "title": "Heart rate", "content": "The software shall."},
    "SPEC_002": {"id": "SPEC_002", "type": "spec", "title": "Alarm"},
    "TEST_001": {"id": "TEST_001", "type": "test", "title": "t", "links": ["REQ_001"], "tests": ["SPEC_002"]},
    "NOTE_1": {"id": "NOTE_1", "type": "note"}
  }}}}"#;
        let (requirements, links) = parse(text).unwrap();
        let ids: Vec<(&str, usize)> = requirements
            .iter()
            .map(|r| (r.id.as_str(), r.line))
            .collect();
        assert_eq!(ids, [("REQ_001", 4), ("SPEC_002", 5)]);
        assert_eq!(
            links,
            [(6, "SPEC_002".to_string()), (6, "REQ_001".to_string())]
        );
        assert!(
            parse("{}")
                .unwrap_err()
                .contains("not a sphinx-needs export")
        );
    }
}
