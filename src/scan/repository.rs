//! The git repository behind a scan root: whether PATH is its work tree's top or a folder of it, and its
//! identity (HEAD, branch, origin, shallowness) for reports and SARIF provenance.

use crate::date::Date;
use crate::evidence::git_view::GitView;
use crate::evidence::{Evidence, RepositoryFacts};
use crate::lang::Text;
use crate::scan::alternates::{OutsideAlternate, check_alternates};
use crate::scan::loose_objects::{CorruptObject, verify_loose_objects};
use git2::{Oid, Repository};
use std::path::Path;

/// Why a repository is refused before libgit2 reads any of its objects.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Corrupt(#[from] CorruptObject),
    #[error(transparent)]
    Alternate(#[from] OutsideAlternate),
}

/// Opens the repository whose work tree `root` is the top of, or a folder of (a product of a
/// monorepo: the view then shows that folder, see [`GitView`]), after checking its alternates
/// ([`check_alternates`]: none outside the work tree or the git folder) and its loose objects
/// ([`verify_loose_objects`]: a corrupt one is an error). A root inside the git folder itself,
/// in no work tree, or in a folder git tracks no file of, has no repository.
pub fn open(root: &Path) -> Result<(Option<GitView>, RepositoryFacts), Refused> {
    let name = root
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| root.display().to_string());
    let mut facts = RepositoryFacts {
        name,
        ..Default::default()
    };
    let Ok(repo) = Repository::discover(root) else {
        return Ok((None, facts));
    };
    let (Some(top), Ok(real_root)) = (
        repo.workdir().and_then(|w| w.canonicalize().ok()),
        root.canonicalize(),
    ) else {
        return Ok((None, facts));
    };
    let Some(folder) = folder_below(&top, &real_root) else {
        return Ok((None, facts));
    };
    if !folder.is_empty() && !tracks_files_in(&repo, &folder) {
        // An untracked or ignored folder (a build output, a vendored copy) is a plain directory.
        return Ok((None, facts));
    }
    let root = top.as_path();
    let objects = repo.commondir().join("objects");
    let allowed: Vec<_> = [root, repo.commondir()]
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    check_alternates(&objects, &allowed)?;
    verify_loose_objects(&objects)?;
    facts.is_git = true;
    facts.folder = folder.clone();
    facts.shallow = repo.is_shallow();
    if let Ok(head) = repo.head() {
        facts.head = head.target().map(|o| o.to_string());
        if head.is_branch() {
            facts.branch = head.shorthand().ok().map(|s| s.to_string());
        }
    }
    facts.origin_url = repo
        .find_remote("origin")
        .ok()
        .and_then(|r| r.url().ok().map(public_url));
    Ok((Some(GitView::new(repo, &folder)), facts))
}

/// Whether the index has a file in `folder` (`/`-terminated).
fn tracks_files_in(repo: &Repository, folder: &str) -> bool {
    repo.index()
        .is_ok_and(|index| index.iter().any(|e| e.path.starts_with(folder.as_bytes())))
}

/// `root`'s place below the work tree's `top` (`products/planner/`; empty at the top), `/`-separated
/// and `/`-terminated; None when `root` is not below `top` or is inside a `.git` folder.
fn folder_below(top: &Path, root: &Path) -> Option<String> {
    let rel = root.strip_prefix(top).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.iter().any(|p| p == ".git") {
        return None;
    }
    Some(parts.iter().map(|p| format!("{p}/")).collect())
}

/// The top of the git work tree that `path` lies below, when `path` is a folder inside one (not
/// its top), has no config of its own and the top has one: the repository a user in a subfolder
/// means, as git finds it. None otherwise (a folder with its own config is scanned as given).
pub fn configured_top(path: &Path, config_names: &[&str]) -> Option<std::path::PathBuf> {
    let has_config = |dir: &Path| config_names.iter().any(|c| dir.join(c).is_file());
    if has_config(path) {
        return None;
    }
    let repo = Repository::discover(path).ok()?;
    let top = repo.workdir()?.canonicalize().ok()?;
    (top != path.canonicalize().ok()? && has_config(&top)).then_some(top)
}

/// A remote URL fit for a report: credentials removed, scp-style `host:path` made an https URL.
pub fn public_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let rest = rest.split_once('@').map_or(rest, |(_, r)| r);
        return format!("{scheme}://{rest}");
    }
    if let Some((user_host, path)) = url.split_once(':') {
        let host = user_host.split_once('@').map_or(user_host, |(_, h)| h);
        return format!("https://{host}/{}", path.trim_start_matches('/'));
    }
    url.to_string()
}

/// A revision's commit id and committer time.
pub fn resolve_commit(repo: &Repository, rev: &str) -> Result<(Oid, i64), git2::Error> {
    let commit = repo.revparse_single(rev)?.peel_to_commit()?;
    Ok((commit.id(), commit.time().seconds()))
}

/// The committer date of HEAD, if there is a commit.
pub fn head_commit_date(repo: &Repository) -> Option<Date> {
    let commit = repo.head().ok()?.peel_to_commit().ok()?;
    Date::from_unix(commit.time().seconds())
}

/// Things about the scan itself that every report should say.
pub fn notices(evidence: &Evidence) -> Vec<Text> {
    let mut out = Vec::new();
    let repo = evidence.get("repository");
    if repo.get("is_git").and_then(|v| v.as_bool()) != Some(true) {
        out.push(Text::new(
            "not in a git work tree (or in a folder git tracks nothing of): files were walked from disk and git history was not read",
            "git 작업 트리 안이 아님(또는 git이 추적하는 파일이 없는 폴더): 파일은 디스크에서 읽었고 git 이력은 읽지 않음",
        ));
    }
    if repo.get("shallow").and_then(|v| v.as_bool()) == Some(true) {
        out.push(Text::new(
            "shallow clone: git history is truncated; history rules say so rather than pass",
            "얕은 복제(shallow clone): git 이력이 잘려 있어 이력 규칙은 통과 대신 그 사실을 알림",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_a_work_tree_opens_as_a_view_of_it_when_git_tracks_files_there() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("products/planner");
        std::fs::create_dir_all(&folder).unwrap();
        assert!(open(&folder).unwrap().0.is_none(), "no repository yet");
        let repo = Repository::init(dir.path()).unwrap();
        std::fs::write(folder.join("README.md"), "# Planner\n").unwrap();
        assert!(
            open(&folder).unwrap().0.is_none(),
            "an untracked folder is a plain directory"
        );
        let mut index = repo.index().unwrap();
        index
            .add_path(Path::new("products/planner/README.md"))
            .unwrap();
        index.write().unwrap();
        let (view, facts) = open(&folder).unwrap();
        assert_eq!(view.unwrap().folder(), "products/planner/");
        assert_eq!(facts.folder, "products/planner/");
        assert!(facts.is_git);
        let (view, facts) = open(dir.path()).unwrap();
        assert_eq!(view.unwrap().folder(), "");
        assert_eq!(facts.folder, "");
        assert!(open(&dir.path().join(".git")).unwrap().0.is_none());
    }

    #[test]
    fn urls_lose_credentials() {
        assert_eq!(
            public_url("https://user:tok@github.com/o/r.git"),
            "https://github.com/o/r.git"
        );
        assert_eq!(
            public_url("git@github.com:o/r.git"),
            "https://github.com/o/r.git"
        );
        assert_eq!(
            public_url("https://github.com/o/r"),
            "https://github.com/o/r"
        );
    }
}
