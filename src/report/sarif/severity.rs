//! SARIF `security-severity` (GitHub's critical/high/medium/low for security alerts): from the
//! level the rule's findings have in this scan and from the product's profile, not a constant
//! per rule. GitHub reads the score from the rule descriptor only, so a rule gets the score of
//! its highest active finding (of its configured level when it found nothing).
//!
//! | effective level | connected product (or connectivity not declared) | not connected |
//! |---|---|---|
//! | error | 8.0 (high) | 6.5 (medium) |
//! | warning | 5.5 (medium) | 4.0 (medium) |
//! | note | 3.0 (low) | 2.0 (low) |

use crate::finding::Level;
use crate::policy::metadata::Metadata;
use crate::report::{RuleReport, ScanReport};

/// A security rule: of the cybersecurity pillar (P2), or a user rule that declares
/// `custom.security_severity` (which marks it so; the score still comes from the table).
pub(super) fn is_security(meta: &Metadata) -> bool {
    let c = &meta.custom;
    c.pillar.as_deref().is_some_and(|p| p.starts_with("P2")) || c.security_severity.is_some()
}

/// The score in the table above.
pub(super) fn score(level: Level, connected: bool) -> f64 {
    match (level, connected) {
        (Level::Error, true) => 8.0,
        (Level::Error, false) => 6.5,
        (Level::Warning, true) => 5.5,
        (Level::Warning, false) => 4.0,
        (Level::Note, true) => 3.0,
        (Level::Note, false) => 2.0,
    }
}

/// The rule's score in this scan, for security rules only. A profile that does not say
/// `connected: false` is scored as connected: an undeclared network exposure is not low risk.
pub(super) fn security_severity(rule: &RuleReport, report: &ScanReport) -> Option<f64> {
    if !is_security(&rule.meta) {
        return None;
    }
    let level = report
        .active_findings()
        .filter(|f| f.rule_id == rule.id())
        .map(|f| f.level)
        .max()
        .unwrap_or(rule.level);
    Some(score(level, report.connected != Some(false)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_on_a_connected_product_is_high() {
        assert!(score(Level::Error, true) >= 7.0);
        assert!(score(Level::Error, false) < 7.0);
        assert!(score(Level::Warning, true) > score(Level::Warning, false));
        assert!(score(Level::Note, true) < 4.0);
    }
}
