//! Bounded searches over many files of the scanned tree, shared by the extractors that look for
//! patterns in whatever is committed (secrets, cryptography, personal data): each file is read
//! only under a size cap, binary files are told apart from text, and the number of hits kept is
//! capped. Every cap that is reached is counted and named in a diagnostic, so that a search cut
//! short is never mistaken for a clean one.

use crate::evidence::Context;
use crate::evidence::source::ReadError;
use std::borrow::Cow;

/// What a bounded search read: the files the visitor searched and the files over the cap.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Searched {
    pub files: usize,
    pub too_large: usize,
}

/// Reads each of `paths` (at most `cap` bytes, else it is counted as too large) and hands its
/// bytes to `visit`, which says whether it searched them. A file that cannot be read for another
/// reason than its size is a diagnostic naming it.
pub fn search_files<'p>(
    ctx: &Context,
    paths: impl IntoIterator<Item = &'p str>,
    cap: u64,
    mut visit: impl FnMut(&'p str, &[u8]) -> bool,
) -> Searched {
    let mut searched = Searched::default();
    for path in paths {
        let size = ctx.source.inventory().get(path).and_then(|e| e.size);
        if size.is_some_and(|s| s > cap) {
            searched.too_large += 1;
            continue;
        }
        match ctx.source.read(path, cap) {
            Ok(bytes) => searched.files += usize::from(visit(path, &bytes)),
            Err(ReadError::TooLarge { .. }) => searched.too_large += 1,
            Err(ReadError::NotAFile) => {}
            Err(e) => ctx.diagnose(path, e.to_string()),
        }
    }
    searched
}

/// The text of a file, or `None` when it is binary (holds a NUL byte).
pub fn text_of(bytes: &[u8]) -> Option<Cow<'_, str>> {
    (!bytes.contains(&0)).then(|| String::from_utf8_lossy(bytes))
}

/// What a search looks for, as its diagnostics name it: `committed secrets`, and the rule.
#[derive(Debug, Clone, Copy)]
pub struct Purpose {
    pub what: &'static str,
    pub rule: &'static str,
}

/// Records at `anchor` that `too_large` files over `cap` bytes were not searched.
pub fn diagnose_too_large(ctx: &Context, anchor: &str, too_large: usize, cap: u64, p: Purpose) {
    if too_large > 0 {
        ctx.diagnose(
            anchor,
            format!(
                "{too_large} files larger than {} MiB were not searched for {} ({})",
                cap >> 20,
                p.what,
                p.rule
            ),
        );
    }
}

/// Keeps the first `max` hits; when there were more, records at `anchor` how many possible
/// hits were found and returns true (the search was truncated).
pub fn keep_first<T>(
    ctx: &Context,
    anchor: &str,
    hits: &mut Vec<T>,
    max: usize,
    p: Purpose,
) -> bool {
    let truncated = hits.len() > max;
    if truncated {
        ctx.diagnose(
            anchor,
            format!(
                "{} possible {} found; the first {max} are reported ({})",
                hits.len(),
                p.what,
                p.rule
            ),
        );
        hits.truncate(max);
    }
    truncated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::context::memory_source::MemorySource;

    #[test]
    fn files_over_the_cap_are_counted_and_binary_is_not_text() {
        let source = MemorySource::from_bytes(&[
            ("small.txt", b"hello".as_slice()),
            ("big.txt", &[b'x'; 64]),
            ("blob.bin", b"a\0b"),
        ]);
        source.with_context(|ctx| {
            let mut seen = vec![];
            let paths = ["small.txt", "big.txt", "blob.bin"];
            let searched = search_files(ctx, paths, 16, |path, bytes| {
                seen.push(path);
                text_of(bytes).is_some()
            });
            assert_eq!(
                searched,
                Searched {
                    files: 1,
                    too_large: 1
                }
            );
            assert_eq!(seen, ["small.txt", "blob.bin"]);
            let purpose = Purpose {
                what: "things",
                rule: "X-1",
            };
            let mut hits = vec![1, 2, 3];
            assert!(keep_first(ctx, ".", &mut hits, 2, purpose));
            assert_eq!(hits, [1, 2]);
            assert!(!keep_first(ctx, ".", &mut hits, 2, purpose));
            diagnose_too_large(ctx, ".", searched.too_large, 2 << 20, purpose);
            let messages: Vec<String> = ctx
                .take_diagnostics()
                .into_iter()
                .map(|d| d.message)
                .collect();
            assert_eq!(
                messages,
                [
                    "1 files larger than 2 MiB were not searched for things (X-1)",
                    "3 possible things found; the first 2 are reported (X-1)"
                ]
            );
        });
    }
}
