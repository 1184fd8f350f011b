//! A guard in front of libgit2: every loose object of the repository is checked to be a
//! complete zlib stream whose `<type> <size>\0` header matches what it inflates to, before any
//! object is read. libgit2 1.9 (the newest bundled by `libgit2-sys`) loops forever inflating a
//! truncated loose object (upstream issue 7342, fixed by PR 7346 but not released), so the
//! history walk or a `--rev` blob read would hang a CI job until the runner's timeout; a
//! repository with a corrupt loose object is refused instead, naming the object and its file.
//!
//! The cost is one streaming inflate of each loose object (a fresh clone has none: packed
//! objects are not affected), in a fixed buffer, whatever the object's size.

use flate2::{Decompress, FlushDecompress, Status};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Input and output chunk size of the streaming check.
const CHUNK: usize = 64 * 1024;

/// Longest `<type> <size>\0` header a valid object has ("commit 18446744073709551615\0").
const MAX_HEADER: usize = 32;

/// A loose object that libgit2 must not be given.
#[derive(Debug, thiserror::Error)]
#[error(
    "{path}: loose object {id} is corrupt ({problem}); samdscan does not read a repository with a corrupt object (run `git fsck`)"
)]
pub struct CorruptObject {
    pub id: String,
    pub path: String,
    pub problem: String,
}

/// The fewest loose objects each thread of the check takes on (a repository just committed to
/// has a few hundred; a local clone of a working repository thousands).
const MIN_OBJECTS_PER_THREAD: usize = 256;

/// The most threads the check is shared out between.
const MAX_THREADS: usize = 4;

