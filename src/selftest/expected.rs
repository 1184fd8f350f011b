//! The expected results of an example: the `## Expected findings` section of its README, one
//! `` - `RULE-ID` level: why `` line per finding. The test suite and `samdscan self-test` both
//! read them here, so a rule change that alters an example's results shows in both.

use regex::Regex;
use std::sync::LazyLock;

static FINDING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^- `([A-Z]+-[A-Z0-9-]+)` (error|warning|note)").expect("a valid pattern")
});

/// The (rule id, level) pairs the README promises, sorted; `None` when it has no
/// `## Expected findings` section.
pub fn expected_findings(readme: &str) -> Option<Vec<(String, String)>> {
    let section = readme.split("## Expected findings").nth(1)?;
    let section = section.split("\n## ").next().unwrap_or_default();
    let mut v: Vec<(String, String)> = FINDING_LINE
        .captures_iter(section)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    v.sort();
    Some(v)
}

/// The items of `a` that `b` does not match one for one (a multiset difference), as `RULE level`.
pub fn unmatched(a: &[(String, String)], b: &[(String, String)]) -> Vec<String> {
    let mut rest = b.to_vec();
    a.iter()
        .filter(|item| match rest.iter().position(|r| r == *item) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .map(|(rule, level)| format!("{rule} {level}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_the_expected_section() {
        let readme = "# X\n- `MFDS-A-1` error: not here\n## Expected findings\n\n- `MFDS-B-2` warning: w\n- `MFDS-A-1` error: e\n\n## Other\n- `MFDS-C-3` note: no\n";
        assert_eq!(
            expected_findings(readme),
            Some(vec![
                ("MFDS-A-1".into(), "error".into()),
                ("MFDS-B-2".into(), "warning".into())
            ])
        );
        assert_eq!(expected_findings("# none\n"), None);
    }

    #[test]
    fn a_missing_or_extra_finding_is_unmatched() {
        let e = |r: &str| (r.to_string(), "error".to_string());
        assert_eq!(unmatched(&[e("A"), e("A")], &[e("A")]), vec!["A error"]);
        assert!(unmatched(&[e("A")], &[e("A"), e("B")]).is_empty());
    }
}
