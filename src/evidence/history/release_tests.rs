//! The system test report kept per release (MFDS-SWL-005; IEC 62304 §5.7.5 asks each test
//! record for the version tested, the date and the tester, and §5.7.3 for retesting after a
//! change): for each release judged ([`release_trees`](super::release_trees): the support window,
//! newest 10), the Markdown verification reports of its tagged tree, read from git objects,
//! with the version, date and tester each states, and the last change to a software system's
//! code in the release's range (the release before it, excluded, to its tag), which a report of
//! that version must not predate.
//!
//! The code change is looked for newest first among the range's non-merge commits, reading at
//! most [`MAX_COMMITS_SEARCHED`]; a search that ends there without finding one says so
//! (`code_change: "cut"`) rather than guessing, and so does a product that declares no software
//! system (`"no_systems"`): the rule then does not judge the report's date.

use super::areas::AreaMatcher;
use super::release_sboms::same_version;
use super::release_trees::{judged_releases, read_tagged_tree, tree_kinds, version};
use super::releases::newest_first;
use super::tags::TagRecord;
use super::tree_diff::changed_files;
use crate::date::Date;
use crate::evidence::Context;
use crate::evidence::extractor::FileKind;
use crate::evidence::git_view::GitView;
use crate::evidence::junit::read_markdown_report;
use crate::evidence::read::path_history::subject_of;
use git2::{Oid, Sort};
use serde::Serialize;

/// A tagged tree with more verification reports than this is not read.
const MAX_TREE_REPORTS: usize = 64;
/// How many commits of a release range are read to find its last code change.
const MAX_COMMITS_SEARCHED: usize = 2_000;
/// The file kinds read in a tagged tree.
const TREE_KINDS: &[&str] = &["verification_report"];

#[derive(Debug, Serialize)]
pub(super) struct ReleaseTests {
    /// False when no release tag is reachable from the scanned commit.
    pub evaluated: bool,
    pub releases_total: usize,
    pub in_window: usize,
    /// How many releases are judged at most (fewer in a narrowed scope).
    pub limit: usize,
    /// Releases in the window that the default scope would judge and a narrowed one did not.
    pub unchecked: usize,
    /// The releases judged, newest first.
    pub releases: Vec<ReleaseTest>,
}

#[derive(Debug, Serialize)]
pub(super) struct ReleaseTest {
    pub tag: String,
    pub version: String,
    pub commit: String,
    /// The release before it (the range's excluded end), if any.
    pub previous: Option<String>,
    /// Whether the tagged tree was read (`error` says why not).
    pub read: bool,
    pub error: Option<String>,
    pub reports: Vec<TreeTestReport>,
    /// `found` (see `last_code_change`), `none` (no commit of the range changed code), `cut`
    /// (not found among the commits read) or `no_systems` (no software system is declared).
    pub code_change: &'static str,
    pub last_code_change: Option<CodeChange>,
}

/// A verification report of a tagged tree.
#[derive(Debug, PartialEq, Serialize)]
pub(super) struct TreeTestReport {
    pub path: String,
    pub parsed: bool,
    pub error: Option<String>,
    pub version: Option<String>,
    pub version_matches: bool,
    /// The date it states, as YYYY-MM-DD (`null` when it states none that reads as a date).
    pub date: Option<String>,
    pub tester: Option<String>,
    pub tests: u64,
    pub failed: u64,
}

/// The newest commit of a range that changed a software system's files.
#[derive(Debug, PartialEq, Serialize)]
pub(super) struct CodeChange {
    pub commit: String,
    pub short_id: String,
    pub date: Option<String>,
    pub subject: String,
}

/// The facts of the releases judged among `releases` (reachable release tags); `narrowed`: the
/// scope is pull-request sized (fewer releases are judged).
pub(super) fn collect(
    ctx: &Context,
    repo: &GitView,
    releases: &[&TagRecord],
    areas: &AreaMatcher,
    narrowed: bool,
) -> ReleaseTests {
    let check = "the system test report per release (MFDS-SWL-005)";
    let chosen = judged_releases(ctx, releases, check, narrowed);
    let ordered = newest_first(releases);
    let kinds = tree_kinds(TREE_KINDS);
    let kinds: Vec<&FileKind> = kinds.iter().collect();
    let judged = chosen
        .judged
        .iter()
        .map(|(tag, _)| {
            let previous = ordered
                .iter()
                .position(|t| t.name == tag.name)
                .and_then(|i| ordered.get(i + 1).copied());
            release(ctx, repo, &kinds, areas, tag, previous, &chosen.anchor)
        })
        .collect();
    ReleaseTests {
        evaluated: !releases.is_empty(),
        releases_total: releases.len(),
        in_window: chosen.in_window,
        limit: chosen.limit,
        unchecked: chosen.unchecked,
        releases: judged,
    }
}

