//! `--format html`: the readiness dossier, one self-contained HTML file for regulatory and
//! quality staff to read, print and file. Inline CSS and SVG only (no script, font, image or
//! style from anywhere else), the same bytes for the same input, and every repository string
//! escaped with [`super::escape::html`]. Each section is a module of its own; this one puts
//! them in order.

mod cover;
mod page;
mod registers;
mod rules;
mod summary;
mod words;

use super::ScanReport;
use crate::evidence::Evidence;
use serde::Serialize;

/// One evidence file as the dossier names it, so an auditor can verify it later.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceFile {
    pub path: String,
    /// The git blob id of the file's content.
    pub blob: String,
    pub sha256: String,
    /// Whether the content is the one committed at the scanned commit (not a working-tree edit).
    pub committed: bool,
}

/// What the dossier shows besides the report: the evidence document, the evidence files'
/// identities and the policy pack's digest.
#[derive(Debug, Clone, Default)]
pub struct DossierFacts {
    pub evidence: Evidence,
    /// Sorted by path.
    pub files: Vec<EvidenceFile>,
    pub policy_digest: String,
}

/// The whole dossier.
pub fn render(report: &ScanReport, facts: &DossierFacts) -> String {
    let mut body = String::new();
    cover::render(&mut body, report, facts);
    summary::render(&mut body, report, facts);
    rules::render(&mut body, report, facts);
    registers::trace(&mut body, report, facts);
    registers::sbom(&mut body, report, facts);
    registers::releases(&mut body, report, facts);
    registers::waivers(&mut body, report);
    registers::changes(&mut body, report);
    page::wrap(report, &body)
}
