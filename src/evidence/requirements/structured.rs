//! Requirements in data files: CSV (a table with an id column), YAML (a list of `{id, title}`
//! maps, the same under a `requirements:` key, or a map keyed by id), and doorstop items (one
//! YAML file per requirement in a folder with a `.doorstop.yml`; the file name is the id).

use super::Requirement;
use super::markdown::table_requirements;
use crate::evidence::Context;
use crate::evidence::extractor::extension;
use crate::evidence::read::tables::parse_csv as read_csv_table;
use regex::Regex;
use serde_json::Value;

const TITLE_KEYS: &[&str] = &[
    "title",
    "name",
    "summary",
    "header",
    "text",
    "statement",
    "description",
];

pub fn parse_csv(text: &str, pattern: &Regex) -> Result<Vec<Requirement>, String> {
    let table = read_csv_table(text)?;
    Ok(table_requirements(&table, pattern, "csv"))
}

pub fn parse_yaml(text: &str, pattern: &Regex) -> Result<Vec<Requirement>, String> {
    let value: Value = yaml_serde::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    let list = value.get("requirements").unwrap_or(&value);
    let mut out = Vec::new();
    match list {
        Value::Array(items) => {
            for item in items {
                let id = ["id", "uid", "ID", "UID"]
                    .iter()
                    .find_map(|k| item.get(*k))
                    .and_then(scalar);
                if let Some(id) = id.filter(|id| pattern.is_match(id)) {
                    out.push(yaml_requirement(&id, item, text));
                }
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter().filter(|(k, _)| pattern.is_match(k)) {
                out.push(yaml_requirement(key, item, text));
            }
        }
        _ => {}
    }
    Ok(out)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn yaml_requirement(id: &str, item: &Value, text: &str) -> Requirement {
    let title = match item {
        Value::String(s) => s.clone(),
        _ => TITLE_KEYS
            .iter()
            .find_map(|k| item.get(*k).and_then(scalar))
            .unwrap_or_default(),
    };
    let title = title.lines().next().unwrap_or_default().to_string();
    let line = text
        .lines()
        .position(|l| l.contains(id))
        .map_or(1, |i| i + 1);
    let body = serde_json::to_string(item).unwrap_or_default();
    Requirement::new(id, &title, line, "yaml", &body)
}

/// A doorstop item: the id is the file name; inactive items are not requirements.
pub fn parse_doorstop(path: &str, text: &str) -> Result<Vec<Requirement>, String> {
    let value: Value = yaml_serde::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    if value.get("active") == Some(&Value::Bool(false)) {
        return Ok(vec![]);
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let id = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = ["header", "text"]
        .iter()
        .find_map(|k| value.get(*k).and_then(scalar).filter(|s| !s.is_empty()))
        .unwrap_or_default();
    let title = title.lines().next().unwrap_or_default().to_string();
    let body = serde_json::to_string(&value).unwrap_or_default();
    Ok(vec![Requirement::new(id, &title, 1, "doorstop", &body)])
}

/// Folders holding a `.doorstop.yml` (doorstop documents).
pub fn doorstop_folders(ctx: &Context) -> Vec<String> {
    ctx.source
        .inventory()
        .files()
        .filter_map(|e| e.path.strip_suffix(".doorstop.yml"))
        .filter(|dir| dir.is_empty() || dir.ends_with('/'))
        .map(str::to_string)
        .collect()
}

/// True when `path` is an item of a doorstop document (its nearest document folder).
pub fn in_doorstop_folder(path: &str, folders: &[String]) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name != ".doorstop.yml"
        && matches!(extension(path).as_str(), "yml" | "yaml")
        && folders.iter().any(|f| path.starts_with(f.as_str()))
}

/// Every doorstop item in the repository.
pub fn doorstop_items(ctx: &Context, folders: &[String]) -> Vec<String> {
    if folders.is_empty() {
        return vec![];
    }
    ctx.source
        .inventory()
        .files()
        .filter(|e| in_doorstop_folder(&e.path, folders))
        .map(|e| e.path.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern() -> Regex {
        Regex::new(super::super::DEFAULT_REQUIREMENT_ID).unwrap()
    }

    #[test]
    fn yaml_lists_and_maps() {
        let list = "requirements:\n  - id: REQ-1\n    title: Heart rate\n  - id: REQ-2\n    text: |\n      Alarm\n      more\n  - title: no id\n";
        let found = parse_yaml(list, &pattern()).unwrap();
        let ids: Vec<(&str, &str, usize)> = found
            .iter()
            .map(|r| (r.id.as_str(), r.title.as_str(), r.line))
            .collect();
        assert_eq!(ids, [("REQ-1", "Heart rate", 2), ("REQ-2", "Alarm", 4)]);
        let map = parse_yaml(
            "REQ-7: Export\nSWR-8: {title: Logs}\nother: 1\n",
            &pattern(),
        )
        .unwrap();
        assert_eq!(
            map.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(),
            ["Export", "Logs"]
        );
        assert!(parse_yaml("a: [b", &pattern()).is_err());
    }

    #[test]
    fn csv_tables_and_doorstop_items() {
        let found = parse_csv(
            "Req ID,Title,Type\nREQ-1,Heart rate,functional\nnote,,\n",
            &pattern(),
        )
        .unwrap();
        assert_eq!((found[0].id.as_str(), found[0].line), ("REQ-1", 2));
        let item = parse_doorstop(
            "reqs/REQ001.yml",
            "active: true\nheader: Alarm\ntext: |\n  The system shall alarm.\n",
        )
        .unwrap();
        assert_eq!(
            (item[0].id.as_str(), item[0].title.as_str()),
            ("REQ001", "Alarm")
        );
        assert!(
            parse_doorstop("reqs/REQ002.yml", "active: false\ntext: x\n")
                .unwrap()
                .is_empty()
        );
        assert!(in_doorstop_folder("reqs/REQ001.yml", &["reqs/".into()]));
        assert!(!in_doorstop_folder("reqs/.doorstop.yml", &["reqs/".into()]));
    }
}
