//! Policy time is linear in the commits in scope: every built-in rule that reads the history is
//! evaluated over generated evidence of 2,000 and 10,000 commits (about a fifth of them merges), and
//! the time per commit, less the time of the same rules over no commits, may grow at most 2x
//! from the smaller to the larger. A rule that searched the commits for each commit (the old
//! `covered_by_merge`) grows 5x here.

#[path = "../../benches/history_evidence.rs"]
mod history_evidence;

use samdscan::evidence::Evidence;
use samdscan::policy::{PolicySet, Rule};
use std::time::{Duration, Instant};

/// Far enough above the rules' fixed cost that noise on a busy machine cannot hide the smaller
/// size's time; a rule quadratic in the commits still grows 5x between them.
const SIZES: [usize; 2] = [2_000, 10_000];

fn history_rules(set: &PolicySet) -> Vec<&Rule> {
    let rules = history_evidence::history_rules(set);
    assert!(rules.len() >= 8, "the history rules: {}", rules.len());
    rules
}

/// The fastest of three evaluations of `rules` over `commits` generated commits.
fn time(set: &PolicySet, rules: &[&Rule], commits: usize) -> Duration {
    let input = Evidence::from(history_evidence::history_input(commits));
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let outcomes = set.evaluate(rules, &input).expect("rules evaluate");
            assert_eq!(outcomes.len(), rules.len());
            start.elapsed()
        })
        .min()
        .expect("runs")
}

#[test]
fn history_rules_take_time_in_proportion_to_the_commits() {
    let set = PolicySet::builtin().unwrap();
    let rules = history_rules(&set);
    let fixed = time(&set, &rules, 0);
    let per_commit: Vec<f64> = SIZES
        .iter()
        .map(|&n| (time(&set, &rules, n).saturating_sub(fixed)).as_secs_f64() / n as f64)
        .collect();
    assert!(
        per_commit[0] > 0.0,
        "{} commits took no longer than none (fixed {fixed:.2?}): the measure is noise",
        SIZES[0]
    );
    let growth = per_commit[1] / per_commit[0];
    eprintln!(
        "history rules: {:.1} µs/commit at {}, {:.1} µs/commit at {} ({growth:.2}x; fixed {fixed:.2?})",
        per_commit[0] * 1e6,
        SIZES[0],
        per_commit[1] * 1e6,
        SIZES[1]
    );
    assert!(
        growth <= 2.0,
        "time per commit grew {growth:.2}x from {} to {} commits",
        SIZES[0],
        SIZES[1]
    );
}

#[test]
fn generated_evidence_exercises_the_rules() {
    let set = PolicySet::builtin().unwrap();
    let rules = history_rules(&set);
    let input = Evidence::from(history_evidence::history_input(400));
    let outcomes = set.evaluate(&rules, &input).unwrap();
    let failed: Vec<&str> = rules
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| !o.findings.is_empty())
        .map(|(r, _)| r.id())
        .collect();
    for id in [
        "MFDS-CHG-001",
        "MFDS-SWL-010",
        "MFDS-CHG-004",
        "MFDS-RSK-003",
    ] {
        assert!(failed.contains(&id), "{id} judged nothing: {failed:?}");
    }
}

const FAILING_RULE: &str = r#"# METADATA
# title: Fails while judging the history
# description: Divides by zero for each commit.
# custom:
#   id: ACME-900
#   severity: error
#   evidence: [history.commits]
package acme.failing

import rego.v1

deny contains f if {
	some c in input.history.commits
	x := count(c.references) / 0
	f := {"msg": sprintf("%v", [x])}
}
"#;

#[test]
fn a_rule_that_cannot_be_evaluated_is_named_with_its_input_and_the_option_that_narrows_it() {
    let mut set = PolicySet::builtin().unwrap();
    set.add_files(vec![("acme/failing.rego".into(), FAILING_RULE.into())])
        .unwrap();
    let first = set.rule("MFDS-CHG-001").unwrap();
    let failing = set.rule("ACME-900").unwrap();
    let input = Evidence::from(history_evidence::history_input(40));
    let err = set
        .evaluate(&[first, failing], &input)
        .expect_err("the rule fails")
        .to_string();
    for part in [
        "ACME-900 (acme/failing.rego): could not be evaluated over",
        "40 commits in the history scope (all commits)",
        "--since",
        "history.scope",
        "rules completed before it: MFDS-CHG-001 failed",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
}
