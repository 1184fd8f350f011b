//! Cobertura and JaCoCo XML, read with a streaming quick-xml reader (no DTD is ever fetched:
//! JaCoCo's `<!DOCTYPE report ... "report.dtd">` is skipped as an event).
//!
//! Totals are computed from the per-line elements (Cobertura `<class><lines><line>`, JaCoCo
//! `<sourcefile><line>`), and the report's own header figures (Cobertura `lines-valid`,
//! `line-rate`; JaCoCo's report-level `<counter>`s) are kept as `stated`, so the two can be
//! compared. Malformed XML (mismatched or unclosed tags) is an error.

use super::{Counter, FileCoverage, ParsedCoverage, Stated, unix_timestamp};
use crate::evidence::read::xml_walk::{Node, attr, num, walk};
use quick_xml::events::BytesStart;
use std::collections::{BTreeMap, HashMap};

/// Per-line figures of one file: line -> (hit, branches covered, branches total).
type LineMap = HashMap<u64, (bool, u64, u64)>;

fn expect_root(stack: &[String], e: &BytesStart, root: &str, what: &str) -> Result<(), String> {
    let name = e.local_name();
    if stack.is_empty() && name.as_ref() != root {
        return Err(format!(
            "not a {what} report (root element <{}>)",
            name.as_ref()
        ));
    }
    Ok(())
}

