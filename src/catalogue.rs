//! The regulatory catalogue's expectation ids (MFDS-XXX-NNN), shipped inside the binary.
//!
//! `policy list --catalogue` sets every id against the rules loaded at run time (implemented, not
//! observable from a repository, or planned), and the evidence index checks its keys against it.
//! Titles, pillars and default levels are the catalogue's §6.0 index; the catalogue's wording
//! wins over this copy.

/// One expectation of the regulatory catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expectation {
    pub id: &'static str,
    pub title: &'static str,
    pub pillar: &'static str,
    /// The catalogue's default severity, in its words (may name conditions).
    pub default_level: &'static str,
    /// When the expectation applies, in the catalogue's words.
    pub applies: &'static str,
}

const fn e(
    id: &'static str,
    title: &'static str,
    pillar: &'static str,
    default_level: &'static str,
    applies: &'static str,
) -> Expectation {
    Expectation {
        id,
        title,
        pillar,
        default_level,
        applies,
    }
}

/// Every expectation of the catalogue, in its order.
pub const CATALOGUE: &[Expectation] = &[
    e(
        "MFDS-GEN-001",
        "Regulatory profile declared",
        "all",
        "error",
        "always",
    ),
    e(
        "MFDS-GEN-002",
        "Intended use / use specification",
        "P1",
        "error",
        "always",
    ),
    e(
        "MFDS-GEN-003",
        "Software safety class + rationale per software system",
        "P1",
        "error",
        "software present",
    ),
    e(
        "MFDS-GEN-004",
        "Evidence index with document-control numbers",
        "P1/P3",
        "warning",
        "always",
    ),
    e(
        "MFDS-SWL-001",
        "Software development (and maintenance) plan",
        "P1/P3",
        "error",
        "all classes",
    ),
    e(
        "MFDS-SWL-002",
        "Software requirements with stable IDs",
        "P1",
        "error",
        "all classes",
    ),
    e(
        "MFDS-SWL-003",
        "Architecture (B/C) and detailed design (C)",
        "P1",
        "error (B/C)",
        "class B/C",
    ),
    e(
        "MFDS-SWL-004",
        "Unit/integration verification results + coverage",
        "P1",
        "error (B/C)",
        "class B/C (A: note)",
    ),
    e(
        "MFDS-SWL-005",
        "System test records per release",
        "P1",
        "error",
        "all classes",
    ),
    e(
        "MFDS-SWL-006",
        "Traceability: requirement ↔ design ↔ test ↔ risk control",
        "P1",
        "error (B/C)",
        "class B/C",
    ),
    e(
        "MFDS-SWL-007",
        "SOUP list complete versus manifests",
        "P1/P2",
        "error",
        "software with third-party deps",
    ),
    e(
        "MFDS-SWL-008",
        "Configuration management: lockfiles, pinned toolchain, build record",
        "P1/P3",
        "error",
        "always",
    ),
    e(
        "MFDS-SWL-009",
        "Release record: notes, verification complete, residual anomalies",
        "P1",
        "error",
        "all classes",
    ),
    e(
        "MFDS-SWL-010",
        "Problem-resolution records linked to fixes",
        "P1",
        "warning",
        "all classes",
    ),
    e(
        "MFDS-RSK-001",
        "Risk management plan with acceptability criteria",
        "P1",
        "error",
        "always",
    ),
    e(
        "MFDS-RSK-002",
        "Hazard analysis / risk table with required fields",
        "P1",
        "error",
        "always",
    ),
    e(
        "MFDS-RSK-003",
        "Change-driven risk re-assessment (git rule)",
        "P1",
        "warning (C: error)",
        "always",
    ),
    e(
        "MFDS-RSK-004",
        "Risk management report / review before release",
        "P1",
        "error",
        "always",
    ),
    e(
        "MFDS-RSK-005",
        "Security risks linked into safety risk file",
        "P1/P2",
        "warning",
        "connected",
    ),
    e(
        "MFDS-USE-001",
        "Usability engineering file",
        "P1",
        "error (standalone DMD)",
        "UI present",
    ),
    e(
        "MFDS-USE-002",
        "UI change triggers usability re-evaluation",
        "P1",
        "warning",
        "UI present",
    ),
    e(
        "MFDS-AI-001",
        "Model card per deployed model",
        "P1",
        "error",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-002",
        "Dataset datasheets (training / tuning / test)",
        "P1",
        "error",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-003",
        "Training/test independence (no patient overlap)",
        "P1",
        "error",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-004",
        "Performance evaluation report incl. subgroups",
        "P1",
        "error",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-005",
        "Model and data versioning / reproducibility",
        "P1/P3",
        "warning",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-006",
        "Change management plan (변경 관리 계획) / PCCP",
        "P1/P3",
        "warning (pccp: error)",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-007",
        "Model change ⇒ card, evaluation and regulatory classification",
        "P1",
        "error",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-008",
        "Post-deployment performance monitoring plan",
        "P1",
        "warning",
        "ai.enabled",
    ),
    e(
        "MFDS-AI-009",
        "AI-specific security threats assessed and tested",
        "P1/P2",
        "error",
        "ai.enabled ∧ DMPA",
    ),
    e(
        "MFDS-GAI-001",
        "Foundation model identified and version-pinned",
        "P1",
        "error",
        "ai.generative",
    ),
    e(
        "MFDS-GAI-002",
        "Generative-AI hazards in risk file",
        "P1",
        "error",
        "ai.generative",
    ),
    e(
        "MFDS-GAI-003",
        "Generative-AI performance and clinical evaluation evidence",
        "P1",
        "error",
        "ai.generative",
    ),
    e(
        "MFDS-GAI-004",
        "Generative-AI red-teaming evidence",
        "P1",
        "note",
        "ai.generative",
    ),
    e(
        "MFDS-CLN-001",
        "Clinical evaluation evidence index",
        "P1",
        "warning",
        "grade ≥ 2",
    ),
    e(
        "MFDS-CLN-002",
        "Clinical evidence kept current with algorithm / intended use",
        "P1",
        "note",
        "grade ≥ 2",
    ),
    e(
        "MFDS-LBL-001",
        "Electronic labeling content and version sync",
        "P1",
        "error",
        "regime DMPA, software",
    ),
    e(
        "MFDS-LBL-002",
        "AI transparency in labeling",
        "P1",
        "error",
        "ai.enabled",
    ),
    e(
        "MFDS-CHG-001",
        "Commit-level change-request traceability",
        "P1",
        "error (B/C), warning (A)",
        "always",
    ),
    e(
        "MFDS-CHG-002",
        "Regulatory change classification (\"software upgrade\") per release",
        "P1",
        "error",
        "marketed products",
    ),
    e(
        "MFDS-CHG-003",
        "Single source of version truth",
        "P1",
        "error",
        "always",
    ),
    e(
        "MFDS-CHG-004",
        "Reviewed / approved integration of changes",
        "P1/P3",
        "warning",
        "always",
    ),
    e(
        "MFDS-PMS-001",
        "Post-market surveillance plan (digital-specific)",
        "P1",
        "warning",
        "marketed products",
    ),
    e(
        "MFDS-PMS-002",
        "Real-world assessment plan (실사용 평가)",
        "P1",
        "note (AI+PCCP: warning)",
        "regime DMPA",
    ),
    e(
        "MFDS-CYB-001",
        "SBOM present and schema-valid per release",
        "P2",
        "error (connected / DMPA)",
        "software",
    ),
    e(
        "MFDS-CYB-002",
        "SBOM minimum data elements",
        "P2",
        "error (NTIA) / warning / note",
        "software",
    ),
    e(
        "MFDS-CYB-003",
        "SBOM completeness and freshness versus lockfiles",
        "P2",
        "error",
        "software",
    ),
    e(
        "MFDS-CYB-004",
        "Release vulnerability assessment with VEX triage",
        "P2",
        "error",
        "connected",
    ),
    e(
        "MFDS-CYB-005",
        "Vulnerability monitoring and patch plan",
        "P2",
        "error",
        "connected",
    ),
    e(
        "MFDS-CYB-006",
        "Coordinated vulnerability disclosure (SECURITY.md / security.txt)",
        "P2",
        "warning (connected: error)",
        "always",
    ),
    e(
        "MFDS-CYB-007",
        "Threat model, current (≤ 12 months and ≥ last interface change)",
        "P2",
        "error",
        "connected",
    ),
    e(
        "MFDS-CYB-008",
        "Security architecture views",
        "P2",
        "warning",
        "connected",
    ),
    e(
        "MFDS-CYB-009",
        "MFDS cybersecurity requirements checklist (35 items)",
        "P2",
        "error",
        "connected",
    ),
    e(
        "MFDS-CYB-010",
        "Security testing and SAST evidence",
        "P2",
        "warning (C / grade 4: error)",
        "connected",
    ),
    e(
        "MFDS-CYB-011",
        "Software integrity: signed tags, signed artifacts, secure update",
        "P2",
        "warning",
        "connected",
    ),
    e(
        "MFDS-CYB-012",
        "No secrets in repository history / key management",
        "P2",
        "error",
        "always",
    ),
    e(
        "MFDS-CYB-013",
        "Cryptography hygiene",
        "P2",
        "warning",
        "connected",
    ),
    e(
        "MFDS-CYB-014",
        "Incident response plan (침해사고 대응)",
        "P2",
        "error",
        "regime DMPA ∨ connected",
    ),
    e(
        "MFDS-CYB-015",
        "Support period, end-of-support, decommissioning",
        "P2",
        "warning",
        "connected",
    ),
    e(
        "MFDS-CYB-016",
        "SBOM-based cybersecurity management system",
        "P2",
        "note",
        "connected",
    ),
    e(
        "MFDS-CYB-017",
        "Personal / sensitive data inventory and protection",
        "P2",
        "note",
        "processes patient data",
    ),
    e(
        "MFDS-QMS-001",
        "KGMP-digital software QMS evidence",
        "P3",
        "warning",
        "regime DMPA",
    ),
    e(
        "MFDS-QMS-002",
        "AI quality policy / AI life-cycle controls",
        "P3",
        "warning",
        "ai.enabled ∧ DMPA",
    ),
    e(
        "MFDS-QMS-003",
        "Good-management-system certification readiness",
        "P3",
        "note",
        "regime DMPA",
    ),
    e(
        "MFDS-QMS-004",
        "Component performance evaluation / performance certification",
        "P3",
        "note",
        "declares components",
    ),
    e(
        "MFDS-DCP-001",
        "Digital convergence medicine linkage",
        "P3",
        "note",
        "combination product",
    ),
    e(
        "MFDS-INT-001",
        "Cross-jurisdiction evidence mapping",
        "P4",
        "note",
        "markets > 1",
    ),
    e(
        "MFDS-INT-002",
        "EU AI Act / MDR technical-documentation hooks",
        "P4",
        "note (EU: warning)",
        "markets ∋ EU ∧ ai",
    ),
    e(
        "MFDS-INT-003",
        "FDA §524B cyber-device package",
        "P4",
        "note (US: warning)",
        "markets ∋ US ∧ connected",
    ),
];

