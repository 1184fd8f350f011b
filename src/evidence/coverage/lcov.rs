//! lcov tracefiles (`SF:`, `DA:`, `BRDA:`, `LF:`/`LH:`, `end_of_record`), read strictly: a
//! malformed record is an error naming its line, not a silently skipped figure.
//!
//! A small hand parser rather than the `lcov` crate: it keeps line numbers for errors, tolerates
//! blank lines, Windows paths, checksums and records of newer lcov versions, and merges repeated
//! `SF:` sections (one per test name) into one file.

use super::{Counter, FileCoverage, ParsedCoverage, Stated};
use std::collections::{BTreeMap, HashMap};

#[derive(Default)]
struct FileAcc {
    lines: HashMap<u64, bool>,
    branches: HashMap<(u64, String, String), bool>,
}

#[derive(Default)]
struct StatedAcc {
    lines: Counter,
    branches: Counter,
    records: usize,
    records_with_lines: usize,
    records_with_branches: usize,
}

pub(super) fn parse(text: &str) -> Result<ParsedCoverage, String> {
    if text.trim().is_empty() {
        return Err("empty coverage report".into());
    }
    let mut files: BTreeMap<String, FileAcc> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut stated = StatedAcc::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = |what: &str| format!("line {}: {what} `{}`", i + 1, clip(line));
        if line.is_empty() {
            continue;
        }
        if line == "end_of_record" {
            current = None;
            continue;
        }
        let Some((tag, value)) = line.split_once(':') else {
            return Err(at("not an lcov record"));
        };
        if tag == "SF" {
            files.entry(value.to_string()).or_default();
            current = Some(value.to_string());
            stated.records += 1;
            continue;
        }
        let Some(file) = current.as_ref().and_then(|c| files.get_mut(c)) else {
            if matches!(tag, "TN" | "VER") {
                continue;
            }
            return Err(at("record outside an SF: section"));
        };
        record(tag, value, file, &mut stated).map_err(at)?;
    }
    if files.is_empty() {
        return Err("no source file records (SF:)".into());
    }
    Ok(finish(files, &stated))
}

fn record(
    tag: &str,
    value: &str,
    file: &mut FileAcc,
    stated: &mut StatedAcc,
) -> Result<(), &'static str> {
    let number = |v: &str| {
        v.trim()
            .parse::<u64>()
            .map_err(|_| "malformed number in record")
    };
    match tag {
        "DA" => {
            let mut parts = value.split(',');
            let (Some(line), Some(hits)) = (parts.next(), parts.next()) else {
                return Err("malformed DA record");
            };
            let hit = parse_hits(hits).ok_or("malformed DA record")?;
            *file.lines.entry(number(line)?).or_default() |= hit;
        }
        "BRDA" => {
            let parts: Vec<&str> = value.split(',').collect();
            let [line, block, branch, taken] = parts[..] else {
                return Err("malformed BRDA record");
            };
            let hit = taken.trim() != "-" && parse_hits(taken).ok_or("malformed BRDA record")?;
            let key = (number(line)?, block.to_string(), branch.to_string());
            *file.branches.entry(key).or_default() |= hit;
        }
        "LF" => {
            stated.lines.total += number(value)?;
            stated.records_with_lines += 1;
        }
        "LH" => stated.lines.covered += number(value)?,
        "BRF" => {
            stated.branches.total += number(value)?;
            stated.records_with_branches += 1;
        }
        "BRH" => stated.branches.covered += number(value)?,
        _ => {}
    }
    Ok(())
}

/// Hit counts are integers, sometimes written as floats or negative by buggy generators.
fn parse_hits(text: &str) -> Option<bool> {
    let t = text.trim();
    t.parse::<i64>()
        .map(|n| n > 0)
        .ok()
        .or_else(|| t.parse::<f64>().ok().map(|f| f > 0.0))
}

fn finish(files: BTreeMap<String, FileAcc>, stated: &StatedAcc) -> ParsedCoverage {
    let files = files
        .into_iter()
        .map(|(name, acc)| FileCoverage {
            name: name.replace('\\', "/"),
            path: None,
            lines: count(acc.lines.values()),
            branches: (!acc.branches.is_empty()).then(|| count(acc.branches.values())),
        })
        .collect();
    let all = |n: usize| n > 0 && n == stated.records;
    ParsedCoverage {
        files,
        stated: Stated {
            lines: all(stated.records_with_lines).then_some(stated.lines),
            branches: all(stated.records_with_branches).then_some(stated.branches),
            ..Stated::default()
        },
        timestamp: None,
        unit: "lines",
    }
}

fn count<'a>(hits: impl Iterator<Item = &'a bool>) -> Counter {
    hits.fold(Counter::default(), |mut c, hit| {
        c.total += 1;
        c.covered += u64::from(*hit);
        c
    })
}

fn clip(line: &str) -> String {
    line.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "TN:\nSF:C:\\src\\a.c\nDA:1,2\nDA:2,0,abc\n\nBRDA:1,0,0,1\nBRDA:1,0,1,-\nLF:2\nLH:1\nBRF:2\nBRH:1\nend_of_record\n";

    #[test]
    fn totals_and_stated_figures() {
        let p = parse(SAMPLE).unwrap();
        assert_eq!(p.files[0].name, "C:/src/a.c");
        assert_eq!(p.files[0].lines, Counter::new(1, 2));
        assert_eq!(p.files[0].branches, Some(Counter::new(1, 2)));
        assert_eq!(p.stated.lines, Some(Counter::new(1, 2)));
    }

    #[test]
    fn malformed_records_name_their_line() {
        let err = parse("SF:a.c\nDA:590TN:\n").unwrap_err();
        assert!(err.starts_with("line 2: malformed DA record"), "{err}");
        assert!(
            parse("I'm not an info file\n")
                .unwrap_err()
                .contains("not an lcov record")
        );
        assert!(parse("DA:1,1\n").unwrap_err().contains("outside an SF"));
        assert_eq!(parse("").unwrap_err(), "empty coverage report");
    }
}
