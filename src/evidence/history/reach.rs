//! Which release tags are the scanned commit or one of its ancestors (`reachable`), as bounded
//! as the history scope allows.
//!
//! Proving that an old tag is an ancestor takes a walk back to it, so with a hundred release
//! tags the walk covers nearly the whole history. How far it goes depends on the scope:
//! - `history.scope: all`: the scope's own walk reads every ancestor, so the tags are marked from
//!   the commits it read ([`mark_walked`]), without a walk of their own;
//! - the default scope, `since-last-release`: every release tag;
//! - a scope the user narrowed (a number of commits such as `--since 50`, a date, a revision)
//!   and every `--base` scan, pull-request sized (its base side is scanned with a narrowed
//!   scope too, so both sides check the same tags): one walk newest first that stops once it
//!   has found the newest [`RELEASES_CHECKED`] reachable release tags. Older release tags are
//!   not checked (`reachable: null`), the history counts them (`release_tags_unchecked`), a
//!   diagnostic says so, and the rules that judge every release tag (MFDS-CYB-011,
//!   MFDS-SWL-009; MFDS-CYB-016 when its support window may reach them) are "not evaluated"
//!   rather than passed.

use super::super::read::newest_first::NewestFirst;
use super::scope::ScopeSpec;
use super::tags::TagRecord;
use git2::{Oid, Repository};
use std::collections::{HashMap, HashSet};

/// Release tags checked by a narrowed or --base scan, newest first: the 24 release ranges that
/// MFDS-CHG-002 compares (`releases::MAX_RANGES`) need 25, and the SBOM per release
/// (MFDS-CYB-016) the newest 10.
pub(super) const RELEASES_CHECKED: usize = super::releases::MAX_RANGES + 1;

/// Release tags at most this many are checked one by one; beyond, one walk answers for all.
const TAGS_CHECKED_SINGLY: usize = 16;

/// How far a walk goes past a release tag's commit date, for clocks that were off.
const CLOCK_SKEW_SECONDS: i64 = 86_400;

/// How the release tags of a scan are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// From the commits the scope's walk read (`history.scope: all`).
    Walked,
    /// One walk, stopped once the newest this many reachable release tags are found.
    Newest(usize),
    /// Every release tag.
    Every,
}

impl Reach {
    /// Whether the scope is pull-request sized (a narrowed scope or `--base`): the release
    /// parts then judge fewer releases too.
    pub(super) fn narrowed(self) -> bool {
        matches!(self, Reach::Newest(_))
    }

    /// The reach a scope calls for; `base` says a `--base` scan widens it.
    pub(super) fn for_scope(scope: &ScopeSpec, base: bool) -> Reach {
        match scope {
            ScopeSpec::All => Reach::Walked,
            ScopeSpec::SinceLastRelease if !base => Reach::Every,
            _ => Reach::Newest(RELEASES_CHECKED),
        }
    }
}

/// Sets `reachable` on the release tags (`Newest`, `Every`; `Walked` waits for
/// [`mark_walked`]). Returns how many release tags were left unchecked.
pub(super) fn mark_reachable(
    repo: &Repository,
    tip: Oid,
    tags: &mut [TagRecord],
    reach: Reach,
) -> usize {
    let newest = match reach {
        Reach::Walked => return 0,
        Reach::Newest(n) => Some(n),
        Reach::Every => None,
    };
    let releases = tags.iter().filter(|t| t.release).count();
    if releases <= TAGS_CHECKED_SINGLY {
        for tag in tags.iter_mut().filter(|t| t.release) {
            let id = tag.target_id;
            tag.reachable = Some(id == tip || repo.graph_descendant_of(tip, id).unwrap_or(false));
        }
        return 0;
    }
    let walked = ancestors_back_to(repo, tip, tags, newest);
    let mut unchecked = 0;
    for tag in tags.iter_mut().filter(|t| t.release) {
        let older = walked.unchecked_before.is_some_and(|c| tag.target_time < c);
        tag.reachable = if walked.ancestors.contains(&tag.target_id) {
            Some(true)
        } else if older {
            unchecked += 1;
            None
        } else {
            Some(false)
        };
    }
    unchecked
}

/// Sets `reachable` on the release tags from `walked`: every ancestor of the tip (the walk of
/// `history.scope: all`).
pub(super) fn mark_walked(tags: &mut [TagRecord], walked: &HashSet<Oid>) {
    for tag in tags.iter_mut().filter(|t| t.release) {
        tag.reachable = Some(walked.contains(&tag.target_id));
    }
}

/// What a walk for the release tags read.
struct Walked {
    ancestors: HashSet<Oid>,
    /// The walk stopped at the newest release tags: those whose commit is older than this
    /// (commit time) are not checked.
    unchecked_before: Option<i64>,
}

/// The ancestors of `tip` (newest first by commit date) until every release tag's commit is
/// found, the walk is a day older than the oldest of them, or (`newest`) a day older than the
/// commit of the `newest`-th reachable release tag found.
fn ancestors_back_to(
    repo: &Repository,
    tip: Oid,
    tags: &[TagRecord],
    newest: Option<usize>,
) -> Walked {
    let mut targets: HashMap<Oid, (i64, usize)> = HashMap::new();
    for tag in tags.iter().filter(|t| t.release) {
        targets
            .entry(tag.target_id)
            .or_insert((tag.target_time, 0))
            .1 += 1;
    }
    let mut stop_below = targets.values().map(|(t, _)| *t).min().unwrap_or(i64::MAX);
    let mut walked = Walked {
        ancestors: HashSet::new(),
        unchecked_before: None,
    };
    let Ok(walk) = NewestFirst::new(repo, tip) else {
        return walked;
    };
    let (mut left, mut found) = (targets.len(), 0);
    let mut bounded = None;
    for (oid, node) in walk {
        if let Some((time, count)) = targets.get(&oid) {
            left -= 1;
            found += count;
            if bounded.is_none() && newest.is_some_and(|n| found >= n) {
                bounded = Some(*time);
                stop_below = stop_below.max(*time);
            }
        }
        walked.ancestors.insert(oid);
        if left == 0 || node.time < stop_below - CLOCK_SKEW_SECONDS {
            walked.unchecked_before = bounded.filter(|_| left > 0);
            break;
        }
    }
    walked
}
