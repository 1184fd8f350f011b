//! The last commit that changed each regulatory document, so policies can tell how current a plan
//! or threat model is without a full history extractor.
//!
//! The lookup is bounded to the documents concerned: it walks first parents from HEAD (what landed
//! on the branch) and, for each document not yet resolved, compares the entry at that path in the
//! commit's tree and in its parent's. A document resolves at the commit that introduced the
//! content being scanned (its blob id, when known), so a `--rev` scan of an older revision gets
//! that revision's answer. The walk stops when every document is resolved, or after
//! [`MAX_COMMITS`]; a shallow clone's boundary commit never counts as a change.

use super::source::Inventory;
use crate::date::Date;
use git2::{Commit, Oid, Repository, Tree};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The most commits walked looking for documents' last changes.
pub const MAX_COMMITS: usize = 5000;

/// A commit, as the evidence names it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CommitRef {
    pub id: String,
    /// Committer date, UTC.
    pub date: String,
    pub summary: String,
}

/// For each of `paths`, the last commit on the first-parent line from HEAD that changed it.
/// Paths with no such commit within the bound (or uncommitted content) are absent.
pub fn last_changes(
    repo: &Repository,
    inventory: &Inventory,
    paths: &BTreeSet<&str>,
) -> BTreeMap<String, CommitRef> {
    let mut wanted: BTreeMap<&str, Option<Oid>> = paths
        .iter()
        .map(|p| (*p, inventory.get(p).and_then(|e| e.blob)))
        .collect();
    let mut found = BTreeMap::new();
    let Ok(mut commit) = repo.head().and_then(|h| h.peel_to_commit()) else {
        return found;
    };
    for _ in 0..MAX_COMMITS {
        if wanted.is_empty() {
            break;
        }
        let parent = commit.parent(0).ok();
        let at_boundary = parent.is_none() && repo.is_shallow();
        if let (Ok(tree), false) = (commit.tree(), at_boundary) {
            let parent_tree = parent.as_ref().and_then(|p| p.tree().ok());
            let changed = changed_here(&tree, parent_tree.as_ref(), &wanted);
            for path in changed {
                wanted.remove(path);
                found.insert(path.to_string(), commit_ref(&commit));
            }
        }
        match parent {
            Some(p) => commit = p,
            None => break,
        }
    }
    found
}

/// The wanted paths whose entry differs between `tree` and `parent`, and (when the scanned blob
/// is known) whose entry in `tree` is that blob.
fn changed_here<'p>(
    tree: &Tree,
    parent: Option<&Tree>,
    wanted: &BTreeMap<&'p str, Option<Oid>>,
) -> Vec<&'p str> {
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

pub(super) fn commit_ref(commit: &Commit) -> CommitRef {
    CommitRef {
        id: commit.id().to_string(),
        date: Date::from_unix(commit.time().seconds())
            .map(|d| d.to_string())
            .unwrap_or_default(),
        summary: commit
            .summary()
            .ok()
            .flatten()
            .unwrap_or_default()
            .to_string(),
    }
}
