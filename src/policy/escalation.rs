//! The catalogue's escalation rule (§0.3), applied once for every rule instead of by each
//! policy: when the product is high-risk (grade 4, or any software system of safety class C:
//! `data.samdscan.lib.profile.high_risk`), a warning becomes an error. It applies to every
//! finding of a rule that escalates (`Custom::escalates`: the catalogue's `MFDS-` rules unless
//! their item says otherwise) and to the rule's own level in the scan. A policy gives its base
//! level only; a user's `policies.severity` override still wins over both (`scan::resolve`).
//! `policies/escalation.md` is the table of which rules escalate, and the test
//! `tests/integration/escalation.rs` evaluates the pack over a profile matrix against it.

use super::engine::{PolicyError, Rule};
use super::evaluation::{RuleOutcome, query};
use crate::finding::Level;
use regorus::Engine;
use serde_json::Value;

/// The profile library's verdict on the scan's input: grade 4 or any class C system.
pub(super) fn high_risk(engine: &mut Engine) -> Result<bool, PolicyError> {
    let verdict = query(engine, "data.samdscan.lib.profile.high_risk".to_string())?;
    Ok(verdict == Some(Value::Bool(true)))
}

/// Raises the rule's level, and each of its findings' levels, from warning to error when the
/// product is high-risk and the rule escalates.
pub(super) fn apply(rule: &Rule, outcome: &mut RuleOutcome, high_risk: bool) {
    if !(high_risk && rule.meta.custom.escalates()) {
        return;
    }
    let severity = rule.meta.custom.severity;
    outcome.level = escalated(severity);
    for f in &mut outcome.findings {
        f.level = Some(escalated(f.level.unwrap_or(severity)));
    }
}

fn escalated(level: Level) -> Level {
    match level {
        Level::Warning => Level::Error,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_warnings_become_errors() {
        assert_eq!(escalated(Level::Warning), Level::Error);
        assert_eq!(escalated(Level::Note), Level::Note);
        assert_eq!(escalated(Level::Error), Level::Error);
    }
}
