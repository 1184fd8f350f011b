//! Line numbers of keys in a YAML file, so findings and errors can point into the user's file.
//!
//! YAML parsers that deserialize into typed values drop positions. This index reads block-style
//! mappings and sequences line by line and records where each dotted key path starts
//! (`product.grade`, `waivers[0]`, `waivers[0].rule`). Flow-style values are indexed by the key
//! that holds them. It is a locator, not a parser: when unsure it reports nothing. Columns
//! (1-based, where the key or the sequence item starts) serve error messages.

use std::collections::BTreeMap;

#[derive(Debug, Default, Clone)]
pub struct YamlLines {
    lines: BTreeMap<String, usize>,
    columns: BTreeMap<String, usize>,
}

impl YamlLines {
    pub fn index(text: &str) -> YamlLines {
        let mut lines = BTreeMap::new();
        let mut columns = BTreeMap::new();
        // Stack of (indent, path) for open mappings; sequence counters keyed by parent path.
        let mut stack: Vec<(usize, String)> = Vec::new();
        let mut seq_counts: BTreeMap<String, usize> = BTreeMap::new();
        for (number, raw) in text.lines().enumerate() {
            let line_no = number + 1;
            let trimmed = raw.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
                continue;
            }
            let mut indent = raw.len() - trimmed.len();
            let mut rest = trimmed;
            while stack.last().is_some_and(|(i, _)| *i >= indent) {
                stack.pop();
            }
            let parent = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
            if let Some(item) = rest
                .strip_prefix("- ")
                .or_else(|| (rest == "-").then_some(""))
            {
                let n = seq_counts.entry(parent.clone()).or_insert(0);
                let path = format!("{parent}[{n}]");
                *n += 1;
                lines.entry(path.clone()).or_insert(line_no);
                columns.entry(path.clone()).or_insert(indent + 3);
                stack.push((indent, path));
                indent += 2;
                rest = item.trim_start();
                if rest.is_empty() {
                    continue;
                }
            }
            let parent = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
            if let Some(key) = mapping_key(rest) {
                let path = if parent.is_empty() {
                    key.to_string()
                } else {
                    format!("{parent}.{key}")
                };
                lines.entry(path.clone()).or_insert(line_no);
                columns.entry(path.clone()).or_insert(indent + 1);
                stack.push((indent, path));
            }
        }
        YamlLines { lines, columns }
    }

    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.lines.get(key).copied()
    }

    /// The line and column of a dotted key, if indexed.
    pub fn position_of(&self, key: &str) -> Option<(usize, usize)> {
        Some((self.line_of(key)?, *self.columns.get(key)?))
    }

    /// The key → line map, for the evidence document.
    pub fn as_map(&self) -> &BTreeMap<String, usize> {
        &self.lines
    }
}

fn mapping_key(text: &str) -> Option<&str> {
    let (key, _) = text.split_once(':')?;
    let key = key.trim().trim_matches('"').trim_matches('\'');
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '*'));
    ok.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_nested_keys_and_sequences() {
        let y = "product:\n  name: X\n  grade: 3\n  software_systems:\n    - name: app\n      safety_class: C\n    - {name: b}\nwaivers:\n  - rule: R\n";
        let l = YamlLines::index(y);
        assert_eq!(l.line_of("product"), Some(1));
        assert_eq!(l.line_of("product.grade"), Some(3));
        assert_eq!(l.line_of("product.software_systems[0]"), Some(5));
        assert_eq!(
            l.line_of("product.software_systems[0].safety_class"),
            Some(6)
        );
        assert_eq!(l.line_of("product.software_systems[1]"), Some(7));
        assert_eq!(l.line_of("waivers[0].rule"), Some(9));
        assert_eq!(l.line_of("nope"), None);
        assert_eq!(l.position_of("product.grade"), Some((3, 3)));
        assert_eq!(
            l.position_of("product.software_systems[0].safety_class"),
            Some((6, 7))
        );
        assert_eq!(l.position_of("product.software_systems[1]"), Some((7, 7)));
    }
}
