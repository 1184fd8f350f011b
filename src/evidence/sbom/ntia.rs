//! The NTIA minimum elements (2021) of one SBOM: per component supplier, name, version and a
//! unique identifier; per document the author, the timestamp and the dependency relationships.
//! SPDX 2 documents are judged as the SPDX project's reference checker (ntia-conformance-checker
//! 6) judges them: the SPDX id is the unique identifier, any creator is an author, "dependency
//! relationships" means a DESCRIBES relationship to a package, and only the packages reachable
//! from what the document describes (over DESCRIBES, CONTAINS, DEPENDS_ON, DYNAMIC_LINK,
//! STATIC_LINK, HAS_PREREQUISITE; VARIANT_OF and the rest connect nothing) are judged; with none
//! reachable, the component elements are not met. The result is a bounded summary (counts per
//! element and the first few incomplete components), so that a 5,000-component SBOM yields one
//! readable record, not 5,000. Whether components carry a purl or CPE, which MFDS needs to match
//! vulnerabilities and NTIA does not, is counted apart ([`matchable`]).

use super::model::{Component, Sbom, Spdx2Graph};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The SPDX 2 relationship types the reference checker follows from the described elements.
const COMPOSITION: &[&str] = &[
    "DESCRIBES",
    "CONTAINS",
    "DEPENDS_ON",
    "DYNAMIC_LINK",
    "STATIC_LINK",
    "HAS_PREREQUISITE",
];

/// How many incomplete components are named in the evidence. Cannot change a verdict: the rules
/// judge the counts (`components_incomplete`, `missing`, `without_purl_or_cpe`), which count every
/// component; the examples only illustrate the finding.
pub const MAX_EXAMPLES: usize = 10;

#[derive(Debug, Serialize, PartialEq)]
pub struct IncompleteComponent {
    /// `name@version`, or `#N` (1-based position) when the component has no name.
    pub component: String,
    pub missing: Vec<&'static str>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct NtiaSummary {
    /// Every element present for the document and every component.
    pub complete: bool,
    /// Document-level elements.
    pub author: bool,
    pub timestamp: bool,
    pub dependencies: bool,
    /// How many components were judged (SPDX 2: those reachable from the described elements).
    pub components_evaluated: usize,
    /// Components missing at least one element.
    pub components_incomplete: usize,
    /// Element name -> number of components missing it (only elements some component misses).
    pub missing: BTreeMap<&'static str, usize>,
    /// The first [`MAX_EXAMPLES`] incomplete components.
    pub examples: Vec<IncompleteComponent>,
}

/// The components without a purl or CPE: MFDS's need beyond NTIA.
#[derive(Debug, Serialize, PartialEq)]
pub struct Matchable {
    pub without_purl_or_cpe: usize,
    /// The first [`MAX_EXAMPLES`] of them.
    pub examples: Vec<String>,
}

pub fn matchable(sbom: &Sbom) -> Matchable {
    let unmatched: Vec<(usize, &Component)> = sbom
        .components
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.matchable())
        .collect();
    Matchable {
        without_purl_or_cpe: unmatched.len(),
        examples: unmatched
            .iter()
            .take(MAX_EXAMPLES)
            .map(|(i, c)| label(c, *i))
            .collect(),
    }
}

fn missing_elements(c: &Component, spdx2: bool) -> Vec<&'static str> {
    let mut out = vec![];
    if c.supplier.is_none() {
        out.push("supplier");
    }
    if c.name.is_none() {
        out.push("name");
    }
    if c.version.is_none() {
        out.push("version");
    }
    let identified = if spdx2 {
        c.spdx_id.is_some()
    } else {
        c.has_unique_id()
    };
    if !identified {
        out.push("unique identifier");
    }
    out
}

fn label(c: &Component, index: usize) -> String {
    match (&c.name, &c.version) {
        (Some(n), Some(v)) => format!("{n}@{v}"),
        (Some(n), None) => n.clone(),
        (None, _) => format!("#{}", index + 1),
    }
}

/// The ids of the packages the reference checker judges: reachable from the described elements.
fn reachable(graph: &Spdx2Graph) -> BTreeSet<&str> {
    let mut edges: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut queue: VecDeque<&str> = VecDeque::new();
    let is_document = |id: &str| id == graph.document_id || id == "SPDXRef-DOCUMENT";
    for r in &graph.relationships {
        match r.kind.as_str() {
            "DESCRIBES" if is_document(&r.from) => queue.push_back(&r.to),
            "DESCRIBED_BY" if is_document(&r.to) => queue.push_back(&r.from),
            _ => {}
        }
        if COMPOSITION.contains(&r.kind.as_str()) {
            edges.entry(&r.from).or_default().push(&r.to);
        }
    }
    let mut seen: BTreeSet<&str> = queue.iter().copied().collect();
    while let Some(id) = queue.pop_front() {
        for to in edges.get(id).into_iter().flatten() {
            if seen.insert(to) {
                queue.push_back(to);
            }
        }
    }
    seen
}

/// SPDX 2: whether the document DESCRIBES one of its packages.
fn describes_a_package(sbom: &Sbom, graph: &Spdx2Graph) -> bool {
    graph.relationships.iter().any(|r| {
        r.kind == "DESCRIBES"
            && sbom
                .components
                .iter()
                .any(|c| c.spdx_id.as_deref() == Some(r.to.as_str()))
    })
}

