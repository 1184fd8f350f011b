//! Evidence collection: from a repository (files and git) to the one JSON document that the
//! policies evaluate.
//!
//! The document is a public, versioned contract (`schema_version`, described by
//! `schema/evidence.schema.json`). Each extractor owns one top-level key and declares the kinds
//! of file it reads; a file belongs to a kind by the kind's globs (overridable per kind in
//! `evidence:` of the config) or, where names lie, by its content. Adding an extractor is one
//! folder in this folder plus one line in [`registry`]. Shared parsing helpers live in [`read`];
//! the [`Extractor`] trait and file kinds in [`extractor`].

mod ai;
pub(crate) mod codeowners;
pub mod commit_list;
pub(crate) mod context;
pub(crate) mod coverage;
pub(crate) mod crosswalk;
mod crypto_use;
mod cyber_checklist;
pub mod dependencies;
mod document;
pub mod documents;
pub(crate) mod evidence_index;
pub mod extractor;
pub mod git_view;
pub mod history;
mod interfaces;
pub(crate) mod issue_templates;
pub(crate) mod junit;
mod lanes;
mod name_pattern;
pub(crate) mod personal_data;
mod product_versions;
mod profile;
pub mod read;
pub mod references;
pub mod requirements;
pub(crate) mod risk;
pub mod sbom;
mod secrets;
mod security_testing;
mod soup;
pub mod source;
mod source_modules;
pub(crate) mod vex;
pub(crate) mod vuln_scans;

#[cfg(test)]
mod caps_tests;

pub use commit_list::CommitList;
pub use context::{Context, Diagnostic};
pub use document::Evidence;
pub use extractor::{Extractor, FileKind, Sniffer};

use crate::config::LoadedConfig;
use crate::date::Date;
use serde_json::{Map, Value, json};
use source::{EntryKind, RepoSource};

/// Version of the evidence document's shape. Bumped on any incompatible change.
pub const SCHEMA_VERSION: &str = "1";

/// Every extractor, in the order their keys appear in the document.
pub fn registry() -> Vec<Box<dyn Extractor>> {
    vec![
        Box::new(profile::ProfileExtractor),
        Box::new(documents::DocumentExtractor),
        Box::new(sbom::SbomExtractor),
        Box::new(dependencies::DependencyExtractor),
        Box::new(product_versions::ProductVersionExtractor),
        Box::new(soup::SoupExtractor),
        Box::new(source_modules::SourceModuleExtractor),
        Box::new(evidence_index::EvidenceIndexExtractor),
        Box::new(crosswalk::CrosswalkExtractor),
        Box::new(cyber_checklist::CyberChecklistExtractor),
        Box::new(interfaces::InterfaceExtractor),
        Box::new(vex::VexExtractor),
        Box::new(vuln_scans::VulnScanExtractor),
        Box::new(coverage::CoverageExtractor),
        Box::new(junit::JunitExtractor),
        Box::new(requirements::RequirementsExtractor),
        Box::new(references::ReferencesExtractor),
        Box::new(risk::RiskExtractor),
        Box::new(history::HistoryExtractor),
        Box::new(codeowners::CodeownersExtractor),
        Box::new(issue_templates::IssueTemplateExtractor),
        Box::new(ai::AiExtractor),
        Box::new(secrets::SecretsExtractor),
        Box::new(crypto_use::CryptoUseExtractor),
        Box::new(personal_data::PersonalDataExtractor),
        Box::new(security_testing::SecurityTestingExtractor),
    ]
}

/// The names of every file kind, for validating `evidence:` keys in the config.
pub fn known_kinds() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = registry()
        .iter()
        .flat_map(|x| x.kinds().iter().map(|k| k.name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Facts about the repository that are not file contents.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RepositoryFacts {
    pub name: String,
    pub is_git: bool,
    /// The scan root's folder in the work tree (`products/planner/`), when it is not the top.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub folder: String,
    pub head: Option<String>,
    pub branch: Option<String>,
    /// The revision scanned with `--rev`, when not the working tree.
    pub revision: Option<String>,
    /// With `--base`: the base commit the scan is compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// This is the base side of a `--base` scan (see `Target::base_side`).
    #[serde(skip)]
    pub base_side: bool,
    pub shallow: bool,
    pub origin_url: Option<String>,
}

/// Runs every extractor over `source` and assembles the evidence document.
pub fn collect_evidence(
    source: &dyn RepoSource,
    config: &LoadedConfig,
    repo: &RepositoryFacts,
    git: Option<&git_view::GitView>,
    as_of: Date,
) -> Evidence {
    let extractors = registry();
    let all_kinds: Vec<&FileKind> = extractors.iter().flat_map(|x| x.kinds()).collect();
    let ctx = Context::new(source, config, git, repo, as_of, &all_kinds);
    let mut doc = Map::new();
    doc.insert("schema_version".into(), json!(SCHEMA_VERSION));
    doc.insert(
        "tool".into(),
        json!({"name": "samdscan", "version": env!("CARGO_PKG_VERSION")}),
    );
    doc.insert("as_of".into(), json!(as_of.to_string()));
    doc.insert("repository".into(), repository_section(source, repo));
    doc.insert("config".into(), config_section(config));
    for (x, value) in extractors.iter().zip(lanes::run(&extractors, &ctx, git)) {
        doc.insert(x.key().into(), value);
    }
    doc.insert("files".into(), files_section(source));
    doc.insert(
        "diagnostics".into(),
        serde_json::to_value(ctx.take_diagnostics()).unwrap_or_default(),
    );
    Evidence::assemble(Value::Object(doc), ctx.take_commits())
}

fn repository_section(source: &dyn RepoSource, repo: &RepositoryFacts) -> Value {
    let inv = source.inventory();
    let readme = inv
        .file_paths()
        .filter(|p| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"))
        .min_by_key(|p| (p.len(), p.to_string()));
    let mut v = serde_json::to_value(repo).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "inventory".into(),
            serde_json::to_value(inv.source).unwrap_or_default(),
        );
        o.insert("file_count".into(), json!(inv.files().count()));
        o.insert("readme".into(), json!(readme));
    }
    v
}

fn config_section(config: &LoadedConfig) -> Value {
    json!({
        "path": config.path,
        "found": config.path.is_some(),
        "lines": config.lines.as_map(),
        "evidence_index": config.evidence_index_path(),
        "max_file_size": config.max_file_size(),
        "max_document_age_days": config.max_document_age_days(),
        "max_scan_age_days": config.max_scan_age_days(),
    })
}

fn files_section(source: &dyn RepoSource) -> Value {
    let inv = source.inventory();
    let mut missing = Vec::new();
    let mut symlinks_outside = Vec::new();
    let mut submodules = Vec::new();
    for e in &inv.entries {
        match &e.kind {
            EntryKind::Missing => missing.push(json!(e.path)),
            EntryKind::Symlink {
                target,
                escapes: true,
            } => symlinks_outside.push(json!({"path": e.path, "target": target})),
            EntryKind::Submodule => submodules.push(json!(e.path)),
            _ => {}
        }
    }
    let skipped: Vec<Value> = inv
        .skipped
        .iter()
        .map(|(p, r)| json!({"path": p, "reason": r}))
        .collect();
    json!({
        "count": inv.files().count(),
        "missing": missing,
        "symlinks_outside": symlinks_outside,
        "submodules": submodules,
        "skipped": skipped,
    })
}
