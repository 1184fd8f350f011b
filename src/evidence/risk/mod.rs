//! The risk table (ISO 14971 §5-7): hazards, hazardous situations, harms, severity and
//! probability on the plan's scales, risk controls, residual risk and verification references.
//!
//! Read from the `risk_table` documents however they were recognised (name, title, or one risk
//! record per file with front matter, see `records`): CSV, YAML, Markdown tables (several
//! tables with the same header in one file are one table), or risks written one section each as
//! `key: value` lines (`vertical`), with columns matched loosely so that common FMEA layouts in
//! English and Korean are understood too. Residual risk may be one column or post-control
//! severity and probability columns. Each row gets its severity and probability ranks and risk
//! score on the plan's scales (`scales`), so MFDS-RSK-002 can judge scales and unacceptable
//! risks, and MFDS-SWL-006 can follow each risk control to a requirement or a verification.
//! Unfilled templates are listed under `unfilled`, never read as tables. `currency` holds what
//! MFDS-RSK-004 needs: the newest release tag and when each risk management report last changed.

mod columns;
mod currency;
mod plan_scales;
mod records;
mod scales;
mod split;
mod vertical;

use super::documents::{files_by_kind, records::records as dhf_records, unfilled_reason};
use super::extractor::extension;
use super::read::tables::{Row, Table, markdown_tables, normalise_header, parse_csv};
use super::{Context, Extractor};
use columns::{FIELDS, map_columns, residual_columns};
use regex::Regex;
use scales::{Scales, rank};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

pub(super) struct RiskExtractor;

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
    /// The files a column-split table was joined from (absent for one file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<String>,
}

impl Extractor for RiskExtractor {
    fn key(&self) -> &'static str {
        "risks"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let mut by_kind = files_by_kind(ctx);
        let plans = by_kind.remove("risk_management_plan").unwrap_or_default();
        let reports = by_kind.remove("risk_management_report").unwrap_or_default();
        let scales = Scales::resolve(ctx, &plans);
        // A file with front matter whose body holds a risk table is a table, not a record.
        let mut all_records = dhf_records(ctx);
        all_records.retain(|r| r.kind != "risk" || markdown_risk_table(&r.body).is_err());
        let record_paths: BTreeSet<&str> = all_records.iter().map(|r| r.path.as_str()).collect();
        let mut tables = Vec::new();
        let mut parsed = Vec::new();
        let mut unfilled = Vec::new();
        let files = by_kind.remove("risk_table").unwrap_or_default();
        for path in files.iter().filter(|p| !record_paths.contains(p.as_str())) {
            match read_table(ctx, path) {
                Read::Table(table) => parsed.push(table),
                Read::Failed(table) => tables.push(table),
                Read::Unfilled => unfilled.push(path.clone()),
            }
        }
        for part in split::join(parsed) {
            let mut out = RiskTable::empty(&part.path, part.format);
            fill(&mut out, &part.table, &scales);
            out.parts = part.parts;
            tables.push(out);
        }
        tables.sort_by(|a, b| a.path.cmp(&b.path));
        tables.extend(records::tables(&all_records, &scales));
        json!({
            "scales": scales,
            "tables": tables,
            "unfilled": unfilled,
            "currency": currency::collect(ctx, &reports),
        })
    }
}

impl RiskTable {
    fn empty(path: &str, format: &'static str) -> RiskTable {
        RiskTable {
            path: path.to_string(),
            format,
            parsed: false,
            error: None,
            columns: BTreeMap::new(),
            missing_columns: vec![],
            rows: vec![],
            parts: vec![],
        }
    }
}

/// What reading one risk table file gave.
enum Read {
    Table(split::Parsed),
    /// Unreadable or unparseable, with the error.
    Failed(RiskTable),
    Unfilled,
}

/// Reads one risk table file.
fn read_table(ctx: &Context, path: &str) -> Read {
    let format = table_format(path);
    let mut out = RiskTable::empty(path, format);
    if format == "other" {
        out.error =
            Some("not a format samdscan reads risk tables from (CSV, YAML, Markdown)".into());
        return Read::Failed(out);
    }
    let Some(text) = ctx.read_text(path) else {
        out.error = Some("could not be read (see diagnostics)".into());
        return Read::Failed(out);
    };
    if unfilled_reason(&text).is_some() {
        return Read::Unfilled;
    }
    match parse_table(format, &text) {
        Ok(mut table) => {
            if let Some(cut) = table.bound() {
                ctx.diagnose(path, format!("risk table cut before the policies: {cut}"));
            }
            Read::Table(split::Parsed {
                path: path.to_string(),
                format,
                table,
                parts: vec![],
            })
        }
        Err(e) => {
            ctx.diagnose(path, format!("risk table does not parse: {e}"));
            out.error = Some(e);
            Read::Failed(out)
        }
    }
}

/// The format a risk table file is read in, by its extension: `csv`, `yaml`, `markdown`, or
/// `other` (not read).
pub(crate) fn table_format(path: &str) -> &'static str {
    match extension(path).as_str() {
        "csv" => "csv",
        "yaml" | "yml" => "yaml",
        "md" | "markdown" => "markdown",
        _ => "other",
    }
}

