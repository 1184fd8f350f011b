//! SARIF `results`: one per finding, located in a real file by a region (start and end line,
//! and the line's text as a snippet when the finding points into a file), relative to
//! `%SRCROOT%` (the repository's top), with fingerprints from rule id + evidence key and a
//! waiver as an accepted external suppression.

use super::rules::clip;
use crate::finding::{Finding, Level, fingerprint};
use crate::lang::Lang;
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Location, Message, PhysicalLocation, Region,
    Result as SarifResult, ResultLevel, Suppression,
};
use std::collections::BTreeMap;

/// The `uriBaseId` of every location: the repository's top, as code scanning expects.
pub(super) const SRCROOT: &str = "%SRCROOT%";
/// Longest message text kept in a result: it bounds the file's size whatever a policy writes.
const MAX_MESSAGE: usize = 4096;

/// Where the scan root sits in the repository (`products/planner/`, empty at the top), so that
/// every URI is relative to the repository's top.
pub(super) struct Locator<'a> {
    pub prefix: &'a str,
}

impl Locator<'_> {
    pub(super) fn location(&self, f: &Finding) -> Location {
        let line = f.line.max(1) as i64;
        let region = Region::builder()
            .start_line(line)
            .end_line(line)
            .opt_snippet(
                f.snippet
                    .as_ref()
                    .map(|s| ArtifactContent::builder().text(s.clone()).build()),
            )
            .build();
        Location::builder()
            .physical_location(
                PhysicalLocation::builder()
                    .artifact_location(
                        ArtifactLocation::builder()
                            .uri(relative_uri(&format!("{}{}", self.prefix, f.path)))
                            .uri_base_id(SRCROOT)
                            .build(),
                    )
                    .region(region)
                    .build(),
            )
            .build()
    }
}

fn result_level(level: Level) -> ResultLevel {
    match level {
        Level::Error => ResultLevel::Error,
        Level::Warning => ResultLevel::Warning,
        Level::Note => ResultLevel::Note,
    }
}

fn fingerprints(print: &str) -> BTreeMap<String, String> {
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert("samdscan/v1".to_string(), print.to_string());
    fingerprints.insert(
        "primaryLocationLineHash".to_string(),
        format!("{}:1", &print[..16.min(print.len())]),
    );
    fingerprints
}

pub(super) fn result(
    f: &Finding,
    rule_index: Option<usize>,
    at: &Locator,
    lang: Lang,
) -> SarifResult {
    let suppressions = f.waiver.as_ref().map(|w| {
        vec![
            Suppression::builder()
                .kind(json!("external"))
                .status(json!("accepted"))
                .justification(format!(
                    "{} (ref {}, approved by {}, expires {})",
                    w.reason, w.reference, w.approved_by, w.expires
                ))
                .build(),
        ]
    });
    let baseline = f
        .baseline_state
        .map(|b| serde_json::to_value(b).unwrap_or_default());
    SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .opt_rule_index(rule_index.map(|i| i as i64))
        .level(result_level(f.level))
        .message(
            Message::builder()
                .text(clip(f.message_in(lang), MAX_MESSAGE))
                .build(),
        )
        .locations(vec![at.location(f)])
        .partial_fingerprints(fingerprints(&f.fingerprint))
        .opt_suppressions(suppressions)
        .opt_baseline_state(baseline)
        .build()
}

/// The result that stands for a rule's findings left out of the file (see `limits`): at the
/// first one's location, at the highest level among them, with a fingerprint of its own.
pub(super) fn left_out_result(
    first: &Finding,
    level: Level,
    count: usize,
    rule_index: Option<usize>,
    at: &Locator,
) -> SarifResult {
    let text = format!(
        "{count} more findings of {} are not in this SARIF file: GitHub code scanning accepts a \
         limited number of results per rule and per upload. The JSON report \
         (--format json) lists every finding.",
        first.rule_id
    );
    let anchor = Finding {
        snippet: None,
        ..first.clone()
    };
    SarifResult::builder()
        .rule_id(first.rule_id.clone())
        .opt_rule_index(rule_index.map(|i| i as i64))
        .level(result_level(level))
        .message(Message::builder().text(text).build())
        .locations(vec![at.location(&anchor)])
        .partial_fingerprints(fingerprints(&fingerprint(
            &first.rule_id,
            "samdscan/results-left-out",
        )))
        .build()
}

/// A repository path as a relative URI reference: every byte outside RFC 3986's unreserved set
/// (and `/`) percent-encoded, so that non-ASCII names (`침해사고-대응.md`) and spaces are valid.
pub fn relative_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(relative_uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(relative_uri("docs/대응.md"), "docs/%EB%8C%80%EC%9D%91.md");
        assert_eq!(relative_uri("src/main.rs"), "src/main.rs");
        assert_eq!(relative_uri("a\n::error"), "a%0A%3A%3Aerror");
    }
}
