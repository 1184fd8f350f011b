//! The product's top-level source modules, so MFDS-SWL-003 can ask the architecture document to
//! name each one: every folder directly under a source root (`src/`, `crates/`, `packages/`,
//! `lib/`, `app/`) that holds at least one file, with how many files it holds and whether one of
//! them is on `product.safety_critical_paths`. Folders of tests, build output and caches are not
//! modules; neither are folders the scan leaves out as not evidence. A record names its folder
//! (`path`); `found` is false when the repository has no such folder.

use super::extractor::compile_globs;
use super::references::is_test_path;
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub(super) struct SourceModuleExtractor;

/// The folders whose sub-folders are the product's modules.
const ROOTS: &[&str] = &["src", "crates", "packages", "lib", "app"];

/// Folder names that are never a module: caches, build output, tests and vendored code.
const NOT_MODULES: &[&str] = &[
    "__pycache__",
    "node_modules",
    "target",
    "build",
    "dist",
    "vendor",
    "test",
    "tests",
    "__tests__",
    "testdata",
    "fixtures",
];

/// One top-level module.
#[derive(Debug, PartialEq, Serialize)]
struct Module {
    /// The folder's name, as an architecture document would name the module.
    name: String,
    /// The folder, repository-relative (`src/alarm`).
    path: String,
    files: usize,
    /// True when a file of the module is on `product.safety_critical_paths`.
    safety_critical: bool,
}

impl Extractor for SourceModuleExtractor {
    fn key(&self) -> &'static str {
        "source_modules"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let safety = ctx
            .config
            .config
            .product
            .as_ref()
            .and_then(|p| p.safety_critical_paths.clone())
            .unwrap_or_default();
        let safety = compile_globs(&safety);
        let files: Vec<&str> = ctx.source.inventory().file_paths().collect();
        // `is_not_evidence` may read a file's first bytes: asked only of files under a root.
        let modules = modules_of(&files, |p| !ctx.is_not_evidence(p), |p| safety.is_match(p));
        json!({"found": !modules.is_empty(), "roots": ROOTS, "modules": modules})
    }
}

/// The modules the files `paths` fall into, sorted by path; a file of a module counts when it
/// `is_evidence`.
fn modules_of(
    paths: &[&str],
    is_evidence: impl Fn(&str) -> bool,
    safety_critical: impl Fn(&str) -> bool,
) -> Vec<Module> {
    let mut by_path: BTreeMap<String, Module> = BTreeMap::new();
    for path in paths {
        let Some((name, folder)) = module_of(path).filter(|_| is_evidence(path)) else {
            continue;
        };
        let m = by_path.entry(folder.clone()).or_insert_with(|| Module {
            name,
            path: folder,
            files: 0,
            safety_critical: false,
        });
        m.files += 1;
        m.safety_critical |= safety_critical(path);
    }
    by_path.into_values().collect()
}

/// The module name and folder of a file at `ROOT/NAME/...`, when NAME is a module.
fn module_of(path: &str) -> Option<(String, String)> {
    let mut parts = path.split('/');
    let root = parts.next()?;
    let name = parts.next()?;
    parts.next()?;
    let is_module = ROOTS.contains(&root)
        && !name.starts_with('.')
        && !NOT_MODULES.contains(&name.to_ascii_lowercase().as_str())
        && !name.ends_with(".egg-info")
        && !is_test_path(path);
    is_module.then(|| (name.to_string(), format!("{root}/{name}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_under_a_source_root_are_modules() {
        let paths = [
            "src/alarm/threshold.py",
            "src/alarm/limits.py",
            "src/ingest/ecg.py",
            "src/main.py",
            "src/__pycache__/x.pyc",
            "src/tests/test_x.py",
            "crates/core/src/lib.rs",
            "docs/architecture/overview.md",
            "tests/test_alarm.py",
        ];
        let modules = modules_of(&paths, |_| true, |p| p.starts_with("src/alarm/"));
        let seen: Vec<(&str, &str, usize, bool)> = modules
            .iter()
            .map(|m| (m.name.as_str(), m.path.as_str(), m.files, m.safety_critical))
            .collect();
        assert_eq!(
            seen,
            [
                ("core", "crates/core", 1, false),
                ("alarm", "src/alarm", 2, true),
                ("ingest", "src/ingest", 1, false),
            ]
        );
        let evidence_only = modules_of(&paths, |p| !p.starts_with("src/ingest/"), |_| false);
        assert!(evidence_only.iter().all(|m| m.name != "ingest"));
        assert_eq!(evidence_only.len(), 2);
    }
}
