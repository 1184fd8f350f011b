//! Tags as release evidence: annotated or lightweight, signed or not, the commit they point at,
//! their date, and whether they name a release (`history.release_tags`; by default the usual
//! release shapes: `v1.2.3`, `1.2.3`, `1.2.3.4`, `release-1.2`, `name@1.2.3`, `R2024.1`).
//!
//! A signature is recognised by its armour in the tag object (OpenPGP, SSH or X.509); verifying
//! it against a keyring is out of scope.

use super::commits::iso_time;
use git2::{ObjectType, Oid, Repository};
use globset::{GlobBuilder, GlobMatcher};
use serde::Serialize;

/// The release tag pattern used when the config says nothing: a version with or without `v`
/// (`v1.2.3`, `V2.0`, `1.2.3`, `3.4.2.2`), `release-1.2`, `name@1.2.3` (monorepo packages),
/// `R2024.1`.
pub const DEFAULT_RELEASE_TAGS: &str =
    "{v[0-9]*,V[0-9]*,[0-9]*.[0-9]*,release-[0-9]*,*@[0-9]*,R[0-9]*}";

/// Armour lines that start a signature inside a tag object.
const SIGNATURE_MARKERS: &[&str] = &[
    "-----BEGIN PGP SIGNATURE-----",
    "-----BEGIN SSH SIGNATURE-----",
    "-----BEGIN SIGNED MESSAGE-----",
];

#[derive(Debug, Clone, Serialize)]
pub(super) struct TagRecord {
    pub name: String,
    pub annotated: bool,
    pub signed: bool,
    /// The commit the tag points at (peeled).
    pub target: String,
    #[serde(skip)]
    pub target_id: Oid,
    /// The commit time of `target` (Unix seconds).
    #[serde(skip)]
    pub target_time: i64,
    pub date: String,
    pub release: bool,
    /// The version in a release tag's name (`v1.2.0` -> `1.2.0`).
    pub version: Option<String>,
    /// Whether the tagged commit is the scanned tip or one of its ancestors (release tags only;
    /// `None`: not checked, see `reach`).
    pub reachable: Option<bool>,
    #[serde(skip)]
    pub time: i64,
}

#[derive(Debug, thiserror::Error)]
#[error("history.release_tags: invalid glob `{pattern}`: {message}")]
pub struct PatternError {
    pattern: String,
    message: String,
}

/// Compiles the release tag pattern (matched against the whole tag name).
pub fn release_matcher(pattern: &str) -> Result<GlobMatcher, PatternError> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| PatternError {
            pattern: pattern.to_string(),
            message: e.to_string(),
        })
}

/// Every tag that points (eventually) at a commit, newest first, then by name; which release
/// tags are reachable is left to `reach`.
pub(super) fn list_tags(repo: &Repository, releases: &GlobMatcher) -> Vec<TagRecord> {
    let mut refs = Vec::new();
    let _ = repo.tag_foreach(|oid, name| {
        let name = String::from_utf8_lossy(name);
        refs.push((oid, name.trim_start_matches("refs/tags/").to_string()));
        true
    });
    let mut tags: Vec<TagRecord> = refs
        .into_iter()
        .filter_map(|(oid, name)| tag_record(repo, oid, name, releases))
        .collect();
    tags.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| a.name.cmp(&b.name)));
    tags
}

fn tag_record(
    repo: &Repository,
    oid: Oid,
    name: String,
    releases: &GlobMatcher,
) -> Option<TagRecord> {
    let object = repo.find_object(oid, None).ok()?;
    let commit = object.peel_to_commit().ok()?;
    let annotated = object.kind() == Some(ObjectType::Tag);
    let (signed, time) = match object.as_tag() {
        Some(tag) => (
            tag_is_signed(repo, oid),
            tag.tagger()
                .map_or(commit.time().seconds(), |t| t.when().seconds()),
        ),
        None => (false, commit.time().seconds()),
    };
    let release = releases.is_match(&name);
    Some(TagRecord {
        version: release.then(|| version_of(&name)).flatten(),
        name,
        annotated,
        signed,
        target: commit.id().to_string(),
        target_id: commit.id(),
        target_time: commit.time().seconds(),
        date: iso_time(time),
        release,
        reachable: (!release).then_some(false),
        time,
    })
}

fn tag_is_signed(repo: &Repository, oid: Oid) -> bool {
    let Ok(odb) = repo.odb() else { return false };
    let Ok(raw) = odb.read(oid) else { return false };
    let text = String::from_utf8_lossy(raw.data());
    SIGNATURE_MARKERS.iter().any(|m| text.contains(m))
}

/// The version in a tag name: from its first digit on (`v1.2.0`, `release-1.2` -> `1.2`), after
/// the last `@` of a package tag (`pkg2@1.0` -> `1.0`).
pub fn version_of(name: &str) -> Option<String> {
    let name = name.rsplit('/').next().unwrap_or(name);
    let name = name.rsplit('@').next().unwrap_or(name);
    name.find(|c: char| c.is_ascii_digit())
        .map(|i| name[i..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_from_the_first_digit() {
        assert_eq!(version_of("v1.2.0").as_deref(), Some("1.2.0"));
        assert_eq!(version_of("release-2.0-rc1").as_deref(), Some("2.0-rc1"));
        assert_eq!(version_of("releases/v3.1").as_deref(), Some("3.1"));
        assert_eq!(version_of("latest"), None);
        assert_eq!(version_of("pkg2@1.0.1").as_deref(), Some("1.0.1"));
    }

    #[test]
    fn the_default_pattern_knows_the_usual_release_shapes() {
        let m = release_matcher(DEFAULT_RELEASE_TAGS).unwrap();
        for tag in [
            "v1.2.3",
            "1.2.3",
            "3.4.2.2",
            "release-1.2",
            "cardio-core@1.2.3",
            "R2024.1",
        ] {
            assert!(m.is_match(tag), "{tag}");
        }
        for tag in ["nightly", "latest", "very-old", "build-17", "deploy/prod"] {
            assert!(!m.is_match(tag), "{tag}");
        }
    }

    #[test]
    fn release_pattern_matches_whole_names() {
        let m = release_matcher("v*").unwrap();
        assert!(m.is_match("v1.0.0"));
        assert!(!m.is_match("nightly"));
        assert!(release_matcher("v[").is_err());
    }
}
