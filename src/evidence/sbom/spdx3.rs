//! SPDX 3.0 JSON-LD, read from the one [`Graph`] of the document: packages (software, AI and
//! dataset) become components; agents named by the document's creation info become authors and
//! tools; relationships give the dependency graph and declared licences. AI and dataset packages
//! are also kept as written, with what they are trained and tested on, for the AI evidence.

use super::model::{AiElement, Component, Encoding, Format, Sbom, present};
use super::spdx3_graph::{Graph, id_of, ids, type_of};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

const PACKAGE_TYPES: &[&str] = &["software_Package", "ai_AIPackage", "dataset_DatasetPackage"];

/// Relationship types that state a dependency or containment.
const DEPENDENCY_RELATIONSHIPS: &[&str] = &[
    "dependsOn",
    "contains",
    "hasStaticLink",
    "hasDynamicLink",
    "hasOptionalDependency",
    "hasProvidedDependency",
];

/// True when `v`'s `@context` names the SPDX 3 vocabulary.
pub(super) fn is_spdx3(v: &Value) -> bool {
    v.get("@context")
        .is_some_and(|c| c.to_string().contains("spdx.org/rdf/3"))
}

/// Reads a parsed SPDX 3 JSON-LD document (the caller checked [`is_spdx3`]).
pub(super) fn read(v: &Value) -> Sbom {
    let mut sbom = Sbom::new(Format::Spdx, Encoding::JsonLd);
    let graph = Graph::new(v);
    let name_of = |id: &str| graph.element(id).and_then(|e| present(str_at(e, "name")));
    let info = graph.typed("CreationInfo").next();
    sbom.spec_version = info
        .and_then(|i| present(str_at(i, "specVersion")))
        .or_else(|| context_version(v));
    if let Some(info) = info {
        sbom.created = present(str_at(info, "created"));
        sbom.authors = ids(info, "createdBy").filter_map(name_of).collect();
        sbom.tools = ids(info, "createdUsing").filter_map(name_of).collect();
    }
    let mut roots: HashSet<&str> = HashSet::new();
    for e in graph.elements {
        if matches!(type_of(e), "SpdxDocument" | "software_Sbom") {
            roots.extend(ids(e, "rootElement"));
        }
    }
    let mut licenses: HashMap<&str, Vec<String>> = HashMap::new();
    relationships(&graph, &mut sbom, &mut roots, &mut licenses);
    for e in graph
        .elements
        .iter()
        .filter(|e| PACKAGE_TYPES.contains(&type_of(e)))
    {
        let id = id_of(e).unwrap_or_default();
        let mut c = package(e, &name_of);
        c.licenses = licenses.remove(id).unwrap_or_default();
        if sbom.subject.is_none() && roots.contains(id) {
            sbom.subject = Some(c.clone());
        }
        sbom.components.push(c);
    }
    sbom.ai = ai_elements(&graph);
    sbom
}

/// `3.0.1` from a context URL such as `https://spdx.org/rdf/3.0.1/spdx-context.jsonld`.
fn context_version(v: &Value) -> Option<String> {
    let ctx = v.get("@context")?.to_string();
    let rest = ctx.split("spdx.org/rdf/").nth(1)?;
    rest.split('/').next().map(str::to_string)
}

/// Dependency edges, described roots and the first licences stated for each element.
fn relationships<'g>(
    graph: &Graph<'g>,
    sbom: &mut Sbom,
    roots: &mut HashSet<&'g str>,
    licenses: &mut HashMap<&'g str, Vec<String>>,
) {
    for r in &graph.relationships {
        match r.kind {
            k if DEPENDENCY_RELATIONSHIPS.contains(&k) => sbom.dependency_edges += r.to.len(),
            "describes" => roots.extend(&r.to),
            "hasDeclaredLicense" | "hasConcludedLicense" => {
                let exprs =
                    r.to.iter()
                        .filter_map(|t| graph.element(t))
                        .filter_map(|l| {
                            present(str_at(l, "simplelicensing_licenseExpression"))
                                .or_else(|| present(str_at(l, "name")))
                        });
                let list = licenses.entry(r.from.unwrap_or_default()).or_default();
                if list.is_empty() {
                    list.extend(exprs);
                }
            }
            _ => {}
        }
    }
}

/// AI packages with whether they (or files they contain) are trained and tested on something,
/// then dataset packages with whether something is trained or tested on them (or their files).
fn ai_elements<'g>(graph: &Graph<'g>) -> Vec<AiElement> {
    let members = |e: &'g Value| graph.members(id_of(e).unwrap_or_default());
    let mut out: Vec<AiElement> = graph
        .typed("ai_AIPackage")
        .map(|p| {
            let held = members(p);
            AiElement::Spdx3Model {
                element: p.clone(),
                trained_on: graph.any_from("trainedOn", &held),
                tested_on: graph.any_from("testedOn", &held),
            }
        })
        .collect();
    let trained_on = graph.all_targets("trainedOn");
    let tested_on = graph.all_targets("testedOn");
    out.extend(graph.typed("dataset_DatasetPackage").map(|d| {
        let held = members(d);
        AiElement::Spdx3Dataset {
            element: d.clone(),
            training: !held.is_disjoint(&trained_on),
            test: !held.is_disjoint(&tested_on),
        }
    }));
    out
}

