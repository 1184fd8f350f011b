//! Which merge brought each commit into the first-parent line of the scanned branch, derived
//! from the parent lists the walk has already read (no further walks).
//!
//! The first-parent line from the tip is the branch as its maintainers saw it: each merge on
//! it (a pull-request merge, an octopus merge) brought in the commits reachable from its other
//! parents and not from its first parent. A sync merge on a side branch ("Merge branch 'main'
//! into x") is not on that line, so it never claims commits the line already had. Processing
//! the line oldest first makes this one pass: the commits already claimed are exactly those
//! reachable from the next merge's first parent, so each commit is visited once.

use git2::Oid;
use std::collections::HashMap;

/// For each commit of `oids` (in scope, `parents[i]` its parents), the index of the merge on
/// the first-parent line from `tip` that brought it in, if any.
pub(super) fn merged_by(oids: &[Oid], parents: &[Vec<Oid>], tip: Oid) -> Vec<Option<usize>> {
    let index: HashMap<Oid, usize> = oids.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    let mut line = Vec::new();
    let mut next = index.get(&tip).copied();
    while let Some(i) = next {
        line.push(i);
        next = parents[i].first().and_then(|p| index.get(p)).copied();
    }
    let mut claimed = vec![false; oids.len()];
    let mut out = vec![None; oids.len()];
    let mut stack: Vec<usize> = Vec::new();
    for &merge in line.iter().rev() {
        claimed[merge] = true;
        stack.extend(
            parents[merge]
                .iter()
                .skip(1)
                .filter_map(|p| index.get(p).copied()),
        );
        while let Some(j) = stack.pop() {
            if std::mem::replace(&mut claimed[j], true) {
                continue;
            }
            out[j] = Some(merge);
            stack.extend(parents[j].iter().filter_map(|p| index.get(p).copied()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    /// A history given as (commit, parents), newest first; returns commit -> merged_by.
    fn assign(history: &[(u8, &[u8])]) -> Vec<(u8, Option<u8>)> {
        let oids: Vec<Oid> = history.iter().map(|(c, _)| oid(*c)).collect();
        let parents: Vec<Vec<Oid>> = history
            .iter()
            .map(|(_, ps)| ps.iter().map(|p| oid(*p)).collect())
            .collect();
        let by = merged_by(&oids, &parents, oids[0]);
        history
            .iter()
            .zip(by)
            .map(|((c, _), m)| (*c, m.map(|i| history[i].0)))
            .collect()
    }

    #[test]
    fn a_sync_merge_never_claims_what_the_main_line_had() {
        // main: 1 <- 3 (PR merge of feature 2) <- 6 (merge of branch x)
        // x: 4 (branched from 1) <- 5 (sync merge of main at 3 into x)
        let got = assign(&[
            (6, &[3, 5]),
            (5, &[4, 3]),
            (4, &[1]),
            (3, &[1, 2]),
            (2, &[1]),
            (1, &[]),
        ]);
        let by: HashMap<u8, Option<u8>> = got.into_iter().collect();
        assert_eq!(
            by[&2],
            Some(3),
            "the feature commit belongs to its PR merge"
        );
        assert_eq!(by[&5], Some(6));
        assert_eq!(by[&4], Some(6));
        assert_eq!(by[&3], None, "first-parent commits are on the line");
        assert_eq!(by[&1], None);
    }

    #[test]
    fn an_octopus_merge_claims_every_side_branch() {
        let got = assign(&[
            (5, &[1, 2, 3, 4]),
            (4, &[1]),
            (3, &[1]),
            (2, &[1]),
            (1, &[]),
        ]);
        let by: HashMap<u8, Option<u8>> = got.into_iter().collect();
        assert_eq!((by[&2], by[&3], by[&4]), (Some(5), Some(5), Some(5)));
    }
}
