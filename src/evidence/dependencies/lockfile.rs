//! The lockfile table, one row per format: the file names its package manager writes, the
//! ecosystem, the parser, the manifests whose dependencies it pins and whether a workspace's
//! lockfile above the manifest counts. The lockfile and manifest globs, the parser chosen for a
//! file, the lockfile looked for beside a manifest and the ecosystem (so the purl type) of each
//! all come from here; a new format is one row (and its parser). Formats that only matter to the
//! history areas (a changed lockfile of an ecosystem samdscan does not read) are rows too, marked
//! not read. Also what every parser yields: the packages and (requirements files) the
//! requirements left unpinned.

use super::manifest::Direct;
use super::manifest::{
    BUILD_GRADLE, CARGO_TOML, COMPOSER_JSON, GEMFILE, GEMS_RB, GO_MOD, Manifest, PACKAGE_JSON,
    PACKAGE_SWIFT, PIPFILE, PODFILE, PROJECT_FILE, PYPROJECT, REQUIREMENTS_IN,
};
use super::package::{Ecosystem, Package};
use super::{
    cargo, cocoapods, composer, conda, golang, gradle, npm, nuget, pdm, pex, pnpm, python, ruby,
    swift, yarn,
};
use Ecosystem as E;
use Parser::{Bytes, Requirements, Sniffed, Text, Unread};
use std::sync::LazyLock;

/// How a format is read.
pub enum Parser {
    /// From the bytes (parsers that check the encoding themselves, JSON mostly).
    Bytes(fn(&[u8]) -> Result<Vec<Package>, String>),
    /// From UTF-8 text.
    Text(fn(&str) -> Result<Vec<Package>, String>),
    /// From UTF-8 text, with the requirements left unpinned (requirements files).
    Requirements(fn(&str) -> (Vec<Package>, Direct)),
    /// From the bytes, for a format recognised by content (the first test), whatever the name.
    Sniffed(fn(&[u8]) -> bool, fn(&[u8]) -> Result<Vec<Package>, String>),
    /// Recognised beside a manifest or in the history, but not read.
    Unread,
}

pub struct LockfileFormat {
    /// File names (`*` matches any run of characters), in the order looked for.
    pub names: &'static [&'static str],
    pub ecosystem: Ecosystem,
    pub parser: Parser,
    /// The manifests whose dependencies this lockfile pins.
    pub manifests: &'static [Manifest],
    /// Whether the lockfile of a folder above the manifest counts (workspaces).
    pub workspace: bool,
}

/// Every lockfile format; where several pin one manifest, the first found beside it wins.
#[rustfmt::skip]
pub const LOCKFILE_FORMATS: &[LockfileFormat] = &[
    LockfileFormat { names: &["Cargo.lock"], ecosystem: E::Cargo, parser: Text(cargo::parse_lock),
        manifests: &[CARGO_TOML], workspace: true },
    LockfileFormat { names: &["package-lock.json", "npm-shrinkwrap.json"], ecosystem: E::Npm,
        parser: Bytes(npm::parse_lock), manifests: &[PACKAGE_JSON], workspace: true },
    LockfileFormat { names: &["yarn.lock"], ecosystem: E::Npm, parser: Text(yarn::parse_lock),
        manifests: &[PACKAGE_JSON], workspace: true },
    LockfileFormat { names: &["pnpm-lock.yaml"], ecosystem: E::Npm, parser: Text(pnpm::parse_lock),
        manifests: &[PACKAGE_JSON], workspace: true },
    LockfileFormat { names: &["bun.lock", "bun.lockb"], ecosystem: E::Npm, parser: Unread,
        manifests: &[PACKAGE_JSON], workspace: true },
    LockfileFormat { names: &["poetry.lock"], ecosystem: E::Pypi,
        parser: Text(python::parse_poetry), manifests: &[PYPROJECT], workspace: false },
    LockfileFormat { names: &["uv.lock"], ecosystem: E::Pypi, parser: Text(python::parse_uv),
        manifests: &[PYPROJECT], workspace: false },
    LockfileFormat { names: &["pdm.lock"], ecosystem: E::Pypi, parser: Text(pdm::parse_lock),
        manifests: &[PYPROJECT], workspace: false },
    LockfileFormat { names: &["Pipfile.lock"], ecosystem: E::Pypi,
        parser: Bytes(python::parse_pipfile_lock), manifests: &[PYPROJECT, PIPFILE],
        workspace: false },
    LockfileFormat { names: &["requirements*.txt"], ecosystem: E::Pypi,
        parser: Requirements(python::parse_requirements), manifests: &[PYPROJECT, REQUIREMENTS_IN],
        workspace: false },
    // go.mod pins its own requirements; go.sum is what satisfies the go.mod manifest.
    LockfileFormat { names: &["go.mod"], ecosystem: E::Golang, parser: Text(golang::parse_go_mod),
        manifests: &[], workspace: false },
    LockfileFormat { names: &["go.sum"], ecosystem: E::Golang, parser: Unread,
        manifests: &[GO_MOD], workspace: false },
    LockfileFormat { names: &["Gemfile.lock"], ecosystem: E::Gem, parser: Text(ruby::parse_lock),
        manifests: &[GEMFILE], workspace: false },
    LockfileFormat { names: &["gems.locked"], ecosystem: E::Gem, parser: Text(ruby::parse_lock),
        manifests: &[GEMS_RB], workspace: false },
    LockfileFormat { names: &["composer.lock"], ecosystem: E::Composer,
        parser: Bytes(composer::parse_lock), manifests: &[COMPOSER_JSON], workspace: false },
    LockfileFormat { names: &["gradle.lockfile"], ecosystem: E::Maven,
        parser: Text(gradle::parse_lock), manifests: &[BUILD_GRADLE], workspace: true },
    LockfileFormat { names: &["packages.lock.json"], ecosystem: E::Nuget,
        parser: Bytes(nuget::parse_lock), manifests: &[PROJECT_FILE], workspace: false },
    LockfileFormat { names: &["Package.resolved"], ecosystem: E::Swift,
        parser: Bytes(swift::parse_resolved), manifests: &[PACKAGE_SWIFT], workspace: false },
    LockfileFormat { names: &["Podfile.lock"], ecosystem: E::Cocoapods,
        parser: Text(cocoapods::parse_lock), manifests: &[PODFILE], workspace: false },
    LockfileFormat { names: &["conda-lock.yml", "*.conda-lock.yml"], ecosystem: E::Conda,
        parser: Text(conda::parse_lock), manifests: &[], workspace: false },
    // Pants and `pex3 lock` write any name (`3rdparty/python/default.lock`, `lock.json`).
    LockfileFormat { names: &[], ecosystem: E::Pypi,
        parser: Sniffed(pex::looks_like_lock, pex::parse_lock), manifests: &[], workspace: false },
    // Not read; named so that the history counts their changes as lockfile changes.
    LockfileFormat { names: &["conan.lock"], ecosystem: E::Conan, parser: Unread, manifests: &[],
        workspace: false },
    LockfileFormat { names: &["vcpkg.json"], ecosystem: E::Vcpkg, parser: Unread, manifests: &[],
        workspace: false },
    LockfileFormat { names: &["pubspec.lock"], ecosystem: E::Pub, parser: Unread, manifests: &[],
        workspace: false },
    LockfileFormat { names: &["mix.lock"], ecosystem: E::Hex, parser: Unread, manifests: &[],
        workspace: false },
];

