//! What the per-release checks share: which releases they judge, and reading a release's tagged
//! tree from git objects, without a checkout. The SBOM per release (MFDS-CYB-016,
//! [`release_sboms`](super::release_sboms)) and the system test report per release
//! (MFDS-SWL-005, [`release_tests`](super::release_tests)) both judge the releases of the support
//! window ([`support_window`](super::support_window)), all reachable releases when no window is
//! declared, newest first, at most [`MAX_RELEASES`] of them; a diagnostic names the check and
//! the oldest release judged when more are in the window. A tree is read through the same
//! extractors as the work tree, with the file kinds a check needs found by name only (a tree's
//! contents are not sniffed), and bounded: at most [`MAX_TREE_FILES`] files, and at most a
//! check's own number of files of its kinds; each cut is an error the check reports.

use super::releases::newest_first;
use super::support_window::{self, SupportWindow};
use super::tags::TagRecord;
use crate::evidence::extractor::FileKind;
use crate::evidence::git_view::GitView;
use crate::evidence::source::{GitTreeSource, RepoSource};
use crate::evidence::{Context, registry};
use git2::Oid;

/// How many releases are judged, newest first.
pub(super) const MAX_RELEASES: usize = 10;
/// How many releases a pull-request-sized scope (a narrowed scope or `--base`, see
/// [`Reach`](super::reach::Reach)) judges: reading a tagged tree costs as much as the rest of
/// such a scan's history. The others are counted as `unchecked`, and the checks' rules are "not
/// evaluated" rather than passed while any is.
pub(super) const NARROW_RELEASES: usize = 3;
/// A tagged tree with more files than this is not read.
const MAX_TREE_FILES: usize = 200_000;

/// The releases a per-release check judges.
pub(super) struct JudgedReleases<'t> {
    pub window: SupportWindow,
    /// Where diagnostics about the releases point: the support policy, else the config.
    pub anchor: String,
    /// How many reachable releases are in the window (all of them without a window).
    pub in_window: usize,
    /// How many are judged at most: [`MAX_RELEASES`], or [`NARROW_RELEASES`] when narrowed.
    pub limit: usize,
    /// The newest `limit` of them, each with the support line that covers it.
    pub judged: Vec<(&'t TagRecord, Option<String>)>,
    /// Releases that [`MAX_RELEASES`] would judge but a narrowed scope did not.
    pub unchecked: usize,
}

/// The releases among `releases` (reachable release tags) that `check` judges; `narrowed`: the
/// scope is pull-request sized.
pub(super) fn judged_releases<'t>(
    ctx: &Context,
    releases: &[&'t TagRecord],
    check: &str,
    narrowed: bool,
) -> JudgedReleases<'t> {
    let window = support_window::read(ctx);
    let anchor = window
        .path
        .clone()
        .or_else(|| ctx.config.path.clone())
        .unwrap_or_else(|| ".git".into());
    let in_window: Vec<(&TagRecord, Option<String>)> = newest_first(releases)
        .into_iter()
        .filter_map(|t| {
            let line = window.covering(&version(t)).map(|l| l.versions.clone());
            (!window.declared() || line.is_some()).then_some((t, line))
        })
        .collect();
    let limit = if narrowed {
        NARROW_RELEASES
    } else {
        MAX_RELEASES
    };
    let count = in_window.len();
    let unchecked = count.min(MAX_RELEASES).saturating_sub(limit);
    if unchecked > 0 {
        ctx.diagnose(
            &anchor,
            format!(
                "{unchecked} older releases in the support window were not checked for {check}: a narrowed history scope (a number of commits, a date, a revision) or a --base scan checks the newest {NARROW_RELEASES} (down to {}); the default scope or history.scope: all checks {MAX_RELEASES}",
                in_window[limit - 1].0.name
            ),
        );
    } else if count > MAX_RELEASES {
        ctx.diagnose(
            &anchor,
            format!(
                "{count} release tags are in the support window; {check} is checked for the newest {MAX_RELEASES} (down to {})",
                in_window[MAX_RELEASES - 1].0.name
            ),
        );
    }
    JudgedReleases {
        window,
        anchor,
        in_window: count,
        limit,
        judged: in_window.into_iter().take(limit).collect(),
        unchecked,
    }
}

/// The version a release tag stands for (its name when it has no version).
pub(super) fn version(tag: &TagRecord) -> String {
    tag.version.clone().unwrap_or_else(|| tag.name.clone())
}

/// The registry's file kinds named in `names`, found by name only.
pub(super) fn tree_kinds(names: &[&str]) -> Vec<FileKind> {
    registry()
        .iter()
        .flat_map(|x| x.kinds().iter())
        .filter(|k| names.contains(&k.name))
        .map(|k| FileKind {
            name: k.name,
            globs: k.globs,
            sniffer: None,
        })
        .collect()
}

/// Reads the tagged tree of `tag` and returns what `facts` finds in it, through a context whose
/// files are those of `kinds`; a tree with more than `max_files` of them (`what` says which) is
/// not read. Diagnostics of the tree are passed on, naming the release.
pub(super) fn read_tagged_tree<T>(
    ctx: &Context,
    repo: &GitView,
    kinds: &[&FileKind],
    tag: &TagRecord,
    (max_files, what): (usize, &str),
    facts: impl FnOnce(&Context) -> T,
) -> Result<T, String> {
    let tree = Oid::from_str(&tag.target)
        .and_then(|id| repo.tree_id_at(id))
        .map_err(|e| e.message().to_string())?
        .ok_or_else(|| format!("the folder {} does not exist at the tag", repo.folder()))?;
    let source = GitTreeSource::open_by_name(repo, tree).map_err(|e| e.message().to_string())?;
    let files = source.inventory().files().count();
    if files > MAX_TREE_FILES {
        return Err(format!(
            "it has {files} files (at most {MAX_TREE_FILES} are read)"
        ));
    }
    let tree_ctx = Context::new(&source, ctx.config, None, ctx.repository, ctx.as_of, kinds);
    let found: usize = kinds.iter().map(|k| tree_ctx.files(k.name).len()).sum();
    if found > max_files {
        return Err(format!(
            "it has {found} {what} (at most {max_files} are read)"
        ));
    }
    let out = facts(&tree_ctx);
    for d in tree_ctx.take_diagnostics() {
        ctx.diagnose(&d.path, format!("in release {}: {}", tag.name, d.message));
    }
    Ok(out)
}