pub fn assess(sbom: &Sbom) -> NtiaSummary {
    let mut missing: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut examples = vec![];
    let mut incomplete = 0;
    let judged = sbom.spdx2.as_ref().map(reachable);
    let mut evaluated = 0;
    for (i, c) in sbom.components.iter().enumerate() {
        let in_scope = match (&judged, &c.spdx_id) {
            (None, _) => true,
            (Some(ids), Some(id)) => ids.contains(id.as_str()),
            (Some(_), None) => false,
        };
        let mut gaps = missing_elements(c, judged.is_some());
        if in_scope {
            evaluated += 1;
        } else {
            // Out of the graph, only a missing SPDX id counts, as the reference checker does.
            gaps.retain(|g| *g == "unique identifier");
        }
        if gaps.is_empty() {
            continue;
        }
        incomplete += 1;
        for g in &gaps {
            *missing.entry(g).or_default() += 1;
        }
        if examples.len() < MAX_EXAMPLES {
            examples.push(IncompleteComponent {
                component: label(c, i),
                missing: gaps,
            });
        }
    }
    let timestamp = sbom.created.is_some();
    let (author, dependencies, components_met) = match &sbom.spdx2 {
        Some(graph) => (
            !sbom.authors.is_empty() || !sbom.tools.is_empty(),
            describes_a_package(sbom, graph),
            evaluated > 0,
        ),
        // A document with a single component (itself) has no relationship to state.
        None => (
            !sbom.authors.is_empty(),
            sbom.dependency_edges > 0 || sbom.components.len() <= 1,
            true,
        ),
    };
    NtiaSummary {
        complete: incomplete == 0 && author && timestamp && dependencies && components_met,
        author,
        timestamp,
        dependencies,
        components_evaluated: evaluated,
        components_incomplete: incomplete,
        missing,
        examples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::sbom::model::{Encoding, Format, Relationship};

    fn component(n: usize, supplier: bool) -> Component {
        Component {
            name: Some(format!("c{n}")),
            version: Some("1".into()),
            supplier: supplier.then(|| "S".into()),
            purl: Some(format!("pkg:npm/c{n}@1")),
            ..Component::default()
        }
    }

    #[test]
    fn five_thousand_gaps_are_summarised() {
        let mut s = Sbom::new(Format::Cyclonedx, Encoding::Json);
        s.components = (0..5000).map(|n| component(n, n % 2 == 0)).collect();
        s.components.push(Component::default());
        let n = assess(&s);
        assert!(!n.complete);
        assert_eq!(n.components_incomplete, 2501);
        assert_eq!(n.missing["supplier"], 2501);
        assert_eq!(n.missing["name"], 1);
        assert_eq!(n.examples.len(), MAX_EXAMPLES);
        assert_eq!(n.examples[0].component, "c1@1");
        assert!(!n.author && !n.timestamp && !n.dependencies);
    }

    #[test]
    fn complete_sbom_is_complete() {
        let mut s = Sbom::new(Format::Spdx, Encoding::Json);
        s.components = vec![component(1, true), component(2, true)];
        s.authors = vec!["A".into()];
        s.created = Some("2026-01-01T00:00:00Z".into());
        s.dependency_edges = 1;
        assert!(assess(&s).complete);
    }

    fn spdx(relationships: &[(&str, &str, &str)], ids: &[&str]) -> Sbom {
        let mut s = Sbom::new(Format::Spdx, Encoding::Json);
        s.tools = vec!["generator".into()];
        s.created = Some("2026-01-01T00:00:00Z".into());
        s.components = ids
            .iter()
            .map(|id| Component {
                spdx_id: Some((*id).into()),
                name: Some((*id).into()),
                version: Some("1".into()),
                supplier: Some("S".into()),
                ..Component::default()
            })
            .collect();
        s.spdx2 = Some(Spdx2Graph {
            document_id: "SPDXRef-DOCUMENT".into(),
            relationships: relationships
                .iter()
                .map(|(from, kind, to)| Relationship {
                    from: (*from).into(),
                    kind: (*kind).into(),
                    to: (*to).into(),
                })
                .collect(),
        });
        s
    }

    /// As ntia-conformance-checker: the SPDX id identifies, a tool is an author, DESCRIBES
    /// gives the dependency element, and purl/CPE are not NTIA's business.
    #[test]
    fn spdx2_is_judged_as_the_reference_checker_judges() {
        let s = spdx(
            &[("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-a")],
            &["SPDXRef-a"],
        );
        let n = assess(&s);
        assert!(n.complete && n.author && n.dependencies, "{n:?}");
        assert_eq!(matchable(&s).without_purl_or_cpe, 1);
        let lone = spdx(&[], &["SPDXRef-a"]);
        let n = assess(&lone);
        assert!(!n.complete && !n.dependencies && n.components_evaluated == 0);
    }

    #[test]
    fn only_packages_reachable_over_composition_relationships_are_judged() {
        let mut s = spdx(
            &[
                ("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-a"),
                ("SPDXRef-a", "VARIANT_OF", "SPDXRef-b"),
                ("SPDXRef-a", "DEPENDS_ON", "SPDXRef-c"),
            ],
            &["SPDXRef-a", "SPDXRef-b", "SPDXRef-c"],
        );
        s.components[1].supplier = None;
        assert!(assess(&s).complete, "b is not reachable over VARIANT_OF");
        s.components[2].supplier = None;
        let n = assess(&s);
        assert!(!n.complete);
        assert_eq!((n.components_evaluated, n.missing["supplier"]), (2, 1));
        s.components[1].spdx_id = None;
        assert_eq!(assess(&s).missing["unique identifier"], 1);
    }
}
