//! The ancestors of a commit, newest commit date first, read one at a time.
//!
//! libgit2's revwalk reads the whole reachable graph before it returns its first commit whenever
//! any sorting is set (`walk->limited`, even for `GIT_SORT_TIME` alone), so a walk cut short after
//! fifty commits still parses an 80,000-commit history. This walk keeps a queue ordered by
//! committer time, as `git log` does without `--topo-order`: it reads a commit's parents when it
//! returns the commit, so it reads no more than what it returns plus their parents. Commits with
//! the same time come in the order they were queued (a child before its parent). Parents missing
//! from the repository (a shallow clone's boundary) are skipped.

use git2::{Commit, Oid, Repository};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

/// A queued commit: the newest time comes first, then the earliest queued.
struct Queued<'r> {
    time: i64,
    order: u64,
    commit: Commit<'r>,
}

impl Ord for Queued<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.time
            .cmp(&other.time)
            .then_with(|| other.order.cmp(&self.order))
    }
}

impl PartialOrd for Queued<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Queued<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Queued<'_> {}

/// An iterator over `tip` and its ancestors, newest first; see the module documentation.
pub struct NewestFirst<'r> {
    repo: &'r Repository,
    queue: BinaryHeap<Queued<'r>>,
    seen: HashSet<Oid>,
    queued: u64,
}

impl<'r> NewestFirst<'r> {
    pub fn new(repo: &'r Repository, tip: Oid) -> Result<NewestFirst<'r>, git2::Error> {
        let mut walk = NewestFirst {
            repo,
            queue: BinaryHeap::new(),
            seen: HashSet::new(),
            queued: 0,
        };
        let commit = repo.find_commit(tip)?;
        walk.seen.insert(tip);
        walk.enqueue(commit);
        Ok(walk)
    }

    fn enqueue(&mut self, commit: Commit<'r>) {
        self.queued += 1;
        self.queue.push(Queued {
            time: commit.time().seconds(),
            order: self.queued,
            commit,
        });
    }
}

impl<'r> Iterator for NewestFirst<'r> {
    type Item = Commit<'r>;

    fn next(&mut self) -> Option<Commit<'r>> {
        let Queued { commit, .. } = self.queue.pop()?;
        for id in commit.parent_ids() {
            if self.seen.insert(id)
                && let Ok(parent) = self.repo.find_commit(id)
            {
                self.enqueue(parent);
            }
        }
        Some(commit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use git2::Signature;

    /// A commit on `parents` at `time` (seconds), with an empty tree.
    fn commit(repo: &Repository, parents: &[Oid], time: i64) -> Oid {
        let tree = repo
            .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
            .unwrap();
        let sig = Signature::new("T", "t@example.com", &git2::Time::new(time, 0)).unwrap();
        let parents: Vec<Commit> = parents
            .iter()
            .map(|p| repo.find_commit(*p).unwrap())
            .collect();
        let refs: Vec<&Commit> = parents.iter().collect();
        repo.commit(None, &sig, &sig, "c", &tree, &refs).unwrap()
    }

    #[test]
    fn ancestors_come_newest_first_each_once() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let root = commit(&repo, &[], 100);
        let a = commit(&repo, &[root], 200);
        let b = commit(&repo, &[root], 300);
        let merge = commit(&repo, &[a, b], 400);
        let tip = commit(&repo, &[merge], 400);
        let order: Vec<Oid> = NewestFirst::new(&repo, tip)
            .unwrap()
            .map(|c| c.id())
            .collect();
        // Equal times: the child (queued first) before its parent.
        assert_eq!(order, [tip, merge, b, a, root]);
    }

    #[test]
    fn a_short_walk_reads_only_what_it_returns_and_their_parents() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let mut tip = commit(&repo, &[], 0);
        for t in 1..200 {
            tip = commit(&repo, &[tip], t);
        }
        let mut walk = NewestFirst::new(&repo, tip).unwrap();
        let first: Vec<Commit> = walk.by_ref().take(3).collect();
        assert_eq!(first.len(), 3);
        assert_eq!(walk.seen.len(), 4, "three returned, one queued");
    }
}
