//! The SBOM kept per release (MFDS-CYB-016): for each release tag in the support window
//! ([`support_window`](super::support_window)), what its tagged tree, read from git objects
//! without a checkout, holds: the SBOM files (the same name globs as in the work tree), the
//! product version each declares and whether it is the tag's, whether the tree's lockfiles match
//! its SBOMs (the comparison MFDS-CYB-003 makes of the work tree,
//! [`lockfiles_against_sboms`]), and the VEX or vulnerability assessment released with it
//! (OpenVEX documents, CycloneDX VEX statements in an SBOM, vulnerability scan reports).
//!
//! Which releases are judged, and how their trees are read and bounded, is shared with the
//! other per-release check ([`release_trees`](super::release_trees)).

use super::release_trees::{judged_releases, read_tagged_tree, tree_kinds, version};
use super::support_window::SupportWindow;
use super::tags::TagRecord;
use crate::evidence::dependencies::drift::Drift;
use crate::evidence::dependencies::lockfiles_against_sboms;
use crate::evidence::extractor::FileKind;
use crate::evidence::git_view::GitView;
use crate::evidence::sbom::read_sbom;
use crate::evidence::{Context, Extractor, vex, vuln_scans};
use serde::Serialize;
use serde_json::Value;

/// A tagged tree with more SBOM, lockfile, VEX and scan files than this is not read.
const MAX_TREE_EVIDENCE: usize = 64;
/// The file kinds read in a tagged tree.
const TREE_KINDS: &[&str] = &["sbom", "lockfile", "vex", "vulnerability_scan"];

#[derive(Debug, Serialize)]
pub(super) struct ReleaseSboms {
    /// False when no release tag is reachable from the scanned commit.
    pub evaluated: bool,
    pub window: SupportWindow,
    /// Release tags reachable from the scanned commit.
    pub releases_total: usize,
    /// Of them, those in the support window (all of them when no window is declared).
    pub in_window: usize,
    /// How many releases are judged at most (fewer in a narrowed scope).
    pub limit: usize,
    /// Releases in the window that the default scope would judge and a narrowed one did not.
    pub unchecked: usize,
    /// The releases judged, newest first.
    pub releases: Vec<ReleaseSbom>,
}

#[derive(Debug, Serialize)]
pub(super) struct ReleaseSbom {
    pub tag: String,
    pub version: String,
    pub commit: String,
    pub date: String,
    /// The support policy's version line that covers the release (`null` without a window).
    pub support_line: Option<String>,
    /// Whether the tagged tree was read (`error` says why not).
    pub read: bool,
    pub error: Option<String>,
    #[serde(flatten)]
    pub tree: TreeFacts,
}

/// What one tree holds for its release.
#[derive(Debug, Default, PartialEq, Serialize)]
pub(super) struct TreeFacts {
    pub sboms: Vec<TreeSbom>,
    /// Lockfiles read in the tree.
    pub lockfiles: usize,
    /// Each lockfile compared with the tree's SBOMs (empty without a parsed SBOM).
    pub drift: Vec<Drift>,
    /// Every lockfile matches the SBOMs; `null` when there is no parsed SBOM or no lockfile.
    pub components_match: Option<bool>,
    /// The VEX documents, SBOMs with VEX statements and vulnerability scan reports of the tree.
    pub vex: Vec<String>,
}

#[derive(Debug, PartialEq, Serialize)]
pub(super) struct TreeSbom {
    pub path: String,
    pub parsed: bool,
    pub error: Option<String>,
    /// The product version the SBOM declares (CycloneDX `metadata.component`, the SPDX
    /// described package).
    pub version: Option<String>,
    pub version_matches: bool,
    pub component_count: usize,
}

/// The facts of the releases in the window among `releases` (reachable release tags);
/// `narrowed`: the scope is pull-request sized (fewer releases are judged).
pub(super) fn collect(
    ctx: &Context,
    repo: &GitView,
    releases: &[&TagRecord],
    narrowed: bool,
) -> ReleaseSboms {
    let check = "the SBOM per release (MFDS-CYB-016)";
    let chosen = judged_releases(ctx, releases, check, narrowed);
    let kinds = tree_kinds(TREE_KINDS);
    let kinds: Vec<&FileKind> = kinds.iter().collect();
    let judged = chosen
        .judged
        .iter()
        .map(|(tag, line)| release(ctx, repo, &kinds, tag, line.clone(), &chosen.anchor))
        .collect();
    ReleaseSboms {
        evaluated: !releases.is_empty(),
        window: chosen.window,
        releases_total: releases.len(),
        in_window: chosen.in_window,
        limit: chosen.limit,
        unchecked: chosen.unchecked,
        releases: judged,
    }
}

fn release(
    ctx: &Context,
    repo: &GitView,
    kinds: &[&FileKind],
    tag: &TagRecord,
    support_line: Option<String>,
    anchor: &str,
) -> ReleaseSbom {
    let version = version(tag);
    let bound = (MAX_TREE_EVIDENCE, "SBOM, lockfile, VEX and scan files");
    let read = read_tagged_tree(ctx, repo, kinds, tag, bound, |tree| {
        tree_facts(tree, &version)
    });
    if let Err(e) = &read {
        ctx.diagnose(
            anchor,
            format!("release {}: tagged tree not read: {e}", tag.name),
        );
    }
    ReleaseSbom {
        tag: tag.name.clone(),
        version,
        commit: tag.target.clone(),
        date: tag.date.clone(),
        support_line,
        read: read.is_ok(),
        error: read.as_ref().err().cloned(),
        tree: read.unwrap_or_default(),
    }
}