/// True when a file name matches a name of the table (case-insensitively; `*` is any run).
pub fn name_matches(pattern: &str, name: &str) -> bool {
    let (pattern, name) = (pattern.to_ascii_lowercase(), name.to_ascii_lowercase());
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            name.len() >= head.len() + tail.len() && name.starts_with(head) && name.ends_with(tail)
        }
    }
}

impl LockfileFormat {
    /// False for the formats only recognised beside a manifest or in the history.
    fn is_read(&self) -> bool {
        !matches!(self.parser, Unread)
    }
}

/// True when a file name matches one of `names`.
fn named(names: &[&str], name: &str) -> bool {
    names.iter().any(|n| name_matches(n, name))
}

/// The format of a lockfile of this name, read or not (none for names of no format).
pub fn lockfile_format(name: &str) -> Option<&'static LockfileFormat> {
    LOCKFILE_FORMATS.iter().find(|f| named(f.names, name))
}

/// True for the first bytes of a lockfile of a format recognised by content.
pub fn sniff_lockfile(head: &[u8]) -> bool {
    LOCKFILE_FORMATS
        .iter()
        .any(|f| matches!(f.parser, Sniffed(looks, _) if looks(head)))
}

/// Every file name of every format, read or not (what the history counts as a lockfile).
pub fn all_lockfile_names() -> impl Iterator<Item = &'static str> {
    LOCKFILE_FORMATS
        .iter()
        .flat_map(|f| f.names.iter().copied())
}

/// The formats that pin a manifest of this name, in the order they are looked for.
pub fn formats_pinning(manifest: &str) -> impl Iterator<Item = &'static LockfileFormat> + use<'_> {
    LOCKFILE_FORMATS
        .iter()
        .filter(move |f| f.manifests.iter().any(|m| named(m.names, manifest)))
}

/// A manifest of this name: its ecosystem and reader (none for names that are no manifest).
pub fn manifest_format(name: &str) -> Option<(Ecosystem, &'static Manifest)> {
    LOCKFILE_FORMATS.iter().find_map(|f| {
        let m = f.manifests.iter().find(|m| named(m.names, name))?;
        Some((f.ecosystem, m))
    })
}

/// The globs of the `lockfile` kind: every name of a format that is read.
pub static LOCKFILE_GLOBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let read = LOCKFILE_FORMATS.iter().filter(|f| f.is_read());
    unique(read.flat_map(|f| f.names.iter().copied()))
});

/// The globs of the `manifest` kind: every manifest a format pins.
pub static MANIFEST_GLOBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let manifests = LOCKFILE_FORMATS.iter().flat_map(|f| f.manifests);
    unique(manifests.flat_map(|m| m.names.iter().copied()))
});

