//! What an extractor is: one source of evidence filling one top-level key, and the kinds of
//! evidence file it reads, each recognised by name (globs, overridable per kind in the config)
//! or, where names lie, by its first bytes.

use super::Context;
use super::name_pattern::NamePatterns;
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
/// literal, extension and prefix strategies. File-name globs of literals and `*`s
/// (`*risk-table*`) are matched by [`NamePatterns`] instead of globset's regex set. The globs may
/// come in groups (one per kind), and a path's matching groups are found in one pass.
pub struct PathGlobs {
    set: GlobSet,
    /// The group of each glob in `set`, by its index there.
    group_of: Vec<usize>,
    names: NamePatterns,
}

impl PathGlobs {
    pub fn is_match(&self, path: &str) -> bool {
        let path = path.to_lowercase();
        self.names.groups(&path).next().is_some() || self.set.is_match(&path)
    }

    /// The groups (indices into the lists given to [`compile_glob_groups`]) with a glob that
    /// matches `path`, ascending and without repeats.
    pub fn groups(&self, path: &str) -> Vec<usize> {
        let path = path.to_lowercase();
        let mut groups: Vec<usize> = self.names.groups(&path).collect();
        groups.extend(
            self.set
                .matches(&path)
                .into_iter()
                .map(|i| self.group_of[i]),
        );
        groups.sort_unstable();
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
    let patterns: Vec<(String, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(group, globs)| globs.as_ref().iter().map(move |g| (glob_pattern(g), group)))
        .collect();
    let (names, others) = NamePatterns::split(patterns.iter().map(|(p, g)| (p.as_str(), *g)));
    let mut b = GlobSetBuilder::new();
    let mut group_of = vec![];
    for (pattern, group) in others {
        if let Ok(glob) = globset::GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()
        {
            b.add(glob);
            group_of.push(group);
        }
    }
    PathGlobs {
        set: b.build().unwrap_or_else(|_| GlobSet::empty()),
        group_of,
        names,
    }
}

/// The pattern a config glob stands for: lower-cased, and a glob without `/` (a file name) at
/// any depth.
fn glob_pattern(glob: &str) -> String {
    let glob = glob.to_lowercase();
    match glob.contains('/') {
        true => glob,
        false => format!("**/{glob}"),
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

    /// Every glob of samdscan's own kinds, as groups of one kind each.
    fn builtin_glob_groups() -> Vec<Vec<String>> {
        crate::evidence::registry()
            .iter()
            .flat_map(|x| x.kinds())
            .map(|k| k.globs.iter().map(|g| g.to_string()).collect())
            .collect()
    }

    /// Each glob of `groups` compiled alone by globset, with its group: the matching before
    /// name patterns.
    fn globset_matchers(groups: &[Vec<String>]) -> Vec<(usize, globset::GlobMatcher)> {
        let compile = |g: &String| {
            globset::GlobBuilder::new(&glob_pattern(g))
                .literal_separator(true)
                .build()
                .ok()
                .map(|glob| glob.compile_matcher())
        };
        let each = groups.iter().enumerate();
        each.flat_map(|(i, globs)| globs.iter().filter_map(compile).map(move |m| (i, m)))
            .collect()
    }

    /// Paths each glob should and should not match: its `*`s filled in several ways, in
    /// folders, with a suffix or prefix added, and every file of the examples.
    fn sample_paths(groups: &[Vec<String>]) -> Vec<String> {
        let mut names = vec![];
        for glob in groups.iter().flatten() {
            let name = glob.rsplit('/').next().unwrap_or(glob);
            for fill in ["", "x", "-", "a-b_c", "위험"] {
                let filled = name.replace("**", fill).replace('*', fill);
                names.push(filled.clone());
                names.push(format!("{filled}.md"));
                names.push(format!("old-{filled}"));
                names.push(filled.to_uppercase());
            }
        }
        let folders = [
            "",
            "docs/",
            "a/b/",
            "docs/risk/",
            "docs/security/architecture/",
        ];
        let mut paths: Vec<String> = folders
            .iter()
            .flat_map(|f| names.iter().map(move |n| format!("{f}{n}")))
            .collect();
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for entry in walkdir::WalkDir::new(&examples).into_iter().flatten() {
            if let Ok(rel) = entry.path().strip_prefix(&examples) {
                paths.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
        paths
    }

    #[test]
    fn name_patterns_match_as_globset_does_for_every_builtin_glob() {
        let groups = builtin_glob_groups();
        assert!(groups.iter().flatten().count() > 300);
        let globs = compile_glob_groups(&groups);
        let paths = sample_paths(&groups);
        assert!(paths.len() > 10_000, "{}", paths.len());
        let reference = globset_matchers(&groups);
        let mut matched = 0;
        for path in &paths {
            let lower = path.to_lowercase();
            let mut expected: Vec<usize> = reference
                .iter()
                .filter(|(_, m)| m.is_match(&lower))
                .map(|(i, _)| *i)
                .collect();
            expected.dedup();
            matched += usize::from(!expected.is_empty());
            assert_eq!(globs.groups(path), expected, "{path}");
            assert_eq!(globs.is_match(path), !expected.is_empty(), "{path}");
        }
        // The samples exercise both answers.
        assert!(
            matched > paths.len() / 4 && matched < paths.len(),
            "{matched}"
        );
    }
}
