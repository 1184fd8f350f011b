//! What an extractor is: one source of evidence filling one top-level key, and the kinds of
//! evidence file it reads, each recognised by name (globs, overridable per kind in the config)
//! or, where names lie, by its first bytes.

use super::Context;
use globset::{GlobSet, GlobSetBuilder};
use serde_json::Value;

/// One source of evidence: reads files (or git) and yields the value of one top-level key.
pub trait Extractor {
    /// The top-level key of the evidence document this extractor fills.
    fn key(&self) -> &'static str;
    /// The kinds of file it reads; their names are the keys users may override in `evidence:`.
    fn kinds(&self) -> &'static [FileKind] {
        &[]
    }
    fn collect(&self, ctx: &Context) -> Value;
}

/// Recognises a kind by content. Only files with one of `extensions` are opened, and only their
/// first bytes are read.
#[derive(Clone, Copy)]
pub struct Sniffer {
    pub extensions: &'static [&'static str],
    pub test: fn(&[u8]) -> bool,
}

/// A kind of evidence file.
#[derive(Clone, Copy)]
pub struct FileKind {
    /// The key users write under `evidence:` to override the globs.
    pub name: &'static str,
    pub globs: &'static [&'static str],
    pub sniffer: Option<Sniffer>,
}

/// Compiles a kind's globs (the user's override if given). Globs match case-insensitively, and a
/// glob without `/` matches the file name at any depth. Every glob of the config was checked when
/// it was loaded (an invalid one is a config error), so none is dropped here in practice.
pub fn compile_globs(globs: &[String]) -> GlobSet {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let pattern = if g.contains('/') {
            g.clone()
        } else {
            format!("**/{g}")
        };
        if let Ok(glob) = globset::GlobBuilder::new(&pattern)
            .case_insensitive(true)
            .literal_separator(true)
            .build()
        {
            b.add(glob);
        }
    }
    b.build().unwrap_or_else(|_| GlobSet::empty())
}

/// The file extension of a path, lower-cased, without the dot.
pub fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_names_match_at_any_depth_case_insensitively() {
        let set = compile_globs(&["SECURITY.md".into(), "docs/risk/**".into()]);
        assert!(set.is_match("SECURITY.md"));
        assert!(set.is_match(".github/security.md"));
        assert!(set.is_match("docs/risk/plan.md"));
        assert!(!set.is_match("src/docs/risk/plan.md"));
    }
}
