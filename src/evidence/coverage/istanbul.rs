//! Istanbul / nyc JSON: `coverage-final.json` (a map of path -> FileCoverage with
//! `statementMap`, `s`, `branchMap`, `b`; a single FileCoverage object is accepted too) and
//! `coverage-summary.json` (`total` plus per-file `lines`/`branches` figures).
//!
//! Line figures follow istanbul's own rule: a line's count is the largest count of the
//! statements that start on it.

use super::{Counter, FileCoverage, ParsedCoverage, Stated};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub(super) fn parse_final(text: &str) -> Result<ParsedCoverage, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("not an Istanbul coverage map (expected a JSON object)".into());
    };
    let files = if map.contains_key("statementMap") {
        let name = map
            .get("path")
            .and_then(Value::as_str)
            .unwrap_or("(unnamed)");
        vec![file_coverage(name, &map)?]
    } else {
        map.iter()
            .filter_map(|(name, v)| v.as_object().map(|o| (name, o)))
            .filter(|(_, o)| o.contains_key("statementMap"))
            .map(|(name, o)| {
                let name = o.get("path").and_then(Value::as_str).unwrap_or(name);
                file_coverage(name, o)
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    if files.is_empty() {
        return Err("not an Istanbul coverage map: no entry has a statementMap".into());
    }
    Ok(ParsedCoverage {
        files,
        unit: "lines",
        ..ParsedCoverage::default()
    })
}

fn file_coverage(name: &str, o: &Map<String, Value>) -> Result<FileCoverage, String> {
    let bad = |what: &str| format!("{name}: {what}");
    let statements = o
        .get("statementMap")
        .and_then(Value::as_object)
        .ok_or_else(|| bad("statementMap is not an object"))?;
    let counts = o
        .get("s")
        .and_then(Value::as_object)
        .ok_or_else(|| bad("no `s` counts"))?;
    let mut lines: BTreeMap<u64, u64> = BTreeMap::new();
    for (id, location) in statements {
        let line = location
            .pointer("/start/line")
            .and_then(Value::as_u64)
            .ok_or_else(|| bad("statement without start.line"))?;
        let count = counts.get(id).and_then(Value::as_u64).unwrap_or(0);
        let slot = lines.entry(line).or_default();
        *slot = (*slot).max(count);
    }
    let mut branches = Counter::default();
    for arms in o
        .get("b")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|b| b.values())
    {
        for hits in arms.as_array().into_iter().flatten() {
            branches.total += 1;
            branches.covered += u64::from(hits.as_u64().unwrap_or(0) > 0);
        }
    }
    Ok(FileCoverage {
        name: name.replace('\\', "/"),
        path: None,
        lines: Counter::new(
            lines.values().filter(|c| **c > 0).count() as u64,
            lines.len() as u64,
        ),
        branches: (branches.total > 0).then_some(branches),
    })
}

/// `{"lines": {"total": 8, "covered": 7, ...}}` -> the lines counter (likewise branches).
fn summary_counter(entry: &Value, key: &str) -> Option<Counter> {
    let v = entry.get(key)?;
    Some(Counter::new(
        v.get("covered")?.as_u64()?,
        v.get("total")?.as_u64()?,
    ))
}

pub(super) fn parse_summary(text: &str) -> Result<ParsedCoverage, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let map = value
        .as_object()
        .ok_or("not an Istanbul coverage summary (expected a JSON object)")?;
    let total = map.get("total");
    let files: Vec<FileCoverage> = map
        .iter()
        .filter(|(name, _)| name.as_str() != "total")
        .filter_map(|(name, entry)| {
            Some(FileCoverage {
                name: name.replace('\\', "/"),
                path: None,
                lines: summary_counter(entry, "lines")?,
                branches: summary_counter(entry, "branches").filter(|b| b.total > 0),
            })
        })
        .collect();
    if files.is_empty() && total.and_then(|t| summary_counter(t, "lines")).is_none() {
        return Err(
            "not an Istanbul coverage summary: no `total.lines` and no file entries".into(),
        );
    }
    Ok(ParsedCoverage {
        files,
        stated: Stated {
            lines: total.and_then(|t| summary_counter(t, "lines")),
            branches: total.and_then(|t| summary_counter(t, "branches")),
            ..Stated::default()
        },
        timestamp: None,
        unit: "lines",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_map_counts_lines_by_statement_start() {
        let json = r#"{"/w/src/a.js": {"path": "/w/src/a.js",
            "statementMap": {"0": {"start": {"line": 1}}, "1": {"start": {"line": 1}}, "2": {"start": {"line": 3}}},
            "s": {"0": 0, "1": 2, "2": 0}, "b": {"0": [1, 0]}}}"#;
        let p = parse_final(json).unwrap();
        assert_eq!(p.files[0].lines, Counter::new(1, 2));
        assert_eq!(p.files[0].branches, Some(Counter::new(1, 2)));
    }

    #[test]
    fn summary_keeps_stated_totals() {
        let json = r#"{"total": {"lines": {"total": 10, "covered": 5}}, "/a.js": {"lines": {"total": 10, "covered": 5}}}"#;
        let p = parse_summary(json).unwrap();
        assert_eq!(p.stated.lines, Some(Counter::new(5, 10)));
        assert_eq!(p.files.len(), 1);
        assert!(parse_final(r#"{"map": {}}"#).is_err());
    }
}
