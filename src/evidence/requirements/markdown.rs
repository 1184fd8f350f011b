//! Requirements written in Markdown: a heading that starts with an id (`## REQ-1: Title`), a list
//! item that does (`- **REQ-2** Title`), or a table row whose id column holds one.
//!
//! A summary table and detailed sections often name the same requirement in one file; that is
//! one requirement, not a duplicate, so within a file an id defined in two different forms is
//! kept once (in the form seen first). The same id twice in the same form stays a duplicate.

use super::Requirement;
use crate::evidence::read::tables::{Table, markdown_tables, normalise_header};
use regex::Regex;
use std::collections::HashMap;

/// Header names of a title column, normalised.
const TITLE_HEADERS: &[&str] = &[
    "title",
    "name",
    "summary",
    "requirement",
    "description",
    "text",
    "statement",
    "제목",
    "요구사항",
    "내용",
];

pub(super) fn parse(text: &str, pattern: &Regex) -> Vec<Requirement> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut in_fence = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some((id, title)) = heading_text(t).and_then(|rest| leading_id(rest, pattern)) {
            let body = section_body(&lines, i);
            found.push(Requirement::new(id, title, i + 1, "heading", &body));
        } else if let Some((id, title)) =
            list_item_text(t).and_then(|rest| leading_id(rest, pattern))
        {
            found.push(Requirement::new(id, title, i + 1, "list", t));
        }
    }
    for table in markdown_tables(text) {
        found.extend(table_requirements(&table, pattern, "table"));
    }
    found.sort_by_key(|r| r.line);
    keep_one_form_per_id(found)
}

fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    (1..=6)
        .contains(&hashes)
        .then(|| &line[hashes..])
        .filter(|r| r.starts_with([' ', '\t']))
}

fn list_item_text(line: &str) -> Option<&str> {
    line.strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("+ "))
}

/// `**REQ-1**: Title` -> ("REQ-1", "Title") when the text starts with an id.
pub(super) fn leading_id<'a>(text: &'a str, pattern: &Regex) -> Option<(&'a str, &'a str)> {
    let text = text.trim_start().trim_start_matches(['*', '_', '`', '[']);
    let m = pattern.find(text).filter(|m| m.start() == 0)?;
    let title = text[m.end()..]
        .trim_start_matches(['*', '_', '`', ']', ':', '.', ')', '-', '–', '—', ' ', '\t']);
    Some((m.as_str(), title.trim()))
}

/// The lines after heading `i` up to the next heading.
fn section_body(lines: &[&str], i: usize) -> String {
    let end = lines
        .iter()
        .enumerate()
        .skip(i + 1)
        .find(|(_, l)| heading_text(l.trim_start()).is_some())
        .map_or(lines.len(), |(j, _)| j);
    lines.get(i..end).map(|s| s.join("\n")).unwrap_or_default()
}

/// Requirements in a table: rows whose id column (else first cell) is an id; the title from a
/// title column, else the next non-empty cell.
pub(super) fn table_requirements(
    table: &Table,
    pattern: &Regex,
    form: &'static str,
) -> Vec<Requirement> {
    let headers: Vec<String> = table.header.iter().map(|h| normalise_header(h)).collect();
    let id_column = headers.iter().position(|h| {
        matches!(
            h.as_str(),
            "id" | "uid" | "reqid" | "requirementid" | "번호" | "요구사항id"
        )
    });
    let title_column = headers
        .iter()
        .position(|h| TITLE_HEADERS.contains(&h.as_str()));
    let mut out = Vec::new();
    for row in &table.rows {
        let column = id_column.unwrap_or(0);
        let cell = table.cell(row, column).trim_matches(['*', '`', ' ']);
        let Some(m) = pattern
            .find(cell)
            .filter(|m| m.start() == 0 && m.end() == cell.len())
        else {
            continue;
        };
        let title = match title_column {
            Some(c) => table.cell(row, c),
            None => row
                .cells
                .iter()
                .skip(column + 1)
                .map(|c| c.trim())
                .find(|c| !c.is_empty())
                .unwrap_or(""),
        };
        out.push(Requirement::new(
            m.as_str(),
            title,
            row.line,
            form,
            &row.cells.join(" | "),
        ));
    }
    out
}

/// Keeps one definition per id and form; a definition in another form (a summary table row
/// and its section) adds its text to the first one, so a control named in either is seen.
fn keep_one_form_per_id(found: Vec<Requirement>) -> Vec<Requirement> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Requirement> = Vec::new();
    for r in found {
        match first.get(&r.id).copied() {
            Some(i) if out[i].form != r.form => {
                let merged = format!("{}\n{}", out[i].text, r.text);
                out[i].text = super::bounded(&merged);
            }
            _ => {
                first.entry(r.id.clone()).or_insert(out.len());
                out.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: &[Requirement]) -> Vec<(&str, &str, usize)> {
        found
            .iter()
            .map(|r| (r.id.as_str(), r.title.as_str(), r.line))
            .collect()
    }

    #[test]
    fn headings_lists_and_tables() {
        let pattern = Regex::new(super::super::DEFAULT_REQUIREMENT_ID).unwrap();
        let text = "# SRS\n\n| ID | Title |\n|---|---|\n| REQ-1 | Heart rate |\n| REQ-2 | Alarm |\n\n## REQ-1: Heart rate\nImplements RC-1.\n\n## REQ-3 — Export\n- **SWR-4** Logs\n- see REQ-1 for details\n```\n## REQ-9 not real\n```\n## REQ-3: Export again\n";
        let found = parse(text, &pattern);
        assert_eq!(
            ids(&found),
            [
                ("REQ-1", "Heart rate", 5),
                ("REQ-2", "Alarm", 6),
                ("REQ-3", "Export", 11),
                ("SWR-4", "Logs", 12),
                ("REQ-3", "Export again", 17)
            ]
        );
        assert!(found[2].text.contains("REQ-3"));
        assert!(
            found[0].text.contains("Implements RC-1."),
            "the section's text joins the table row's"
        );
    }

    #[test]
    fn section_text_is_kept_for_risk_control_links() {
        let pattern = Regex::new(super::super::DEFAULT_REQUIREMENT_ID).unwrap();
        let found = parse(
            "## REQ-1 Alarm\nImplements risk control RC-2.\n## Other\n",
            &pattern,
        );
        assert!(found[0].text.contains("RC-2"));
    }
}
