//! `--base REF`: judge a branch the way code scanning judges a pull request. The base revision is
//! scanned with the same pipeline (from git objects, no checkout, with the config and policy files
//! the base has unless `--config`/`--no-config` chose one, and the same `--as-of`), and every finding is marked `new`, `unchanged` or, for findings only the base
//! has, `absent`, by fingerprint. Nothing is dropped from the report; `--fail-on` then gates on
//! new findings only (see `output::exit_code`).

use crate::cli::Target;
use crate::evidence::Evidence;
use crate::finding::{BaselineState, Finding};
use crate::report::BaseInfo;
use crate::scan::pipeline::{Prepared, ScanOutcome, scan_target_beside};
use anyhow::{Context as _, Result};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Scans `target` and its base revision `base`, and marks the target's findings against it. The
/// base side starts once the target's evidence is collected (its scope is the target's) and runs
/// while the target's rules are evaluated, with a copy of the target's prepared policy engine
/// when the base has the same policies.
pub fn scan_with_base(target: &Target, policies: &[PathBuf], base: &str) -> Result<ScanOutcome> {
    std::thread::scope(|scope| {
        let (mut head, base_side) = scan_target_beside(target, policies, None, |head| {
            let base_target = Target {
                rev: Some(base.to_string()),
                base: None,
                as_of: Some(head.as_of),
                since: Some(base_scope(head.evidence)),
                base_side: true,
                release_commit_records: true,
                ..target.clone()
            };
            let prepared = Prepared {
                policies: head.policies.clone(),
                evaluator: head.evaluator.clone(),
            };
            scope.spawn(move || {
                scan_target_beside(&base_target, policies, Some(prepared), |_| ())
                    .map(|(outcome, ())| outcome)
            })
        })?;
        let base_scan = base_side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            .with_context(|| format!("cannot scan the base revision `{base}`"))?;
        let revision = base_scan
            .report
            .repository
            .revision
            .clone()
            .unwrap_or_default();
        mark_findings(&mut head.report.findings, base_scan.report.findings);
        head.report.base = Some(BaseInfo {
            reference: base.to_string(),
            revision,
        });
        Ok(head)
    })
}

/// The base side judges the commits of the branch's scope that the base also has: it walks from
/// the base down to the same lower bound (a release tag of the branch's scope, a date, a count),
/// never further, so that a base sitting on a release tag is not judged over all history.
fn base_scope(head: &Evidence) -> String {
    let scope = &head.get("history")["scope"];
    let field = |key: &str| match &scope[key] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    field("since_commit")
        .or_else(|| field("since_date"))
        .or_else(|| field("limit"))
        .unwrap_or_else(|| "all".to_string())
}

/// Marks `findings` against the base side's, and appends the base-only ones as absent.
pub fn mark_findings(findings: &mut Vec<Finding>, base: Vec<Finding>) {
    let in_base: BTreeSet<&str> = base.iter().map(|f| f.fingerprint.as_str()).collect();
    for f in findings.iter_mut() {
        f.baseline_state = Some(if in_base.contains(f.fingerprint.as_str()) {
            BaselineState::Unchanged
        } else {
            BaselineState::New
        });
    }
    let in_head: BTreeSet<String> = findings.iter().map(|f| f.fingerprint.clone()).collect();
    let absent = base
        .into_iter()
        .filter(|f| !in_head.contains(&f.fingerprint));
    findings.extend(absent.map(|mut f| {
        f.baseline_state = Some(BaselineState::Absent);
        f
    }));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Level, fingerprint};

    fn finding(key: &str) -> Finding {
        Finding {
            rule_id: "MFDS-X-001".into(),
            level: Level::Error,
            message: key.into(),
            message_ko: None,
            path: "a".into(),
            line: 1,
            fingerprint: fingerprint("MFDS-X-001", key),
            baseline_state: None,
            waiver: None,
            key: key.into(),
            snippet: None,
            dated: false,
            sensitive: false,
        }
    }

    #[test]
    fn the_base_walks_down_to_the_branch_scopes_lower_bound() {
        let evidence =
            |scope: Value| Evidence::from(serde_json::json!({"history": {"scope": scope}}));
        let tagged = evidence(serde_json::json!({"since_commit": "abc", "limit": null}));
        assert_eq!(base_scope(&tagged), "abc");
        assert_eq!(
            base_scope(&evidence(serde_json::json!({"limit": 50}))),
            "50"
        );
        assert_eq!(base_scope(&evidence(serde_json::json!({}))), "all");
    }

    #[test]
    fn findings_are_new_unchanged_or_absent_by_fingerprint() {
        let mut head = vec![finding("kept"), finding("added")];
        mark_findings(&mut head, vec![finding("kept"), finding("fixed")]);
        let states: Vec<(&str, Option<BaselineState>)> = head
            .iter()
            .map(|f| (f.key.as_str(), f.baseline_state))
            .collect();
        assert_eq!(
            states,
            vec![
                ("added", Some(BaselineState::New)),
                ("fixed", Some(BaselineState::Absent)),
                ("kept", Some(BaselineState::Unchanged)),
            ]
        );
    }
}
