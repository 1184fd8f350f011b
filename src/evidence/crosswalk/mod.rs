//! The cross-jurisdiction crosswalk (`regulatory/crosswalk.yaml`, MFDS-INT-001): for each
//! expectation id, the clauses of each market's regulation that ask for the same evidence, so
//! that one repository serves the MFDS, FDA, EU MDR / AI Act and IMDRF submissions alike.
//!
//! ```yaml
//! MFDS-CYB-001:
//!   US: ["FDA premarket cybersecurity guidance (2026) §VI.A SBOM"]
//!   EU: ["MDR Annex I §17.4", "MDCG 2019-16 §3.2"]
//! ```
//!
//! Each id becomes `{line, markets: {MARKET: [clauses]}, problems}`: a market whose value is not
//! a list of non-empty strings is a problem naming it, never a silent mapping. A file that does
//! not parse, or is not a map of ids, is a diagnostic and `parsed: false`.

use super::extractor::FileKind;
use super::{Context, Extractor};
use crate::config::yaml_lines::YamlLines;
use serde_json::{Map, Value, json};

pub(super) struct CrosswalkExtractor;

const CROSSWALK_KINDS: &[FileKind] = &[FileKind {
    name: "crosswalk",
    globs: &["regulatory/crosswalk.yaml", "regulatory/crosswalk.yml"],
    sniffer: None,
}];

impl Extractor for CrosswalkExtractor {
    fn key(&self) -> &'static str {
        "crosswalk"
    }

    fn kinds(&self) -> &'static [FileKind] {
        CROSSWALK_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let files: Vec<Value> = ctx
            .files("crosswalk")
            .iter()
            .map(|path| read_crosswalk(ctx, path))
            .collect();
        json!({ "files": files })
    }
}

fn read_crosswalk(ctx: &Context, path: &str) -> Value {
    let mut out = json!({"path": path, "parsed": false, "ids": {}});
    let Some(text) = ctx.read_text(path) else {
        return out;
    };
    match parse_crosswalk(&text) {
        Ok(ids) => {
            out["parsed"] = json!(true);
            out["ids"] = Value::Object(ids);
        }
        Err(e) => ctx.diagnose(path, e),
    }
    out
}

/// A crosswalk's text as its ids' mappings (see [`mapping`]); else why it is not a crosswalk.
pub(crate) fn parse_crosswalk(text: &str) -> Result<Map<String, Value>, String> {
    let root = match text.trim() {
        "" => Value::Object(Map::new()),
        _ => crate::evidence::read::yaml::from_str::<Value>(text)
            .map_err(|e| format!("crosswalk is not valid YAML: {e}"))?,
    };
    let map = root
        .as_object()
        .ok_or("crosswalk must map expectation ids to markets and clauses")?;
    let lines = YamlLines::index(text);
    Ok(map
        .iter()
        .map(|(id, markets)| (id.clone(), mapping(markets, lines.line_of(id))))
        .collect())
}

/// One id's mapping: the markets with their clauses, and what is wrong with the rest.
fn mapping(raw: &Value, line: Option<usize>) -> Value {
    let mut markets = Map::new();
    let mut problems = Vec::new();
    match raw.as_object() {
        Some(map) => {
            for (market, clauses) in map {
                let list: Option<Vec<&str>> = match clauses {
                    Value::String(s) => Some(vec![s.as_str()]),
                    Value::Array(items) => items.iter().map(Value::as_str).collect(),
                    _ => None,
                };
                match list {
                    Some(list) if list.iter().all(|c| !c.trim().is_empty()) && !list.is_empty() => {
                        markets.insert(market.to_uppercase(), json!(list));
                    }
                    _ => problems.push(format!("{market}: expected a clause or a list of clauses")),
                }
            }
        }
        None => problems.push("expected a map of markets to clauses".to_string()),
    }
    json!({"line": line.unwrap_or(1), "markets": markets, "problems": problems})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markets_map_to_clauses_and_bad_values_are_problems() {
        let m = mapping(
            &json!({"us": ["§VI.A"], "EU": "Annex I §17.4", "IMDRF": [], "JP": 3}),
            Some(4),
        );
        assert_eq!(m["line"], 4);
        assert_eq!(m["markets"]["US"], json!(["§VI.A"]));
        assert_eq!(m["markets"]["EU"], json!(["Annex I §17.4"]));
        assert!(m["markets"].get("IMDRF").is_none());
        let problems = m["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            mapping(&json!("x"), None)["problems"][0],
            "expected a map of markets to clauses"
        );
    }
}
