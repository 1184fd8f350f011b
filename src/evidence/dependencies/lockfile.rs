//! Which parser reads a lockfile, chosen by its file name, and what every parser yields: the
//! ecosystem, the packages, and (for requirements files) the names left unpinned.

use super::package::{Ecosystem, Package};
use super::{
    cargo, cocoapods, composer, golang, gradle, npm, nuget, pnpm, python, ruby, swift, yarn,
};

/// What one lockfile pins: ecosystem, packages, and (requirements files) unpinned names.
pub struct Locked {
    pub ecosystem: Ecosystem,
    pub packages: Vec<Package>,
    pub unpinned: Vec<String>,
}

pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn text(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 text (at byte {})", e.valid_up_to()))
}

/// Parses a lockfile chosen by its file name; `None` when the name is not a known lockfile.
pub fn parse_lockfile(path: &str, bytes: &[u8]) -> Option<Result<Locked, String>> {
    use Ecosystem as E;
    let name = file_name(path).to_ascii_lowercase();
    let locked = |eco: Ecosystem, r: Result<Vec<Package>, String>| {
        r.map(|packages| Locked {
            ecosystem: eco,
            packages,
            unpinned: vec![],
        })
    };
    Some(match name.as_str() {
        "cargo.lock" => locked(E::Cargo, text(bytes).and_then(cargo::parse_lock)),
        "package-lock.json" | "npm-shrinkwrap.json" => locked(E::Npm, npm::parse_lock(bytes)),
        "yarn.lock" => locked(E::Npm, text(bytes).and_then(yarn::parse_lock)),
        "pnpm-lock.yaml" => locked(E::Npm, text(bytes).and_then(pnpm::parse_lock)),
        "poetry.lock" => locked(E::Pypi, text(bytes).and_then(python::parse_poetry)),
        "uv.lock" => locked(E::Pypi, text(bytes).and_then(python::parse_uv)),
        "pipfile.lock" => locked(E::Pypi, python::parse_pipfile_lock(bytes)),
        "go.mod" => locked(E::Golang, text(bytes).and_then(golang::parse_go_mod)),
        "gemfile.lock" | "gems.locked" => locked(E::Gem, text(bytes).and_then(ruby::parse_lock)),
        "composer.lock" => locked(E::Composer, composer::parse_lock(bytes)),
        "gradle.lockfile" => locked(E::Maven, text(bytes).and_then(gradle::parse_lock)),
        "packages.lock.json" => locked(E::Nuget, nuget::parse_lock(bytes)),
        "package.resolved" => locked(E::Swift, swift::parse_resolved(bytes)),
        "podfile.lock" => locked(E::Cocoapods, text(bytes).and_then(cocoapods::parse_lock)),
        n if n.starts_with("requirements") && n.ends_with(".txt") => text(bytes).map(|t| {
            let (packages, unpinned) = python::parse_requirements(t);
            Locked {
                ecosystem: E::Pypi,
                packages,
                unpinned,
            }
        }),
        _ => return None,
    })
}
