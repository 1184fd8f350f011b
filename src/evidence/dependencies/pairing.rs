//! Which lockfile goes with a manifest: the names each package manager writes, looked for beside
//! the manifest and, for workspaces (Cargo, npm, Gradle), in the folders above it.

use super::lockfile::file_name;
use crate::evidence::Context;
use crate::evidence::source::EntryKind;

/// The lockfile names that satisfy a manifest, and whether a parent folder's lockfile counts
/// (workspaces).
fn lockfile_names(manifest: &str) -> (&'static [&'static str], bool) {
    match manifest.to_ascii_lowercase().as_str() {
        "cargo.toml" => (&["Cargo.lock"], true),
        "package.json" => (
            &[
                "package-lock.json",
                "npm-shrinkwrap.json",
                "yarn.lock",
                "pnpm-lock.yaml",
                "bun.lock",
                "bun.lockb",
            ],
            true,
        ),
        "pyproject.toml" => (
            &[
                "poetry.lock",
                "uv.lock",
                "pdm.lock",
                "Pipfile.lock",
                "requirements*.txt",
            ],
            false,
        ),
        "pipfile" => (&["Pipfile.lock"], false),
        "requirements.in" => (&["requirements*.txt"], false),
        "go.mod" => (&["go.sum"], false),
        "gemfile" => (&["Gemfile.lock"], false),
        "gems.rb" => (&["gems.locked"], false),
        "composer.json" => (&["composer.lock"], false),
        "build.gradle" | "build.gradle.kts" => (&["gradle.lockfile"], true),
        "package.swift" => (&["Package.resolved"], false),
        "podfile" => (&["Podfile.lock"], false),
        _ => (&["packages.lock.json"], false),
    }
}

/// The lockfile that goes with a manifest, if the repository has one.
pub fn find_lockfile(ctx: &Context, manifest: &str) -> Option<String> {
    let (names, climb) = lockfile_names(file_name(manifest));
    let mut dir = manifest.rsplit_once('/').map_or("", |(d, _)| d);
    loop {
        if let Some(hit) = names.iter().find_map(|n| lockfile_in(ctx, dir, n)) {
            return Some(hit);
        }
        if !climb || dir.is_empty() {
            return None;
        }
        dir = dir.rsplit_once('/').map_or("", |(parent, _)| parent);
    }
}

/// The file called `name` in `dir` (`*` in `name` matches any run of characters).
fn lockfile_in(ctx: &Context, dir: &str, name: &str) -> Option<String> {
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let inventory = ctx.source.inventory();
    match name.split_once('*') {
        None => {
            let path = format!("{prefix}{name}");
            inventory.is_file(&path).then_some(path)
        }
        Some((head, tail)) => {
            // The inventory is sorted by path: only the run starting with `dir/head` can match,
            // so a repository with thousands of manifests is not scanned once per manifest.
            let start = format!("{prefix}{head}");
            let entries = &inventory.entries;
            let first = entries.partition_point(|e| e.path.as_str() < start.as_str());
            entries[first..]
                .iter()
                .take_while(|e| e.path.starts_with(&start))
                .filter(|e| e.kind == EntryKind::File)
                .map(|e| e.path.as_str())
                .find(|p| {
                    let name = &p[prefix.len()..];
                    !name.contains('/') && name.ends_with(tail)
                })
                .map(str::to_string)
        }
    }
}