fn package(e: &Value, name_of: &dyn Fn(&str) -> Option<String>) -> Component {
    let mut c = Component {
        name: present(str_at(e, "name")),
        version: present(str_at(e, "software_packageVersion")),
        supplier: str_at(e, "suppliedBy").and_then(name_of),
        purl: present(str_at(e, "software_packageUrl")),
        hashes: array(e, "verifiedUsing").len(),
        ..Component::default()
    };
    for x in array(e, "externalIdentifier") {
        let value = present(str_at(x, "identifier"));
        match str_at(x, "externalIdentifierType").unwrap_or_default() {
            "packageUrl" if c.purl.is_none() => c.purl = value,
            "cpe22" | "cpe23" => c.cpe = value,
            "swid" | "gitoid" | "swhid" => c.other_id = true,
            _ => {}
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_packages_agents_licences_and_roots() {
        let v: Value = serde_json::from_str(
            r#"{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[
            {"@id":"_:ci","type":"CreationInfo","specVersion":"3.0.1","created":"2026-01-01T00:00:00Z","createdBy":["urn:p"],"createdUsing":["urn:t"]},
            {"spdxId":"urn:p","type":"Person","name":"Ann"},{"spdxId":"urn:t","type":"Tool","name":"gen"},
            {"spdxId":"urn:doc","type":"SpdxDocument","rootElement":["urn:app"]},
            {"spdxId":"urn:app","type":"software_Package","name":"app","software_packageVersion":"1","suppliedBy":"urn:p",
             "externalIdentifier":[{"externalIdentifierType":"cpe23","identifier":"cpe:2.3:a:x:app:1"}]},
            {"spdxId":"urn:m","type":"ai_AIPackage","name":"model","software_packageUrl":"pkg:huggingface/m@1"},
            {"spdxId":"urn:l","type":"simplelicensing_LicenseExpression","simplelicensing_licenseExpression":"MIT"},
            {"type":"Relationship","relationshipType":"hasDeclaredLicense","from":"urn:app","to":["urn:l"]},
            {"type":"Relationship","relationshipType":"dependsOn","from":"urn:app","to":["urn:m"]}]}"#,
        )
        .unwrap();
        assert!(is_spdx3(&v));
        let s = read(&v);
        assert_eq!(s.spec_version.as_deref(), Some("3.0.1"));
        assert!(s.supported());
        assert_eq!(
            (s.authors.as_slice(), s.tools.as_slice()),
            (&["Ann".to_string()][..], &["gen".to_string()][..])
        );
        assert_eq!(s.components.len(), 2);
        let app = s.subject.as_ref().unwrap();
        assert_eq!(
            (app.supplier.as_deref(), app.licenses.as_slice()),
            (Some("Ann"), &["MIT".to_string()][..])
        );
        assert!(app.cpe.is_some());
        assert_eq!(s.dependency_edges, 1);
    }

    #[test]
    fn training_and_test_roles_reach_packages_through_contained_files() {
        let v: Value = serde_json::from_str(
            r#"{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[
            {"type": "dataset_DatasetPackage", "spdxId": "d", "name": "data"},
            {"type": "dataset_DatasetPackage", "spdxId": "unused", "name": "other"},
            {"type": "ai_AIPackage", "spdxId": "m", "name": "model"},
            {"type": "Relationship", "relationshipType": "contains", "from": "d", "to": ["dir"]},
            {"type": "Relationship", "relationshipType": "contains", "from": "dir", "to": ["train.txt", "test.txt"]},
            {"type": "Relationship", "relationshipType": "contains", "from": "m", "to": ["model.bin"]},
            {"type": "LifecycleScopedRelationship", "relationshipType": "trainedOn", "from": "model.bin", "to": ["train.txt"]},
            {"type": "Relationship", "relationshipType": "testedOn", "from": "model.bin", "to": ["test.txt"]}]}"#,
        )
        .unwrap();
        let sbom = read(&v);
        let flags: Vec<(&str, bool, bool)> = sbom
            .ai
            .iter()
            .map(|e| match e {
                AiElement::Spdx3Model {
                    element,
                    trained_on,
                    tested_on,
                } => (str_at(element, "name").unwrap(), *trained_on, *tested_on),
                AiElement::Spdx3Dataset {
                    element,
                    training,
                    test,
                } => (str_at(element, "name").unwrap(), *training, *test),
                AiElement::CycloneDxModel(_) => panic!("not CycloneDX"),
            })
            .collect();
        assert_eq!(
            flags,
            [
                ("model", true, true),
                ("data", true, true),
                ("other", false, false)
            ]
        );
    }
}