fn unique(names: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = vec![];
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// What one lockfile pins: ecosystem, packages, and (requirements files) the requirements left
/// unpinned, as (name, specifier).
pub struct Locked {
    pub ecosystem: Ecosystem,
    pub packages: Vec<Package>,
    pub unpinned: Direct,
}

pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn text(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 text (at byte {})", e.valid_up_to()))
}

/// Parses a lockfile chosen by its file name, else by its content; `None` when it is of no
/// format of the table, an error when samdscan does not read its format or it does not parse.
pub fn parse_lockfile(path: &str, bytes: &[u8]) -> Option<Result<Locked, String>> {
    let name = file_name(path);
    let by_content = || {
        LOCKFILE_FORMATS
            .iter()
            .find(|f| matches!(f.parser, Sniffed(looks, _) if looks(bytes)))
    };
    let format = lockfile_format(name).or_else(by_content)?;
    let pins = match format.parser {
        Bytes(parse) | Sniffed(_, parse) => parse(bytes).map(|p| (p, vec![])),
        Text(parse) => text(bytes).and_then(parse).map(|p| (p, vec![])),
        Requirements(parse) => text(bytes).map(parse),
        Unread => Err(format!(
            "samdscan does not read {name} lockfiles (their packages are not compared)"
        )),
    };
    Some(pins.map(|(packages, unpinned)| Locked {
        ecosystem: format.ecosystem,
        packages,
        unpinned,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_case_insensitively_with_one_wildcard() {
        assert!(name_matches("requirements*.txt", "Requirements-dev.TXT"));
        assert!(name_matches("requirements*.txt", "requirements.txt"));
        assert!(!name_matches("requirements*.txt", "requirements.in"));
        assert!(
            name_matches("*.csproj", "App.CSPROJ") && !name_matches("Cargo.lock", "Cargo.toml")
        );
    }

    #[test]
    fn one_table_gives_globs_parsers_manifests_and_pairings() {
        assert!(LOCKFILE_GLOBS.contains(&"gems.locked") && LOCKFILE_GLOBS.contains(&"go.mod"));
        assert!(!LOCKFILE_GLOBS.contains(&"bun.lock") && !LOCKFILE_GLOBS.contains(&"go.sum"));
        assert_eq!(
            MANIFEST_GLOBS
                .iter()
                .filter(|g| **g == "pyproject.toml")
                .count(),
            1
        );
        assert_eq!(MANIFEST_GLOBS.len(), 15);
        assert!(lockfile_format("bun.lock").is_some_and(|f| !f.is_read()));
        assert!(lockfile_format("flake.lock").is_none());
        let names: Vec<&str> = all_lockfile_names().collect();
        for n in [
            "bun.lock",
            "go.sum",
            "conan.lock",
            "mix.lock",
            "pdm.lock",
            "conda-lock.yml",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        assert!(LOCKFILE_GLOBS.contains(&"pdm.lock") && !LOCKFILE_GLOBS.contains(&"mix.lock"));
        assert_eq!(
            lockfile_format("POETRY.lock").map(|f| f.ecosystem),
            Some(E::Pypi)
        );
        let names = |m: &str| -> Vec<&str> {
            formats_pinning(m)
                .flat_map(|f| f.names.iter().copied())
                .collect()
        };
        assert_eq!(
            names("pyproject.toml"),
            [
                "poetry.lock",
                "uv.lock",
                "pdm.lock",
                "Pipfile.lock",
                "requirements*.txt"
            ]
        );
        assert_eq!(names("go.mod"), ["go.sum"]);
        assert_eq!(names("App.fsproj"), ["packages.lock.json"]);
        assert!(names("unknown.manifest").is_empty());
        assert_eq!(manifest_format("gems.rb").map(|(e, _)| e), Some(E::Gem));
        assert!(manifest_format("Cargo.lock").is_none());
    }

    #[test]
    fn files_dispatch_by_name_then_content_and_unread_formats_say_so() {
        let pex = br#"{"locked_resolves": [{"locked_requirements": [{"project_name": "idna", "version": "3.7"}]}], "requirements": ["idna"]}"#;
        let locked = parse_lockfile("3rdparty/python/default.lock", pex)
            .unwrap()
            .unwrap();
        assert_eq!((locked.ecosystem, locked.packages.len()), (E::Pypi, 1));
        assert!(sniff_lockfile(pex) && !sniff_lockfile(b"{\"lockfileVersion\": 3}"));
        let unread = parse_lockfile("mix.lock", b"%{}").unwrap();
        assert!(unread.is_err_and(|e| e.contains("does not read mix.lock")));
        assert!(parse_lockfile("deps/flake.lock", b"{}").is_none());
        let reqs = parse_lockfile("requirements.txt", b"torch>=2.4\n")
            .unwrap()
            .unwrap();
        assert_eq!(reqs.unpinned, [("torch".to_string(), ">=2.4".to_string())]);
    }
}
