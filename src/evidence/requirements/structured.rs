//! Requirements in data files: CSV (a table with an id column) and YAML (a list of `{id, title}`
//! maps, the same under a `requirements:` key, or a map keyed by id). Doorstop items are in
//! `doorstop`.

use super::Requirement;
use super::markdown::table_requirements;
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

pub(super) fn parse_csv(text: &str, pattern: &Regex) -> Result<Vec<Requirement>, String> {
    let table = read_csv_table(text)?;
    Ok(table_requirements(&table, pattern, "csv"))
}

pub(super) fn parse_yaml(text: &str, pattern: &Regex) -> Result<Vec<Requirement>, String> {
    let value: Value =
        crate::evidence::read::yaml::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
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

pub(super) fn scalar(v: &Value) -> Option<String> {
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
    fn csv_tables() {
        let found = parse_csv(
            "Req ID,Title,Type\nREQ-1,Heart rate,functional\nnote,,\n",
            &pattern(),
        )
        .unwrap();
        assert_eq!((found[0].id.as_str(), found[0].line), ("REQ-1", 2));
    }
}
