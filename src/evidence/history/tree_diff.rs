//! Changed paths between two git trees, found by comparing tree entries by object id and
//! descending only into subtrees whose ids differ.
//!
//! libgit2's `diff_tree_to_tree` costs in proportion to the size of the trees (every entry is
//! visited); history rules walk thousands of commits, so the cost must follow the size of the
//! change instead. A [`TreeDiffer`] keeps the trees it read for one comparison until the next:
//! walking a history newest first, a commit's parent tree is the next commit's own tree, so each
//! tree on a changed path is read from the object database once, and memory stays bounded by
//! the size of two changes (libgit2's own object cache can be switched off for the walk). Exact
//! renames (a path deleted and another added with the same blob) are paired afterwards;
//! similarity-based rename detection is not attempted.

use git2::{Oid, Repository, Tree, TreeEntry};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};

/// How a path changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// One changed file. Fields in sorted order, as the stored commit records keep their keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_path: Option<String>,
    pub path: String,
    pub status: ChangeStatus,
    #[serde(skip)]
    pub(super) blob: Oid,
}

pub(super) fn is_tree(mode: i32) -> bool {
    mode & 0o170000 == 0o040000
}

/// Git's tree order: names compare bytewise, a tree's name as if it ended in `/`.
fn git_order(a: (&[u8], i32), b: (&[u8], i32)) -> Ordering {
    let suffix = |mode| if is_tree(mode) { Some(b'/') } else { None };
    let a_bytes = a.0.iter().copied().map(Some).chain([suffix(a.1)]);
    let b_bytes = b.0.iter().copied().map(Some).chain([suffix(b.1)]);
    a_bytes.cmp(b_bytes)
}

fn key<'e>(e: &'e TreeEntry<'_>) -> (&'e [u8], i32) {
    (e.name_bytes(), e.filemode())
}

/// The files changed from `old` to `new` (tree ids; either may be absent: the empty tree),
/// sorted by path, with exact renames paired. For one comparison; walks use a [`TreeDiffer`].
pub fn changed_files(
    repo: &Repository,
    old: Option<Oid>,
    new: Option<Oid>,
) -> Result<Vec<Change>, git2::Error> {
    TreeDiffer::new(repo).changed_files(old, new)
}

/// Which side of a comparison a tree is read for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Old,
    New,
}

/// Roughly what a parsed tree costs in memory, per entry and in all.
const TREE_ENTRY_BYTES: usize = 80;
/// The most memory held by trees kept between comparisons.
const KEPT_TREES_BUDGET: usize = 64 << 20;

/// Compares trees, keeping the trees a comparison replaced until a later one introduces them.
///
/// Walking a history newest first, the old side of one commit's change (the tree it replaced)
/// is the new side of the older commit that introduced that tree, so each such tree is read
/// from the object database once instead of twice. Kept trees are bounded by
/// [`KEPT_TREES_BUDGET`]; the oldest go first.
pub struct TreeDiffer<'r> {
    pub(super) repo: &'r Repository,
    kept: HashMap<Oid, Tree<'r>>,
    /// Kept tree ids, oldest first (ids used since are skipped when evicting).
    order: VecDeque<Oid>,
    kept_bytes: usize,
    budget: usize,
}

