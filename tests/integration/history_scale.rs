//! Policy time is linear in the commits in scope: every built-in rule that reads the history is
//! evaluated over generated evidence of 1,000 and 10,000 commits (about a fifth of them merges), and
//! the time per commit, less the time of the same rules over no commits, may grow at most 2x
//! from the smaller to the larger. A rule that searched the commits for each commit (the old
//! `covered_by_merge`) grows 10x here.

#[path = "../../benches/history_evidence.rs"]
mod history_evidence;

use samdscan::policy::{PolicySet, Rule};
use std::time::{Duration, Instant};

const SIZES: [usize; 2] = [1_000, 10_000];

fn history_rules(set: &PolicySet) -> Vec<&Rule> {
    let rules: Vec<&Rule> = set
        .rules
        .iter()
        .filter(|r| {
            r.meta
                .custom
                .evidence
                .iter()
                .any(|e| e.starts_with("history"))
        })
        .collect();
    assert!(rules.len() >= 8, "the history rules: {}", rules.len());
    rules
}

/// The fastest of two evaluations of `rules` over `commits` generated commits.
fn time(set: &PolicySet, rules: &[&Rule], commits: usize) -> Duration {
    let input = history_evidence::history_input(commits);
    (0..2)
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
    let input = history_evidence::history_input(400);
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
