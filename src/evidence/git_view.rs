//! The git repository as one product sees it: the whole repository when the scan root is the top
//! of its work tree, or one folder of it (`products/planner/` of a monorepo). Every reader of
//! git trees (the history walk, release ranges, last changes, secrets, `--rev` and `--base`)
//! takes a commit's tree through the view, so that in a folder it gets the folder's subtree and
//! every path it sees is relative to the scan root, as in the work tree; a commit that does not
//! change the folder is not the product's ([`GitView::touches`]).

use git2::{Commit, ObjectType, Oid, Repository, Tree};
use std::ops::Deref;
use std::path::Path;

pub struct GitView {
    repo: Repository,
    /// The scan root inside the work tree, `/`-terminated (`products/planner/`); empty at the top.
    folder: String,
}

impl GitView {
    /// `folder` is the root's place in the work tree, `/`-separated, with or without a final `/`.
    pub fn new(repo: Repository, folder: &str) -> GitView {
        let folder = folder.trim_matches('/');
        let folder = if folder.is_empty() {
            String::new()
        } else {
            format!("{folder}/")
        };
        GitView { repo, folder }
    }

    /// A second handle on the same repository, showing the same folder, for another thread: a
    /// `Repository` may move between threads but not be shared by them.
    pub fn reopen(&self) -> Result<GitView, git2::Error> {
        Ok(GitView {
            repo: Repository::open(self.repo.path())?,
            folder: self.folder.clone(),
        })
    }

    /// The folder the view shows (`products/planner/`), empty for the whole repository.
    pub fn folder(&self) -> &str {
        &self.folder
    }

    /// The id of `commit`'s tree as the view shows it: the folder's subtree (None when the commit
    /// has no such folder).
    pub fn tree_id(&self, commit: &Commit<'_>) -> Option<Oid> {
        self.subtree_id(commit.tree_id())
    }

    /// The id of a commit's tree as the view shows it, from the id of its whole tree `tree`.
    pub fn subtree_id(&self, tree: Oid) -> Option<Oid> {
        if self.folder.is_empty() {
            return Some(tree);
        }
        let entry = self
            .repo
            .find_tree(tree)
            .ok()?
            .get_path(Path::new(self.folder.trim_end_matches('/')))
            .ok()?;
        (entry.kind() == Some(ObjectType::Tree)).then(|| entry.id())
    }

    /// `commit`'s tree as the view shows it (see [`GitView::tree_id`]).
    pub fn tree(&self, commit: &Commit<'_>) -> Result<Option<Tree<'_>>, git2::Error> {
        match self.tree_id(commit) {
            Some(id) => self.repo.find_tree(id).map(Some),
            None => Ok(None),
        }
    }

    /// The view's tree at a commit id (see [`GitView::tree_id`]).
    pub fn tree_id_at(&self, commit: Oid) -> Result<Option<Oid>, git2::Error> {
        Ok(self.tree_id(&self.repo.find_commit(commit)?))
    }

    /// Whether `commit` changed what the view shows, against its first parent (a root commit:
    /// whether it has the folder). Always true for the whole repository, so that commits that
    /// change nothing (an empty commit, a merge that took one side) are still the product's.
    pub fn touches(&self, commit: &Commit<'_>) -> bool {
        if self.folder.is_empty() {
            return true;
        }
        let parent = commit.parents().next();
        self.touches_trees(self.tree_id(commit), parent.and_then(|p| self.tree_id(&p)))
    }

    /// [`GitView::touches`], from the trees the view shows of a commit and of its first parent
    /// ([`GitView::subtree_id`]).
    pub fn touches_trees(&self, tree: Option<Oid>, parent_tree: Option<Oid>) -> bool {
        self.folder.is_empty() || tree != parent_tree
    }

    /// A path relative to the scan root as the repository names it (`products/planner/` + path).
    pub fn repo_path(&self, path: &str) -> String {
        format!("{}{path}", self.folder)
    }
}

impl Deref for GitView {
    type Target = Repository;

    fn deref(&self) -> &Repository {
        &self.repo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit_files(repo: &Repository, files: &[(&str, &str)], parent: Option<Oid>) -> Oid {
        let mut index = repo.index().unwrap();
        for (path, text) in files {
            let full = repo.workdir().unwrap().join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(&full, text).unwrap();
            index.add_path(Path::new(path)).unwrap();
        }
        index.write().unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig = git2::Signature::now("t", "t@example.com").unwrap();
        let parents: Vec<Commit<'_>> = parent
            .into_iter()
            .map(|p| repo.find_commit(p).unwrap())
            .collect();
        let refs: Vec<&Commit<'_>> = parents.iter().collect();
        repo.commit(Some("HEAD"), &sig, &sig, "c", &tree, &refs)
            .unwrap()
    }

    #[test]
    fn a_folder_view_shows_the_subtree_and_only_commits_that_change_it() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let first = commit_files(&repo, &[("other/a.txt", "a")], None);
        let second = commit_files(&repo, &[("products/p/b.txt", "b")], Some(first));
        let third = commit_files(&repo, &[("other/a.txt", "a2")], Some(second));
        let view = GitView::new(Repository::open(dir.path()).unwrap(), "products/p");
        let at = |id| view.find_commit(id).unwrap();
        assert_eq!(view.folder(), "products/p/");
        assert_eq!(view.tree_id(&at(first)), None, "no folder yet");
        let tree = view.tree(&at(second)).unwrap().unwrap();
        assert!(
            tree.get_path(Path::new("b.txt")).is_ok(),
            "paths from the root"
        );
        assert!(!view.touches(&at(first)));
        assert!(view.touches(&at(second)));
        assert!(
            !view.touches(&at(third)),
            "a change elsewhere is not the product's"
        );
        assert_eq!(view.repo_path("b.txt"), "products/p/b.txt");

        let whole = GitView::new(Repository::open(dir.path()).unwrap(), "");
        assert!(whole.touches(&whole.find_commit(third).unwrap()));
        assert_eq!(whole.repo_path("x"), "x");
    }
}
