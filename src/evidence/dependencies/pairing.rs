//! Which lockfile goes with a manifest: the names of the formats that pin it (the lockfile
//! table), looked for beside the manifest and, for workspaces (Cargo, npm, Gradle), in the
//! folders above it.

use super::lockfile::{LockfileFormat, file_name, formats_pinning};
use crate::evidence::Context;
use crate::evidence::source::EntryKind;

/// The lockfile that goes with a manifest, if the repository has one: the first of the names of
/// the formats that pin it, beside the manifest, then (workspace formats only) in the folders
/// above. A manifest no format pins has none.
pub(super) fn find_lockfile(ctx: &Context, manifest: &str) -> Option<String> {
    let formats: Vec<&LockfileFormat> = formats_pinning(file_name(manifest)).collect();
    let mut dir = manifest.rsplit_once('/').map_or("", |(d, _)| d);
    let mut beside = true;
    loop {
        let names = formats
            .iter()
            .filter(|f| beside || f.workspace)
            .flat_map(|f| f.names);
        if let Some(hit) = names.into_iter().find_map(|n| lockfile_in(ctx, dir, n)) {
            return Some(hit);
        }
        if dir.is_empty() || !formats.iter().any(|f| f.workspace) {
            return None;
        }
        dir = dir.rsplit_once('/').map_or("", |(parent, _)| parent);
        beside = false;
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

#[cfg(test)]
mod tests {
    use super::find_lockfile;
    use crate::evidence::context::memory_source::MemorySource;

    #[test]
    fn manifests_pair_with_their_formats_lockfiles_and_unknown_ones_with_none() {
        let source = MemorySource::new(&[
            ("ws/Cargo.lock", ""),
            ("ws/crates/a/Cargo.toml", ""),
            ("py/poetry.lock", ""),
            ("py/sub/pyproject.toml", ""),
            ("py/requirements-dev.txt", ""),
            ("py/requirements.in", ""),
            ("tools/App.csproj", ""),
            ("tools/packages.lock.json", ""),
            ("tools/deps.manifest", ""),
        ]);
        source.with_context(|ctx| {
            let pair = |m: &str| find_lockfile(ctx, m);
            assert_eq!(
                pair("ws/crates/a/Cargo.toml").as_deref(),
                Some("ws/Cargo.lock")
            );
            // pyproject.toml is no workspace manifest: a lockfile above does not count.
            assert_eq!(pair("py/sub/pyproject.toml"), None);
            assert_eq!(
                pair("py/requirements.in").as_deref(),
                Some("py/requirements-dev.txt")
            );
            assert_eq!(
                pair("tools/App.csproj").as_deref(),
                Some("tools/packages.lock.json")
            );
            assert_eq!(pair("tools/deps.manifest"), None);
        });
    }
}