/// What the files of `ctx` (one release's tree) hold for the release `version`.
pub(super) fn tree_facts(ctx: &Context, version: &str) -> TreeFacts {
    let mut vex_paths = Vec::new();
    let sboms: Vec<TreeSbom> = ctx
        .files("sbom")
        .iter()
        .map(|path| match &*read_sbom(ctx, path) {
            Ok(sbom) => {
                if !sbom.vex.is_empty() {
                    vex_paths.push(path.clone());
                }
                let declared = sbom.subject.as_ref().and_then(|c| c.version.clone());
                TreeSbom {
                    path: path.clone(),
                    parsed: true,
                    error: None,
                    version_matches: declared
                        .as_deref()
                        .is_some_and(|d| same_version(d, version)),
                    version: declared,
                    component_count: sbom.components.len(),
                }
            }
            Err(e) => {
                ctx.diagnose(path, format!("SBOM does not parse: {e}"));
                TreeSbom {
                    path: path.clone(),
                    parsed: false,
                    error: Some(e.clone()),
                    version: None,
                    version_matches: false,
                    component_count: 0,
                }
            }
        })
        .collect();
    let (lockfiles, drift) = lockfiles_against_sboms(ctx);
    let components_match = (lockfiles > 0 && sboms.iter().any(|s| s.parsed))
        .then(|| drift.iter().all(|d| d.missing_count + d.stale_count == 0));
    vex_paths.extend(parsed_paths(&vex::VexExtractor.collect(ctx), "documents"));
    vex_paths.extend(parsed_paths(
        &vuln_scans::VulnScanExtractor.collect(ctx),
        "reports",
    ));
    vex_paths.sort();
    vex_paths.dedup();
    TreeFacts {
        sboms,
        lockfiles,
        drift,
        components_match,
        vex: vex_paths,
    }
}

/// The paths of the parsed records in `value[key]`.
fn parsed_paths(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["parsed"] == true)
        .filter_map(|r| r["path"].as_str().map(str::to_string))
        .collect()
}

/// Versions equal but for a leading `v` and surrounding blanks.
pub(super) fn same_version(a: &str, b: &str) -> bool {
    let clean = |v: &str| v.trim().trim_start_matches(['v', 'V']).to_string();
    clean(a) == clean(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::context::memory_source::MemorySource;

    const LOCK: &str = "numpy==2.1.3\nscipy==1.14.1\n";

    fn bom(version: &str, numpy: &str) -> String {
        format!(
            r#"{{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{{"component":{{"type":"application","name":"app","version":"{version}"}}}},
            "components":[{{"type":"library","name":"numpy","version":"{numpy}","purl":"pkg:pypi/numpy@{numpy}"}},
                          {{"type":"library","name":"scipy","version":"1.14.1","purl":"pkg:pypi/scipy@1.14.1"}}]}}"#
        )
    }

    const OPENVEX: &str = r#"{"@context":"https://openvex.dev/ns/v0.2.0","statements":[]}"#;

    #[test]
    fn a_release_tree_with_its_sbom_lockfile_and_vex_is_complete() {
        let bom = bom("1.2.0", "2.1.3");
        let source = MemorySource::new(&[
            ("sbom/app.cdx.json", &bom),
            ("requirements.txt", LOCK),
            ("vex/app.openvex.json", OPENVEX),
        ]);
        let facts = source.with_context(|ctx| tree_facts(ctx, "v1.2.0"));
        assert_eq!(facts.sboms[0].version.as_deref(), Some("1.2.0"));
        assert!(facts.sboms[0].version_matches);
        assert_eq!((facts.lockfiles, facts.components_match), (1, Some(true)));
        assert_eq!(facts.vex, ["vex/app.openvex.json"]);
    }

    #[test]
    fn another_version_and_other_components_are_told() {
        let bom = bom("1.1.0", "2.0.0");
        let source = MemorySource::new(&[("sbom/app.cdx.json", &bom), ("requirements.txt", LOCK)]);
        let facts = source.with_context(|ctx| tree_facts(ctx, "1.2.0"));
        assert!(!facts.sboms[0].version_matches);
        assert_eq!(facts.components_match, Some(false));
        assert_eq!(facts.drift[0].stale_count, 1);
        assert!(facts.vex.is_empty());
    }

    #[test]
    fn a_tree_without_sbom_or_with_a_broken_one_says_so() {
        let source = MemorySource::new(&[("requirements.txt", LOCK)]);
        let facts = source.with_context(|ctx| tree_facts(ctx, "1.2.0"));
        assert!(facts.sboms.is_empty());
        assert_eq!((facts.lockfiles, facts.components_match), (1, None));
        let source = MemorySource::new(&[("sbom/app.cdx.json", "{\"bomFormat\":")]);
        let (facts, diagnostics) =
            source.with_context(|ctx| (tree_facts(ctx, "1.2.0"), ctx.take_diagnostics()));
        assert!(!facts.sboms[0].parsed);
        assert_eq!(diagnostics[0].path, "sbom/app.cdx.json");
    }
}