/// A risk table's text in `format` (`csv`, `yaml`, else Markdown: a table, or one section per
/// risk) as a table, or the parse error. The extractor and the fuzz targets enter here.
pub(crate) fn parse_table(format: &str, text: &str) -> Result<Table, String> {
    match format {
        "csv" => parse_csv(text),
        "yaml" => yaml_table(text),
        _ => markdown_risk_table(text).or_else(|e| vertical::sections_table(text).ok_or(e)),
    }
}

/// The Markdown table whose header names the most risk-table fields, with the rows of every
/// other table in the file that has the same header (an FMEA split by subsystem).
fn markdown_risk_table(text: &str) -> Result<Table, String> {
    let tables = markdown_tables(text);
    let best = tables
        .iter()
        .max_by_key(|t| map_columns(&t.header).len())
        .filter(|t| map_columns(&t.header).len() >= 3)
        .ok_or("no Markdown table with risk-table columns (id, hazard, harm, severity, ...)")?;
    let same = |t: &Table| {
        let names = |t: &Table| {
            t.header
                .iter()
                .map(|h| normalise_header(h))
                .collect::<Vec<_>>()
        };
        names(t) == names(best)
    };
    let mut merged = best.clone();
    merged.rows = tables
        .iter()
        .filter(|t| same(t))
        .flat_map(|t| t.rows.clone())
        .collect();
    Ok(merged)
}

/// A YAML list of risks (or a `risks:` key holding one) as a table: one column per key seen.
fn yaml_table(text: &str) -> Result<Table, String> {
    let value: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    let items = value
        .get("risks")
        .unwrap_or(&value)
        .as_array()
        .ok_or("expected a list of risks (or a `risks:` list)")?;
    let id_lines = id_lines(text);
    let records = items.iter().filter_map(Value::as_object).map(|item| {
        let id = item.get("id").map(cell_text).unwrap_or_default();
        let line = id_lines.get(id.as_str()).copied().unwrap_or(1);
        let pairs = item
            .iter()
            .map(|(k, v)| (k.clone(), cell_text(v)))
            .collect();
        (line, pairs)
    });
    Ok(table_of(records))
}

/// The line (from 1) where each `id:` value of a YAML file is first written, in one pass.
fn id_lines(text: &str) -> std::collections::HashMap<&str, usize> {
    let mut lines = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some((_, rest)) = line.split_once("id:") else {
            continue;
        };
        let value = rest.split([',', '}', '#']).next().unwrap_or_default();
        let value = value.trim().trim_matches(['"', '\'']);
        lines.entry(value).or_insert(i + 1);
    }
    lines
}

/// A table from records of (line, key-value pairs): one column per key seen, in first-seen order.
pub(crate) fn table_of(records: impl IntoIterator<Item = (usize, Vec<(String, String)>)>) -> Table {
    let records: Vec<(usize, Vec<(String, String)>)> = records.into_iter().collect();
    let mut table = Table::default();
    for (_, pairs) in &records {
        for (key, _) in pairs {
            if !table.header.contains(key) {
                table.header.push(key.clone());
            }
        }
    }
    for (line, pairs) in records {
        let cells = table
            .header
            .iter()
            .map(|k| {
                pairs
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
            .collect();
        table.rows.push(Row { line, cells });
    }
    table
}

pub(crate) fn cell_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join(";"),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn fill(out: &mut RiskTable, table: &Table, scales: &Scales) {
    let columns = map_columns(&table.header);
    let residual = residual_columns(&table.header);
    out.parsed = true;
    out.columns = columns
        .iter()
        .map(|(f, i)| (*f, table.header.get(*i).cloned().unwrap_or_default()))
        .collect();
    if !columns.contains_key("residual_risk") && residual.0.is_some() {
        let names: Vec<&str> = [residual.0, residual.1]
            .iter()
            .flatten()
            .filter_map(|c| table.header.get(*c).map(String::as_str))
            .collect();
        out.columns.insert("residual_risk", names.join(" + "));
    }
    out.missing_columns = FIELDS
        .iter()
        .copied()
        .filter(|f| !out.columns.contains_key(f))
        .collect();
    out.rows = table
        .rows
        .iter()
        .map(|row| {
            let field = |f: &str| columns.get(f).map_or("", |c| table.cell(row, *c));
            let post = |c: Option<usize>| c.map_or("", |c| table.cell(row, c));
            let mut value = risk_row(field, row.line, scales);
            residual_ranks(&mut value, (post(residual.0), post(residual.1)), scales);
            value
        })
        .collect();
}

/// Adds the post-control ranks and score of a row whose residual risk is given as severity and
/// probability after control; the residual risk text names both when no column gave it.
fn residual_ranks(row: &mut Value, (severity, probability): (&str, &str), scales: &Scales) {
    if severity.is_empty() && probability.is_empty() {
        return;
    }
    let s = rank(&scales.severity, severity);
    let p = rank(&scales.probability, probability);
    row["residual_severity_rank"] = json!(s);
    row["residual_probability_rank"] = json!(p);
    row["residual_score"] = json!(s.zip(p).map(|(s, p)| s * p));
    if row["residual_risk"].as_str().is_some_and(str::is_empty) {
        row["residual_risk"] = json!(format!("{severity} x {probability}"));
    }
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
pub(super) fn control_ids(cell: &str) -> Vec<String> {
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

pub(crate) fn id_like() -> Regex {
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
        let mut out = RiskTable::empty("r.yaml", "yaml");
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