fn release(
    ctx: &Context,
    repo: &GitView,
    kinds: &[&FileKind],
    areas: &AreaMatcher,
    tag: &TagRecord,
    previous: Option<&TagRecord>,
    anchor: &str,
) -> ReleaseTest {
    let version = version(tag);
    let bound = (MAX_TREE_REPORTS, "verification reports");
    let read = read_tagged_tree(ctx, repo, kinds, tag, bound, |tree| reports(tree, &version));
    let (code_change, last_code_change) = match last_code_change(repo, areas, tag, previous) {
        Ok(found) => found,
        Err(e) => {
            ctx.diagnose(
                anchor,
                format!(
                    "release {}: its commits were not read: {}",
                    tag.name,
                    e.message()
                ),
            );
            ("cut", None)
        }
    };
    if code_change == "cut" {
        ctx.diagnose(
            anchor,
            format!(
                "release {}: no change to a software system's code among the newest {MAX_COMMITS_SEARCHED} commits of its range, so the date of its system test report (MFDS-SWL-005) is not judged",
                tag.name
            ),
        );
    }
    ReleaseTest {
        tag: tag.name.clone(),
        version,
        commit: tag.target.clone(),
        previous: previous.map(|p| p.name.clone()),
        read: read.is_ok(),
        error: read.as_ref().err().cloned(),
        reports: read.unwrap_or_default(),
        code_change,
        last_code_change,
    }
}

/// The verification reports of one release's tree, judged against the release `version`.
pub(super) fn reports(ctx: &Context, version: &str) -> Vec<TreeTestReport> {
    ctx.files("verification_report")
        .iter()
        .map(|path| {
            let r = read_markdown_report(ctx, path);
            TreeTestReport {
                version_matches: r
                    .version
                    .as_deref()
                    .is_some_and(|v| same_version(v, version)),
                date: r
                    .timestamp
                    .as_deref()
                    .and_then(Date::find_in)
                    .map(|d| d.to_string()),
                path: r.path,
                parsed: r.parsed,
                error: r.error,
                version: r.version,
                tester: r.tester,
                tests: r.counts.tests,
                failed: r.counts.failures + r.counts.errors,
            }
        })
        .collect()
}

/// The newest non-merge commit of `previous..tag` that changed a software system's files.
fn last_code_change(
    repo: &GitView,
    areas: &AreaMatcher,
    tag: &TagRecord,
    previous: Option<&TagRecord>,
) -> Result<(&'static str, Option<CodeChange>), git2::Error> {
    if !areas.has_systems() {
        return Ok(("no_systems", None));
    }
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TIME)?;
    walk.push(Oid::from_str(&tag.target)?)?;
    if let Some(p) = previous {
        walk.hide(Oid::from_str(&p.target)?)?;
    }
    for (read, oid) in walk.enumerate() {
        if read == MAX_COMMITS_SEARCHED {
            return Ok(("cut", None));
        }
        let commit = repo.find_commit(oid?)?;
        if commit.parent_count() > 1 || !repo.touches(&commit) {
            continue;
        }
        let parent = commit.parents().next().and_then(|p| repo.tree_id(&p));
        let changed = changed_files(repo, parent, repo.tree_id(&commit))?;
        if changed.iter().any(|c| areas.in_a_system(&c.path)) {
            let id = commit.id().to_string();
            return Ok((
                "found",
                Some(CodeChange {
                    short_id: id[..7].to_string(),
                    commit: id,
                    date: Date::from_unix(commit.time().seconds()).map(|d| d.to_string()),
                    subject: subject_of(&commit),
                }),
            ));
        }
    }
    Ok(("none", None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::context::memory_source::MemorySource;

    const ENGLISH: &str = "---\nversion: 1.2.0\ndate: 2026-09-30\ntester: J. Kim\n---\n# System test report\n\n| ID | Test | Result |\n|---|---|---|\n| TC-1 | Alarm | PASS |\n| TC-2 | Export | FAIL |\n";
    const KOREAN: &str = "---\n버전: v1.2.0\n시험일: 2026. 9. 30.\n시험자: 김시험\n---\n# 시스템 시험 성적서\n\n| 번호 | 시험 | 결과 |\n|---|---|---|\n| TC-1 | 경보 | 합격 |\n";

    #[test]
    fn reports_state_version_date_and_tester_in_either_language() {
        let source = MemorySource::new(&[
            ("docs/verification/system-test-report.md", ENGLISH),
            ("docs/검증/시스템_시험성적서.md", KOREAN),
            (
                "docs/verification/old-test-report.md",
                "# Test report\nVersion: 1.1.0\n\n| ID | Result |\n|---|---|\n| TC-1 | PASS |\n",
            ),
        ]);
        let found = source.with_context(|ctx| reports(ctx, "v1.2.0"));
        let by_path = |p: &str| found.iter().find(|r| r.path == p).unwrap();
        let en = by_path("docs/verification/system-test-report.md");
        assert!(en.version_matches);
        assert_eq!(
            (en.date.as_deref(), en.tester.as_deref()),
            (Some("2026-09-30"), Some("J. Kim"))
        );
        assert_eq!((en.tests, en.failed), (2, 1));
        let ko = by_path("docs/검증/시스템_시험성적서.md");
        assert!(ko.version_matches);
        assert_eq!(
            (ko.date.as_deref(), ko.tester.as_deref()),
            (Some("2026-09-30"), Some("김시험"))
        );
        let old = by_path("docs/verification/old-test-report.md");
        assert!(!old.version_matches);
        assert_eq!((old.date.as_deref(), old.tester.as_deref()), (None, None));
    }
}
