//! Automated vulnerability monitoring (MFDS-CYB-005): the dependency-update bots configured in
//! the repository (Dependabot with the package ecosystems it watches; Renovate, which watches
//! every ecosystem it finds) and the vulnerability scanners a CI workflow runs, with whether the
//! workflow runs on a schedule (`on: schedule` with a `cron`), so that a product's monitoring
//! does not depend on someone pushing a commit.

use crate::evidence::Context;
use crate::evidence::read::yaml;
use serde_json::{Value, json};

/// The vulnerability scanners and the words that name them in a workflow (lower case).
pub(super) const SCANNERS: &[(&str, &[&str])] = &[
    ("trivy", &["trivy"]),
    ("grype", &["grype"]),
    ("osv-scanner", &["osv-scanner"]),
    ("dependency-check", &["dependency-check"]),
    ("dependency-track", &["dependency-track", "dependencytrack"]),
    ("snyk", &["snyk test", "snyk monitor", "snyk/actions"]),
    ("pip-audit", &["pip-audit"]),
    ("npm-audit", &["npm audit", "yarn audit", "pnpm audit"]),
    ("cargo-audit", &["cargo-audit", "cargo audit"]),
    ("cargo-deny", &["cargo-deny", "cargo deny"]),
    ("govulncheck", &["govulncheck"]),
    ("safety", &["safety check", "safety scan"]),
];

/// Whether a workflow's text runs it on a schedule: an `on: schedule` key with a `cron` entry.
pub(super) fn scheduled(text: &str) -> bool {
    let mut in_schedule = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("schedule:") {
            in_schedule = true;
        } else if in_schedule && t.trim_start_matches("- ").starts_with("cron:") {
            return true;
        } else if in_schedule && !t.is_empty() && !t.starts_with('-') && !t.starts_with('#') {
            in_schedule = false;
        }
    }
    false
}

/// One dependency-update bot's configuration: `{path, bot, ecosystems, error}`. Renovate's
/// `ecosystems` is `["*"]`: it finds every package manager it supports unless told otherwise.
pub(super) fn update_config(ctx: &Context, path: &str) -> Option<Value> {
    let text = ctx.read_text(path)?;
    if !path.contains("dependabot") {
        return Some(json!({"path": path, "bot": "renovate", "ecosystems": ["*"], "error": null}));
    }
    let record = match dependabot_ecosystems(&text) {
        Ok(ecosystems) => {
            json!({"path": path, "bot": "dependabot", "ecosystems": ecosystems, "error": null})
        }
        Err(e) => {
            ctx.diagnose(
                path,
                format!("Dependabot configuration does not parse: {e}"),
            );
            json!({"path": path, "bot": "dependabot", "ecosystems": [], "error": e})
        }
    };
    Some(record)
}

/// The `package-ecosystem` of each entry of a Dependabot configuration's `updates`, sorted.
fn dependabot_ecosystems(text: &str) -> Result<Vec<String>, String> {
    let v: Value = yaml::from_str(text)?;
    let updates = v
        .get("updates")
        .and_then(Value::as_array)
        .ok_or("no `updates` list")?;
    let mut out: Vec<String> = updates
        .iter()
        .filter_map(|u| u.get("package-ecosystem").and_then(Value::as_str))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cron_under_schedule_makes_a_workflow_scheduled() {
        assert!(scheduled(
            "on:\n  schedule:\n    - cron: '0 3 * * 1'\n  push:\n"
        ));
        assert!(!scheduled("on:\n  push:\n    branches: [main]\n"));
        assert!(!scheduled("on:\n  schedule:\n  push:\n    cron: x\n"));
    }

    #[test]
    fn dependabot_lists_its_ecosystems_and_a_bad_file_says_why() {
        let text = "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n  - package-ecosystem: github-actions\n    directory: /\n  - package-ecosystem: pip\n    directory: /tools\n";
        assert_eq!(
            dependabot_ecosystems(text).unwrap(),
            ["github-actions", "pip"]
        );
        assert_eq!(
            dependabot_ecosystems("version: 2\n").unwrap_err(),
            "no `updates` list"
        );
        assert!(dependabot_ecosystems("updates: [").is_err());
    }
}
