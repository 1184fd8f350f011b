//! The git repository behind a scan root: whether there is one at the top of PATH, and its
//! identity (HEAD, branch, origin, shallowness) for reports and SARIF provenance.

use crate::date::Date;
use crate::evidence::{Evidence, RepositoryFacts};
use git2::{Oid, Repository};
use std::path::Path;

/// Opens the repository only when `root` is the top of its work tree (DESIGN.md §1).
pub fn open(root: &Path) -> (Option<Repository>, RepositoryFacts) {
    let name = root
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| root.display().to_string());
    let mut facts = RepositoryFacts {
        name,
        ..Default::default()
    };
    let Ok(repo) = Repository::open(root) else {
        return (None, facts);
    };
    let at_top = match (
        repo.workdir().and_then(|w| w.canonicalize().ok()),
        root.canonicalize().ok(),
    ) {
        (Some(w), Some(r)) => w == r,
        _ => false,
    };
    if !at_top {
        return (None, facts);
    }
    facts.is_git = true;
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
    (Some(repo), facts)
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
pub fn notices(evidence: &Evidence) -> Vec<String> {
    let mut out = Vec::new();
    let repo = evidence.get("repository");
    if repo.get("is_git").and_then(|v| v.as_bool()) != Some(true) {
        out.push("not the top of a git work tree: files were walked from disk and git history was not read".into());
    }
    if repo.get("shallow").and_then(|v| v.as_bool()) == Some(true) {
        out.push(
            "shallow clone: git history is truncated; history rules say so rather than pass".into(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
