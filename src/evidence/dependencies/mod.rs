//! Third-party dependencies: what the lockfiles pin (one module per ecosystem), what the
//! manifests ask for and whether each has a lockfile, which dependencies are direct, how the
//! lockfiles compare with the SBOMs (drift and freshness), and the container base images.
//!
//! The evidence stays bounded whatever the size of a lockfile: per-package detail is reduced
//! here (counts and the first few names), except for direct dependencies, which the SOUP-list
//! rule needs one by one.

mod cargo;
mod cocoapods;
mod composer;
mod conda;
mod dockerfile;
pub mod drift;
mod golang;
mod gradle;
pub mod lockfile;
pub mod manifest;
mod npm;
mod nuget;
pub mod package;
mod pairing;
mod pdm;
mod pex;
mod pnpm;
mod python;
mod ruby;
mod swift;
mod yarn;

use super::extractor::{FileKind, Sniffer};
use super::read::path_history::last_changes;
use super::sbom;
use super::{Context, Extractor};
pub use lockfile::parse_lockfile;
use lockfile::{
    LOCKFILE_GLOBS, Locked, MANIFEST_GLOBS, file_name, manifest_format, sniff_lockfile,
};
use package::{Ecosystem, Package, generic_name};
use pairing::find_lockfile;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// At most this many direct dependencies are listed, with the total beside them
/// (`direct_total`). More are named in a diagnostic, and the rules that read the list are not
/// evaluated over it (never passed).
const MAX_DIRECT: usize = 2000;

pub struct DependencyExtractor;

/// The kinds read here; the lockfile and manifest globs come from the lockfile table.
static DEPENDENCY_KINDS: LazyLock<[FileKind; 3]> = LazyLock::new(|| {
    [
        FileKind {
            name: "lockfile",
            globs: &LOCKFILE_GLOBS,
            // Formats with no fixed name (PEX locks).
            sniffer: Some(Sniffer {
                extensions: &["lock", "json"],
                test: sniff_lockfile,
            }),
        },
        FileKind {
            name: "manifest",
            globs: &MANIFEST_GLOBS,
            sniffer: None,
        },
        FileKind {
            name: "dockerfile",
            globs: &[
                "Dockerfile",
                "Dockerfile.*",
                "*.Dockerfile",
                "Containerfile",
                "Containerfile.*",
            ],
            sniffer: None,
        },
    ]
});

struct LockfileRecord {
    path: String,
    parsed: Result<Locked, String>,
}

struct ManifestRecord {
    path: String,
    ecosystem: Option<Ecosystem>,
    direct: Result<manifest::Direct, String>,
    lockfile: Option<String>,
}

impl Extractor for DependencyExtractor {
    fn key(&self) -> &'static str {
        "dependencies"
    }

    fn kinds(&self) -> &'static [FileKind] {
        DEPENDENCY_KINDS.as_slice()
    }

    fn collect(&self, ctx: &Context) -> Value {
        let mut lockfiles = read_lockfiles(ctx);
        let manifests = read_manifests(ctx);
        mark_direct(&mut lockfiles, &manifests);
        let direct = direct_dependencies(&lockfiles, &manifests);
        if direct.len() > MAX_DIRECT {
            let first = manifests
                .iter()
                .map(|m| m.path.as_str())
                .chain(lockfiles.iter().map(|l| l.path.as_str()))
                .min();
            ctx.diagnose(
                first.unwrap_or("."),
                format!(
                    "the manifests and lockfiles declare {} direct dependencies; only the first \
                     {MAX_DIRECT} are kept in the evidence, so the rules that read them are not \
                     evaluated",
                    direct.len()
                ),
            );
        }
        json!({
            "lockfiles": lockfiles.iter().map(lockfile_summary).collect::<Vec<_>>(),
            "manifests": manifests.iter().map(manifest_summary).collect::<Vec<_>>(),
            "direct_total": direct.len(),
            "direct_truncated": direct.len() > MAX_DIRECT,
            "direct": direct.into_iter().take(MAX_DIRECT).collect::<Vec<_>>(),
            "drift": drift(ctx, &lockfiles),
            "freshness": freshness(ctx, &lockfiles),
            "base_images": ctx.files("dockerfile").iter()
                .filter_map(|p| ctx.read_text(p).map(|t| dockerfile::base_images(p, &t)))
                .flatten()
                .collect::<Vec<_>>(),
        })
    }
}

