//! The SOUP list (IEC 62304 §8.1.2): every item of software of unknown provenance with its
//! version, supplier, purpose, risk level and the date its published anomaly list was last
//! reviewed. Read from a Markdown table, a CSV file or a YAML list; columns are recognised by
//! name (English or Korean), so teams keep their own template. MFDS-SWL-007 compares the entries
//! with the direct dependencies (`dependencies.direct`, matched on `key`).

use super::dependencies::package::generic_name;
use super::extractor::{FileKind, extension};
use super::read::tables::{Table, markdown_tables, normalise_header, parse_csv};
use super::{Context, Extractor};
use crate::date::Date;
use serde_json::{Map, Value, json};

/// At most this many entries of one list are kept in the evidence. A list with more is flagged
/// (`truncated`) and named in a diagnostic, and the rules that read the entries are not
/// evaluated over it (never passed).
const MAX_ENTRIES: usize = 5000;

pub(super) struct SoupExtractor;

const SOUP_KINDS: &[FileKind] = &[FileKind {
    name: "soup_list",
    globs: &["*soup*.md", "*soup*.csv", "*soup*.yaml", "*soup*.yml"],
    sniffer: None,
}];

/// Titles that make a Markdown file a SOUP list whatever it is called (`# SOUP 목록` in
/// `docs/외부소프트웨어.md`), compared folded as document titles are.
const SOUP_TITLES: &[&str] = &[
    "soup list",
    "soup 목록",
    "soup 리스트",
    "software of unknown provenance",
];

/// The SOUP field a column header names, if any.
fn field_of(header: &str) -> Option<&'static str> {
    let h = normalise_header(header);
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    Some(match () {
        _ if has(&["anomal", "이상", "결함"]) => "review",
        _ if has(&["risk", "위험"]) => "risk",
        _ if has(&["verified", "검증"]) => return None,
        _ if has(&["version", "버전"]) => "version",
        _ if has(&[
            "supplier",
            "manufacturer",
            "vendor",
            "source",
            "공급",
            "제조",
        ]) =>
        {
            "supplier"
        }
        _ if has(&[
            "purpose",
            "function",
            "requirement",
            "rationale",
            "목적",
            "용도",
            "기능",
        ]) =>
        {
            "purpose"
        }
        _ if has(&[
            "name",
            "component",
            "soup",
            "package",
            "item",
            "library",
            "이름",
            "명칭",
        ]) =>
        {
            "name"
        }
        _ => return None,
    })
}

