//! The identity of every evidence file a rule judged, for the dossier: its git blob id and
//! SHA-256 at the scanned commit (or in the working tree, marked when it differs from the
//! commit), so an auditor can check later that a file is the one the scan read.

use crate::report::ScanReport;
use crate::report::html::EvidenceFile;
use git2::{ObjectType, Oid, Repository};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The blob at `path` in the scanned commit, when there is one.
fn committed_blob(repo: &Repository, commit: &str, path: &str) -> Option<(Oid, Vec<u8>)> {
    let commit = repo.find_commit(Oid::from_str(commit).ok()?).ok()?;
    let entry = commit.tree().ok()?.get_path(Path::new(path)).ok()?;
    let blob = repo.find_blob(entry.id()).ok()?;
    Some((entry.id(), blob.content().to_vec()))
}

/// Every path among the rules' evidence that names a file (commit ranges are left out), with
/// its identity; sorted by path. A file that can be read neither from the commit nor from
/// disk is left out (the dossier then shows no hash for it).
pub fn identify(root: &Path, report: &ScanReport) -> Vec<EvidenceFile> {
    let paths: BTreeSet<&str> = report
        .rules
        .iter()
        .flat_map(|r| r.evidence.iter().map(String::as_str))
        .filter(|p| !p.contains(".."))
        .collect();
    let repo = report
        .repository
        .is_git
        .then(|| Repository::discover(root).ok())
        .flatten();
    let facts = &report.repository;
    let commit = facts.revision.as_ref().or(facts.head.as_ref());
    paths
        .into_iter()
        .filter_map(|path| {
            let in_commit = match (&repo, commit) {
                (Some(repo), Some(c)) => {
                    committed_blob(repo, c, &format!("{}{path}", facts.folder))
                }
                _ => None,
            };
            let (bytes, committed) = match (&facts.revision, in_commit) {
                (Some(_), Some((_, bytes))) => (bytes, true),
                (_, in_commit) => {
                    let bytes = std::fs::read(root.join(path)).ok()?;
                    let same = in_commit.is_some_and(|(_, committed)| committed == bytes);
                    (bytes, same)
                }
            };
            let blob = Oid::hash_object(ObjectType::Blob, &bytes).ok()?;
            Some(EvidenceFile {
                path: path.to_string(),
                blob: blob.to_string(),
                sha256: sha256_hex(&bytes),
                committed,
            })
        })
        .collect()
}
