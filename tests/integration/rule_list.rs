//! The list of rules a report can carry: a snapshot of `samdscan policy list` (id, level, title of
//! every built-in rule), so adding, removing or retitling a rule shows in review, and the rule
//! lifecycle (`since`, `deprecated`, `replaced_by`, `policies/retired-ids.txt`) holds together.

use crate::common::samdscan;
use samdscan::cmd::policy::reportable_rules;
use samdscan::policy::{PolicySet, Rule};
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn the_rule_list_is_the_snapshot() {
    let out = samdscan().args(["policy", "list"]).output().unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

/// `(id, reason)` of every line of `policies/retired-ids.txt` (`#` comments and blanks skipped).
fn retired_ids(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((id, reason)) => (id.to_string(), reason.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// What is wrong with the rules' lifecycle: a retired id defined again, a retired id without a
/// reason, or a `replaced_by` naming no live rule.
fn lifecycle_problems(rules: &[Rule], retired: &[(String, String)]) -> Vec<String> {
    let live: BTreeSet<&str> = rules.iter().map(Rule::id).collect();
    let mut problems = Vec::new();
    for (id, reason) in retired {
        if live.contains(id.as_str()) {
            problems.push(format!("retired id {id} is defined again"));
        }
        if reason.is_empty() {
            problems.push(format!("retired id {id} gives no reason"));
        }
    }
    for r in rules {
        let c = &r.meta.custom;
        if let Some(by) = &c.replaced_by
            && (!live.contains(by.as_str()) || by == &c.id)
        {
            problems.push(format!(
                "{} is replaced by {by}, which is no live rule",
                c.id
            ));
        }
    }
    problems
}

fn builtin_rules() -> Vec<Rule> {
    reportable_rules(&PolicySet::builtin().unwrap())
}

#[test]
fn retired_ids_stay_retired_and_replacements_exist() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/retired-ids.txt");
    let retired = retired_ids(&std::fs::read_to_string(path).unwrap());
    let problems = lifecycle_problems(&builtin_rules(), &retired);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_lifecycle_check_catches_a_reused_id_and_a_dangling_replacement() {
    let mut set = PolicySet::builtin().unwrap();
    set.add_files(vec![(
        "old.rego".into(),
        "# METADATA\n# title: Old\n# description: x\n# custom:\n#   id: ACME-001\n#   severity: note\n#   deprecated: true\n#   replaced_by: ACME-009\npackage acme.old\n\nimport rego.v1\n\ndeny contains {\"msg\": \"x\"} if false\n".into(),
    )])
    .unwrap();
    let retired = retired_ids("# comment\nMFDS-CYB-001 merged into a newer rule\nACME-002\n");
    assert_eq!(
        lifecycle_problems(&reportable_rules(&set), &retired),
        [
            "retired id MFDS-CYB-001 is defined again",
            "retired id ACME-002 gives no reason",
            "ACME-001 is replaced by ACME-009, which is no live rule",
        ]
    );
}

#[test]
fn every_builtin_rule_says_since_when() {
    for r in builtin_rules() {
        let since = r.meta.custom.since.as_deref().unwrap_or_default();
        assert!(
            since.split('.').count() == 3 && since.split('.').all(|p| p.parse::<u32>().is_ok()),
            "{}: since {since:?} is not a version",
            r.id()
        );
    }
}
