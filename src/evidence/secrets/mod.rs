//! Committed credentials (MFDS-CYB-012): the scanned tree and the added lines of the newest
//! commits, searched with an offline pattern set ([`patterns`]). Each hit is recorded as its
//! kind, path, line and (for history) commit: never the secret itself.
//!
//! The work is bounded: files and blobs over [`MAX_BLOB_BYTES`] and binary files are skipped,
//! at most [`MAX_COMMITS`] commits (newest first, merges skipped; when the history scope is a
//! number of commits, `--since 50`, that many; both sides of a `--base` scan the same newest
//! commits, the branch's own besides) are read, and at most
//! [`MAX_HITS`] hits are kept; each cap that is hit is a diagnostic and a flag in the record,
//! so a capped scan never reads as clean.

mod patterns;

use super::git_view::GitView;
use super::history::commit_count_limit;
use super::history::tree_diff::{ChangeStatus, changed_files};
use super::read::bounded::{
    Purpose, Searched, diagnose_too_large, keep_first, search_files, text_of,
};
use super::read::newest_first::{NewestFirst, node};
use super::references::is_test_path;
use super::{Context, Extractor};
use git2::{Oid, Repository, Tree};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

/// Larger files and blobs are not searched.
const MAX_BLOB_BYTES: u64 = 1 << 20;
/// How many commits, newest first, have their added lines searched (fewer when the history scope
/// is a smaller number of commits).
const MAX_COMMITS: usize = 1000;
/// How many hits are kept.
const MAX_HITS: usize = 200;
/// What the diagnostics of a capped search name.
const PURPOSE: Purpose = Purpose {
    what: "committed secrets",
    rule: "MFDS-CYB-012",
};

#[derive(Debug, Clone, Serialize)]
struct SecretHit {
    kind: &'static str,
    path: String,
    line: usize,
    /// The commit that added the line (history hits only).
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_id: Option<String>,
    /// The same kind of secret is still in this file of the scanned tree.
    at_head: bool,
}

pub(super) struct SecretsExtractor;

impl Extractor for SecretsExtractor {
    fn key(&self) -> &'static str {
        "secrets"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let anchor = ctx.config.path.as_deref().unwrap_or(".");
        let mut hits = Vec::new();
        let searched = scan_tree(ctx, &mut hits);
        diagnose_too_large(ctx, anchor, searched.too_large, MAX_BLOB_BYTES, PURPOSE);
        let at_head: HashSet<(&'static str, String)> =
            hits.iter().map(|h| (h.kind, h.path.clone())).collect();
        let history = match (ctx.git, ctx.tip()) {
            (Some(repo), Some(tip)) => {
                let limit = history_limit(ctx, repo, tip);
                scan_history(repo, tip, limit, &at_head, &mut hits)
            }
            _ => Ok(History::default()),
        };
        let history = history.unwrap_or_else(|e| {
            ctx.diagnose(
                anchor,
                format!("cannot search the git history for secrets: {}", e.message()),
            );
            History::default()
        });
        if history.capped {
            // The same words on both sides of a `--base` scan, whose counts differ by the
            // branch's commits: a diagnostic is a finding, marked new or absent by its text.
            let searched = if ctx.repository.base_side || ctx.repository.base.is_some() {
                format!("the newest {MAX_COMMITS} commits of the base and the branch's own")
            } else {
                format!("the newest {MAX_COMMITS} commits")
            };
            ctx.diagnose(
                anchor,
                format!("only {searched} were searched for committed secrets (MFDS-CYB-012)"),
            );
        }
        let truncated = keep_first(ctx, anchor, &mut hits, MAX_HITS, PURPOSE);
        json!({
            "evaluated": true,
            "files_searched": searched.files,
            "commits_searched": history.commits,
            "history_available": ctx.git.is_some() && ctx.tip().is_some(),
            "history_capped": history.capped,
            "hits": hits,
            "truncated": truncated,
        })
    }
}

/// Searches every file of the scanned tree.
fn scan_tree(ctx: &Context, hits: &mut Vec<SecretHit>) -> Searched {
    let paths = ctx.source.inventory().file_paths();
    search_files(ctx, paths, MAX_BLOB_BYTES, |path, bytes| {
        let Some(text) = text_of(bytes) else {
            return false;
        };
        if !patterns::may_hold_secret(&text) {
            return true;
        }
        let lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        for hit in patterns::scan_lines(lines, !is_test_path(path)) {
            hits.push(SecretHit {
                kind: hit.kind,
                path: path.to_string(),
                line: hit.line,
                commit: None,
                short_id: None,
                at_head: true,
            });
        }
        true
    })
}

