//! SARIF `versionControlProvenance` and `originalUriBaseIds`: which repository, revision and
//! branch the results are about, and what `%SRCROOT%` stands for.
//!
//! `repositoryUri` must be an absolute URI that code scanning can match: only an http(s) or ssh
//! origin (credentials already removed) is written; a local-path origin (a clone of a clone)
//! would not be one, and is left out.

use super::results::SRCROOT;
use crate::report::ScanReport;
use serde_sarif::sarif::{ArtifactLocation, Message, VersionControlDetails};
use std::collections::BTreeMap;

fn remote_uri(origin: &str) -> Option<&str> {
    let (scheme, rest) = origin.split_once("://")?;
    let host = rest.split(['/', ':']).next().unwrap_or("");
    (matches!(scheme, "https" | "http" | "ssh") && !host.is_empty()).then_some(origin)
}

pub(super) fn provenance(report: &ScanReport) -> Option<VersionControlDetails> {
    let repo = &report.repository;
    let uri = remote_uri(repo.origin_url.as_deref()?)?;
    let revision = repo.revision.as_ref().or(repo.head.as_ref());
    Some(
        VersionControlDetails::builder()
            .repository_uri(uri)
            .opt_revision_id(revision.cloned())
            .opt_branch(repo.branch.clone())
            .mapped_to(ArtifactLocation::builder().uri_base_id(SRCROOT).build())
            .build(),
    )
}

/// `%SRCROOT%` is the repository's top. Its absolute place differs per checkout, so it is
/// described rather than given (the output stays the same bytes wherever the clone is).
pub(super) fn original_uri_base_ids() -> BTreeMap<String, ArtifactLocation> {
    let mut ids = BTreeMap::new();
    ids.insert(
        SRCROOT.to_string(),
        ArtifactLocation::builder()
            .description(
                Message::builder()
                    .text("The top of the repository's work tree.")
                    .build(),
            )
            .build(),
    );
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_network_origins_are_repository_uris() {
        assert!(remote_uri("https://github.com/o/r.git").is_some());
        assert!(remote_uri("ssh://git@host/o/r").is_some());
        assert!(remote_uri("/home/me/src/r").is_none());
        assert!(remote_uri("file:///home/me/src/r").is_none());
        assert!(remote_uri("../r").is_none());
    }
}
