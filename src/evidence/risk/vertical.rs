//! Risks written vertically, one section each, as `key: value` lines rather than table rows:
//! `## RSK-001 Missed alarm` over `- **Severity:** Critical`, `Probability: Remote` or a two-column
//! `| Field | Value |` table. A section whose keys name at least three risk-table fields is a
//! risk; its id is its `ID:` line, else the id its heading starts with.

use super::columns::map_columns;
use super::{id_like, table_of};
use crate::evidence::read::tables::Table;

/// The (line, key, value) pairs written in `lines`, whose first line is line `first` (1-based).
pub(super) fn pairs(lines: &[&str], first: usize) -> Vec<(usize, String, String)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| pair_of(l).map(|(k, v)| (first + i, k, v)))
        .collect()
}

fn pair_of(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .unwrap_or(t);
    let (key, value) = if let Some(row) = t.strip_prefix('|') {
        let cells: Vec<&str> = row
            .trim_end_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        match cells[..] {
            [key, value] if !key.starts_with('-') => (key.to_string(), value.to_string()),
            _ => return None,
        }
    } else {
        let plain = t.replace("**", "").replace("__", "");
        let (key, value) = plain.split_once(':')?;
        (key.to_string(), value.to_string())
    };
    let key = key.replace("**", "").trim().to_string();
    let value = value.trim().to_string();
    let words = key.split_whitespace().count();
    ((1..=5).contains(&words) && !value.is_empty() && !value.starts_with("//"))
        .then_some((key, value))
}

/// The risks of a document written one section each, as a table; `None` when it has none.
pub(super) fn sections_table(text: &str) -> Option<Table> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|i| lines[*i].trim_start().starts_with('#'))
        .collect();
    let mut records = Vec::new();
    for (n, start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let found = pairs(&lines[start + 1..end], start + 2);
        let mut pairs: Vec<(String, String)> = found.into_iter().map(|(_, k, v)| (k, v)).collect();
        let keys: Vec<String> = pairs.iter().map(|(k, _)| k.clone()).collect();
        if map_columns(&keys).len() < 3 {
            continue;
        }
        if !map_columns(&keys).contains_key("id") {
            let heading = lines[*start].trim_start_matches('#');
            let Some(id) = id_like().find(heading) else {
                continue;
            };
            pairs.insert(0, ("ID".into(), id.as_str().to_string()));
        }
        records.push((start + 1, pairs));
    }
    (!records.is_empty()).then(|| table_of(records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_of_key_value_lines_are_rows() {
        let text = "# Hazard Analysis\n\nIntro: this file.\n\n## HAZ-001 Missed alarm\n- **Hazard:** Alarm not raised\n- **Harm**: Delayed treatment\n- Severity: Critical\n- Probability: Remote\n\n## HAZ-002 Wrong value\n| Field | Value |\n|---|---|\n| Hazard | Wrong heart rate |\n| Severity | Serious |\n| Probability | Occasional |\n| Risk control | RC-2 |\n";
        let t = sections_table(text).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.header[0], "ID");
        assert_eq!(t.rows[0].cells[0], "HAZ-001");
        assert_eq!(t.rows[1].line, 11);
        assert!(t.header.contains(&"Risk control".to_string()));
        assert!(sections_table("# Plan\n\nScope: all\n").is_none());
    }
}
