//! What a document states about itself: `version: 1.2` in its front matter, else a
//! `Version: 1.2` / `- **Date:** 2026-10-01` / `| 버전 | 1.2 |` line in its text.

use super::Document;

/// The value of `front_key` in the front matter, else of the first line whose key (lower case)
/// is one of `line_keys`.
pub fn stated_field(doc: &Document, front_key: &str, line_keys: &[&str]) -> Option<String> {
    let front = doc
        .front_matter
        .get(front_key)
        .map(|v| v.as_str().map_or(v.to_string(), str::to_string));
    front.or_else(|| {
        doc.text.lines().find_map(|l| {
            let l = l
                .trim()
                .trim_start_matches(['-', '*', '|', ' '])
                .replace("**", "");
            let (k, v) = l.split_once(':').or_else(|| l.split_once('|'))?;
            let k = k.trim().to_lowercase();
            line_keys
                .contains(&k.as_str())
                .then(|| v.trim().trim_end_matches('|').trim().to_string())
                .filter(|v| !v.is_empty())
        })
    })
}

/// The words that introduce a document's version.
pub const VERSION_KEYS: &[&str] = &["version", "document version", "software version", "버전"];

/// The words that introduce a document's date.
pub const DATE_KEYS: &[&str] = &[
    "date",
    "approved",
    "approval date",
    "test date",
    "작성일",
    "일자",
    "승인일",
    "시험일",
];
