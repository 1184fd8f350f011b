//! Kinds of evidence file and how a file is recognised as one: by name (globs, overridable per
//! kind in the config) or, where names lie, by its first bytes.

use globset::{Glob, GlobSet, GlobSetBuilder};

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
/// glob without `/` matches the file name at any depth.
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
        } else if let Ok(glob) = Glob::new(g) {
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
