//! A release's declared regulatory change classification (MFDS-CHG-002), read from the tagged
//! tree: `docs/release/<version>/change-assessment.*` (or `docs/releases/...`), else the
//! CHANGELOG section of the version.
//!
//! The record is `key: value` lines (list markers and bold allowed): `classification:` (or
//! `regulatory-impact:`, `변경 구분:`) with `upgrade` / `major` / 변경허가 / 변경인증 (a major
//! change needing MFDS approval), `minor` / 변경신고 / 경미 (a minor change with a post-report),
//! or `none`; `rationale:` / `근거:`; the MFDS filing reference (`filing:`, `mfds-reference:`,
//! `change-approval:`, `허가번호:`...); and for a minor change the post-report due date
//! (`post-report-due:`, `보고기한:`), or `annual`.

use crate::date::Date;
use git2::{Repository, Tree};
use serde::Serialize;

/// How long after the release a minor change's post-report may be due (고시 2022-52 Art. 19-2).
const POST_REPORT_DAYS: i64 = 30;

/// Change logs looked for at the root of the tagged tree.
const CHANGELOGS: &[&str] = &[
    "CHANGELOG.md",
    "CHANGELOG",
    "CHANGES.md",
    "HISTORY.md",
    "RELEASE_NOTES.md",
    "RELEASE-NOTES.md",
];

const CLASSIFICATION_KEYS: &[&str] = &[
    "classification",
    "regulatory-impact",
    "regulatory impact",
    "change classification",
    "변경 구분",
    "변경구분",
    "변경 분류",
];
const RATIONALE_KEYS: &[&str] = &["rationale", "justification", "근거", "사유"];
const RECORD_KEYS: &[&str] = &[
    "filing",
    "mfds-filing",
    "mfds filing",
    "mfds-reference",
    "mfds reference",
    "change-approval",
    "change approval",
    "approval",
    "certification",
    "notification",
    "허가번호",
    "인증번호",
    "변경허가",
    "변경인증",
    "신고번호",
];
const DUE_KEYS: &[&str] = &[
    "post-report-due",
    "post-report",
    "post report due",
    "post-report due",
    "보고기한",
    "보고 기한",
];

/// The declared classification of one release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Assessment {
    pub path: String,
    pub line: usize,
    /// `upgrade`, `minor`, `none`, or `unknown` (a value samdscan does not recognise).
    pub classification: String,
    /// The value as written.
    pub stated: String,
    pub rationale: bool,
    /// The MFDS filing reference, when one is named.
    pub record: Option<String>,
    /// For a minor change: `within_30_days`, `annual`, `late` (due more than 30 days after the
    /// release) or `missing`; `null` otherwise.
    pub post_report: Option<&'static str>,
}

/// The assessment of `version` in `tree` (`released` is the tag's date), if one is declared.
pub(super) fn read(
    repo: &Repository,
    tree: &Tree<'_>,
    tag: &str,
    version: &str,
    released: Option<Date>,
) -> Option<Assessment> {
    let own = [version, tag]
        .into_iter()
        .flat_map(|v| {
            ["docs/release", "docs/releases"]
                .into_iter()
                .map(move |dir| format!("{dir}/{v}"))
        })
        .find_map(|dir| assessment_file(repo, tree, &dir));
    if let Some((path, text)) = own {
        return parse(&path, &text, 0, released);
    }
    CHANGELOGS.iter().find_map(|name| {
        let text = text_at(repo, tree, name)?;
        let (start, section) = section_of(&text, version)?;
        parse(name, &section, start, released)
    })
}

fn text_at(repo: &Repository, tree: &Tree<'_>, path: &str) -> Option<String> {
    let entry = tree.get_path(std::path::Path::new(path)).ok()?;
    let blob = repo.find_blob(entry.id()).ok()?;
    Some(String::from_utf8_lossy(blob.content()).into_owned())
}

/// `change-assessment.*` in `dir` of the tree.
fn assessment_file(repo: &Repository, tree: &Tree<'_>, dir: &str) -> Option<(String, String)> {
    let entry = tree.get_path(std::path::Path::new(dir)).ok()?;
    let folder = repo.find_tree(entry.id()).ok()?;
    folder.iter().find_map(|e| {
        let name = e.name().ok()?;
        if !name.to_ascii_lowercase().starts_with("change-assessment") {
            return None;
        }
        let path = format!("{dir}/{name}");
        text_at(repo, tree, &path).map(|t| (path, t))
    })
}

/// The lines of the change-log section whose heading names `version`, and the 0-based line
/// number of its heading.
fn section_of(text: &str, version: &str) -> Option<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let level = |l: &str| l.chars().take_while(|c| *c == '#').count();
    let start = lines.iter().position(|l| {
        level(l) > 0
            && l.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .any(|w| w.trim_start_matches(['v', 'V']) == version)
    })?;
    let depth = level(lines[start]);
    let end = lines[start + 1..]
        .iter()
        .position(|l| (1..=depth).contains(&level(l)))
        .map_or(lines.len(), |i| start + 1 + i);
    Some((start, lines[start..end].join("\n")))
}