impl<'r> TreeDiffer<'r> {
    pub fn new(repo: &'r Repository) -> TreeDiffer<'r> {
        TreeDiffer::with_budget(repo, KEPT_TREES_BUDGET)
    }

    /// A differ keeping at most about `budget` bytes of trees between comparisons.
    pub fn with_budget(repo: &'r Repository, budget: usize) -> TreeDiffer<'r> {
        TreeDiffer {
            repo,
            kept: HashMap::new(),
            order: VecDeque::new(),
            kept_bytes: 0,
            budget,
        }
    }

    /// The files changed from tree `old` to tree `new`, sorted by path, exact renames paired.
    pub fn changed_files(
        &mut self,
        old: Option<Oid>,
        new: Option<Oid>,
    ) -> Result<Vec<Change>, git2::Error> {
        let mut out = Vec::new();
        let old = old.map(|id| self.tree(id, Side::Old)).transpose()?;
        let new = new.map(|id| self.tree(id, Side::New)).transpose()?;
        self.compare(old.as_ref(), new.as_ref(), "", &mut out)?;
        pair_renames(&mut out);
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    pub(super) fn tree(&mut self, id: Oid, side: Side) -> Result<Tree<'r>, git2::Error> {
        match side {
            Side::New => match self.kept.remove(&id) {
                Some(tree) => {
                    self.kept_bytes -= tree_bytes(&tree);
                    Ok(tree)
                }
                None => self.repo.find_tree(id),
            },
            Side::Old => {
                if let Some(tree) = self.kept.get(&id) {
                    return Ok(tree.clone());
                }
                let tree = self.repo.find_tree(id)?;
                self.keep(id, tree.clone());
                Ok(tree)
            }
        }
    }

    fn keep(&mut self, id: Oid, tree: Tree<'r>) {
        self.kept_bytes += tree_bytes(&tree);
        self.kept.insert(id, tree);
        self.order.push_back(id);
        while self.kept_bytes > self.budget {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(tree) = self.kept.remove(&oldest) {
                self.kept_bytes -= tree_bytes(&tree);
            }
        }
        if self.order.len() > 2 * self.kept.len() + 1024 {
            let kept = &self.kept;
            self.order.retain(|id| kept.contains_key(id));
        }
    }

    /// Merges the two sorted entry lists, recursing where subtrees differ.
    fn compare(
        &mut self,
        old: Option<&Tree<'r>>,
        new: Option<&Tree<'r>>,
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        let mut old = old.into_iter().flat_map(|t| t.iter()).peekable();
        let mut new = new.into_iter().flat_map(|t| t.iter()).peekable();
        loop {
            let order = match (old.peek(), new.peek()) {
                (Some(a), Some(b)) => git_order(key(a), key(b)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => return Ok(()),
            };
            match order {
                Ordering::Less => {
                    let entry = old.next().expect("peeked");
                    self.side(&entry, prefix, ChangeStatus::Deleted, out)?;
                }
                Ordering::Greater => {
                    let entry = new.next().expect("peeked");
                    self.side(&entry, prefix, ChangeStatus::Added, out)?;
                }
                Ordering::Equal => {
                    let (a, b) = (old.next().expect("peeked"), new.next().expect("peeked"));
                    self.both(&a, &b, prefix, out)?;
                }
            }
        }
    }

    /// An entry on one side only: a file, or every file of a subtree.
    fn side(
        &mut self,
        entry: &TreeEntry<'_>,
        prefix: &str,
        status: ChangeStatus,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        let path = full_path(prefix, entry.name_bytes());
        if !is_tree(entry.filemode()) {
            out.push(Change {
                path,
                status,
                old_path: None,
                blob: entry.id(),
            });
            return Ok(());
        }
        let side = match status {
            ChangeStatus::Deleted => Side::Old,
            _ => Side::New,
        };
        let tree = self.tree(entry.id(), side)?;
        let sub = format!("{path}/");
        match status {
            ChangeStatus::Deleted => self.compare(Some(&tree), None, &sub, out),
            _ => self.compare(None, Some(&tree), &sub, out),
        }
    }

    /// An entry with the same name on both sides.
    fn both(
        &mut self,
        old: &TreeEntry<'_>,
        new: &TreeEntry<'_>,
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        if old.id() == new.id() && old.filemode() == new.filemode() {
            return Ok(());
        }
        if is_tree(old.filemode()) && is_tree(new.filemode()) {
            let (a, b) = (
                self.tree(old.id(), Side::Old)?,
                self.tree(new.id(), Side::New)?,
            );
            let sub = format!("{}/", full_path(prefix, new.name_bytes()));
            return self.compare(Some(&a), Some(&b), &sub, out);
        }
        out.push(Change {
            path: full_path(prefix, new.name_bytes()),
            status: ChangeStatus::Modified,
            old_path: None,
            blob: new.id(),
        });
        Ok(())
    }
}

fn tree_bytes(tree: &Tree<'_>) -> usize {
    TREE_ENTRY_BYTES * (tree.len() + 1)
}

pub(super) fn full_path(prefix: &str, name: &[u8]) -> String {
    format!("{prefix}{}", String::from_utf8_lossy(name))
}

/// Turns a deletion and an addition of the same blob into one rename (first come, first paired).
pub(super) fn pair_renames(changes: &mut Vec<Change>) {
    let mut deleted: HashMap<Oid, Vec<usize>> = HashMap::new();
    for (i, c) in changes.iter().enumerate() {
        if c.status == ChangeStatus::Deleted {
            deleted.entry(c.blob).or_default().push(i);
        }
    }
    if deleted.is_empty() {
        return;
    }
    let mut consumed = vec![false; changes.len()];
    for i in 0..changes.len() {
        if changes[i].status != ChangeStatus::Added {
            continue;
        }
        let Some(from) = deleted.get_mut(&changes[i].blob).and_then(|v| v.pop()) else {
            continue;
        };
        consumed[from] = true;
        let old_path = changes[from].path.clone();
        changes[i].status = ChangeStatus::Renamed;
        changes[i].old_path = Some(old_path);
    }
    let mut index = 0;
    changes.retain(|_| {
        let keep = !consumed[index];
        index += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, tree: bool) -> (&[u8], i32) {
        (name.as_bytes(), if tree { 0o040000 } else { 0o100644 })
    }

    #[test]
    fn trees_sort_as_if_their_names_ended_in_a_slash() {
        // Git stores "a.txt" before the tree "a" ("a/" > "a.txt" because '/' > '.').
        assert_eq!(
            git_order(item("a.txt", false), item("a", true)),
            Ordering::Less
        );
        assert_eq!(git_order(item("a", false), item("a", true)), Ordering::Less);
        assert_eq!(git_order(item("b", true), item("b", true)), Ordering::Equal);
    }

    #[test]
    fn an_identical_blob_moved_is_one_rename() {
        let blob = Oid::from_str("1111111111111111111111111111111111111111").unwrap();
        let change = |path: &str, status| Change {
            path: path.into(),
            status,
            old_path: None,
            blob,
        };
        let mut v = vec![
            change("new/x.rs", ChangeStatus::Added),
            change("old/x.rs", ChangeStatus::Deleted),
        ];
        pair_renames(&mut v);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].status, ChangeStatus::Renamed);
        assert_eq!(v[0].old_path.as_deref(), Some("old/x.rs"));
    }
}