/// Where an expectation stands in this release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// A loaded rule checks it.
    Implemented,
    /// A loaded rule says a repository cannot show it (`observable: false`).
    NotObservable,
    /// No rule yet.
    Planned,
}

impl Coverage {
    pub fn label(self) -> &'static str {
        match self {
            Coverage::Implemented => "implemented",
            Coverage::NotObservable => "not observable",
            Coverage::Planned => "planned",
        }
    }
}

/// Every expectation with its state, given the loaded rules as `(id, observable)` pairs.
pub fn coverage<'a>(
    rules: impl IntoIterator<Item = (&'a str, bool)>,
) -> Vec<(&'static Expectation, Coverage)> {
    let loaded: std::collections::BTreeMap<&str, bool> = rules.into_iter().collect();
    CATALOGUE
        .iter()
        .map(|x| {
            let state = match loaded.get(x.id) {
                Some(true) => Coverage::Implemented,
                Some(false) => Coverage::NotObservable,
                None => Coverage::Planned,
            };
            (x, state)
        })
        .collect()
}

/// The catalogue as a table for `policy list --catalogue`, with a count per state.
pub fn render_coverage(rows: &[(&'static Expectation, Coverage)]) -> String {
    let mut out = String::new();
    for (x, state) in rows {
        out.push_str(&format!(
            "{:<14} {:<15} {:<5} {}\n",
            x.id,
            state.label(),
            x.pillar,
            x.title
        ));
    }
    let count = |s: Coverage| rows.iter().filter(|(_, c)| *c == s).count();
    out.push_str(&format!(
        "\n{} expectations: {} implemented, {} not observable from a repository, {} planned\n",
        rows.len(),
        count(Coverage::Implemented),
        count(Coverage::NotObservable),
        count(Coverage::Planned)
    ));
    out
}

/// The catalogue entry for `id`, if it is one.
pub fn expectation(id: &str) -> Option<&'static Expectation> {
    CATALOGUE.iter().find(|x| x.id == id)
}

/// Whether `key` names a catalogue expectation, or a part of one (`MFDS-QMS-001/change-control`).
pub fn is_known_key(key: &str) -> bool {
    let id = key.split_once('/').map_or(key, |(id, _)| id);
    expectation(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_holds_its_69_unique_ids() {
        assert_eq!(CATALOGUE.len(), 69);
        let mut ids: Vec<&str> = CATALOGUE.iter().map(|x| x.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 69);
    }

    #[test]
    fn coverage_follows_the_loaded_rules() {
        let rows = coverage([
            ("MFDS-CYB-001", true),
            ("MFDS-QMS-003", false),
            ("ACME-1", true),
        ]);
        assert_eq!(rows.len(), 69);
        let state = |id: &str| rows.iter().find(|(x, _)| x.id == id).map(|(_, s)| *s);
        assert_eq!(state("MFDS-CYB-001"), Some(Coverage::Implemented));
        assert_eq!(state("MFDS-QMS-003"), Some(Coverage::NotObservable));
        assert_eq!(state("MFDS-AI-001"), Some(Coverage::Planned));
        let text = render_coverage(&rows);
        assert!(text.contains("MFDS-QMS-003   not observable"), "{text}");
        assert!(
            text.ends_with(
                "69 expectations: 1 implemented, 1 not observable from a repository, 67 planned\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn parts_of_known_ids_are_known() {
        assert!(is_known_key("MFDS-PMS-001"));
        assert!(is_known_key("MFDS-QMS-001/change-control"));
        assert!(!is_known_key("MFDS-PMS-009"));
        assert!(!is_known_key("PMS-001"));
    }
}
