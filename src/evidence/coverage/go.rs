//! Go coverprofiles (`go test -coverprofile`): `mode:` then one block per line,
//! `file:startLine.startCol,endLine.endCol numStatements count`.
//!
//! Go measures statements, not lines, so the totals are statements (unit `statements`), as
//! `go tool cover -func` reports them. Blocks repeated by several test binaries are merged.

use super::{Counter, FileCoverage, ParsedCoverage};
use std::collections::BTreeMap;

type Block = (String, String);

pub(super) fn parse(text: &str) -> Result<ParsedCoverage, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    match lines.next() {
        Some((_, first)) if first.trim_start().starts_with("mode:") => {}
        _ => return Err("not a Go coverprofile: first line is not `mode: ...`".into()),
    }
    // (file, block position) -> (statements, covered)
    let mut blocks: BTreeMap<Block, (u64, bool)> = BTreeMap::new();
    for (i, line) in lines {
        let (block, statements, count) = parse_block(line.trim())
            .ok_or_else(|| format!("line {}: malformed block `{}`", i + 1, line.trim()))?;
        let slot = blocks.entry(block).or_insert((statements, false));
        slot.1 |= count > 0;
    }
    let mut files: BTreeMap<String, Counter> = BTreeMap::new();
    for ((file, _), (statements, covered)) in blocks {
        let c = files.entry(file).or_default();
        c.total += statements;
        c.covered += if covered { statements } else { 0 };
    }
    Ok(ParsedCoverage {
        files: files
            .into_iter()
            .map(|(name, lines)| FileCoverage {
                name,
                path: None,
                lines,
                branches: None,
            })
            .collect(),
        unit: "statements",
        ..ParsedCoverage::default()
    })
}

/// `pkg/file.go:29.39,29.56 1 51` -> ((file, position), statements, count).
fn parse_block(line: &str) -> Option<(Block, u64, u64)> {
    let (location, numbers) = line.rsplit_once(':').and_then(|(file, rest)| {
        let (position, numbers) = rest.split_once(' ')?;
        Some(((file.to_string(), position.to_string()), numbers))
    })?;
    let (start, end) = location.1.split_once(',')?;
    if !is_position(start) || !is_position(end) {
        return None;
    }
    let mut n = numbers.split_whitespace().map(str::parse::<u64>);
    let (Some(Ok(statements)), Some(Ok(count)), None) = (n.next(), n.next(), n.next()) else {
        return None;
    };
    Some((location, statements, count))
}

fn is_position(text: &str) -> bool {
    text.split_once('.')
        .is_some_and(|(l, c)| l.parse::<u64>().is_ok() && c.parse::<u64>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_merged_across_repeated_blocks() {
        let text = "mode: atomic\na/b.go:1.1,2.2 2 0\na/b.go:3.1,4.2 1 5\na/b.go:1.1,2.2 2 1\n";
        let p = parse(text).unwrap();
        assert_eq!(p.files[0].lines, Counter::new(3, 3));
        assert_eq!(p.unit, "statements");
    }

    #[test]
    fn cut_off_blocks_are_errors() {
        let err = parse("mode: set\na.go:114.78,115\n").unwrap_err();
        assert!(err.starts_with("line 2: malformed block"), "{err}");
        assert!(parse("hello\n").is_err());
    }
}
