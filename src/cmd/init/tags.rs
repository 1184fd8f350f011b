//! The release-tag scheme `init` writes to `history.release_tags`: the repository's tags that
//! carry a version (a digit after a prefix such as `v`, `release-`, `cardiowatch-`), by their
//! most common prefix, so that "since the last release" means the team's own releases.

use std::collections::BTreeMap;

/// The scheme found: its glob, how many tags follow it, and the newest-named of them.
#[derive(Debug, PartialEq)]
pub(super) struct TagScheme {
    pub glob: String,
    pub count: usize,
    pub example: String,
}

/// The most common `PREFIX*` among tags whose name continues with a digit after the prefix.
pub(super) fn release_tag_scheme(tags: &[String]) -> Option<TagScheme> {
    let mut by_prefix: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
    for tag in tags {
        if let Some(at) = tag.find(|c: char| c.is_ascii_digit()) {
            by_prefix.entry(&tag[..at]).or_default().push(tag);
        }
    }
    let (prefix, named) = by_prefix.into_iter().max_by_key(|(_, t)| t.len())?;
    Some(TagScheme {
        glob: format!("{prefix}*"),
        count: named.len(),
        example: named.iter().max().map(|t| t.to_string())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn the_most_common_versioned_prefix_wins() {
        let found = release_tag_scheme(&tags(&["release-1.0", "release-1.1", "v0.1", "nightly"]));
        assert_eq!(
            found,
            Some(TagScheme {
                glob: "release-*".into(),
                count: 2,
                example: "release-1.1".into()
            })
        );
        assert_eq!(release_tag_scheme(&tags(&["nightly", "latest"])), None);
        assert_eq!(release_tag_scheme(&[]), None);
    }
}
