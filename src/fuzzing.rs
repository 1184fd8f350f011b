//! Entry points for the fuzz targets in `fuzz/` (built with the `fuzzing` feature only): each
//! target hands its bytes to samdscan as one repository file of a kind, read by the real
//! extractors from an in-memory repository, so every parser of repository bytes is reached
//! through the path a scan takes (sniffing, kind dispatch, size caps); the pipeline target also
//! parses a config and evaluates every built-in policy over the evidence.

use crate::config::{LoadedConfig, parse_config};
use crate::date::Date;
use crate::evidence::context::memory_source::MemorySource;
use crate::evidence::{Evidence, RepositoryFacts, collect_evidence, known_kinds};
use crate::policy::PolicySet;

/// The file names each target writes its input to (the first input byte picks one).
pub const TARGETS: &[(&str, &[&str])] = &[
    ("sbom_json", &["sbom/app.cdx.json", "sbom/app.spdx.json"]),
    ("sbom_xml", &["sbom/app.cdx.xml"]),
    ("sbom_spdx", &["sbom/app.spdx", "sbom/app.spdx.jsonld"]),
    (
        "lockfile",
        &[
            "Cargo.lock",
            "package-lock.json",
            "yarn.lock",
            "pnpm-lock.yaml",
            "poetry.lock",
            "uv.lock",
            "Pipfile.lock",
            "requirements.txt",
            "go.mod",
            "go.sum",
            "Gemfile.lock",
            "composer.lock",
            "packages.lock.json",
            "Package.resolved",
            "Podfile.lock",
            "gradle.lockfile",
            "pdm.lock",
            "conda-lock.yml",
            "pyproject.toml",
            "package.json",
        ],
    ),
    (
        "risk_table",
        &[
            "docs/risk/risk-table.csv",
            "docs/risk/risk-table.md",
            "docs/risk/risk-table.yaml",
        ],
    ),
    (
        "coverage",
        &[
            "reports/coverage.xml",
            "reports/lcov.info",
            "reports/coverage.out",
            "coverage/coverage-final.json",
            "coverage/coverage-summary.json",
            "reports/jacoco.xml",
        ],
    ),
    ("junit", &["reports/junit.xml"]),
    ("codeowners", &[".github/CODEOWNERS"]),
    (
        "issue_templates",
        &[
            ".github/ISSUE_TEMPLATE/bug.yml",
            ".github/ISSUE_TEMPLATE/bug.md",
        ],
    ),
    (
        "vuln_report",
        &[
            "reports/trivy-report.json",
            "reports/grype.json",
            "reports/osv-scanner.json",
            "reports/scan.sarif",
        ],
    ),
    ("vex", &["vex/app.openvex.json", "vex/app.vex.cdx.json"]),
    (
        "front_matter",
        &[
            "docs/risk/risk-management-plan.md",
            "docs/requirements/srs.md",
            "docs/sdlc/software-development-plan.md",
        ],
    ),
    ("evidence_index", &["regulatory/evidence-index.yaml"]),
];

fn as_of() -> Date {
    Date::parse("2026-10-01").expect("a valid date")
}

/// The evidence of a repository holding `files`, under `config`.
fn evidence_of(files: &[(&str, &[u8])], config: &LoadedConfig) -> Evidence {
    let source = MemorySource::from_bytes(files);
    collect_evidence(&source, config, &RepositoryFacts::default(), None, as_of())
}

/// `data` as a file of target `target` of [`TARGETS`]: its first byte picks the file name, the
/// rest is the file.
fn as_file<'d>(target: &str, data: &'d [u8]) -> (&'static str, &'d [u8]) {
    let names = TARGETS
        .iter()
        .find(|(t, _)| *t == target)
        .map_or(&[][..], |(_, n)| *n);
    let (pick, bytes) = data.split_first().unwrap_or((&0, &[]));
    let name = names
        .get(*pick as usize % names.len().max(1))
        .copied()
        .unwrap_or("README.md");
    (name, bytes)
}

/// Target `target` of [`TARGETS`], through the extractors: the file in a repository of its own.
pub fn extract_as(target: &str, data: &[u8]) -> Evidence {
    let (name, bytes) = as_file(target, data);
    evidence_of(
        &[("README.md", b"# r\n"), (name, bytes)],
        &LoadedConfig::default(),
    )
}

/// Target `target` of [`TARGETS`] handed straight to its parser where it has one of its own
/// (SBOMs, lockfiles: a hundred times the executions of [`extract_as`], which builds a whole
/// evidence document per input); other targets go through the extractors.
pub fn parse_as(target: &str, data: &[u8]) {
    let (name, bytes) = as_file(target, data);
    match target {
        "sbom_json" | "sbom_xml" | "sbom_spdx" => {
            let _ = crate::evidence::sbom::parse_sbom(name, bytes);
        }
        "lockfile" => {
            let _ = crate::evidence::dependencies::lockfile::parse_lockfile(name, bytes);
        }
        _ => {
            extract_as(target, data);
        }
    }
}

/// The config parser alone.
pub fn config(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_config(text, ".samdscan.yaml", &known_kinds());
    }
}

/// The pipeline over a tiny repository made from `data`: a config (when it parses) and one file
/// of every target, split at `\0\0` separators, then every built-in policy over the evidence.
/// A policy error is a bug (the policies are total over valid evidence), so it panics.
pub fn pipeline(data: &[u8], policies: &PolicySet) {
    let mut parts = data.split(|&b| b == 0);
    let config = parts
        .next()
        .and_then(|c| std::str::from_utf8(c).ok())
        .and_then(|c| parse_config(c, ".samdscan.yaml", &known_kinds()).ok())
        .unwrap_or_default();
    let mut files: Vec<(&str, &[u8])> = vec![("README.md", b"# r\n")];
    for ((_, names), bytes) in TARGETS.iter().zip(parts) {
        files.push((names[bytes.len() % names.len()], bytes));
    }
    let evidence = evidence_of(&files, &config);
    let rules: Vec<_> = policies.rules.iter().collect();
    if let Err(e) = policies.evaluate(&rules, &evidence.0) {
        panic!("a built-in policy failed on collected evidence: {e}");
    }
}