/// One entry as evidence, from (field, value) pairs; `None` without a name.
fn entry(fields: &[(&'static str, String)], line: Option<usize>, as_of: Date) -> Option<Value> {
    let get = |f: &str| {
        fields
            .iter()
            .find(|(k, v)| *k == f && !v.trim().is_empty() && v.trim() != "-")
            .map(|(_, v)| v.trim().to_string())
    };
    let name = get("name")?;
    let review = get("review");
    let review_date = review.as_deref().and_then(Date::find_in);
    Some(json!({
        "name": name,
        "key": generic_name(&name),
        "version": get("version").map(|v| v.trim_start_matches(['=', 'v']).to_string()),
        "supplier": get("supplier"),
        "purpose": get("purpose"),
        "risk": get("risk"),
        "review": review,
        "review_date": review_date.map(|d| d.to_string()),
        "review_age_days": review_date.map(|d| d.days_until(as_of)),
        "line": line,
    }))
}

fn table_entries(table: &Table, as_of: Date) -> Vec<Value> {
    let columns: Vec<Option<&'static str>> = table.header.iter().map(|h| field_of(h)).collect();
    table
        .rows
        .iter()
        .filter_map(|row| {
            let fields: Vec<(&'static str, String)> = columns
                .iter()
                .enumerate()
                .filter_map(|(i, f)| Some(((*f)?, table.cell(row, i).to_string())))
                .collect();
            entry(&fields, Some(row.line), as_of)
        })
        .collect()
}

fn has_name_column(table: &Table) -> bool {
    table.header.iter().any(|h| field_of(h) == Some("name"))
}

/// The list in a YAML document: the document itself, or the first list under a top-level key.
fn yaml_entries(text: &str, as_of: Date) -> Result<Vec<Value>, String> {
    let doc: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    let items = match &doc {
        Value::Array(list) => list,
        Value::Object(map) => map
            .values()
            .find_map(Value::as_array)
            .ok_or("no list of SOUP items")?,
        _ => return Err("neither a list nor a mapping".into()),
    };
    Ok(items
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|item: &Map<String, Value>| {
            let fields: Vec<(&'static str, String)> = item
                .iter()
                .filter_map(|(k, v)| {
                    let text = match v {
                        Value::String(s) => s.clone(),
                        Value::Null => String::new(),
                        other => other.to_string(),
                    };
                    Some((field_of(k)?, text))
                })
                .collect();
            entry(&fields, None, as_of)
        })
        .collect())
}

fn read_list(path: &str, text: &str, as_of: Date) -> Result<Vec<Value>, String> {
    match extension(path).as_str() {
        "csv" => {
            let table = parse_csv(text)?;
            if !has_name_column(&table) {
                return Err(format!("no name column among {:?}", table.header));
            }
            Ok(table_entries(&table, as_of))
        }
        "yaml" | "yml" => yaml_entries(text, as_of),
        _ => markdown_tables(text)
            .iter()
            .find(|t| has_name_column(t))
            .map(|t| table_entries(t, as_of))
            .ok_or_else(|| {
                "no table with a name column (name, component, SOUP, package)".to_string()
            }),
    }
}

impl Extractor for SoupExtractor {
    fn key(&self) -> &'static str {
        "soup"
    }

    fn kinds(&self) -> &'static [FileKind] {
        SOUP_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let mut paths = ctx.files("soup_list").to_vec();
        paths.extend(super::documents::markdown_files_titled(
            ctx,
            SOUP_TITLES,
            &[],
        ));
        paths.sort();
        paths.dedup();
        let lists: Vec<Value> = paths
            .iter()
            .map(|path| {
                let result = ctx
                    .read_text(path)
                    .ok_or_else(|| "could not be read (see diagnostics)".to_string())
                    .and_then(|t| read_list(path, &t, ctx.as_of));
                match result {
                    Ok(mut entries) => {
                        let truncated = entries.len() > MAX_ENTRIES;
                        if truncated {
                            ctx.diagnose(
                                path,
                                format!(
                                    "lists {} SOUP items; only the first {MAX_ENTRIES} are kept in \
                                     the evidence, so the rules that read them are not evaluated",
                                    entries.len()
                                ),
                            );
                            entries.truncate(MAX_ENTRIES);
                        }
                        json!({"path": path, "parsed": true, "error": null, "entries": entries,
                               "truncated": truncated})
                    }
                    Err(e) => {
                        ctx.diagnose(path, format!("SOUP list does not parse: {e}"));
                        json!({"path": path, "parsed": false, "error": e, "entries": []})
                    }
                }
            })
            .collect();
        json!({ "lists": lists })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_of() -> Date {
        Date::parse("2026-10-01").unwrap()
    }

    #[test]
    fn markdown_table_with_synonym_headers() {
        let md = "# SOUP\n\n| Component | Version | Manufacturer | Intended use | Risk level | Anomaly list reviewed |\n|---|---|---|---|---|---|\n| NumPy | 2.1.3 | NumPy Developers | arrays | low | 2026-09-01 |\n| scipy | ==1.14.1 | SciPy | filters | - | |\n";
        let e = read_list("docs/soup.md", md, as_of()).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(
            (
                e[0]["key"].as_str(),
                e[0]["review_age_days"].as_i64(),
                e[0]["line"].as_u64()
            ),
            (Some("numpy"), Some(30), Some(5))
        );
        assert_eq!(
            (
                e[1]["version"].as_str(),
                e[1]["risk"].is_null(),
                e[1]["review"].is_null()
            ),
            (Some("1.14.1"), true, true)
        );
    }

    #[test]
    fn csv_and_yaml_lists() {
        let csv = "name,version,supplier,purpose,risk,anomaly review\nrequests,2.32.0,PSF,http,low,2026-01-01\n";
        assert_eq!(
            read_list("soup.csv", csv, as_of()).unwrap()[0]["supplier"],
            "PSF"
        );
        let yaml = "soup:\n  - name: openssl\n    version: 3.0.13\n    risk: high\n    anomaly_review: 2025-01-01\n";
        let e = read_list("soup.yaml", yaml, as_of()).unwrap();
        assert_eq!(
            (e[0]["version"].as_str(), e[0]["review_age_days"].as_i64()),
            (Some("3.0.13"), Some(638))
        );
        assert!(read_list("soup.md", "no table here", as_of()).is_err());
        assert!(
            read_list("soup.csv", "a,b\n1,2\n", as_of())
                .unwrap_err()
                .contains("no name column")
        );
        assert!(read_list("soup.yaml", "soup: [", as_of()).is_err());
    }
}
