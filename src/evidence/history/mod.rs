//! Git history as change-control evidence (IEC 62304 §6, §8; the MFDS change rules): the commits
//! in scope with their trailers, references, signatures and changed paths; the tags and which of
//! them are releases; per release range, the changes that may make it a software upgrade and the
//! classification the release declares; per release in the support window, the SBOM, lockfiles
//! and VEX of its tagged tree, and its system test report with the range's last code change; the repository's state (tip, branch, dirty tree, shallow clone); and, with
//! `--base`, the changes a branch made to the scan's own controls.
//!
//! History is read when the scan root is in a git work tree: the top, or a product's folder of a
//! monorepo, whose history is the commits that change it, with paths from the folder (see
//! `GitView`). When it cannot be read, or
//! a shallow clone cuts the scope short, the section says so (`available`, `truncated`) and the
//! history rules report "not evaluated" instead of passing.

mod areas;
mod assessment;
mod commits;
mod control;
mod merge_diff;
mod merges;
mod reach;
mod release_sboms;
mod release_tests;
mod release_trees;
mod releases;
mod scope;
mod summary;
mod support_window;
mod tags;
pub mod tree_diff;
mod upgrade;
mod walk;

use super::git_view::GitView;
use super::{Context, Extractor};
use commits::{CommitRules, DEFAULT_CHANGE_REFERENCE};
use git2::{Oid, StatusOptions};
use reach::Reach;
use regex::Regex;
use scope::ScopeSpec;
use serde_json::{Value, json};
use tags::TagRecord;

pub use areas::AreaMatcher;
pub use scope::{DEFAULT_SCOPE, check_scope, commit_count_limit};
pub use summary::summarise_changes;
pub use tags::{DEFAULT_RELEASE_TAGS, release_matcher, version_of};

pub struct HistoryExtractor;

impl Extractor for HistoryExtractor {
    fn key(&self) -> &'static str {
        "history"
    }

    /// The walk is most of a pull-request scan's evidence time, and needs nothing the other
    /// extractors make.
    fn own_thread(&self) -> bool {
        true
    }

    fn collect(&self, ctx: &Context) -> Value {
        let Some(repo) = ctx.git else {
            return unavailable("not in a git work tree");
        };
        let Some(tip) = ctx.tip() else {
            return unavailable("the repository has no commits yet");
        };
        // Objects are read, not written: re-hashing each one would dominate the walk. The walk
        // keeps the trees it needs itself (see `TreeDiffer`); libgit2's object cache would
        // hold every tree of a long history.
        git2::opts::strict_hash_verification(false);
        git2::opts::enable_caching(false);
        let value = read_history(ctx, repo, tip);
        git2::opts::enable_caching(true);
        git2::opts::strict_hash_verification(true);
        value.unwrap_or_else(|reason| {
            ctx.diagnose(ctx.config.path.as_deref().unwrap_or(".git"), &reason);
            unavailable(&reason)
        })
    }
}

fn unavailable(reason: &str) -> Value {
    json!({
        "available": false,
        "reason": reason,
        "truncated": false,
        "commits": [],
        "merges": {},
        "tags": [],
        "control_changes": [],
        "release_ranges": [],
    })
}

