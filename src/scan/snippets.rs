//! The text of the line each finding points at, for SARIF `region.snippet`: code scanning shows
//! it beside the alert. Each file is read once, through the scan's own source (the working tree
//! or the revision), within the evidence size cap; a file that is not UTF-8 text gets none, and
//! neither does a finding whose line holds a secret or personal data (`"sensitive": true`).

use crate::evidence::source::RepoSource;
use crate::finding::Finding;
use std::collections::BTreeMap;

/// Longest snippet kept, in characters.
const MAX_SNIPPET: usize = 200;

/// Line `line` (1-based) of `text`, without its line ending, cut to [`MAX_SNIPPET`]; none when
/// the line is blank or past the end.
fn line_of(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    (!l.trim().is_empty()).then(|| l.chars().take(MAX_SNIPPET).collect())
}

/// Sets each finding's `snippet` from the file it points into, except for a finding whose line
/// holds a secret or personal data (`sensitive`).
pub fn attach_snippets(findings: &mut [Finding], source: &dyn RepoSource, cap: u64) {
    let mut texts: BTreeMap<String, Option<String>> = BTreeMap::new();
    for f in findings.iter_mut().filter(|f| !f.sensitive) {
        let text = texts.entry(f.path.clone()).or_insert_with(|| {
            source
                .read(&f.path, cap)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
        });
        f.snippet = text.as_deref().and_then(|t| line_of(t, f.line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_the_lines_text() {
        let text = "a: 1\r\n\nb: 2\n";
        assert_eq!(line_of(text, 1).as_deref(), Some("a: 1"));
        assert_eq!(line_of(text, 2), None);
        assert_eq!(line_of(text, 3).as_deref(), Some("b: 2"));
        assert_eq!(line_of(text, 9), None);
        assert_eq!(line_of(text, 0), None);
        assert_eq!(line_of(&"x".repeat(500), 1).map(|s| s.len()), Some(200));
    }
}
