//! The walk over the commits in scope: which commits (the plan's ranges, limit and date, in
//! topological order), whether a shallow clone cut the walk short, and which merge brought each
//! commit in. A progress bar shows on a terminal when the walk is long.

use super::commits::{CommitReader, CommitRules};
use super::scope::ScopePlan;
use git2::{Oid, Repository, Sort};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;

/// Walks shorter than this finish before a progress bar would be worth drawing.
const PROGRESS_MIN_COMMITS: usize = 2_000;

pub struct Walked {
    /// Each commit as its evidence record (converted as it is read, so that a long history is
    /// held in memory once).
    pub commits: Vec<Value>,
    /// A commit in scope had its parents cut off by a shallow clone.
    pub truncated: bool,
}

/// Reads every commit in scope, newest first.
pub fn walk(
    repo: &Repository,
    rules: &CommitRules,
    tip: Oid,
    plan: &ScopePlan,
) -> Result<Walked, git2::Error> {
    let mut reader = CommitReader::new(repo, rules);
    let oids = scope_oids(repo, tip, plan)?;
    let boundaries = shallow_boundaries(repo);
    let progress = progress_bar(oids.len());
    let mut commits = Vec::with_capacity(oids.len());
    let mut truncated = false;
    for oid in &oids {
        let commit = reader.commit(*oid)?;
        let boundary = boundaries.contains(oid);
        truncated |= boundary;
        let record = reader.read(&commit, boundary)?;
        commits.push(serde_json::to_value(record).unwrap_or_default());
        progress.inc(1);
    }
    progress.finish_and_clear();
    assign_merges(repo, &oids, &mut commits)?;
    Ok(Walked { commits, truncated })
}

fn revwalk<'r>(
    repo: &'r Repository,
    tip: Oid,
    hide: &[Oid],
) -> Result<git2::Revwalk<'r>, git2::Error> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
    walk.push(tip)?;
    for h in hide {
        walk.hide(*h)?;
    }
    Ok(walk)
}

/// The commits of the plan: its own range (with limit and date), plus the `--base` range.
fn scope_oids(repo: &Repository, tip: Oid, plan: &ScopePlan) -> Result<Vec<Oid>, git2::Error> {
    let mut out = Vec::new();
    for oid in revwalk(repo, tip, &plan.hide)? {
        let oid = oid?;
        if plan.limit.is_some_and(|n| out.len() >= n) {
            break;
        }
        if let Some(since) = plan.since_time
            && repo.find_commit(oid)?.time().seconds() < since
        {
            continue;
        }
        out.push(oid);
    }
    if let Some(hide) = &plan.base_hide {
        let seen: HashSet<Oid> = out.iter().copied().collect();
        for oid in revwalk(repo, tip, hide)? {
            let oid = oid?;
            if !seen.contains(&oid) {
                out.push(oid);
            }
        }
    }
    Ok(out)
}

/// The commits listed in `.git/shallow`: their parents are not in the repository.
fn shallow_boundaries(repo: &Repository) -> HashSet<Oid> {
    if !repo.is_shallow() {
        return HashSet::new();
    }
    std::fs::read_to_string(repo.path().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

/// For each merge in scope, the commits in scope it brought in (newest merge first).
fn assign_merges(
    repo: &Repository,
    oids: &[Oid],
    commits: &mut [Value],
) -> Result<(), git2::Error> {
    let index: HashMap<Oid, usize> = oids.iter().enumerate().map(|(i, o)| (*o, i)).collect();
    for (i, oid) in oids.iter().enumerate() {
        if commits[i]["merge"] != true {
            continue;
        }
        let commit = repo.find_commit(*oid)?;
        let Some(first) = commit.parent_ids().next() else {
            continue;
        };
        let mut walk = repo.revwalk()?;
        for p in commit.parent_ids().skip(1) {
            walk.push(p)?;
        }
        walk.hide(first)?;
        for merged in walk {
            if let Some(&j) = index.get(&merged?)
                && commits[j]["merged_by"].is_null()
            {
                commits[j]["merged_by"] = commits[i]["id"].clone();
            }
        }
    }
    Ok(())
}

/// A bar on stderr, only on a terminal and only for long walks; hidden otherwise.
fn progress_bar(total: usize) -> ProgressBar {
    if total < PROGRESS_MIN_COMMITS || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    let style = ProgressStyle::with_template("reading history {bar:40} {pos}/{len} commits {eta}");
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}
