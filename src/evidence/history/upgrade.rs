//! The "software upgrade" detectors of MFDS-CHG-002 (고시 2022-52 Art. 19-2; regulatory
//! catalogue §6.8): what a release range changed that may make it an upgrade needing change
//! approval, certification or notification, found by comparing the two tagged trees.
//!
//! The categories follow the catalogue: (i) intended use, (ii) model artifacts and
//! safety-critical (algorithm) code, (iii) toolchain / runtime / OS targets (toolchain pin files,
//! a Dockerfile's `FROM` images, a `Cargo.toml` edition), (iv) network and cryptography libraries
//! whose lockfile lines changed. A changed risk file is recorded beside them as context; it does
//! not force a classification by itself. Each hit names the path and, where it helps, what
//! changed (`FROM python:3.11 -> python:3.12`, `rustls`), never more.

use super::areas::{AreaMatcher, LOCKFILE, RISK, SAFETY_CRITICAL, kind_globs};
use super::tree_diff::Change;
use crate::config::LoadedConfig;
use crate::evidence::dependencies::lockfile::parse_lockfile;
use crate::evidence::extractor::{PathGlobs, compile_globs};
use git2::{Repository, Tree};

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Category names as they appear in the evidence, (i)..(iv) then the context category.
pub(super) const INTENDED_USE: &str = "intended_use";
pub(super) const MODEL: &str = "model";
pub(super) const SAFETY: &str = "safety_critical";
pub(super) const TOOLCHAIN: &str = "toolchain";
pub(super) const NETWORK_CRYPTO: &str = "network_crypto";
pub(super) const RISK_TABLE: &str = "risk";

/// The categories that make a range a possible upgrade (every one but the risk context).
pub(super) const UPGRADE_CATEGORIES: &[&str] =
    &[INTENDED_USE, MODEL, SAFETY, TOOLCHAIN, NETWORK_CRYPTO];

/// Files that pin a language, runtime or toolchain version.
const TOOLCHAIN_FILES: &[&str] = &[
    "rust-toolchain",
    "rust-toolchain.toml",
    ".nvmrc",
    ".node-version",
    ".python-version",
    ".ruby-version",
    ".java-version",
    ".tool-versions",
    "global.json",
    ".sdkmanrc",
];

/// Package names (or name parts) of network, TLS and cryptography libraries.
const NETWORK_CRYPTO_NAMES: &[&str] = &[
    "openssl",
    "rustls",
    "ring",
    "boringssl",
    "mbedtls",
    "wolfssl",
    "libsodium",
    "sodiumoxide",
    "nacl",
    "pynacl",
    "cryptography",
    "pycryptodome",
    "pyopenssl",
    "node-forge",
    "jsonwebtoken",
    "jose",
    "bcrypt",
    "hyper",
    "reqwest",
    "h2",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "axios",
    "grpcio",
    "tonic",
    "paramiko",
    "websockets",
    "ws",
    "bleak",
    "btleplug",
    "bouncycastle",
    "okhttp",
];

/// Name parts that mark a network or crypto package whatever its full name.
const NETWORK_CRYPTO_PARTS: &[&str] = &["tls", "ssl", "crypto", "http", "websocket", "bluetooth"];

/// Lockfiles larger than this are not compared line by line (a diagnostic says so).
pub(super) const MAX_LOCKFILE_BYTES: usize = 8 << 20;

/// One detected change: the path and, where it helps, what changed in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Hit {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The detectors' globs, compiled once per scan.
pub(super) struct Detectors {
    intended_use: PathGlobs,
    model: PathGlobs,
    toolchain: PathGlobs,
}

impl Detectors {
    pub(super) fn new(config: &LoadedConfig) -> Detectors {
        let names: Vec<String> = TOOLCHAIN_FILES.iter().map(|s| s.to_string()).collect();
        Detectors {
            intended_use: compile_globs(&kind_globs(config, "intended_use")),
            model: compile_globs(&kind_globs(config, "model_artifact")),
            toolchain: compile_globs(&names),
        }
    }

    /// The hits of one range, by category (only categories with hits), and the lockfiles that
    /// were too large to compare.
    pub(super) fn detect(
        &self,
        repo: &Repository,
        areas: &AreaMatcher,
        changes: &[Change],
        old: &Tree<'_>,
        new: &Tree<'_>,
    ) -> (BTreeMap<&'static str, Vec<Hit>>, Vec<String>) {
        let mut out: BTreeMap<&'static str, Vec<Hit>> = BTreeMap::new();
        let mut too_large = Vec::new();
        for change in changes {
            let path = change.path.as_str();
            let plain = |category: &'static str, out: &mut BTreeMap<&'static str, Vec<Hit>>| {
                out.entry(category).or_default().push(Hit {
                    path: path.to_string(),
                    detail: None,
                })
            };
            let in_areas = areas.areas_of(path);
            if self.intended_use.is_match(path) {
                plain(INTENDED_USE, &mut out);
            }
            if self.model.is_match(path) {
                plain(MODEL, &mut out);
            }
            if in_areas.iter().any(|a| a == SAFETY_CRITICAL) {
                plain(SAFETY, &mut out);
            }
            if in_areas.iter().any(|a| a == RISK) {
                plain(RISK_TABLE, &mut out);
            }
            if self.toolchain.is_match(path) {
                plain(TOOLCHAIN, &mut out);
            }
            let old_text = || blob_text(repo, old, change.old_path.as_deref().unwrap_or(path));
            let new_text = || blob_text(repo, new, path);
            if is_dockerfile(path) {
                let (before, after) = (from_lines(&old_text()), from_lines(&new_text()));
                if before != after {
                    out.entry(TOOLCHAIN).or_default().push(Hit {
                        path: path.to_string(),
                        detail: Some(format!("FROM {} -> {}", shown(&before), shown(&after))),
                    });
                }
            }
            if file_name(path) == "Cargo.toml" {
                let (before, after) = (edition(&old_text()), edition(&new_text()));
                if before != after {
                    out.entry(TOOLCHAIN).or_default().push(Hit {
                        path: path.to_string(),
                        detail: Some(format!(
                            "edition {} -> {}",
                            before.as_deref().unwrap_or("none"),
                            after.as_deref().unwrap_or("none")
                        )),
                    });
                }
            }
            if in_areas.iter().any(|a| a == LOCKFILE) {
                let (before, after) = (old_text(), new_text());
                if before.len() > MAX_LOCKFILE_BYTES || after.len() > MAX_LOCKFILE_BYTES {
                    too_large.push(path.to_string());
                    continue;
                }
                let libraries = changed_libraries(path, &before, &after);
                if !libraries.is_empty() {
                    out.entry(NETWORK_CRYPTO).or_default().push(Hit {
                        path: path.to_string(),
                        detail: Some(libraries.into_iter().collect::<Vec<_>>().join(", ")),
                    });
                }
            }
        }
        (out, too_large)
    }
}

