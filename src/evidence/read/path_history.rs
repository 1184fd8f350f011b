//! When files last changed in git, for the extractors that date a file rather than read a
//! history: documents (how current a plan or threat model is), lockfiles against SBOMs (MFDS-CYB-003
//! freshness) and risk management reports (MFDS-RSK-004).
//!
//! One bounded lookup serves them all. It walks first parents from the scanned commit (`--rev`,
//! else HEAD: what landed on the branch) and, for each path not yet resolved, compares the entry
//! at that path in the commit's tree and in its parent's. A path resolves at the commit that
//! introduced the content being scanned (its blob id, when known), so a `--rev` scan of an older
//! revision gets that revision's answer. The walk stops when every path is resolved, or after
//! [`MAX_COMMITS`]; a shallow clone's boundary commit never counts as a change (what it changed
//! is unknown). The same first-parent line serves the interface-change lookup.

use crate::date::Date;
use crate::evidence::Context;
use git2::{Commit, Oid, Repository, Tree};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The most commits walked looking for files' last changes. A file not changed within them is
/// left undated (as without history) and named in a diagnostic.
pub const MAX_COMMITS: usize = 10_000;

/// A commit, as the evidence names it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CommitRef {
    pub id: String,
    /// Committer date, UTC.
    pub date: String,
    pub summary: String,
    /// Committer time, Unix seconds.
    #[serde(skip)]
    pub time: i64,
}

/// A commit's subject line (empty when it has none or it is not UTF-8).
pub fn subject_of(commit: &Commit) -> String {
    commit
        .summary()
        .ok()
        .flatten()
        .unwrap_or_default()
        .to_string()
}

impl CommitRef {
    pub fn of(commit: &Commit) -> CommitRef {
        let time = commit.time().seconds();
        CommitRef {
            id: commit.id().to_string(),
            date: Date::from_unix(time)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            summary: subject_of(commit),
            time,
        }
    }

    /// The committer time as an RFC 3339 UTC timestamp.
    pub fn timestamp(&self) -> String {
        chrono::DateTime::from_timestamp(self.time, 0)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default()
    }
}

/// For each of `paths`, the last commit on the first-parent line from the scanned commit that
/// changed it (to the scanned content, when its blob is known). Paths with no such commit within
/// the bound, and every path without git history, are absent.
pub fn last_changes<'p>(
    ctx: &Context,
    paths: impl IntoIterator<Item = &'p str>,
) -> BTreeMap<String, CommitRef> {
    let inventory = ctx.source.inventory();
    let mut wanted: BTreeMap<&str, Option<Oid>> = paths
        .into_iter()
        .map(|p| (p, inventory.get(p).and_then(|e| e.blob)))
        .collect();
    let mut found = BTreeMap::new();
    let (Some(repo), Some(tip)) = (ctx.git, ctx.tip()) else {
        return found;
    };
    let mut walked = 0;
    for (commit, parent) in first_parent_line(repo, tip, MAX_COMMITS) {
        if wanted.is_empty() {
            break;
        }
        walked += 1;
        if let Ok(Some(tree)) = repo.tree(&commit) {
            let parent_tree = parent.as_ref().and_then(|p| repo.tree(p).ok().flatten());
            for path in changed_here(&tree, parent_tree.as_ref(), &wanted) {
                wanted.remove(path);
                found.insert(path.to_string(), CommitRef::of(&commit));
            }
        }
    }
    if walked == MAX_COMMITS {
        for path in wanted.keys() {
            ctx.diagnose(
                path,
                format!("not changed in the newest {MAX_COMMITS} commits walked: its last change is not dated"),
            );
        }
    }
    found
}

/// The commits on the first-parent line from `tip`, newest first and at most `max`, each with
/// its first parent. A shallow clone's boundary commit is left out: what it changed is unknown.
pub fn first_parent_line(
    repo: &Repository,
    tip: Oid,
    max: usize,
) -> impl Iterator<Item = (Commit<'_>, Option<Commit<'_>>)> {
    let first = repo.find_commit(tip).ok().map(|c| {
        let parent = c.parent(0).ok();
        (c, parent)
    });
    let shallow = repo.is_shallow();
    std::iter::successors(first, |(_, parent)| {
        let commit = parent.clone()?;
        let grandparent = commit.parent(0).ok();
        Some((commit, grandparent))
    })
    .take(max)
    .filter(move |(_, parent)| parent.is_some() || !shallow)
}

/// The wanted paths whose entry differs between `tree` and `parent`, and (when the scanned blob
/// is known) whose entry in `tree` is that blob.
fn changed_here<'p>(
    tree: &Tree,
    parent: Option<&Tree>,
    wanted: &BTreeMap<&'p str, Option<Oid>>,
) -> Vec<&'p str> {
    if parent.is_some_and(|p| p.id() == tree.id()) {
        return vec![];
    }
    let entry_id = |t: &Tree, p: &str| t.get_path(Path::new(p)).ok().map(|e| e.id());
    wanted
        .iter()
        .filter(|(path, blob)| {
            let here = entry_id(tree, path);
            let before = parent.and_then(|t| entry_id(t, path));
            here.is_some() && here != before && blob.is_none_or(|b| here == Some(b))
        })
        .map(|(path, _)| *path)
        .collect()
}
