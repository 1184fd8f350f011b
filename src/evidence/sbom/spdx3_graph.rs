//! The one reader of an SPDX 3 JSON-LD `@graph`: a flat list of elements that refer to each
//! other by id, indexed once so that the SBOM reading (packages, agents, licences, dependency
//! edges) and the AI reading (AI and dataset packages, what they are trained and tested on)
//! walk the same index.

use crate::evidence::read::value::{array, str_at};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// Relationships through which a package holds its files (and a dataset its data files).
const MEMBERSHIP: &[&str] = &["contains", "hasDataFile"];

/// One relationship element (`Relationship`, `LifecycleScopedRelationship`, ...).
pub(super) struct Relationship<'g> {
    /// `relationshipType` (empty when absent).
    pub kind: &'g str,
    pub from: Option<&'g str>,
    pub to: Vec<&'g str>,
}

/// A document's graph: its elements, by id, and its relationships in document order and by
/// (type, from).
pub(super) struct Graph<'g> {
    pub elements: &'g [Value],
    by_id: HashMap<&'g str, &'g Value>,
    pub relationships: Vec<Relationship<'g>>,
    edges: HashMap<(&'g str, &'g str), Vec<&'g str>>,
}

/// An element's id: `spdxId`, or `@id` for blank nodes.
pub(super) fn id_of(e: &Value) -> Option<&str> {
    str_at(e, "spdxId").or_else(|| str_at(e, "@id"))
}

/// The strings of the array at `key` (ids, mostly).
pub(super) fn ids<'a>(e: &'a Value, key: &str) -> impl Iterator<Item = &'a str> {
    array(e, key).iter().filter_map(Value::as_str)
}

pub(super) fn type_of(e: &Value) -> &str {
    str_at(e, "type").unwrap_or_default()
}

impl<'g> Graph<'g> {
    /// Indexes the `@graph` of a parsed document (empty when it has none).
    pub(super) fn new(doc: &'g Value) -> Graph<'g> {
        let elements = array(doc, "@graph");
        let by_id = elements
            .iter()
            .filter_map(|e| Some((id_of(e)?, e)))
            .collect();
        let relationships: Vec<Relationship> = elements
            .iter()
            .filter(|e| type_of(e).ends_with("Relationship"))
            .map(|r| Relationship {
                kind: str_at(r, "relationshipType").unwrap_or_default(),
                from: str_at(r, "from"),
                to: ids(r, "to").collect(),
            })
            .collect();
        let mut edges: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
        for r in &relationships {
            if let (false, Some(from)) = (r.kind.is_empty(), r.from) {
                edges.entry((r.kind, from)).or_default().extend(&r.to);
            }
        }
        Graph {
            elements,
            by_id,
            relationships,
            edges,
        }
    }

    pub(super) fn element(&self, id: &str) -> Option<&'g Value> {
        self.by_id.get(id).copied()
    }

    /// The elements of one type, in document order.
    pub(super) fn typed(&self, t: &'static str) -> impl Iterator<Item = &'g Value> + use<'g> {
        self.elements.iter().filter(move |e| type_of(e) == t)
    }

    /// The element and everything it holds, transitively.
    pub(super) fn members(&self, id: &'g str) -> BTreeSet<&'g str> {
        let mut seen = BTreeSet::from([id]);
        let mut queue = vec![id];
        while let Some(next) = queue.pop() {
            for kind in MEMBERSHIP {
                for to in self.edges.get(&(*kind, next)).into_iter().flatten() {
                    if seen.insert(to) {
                        queue.push(to);
                    }
                }
            }
        }
        seen
    }

    /// True when a `kind` relationship leaves any of `from`.
    pub(super) fn any_from(&self, kind: &str, from: &BTreeSet<&'g str>) -> bool {
        from.iter()
            .any(|f| self.edges.get(&(kind, *f)).is_some_and(|to| !to.is_empty()))
    }

    /// Targets of every `kind` relationship.
    pub(super) fn all_targets(&self, kind: &str) -> BTreeSet<&'g str> {
        self.relationships
            .iter()
            .filter(|r| r.kind == kind && r.from.is_some())
            .flat_map(|r| r.to.iter().copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_are_transitive_and_edges_keep_their_type() {
        let doc = json!({"@graph": [
            {"spdxId": "d", "type": "dataset_DatasetPackage"},
            {"type": "Relationship", "relationshipType": "contains", "from": "d", "to": ["dir"]},
            {"type": "Relationship", "relationshipType": "hasDataFile", "from": "dir", "to": ["a", "d"]},
            {"type": "LifecycleScopedRelationship", "relationshipType": "trainedOn", "from": "m", "to": ["a"]},
            {"type": "Relationship", "relationshipType": "testedOn", "to": ["b"]}
        ]});
        let g = Graph::new(&doc);
        let members = g.members("d");
        assert_eq!(members, BTreeSet::from(["a", "d", "dir"]));
        assert!(g.element("d").is_some() && g.element("dir").is_none());
        assert_eq!(g.typed("dataset_DatasetPackage").count(), 1);
        assert!(g.any_from("trainedOn", &BTreeSet::from(["m"])));
        assert!(!g.any_from("contains", &BTreeSet::from(["m"])));
        assert_eq!(g.all_targets("trainedOn"), BTreeSet::from(["a"]));
        // A relationship without `from` is kept in order but joins no edge.
        assert!(g.all_targets("testedOn").is_empty());
        assert_eq!(g.relationships.len(), 4);
    }
}
