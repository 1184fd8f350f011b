//! Which commits the history rules judge: `history.scope` (or `--since`), resolved against the
//! repository into the revisions to walk, and widened by `--base` to merge-base..tip.
//!
//! Scopes: `all`, `since-last-release` (the default: the commits after the newest release tag
//! reachable from the tip, other than the tip itself; with no such tag, the last
//! [`UNTAGGED_LIMIT`] commits, and the report says so), a number N (the last N commits), a date
//! `YYYY-MM-DD` (commits committed on or after it), or any revision (`v1.2.0`, `origin/main`):
//! the commits reachable from the tip and not from it.

use super::tags::TagRecord;
use crate::config::LoadedConfig;
use crate::date::Date;
use git2::{Oid, Repository};
use serde::Serialize;

/// The scope used when the config says nothing.
pub const DEFAULT_SCOPE: &str = "since-last-release";

/// How many commits `since-last-release` judges when no release tag is an ancestor of the
/// tip: a bound, so that a repository whose tags the pattern misses is not judged (slowly) over
/// its whole history without anyone having asked for that (`history.scope: all` does).
pub(super) const UNTAGGED_LIMIT: usize = 500;

/// A scope as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ScopeSpec {
    All,
    SinceLastRelease,
    LastCommits(usize),
    SinceDate(Date),
    SinceRef(String),
}

impl ScopeSpec {
    pub(super) fn parse(text: &str) -> ScopeSpec {
        let text = text.trim();
        match text {
            "all" => ScopeSpec::All,
            "since-last-release" => ScopeSpec::SinceLastRelease,
            _ => match (text.parse::<usize>(), Date::parse(text)) {
                (Ok(n), _) => ScopeSpec::LastCommits(n),
                (_, Some(d)) => ScopeSpec::SinceDate(d),
                _ => ScopeSpec::SinceRef(text.to_string()),
            },
        }
    }
}

/// A resolved scope: how to walk, and what to tell the reader about it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ScopePlan {
    /// The scope as written.
    pub spec: String,
    /// Where it came from: `default`, `config` or `--since`.
    pub source: &'static str,
    /// Human-readable range, e.g. `v1.1.0..HEAD`.
    pub description: String,
    /// Commits whose ancestors (and themselves) are excluded.
    pub since_commit: Option<String>,
    pub since_date: Option<String>,
    pub limit: Option<usize>,
    /// With `--base`: the merge base whose descendants up to the tip were added to the scope.
    pub merge_base: Option<String>,
    #[serde(skip)]
    pub hide: Vec<Oid>,
    #[serde(skip)]
    pub since_time: Option<i64>,
    #[serde(skip)]
    pub base_hide: Option<Vec<Oid>>,
    /// `since-last-release` found no release tag, so `limit` is [`UNTAGGED_LIMIT`].
    #[serde(skip)]
    pub untagged: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ScopeError {
    /// `origin` says where the scope was written: `--since`, or `FILE:LINE:COL: history.scope`.
    #[error(
        "{origin}: `{spec}` is not a revision of this repository ({message}); a history scope is all, since-last-release, a number of commits, a date YYYY-MM-DD, or a tag, branch or commit"
    )]
    UnknownRevision {
        origin: String,
        spec: String,
        message: String,
    },
}

/// Fails when the scope in force (`--since`, else `history.scope`) names a revision the
/// repository does not have: history rules judged over an unintended range would pass silently,
/// so the scan stops before it starts, naming where the scope was written.
pub fn check_scope(repo: &Repository, config: &LoadedConfig) -> Result<(), ScopeError> {
    let Some((spec, source)) = config.config.history.chosen_scope() else {
        return Ok(());
    };
    let ScopeSpec::SinceRef(rev) = ScopeSpec::parse(spec) else {
        return Ok(());
    };
    resolve(repo, &rev).map(|_| ()).map_err(|e| {
        let origin = match config.position_of("history.scope") {
            Some((line, column)) if source == "config" => {
                format!("{}:{line}:{column}: history.scope", config.shown)
            }
            _ => source.to_string(),
        };
        ScopeError::UnknownRevision {
            origin,
            spec: spec.to_string(),
            message: e.message().to_string(),
        }
    })
}

