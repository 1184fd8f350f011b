//! The ancestors of a commit, newest commit date first, read one at a time.
//!
//! libgit2's revwalk reads the whole reachable graph before it returns its first commit whenever
//! any sorting is set (`walk->limited`, even for `GIT_SORT_TIME` alone), so a walk cut short after
//! fifty commits still parses an 80,000-commit history. This walk keeps a queue ordered by
//! committer time, as `git log` does without `--topo-order`: it reads a commit's parents when it
//! returns the commit, so it reads no more than what it returns plus their parents. Commits with
//! the same time come in the order they were queued (a child before its parent). Parents missing
//! from the repository (a shallow clone's boundary) are skipped.
//!
//! What the walks need of a commit (its time, parents and tree: a [`Node`]) is read once per
//! repository in a process: a scan walks the newest commits for the release tags and for the
//! secret search, and a `--base` scan's two sides walk mostly the same commits. Looking a commit
//! up in a large pack was most of those walks' time.

use git2::{Oid, Repository};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// What a walk reads of a commit.
#[derive(Debug, Clone)]
pub struct Node {
    /// The committer time, in seconds.
    pub time: i64,
    pub parents: Arc<[Oid]>,
    /// The commit's (whole) tree.
    pub tree: Oid,
}

/// The nodes read so far, by repository (its git folder): a shallow clone and a complete one
/// may give the same commit different parents.
type Graphs = HashMap<PathBuf, HashMap<Oid, Node>>;

fn graphs() -> &'static Mutex<Graphs> {
    static GRAPHS: OnceLock<Mutex<Graphs>> = OnceLock::new();
    GRAPHS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The node of commit `id`, read once per repository in this process; the repository's error
/// when it does not have the commit.
pub fn node(repo: &Repository, id: Oid) -> Result<Node, git2::Error> {
    let known = graphs()
        .lock()
        .ok()
        .and_then(|g| g.get(repo.path()).and_then(|nodes| nodes.get(&id)).cloned());
    if let Some(known) = known {
        return Ok(known);
    }
    let commit = repo.find_commit(id)?;
    let node = Node {
        time: commit.time().seconds(),
        parents: commit.parent_ids().collect(),
        tree: commit.tree_id(),
    };
    if let Ok(mut g) = graphs().lock() {
        let nodes = g.entry(repo.path().to_path_buf()).or_default();
        nodes.insert(id, node.clone());
    }
    Ok(node)
}

/// A queued commit: the newest time comes first, then the earliest queued.
struct Queued {
    order: u64,
    id: Oid,
    node: Node,
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        self.node
            .time
            .cmp(&other.node.time)
            .then_with(|| other.order.cmp(&self.order))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Queued {}

/// An iterator over `tip` and its ancestors, newest first, as (id, node); see the module
/// documentation.
pub struct NewestFirst<'r> {
    repo: &'r Repository,
    queue: BinaryHeap<Queued>,
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
        let node = node(repo, tip)?;
        walk.seen.insert(tip);
        walk.enqueue(tip, node);
        Ok(walk)
    }

    fn enqueue(&mut self, id: Oid, node: Node) {
        self.queued += 1;
        self.queue.push(Queued {
            order: self.queued,
            id,
            node,
        });
    }
}

impl Iterator for NewestFirst<'_> {
    type Item = (Oid, Node);

    fn next(&mut self) -> Option<(Oid, Node)> {
        let Queued { id, node, .. } = self.queue.pop()?;
        for &parent in node.parents.iter() {
            if self.seen.insert(parent)
                && let Ok(found) = self::node(self.repo, parent)
            {
                self.enqueue(parent, found);
            }
        }
        Some((id, node))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use git2::{Commit, Signature};

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
            .map(|(id, _)| id)
            .collect();
        // Equal times: the child (queued first) before its parent.
        assert_eq!(order, [tip, merge, b, a, root]);
    }

    #[test]
    fn each_commit_is_read_once_per_repository() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let root = commit(&repo, &[], 100);
        let middle = commit(&repo, &[root], 200);
        let tip = commit(&repo, &[middle], 300);
        let ids = |repo: &Repository| -> Vec<Oid> {
            NewestFirst::new(repo, tip)
                .unwrap()
                .map(|(id, _)| id)
                .collect()
        };
        assert_eq!(ids(&repo), [tip, middle, root]);
        // The middle commit's object is gone: this process still knows it for this repository
        // (even through a second handle on it), but not for a copy of the repository.
        let copy = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("cp")
            .args(["-r", &format!("{}/.", dir.path().display())])
            .arg(copy.path())
            .status()
            .unwrap();
        assert!(status.success());
        let hex = middle.to_string();
        for root_dir in [dir.path(), copy.path()] {
            std::fs::remove_file(
                root_dir
                    .join(".git/objects")
                    .join(&hex[..2])
                    .join(&hex[2..]),
            )
            .unwrap();
        }
        assert_eq!(
            ids(&Repository::open(dir.path()).unwrap()),
            [tip, middle, root]
        );
        assert_eq!(ids(&Repository::open(copy.path()).unwrap()), [tip]);
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
        let first: Vec<(Oid, Node)> = walk.by_ref().take(3).collect();
        assert_eq!(first.len(), 3);
        assert_eq!(walk.seen.len(), 4, "three returned, one queued");
    }
}
