//! The tamper signal: with `--base`, what a branch changed in the scan's own controls since its
//! merge base: waivers added or altered, rules disabled, severities overridden, policy files
//! touched. Each becomes a record naming the change, so that a reviewer sees a pull request
//! that quiets the scanner instead of fixing what it found.
//!
//! The base side's config is read from the merge base's tree (the same path as the current
//! config), never from disk.

use super::tree_diff::changed_files;
use crate::config::{Config, LoadedConfig};
use crate::evidence::git_view::GitView;
use crate::scan::revision_inputs::RevisionFiles;
use git2::Oid;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(super) struct ControlChange {
    /// `waiver_added`, `waiver_changed`, `rule_disabled`, `severity_override`, `policy_file`,
    /// or `base_config_unreadable`.
    pub kind: &'static str,
    /// The rule id or file the change is about.
    pub subject: String,
    pub detail: String,
    pub path: Option<String>,
    pub line: Option<usize>,
}

/// The control changes from `base` (the merge base) to `tip`.
pub(super) fn control_changes(
    repo: &GitView,
    base: Oid,
    tip: Oid,
    config: &LoadedConfig,
) -> Result<Vec<ControlChange>, git2::Error> {
    let mut out = Vec::new();
    let base_config = match config.path.as_deref() {
        Some(path) => read_config_at(repo, base, path).unwrap_or_else(|why| {
            out.push(change(config, "base_config_unreadable", path, why, None));
            Config::default()
        }),
        None => Config::default(),
    };
    config_changes(&base_config, config, &mut out);
    policy_file_changes(repo, base, tip, config, &base_config, &mut out)?;
    Ok(out)
}

fn change(
    config: &LoadedConfig,
    kind: &'static str,
    subject: &str,
    detail: String,
    key: Option<&str>,
) -> ControlChange {
    ControlChange {
        kind,
        subject: subject.to_string(),
        detail,
        path: config.path.clone(),
        line: key.and_then(|k| config.line_of(k)),
    }
}

/// The config at `path` in commit `at`; a missing file (or folder) is the empty config.
fn read_config_at(repo: &GitView, at: Oid, path: &str) -> Result<Config, String> {
    if repo
        .tree_id_at(at)
        .map_err(|e| e.message().to_string())?
        .is_none()
    {
        return Ok(Config::default());
    }
    let files = RevisionFiles::at(repo, at, &super::scope::short(at))
        .map_err(|e| e.message().to_string())?;
    match files.config_file(path) {
        None => Ok(Config::default()),
        Some(loaded) => loaded
            .map(|l| l.config)
            .map_err(|e| format!("the base revision's config does not load: {e}")),
    }
}

fn config_changes(base: &Config, head: &LoadedConfig, out: &mut Vec<ControlChange>) {
    let now = &head.config;
    for (i, w) in now.waivers.iter().enumerate() {
        let same_target = base
            .waivers
            .iter()
            .find(|b| b.rule == w.rule && b.path == w.path && b.fingerprint == w.fingerprint);
        let (kind, verb) = match same_target {
            None => ("waiver_added", "added"),
            Some(b) if b != w => ("waiver_changed", "changed"),
            Some(_) => continue,
        };
        let target = w
            .path
            .as_deref()
            .or(w.fingerprint.as_deref())
            .unwrap_or("every finding");
        let detail = format!(
            "waiver for {} ({target}) {verb}: expires {}, approved by {}, ref {}",
            w.rule, w.expires, w.approved_by, w.reference
        );
        out.push(change(
            head,
            kind,
            &w.rule,
            detail,
            Some(&format!("waivers[{i}]")),
        ));
    }
    for id in now
        .policies
        .disable
        .iter()
        .filter(|id| !base.policies.disable.contains(id))
    {
        let detail = format!("rule {id} disabled");
        out.push(change(
            head,
            "rule_disabled",
            id,
            detail,
            Some("policies.disable"),
        ));
    }
    for (id, level) in &now.policies.severity {
        if base.policies.severity.get(id) == Some(level) {
            continue;
        }
        let was = base
            .policies
            .severity
            .get(id)
            .map_or("its default".to_string(), |l| l.to_string());
        let detail = format!("severity of {id} set to {level} (was {was})");
        let key = format!("policies.severity.{id}");
        out.push(change(head, "severity_override", id, detail, Some(&key)));
    }
}

fn policy_file_changes(
    repo: &GitView,
    base: Oid,
    tip: Oid,
    config: &LoadedConfig,
    base_config: &Config,
    out: &mut Vec<ControlChange>,
) -> Result<(), git2::Error> {
    let dirs: Vec<String> = config
        .config
        .policies
        .paths
        .iter()
        .chain(&base_config.policies.paths)
        .map(|d| format!("{}/", d.trim_matches('/')))
        .collect();
    if dirs.is_empty() {
        return Ok(());
    }
    let old = repo.tree_id_at(base)?;
    let new = repo.tree_id_at(tip)?;
    for c in changed_files(repo, old, new)? {
        if dirs.iter().any(|d| c.path.starts_with(d.as_str())) {
            let status = serde_json::to_value(c.status).unwrap_or_default();
            let detail = format!("policy file {} {}", c.path, status.as_str().unwrap_or(""));
            out.push(ControlChange {
                kind: "policy_file",
                subject: c.path.clone(),
                detail,
                path: Some(c.path),
                line: None,
            });
        }
    }
    Ok(())
}