/// The number of commits the scope in force names (`--since 50`, `history.scope: 50`), when it
/// is a number: what a search of the newest commits (the secret search) is limited to, so a
/// pull-request-sized scan does not search a thousand commits (a `--base` scan sets its own).
pub fn commit_count_limit(config: &LoadedConfig) -> Option<usize> {
    let (spec, _) = config.config.history.chosen_scope()?;
    match ScopeSpec::parse(spec) {
        ScopeSpec::LastCommits(n) => Some(n),
        _ => None,
    }
}

/// Resolves `spec` for a walk from `tip`; `releases` are the release tags, newest first.
pub(super) fn plan(
    repo: &Repository,
    tip: Oid,
    spec_text: &str,
    source: &'static str,
    releases: &[&TagRecord],
) -> Result<ScopePlan, ScopeError> {
    let mut plan = ScopePlan {
        spec: spec_text.to_string(),
        source,
        description: "all commits".into(),
        since_commit: None,
        since_date: None,
        limit: None,
        merge_base: None,
        hide: vec![],
        since_time: None,
        base_hide: None,
        untagged: false,
    };
    match ScopeSpec::parse(spec_text) {
        ScopeSpec::All => {}
        ScopeSpec::SinceLastRelease => {
            if let Some(tag) = last_release_before(repo, tip, releases) {
                plan.description = format!("{}..tip", tag.name);
                plan.since_commit = Some(tag.target.clone());
                plan.hide = Oid::from_str(&tag.target).into_iter().collect();
            } else {
                plan.description =
                    format!("the last {UNTAGGED_LIMIT} commits (no earlier release tag)");
                plan.limit = Some(UNTAGGED_LIMIT);
                plan.untagged = true;
            }
        }
        ScopeSpec::LastCommits(n) => {
            plan.description = format!("the last {n} commits");
            plan.limit = Some(n);
        }
        ScopeSpec::SinceDate(d) => {
            plan.description = format!("commits since {d}");
            plan.since_date = Some(d.to_string());
            plan.since_time = d.0.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
        }
        ScopeSpec::SinceRef(r) => {
            let oid = resolve(repo, &r).map_err(|e| ScopeError::UnknownRevision {
                origin: source.to_string(),
                spec: spec_text.to_string(),
                message: e.message().to_string(),
            })?;
            plan.description = format!("{r}..tip");
            plan.since_commit = Some(oid.to_string());
            plan.hide = vec![oid];
        }
    }
    Ok(plan)
}

fn resolve(repo: &Repository, rev: &str) -> Result<Oid, git2::Error> {
    Ok(repo.revparse_single(rev)?.peel_to_commit()?.id())
}

/// The newest release tag whose commit is an ancestor of `tip` (not `tip` itself).
fn last_release_before<'t>(
    repo: &Repository,
    tip: Oid,
    releases: &[&'t TagRecord],
) -> Option<&'t TagRecord> {
    releases.iter().copied().find(|t| {
        Oid::from_str(&t.target)
            .ok()
            .is_some_and(|o| o != tip && repo.graph_descendant_of(tip, o).unwrap_or(false))
    })
}

/// Widens `plan` so that it also covers merge-base(tip, base)..tip.
pub(super) fn widen_to_base(repo: &Repository, tip: Oid, base: Oid, plan: &mut ScopePlan) {
    let merge_base = repo.merge_base(tip, base).ok();
    plan.merge_base = merge_base.map(|m| m.to_string());
    plan.base_hide = Some(merge_base.into_iter().collect());
    let range = match merge_base {
        Some(m) => format!("{}..tip", short(m)),
        None => "all commits (no merge base)".into(),
    };
    plan.description = format!("{} and {range}", plan.description);
}

/// The first seven hex digits of an object id.
pub(super) fn short(oid: Oid) -> String {
    let mut s = oid.to_string();
    s.truncate(7);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_by_shape() {
        assert_eq!(ScopeSpec::parse("all"), ScopeSpec::All);
        assert_eq!(
            ScopeSpec::parse("since-last-release"),
            ScopeSpec::SinceLastRelease
        );
        assert_eq!(ScopeSpec::parse("50"), ScopeSpec::LastCommits(50));
        assert_eq!(
            ScopeSpec::parse("2026-01-31"),
            ScopeSpec::SinceDate(Date::parse("2026-01-31").unwrap())
        );
        assert_eq!(
            ScopeSpec::parse("origin/main"),
            ScopeSpec::SinceRef("origin/main".into())
        );
    }
}
