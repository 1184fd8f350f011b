//! Release ranges (MFDS-CHG-002): for each release tag reachable from the scanned commit and the
//! release tag before it, what the range changed that may make it a "software upgrade"
//! ([`upgrade`](super::upgrade)), the commits that made those changes, and the classification the
//! release declares in its tagged tree ([`assessment`](super::assessment)). Everything is read
//! from git objects, without a checkout, and kept compact: per range, the hit paths by category,
//! at most [`MAX_COMMITS_NAMED`] commits, and the assessment's fields.
//!
//! Releases are ordered by date, newest first (equal dates by version). The newest
//! [`MAX_RANGES`] ranges are compared, [`NARROW_RANGES`] in a pull-request-sized scope (a
//! narrowed scope or `--base`); a diagnostic says when older ones are left out, and the ranges
//! the narrowed scope left out of the [`MAX_RANGES`] are counted
//! ([`ReleaseRanges::unchecked`]), which makes MFDS-CHG-002 "not evaluated" rather than passed.

use super::areas::AreaMatcher;
use super::assessment::{self, Assessment};
use super::tags::TagRecord;
use super::tree_diff::TreeDiffer;
use super::upgrade::{Detectors, Hit, UPGRADE_CATEGORIES};
use crate::date::Date;
use crate::evidence::Context;
use crate::evidence::git_view::GitView;
use crate::evidence::read::path_history::subject_of;
use git2::{Oid, Sort};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How many release ranges are compared, newest first.
pub(super) const MAX_RANGES: usize = 24;
/// How many a pull-request-sized scope compares: each costs a comparison of two whole trees.
const NARROW_RANGES: usize = 3;
/// How many commits of a range are read to find the ones behind its upgrade hits, and how many
/// of those a range names. Cannot change a verdict: a range's upgrade categories come from the
/// diff of its two trees, read whole; the commits only show where the hits came from, and
/// `commits_truncated` says when there are more.
const MAX_COMMITS_READ: usize = 500;
const MAX_COMMITS_NAMED: usize = 20;

/// A commit behind an upgrade hit.
#[derive(Debug, Clone, Serialize)]
pub(super) struct RangeCommit {
    pub id: String,
    pub short_id: String,
    pub subject: String,
    pub categories: Vec<&'static str>,
}

/// One release range `previous..tag`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ReleaseRange {
    pub tag: String,
    pub version: String,
    pub previous: String,
    pub commit: String,
    pub date: String,
    /// Hits by category (only categories with hits).
    pub changes: BTreeMap<&'static str, Vec<Hit>>,
    /// The categories (i)-(iv) that fired, sorted: non-empty means the range may be an upgrade.
    pub upgrade_categories: Vec<&'static str>,
    /// The commits behind the upgrade hits, newest first.
    pub commits: Vec<RangeCommit>,
    /// More commits of the range were behind hits, or the range had more commits than were read.
    pub commits_truncated: bool,
    pub assessment: Option<Assessment>,
}

/// The ranges compared, and how many of the newest [`MAX_RANGES`] a narrowed scope left out.
pub(super) struct ReleaseRanges {
    pub ranges: Vec<ReleaseRange>,
    pub unchecked: usize,
}

/// The release ranges among `releases` (reachable release tags, newest first); `narrowed`: the
/// scope is pull-request sized.
pub(super) fn release_ranges(
    ctx: &Context,
    repo: &GitView,
    releases: &[&TagRecord],
    areas: &AreaMatcher,
    narrowed: bool,
) -> ReleaseRanges {
    let detectors = Detectors::new(ctx.config);
    let anchor = ctx.config.path.as_deref().unwrap_or(".git");
    let ordered = newest_first(releases);
    let pairs: Vec<_> = ordered.windows(2).collect();
    // One differ for every range: newest first, a range's older tree is the next range's newer
    // one, so each tree on a changed path is read once.
    let mut trees = TreeDiffer::new(repo);
    let limit = if narrowed { NARROW_RANGES } else { MAX_RANGES };
    let unchecked = pairs.len().min(MAX_RANGES).saturating_sub(limit);
    if unchecked > 0 {
        ctx.diagnose(
            anchor,
            format!(
                "{unchecked} older release ranges were not compared for the software-upgrade classification (MFDS-CHG-002): a narrowed history scope (a number of commits, a date, a revision) or a --base scan compares the newest {NARROW_RANGES} (from {} on); the default scope or history.scope: all compares {MAX_RANGES}",
                pairs[limit - 1][1].name
            ),
        );
    } else if pairs.len() > MAX_RANGES {
        ctx.diagnose(
            anchor,
            format!(
                "{} release ranges found; the software-upgrade classification (MFDS-CHG-002) compares the newest {MAX_RANGES} (from {} on)",
                pairs.len(),
                pairs[MAX_RANGES - 1][1].name
            ),
        );
    }
    let ranges = pairs
        .into_iter()
        .take(limit)
        .filter_map(|pair| {
            let range = range(repo, &mut trees, areas, &detectors, pair[0], pair[1]);
            match range {
                Ok((range, too_large)) => {
                    for path in too_large {
                        ctx.diagnose(
                            &path,
                            format!(
                                "lockfile larger than {} MiB in release range {}..{}: its network and crypto libraries were not compared",
                                super::upgrade::MAX_LOCKFILE_BYTES >> 20,
                                pair[1].name,
                                pair[0].name
                            ),
                        );
                    }
                    Some(range)
                }
                Err(e) => {
                    ctx.diagnose(
                        anchor,
                        format!(
                            "cannot compare release {}..{}: {}",
                            pair[1].name,
                            pair[0].name,
                            e.message()
                        ),
                    );
                    None
                }
            }
        })
        .collect();
    ReleaseRanges { ranges, unchecked }
}

