//! The built-in Rego policies' own tests run under `cargo test`, and every built-in rule keeps the
//! house rules: a test file beside it, complete METADATA, a unique id.

use samdscan::policy::PolicySet;
use samdscan::policy::testing::run_tests;

#[test]
fn every_builtin_policy_test_passes() {
    let set = PolicySet::builtin().unwrap();
    let results = run_tests(&set).unwrap();
    assert!(
        results.len() >= 30,
        "only {} policy tests found",
        results.len()
    );
    let failed: Vec<String> = results
        .iter()
        .filter(|r| !r.passed)
        .map(|r| {
            format!(
                "{}: {} ({})",
                r.file,
                r.name,
                r.detail.clone().unwrap_or_default()
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "failing policy tests:\n{}",
        failed.join("\n")
    );
}

#[test]
fn every_builtin_rule_has_tests_and_complete_metadata() {
    let set = PolicySet::builtin().unwrap();
    let results = run_tests(&set).unwrap();
    for rule in &set.rules {
        if rule.meta.custom.observable {
            let test_file = rule.path.replace(".rego", "_test.rego");
            let tests = results.iter().filter(|r| r.file == test_file).count();
            assert!(
                tests >= 2,
                "{} ({}) needs a passing and a failing case in {test_file}",
                rule.id(),
                rule.path
            );
        } else {
            assert_not_observable_rule_checks_nothing(&set, rule);
        }
        let c = &rule.meta.custom;
        assert!(
            c.id.starts_with("MFDS-") || c.id.starts_with("SAMDSCAN-"),
            "{}: unexpected id",
            rule.path
        );
        assert!(
            !c.references.is_empty(),
            "{}: METADATA needs references",
            c.id
        );
        assert!(
            c.recommended_action.is_some(),
            "{}: METADATA needs recommended_action",
            c.id
        );
        assert!(c.pillar.is_some(), "{}: METADATA needs a pillar", c.id);
        assert!(
            rule.package.starts_with("samdscan."),
            "{}: package {}",
            c.id,
            rule.package
        );
    }
}

/// A rule marked `observable: false` is reported as "not observable" without being evaluated; it
/// must not define `deny`, so that it never looks like a check that could pass.
fn assert_not_observable_rule_checks_nothing(
    set: &PolicySet,
    rule: &samdscan::policy::engine::Rule,
) {
    let module = set
        .modules
        .iter()
        .find(|m| m.path == rule.path)
        .expect("the rule's module is loaded");
    assert!(
        !module
            .text
            .lines()
            .any(|l| l.trim_start().starts_with("deny")),
        "{}: a not-observable rule must not define deny",
        rule.id()
    );
}
