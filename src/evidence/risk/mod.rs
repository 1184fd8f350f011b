//! The risk table (ISO 14971 §5-7): hazards, hazardous situations, harms, severity and
//! probability on the plan's scales, risk controls, residual risk and verification references.
//!
//! Read from the `risk_table` documents (CSV, YAML, or a Markdown table) in our documented
//! format (docs/verification.md), with columns matched loosely so that common FMEA layouts in
//! English and Korean are understood too. Each row gets its severity and probability ranks and
//! risk score, so MFDS-RSK-002 can judge scales and unacceptable risks, and MFDS-SWL-006 can
//! follow each risk control to a requirement or a verification. `currency` holds what
//! MFDS-RSK-004 needs: the newest release tag and when each risk management report last changed.

mod columns;
mod currency;
mod scales;

use super::extractor::extension;
use super::read::tables::{Table, markdown_tables, parse_csv};
use super::{Context, Extractor};
use columns::{FIELDS, map_columns};
use regex::Regex;
use scales::{Scales, rank};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

pub struct RiskExtractor;

#[derive(Debug, Serialize)]
struct RiskTable {
    path: String,
    format: &'static str,
    parsed: bool,
    error: Option<String>,
    /// Field -> the header it was read from.
    columns: BTreeMap<&'static str, String>,
    missing_columns: Vec<&'static str>,
    rows: Vec<Value>,
}

impl Extractor for RiskExtractor {
    fn key(&self) -> &'static str {
        "risks"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let scales = Scales::from_config(ctx.config);
        let tables: Vec<RiskTable> = ctx
            .files("risk_table")
            .iter()
            .map(|p| read_table(ctx, p, &scales))
            .collect();
        json!({"scales": scales, "tables": tables, "currency": currency::collect(ctx)})
    }
}

fn read_table(ctx: &Context, path: &str, scales: &Scales) -> RiskTable {
    let format = match extension(path).as_str() {
        "csv" => "csv",
        "yaml" | "yml" => "yaml",
        "md" | "markdown" => "markdown",
        _ => "other",
    };
    let mut out = RiskTable {
        path: path.to_string(),
        format,
        parsed: false,
        error: None,
        columns: BTreeMap::new(),
        missing_columns: vec![],
        rows: vec![],
    };
    if format == "other" {
        out.error =
            Some("not a format samdscan reads risk tables from (CSV, YAML, Markdown)".into());
        return out;
    }
    let Some(text) = ctx.read_text(path) else {
        out.error = Some("could not be read (see diagnostics)".into());
        return out;
    };
    let table = match format {
        "csv" => parse_csv(&text),
        "yaml" => yaml_table(&text),
        _ => markdown_risk_table(&text),
    };
    match table {
        Ok(table) => fill(&mut out, &table, scales),
        Err(e) => {
            ctx.diagnose(path, format!("risk table does not parse: {e}"));
            out.error = Some(e);
        }
    }
    out
}

/// The Markdown table whose header names the most risk-table fields.
fn markdown_risk_table(text: &str) -> Result<Table, String> {
    markdown_tables(text)
        .into_iter()
        .max_by_key(|t| map_columns(&t.header).len())
        .filter(|t| map_columns(&t.header).len() >= 3)
        .ok_or_else(|| {
            "no Markdown table with risk-table columns (id, hazard, harm, severity, ...)".into()
        })
}

/// A YAML list of risks (or a `risks:` key holding one) as a table: one column per key seen.
fn yaml_table(text: &str) -> Result<Table, String> {
    let value: Value = yaml_serde::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    let items = value
        .get("risks")
        .unwrap_or(&value)
        .as_array()
        .ok_or("expected a list of risks (or a `risks:` list)")?;
    let mut table = Table::default();
    for item in items.iter().filter_map(Value::as_object) {
        for key in item.keys() {
            if !table.header.contains(key) {
                table.header.push(key.clone());
            }
        }
    }
    for item in items.iter().filter_map(Value::as_object) {
        let cells = table
            .header
            .iter()
            .map(|k| item.get(k).map(cell_text).unwrap_or_default())
            .collect();
        let id = item.get("id").map(cell_text).unwrap_or_default();
        let line = text
            .lines()
            .position(|l| !id.is_empty() && l.contains(&id))
            .map_or(1, |i| i + 1);
        table.rows.push(super::read::tables::Row { line, cells });
    }
    Ok(table)
}