/// Every file of the lockfile kind, parsed. A file of no known format (a user's glob can name
/// any file) or of a format samdscan does not read is recorded unparsed, with a diagnostic.
fn read_lockfiles(ctx: &Context) -> Vec<LockfileRecord> {
    ctx.files("lockfile")
        .iter()
        .map(|path| {
            let parsed = match ctx.read(path) {
                Some(bytes) => parse_lockfile(path, &bytes).unwrap_or_else(|| {
                    Err("not a lockfile format samdscan reads (see docs/supply-chain.md)".into())
                }),
                None => Err("could not be read (see diagnostics)".into()),
            };
            if let Err(e) = &parsed {
                ctx.diagnose(path, format!("lockfile not read: {e}"));
            }
            LockfileRecord {
                path: path.clone(),
                parsed,
            }
        })
        .collect()
}

/// Every file of the manifest kind with its direct dependencies and lockfile. A file that is no
/// manifest samdscan reads (a user's glob can name any file) is recorded unparsed, with a
/// diagnostic.
fn read_manifests(ctx: &Context) -> Vec<ManifestRecord> {
    ctx.files("manifest")
        .iter()
        .map(|path| {
            let Some((ecosystem, manifest)) = manifest_format(file_name(path)) else {
                let error = "not a manifest samdscan reads (see docs/supply-chain.md)";
                ctx.diagnose(path, manifest::unparsed_message(error));
                return ManifestRecord {
                    path: path.clone(),
                    ecosystem: None,
                    direct: Err(error.into()),
                    lockfile: None,
                };
            };
            let direct = match ctx.read_text(path) {
                Some(t) => (manifest.read)(&t),
                None => Err("could not be read (see diagnostics)".into()),
            };
            if let Err(e) = &direct {
                ctx.diagnose(path, manifest::unparsed_message(e));
            }
            ManifestRecord {
                path: path.clone(),
                ecosystem: Some(ecosystem),
                direct,
                lockfile: find_lockfile(ctx, path),
            }
        })
        .collect()
}

/// Marks the packages a manifest names as direct in the lockfile that goes with it.
fn mark_direct(lockfiles: &mut [LockfileRecord], manifests: &[ManifestRecord]) {
    for m in manifests {
        let (Some(lock), Ok(direct), Some(eco)) = (&m.lockfile, &m.direct, m.ecosystem) else {
            continue;
        };
        let names: HashSet<String> = direct.iter().map(|(n, _)| eco.normalise_name(n)).collect();
        for record in lockfiles.iter_mut().filter(|l| &l.path == lock) {
            if let Ok(locked) = &mut record.parsed {
                for p in locked.packages.iter_mut().filter(|p| !p.local) {
                    p.direct |= names.contains(&p.ecosystem.normalise_name(&p.name));
                }
            }
        }
    }
}

/// Every direct dependency, at its locked version where a lockfile pins it, sorted and unique.
fn direct_dependencies(lockfiles: &[LockfileRecord], manifests: &[ManifestRecord]) -> Vec<Value> {
    let mut out: BTreeMap<(String, String), Value> = BTreeMap::new();
    for l in lockfiles {
        let Ok(locked) = &l.parsed else { continue };
        for p in locked.packages.iter().filter(|p| p.direct && !p.local) {
            out.entry((generic_name(&p.name), p.version.clone()))
                .or_insert_with(|| {
                    json!({"name": p.name, "key": generic_name(&p.name), "ecosystem": p.ecosystem,
                       "version": p.version, "locked": true, "source": l.path})
                });
        }
    }
    // Requirements a lockfile leaves unpinned, and manifests without a lockfile.
    let unpinned = lockfiles.iter().filter_map(|l| {
        let locked = l.parsed.as_ref().ok()?;
        Some((&l.path, Some(locked.ecosystem), &locked.unpinned))
    });
    let unlocked = manifests
        .iter()
        .filter(|m| m.lockfile.is_none())
        .filter_map(|m| Some((&m.path, m.ecosystem, m.direct.as_ref().ok()?)));
    for (source, ecosystem, direct) in unpinned.chain(unlocked) {
        for (name, requirement) in direct {
            out.entry((generic_name(name), requirement.clone()))
                .or_insert_with(|| {
                    json!({"name": name, "key": generic_name(name), "ecosystem": ecosystem,
                       "version": requirement, "locked": false, "source": source})
                });
        }
    }
    out.into_values().collect()
}

