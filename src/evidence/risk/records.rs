//! Risk records kept one per file (front matter `id: HAZ-001`, `type: hazard`, `severity: 4`),
//! read as one risk table per folder. A record's fields are its front matter and the
//! `key: value` lines of its body; its risk controls are the records it names in
//! `mitigated_by`/`controls`/`risk_controls` plus the risk-control records that say they
//! `mitigate` it; its verification, when it states none, is the test records that link to it or
//! to one of its controls.

use super::scales::Scales;
use super::vertical::pairs;
use super::{RiskTable, cell_text, fill, table_of};
use crate::evidence::documents::records::{LINK_FIELDS, Record};
use serde_json::json;
use std::collections::BTreeMap;

/// Fields of a record that say what it is, not what the risk is.
const NOT_RISK_FIELDS: &[&str] = &["type", "kind", "category", "title", "status", "version"];

/// Link fields that name a risk's controls.
const CONTROL_LINKS: &[&str] = &[
    "mitigated_by",
    "controls",
    "risk_controls",
    "implemented_by",
];

/// One table per folder of risk records, rows in path order.
pub(super) fn tables(records: &[Record], scales: &Scales) -> Vec<RiskTable> {
    let mut folders: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in records.iter().filter(|r| r.kind == "risk") {
        let folder = r.path.rsplit_once('/').map_or("", |(dir, _)| dir);
        folders.entry(folder).or_default().push(r);
    }
    folders
        .into_iter()
        .map(|(folder, risks)| {
            let table = table_of(risks.iter().map(|r| (r.line, fields_of(r, records))));
            let path = if folder.is_empty() { "." } else { folder };
            let mut out = RiskTable::empty(path, "markdown");
            fill(&mut out, &table, scales);
            for (row, r) in out.rows.iter_mut().zip(&risks) {
                row["path"] = json!(r.path);
            }
            out
        })
        .collect()
}

/// The fields of one risk record, controls and verification included.
fn fields_of(risk: &Record, all: &[Record]) -> Vec<(String, String)> {
    let mut out = vec![("id".to_string(), risk.id.clone())];
    if let Some(map) = risk.front.as_object() {
        for (key, value) in map {
            let skip = key == "id"
                || NOT_RISK_FIELDS.contains(&key.as_str())
                || LINK_FIELDS.contains(&key.as_str());
            if !skip {
                out.push((key.clone(), cell_text(value)));
            }
        }
    }
    let lines: Vec<&str> = risk.body.lines().collect();
    out.extend(
        pairs(&lines, risk.body_line)
            .into_iter()
            .map(|(_, k, v)| (k, v)),
    );
    if !out.iter().any(|(k, _)| is_hazard_key(k)) {
        out.push(("hazard".into(), risk.title.clone()));
    }
    let controls = controls_of(risk, all);
    if !controls.is_empty() {
        out.push(("risk_controls".into(), controls.join("; ")));
    }
    let verifying = verifying(risk, &controls, all);
    if !verifying.is_empty() && !out.iter().any(|(k, _)| k.to_lowercase().contains("verif")) {
        out.push(("verification".into(), verifying.join("; ")));
    }
    out
}

fn is_hazard_key(key: &str) -> bool {
    let k = key.to_lowercase();
    k == "hazard" || k == "failure mode" || k == "위해요인"
}

/// Controls named by the risk, then risk-control records that name the risk, in order.
fn controls_of(risk: &Record, all: &[Record]) -> Vec<String> {
    let mut out: Vec<String> = risk
        .links
        .iter()
        .filter(|(field, _, _)| CONTROL_LINKS.contains(&field.as_str()))
        .map(|(_, id, _)| id.clone())
        .collect();
    for control in all.iter().filter(|r| r.kind == "risk_control") {
        if control.links.iter().any(|(_, id, _)| *id == risk.id) && !out.contains(&control.id) {
            out.push(control.id.clone());
        }
    }
    out
}

/// Test records that link to the risk or to one of its controls.
fn verifying(risk: &Record, controls: &[String], all: &[Record]) -> Vec<String> {
    all.iter()
        .filter(|r| matches!(r.kind, "test_case" | "test_report"))
        .filter(|r| {
            r.links
                .iter()
                .any(|(_, id, _)| *id == risk.id || controls.contains(id))
        })
        .map(|r| r.id.clone())
        .collect()
}
