//! From rule outcomes to reportable findings: levels (policy, config override, external
//! attestation), anchoring to a real file, and fingerprints.
//!
//! A finding about something missing still needs a real location for code scanning: the file the
//! policy named if it exists (or, for a finding about a change, the last path of a file that a
//! commit in the history scope deleted), else the config file at the relevant line, else the
//! README, else the first file of the repository.

use crate::config::LoadedConfig;
use crate::evidence::Evidence;
use crate::evidence::source::Inventory;
use crate::finding::{Finding, Level, fingerprint};
use crate::policy::{RawFinding, Rule};
use serde_json::Value;
use std::collections::HashSet;

/// Where findings without a usable path of their own are anchored.
pub struct Anchors<'a> {
    inventory: &'a Inventory,
    config_path: Option<String>,
    readme: Option<String>,
    /// Files that commits in the history scope deleted: a finding about such a change points
    /// at the file's last path, not at the README.
    deleted: HashSet<String>,
}

impl<'a> Anchors<'a> {
    pub fn new(
        inventory: &'a Inventory,
        config: &LoadedConfig,
        evidence: &Evidence,
    ) -> Anchors<'a> {
        let config_path = config.path.clone().filter(|p| inventory.is_file(p));
        Anchors {
            inventory,
            config_path,
            readme: evidence.readme().map(str::to_string),
            deleted: deleted_in_history(evidence),
        }
    }

    /// The location of a finding: its own path if that is a real file, else the fallback chain.
    pub fn locate(&self, path: Option<&str>, line: Option<usize>) -> (String, usize) {
        if let Some(p) = path.filter(|p| self.inventory.is_file(p) || self.deleted.contains(*p)) {
            return (p.to_string(), line.unwrap_or(1));
        }
        if let Some(c) = &self.config_path {
            // A line given without a usable path refers to the config file.
            return (
                c.clone(),
                if path.is_none() { line.unwrap_or(1) } else { 1 },
            );
        }
        self.fallback()
    }

    /// The config file at the line of `key` when there is one; else README or first file.
    pub fn config_key(&self, config: &LoadedConfig, key: &str) -> (String, usize) {
        match &self.config_path {
            Some(c) => (c.clone(), config.line_of(key).unwrap_or(1)),
            None => self.fallback(),
        }
    }

    fn fallback(&self) -> (String, usize) {
        let first = || self.inventory.files().next().map(|e| e.path.clone());
        let path = self
            .readme
            .clone()
            .or_else(first)
            .unwrap_or_else(|| "README.md".to_string());
        (path, 1)
    }
}

/// The paths that commits in the history scope deleted. Only the records whose text names a
/// deletion are read.
fn deleted_in_history(evidence: &Evidence) -> HashSet<String> {
    let Some(commits) = evidence.commits() else {
        return HashSet::new();
    };
    let deleting = commits
        .raw()
        .filter(|json| json.contains(r#""deleted""#))
        .filter_map(|json| serde_json::from_str::<Value>(json).ok());
    deleting
        .filter_map(|c| c["changes"].as_array().cloned())
        .flatten()
        .filter(|ch| ch["status"] == "deleted")
        .filter_map(|ch| ch["path"].as_str().map(str::to_string))
        .collect()
}

/// An external attestation from the evidence index, for one rule: the words added to its
/// findings, and where the record sits in the index (where the findings then point).
struct Attestation {
    message: String,
    message_ko: String,
    path: String,
    line: usize,
}

fn external_attestation(evidence: &Evidence, rule_id: &str) -> Option<Attestation> {
    let entry = evidence
        .document()
        .pointer(&format!("/evidence_index/entries/{rule_id}"))?;
    let ext = entry.get("external")?;
    if ext.get("valid").and_then(Value::as_bool) == Some(false) {
        return None;
    }
    let field = |k: &str| {
        ext.get(k).and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| Some(v.to_string()))
        })
    };
    let doc = field("document_id")?;
    let version = field("version").unwrap_or_else(|| "?".into());
    let approved = field("approved").unwrap_or_else(|| "?".into());
    let system = field("system");
    let system_en = system
        .as_ref()
        .map(|s| format!(" in {s}"))
        .unwrap_or_default();
    let system_ko = system.map(|s| format!(", {s}")).unwrap_or_default();
    let path = evidence
        .document()
        .pointer("/evidence_index/path")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let line = entry.get("line").and_then(Value::as_u64).unwrap_or(1) as usize;
    Some(Attestation {
        message: format!(
            "attested externally: {doc} version {version}, approved {approved}{system_en}"
        ),
        message_ko: format!(
            "외부 기록으로 입증됨: {doc} 버전 {version}, 승인일 {approved}{system_ko}"
        ),
        path,
        line,
    })
}

/// The rule's level in this scan (`in_scan`: its severity after escalation) after the user's
/// `policies.severity` override.
pub fn configured_level(rule: &Rule, config: &LoadedConfig, in_scan: Level) -> Level {
    config
        .config
        .policies
        .severity
        .get(rule.id())
        .copied()
        .unwrap_or(in_scan)
}

/// Turns one rule's raw findings into findings.
pub fn resolve_findings(
    rule: &Rule,
    raw: &[RawFinding],
    config: &LoadedConfig,
    evidence: &Evidence,
    anchors: &Anchors,
) -> Vec<Finding> {
    let override_level = config.config.policies.severity.get(rule.id()).copied();
    let attested = rule
        .meta
        .custom
        .attestable
        .then(|| external_attestation(evidence, rule.id()))
        .flatten();
    raw.iter()
        .map(|r| {
            let (mut path, mut line) = anchors.locate(r.path.as_deref(), r.line);
            let key = r
                .key
                .clone()
                .unwrap_or_else(|| format!("{}|{}", r.path.as_deref().unwrap_or(""), r.message));
            let mut level = override_level
                .or(r.level)
                .unwrap_or(rule.meta.custom.severity);
            let mut message = r.message.clone();
            let mut message_ko = r.message_ko.clone();
            if let Some(a) = &attested {
                level = Level::Note;
                message = format!("{message} ({})", a.message);
                message_ko = message_ko.map(|m| format!("{m} ({})", a.message_ko));
                (path, line) = anchors.locate(Some(&a.path), Some(a.line));
            }
            Finding {
                rule_id: rule.id().to_string(),
                level,
                message,
                message_ko,
                fingerprint: fingerprint(rule.id(), &key),
                path,
                line,
                baseline_state: None,
                waiver: None,
                key,
                snippet: None,
                dated: r.dated,
                sensitive: r.sensitive,
            }
        })
        .collect()
}