pub(super) fn parse_cobertura(text: &str) -> Result<ParsedCoverage, String> {
    let mut files: BTreeMap<String, LineMap> = BTreeMap::new();
    let mut parsed = ParsedCoverage::default();
    let mut class_file: Option<String> = None;
    let mut in_method = false;
    walk(text, |node| {
        let (stack, e) = match node {
            Node::End("method") => {
                in_method = false;
                return Ok(());
            }
            Node::End("class") => {
                class_file = None;
                return Ok(());
            }
            Node::End(_) => return Ok(()),
            Node::Start(stack, e) => (stack, e),
        };
        expect_root(stack, e, "coverage", "Cobertura")?;
        match e.local_name().as_ref() {
            "coverage" if stack.is_empty() => cobertura_header(e, &mut parsed),
            "class" => {
                class_file = attr(e, "filename");
                if let Some(f) = &class_file {
                    files.entry(f.clone()).or_default();
                }
            }
            "method" => in_method = true,
            "line" if !in_method => {
                let file = class_file.as_ref().and_then(|f| files.get_mut(f));
                if let (Some(lines), Some(nr)) = (file, num::<u64>(e, "number")) {
                    let hit = num::<f64>(e, "hits").is_some_and(|h| h > 0.0);
                    let (bc, bt) = condition_coverage(e);
                    merge(lines, nr, (hit, bc, bt));
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    parsed.files = files
        .into_iter()
        .map(|(n, l)| file_figures(n, &l))
        .collect();
    Ok(parsed)
}

fn cobertura_header(e: &BytesStart, parsed: &mut ParsedCoverage) {
    let counter = |covered: &str, valid: &str| {
        Some(Counter {
            covered: num(e, covered)?,
            total: num(e, valid)?,
        })
    };
    parsed.stated = Stated {
        lines: counter("lines-covered", "lines-valid"),
        branches: counter("branches-covered", "branches-valid"),
        line_rate: num(e, "line-rate"),
        branch_rate: num(e, "branch-rate"),
    };
    parsed.timestamp = attr(e, "timestamp").and_then(|t| unix_timestamp(&t));
}

/// `condition-coverage="50% (1/2)"` -> (1, 2); (0, 0) when the line has no branches.
fn condition_coverage(e: &BytesStart) -> (u64, u64) {
    if !attr(e, "branch").is_some_and(|b| b.eq_ignore_ascii_case("true")) {
        return (0, 0);
    }
    let Some(text) = attr(e, "condition-coverage") else {
        return (0, 0);
    };
    let inner = text
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map(|(i, _)| i);
    let parts = inner.and_then(|i| i.split_once('/'));
    match parts.map(|(c, t)| (c.trim().parse(), t.trim().parse())) {
        Some((Ok(c), Ok(t))) => (c, t),
        _ => (0, 0),
    }
}

fn merge(lines: &mut LineMap, nr: u64, (hit, bc, bt): (bool, u64, u64)) {
    let slot = lines.entry(nr).or_insert((false, 0, 0));
    slot.0 |= hit;
    if bt > slot.2 || (bt == slot.2 && bc > slot.1) {
        (slot.1, slot.2) = (bc, bt);
    }
}

fn file_figures(name: String, lines: &LineMap) -> FileCoverage {
    let mut f = FileCoverage {
        name: name.replace('\\', "/"),
        ..FileCoverage::default()
    };
    let mut branches = Counter::default();
    for (hit, bc, bt) in lines.values() {
        f.lines.total += 1;
        f.lines.covered += u64::from(*hit);
        branches.add(Counter::new(*bc, *bt));
    }
    f.branches = (branches.total > 0).then_some(branches);
    f
}

/// One JaCoCo `<sourcefile>`: figures from its `<line>`s, else from its own counters.
#[derive(Default)]
struct SourceFile {
    name: String,
    lines: LineMap,
    counters: (Option<Counter>, Option<Counter>),
}

pub(super) fn parse_jacoco(text: &str) -> Result<ParsedCoverage, String> {
    let mut parsed = ParsedCoverage::default();
    let mut package = String::new();
    let mut current: Option<SourceFile> = None;
    let mut done: Vec<SourceFile> = Vec::new();
    walk(text, |node| {
        let (stack, e) = match node {
            Node::End("sourcefile") => {
                done.extend(current.take());
                return Ok(());
            }
            Node::End(_) => return Ok(()),
            Node::Start(stack, e) => (stack, e),
        };
        expect_root(stack, e, "report", "JaCoCo")?;
        let parent = stack.last().map(String::as_str);
        match e.local_name().as_ref() {
            "sessioninfo" if parsed.timestamp.is_none() => {
                parsed.timestamp = attr(e, "start").and_then(|t| unix_timestamp(&t));
            }
            "package" => package = attr(e, "name").unwrap_or_default(),
            "sourcefile" => {
                let name = attr(e, "name").unwrap_or_default();
                let name = [package.as_str(), name.as_str()].join("/");
                current = Some(SourceFile {
                    name: name.trim_start_matches('/').to_string(),
                    ..SourceFile::default()
                });
            }
            "line" => {
                if let (Some(f), Some(nr)) = (current.as_mut(), num::<u64>(e, "nr")) {
                    let n = |k| num::<u64>(e, k).unwrap_or(0);
                    merge(&mut f.lines, nr, (n("ci") > 0, n("cb"), n("mb") + n("cb")));
                }
            }
            "counter" => jacoco_counter(e, parent, &mut parsed.stated, current.as_mut()),
            _ => {}
        }
        Ok(())
    })?;
    parsed.files = merge_sourcefiles(done);
    Ok(parsed)
}

fn jacoco_counter(
    e: &BytesStart,
    parent: Option<&str>,
    stated: &mut Stated,
    file: Option<&mut SourceFile>,
) {
    let Some(counter) = (|| {
        let missed: u64 = num(e, "missed")?;
        let covered: u64 = num(e, "covered")?;
        Some(Counter {
            covered,
            total: covered + missed,
        })
    })() else {
        return;
    };
    let kind = attr(e, "type").unwrap_or_default();
    let slot = match parent {
        Some("report") => (&mut stated.lines, &mut stated.branches),
        Some("sourcefile") => match file {
            Some(f) => (&mut f.counters.0, &mut f.counters.1),
            None => return,
        },
        _ => return,
    };
    match kind.as_str() {
        "LINE" => *slot.0 = Some(counter),
        "BRANCH" => *slot.1 = Some(counter),
        _ => {}
    }
}

fn merge_sourcefiles(files: Vec<SourceFile>) -> Vec<FileCoverage> {
    let mut by_name: BTreeMap<String, FileCoverage> = BTreeMap::new();
    for f in files {
        let figures = if f.lines.is_empty() {
            FileCoverage {
                name: f.name.clone(),
                path: None,
                lines: f.counters.0.unwrap_or_default(),
                branches: f.counters.1,
            }
        } else {
            file_figures(f.name.clone(), &f.lines)
        };
        let entry = by_name.entry(f.name).or_insert_with(|| FileCoverage {
            name: figures.name.clone(),
            ..FileCoverage::default()
        });
        entry.lines.add(figures.lines);
        if let Some(b) = figures.branches {
            entry.branches.get_or_insert_with(Counter::default).add(b);
        }
    }
    by_name.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cobertura_counts_class_lines_not_method_lines() {
        let xml = r#"<?xml version="1.0"?><coverage line-rate="0.5" lines-covered="1" lines-valid="2" timestamp="1755000000">
<packages><package><classes><class filename="src/a.py"><methods><method><lines><line number="1" hits="1"/></lines></method></methods>
<lines><line number="1" hits="1"/><line number="2" hits="0" branch="true" condition-coverage="50% (1/2)"/></lines></class></classes></package></packages></coverage>"#;
        let p = parse_cobertura(xml).unwrap();
        assert_eq!(p.files[0].lines, Counter::new(1, 2));
        assert_eq!(p.files[0].branches, Some(Counter::new(1, 2)));
        assert_eq!(p.stated.lines, Some(Counter::new(1, 2)));
        assert_eq!(p.timestamp.as_deref(), Some("2025-08-12T12:00:00Z"));
    }

    #[test]
    fn malformed_and_foreign_xml_are_errors() {
        assert!(
            parse_cobertura("<coverage><lines></methods></lines></coverage>")
                .unwrap_err()
                .contains("invalid XML")
        );
        assert!(parse_cobertura("\n").unwrap_err().contains("empty"));
        assert!(
            parse_cobertura("<coverage><packages>")
                .unwrap_err()
                .contains("never closed")
        );
        assert!(
            parse_jacoco("<hello>world</hello>")
                .unwrap_err()
                .contains("root element <hello>")
        );
    }

    #[test]
    fn jacoco_doctype_is_not_fetched_and_lines_are_counted() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
<report name="x"><sessioninfo id="a" start="1538234462781" dump="1"/><package name="org/x"><sourcefile name="A.java">
<line nr="3" mi="0" ci="2" mb="1" cb="1"/><line nr="4" mi="3" ci="0" mb="0" cb="0"/><counter type="LINE" missed="1" covered="1"/></sourcefile></package>
<counter type="LINE" missed="1" covered="1"/><counter type="BRANCH" missed="1" covered="1"/></report>"#;
        let p = parse_jacoco(xml).unwrap();
        assert_eq!(p.files[0].name, "org/x/A.java");
        assert_eq!(p.files[0].lines, Counter::new(1, 2));
        assert_eq!(p.stated.branches, Some(Counter::new(1, 2)));
    }
}
