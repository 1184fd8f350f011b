//! When a lockfile and an SBOM last changed, from git history: the SBOM must be regenerated
//! whenever a lockfile changes (MFDS-CYB-003). This is a bounded per-path lookup (walk back from
//! HEAD comparing each path's blob with the first parent's, stopping once every path is found),
//! not a history analysis. When the scanned file's blob is known (a `--rev` scan, or a file
//! unchanged since the index), the change looked for is the one that introduced that blob, so a
//! scan of an older revision dates that revision's files, not HEAD's.

use chrono::{DateTime, SecondsFormat};
use std::collections::HashMap;
use std::path::Path;

/// How many commits are walked at most.
const MAX_COMMITS: usize = 20_000;

/// The commit time (Unix seconds) of the last commit that changed each path (to the given blob,
/// when one is given).
pub fn last_changes(
    repo: &git2::Repository,
    paths: &[(&str, Option<git2::Oid>)],
) -> HashMap<String, i64> {
    let mut found = HashMap::new();
    let Ok(mut walk) = repo.revwalk() else {
        return found;
    };
    if walk.push_head().is_err() || walk.set_sorting(git2::Sort::TIME).is_err() {
        return found;
    }
    for oid in walk.flatten().take(MAX_COMMITS) {
        let Ok(commit) = repo.find_commit(oid) else {
            continue;
        };
        let Ok(tree) = commit.tree() else { continue };
        let parent = commit.parent(0).ok().and_then(|p| p.tree().ok());
        for (path, target) in paths {
            if found.contains_key(*path) {
                continue;
            }
            let id = |t: &git2::Tree| t.get_path(Path::new(path)).ok().map(|e| e.id());
            let (now, before) = (id(&tree), parent.as_ref().and_then(id));
            let introduced = match target {
                Some(blob) => now == Some(*blob) && before != Some(*blob),
                None => now.is_some() && now != before,
            };
            if introduced {
                found.insert(path.to_string(), commit.time().seconds());
            }
        }
        if found.len() == paths.len() {
            break;
        }
    }
    found
}

/// A commit time as an RFC 3339 UTC timestamp.
pub fn timestamp(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}