/// How many of the newest commits are searched: [`MAX_COMMITS`], or fewer when the history scope
/// is a smaller number of commits. The two sides of a `--base` scan search the same older
/// commits, so that a secret only one side searched is not reported as new or fixed: the base
/// side the newest [`MAX_COMMITS`] whatever its scope, and the branch as many on top of the
/// commits it has that the base has not.
fn history_limit(ctx: &Context, repo: &GitView, tip: Oid) -> usize {
    if ctx.repository.base_side {
        return MAX_COMMITS;
    }
    let base = ctx.repository.base.as_deref();
    let Some(base) = base.and_then(|b| Oid::from_str(b).ok()) else {
        let scope = commit_count_limit(ctx.config);
        return scope.map_or(MAX_COMMITS, |n| n.min(MAX_COMMITS));
    };
    let beyond = repo
        .graph_ahead_behind(tip, base)
        .map_or(0, |(ahead, _)| ahead);
    MAX_COMMITS + beyond
}

#[derive(Default)]
struct History {
    commits: usize,
    capped: bool,
}

/// Searches the lines each of the newest commits added (in a folder view, of the commits that
/// change the folder, with the folder's paths).
fn scan_history(
    repo: &GitView,
    tip: Oid,
    limit: usize,
    at_head: &HashSet<(&'static str, String)>,
    hits: &mut Vec<SecretHit>,
) -> Result<History, git2::Error> {
    let mut history = History::default();
    let mut seen: HashSet<(&'static str, String)> = HashSet::new();
    for (id, commit) in NewestFirst::new(repo, tip)? {
        if history.commits == limit {
            history.capped = limit >= MAX_COMMITS;
            break;
        }
        // A parent the repository lacks (a shallow clone's boundary) leaves a root commit.
        let parent = commit.parents.first().and_then(|&p| node(repo, p).ok());
        let parent = parent.and_then(|p| repo.subtree_id(p.tree));
        let tree = repo.subtree_id(commit.tree);
        if !repo.touches_trees(tree, parent) {
            continue;
        }
        history.commits += 1;
        if commit.parents.len() > 1 {
            continue;
        }
        let Some(tree) = tree else {
            continue;
        };
        let parent = parent.map(|p| repo.find_tree(p)).transpose()?;
        let tree = repo.find_tree(tree)?;
        for hit in added_hits(repo, parent.as_ref(), &tree)?.iter() {
            let key = (hit.kind, hit.path.clone());
            // The first (newest) commit that added the kind to the path names it.
            if !seen.insert(key.clone()) {
                continue;
            }
            let id = id.to_string();
            hits.push(SecretHit {
                kind: hit.kind,
                path: hit.path.clone(),
                line: hit.line,
                short_id: Some(id[..7].to_string()),
                commit: Some(id),
                at_head: at_head.contains(&key),
            });
        }
    }
    Ok(history)
}

/// A secret on a line a commit added.
struct AddedHit {
    kind: &'static str,
    path: String,
    line: usize,
}

/// The hits on the lines added from a parent's tree to a commit's, by the two trees' ids: a
/// `--base` scan's base side searches mostly the commits its branch side searched.
type AddedMemo = HashMap<(Option<Oid>, Oid), Arc<Vec<AddedHit>>>;

fn memo() -> &'static Mutex<AddedMemo> {
    static MEMO: OnceLock<Mutex<AddedMemo>> = OnceLock::new();
    MEMO.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The secrets on the lines `tree` added to `parent` (renames compared with their old path),
/// read once per pair of trees in this process.
fn added_hits(
    repo: &Repository,
    parent: Option<&Tree<'_>>,
    tree: &Tree<'_>,
) -> Result<Arc<Vec<AddedHit>>, git2::Error> {
    let key = (parent.map(Tree::id), tree.id());
    if let Some(known) = memo().lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(known);
    }
    let mut hits = vec![];
    for change in changed_files(repo, key.0, Some(key.1))? {
        if change.status == ChangeStatus::Deleted {
            continue;
        }
        let Some(new) =
            blob_text(repo, tree, &change.path).filter(|t| patterns::may_hold_secret(t))
        else {
            continue;
        };
        let old_path = change.old_path.as_deref().unwrap_or(&change.path);
        let old = parent
            .and_then(|p| blob_text(repo, p, old_path))
            .unwrap_or_default();
        let old_lines: HashSet<&str> = old.lines().collect();
        let added = new
            .lines()
            .enumerate()
            .filter(|(_, l)| !old_lines.contains(l))
            .map(|(i, l)| (i + 1, l));
        for hit in patterns::scan_lines(added, !is_test_path(&change.path)) {
            hits.push(AddedHit {
                kind: hit.kind,
                path: change.path.clone(),
                line: hit.line,
            });
        }
    }
    let hits = Arc::new(hits);
    if let Ok(mut m) = memo().lock() {
        m.insert(key, Arc::clone(&hits));
    }
    Ok(hits)
}

/// The text of a blob of at most [`MAX_BLOB_BYTES`] (not binary).
fn blob_text(repo: &Repository, tree: &Tree<'_>, path: &str) -> Option<String> {
    let entry = tree.get_path(std::path::Path::new(path)).ok()?;
    let blob = repo.find_blob(entry.id()).ok()?;
    if blob.size() as u64 > MAX_BLOB_BYTES {
        return None;
    }
    text_of(blob.content()).map(|t| t.into_owned())
}
