//! The walk over the commits in scope: which commits (the plan's ranges, limit and date, in
//! topological order), whether a shallow clone cut the walk short, and which merge brought each
//! commit in (see `merges`). A progress bar shows on a terminal when the walk is long.

use super::commits::{CommitReader, CommitRecord, CommitRules, MergeChanges};
use super::merges;
use super::scope::ScopePlan;
use crate::evidence::CommitList;
use crate::evidence::git_view::GitView;
use crate::evidence::read::newest_first::NewestFirst;
use git2::{Oid, Repository, Sort};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value, json};
use std::collections::{BTreeSet, HashSet};
use std::io::IsTerminal;

/// Walks shorter than this finish before a progress bar would be worth drawing.
const PROGRESS_MIN_COMMITS: usize = 2_000;

pub(super) struct Walked {
    /// Each commit as its evidence record.
    pub commits: CommitList,
    /// Each merge on the first-parent line that brought commits in, by id: its change
    /// references, the union of the areas of the commits it brought in, and how many there are.
    /// Policies look a commit's merge up here (`merges[c.merged_by]`) instead of searching the
    /// commits, so that a rule over every commit stays linear.
    pub merges: Map<String, Value>,
    /// A commit in scope had its parents cut off by a shallow clone.
    pub truncated: bool,
    /// The plan's commit limit left older commits out.
    pub limited: bool,
    /// Every commit read, the product's or not: with `history.scope: all`, every ancestor of
    /// the tip.
    pub read: HashSet<Oid>,
}

/// Reads every commit in scope, newest first.
pub(super) fn walk(
    repo: &GitView,
    rules: &CommitRules,
    tip: Oid,
    plan: &ScopePlan,
) -> Result<Walked, git2::Error> {
    let mut reader = CommitReader::new(repo, rules, merge_changes(repo, plan));
    let InScope {
        oids,
        product,
        limited,
    } = scope_oids(repo, tip, plan)?;
    let boundaries = shallow_boundaries(repo);
    let progress = progress_bar(oids.len());
    let mut records = Vec::with_capacity(oids.len());
    let mut parents = Vec::with_capacity(oids.len());
    let mut truncated = false;
    for oid in &oids {
        let commit = reader.commit(*oid)?;
        let boundary = boundaries.contains(oid);
        truncated |= boundary;
        parents.push(commit.parent_ids().collect::<Vec<_>>());
        records.push(reader.read(&commit, boundary)?);
        progress.inc(1);
    }
    progress.finish_and_clear();
    let merges = assign_merges(&oids, &parents, &product, tip, &mut records);
    let read = oids.iter().copied().collect();
    // Written out one by one, each typed record dropped as its text is made; in a folder view,
    // only the commits that change the folder.
    let ours = records.into_iter().zip(product).filter(|(_, ours)| *ours);
    let commits = CommitList::from_records(ours.map(|(r, _)| r), |r| r.changes.len());
    Ok(Walked {
        commits,
        merges,
        truncated,
        limited,
        read,
    })
}

/// A merge's changes are its own when every commit it brought in is in scope: the whole history
/// of a complete clone (no boundary, commit limit or date). A narrowed scope can leave out
/// commits a merge in it brought in (older than the limit or the date, or before the boundary),
/// so there a merge keeps its first-parent difference, as `git diff M^1 M` would show.
fn merge_changes(repo: &GitView, plan: &ScopePlan) -> MergeChanges {
    let whole = plan.hide.is_empty() && plan.limit.is_none() && plan.since_time.is_none();
    if whole && !repo.is_shallow() {
        MergeChanges::OwnOnly
    } else {
        MergeChanges::FromFirstParent
    }
}

/// Sets each record's `merged_by` and returns the merges index (see [`Walked::merges`]), which
/// counts the commits that are the product's (`product[j]`: all of them unless in a folder view).
fn assign_merges(
    oids: &[Oid],
    parents: &[Vec<Oid>],
    product: &[bool],
    tip: Oid,
    records: &mut [CommitRecord],
) -> Map<String, Value> {
    let by = merges::merged_by(oids, parents, tip);
    let mut brought: Vec<(usize, BTreeSet<String>)> = vec![(0, BTreeSet::new()); oids.len()];
    for (j, m) in by.iter().enumerate() {
        if let Some(m) = *m
            && product[j]
        {
            records[j].merged_by = Some(records[m].id.clone());
            brought[m].0 += 1;
            brought[m].1.extend(records[j].areas.iter().cloned());
        }
    }
    let mut index = Map::new();
    for (m, (count, areas)) in brought.into_iter().enumerate() {
        if count > 0 {
            let merge = json!({
                "references": records[m].references,
                "areas": areas,
                "commits": count,
            });
            index.insert(records[m].id.clone(), merge);
        }
    }
    index
}

/// The commits from `tip` not reachable from `hide`, newest first. libgit2 reads the whole range
/// before its first commit whenever its walk is sorted, so a walk cut short by a commit limit
/// (`--since N`, the untagged default) with nothing to hide goes by commit date
/// ([`NewestFirst`]), reading no more than it returns.
fn revwalk<'r>(
    repo: &'r Repository,
    tip: Oid,
    hide: &[Oid],
    limited: bool,
) -> Result<Box<dyn Iterator<Item = Result<Oid, git2::Error>> + 'r>, git2::Error> {
    if limited && hide.is_empty() {
        return Ok(Box::new(NewestFirst::new(repo, tip)?.map(|(id, _)| Ok(id))));
    }
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
    walk.push(tip)?;
    for h in hide {
        walk.hide(*h)?;
    }
    Ok(Box::new(walk))
}

/// The commits of a plan, newest first.
struct InScope {
    oids: Vec<Oid>,
    /// Whether each commit is the product's ([`GitView::touches`]; all are for the whole
    /// repository).
    product: Vec<bool>,
    /// The plan's commit limit left older commits out.
    limited: bool,
}

/// The commits of the plan: its own range (with limit and date), plus the `--base` range. In a
/// folder view the limit counts the commits that change the folder (`--since 50`: the product's
/// last 50 commits); the others are kept for the merge graph and left out of the evidence by
/// [`walk`].
fn scope_oids(repo: &GitView, tip: Oid, plan: &ScopePlan) -> Result<InScope, git2::Error> {
    let mut out = Vec::new();
    let mut product = Vec::new();
    let mut counted = 0;
    let mut limited = false;
    let whole = repo.folder().is_empty();
    for oid in revwalk(repo, tip, &plan.hide, plan.limit.is_some())? {
        let oid = oid?;
        if plan.limit.is_some_and(|n| counted >= n) {
            limited = true;
            break;
        }
        let commit = (!whole || plan.since_time.is_some())
            .then(|| repo.find_commit(oid))
            .transpose()?;
        if let (Some(since), Some(c)) = (plan.since_time, &commit)
            && c.time().seconds() < since
        {
            continue;
        }
        let ours = commit.as_ref().is_none_or(|c| repo.touches(c));
        counted += usize::from(ours);
        out.push(oid);
        product.push(ours);
    }
    if let Some(hide) = &plan.base_hide {
        let seen: HashSet<Oid> = out.iter().copied().collect();
        for oid in revwalk(repo, tip, hide, false)? {
            let oid = oid?;
            if !seen.contains(&oid) {
                out.push(oid);
                product.push(whole || repo.touches(&repo.find_commit(oid)?));
            }
        }
    }
    Ok(InScope {
        oids: out,
        product,
        limited,
    })
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
