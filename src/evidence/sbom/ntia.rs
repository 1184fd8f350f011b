//! The NTIA minimum elements (2021) of one SBOM: per component supplier, name, version and a
//! unique identifier; per document the author, the timestamp and the dependency relationships.
//! The result is a bounded summary (counts per element and the first few incomplete
//! components), so that a 5,000-component SBOM yields one readable record, not 5,000.

use super::model::{Component, Sbom};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many incomplete components are named in the evidence.
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
    /// Components missing at least one element.
    pub components_incomplete: usize,
    /// Element name -> number of components missing it (only elements some component misses).
    pub missing: BTreeMap<&'static str, usize>,
    /// The first [`MAX_EXAMPLES`] incomplete components.
    pub examples: Vec<IncompleteComponent>,
}

fn missing_elements(c: &Component) -> Vec<&'static str> {
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
    if !c.has_unique_id() {
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

pub fn assess(sbom: &Sbom) -> NtiaSummary {
    let mut missing: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut examples = vec![];
    let mut incomplete = 0;
    for (i, c) in sbom.components.iter().enumerate() {
        let gaps = missing_elements(c);
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
    let author = !sbom.authors.is_empty();
    let timestamp = sbom.created.is_some();
    // A document with a single package (itself) has no relationship to state.
    let dependencies = sbom.dependency_edges > 0 || sbom.components.len() <= 1;
    NtiaSummary {
        complete: incomplete == 0 && author && timestamp && dependencies,
        author,
        timestamp,
        dependencies,
        components_incomplete: incomplete,
        missing,
        examples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::sbom::model::{Encoding, Format};

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
}
