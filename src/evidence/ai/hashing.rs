//! SHA-256 of model artifacts, computed only when a policy needs one and at most once per
//! content.
//!
//! Weights can be gigabytes, so a file is streamed through the hasher in fixed 1 MiB chunks
//! (memory stays flat; `evidence.max_file_size` does not apply because nothing is kept). A file
//! that git already knows unchanged is memoised by its git blob id for the life of the process,
//! so the same weights at two paths, or in the base and head revisions of a `--base` scan, are
//! read once. The number of files and bytes hashed is reported in the evidence, which is how the
//! cost is measured and tested.

use super::super::Context;
use super::super::source::{EntryKind, InventorySource};
use git2::Oid;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::cell::Cell;
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Mutex, OnceLock};

const CHUNK: usize = 1024 * 1024;

/// Hashes already computed in this process, by git blob id of unchanged content.
fn memo() -> &'static Mutex<HashMap<Oid, String>> {
    static MEMO: OnceLock<Mutex<HashMap<Oid, String>>> = OnceLock::new();
    MEMO.get_or_init(|| Mutex::new(HashMap::new()))
}

/// What hashing cost during one evidence collection.
#[derive(Debug, Default, Serialize, PartialEq)]
pub(super) struct HashCost {
    pub files_hashed: u64,
    pub bytes_hashed: u64,
    pub memo_hits: u64,
}

/// Streams artifacts through SHA-256, counting what it reads.
pub(super) struct ArtifactHasher<'c, 'a> {
    ctx: &'c Context<'a>,
    files: Cell<u64>,
    bytes: Cell<u64>,
    hits: Cell<u64>,
}

impl<'c, 'a> ArtifactHasher<'c, 'a> {
    pub(super) fn new(ctx: &'c Context<'a>) -> Self {
        ArtifactHasher {
            ctx,
            files: Cell::new(0),
            bytes: Cell::new(0),
            hits: Cell::new(0),
        }
    }

    pub(super) fn cost(&self) -> HashCost {
        HashCost {
            files_hashed: self.files.get(),
            bytes_hashed: self.bytes.get(),
            memo_hits: self.hits.get(),
        }
    }

    /// The lower-case hex SHA-256 of a repository file, or why it could not be computed.
    pub(super) fn sha256(&self, path: &str) -> Result<String, String> {
        let key = self.unchanged_blob(path);
        if let Some(hit) = key.and_then(|k| memo().lock().ok()?.get(&k).cloned()) {
            self.hits.set(self.hits.get() + 1);
            return Ok(hit);
        }
        let mut stream = self
            .ctx
            .source
            .open_stream(path)
            .map_err(|e| e.to_string())?;
        let (digest, read) = stream_sha256(&mut stream).map_err(|e| e.to_string())?;
        self.files.set(self.files.get() + 1);
        self.bytes.set(self.bytes.get() + read);
        if let (Some(k), Ok(mut m)) = (key, memo().lock()) {
            m.insert(k, digest.clone());
        }
        Ok(digest)
    }

    /// The blob id of `path` when it certainly names the content: always for a git tree, and for
    /// a working-tree file when its size and modification time still match the git index (git's
    /// own test for "unchanged", which costs a stat, not a read).
    fn unchanged_blob(&self, path: &str) -> Option<Oid> {
        let inventory = self.ctx.source.inventory();
        let entry = inventory.get(path).filter(|e| e.kind == EntryKind::File)?;
        let blob = entry.blob?;
        match inventory.source {
            InventorySource::GitTree => Some(blob),
            InventorySource::GitIndex => index_stat_matches(self.ctx.git?, path).then_some(blob),
            InventorySource::Filesystem => None,
        }
    }
}

fn index_stat_matches(repo: &crate::evidence::git_view::GitView, path: &str) -> bool {
    let (Ok(index), Some(workdir)) = (repo.index(), repo.workdir()) else {
        return false;
    };
    let path = repo.repo_path(path);
    let Some(entry) = index.get_path(std::path::Path::new(&path), 0) else {
        return false;
    };
    let Ok(meta) = std::fs::symlink_metadata(workdir.join(path)) else {
        return false;
    };
    let Ok(modified) = meta.modified() else {
        return false;
    };
    let Ok(since_epoch) = modified.duration_since(std::time::UNIX_EPOCH) else {
        return false;
    };
    entry.file_size == meta.len() as u32
        && i64::from(entry.mtime.seconds()) == since_epoch.as_secs() as i64
        && entry.mtime.nanoseconds() == since_epoch.subsec_nanos()
}

/// Hashes a stream in fixed-size chunks; returns the hex digest and the bytes read.
pub(super) fn stream_sha256(stream: &mut dyn Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    Ok((hex(&hasher.finalize()), total))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_known_digest() {
        let mut data: &[u8] = b"abc";
        let (digest, n) = stream_sha256(&mut data).unwrap();
        assert_eq!(
            digest,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(n, 3);
    }

    #[test]
    fn chunk_boundaries_do_not_change_the_digest() {
        let big = vec![7u8; CHUNK * 2 + 5];
        let mut whole: &[u8] = &big;
        let (a, n) = stream_sha256(&mut whole).unwrap();
        assert_eq!(n, big.len() as u64);
        assert_eq!(a, hex(&Sha256::digest(&big)));
    }
}