fn read_history(ctx: &Context, repo: &GitView, tip: Oid) -> Result<Value, String> {
    let history = &ctx.config.config.history;
    let pattern = history
        .release_tags
        .as_deref()
        .unwrap_or(DEFAULT_RELEASE_TAGS);
    let matcher = tags::release_matcher(pattern).map_err(|e| e.to_string())?;
    let mut tags = tags::list_tags(repo, &matcher);
    let (spec, source) = history.chosen_scope().unwrap_or((DEFAULT_SCOPE, "default"));
    let base = match &ctx.repository.base {
        Some(b) => Some(Oid::from_str(b).map_err(|e| e.message().to_string())?),
        None => None,
    };
    let reach = Reach::for_scope(&ScopeSpec::parse(spec), base.is_some());
    let unchecked = reach::mark_reachable(repo, tip, &mut tags, reach);
    if unchecked > 0 {
        ctx.diagnose(
            ctx.config.path.as_deref().unwrap_or(".git"),
            format!(
                "{unchecked} older release tags were not checked: a narrowed history scope (a number of commits, a date, a revision) or a --base scan checks the newest {} release tags reachable from the scanned commit (history.scope: all, or --since all, checks every one)",
                reach::RELEASES_CHECKED
            ),
        );
    }
    let mut plan = scope::plan(repo, tip, spec, source, &reachable_releases(&tags))
        .map_err(|e| e.to_string())?;
    if let Some(base) = base {
        scope::widen_to_base(repo, tip, base, &mut plan);
    }
    let reference = history
        .change_reference
        .as_deref()
        .unwrap_or(DEFAULT_CHANGE_REFERENCE);
    let rules = CommitRules {
        references: Regex::new(reference).map_err(|e| e.to_string())?,
        areas: AreaMatcher::new(ctx.config),
    };
    let walked = walk::walk(repo, &rules, tip, &plan)
        .map_err(|e| format!("cannot read the git history: {}", e.message()))?;
    if reach == Reach::Walked {
        reach::mark_walked(&mut tags, &walked.read);
    }
    let releases = reachable_releases(&tags);
    if plan.untagged && walked.limited {
        let message = format!(
            "no earlier release tag (history.release_tags `{pattern}`) is an ancestor of the scanned commit, so the history scope since-last-release is the last {} commits, not the whole history: set history.release_tags to your tags' shape, or history.scope (all, a tag, a number of commits) or --since",
            scope::UNTAGGED_LIMIT
        );
        ctx.diagnose(ctx.config.path.as_deref().unwrap_or(".git"), message);
    }
    let controls = match base {
        Some(base) => {
            let from = plan
                .merge_base
                .as_deref()
                .and_then(|m| Oid::from_str(m).ok());
            control::control_changes(repo, from.unwrap_or(base), tip, ctx.config)
                .map_err(|e| format!("cannot compare with the base: {}", e.message()))?
        }
        None => vec![],
    };
    // The release parts read the tagged trees of a bounded number of releases, which share most
    // of their subtrees: libgit2's object cache reads each once (`collect` switched it off for
    // the walk, whose trees are unbounded).
    git2::opts::enable_caching(true);
    let narrowed = reach.narrowed();
    let ranges = releases::release_ranges(ctx, repo, &releases, &rules.areas, narrowed);
    let release_sboms = release_sboms::collect(ctx, repo, &releases, narrowed);
    let release_tests = release_tests::collect(ctx, repo, &releases, &rules.areas, narrowed);
    let latest = releases.first();
    let tip_release = releases.iter().find(|t| t.target == tip.to_string());
    let commit_count = walked.commits.len();
    let mut out = json!({
        "available": true,
        "reason": null,
        "tip": tip.to_string(),
        "branch": ctx.repository.branch,
        "detached": ctx.repository.revision.is_none() && repo.head_detached().unwrap_or(false),
        "dirty": is_dirty(ctx, repo),
        "shallow": repo.is_shallow(),
        "truncated": walked.truncated,
        "scope": plan,
        "release_tags": pattern,
        "latest_release": latest,
        "tip_release": tip_release.map(|t| &t.name),
        "commit_count": commit_count,
        "tags": tags,
        "release_tags_unchecked": unchecked,
        "control_changes": controls,
        "release_ranges": ranges.ranges,
        "release_ranges_unchecked": ranges.unchecked,
        "release_sboms": release_sboms,
        "release_tests": release_tests,
    });
    // Moved in, not copied: `json!` would serialize a second copy of a long history. The
    // commit records are held apart from the document (see `CommitList`).
    ctx.keep_commits(walked.commits);
    out["merges"] = Value::Object(walked.merges);
    Ok(out)
}

/// The release tags reachable from the scanned commit.
fn reachable_releases(tags: &[TagRecord]) -> Vec<&TagRecord> {
    tags.iter()
        .filter(|t| t.release && t.reachable == Some(true))
        .collect()
}

/// Whether tracked files differ from HEAD (`null` when a revision, not the work tree, is scanned).
fn is_dirty(ctx: &Context, repo: &GitView) -> Option<bool> {
    if ctx.repository.revision.is_some() {
        return None;
    }
    let mut opts = StatusOptions::new();
    opts.include_untracked(false)
        .include_ignored(false)
        .exclude_submodules(true);
    if !repo.folder().is_empty() {
        opts.pathspec(repo.folder());
    }
    repo.statuses(Some(&mut opts)).ok().map(|s| !s.is_empty())
}
