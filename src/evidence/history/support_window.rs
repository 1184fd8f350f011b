//! The support window of MFDS-CYB-015 as the support policy states it: the rows of its tables
//! that name a version line (`1.2.x`, `1.2`, `v2.*`) and an end-of-support date (ISO or the
//! Korean forms, [`Date::find_in`]). A line whose date is not before the scan's `as_of` is
//! supported; a release is in the window when its version falls in a supported line. No such
//! row in any support policy means no window is declared.

use crate::date::Date;
use crate::evidence::Context;
use crate::evidence::documents::files_named_or_titled;
use crate::evidence::read::tables::markdown_tables;
use serde::Serialize;

/// One version line of the support policy and its end of security support.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(super) struct SupportLine {
    /// The line as written (`1.2.x`).
    pub versions: String,
    pub end: String,
    /// Whether `end` is on or after the scan's `as_of`.
    pub supported: bool,
    pub line: usize,
}

/// The declared window: the support policy it was read from and its lines (empty: undeclared).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(super) struct SupportWindow {
    pub path: Option<String>,
    pub lines: Vec<SupportLine>,
}

impl SupportWindow {
    pub(super) fn declared(&self) -> bool {
        !self.lines.is_empty()
    }

    /// The supported line that covers `version`, if any.
    pub(super) fn covering(&self, version: &str) -> Option<&SupportLine> {
        self.lines
            .iter()
            .filter(|l| l.supported)
            .find(|l| in_line(version, &l.versions))
    }
}

/// The window of the first support policy (by path) that states one.
pub(super) fn read(ctx: &Context) -> SupportWindow {
    files_named_or_titled(ctx, "support_policy")
        .into_iter()
        .filter_map(|path| {
            let text = ctx.read_text(&path)?;
            let lines = lines_of(&text, ctx.as_of);
            (!lines.is_empty()).then_some(SupportWindow {
                path: Some(path),
                lines,
            })
        })
        .next()
        .unwrap_or_default()
}

/// The table rows that give a version line and a date.
fn lines_of(text: &str, as_of: Date) -> Vec<SupportLine> {
    let mut out = Vec::new();
    for table in markdown_tables(text) {
        for row in &table.rows {
            let cells: Vec<&str> = row.cells.iter().map(|c| c.trim()).collect();
            let Some(versions) = cells.iter().find(|c| is_version_line(c)) else {
                continue;
            };
            let Some(end) = cells.iter().find_map(|c| Date::find_in(c)) else {
                continue;
            };
            out.push(SupportLine {
                versions: versions.to_string(),
                end: end.to_string(),
                supported: end >= as_of,
                line: row.line,
            });
        }
    }
    out
}

/// `1.2.x`, `v1.2`, `2.*`, `1.2.0`: digits, optionally after `v`, in dot-separated parts of which
/// the last may be `x` or `*`.
fn is_version_line(cell: &str) -> bool {
    let body = cell.strip_prefix(['v', 'V']).unwrap_or(cell);
    let parts: Vec<&str> = body.split('.').collect();
    let last = parts.len() - 1;
    parts.iter().enumerate().all(|(i, p)| {
        !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())
            || i == last && i > 0 && matches!(*p, "x" | "X" | "*")
    }) && parts[0].chars().all(|c| c.is_ascii_digit())
}

/// Whether `version` (`1.2.3`) is in the line `1.2.x` / `1.2` / `1.2.3`: equal to its prefix or
/// starting with it and a dot.
fn in_line(version: &str, line: &str) -> bool {
    let clean = |v: &str| v.trim().trim_start_matches(['v', 'V']).to_string();
    let line = clean(line);
    let prefix = line
        .strip_suffix(".x")
        .or_else(|| line.strip_suffix(".X"))
        .or_else(|| line.strip_suffix(".*"))
        .unwrap_or(&line);
    let version = clean(version);
    version == prefix || version.starts_with(&format!("{prefix}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_rows_give_version_lines_and_dates() {
        let text = "# Support\n\n| Version | End of security support |\n|---|---|\n| 1.2.x | 2031-06-30 |\n| 1.1.x | 2027년 6월 30일 |\n| 1.0.x | 2026.01.31 |\n| Note | none |\n";
        let lines = lines_of(text, Date::parse("2026-12-01").unwrap());
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.versions.as_str(), l.end.as_str(), l.supported))
            .collect();
        assert_eq!(
            got,
            [
                ("1.2.x", "2031-06-30", true),
                ("1.1.x", "2027-06-30", true),
                ("1.0.x", "2026-01-31", false)
            ]
        );
        assert_eq!(lines[0].line, 5);
        let window = SupportWindow { path: None, lines };
        assert_eq!(window.covering("1.2.0").unwrap().versions, "1.2.x");
        assert_eq!(window.covering("1.1.7").unwrap().versions, "1.1.x");
        assert!(window.covering("1.0.3").is_none(), "out of support");
        assert!(window.covering("1.20.0").is_none(), "another line");
    }

    #[test]
    fn version_lines_are_told_from_other_cells() {
        for line in ["1.2.x", "v2.*", "1.2", "3", "1.2.0"] {
            assert!(is_version_line(line), "{line}");
        }
        for cell in ["Version", "x", "1.x.2", "2031-06-30", "", "1..2"] {
            assert!(!is_version_line(cell), "{cell}");
        }
        assert!(in_line("1.2.0", "1.2"));
        assert!(in_line("v2.0.1", "v2.*"));
        assert!(!in_line("1.20", "1.2.x"));
    }
}