/// The names of the requirements a lockfile leaves unpinned, each once, in file order.
fn unpinned_names(unpinned: &manifest::Direct) -> Vec<&str> {
    let mut names: Vec<&str> = vec![];
    for (name, _) in unpinned {
        if !names.iter().any(|n| generic_name(n) == generic_name(name)) {
            names.push(name);
        }
    }
    names
}

fn lockfile_summary(l: &LockfileRecord) -> Value {
    match &l.parsed {
        Ok(locked) => {
            let count = |f: fn(&Package) -> bool| locked.packages.iter().filter(|p| f(p)).count();
            json!({"path": l.path, "ecosystem": locked.ecosystem, "parsed": true, "error": null,
                   "package_count": count(|p| !p.local), "local_count": count(|p| p.local),
                   "direct_count": count(|p| p.direct && !p.local),
                   "unpinned": unpinned_names(&locked.unpinned)})
        }
        Err(e) => json!({"path": l.path, "parsed": false, "error": e}),
    }
}

fn manifest_summary(m: &ManifestRecord) -> Value {
    json!({
        "path": m.path,
        "ecosystem": m.ecosystem,
        "parsed": m.direct.is_ok(),
        "error": m.direct.as_ref().err(),
        "direct_count": m.direct.as_ref().map_or(0, Vec::len),
        "lockfile": m.lockfile,
    })
}

/// The lockfiles of the context's files compared with its SBOMs, as for MFDS-CYB-003: how many
/// lockfiles were read, and the comparison of each (none when there is no SBOM). A release's
/// tagged tree is judged with it (MFDS-CYB-016).
pub fn lockfiles_against_sboms(ctx: &Context) -> (usize, Vec<drift::Drift>) {
    let lockfiles = read_lockfiles(ctx);
    let read = lockfiles.iter().filter(|l| l.parsed.is_ok()).count();
    (read, drift(ctx, &lockfiles))
}

/// Each parsed lockfile against every parsed SBOM of the repository (none when there is no SBOM).
fn drift(ctx: &Context, lockfiles: &[LockfileRecord]) -> Vec<drift::Drift> {
    let mut index = drift::ComponentIndex::default();
    let mut any = false;
    for path in ctx.files("sbom") {
        if let Ok(s) = &*sbom::read_sbom(ctx, path) {
            s.components.iter().for_each(|c| index.add(c));
            any = true;
        }
    }
    if !any {
        return vec![];
    }
    lockfiles
        .iter()
        .filter_map(|l| {
            Some(drift::compare(
                &l.path,
                &l.parsed.as_ref().ok()?.packages,
                &index,
            ))
        })
        .collect()
}

/// When each lockfile and the newest SBOM last changed in git (`null` without history).
fn freshness(ctx: &Context, lockfiles: &[LockfileRecord]) -> Value {
    if ctx.git.is_none() {
        return Value::Null;
    }
    let sboms = ctx.files("sbom");
    if lockfiles.is_empty() || sboms.is_empty() {
        return json!([]);
    }
    let paths = lockfiles.iter().map(|l| l.path.as_str());
    let changed = last_changes(ctx, paths.chain(sboms.iter().map(String::as_str)));
    let newest_sbom = sboms
        .iter()
        .filter_map(|s| Some((changed.get(s)?, s)))
        .max_by_key(|(commit, path)| (commit.time, *path));
    let records: Vec<Value> = lockfiles
        .iter()
        .filter_map(|l| {
            let lock = changed.get(&l.path)?;
            let (sbom, sbom_path) = newest_sbom?;
            Some(json!({"lockfile": l.path, "changed": lock.timestamp(),
                        "sbom": sbom_path, "sbom_changed": sbom.timestamp(),
                        "stale": sbom.time < lock.time}))
        })
        .collect();
    Value::Array(records)
}
