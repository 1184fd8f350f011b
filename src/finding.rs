//! Findings: what a rule found, how serious it is, where it points, and how it is identified
//! across runs.
//!
//! A fingerprint comes from the rule id and the finding's evidence key, never from a line number,
//! so an alert survives edits that move lines. The same fingerprint is how `--base` tells new
//! findings from unchanged ones and how waivers name a single finding.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// Severity, ordered so that `Error > Warning > Note`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "note" => Some(Level::Note),
            "warning" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a rule ended the scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleState {
    Failed,
    Passed,
    NotApplicable,
    NotEvaluated,
    NotObservable,
}

impl RuleState {
    pub fn label(self) -> &'static str {
        match self {
            RuleState::Failed => "failed",
            RuleState::Passed => "passed",
            RuleState::NotApplicable => "not applicable",
            RuleState::NotEvaluated => "not evaluated",
            RuleState::NotObservable => "not observable",
        }
    }

    /// The state as it is spelled in JSON (`not_applicable`).
    pub fn key(self) -> String {
        self.label().replace(' ', "_")
    }
}

/// With `--base`: whether a finding is new in this branch, was already there, or went away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    New,
    Unchanged,
    Absent,
}

/// The waiver that accepted a finding, as shown in reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedWaiver {
    pub reason: String,
    pub approved_by: String,
    pub expires: String,
    #[serde(rename = "ref")]
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule_id: String,
    pub level: Level,
    pub message: String,
    /// The message in Korean (a policy's `msg_ko`); reports fall back to `message` without it.
    #[serde(skip)]
    pub message_ko: Option<String>,
    /// Repository-relative path of a real file (anchored before reporting).
    pub path: String,
    pub line: usize,
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_state: Option<BaselineState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<AppliedWaiver>,
    /// The stable evidence key the fingerprint was made from.
    #[serde(skip)]
    pub key: String,
    /// The text of the line the finding points at, when it points into a text file (SARIF
    /// `region.snippet`).
    #[serde(skip)]
    pub snippet: Option<String>,
    /// Raised by the passing of time alone (a review, a scan or a waiver grown too old), not by
    /// anything a commit changed: `scan --hook` reports it as a warning at most.
    #[serde(skip)]
    pub dated: bool,
    /// Its line holds a secret or personal data: no snippet is quoted from it.
    #[serde(skip)]
    pub sensitive: bool,
}

impl Finding {
    /// The message in `lang`, or in English when the rule gives none in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        match (lang, &self.message_ko) {
            (Lang::Ko, Some(ko)) => ko,
            _ => &self.message,
        }
    }

    /// Sort order for every report: rule, path, line, message.
    pub fn sort_key(&self) -> (&str, &str, usize, &str) {
        (&self.rule_id, &self.path, self.line, &self.message)
    }
}

/// `sha256(rule id, evidence key)`, shortened to 32 hex digits.
pub fn fingerprint(rule_id: &str, key: &str) -> String {
    let mut h = Sha256::new();
    h.update(rule_id.as_bytes());
    h.update([0u8]);
    h.update(key.as_bytes());
    let digest = h.finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_depends_on_rule_and_key_only() {
        let a = fingerprint("MFDS-CYB-001", "sbom");
        assert_eq!(a, fingerprint("MFDS-CYB-001", "sbom"));
        assert_ne!(a, fingerprint("MFDS-CYB-002", "sbom"));
        assert_ne!(a, fingerprint("MFDS-CYB-001", "sbom2"));
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn levels_order() {
        assert!(Level::Error > Level::Warning && Level::Warning > Level::Note);
        assert_eq!(Level::parse("warning"), Some(Level::Warning));
        assert_eq!(Level::parse("high"), None);
    }
}
