//! The history walk's tree comparison against git itself: for every commit of a generated
//! history (nested folders, additions, deletions, whole folders appearing and going, a file
//! turning into a folder, mode changes, exact moves), the changed files found by one `TreeDiffer`
//! walking newest first, with its kept trees and with almost none, equal what
//! `git diff-tree -r --no-renames` lists.

use crate::common::git;
use samdscan::evidence::history::tree_diff::{ChangeStatus, TreeDiffer, changed_files};
use std::collections::BTreeSet;
use std::path::Path;

/// A small deterministic generator, so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn file_path(i: usize) -> String {
    format!("d{}/e{}/f{}.txt", i % 3, i % 4, i)
}

/// Writes and commits one random change set; returns nothing, the repository is the record.
fn random_commit(dir: &Path, rng: &mut Rng, n: usize) {
    for _ in 0..1 + rng.below(4) {
        let path = dir.join(file_path(rng.below(40)));
        match rng.below(10) {
            0 | 1 if path.exists() => std::fs::remove_file(&path).unwrap(),
            2 if path.exists() => {
                let to = dir.join(format!("moved/m{n}.txt"));
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::rename(&path, to).unwrap();
            }
            _ => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, format!("{n}\n")).unwrap();
            }
        }
    }
    match n {
        7 => std::fs::remove_dir_all(dir.join("d1")).unwrap_or_default(),
        11 => std::fs::write(dir.join("thing"), "a file\n").unwrap(),
        15 => {
            std::fs::remove_file(dir.join("thing")).unwrap();
            std::fs::create_dir_all(dir.join("thing")).unwrap();
            std::fs::write(dir.join("thing/inside.txt"), "now a folder\n").unwrap();
        }
        _ => {}
    }
    git(dir, &["add", "-A"]);
    if n == 20 {
        git(dir, &["update-index", "--chmod=+x", "thing/inside.txt"]);
    }
    git(
        dir,
        &[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            &format!("change {n}"),
        ],
    );
}

/// What git lists for a commit against its first parent: `(status letter, path)`.
fn git_changes(dir: &Path, commit: &str) -> BTreeSet<(char, String)> {
    let out = git(
        dir,
        &[
            "diff-tree",
            "-r",
            "--root",
            "--no-renames",
            "--no-commit-id",
            "--name-status",
            commit,
        ],
    );
    out.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(s, p)| (s.chars().next().unwrap(), p.to_string()))
        .collect()
}

/// Our changes in git's terms: a rename is the deletion of its old path and an addition.
fn as_git_sees_it(
    changes: &[samdscan::evidence::history::tree_diff::Change],
) -> BTreeSet<(char, String)> {
    let mut out = BTreeSet::new();
    for c in changes {
        match c.status {
            ChangeStatus::Added => out.insert(('A', c.path.clone())),
            ChangeStatus::Modified => out.insert(('M', c.path.clone())),
            ChangeStatus::Deleted => out.insert(('D', c.path.clone())),
            ChangeStatus::Renamed => {
                out.insert(('D', c.old_path.clone().unwrap()));
                out.insert(('A', c.path.clone()))
            }
        };
    }
    out
}

#[test]
fn tree_comparison_agrees_with_git_diff_tree_on_every_commit() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for n in 0..40 {
        random_commit(dir.path(), &mut rng, n);
    }
    let repo = git2::Repository::open(dir.path()).unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push_head().unwrap();
    let commits: Vec<git2::Commit> = walk
        .map(|o| repo.find_commit(o.unwrap()).unwrap())
        .collect();
    assert_eq!(commits.len(), 40);
    let mut keeping = TreeDiffer::new(&repo);
    let mut forgetting = TreeDiffer::with_budget(&repo, 200);
    let mut renames = 0;
    for commit in &commits {
        let parent = commit.parent(0).ok().map(|p| p.tree_id());
        let expected = git_changes(dir.path(), &commit.id().to_string());
        let ours = keeping
            .changed_files(parent, Some(commit.tree_id()))
            .unwrap();
        renames += ours
            .iter()
            .filter(|c| c.status == ChangeStatus::Renamed)
            .count();
        let subject = commit.summary().unwrap().unwrap_or_default();
        assert_eq!(as_git_sees_it(&ours), expected, "{subject}");
        let small = forgetting
            .changed_files(parent, Some(commit.tree_id()))
            .unwrap();
        assert_eq!(small, ours, "{subject}, with almost no kept trees");
        let fresh = changed_files(&repo, parent, Some(commit.tree_id())).unwrap();
        assert_eq!(fresh, ours, "{subject}, compared alone");
    }
    assert!(renames > 0, "the generated history moves files");
}