/// Release tags by date, newest first (equal dates by version, newest first).
pub(super) fn newest_first<'t>(releases: &[&'t TagRecord]) -> Vec<&'t TagRecord> {
    let mut ordered = releases.to_vec();
    ordered.sort_by(|a, b| {
        b.time
            .cmp(&a.time)
            .then_with(|| natural(&b.name).cmp(&natural(&a.name)))
    });
    ordered
}

/// A tag name as numbers and text, so that `v1.10.0` sorts after `v1.9.0` (ties of date only).
fn natural(name: &str) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    let mut chars = name.chars().peekable();
    while chars.peek().is_some() {
        let digits: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_digit)).collect();
        let text: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_ascii_digit())).collect();
        out.push((digits.parse().unwrap_or(0), text));
    }
    out
}

fn range(
    repo: &GitView,
    trees: &mut TreeDiffer<'_>,
    areas: &AreaMatcher,
    detectors: &Detectors,
    tag: &TagRecord,
    previous: &TagRecord,
) -> Result<(ReleaseRange, Vec<String>), git2::Error> {
    let new_commit = repo.find_commit(Oid::from_str(&tag.target)?)?;
    let old_commit = repo.find_commit(Oid::from_str(&previous.target)?)?;
    let tree = |commit, tag: &TagRecord| {
        repo.tree(commit)?.ok_or_else(|| {
            git2::Error::from_str(&format!(
                "the folder {} does not exist at {}",
                repo.folder(),
                tag.name
            ))
        })
    };
    let (new, old) = (tree(&new_commit, tag)?, tree(&old_commit, previous)?);
    let changes = trees.changed_files(Some(old.id()), Some(new.id()))?;
    let (hits, too_large) = detectors.detect(repo, areas, &changes, &old, &new);
    let upgrade_categories: Vec<&'static str> = UPGRADE_CATEGORIES
        .iter()
        .copied()
        .filter(|c| hits.contains_key(c))
        .collect();
    let (commits, commits_truncated) = if upgrade_categories.is_empty() {
        (vec![], false)
    } else {
        commits_behind(repo, new_commit.id(), old_commit.id(), &hits)?
    };
    let version = tag.version.clone().unwrap_or_else(|| tag.name.clone());
    let released = Date::from_unix(new_commit.time().seconds());
    let assessment = assessment::read(repo, &new, &tag.name, &version, released);
    Ok((
        ReleaseRange {
            tag: tag.name.clone(),
            version,
            previous: previous.name.clone(),
            commit: tag.target.clone(),
            date: tag.date.clone(),
            changes: hits,
            upgrade_categories,
            commits,
            commits_truncated,
            assessment,
        },
        too_large,
    ))
}

/// The commits of `old..new` (non-merge, newest first) that changed a path behind an upgrade hit.
fn commits_behind(
    repo: &GitView,
    new: Oid,
    old: Oid,
    hits: &BTreeMap<&'static str, Vec<Hit>>,
) -> Result<(Vec<RangeCommit>, bool), git2::Error> {
    let mut by_path: BTreeMap<&str, BTreeSet<&'static str>> = BTreeMap::new();
    for category in UPGRADE_CATEGORIES {
        for hit in hits.get(category).into_iter().flatten() {
            by_path
                .entry(hit.path.as_str())
                .or_default()
                .insert(category);
        }
    }
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
    walk.push(new)?;
    walk.hide(old)?;
    let mut out = Vec::new();
    let mut truncated = false;
    let mut trees = TreeDiffer::new(repo);
    for (read, oid) in walk.enumerate() {
        if read == MAX_COMMITS_READ {
            truncated = true;
            break;
        }
        let commit = repo.find_commit(oid?)?;
        if commit.parent_count() > 1 {
            continue;
        }
        let parent = commit.parents().next().and_then(|p| repo.tree_id(&p));
        let changed = trees.changed_files(parent, repo.tree_id(&commit))?;
        let categories: BTreeSet<&'static str> = changed
            .iter()
            .flat_map(|c| by_path.get(c.path.as_str()).into_iter().flatten().copied())
            .collect();
        if categories.is_empty() {
            continue;
        }
        if out.len() == MAX_COMMITS_NAMED {
            truncated = true;
            break;
        }
        let id = commit.id().to_string();
        out.push(RangeCommit {
            short_id: id[..7].to_string(),
            id,
            subject: subject_of(&commit),
            categories: categories.into_iter().collect(),
        });
    }
    Ok((out, truncated))
}

#[cfg(test)]
mod tests {
    use super::natural;

    #[test]
    fn versions_sort_by_their_numbers() {
        assert!(natural("v1.10.0") > natural("v1.9.0"));
        assert!(natural("v2.0.0") > natural("v1.99.1"));
        assert!(natural("release-3") > natural("release-2"));
    }
}