/// The text of `path` in `tree` (empty when absent, not a blob or not UTF-8).
fn blob_text(repo: &Repository, tree: &Tree<'_>, path: &str) -> String {
    tree.get_path(std::path::Path::new(path))
        .ok()
        .and_then(|e| repo.find_blob(e.id()).ok())
        .map(|b| String::from_utf8_lossy(b.content()).into_owned())
        .unwrap_or_default()
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn is_dockerfile(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    name.starts_with("dockerfile")
        || name.starts_with("containerfile")
        || name.ends_with(".dockerfile")
}

/// The images of a Dockerfile's `FROM` lines, in order.
fn from_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.len() > 5 && l[..5].eq_ignore_ascii_case("from "))
        .filter_map(|l| {
            l[5..]
                .split_whitespace()
                .find(|w| !w.starts_with("--"))
                .map(str::to_string)
        })
        .collect()
}

fn shown(images: &[String]) -> String {
    if images.is_empty() {
        "none".into()
    } else {
        images.join(", ")
    }
}

/// The `edition = "..."` of a Cargo manifest.
fn edition(text: &str) -> Option<String> {
    text.lines().map(str::trim).find_map(|l| {
        let rest = l.strip_prefix("edition")?.trim_start().strip_prefix('=')?;
        Some(rest.trim().trim_matches('"').to_string())
    })
}

/// The network and crypto libraries whose pinned versions differ between two lockfile texts
/// (added, removed or re-pinned); lines added or removed when the lockfile does not parse.
fn changed_libraries(path: &str, before: &str, after: &str) -> BTreeSet<String> {
    let pins = |text: &str| -> Option<BTreeSet<(String, String)>> {
        if text.is_empty() {
            return Some(BTreeSet::new());
        }
        let locked = parse_lockfile(path, text.as_bytes())?.ok()?;
        Some(
            locked
                .packages
                .into_iter()
                .map(|p| (p.name.to_ascii_lowercase(), p.version))
                .collect(),
        )
    };
    if let (Some(old), Some(new)) = (pins(before), pins(after)) {
        return old
            .symmetric_difference(&new)
            .map(|(name, _)| name.clone())
            .filter(|name| is_network_crypto(name))
            .collect();
    }
    let old: BTreeSet<&str> = before.lines().collect();
    let new: BTreeSet<&str> = after.lines().collect();
    old.symmetric_difference(&new)
        .flat_map(|line| {
            line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map(str::to_ascii_lowercase)
                .filter(|t| is_network_crypto(t))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn is_network_crypto(token: &str) -> bool {
    let normalised = token.replace('_', "-");
    NETWORK_CRYPTO_NAMES.contains(&normalised.as_str())
        || NETWORK_CRYPTO_PARTS
            .iter()
            .any(|part| normalised.split('-').any(|piece| piece.contains(part)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_images_ignore_flags_and_case() {
        let text = "from --platform=linux/amd64 python:3.11-slim AS build\nRUN x\nFROM debian:12\n";
        assert_eq!(from_lines(text), vec!["python:3.11-slim", "debian:12"]);
    }

    #[test]
    fn editions_are_read_from_the_manifest() {
        assert_eq!(
            edition("[package]\nedition = \"2021\"\n").as_deref(),
            Some("2021")
        );
        assert_eq!(edition("[package]\nname = \"x\"\n"), None);
    }

    #[test]
    fn only_network_and_crypto_libraries_are_named() {
        let lock = |rustls: &str| {
            format!(
                "version = 3\n\n[[package]]\nname = \"rustls\"\nversion = \"{rustls}\"\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.1\"\n"
            )
        };
        let names = |a: &str, b: &str, path: &str| {
            changed_libraries(path, a, b)
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&lock("0.21.0"), &lock("0.23.0"), "Cargo.lock"),
            vec!["rustls"]
        );
        assert!(names(&lock("0.21.0"), &lock("0.21.0"), "Cargo.lock").is_empty());
        let pip_before = "requests==2.31.0\nnumpy==1.26.0\n";
        let pip_after = "requests==2.32.3\nnumpy==1.26.1\n";
        assert_eq!(
            names(pip_before, pip_after, "requirements.txt"),
            vec!["requests"]
        );
        // An unreadable lockfile falls back to the changed lines.
        assert_eq!(
            names("x openssl 1\n", "x openssl 3\n", "weird.lock"),
            vec!["openssl"]
        );
        assert!(!is_network_crypto("string"));
        assert!(is_network_crypto("pyopenssl"));
        assert!(is_network_crypto("ring"));
    }
}