/// Checks every loose object under `objects` (a repository's `objects` folder): the first
/// corrupt one in object-id order is the error. Many objects are shared out between threads,
/// each checking a contiguous run of them.
pub fn verify_loose_objects(objects: &Path) -> Result<(), CorruptObject> {
    let files = loose_object_files(objects);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_THREADS)
        .min(files.len() / MIN_OBJECTS_PER_THREAD)
        .max(1);
    let run = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let checks: Vec<_> = files
            .chunks(run)
            .map(|run| scope.spawn(|| check_objects(run)))
            .collect();
        // Runs are in order, so the first run with a corrupt object holds the first one.
        checks.into_iter().try_for_each(|check| {
            check
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
}

/// Checks `files` (`(object id, file)`) in order: the first corrupt one is the error.
fn check_objects(files: &[(String, PathBuf)]) -> Result<(), CorruptObject> {
    let mut inflater = Inflater::new();
    for (id, file) in files {
        if let Err(problem) = inflater.check_object(file) {
            return Err(CorruptObject {
                id: id.clone(),
                path: file.display().to_string(),
                problem,
            });
        }
    }
    Ok(())
}

/// `(object id, file)` of each loose object, sorted: `objects/xx/<rest of the hex id>`.
fn loose_object_files(objects: &Path) -> Vec<(String, PathBuf)> {
    let is_hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    let mut found = Vec::new();
    let Ok(fanout) = std::fs::read_dir(objects) else {
        return found;
    };
    for dir in fanout.flatten() {
        let prefix = dir.file_name().to_string_lossy().into_owned();
        if prefix.len() != 2 || !is_hex(&prefix) || !dir.path().is_dir() {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for entry in entries.flatten() {
            let rest = entry.file_name().to_string_lossy().into_owned();
            if is_hex(&rest) && entry.file_type().is_ok_and(|t| t.is_file()) {
                found.push((format!("{prefix}{rest}"), entry.path()));
            }
        }
    }
    found.sort();
    found
}

/// The inflater and buffers of the check, made once for all the objects (a repository just
/// committed to holds hundreds of small ones).
struct Inflater {
    inflate: Decompress,
    buf: Vec<u8>,
    out: Vec<u8>,
}

impl Inflater {
    fn new() -> Inflater {
        Inflater {
            inflate: Decompress::new(true),
            buf: vec![0u8; CHUNK],
            out: vec![0u8; CHUNK],
        }
    }

    /// Inflates one loose object to its end: `Err` says what is wrong with it. A file that
    /// cannot be opened is left to libgit2, which reports it as an error rather than hanging.
    fn check_object(&mut self, file: &Path) -> Result<(), String> {
        let Ok(input) = std::fs::File::open(file) else {
            return Ok(());
        };
        self.inflate.reset(true);
        inflate_object(input, &mut self.inflate, &mut self.buf, &mut self.out)
    }
}

/// Inflates `input` to its end with `inflate` (fresh), reading into `buf` and inflating into
/// `out` chunk by chunk.
fn inflate_object(
    mut input: impl Read,
    inflate: &mut Decompress,
    buf: &mut [u8],
    out: &mut [u8],
) -> Result<(), String> {
    let mut header = Vec::new();
    let mut inflated: u64 = 0;
    loop {
        let read = input.read(buf).map_err(|e| e.to_string())?;
        if read == 0 {
            return Err("the zlib stream is truncated".into());
        }
        let mut pos = 0;
        while pos < read {
            let (before_in, before_out) = (inflate.total_in(), inflate.total_out());
            let status = inflate
                .decompress(&buf[pos..read], out, FlushDecompress::None)
                .map_err(|e| format!("invalid zlib data: {e}"))?;
            pos += (inflate.total_in() - before_in) as usize;
            let produced = (inflate.total_out() - before_out) as usize;
            if !header.contains(&0) {
                header.extend_from_slice(&out[..produced.min(MAX_HEADER - header.len())]);
            }
            inflated += produced as u64;
            if status == Status::StreamEnd {
                return check_size(&header, inflated);
            }
            if produced == 0 && inflate.total_in() == before_in {
                return Err("the zlib stream makes no progress".into());
            }
        }
    }
}

/// Whether the header's size is what the object inflated to (header excluded).
fn check_size(header: &[u8], inflated: u64) -> Result<(), String> {
    let end = header
        .iter()
        .position(|&b| b == 0)
        .ok_or("no object header")?;
    let text = std::str::from_utf8(&header[..end]).map_err(|_| "unreadable object header")?;
    let (kind, size) = text.split_once(' ').ok_or("unreadable object header")?;
    let size: u64 = size.parse().map_err(|_| "unreadable object size")?;
    if !matches!(kind, "commit" | "tree" | "blob" | "tag") {
        return Err(format!("unknown object type `{}`", kind.escape_debug()));
    }
    let body = inflated - (end as u64 + 1);
    if body != size {
        return Err(format!("the header says {size} bytes, it holds {body}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;

    fn object(body: &[u8], header_size: usize) -> Vec<u8> {
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
        enc.write_all(format!("blob {header_size}\0").as_bytes())
            .unwrap();
        enc.write_all(body).unwrap();
        enc.finish().unwrap()
    }

    fn check(bytes: &[u8]) -> Result<(), String> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("obj");
        std::fs::write(&file, bytes).unwrap();
        Inflater::new().check_object(&file)
    }

    #[test]
    fn complete_objects_pass_even_when_larger_than_a_chunk() {
        let body: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(check(&object(&body, body.len())), Ok(()));
        assert_eq!(check(&object(b"", 0)), Ok(()));
    }

    #[test]
    fn truncated_and_mismatched_objects_are_named() {
        let full = object(b"hello world, hello world", 24);
        for cut in [0, 1, 2, full.len() / 2, full.len() - 1] {
            assert!(check(&full[..cut]).is_err(), "cut at {cut} passed");
        }
        assert_eq!(
            check(&object(b"hello", 9)),
            Err("the header says 9 bytes, it holds 5".into())
        );
        assert!(check(b"not zlib at all").unwrap_err().contains("zlib"));
    }

    #[test]
    fn the_first_corrupt_object_in_id_order_is_named_whichever_thread_checks_it() {
        let objects = tempfile::tempdir().unwrap();
        let good = object(b"hello", 5);
        let ids: Vec<String> = (0..1000u32).map(|n| format!("{n:040x}")).collect();
        for (n, id) in ids.iter().enumerate() {
            let dir = objects.path().join(&id[..2]);
            std::fs::create_dir_all(&dir).unwrap();
            let bytes = if n == 700 || n == 900 {
                &good[..3]
            } else {
                &good[..]
            };
            std::fs::write(dir.join(&id[2..]), bytes).unwrap();
        }
        let err = verify_loose_objects(objects.path()).unwrap_err();
        assert_eq!(err.id, ids[700]);
        std::fs::write(objects.path().join(&ids[10][..2]).join(&ids[10][2..]), b"x").unwrap();
        assert_eq!(
            verify_loose_objects(objects.path()).unwrap_err().id,
            ids[10]
        );
    }

    #[test]
    fn one_inflater_checks_each_object_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let (good, bad) = (dir.path().join("good"), dir.path().join("bad"));
        let full = object(b"hello world, hello world", 24);
        std::fs::write(&good, &full).unwrap();
        std::fs::write(&bad, &full[..full.len() / 2]).unwrap();
        let mut inflater = Inflater::new();
        for _ in 0..2 {
            assert!(inflater.check_object(&bad).is_err());
            assert_eq!(inflater.check_object(&good), Ok(()));
        }
    }
}
