//! Changed paths between two git trees, found by comparing tree entries by object id and
//! descending only into subtrees whose ids differ.
//!
//! libgit2's `diff_tree_to_tree` costs in proportion to the size of the trees (every entry is
//! visited); history rules walk thousands of commits, so the cost must follow the size of the
//! change instead. Exact renames (a path deleted and another added with the same blob) are paired
//! afterwards; similarity-based rename detection is not attempted.

use git2::{Oid, Repository, Tree, TreeEntry};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;

/// How a path changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// One changed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub path: String,
    pub status: ChangeStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_path: Option<String>,
    #[serde(skip)]
    blob: Oid,
}

/// A tree entry reduced to what the comparison needs.
struct Item {
    name: Vec<u8>,
    id: Oid,
    mode: i32,
}

impl Item {
    fn of(e: &TreeEntry<'_>) -> Item {
        Item {
            name: e.name_bytes().to_vec(),
            id: e.id(),
            mode: e.filemode(),
        }
    }

    fn is_tree(&self) -> bool {
        self.mode & 0o170000 == 0o040000
    }
}

/// Git's tree order: names compare bytewise, a tree's name as if it ended in `/`.
fn git_order(a: &Item, b: &Item) -> Ordering {
    let suffix = |i: &Item| if i.is_tree() { Some(b'/') } else { None };
    let a_bytes = a.name.iter().copied().map(Some).chain([suffix(a)]);
    let b_bytes = b.name.iter().copied().map(Some).chain([suffix(b)]);
    a_bytes.cmp(b_bytes)
}

fn items(tree: Option<&Tree<'_>>) -> Vec<Item> {
    tree.map(|t| t.iter().map(|e| Item::of(&e)).collect())
        .unwrap_or_default()
}

/// The files changed from `old` to `new` (either may be absent: the empty tree), sorted by path,
/// with exact renames paired.
pub fn changed_files(
    repo: &Repository,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
) -> Result<Vec<Change>, git2::Error> {
    let mut out = Vec::new();
    compare(repo, old, new, "", &mut out)?;
    pair_renames(&mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn compare(
    repo: &Repository,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
    prefix: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let (old, new) = (items(old), items(new));
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let order = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => git_order(a, b),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => {
                side(repo, &old[i], prefix, ChangeStatus::Deleted, out)?;
                i += 1;
            }
            Ordering::Greater => {
                side(repo, &new[j], prefix, ChangeStatus::Added, out)?;
                j += 1;
            }
            Ordering::Equal => {
                both(repo, &old[i], &new[j], prefix, out)?;
                i += 1;
                j += 1;
            }
        }
    }
    Ok(())
}

fn full_path(prefix: &str, name: &[u8]) -> String {
    format!("{prefix}{}", String::from_utf8_lossy(name))
}

/// An entry on one side only: a file, or every file of a subtree.
fn side(
    repo: &Repository,
    item: &Item,
    prefix: &str,
    status: ChangeStatus,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let path = full_path(prefix, &item.name);
    if !item.is_tree() {
        out.push(Change {
            path,
            status,
            old_path: None,
            blob: item.id,
        });
        return Ok(());
    }
    let tree = repo.find_tree(item.id)?;
    let sub = format!("{path}/");
    match status {
        ChangeStatus::Deleted => compare(repo, Some(&tree), None, &sub, out),
        _ => compare(repo, None, Some(&tree), &sub, out),
    }
}

/// An entry with the same name on both sides.
fn both(
    repo: &Repository,
    old: &Item,
    new: &Item,
    prefix: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    if old.id == new.id && old.mode == new.mode {
        return Ok(());
    }
    if old.is_tree() && new.is_tree() {
        let (a, b) = (repo.find_tree(old.id)?, repo.find_tree(new.id)?);
        let sub = format!("{}/", full_path(prefix, &new.name));
        return compare(repo, Some(&a), Some(&b), &sub, out);
    }
    out.push(Change {
        path: full_path(prefix, &new.name),
        status: ChangeStatus::Modified,
        old_path: None,
        blob: new.id,
    });
    Ok(())
}

/// Turns a deletion and an addition of the same blob into one rename (first come, first paired).
fn pair_renames(changes: &mut Vec<Change>) {
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

    fn item(name: &str, tree: bool) -> Item {
        Item {
            name: name.as_bytes().to_vec(),
            id: Oid::ZERO_SHA1,
            mode: if tree { 0o040000 } else { 0o100644 },
        }
    }

    #[test]
    fn trees_sort_as_if_their_names_ended_in_a_slash() {
        // Git stores "a.txt" before the tree "a" ("a/" > "a.txt" because '/' > '.').
        assert_eq!(
            git_order(&item("a.txt", false), &item("a", true)),
            Ordering::Less
        );
        assert_eq!(
            git_order(&item("a", false), &item("a", true)),
            Ordering::Less
        );
        assert_eq!(
            git_order(&item("b", true), &item("b", true)),
            Ordering::Equal
        );
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
