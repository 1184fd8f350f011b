//! What an extractor is: one source of evidence filling one top-level key, and the kinds of
//! evidence file it reads, each recognised by name (globs, overridable per kind in the config)
//! or, where names lie, by its first bytes.

use super::Context;
use globset::{GlobSet, GlobSetBuilder};
use serde_json::Value;

/// One source of evidence: reads files (or git) and yields the value of one top-level key.
pub trait Extractor: Sync {
    /// The top-level key of the evidence document this extractor fills.
    fn key(&self) -> &'static str;
    /// Whether it runs on a thread of its own, beside the others, when the source and the
    /// repository can be opened there: for an extractor whose work is long and its own (the
    /// history walk), so that a scan uses a second core. It then has its own repository handle
    /// and parse cache; its diagnostics join the others'.
    fn own_thread(&self) -> bool {
        false
    }
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

/// Compiled path globs, matched case-insensitively: patterns and paths are lower-cased, because
/// globset turns a case-insensitive glob into a regex while a lower-cased one keeps its fast
/// literal, extension and prefix strategies. The globs may come in groups (one per kind), and a
/// path's matching groups are found in one pass.
pub struct PathGlobs {
    set: GlobSet,
    /// The group of each compiled glob, by the glob's index in `set`.
    group_of: Vec<usize>,
}

impl PathGlobs {
    pub fn is_match(&self, path: &str) -> bool {
        self.set.is_match(path.to_lowercase())
    }

    /// The groups (indices into the lists given to [`compile_glob_groups`]) with a glob that
    /// matches `path`, ascending and without repeats.
    pub fn groups(&self, path: &str) -> Vec<usize> {
        let mut groups: Vec<usize> = self
            .set
            .matches(path.to_lowercase())
            .into_iter()
            .map(|i| self.group_of[i])
            .collect();
        groups.dedup();
        groups
    }
}

/// Compiles a kind's globs (the user's override if given). Globs match case-insensitively, and a
/// glob without `/` matches the file name at any depth. Every glob of the config was checked when
/// it was loaded (an invalid one is a config error), so none is dropped here in practice.
pub fn compile_globs(globs: &[String]) -> PathGlobs {
    compile_glob_groups(&[globs])
}

/// Compiles several groups of globs (as [`compile_globs`] does one) into one set.
pub fn compile_glob_groups<G: AsRef<[String]>>(groups: &[G]) -> PathGlobs {
    let mut b = GlobSetBuilder::new();
    let mut group_of = vec![];
    for (group, globs) in groups.iter().enumerate() {
        for g in globs.as_ref() {
            let g = g.to_lowercase();
            let pattern = if g.contains('/') {
                g
            } else {
                format!("**/{g}")
            };
            if let Ok(glob) = globset::GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
            {
                b.add(glob);
                group_of.push(group);
            }
        }
    }
    PathGlobs {
        set: b.build().unwrap_or_else(|_| GlobSet::empty()),
        group_of,
    }
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
        assert!(set.is_match("Docs/Risk/Plan.MD"));
    }

    #[test]
    fn groups_name_every_group_a_path_matches() {
        let globs = compile_glob_groups(&[
            vec!["*.md".to_string()],
            vec!["docs/**".to_string(), "README*".to_string()],
            vec!["*.json".to_string()],
        ]);
        assert_eq!(globs.groups("docs/README.md"), [0, 1]);
        assert_eq!(globs.groups("sbom.JSON"), [2]);
        assert!(globs.groups("src/main.rs").is_empty());
    }
}
