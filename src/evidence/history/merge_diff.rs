//! What a merge changed itself: the paths where its tree differs from every parent's (git's
//! combined diff, `git log -c`), that is its conflict resolutions and any change made in the
//! merge commit ("evil merges"). A path the merge took from one of its parents is a change of
//! the commits that parent brought, not of the merge.
//!
//! Used when every commit a merge brought in is itself in scope (the whole history): their
//! changes are then in the evidence already, and diffing the merge against its first parent
//! would list them all again (on a merge-heavy history, three times the changed paths of
//! `git log --name-only`). Subtrees are compared by object id, and the walk descends only where
//! the merge's subtree differs from every parent's, so a clean merge costs a few tree reads.

use super::tree_diff::{Change, ChangeStatus, Side, TreeDiffer, full_path, is_tree, pair_renames};
use git2::{Oid, Tree, TreeEntry};
use std::collections::BTreeSet;

/// One side's entry at a name, split into its file part and its subtree part (a name can be a
/// file on one side and a folder on another).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Parts {
    file: Option<(Oid, i32)>,
    tree: Option<Oid>,
}

fn parts(entry: Option<TreeEntry<'_>>) -> Parts {
    match entry {
        Some(e) if is_tree(e.filemode()) => Parts {
            file: None,
            tree: Some(e.id()),
        },
        Some(e) => Parts {
            file: Some((e.id(), e.filemode())),
            tree: None,
        },
        None => Parts::default(),
    }
}

impl<'r> TreeDiffer<'r> {
    /// The files where tree `merged` differs from every tree of `parents` (the first parent's
    /// first), with their status against the first parent, sorted by path, exact renames paired.
    pub fn merge_changes(
        &mut self,
        parents: &[Option<Oid>],
        merged: Option<Oid>,
    ) -> Result<Vec<Change>, git2::Error> {
        let mut out = Vec::new();
        let (first, others) = parents
            .split_first()
            .map_or((None, &[][..]), |(f, o)| (*f, o));
        self.combine(merged, first, others, "", &mut out)?;
        pair_renames(&mut out);
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// One folder level: every name of the merged or first-parent tree whose file or subtree
    /// differs from each parent's.
    fn combine(
        &mut self,
        merged: Option<Oid>,
        first: Option<Oid>,
        others: &[Option<Oid>],
        prefix: &str,
        out: &mut Vec<Change>,
    ) -> Result<(), git2::Error> {
        let merged = merged.map(|id| self.tree(id, Side::New)).transpose()?;
        let first = first.map(|id| self.tree(id, Side::Old)).transpose()?;
        let others: Vec<Option<Tree<'r>>> = others
            .iter()
            .map(|id| id.map(|id| self.repo.find_tree(id)).transpose())
            .collect::<Result<_, _>>()?;
        let names: BTreeSet<Vec<u8>> = [&merged, &first]
            .into_iter()
            .flatten()
            .flat_map(|t| t.iter().map(|e| e.name_bytes().to_vec()))
            .collect();
        let at = |tree: &Option<Tree<'r>>, name: &[u8]| {
            parts(tree.as_ref().and_then(|t| t.get_name_bytes(name)))
        };
        for name in names {
            let m = at(&merged, &name);
            let f = at(&first, &name);
            let o: Vec<Parts> = others.iter().map(|t| at(t, &name)).collect();
            let path = full_path(prefix, &name);
            if m.file != f.file && o.iter().all(|p| p.file != m.file) {
                let status = match (f.file, m.file) {
                    (None, _) => ChangeStatus::Added,
                    (_, None) => ChangeStatus::Deleted,
                    _ => ChangeStatus::Modified,
                };
                let blob = m.file.or(f.file).map_or(Oid::ZERO_SHA1, |(id, _)| id);
                out.push(Change {
                    path: path.clone(),
                    status,
                    old_path: None,
                    blob,
                });
            }
            if m.tree != f.tree && o.iter().all(|p| p.tree != m.tree) {
                let sub: Vec<Option<Oid>> = o.iter().map(|p| p.tree).collect();
                self.combine(m.tree, f.tree, &sub, &format!("{path}/"), out)?;
            }
        }
        Ok(())
    }
}