fn cell_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join(";"),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn fill(out: &mut RiskTable, table: &Table, scales: &Scales) {
    let columns = map_columns(&table.header);
    out.parsed = true;
    out.columns = columns
        .iter()
        .map(|(f, i)| (*f, table.header.get(*i).cloned().unwrap_or_default()))
        .collect();
    out.missing_columns = FIELDS
        .iter()
        .copied()
        .filter(|f| !columns.contains_key(f))
        .collect();
    out.rows = table
        .rows
        .iter()
        .map(|row| {
            let field = |f: &str| columns.get(f).map_or("", |c| table.cell(row, *c));
            risk_row(field, row.line, scales)
        })
        .collect();
}

fn risk_row<'a>(field: impl Fn(&str) -> &'a str, line: usize, scales: &Scales) -> Value {
    let mut row = Map::new();
    for f in FIELDS.iter().filter(|f| **f != "risk_controls") {
        row.insert(f.to_string(), json!(field(f)));
    }
    let severity = rank(&scales.severity, field("severity"));
    let probability = rank(&scales.probability, field("probability"));
    row.insert("line".into(), json!(line));
    row.insert("severity_rank".into(), json!(severity));
    row.insert("probability_rank".into(), json!(probability));
    row.insert(
        "score".into(),
        json!(severity.zip(probability).map(|(s, p)| s * p)),
    );
    row.insert(
        "risk_controls".into(),
        json!(control_ids(field("risk_controls"))),
    );
    Value::Object(row)
}

/// The risk controls named in a cell: ids (`RC-1; RC-2`), else the text itself; none for
/// empty cells and placeholders (`-`, `n/a`, `none`, `없음`).
pub fn control_ids(cell: &str) -> Vec<String> {
    let ids: Vec<String> = id_like()
        .find_iter(cell)
        .map(|m| m.as_str().to_string())
        .collect();
    let placeholder = matches!(
        cell.trim().to_lowercase().as_str(),
        "" | "-" | "n/a" | "na" | "none" | "없음" | "해당 없음"
    );
    match (ids.is_empty(), placeholder) {
        (false, _) => ids,
        (true, true) => vec![],
        (true, false) => vec![cell.trim().to_string()],
    }
}

fn id_like() -> Regex {
    Regex::new(r"\b[A-Za-z][A-Za-z0-9_]*-\d+\b").expect("a fixed pattern compiles")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_cells() {
        assert_eq!(control_ids("RC-1; RC-2"), ["RC-1", "RC-2"]);
        assert_eq!(control_ids("Hysteresis (REQ-3)"), ["REQ-3"]);
        assert_eq!(control_ids("Alarm hysteresis"), ["Alarm hysteresis"]);
        assert!(control_ids(" n/a ").is_empty());
    }

    #[test]
    fn yaml_risks_become_rows_with_ranks() {
        let text = "risks:\n  - id: RSK-1\n    hazard: Missed alarm\n    severity: Catastrophic\n    probability: Remote\n    risk_controls: [RC-1, RC-2]\n";
        let table = yaml_table(text).unwrap();
        let mut out = RiskTable {
            path: "r.yaml".into(),
            format: "yaml",
            parsed: false,
            error: None,
            columns: BTreeMap::new(),
            missing_columns: vec![],
            rows: vec![],
        };
        fill(
            &mut out,
            &table,
            &Scales::from_config(&crate::config::LoadedConfig::default()),
        );
        let row = &out.rows[0];
        assert_eq!(row["line"], 2);
        assert_eq!(row["score"], 10);
        assert_eq!(row["risk_controls"], json!(["RC-1", "RC-2"]));
        assert!(out.missing_columns.contains(&"harm"));
    }

    #[test]
    fn markdown_picks_the_risk_table() {
        let text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| ID | Hazard | Harm | Severity |\n|---|---|---|---|\n| RSK-1 | Burn | Injury | Serious |\n";
        let t = markdown_risk_table(text).unwrap();
        assert_eq!(t.rows[0].line, 7);
        assert!(markdown_risk_table("no tables").is_err());
    }
}
