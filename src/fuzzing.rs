//! Entry points for the fuzz targets in `fuzz/` (the `fuzzing` feature) and for the fuzz smoke
//! test of `cargo test`: each file target hands its bytes, as one repository file of a kind, to
//! the very function the kind's extractor parses it with ([`parse_as`]: thousands of inputs a
//! second, where building a whole evidence document per input managed twenty); `config` is the
//! `.samdscan.yaml` parser, and `pipeline` takes a config and one file of every kind through
//! the whole extraction (sniffing, kind dispatch, size caps) and every built-in policy.

use crate::config::{LoadedConfig, parse_config};
use crate::date::Date;
use crate::evidence::context::decode_text;
use crate::evidence::context::memory_source::MemorySource;
use crate::evidence::documents::{self, Document};
use crate::evidence::{
    Evidence, RepositoryFacts, codeowners, collect_evidence, coverage, crosswalk, dependencies,
    evidence_index, issue_templates, junit, known_kinds, personal_data, risk, sbom, vex,
    vuln_scans,
};
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
    ("crosswalk", &["regulatory/crosswalk.yaml"]),
    ("dicom", &["data/images/study.dcm"]),
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

/// Target `target` of [`TARGETS`] handed straight to the function its extractor parses that kind
/// of file with (bytes, or text decoded as [`crate::evidence::context::Context::read_text`]
/// decodes it), without building an evidence document. Panics on an unknown target.
pub fn parse_as(target: &str, data: &[u8]) {
    let (name, bytes) = as_file(target, data);
    match target {
        "sbom_json" | "sbom_xml" | "sbom_spdx" => drop(sbom::parse_sbom(name, bytes)),
        "lockfile" => drop(dependencies::lockfile::parse_lockfile(name, bytes)),
        "vuln_report" => drop(vuln_scans::parse_report(bytes)),
        "vex" => drop(vex::parse_openvex(bytes)),
        "dicom" => drop(personal_data::dicom::named_patient_tags(bytes)),
        _ => {
            if let Ok(text) = decode_text(bytes.to_vec()) {
                parse_text_as(target, name, &text);
            }
        }
    }
}

/// The text targets of [`parse_as`].
fn parse_text_as(target: &str, name: &str, text: &str) {
    match target {
        "risk_table" => drop(risk::parse_table(risk::table_format(name), text)),
        "coverage" => drop(coverage::parse_report(name, text)),
        "junit" => drop(junit::parse_junit(text, &mut junit::TestReport::default())),
        "codeowners" => drop(codeowners::parse_rules(text, |_, _| {})),
        "issue_templates" => drop(issue_templates::parse_template(name, text)),
        "front_matter" => {
            let mut doc = Document {
                path: name.to_string(),
                format: documents::format_of(name),
                ..Document::default()
            };
            drop(documents::parse_document(&mut doc, text));
            drop(documents::records::record_in(name, text));
        }
        "evidence_index" => {
            for (_, raw, _) in evidence_index::parse_index(text).unwrap_or_default() {
                if let Some(ext) = raw.get("external") {
                    evidence_index::external(ext, as_of());
                }
            }
        }
        "crosswalk" => drop(crosswalk::parse_crosswalk(text)),
        _ => panic!("no fuzz target {target}"),
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
    if let Err(e) = policies.evaluate(&rules, &evidence) {
        panic!("a built-in policy failed on collected evidence: {e}");
    }
}