/// `key: value` of a line, the key lowercased, list markers and emphasis stripped.
fn key_value(line: &str) -> Option<(String, String)> {
    let line = line
        .trim()
        .trim_start_matches(['-', '*', '+', '|', '>'])
        .trim();
    let (key, value) = line.split_once(':')?;
    let clean = |s: &str| {
        s.trim()
            .trim_matches(['*', '_', '`', '|'])
            .trim()
            .to_string()
    };
    Some((clean(key).to_lowercase(), clean(value)))
}

fn classify(value: &str) -> &'static str {
    let v = value.to_lowercase();
    if ["upgrade", "major", "변경허가", "변경인증", "approval"]
        .iter()
        .any(|w| v.contains(w))
    {
        "upgrade"
    } else if ["minor", "변경신고", "경미", "post-report", "post report"]
        .iter()
        .any(|w| v.contains(w))
    {
        "minor"
    } else if ["none", "해당 없음", "해당없음", "n/a"]
        .iter()
        .any(|w| v.contains(w))
    {
        "none"
    } else {
        "unknown"
    }
}

fn placeholder(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    v.is_empty() || ["tbd", "todo", "-", "n/a", "none", "pending", "미정"].contains(&v.as_str())
}

fn parse(path: &str, text: &str, offset: usize, released: Option<Date>) -> Option<Assessment> {
    let mut found: Option<Assessment> = None;
    let mut due: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let Some((key, value)) = key_value(line) else {
            continue;
        };
        let is = |keys: &[&str]| keys.contains(&key.as_str());
        if is(CLASSIFICATION_KEYS) && found.is_none() {
            found = Some(Assessment {
                path: path.to_string(),
                line: offset + i + 1,
                classification: classify(&value).to_string(),
                stated: value.clone(),
                rationale: false,
                record: None,
                post_report: None,
            });
        }
        let Some(a) = found.as_mut() else { continue };
        if is(RATIONALE_KEYS) && !placeholder(&value) {
            a.rationale = true;
        } else if is(RECORD_KEYS) && !placeholder(&value) && a.record.is_none() {
            a.record = Some(value.clone());
        } else if is(DUE_KEYS) {
            due = Some(value.clone());
        }
    }
    let mut a = found?;
    if a.classification == "minor" {
        a.post_report = Some(post_report(due.as_deref(), released));
    }
    Some(a)
}

fn post_report(due: Option<&str>, released: Option<Date>) -> &'static str {
    let Some(due) = due.filter(|d| !placeholder(d)) else {
        return "missing";
    };
    let lower = due.to_lowercase();
    if lower.contains("annual") || due.contains("연차") || due.contains("연간") {
        return "annual";
    }
    let date = Date::find_in(due);
    match (date, released) {
        (Some(date), Some(released)) if released.days_until(date) <= POST_REPORT_DAYS => {
            "within_30_days"
        }
        (Some(_), Some(_)) => "late",
        _ => "missing",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_changelog_section_is_cut_at_the_next_heading() {
        let text = "# Changelog\n\n## 1.1.0\n- classification: minor\n\n## 1.0.0\n- classification: upgrade\n";
        let (start, section) = section_of(text, "1.1.0").unwrap();
        assert_eq!(start, 2);
        assert!(section.contains("minor") && !section.contains("upgrade"));
        assert!(section_of(text, "1.1").is_none());
    }

    #[test]
    fn records_are_read_in_both_languages() {
        let text = "## v2.0.0\n- **변경 구분**: 변경허가\n- 근거: 알고리즘 변경\n- 허가번호: 제허 26-123호\n";
        let a = parse("CHANGELOG.md", text, 10, None).unwrap();
        assert_eq!(a.classification, "upgrade");
        assert_eq!(a.line, 12);
        assert!(a.rationale);
        assert_eq!(a.record.as_deref(), Some("제허 26-123호"));
        assert_eq!(a.post_report, None);
    }

    #[test]
    fn a_minor_change_needs_its_post_report_within_30_days() {
        let released = Some(day("2026-03-01"));
        let minor = |due: &str| {
            let text = format!("classification: minor\nrationale: UI text only\n{due}");
            parse("a.md", &text, 0, released).unwrap().post_report
        };
        assert_eq!(minor("post-report-due: 2026-03-20"), Some("within_30_days"));
        assert_eq!(minor("post-report-due: 2026-05-20"), Some("late"));
        assert_eq!(minor("post-report-due: annual report 2026"), Some("annual"));
        assert_eq!(minor("post-report-due: TBD"), Some("missing"));
        assert_eq!(minor(""), Some("missing"));
    }

    #[test]
    fn placeholders_are_no_record() {
        let a = parse("a.md", "classification: upgrade\nfiling: TBD\n", 0, None).unwrap();
        assert_eq!(a.record, None);
        assert_eq!(parse("a.md", "no record here\n", 0, None), None);
        assert_eq!(classify("whatever"), "unknown");
    }
}
