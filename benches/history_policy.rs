//! Policy benchmark: the built-in history rules evaluated over generated history evidence
//! (`history_evidence.rs`) of 1,000 to 80,000 commits, printed as time per 1,000 commits (less
//! the time of the same rules over no commits), so that growth faster than the history shows as
//! a rising column. Run with `cargo bench --bench history_policy`.
#![allow(unreachable_pub)] // helpers shared between bench and test modules

mod history_evidence;

use samdscan::evidence::Evidence;
use samdscan::policy::{PolicySet, Rule};
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [1_000, 10_000, 50_000, 80_000];

fn time(set: &PolicySet, rules: &[&Rule], commits: usize) -> Duration {
    let input = Evidence::from(history_evidence::history_input(commits));
    let start = Instant::now();
    set.evaluate(rules, &input).expect("rules evaluate");
    start.elapsed()
}

fn main() {
    let set = PolicySet::builtin().expect("built-in policies");
    let rules = history_evidence::history_rules(&set);
    let fixed = time(&set, &rules, 0);
    println!("history rules ({}), fixed cost {fixed:.2?}:", rules.len());
    for n in SIZES {
        let total = time(&set, &rules, n);
        let per_1000 = total.saturating_sub(fixed).as_secs_f64() * 1000.0 / n as f64;
        println!(
            "  {n:>6} commits: {total:>9.2?} in all, {:>7.1} ms per 1,000 commits",
            per_1000 * 1000.0
        );
    }
}
