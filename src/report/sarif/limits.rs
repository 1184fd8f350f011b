//! GitHub code scanning's limits on one upload: it rejects a run of more than 25,000 results,
//! and it keeps at most 1,000 locations per result (samdscan writes one). samdscan keeps at
//! most [`MAX_PER_RULE`] results per rule and [`MAX_PER_RUN`] per run, leaving headroom; a rule
//! that has more keeps its highest-level findings and one result that says how many were left
//! out. The full list stays in the JSON report, and the scan warns.

use crate::finding::{Finding, Level};

pub(super) const MAX_PER_RULE: usize = 1_000;
pub(super) const MAX_PER_RUN: usize = 20_000;

/// What one rule keeps: its findings in the file, and those left out.
pub(super) struct RuleShare<'a> {
    pub kept: Vec<&'a Finding>,
    pub left_out: Vec<&'a Finding>,
}

impl RuleShare<'_> {
    /// The highest level among the findings left out.
    pub(super) fn left_out_level(&self) -> Option<Level> {
        self.left_out.iter().map(|f| f.level).max()
    }
}

/// Splits findings (sorted by rule) into each rule's share under the limits.
pub(super) fn share<'a>(findings: &[&'a Finding]) -> Vec<RuleShare<'a>> {
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for f in findings {
        match groups.last_mut() {
            Some(g) if g[0].rule_id == f.rule_id => g.push(f),
            _ => groups.push(vec![f]),
        }
    }
    // A rule over its quota keeps `quota - 1` findings plus the result that counts the rest.
    let total = |quota: usize| groups.iter().map(|g| g.len().min(quota)).sum::<usize>();
    let mut quota = MAX_PER_RULE;
    while quota > 1 && total(quota) > MAX_PER_RUN {
        quota -= 1;
    }
    groups
        .into_iter()
        .map(|mut g| {
            if g.len() <= quota {
                return RuleShare {
                    kept: g,
                    left_out: Vec::new(),
                };
            }
            // Highest levels first; the sort is stable, so report order holds within a level.
            g.sort_by_key(|f| std::cmp::Reverse(f.level));
            let left_out = g.split_off(quota - 1);
            g.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            RuleShare { kept: g, left_out }
        })
        .collect()
}

/// One sentence per rule that lost findings, for warnings and tool notifications.
pub(super) fn left_out_warnings(shares: &[RuleShare]) -> Vec<String> {
    shares
        .iter()
        .filter(|s| !s.left_out.is_empty())
        .map(|s| {
            let id = &s.left_out[0].rule_id;
            format!(
                "SARIF: {} of {} findings of {id} left out (code scanning limits: {MAX_PER_RULE} results per rule, {MAX_PER_RUN} per file here); the JSON report lists them all",
                s.left_out.len(),
                s.kept.len() + s.left_out.len()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(rule: &str, n: usize, level: Level) -> Vec<Finding> {
        (0..n)
            .map(|i| Finding {
                rule_id: rule.to_string(),
                level,
                message: format!("m{i}"),
                message_ko: None,
                path: format!("f{i:06}"),
                line: 1,
                fingerprint: format!("{i:032}"),
                baseline_state: None,
                waiver: None,
                key: String::new(),
                snippet: None,
                dated: false,
                sensitive: false,
            })
            .collect()
    }

    #[test]
    fn a_rule_keeps_its_limit_including_the_count_of_the_rest() {
        let mut all = findings("R-1", 1500, Level::Note);
        all[1400].level = Level::Error;
        let refs: Vec<&Finding> = all.iter().collect();
        let shares = share(&refs);
        assert_eq!(shares[0].kept.len() + 1, MAX_PER_RULE);
        assert_eq!(shares[0].left_out.len(), 501);
        assert!(shares[0].kept.iter().any(|f| f.level == Level::Error));
        assert_eq!(shares[0].left_out_level(), Some(Level::Note));
    }

    #[test]
    fn a_run_stays_under_its_limit() {
        let mut all = Vec::new();
        for r in 0..30 {
            all.extend(findings(&format!("R-{r:02}"), 900, Level::Warning));
        }
        let refs: Vec<&Finding> = all.iter().collect();
        let shares = share(&refs);
        let results: usize = shares
            .iter()
            .map(|s| s.kept.len() + usize::from(!s.left_out.is_empty()))
            .sum();
        assert!(results <= MAX_PER_RUN, "{results}");
        assert!(results > MAX_PER_RUN - 30, "{results}");
        assert_eq!(left_out_warnings(&shares).len(), 30);
    }
}
