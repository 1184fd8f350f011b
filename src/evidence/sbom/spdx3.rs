//! SPDX 3.0 JSON-LD: a flat `@graph` of elements that refer to each other by id. Packages
//! (software, AI and dataset) become components; agents named by the document's creation info
//! become authors and tools; relationships give the dependency graph and declared licences.

use super::model::{Component, Encoding, Format, Sbom, present};
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

fn id_of(e: &Value) -> Option<&str> {
    str_at(e, "spdxId").or_else(|| str_at(e, "@id"))
}

fn ids<'a>(e: &'a Value, key: &str) -> impl Iterator<Item = &'a str> {
    array(e, key).iter().filter_map(Value::as_str)
}

/// True when `v`'s `@context` names the SPDX 3 vocabulary.
pub fn is_spdx3(v: &Value) -> bool {
    v.get("@context")
        .is_some_and(|c| c.to_string().contains("spdx.org/rdf/3"))
}

/// Reads a parsed SPDX 3 JSON-LD document (the caller checked [`is_spdx3`]).
pub fn read(v: &Value) -> Sbom {
    let mut sbom = Sbom::new(Format::Spdx, Encoding::JsonLd);
    let graph = array(v, "@graph");
    let by_id: HashMap<&str, &Value> = graph.iter().filter_map(|e| Some((id_of(e)?, e))).collect();
    let name_of = |id: &str| by_id.get(id).and_then(|e| present(str_at(e, "name")));
    let info = graph
        .iter()
        .find(|e| str_at(e, "type") == Some("CreationInfo"));
    sbom.spec_version = info
        .and_then(|i| present(str_at(i, "specVersion")))
        .or_else(|| context_version(v));
    if let Some(info) = info {
        sbom.created = present(str_at(info, "created"));
        sbom.authors = ids(info, "createdBy").filter_map(name_of).collect();
        sbom.tools = ids(info, "createdUsing").filter_map(name_of).collect();
    }
    let mut roots: HashSet<&str> = HashSet::new();
    let mut licenses: HashMap<&str, Vec<String>> = HashMap::new();
    for e in graph {
        match str_at(e, "type").unwrap_or_default() {
            "SpdxDocument" | "software_Sbom" => roots.extend(ids(e, "rootElement")),
            "Relationship" | "LifecycleScopedRelationship" => {
                relationship(e, &by_id, &mut sbom, &mut roots, &mut licenses)
            }
            _ => {}
        }
    }
    for e in graph
        .iter()
        .filter(|e| PACKAGE_TYPES.contains(&str_at(e, "type").unwrap_or_default()))
    {
        let id = id_of(e).unwrap_or_default();
        let mut c = package(e, &name_of);
        c.licenses = licenses.remove(id).unwrap_or_default();
        if sbom.subject.is_none() && roots.contains(id) {
            sbom.subject = Some(c.clone());
        }
        sbom.components.push(c);
    }
    sbom
}

/// `3.0.1` from a context URL such as `https://spdx.org/rdf/3.0.1/spdx-context.jsonld`.
fn context_version(v: &Value) -> Option<String> {
    let ctx = v.get("@context")?.to_string();
    let rest = ctx.split("spdx.org/rdf/").nth(1)?;
    rest.split('/').next().map(str::to_string)
}

fn relationship<'a>(
    e: &'a Value,
    by_id: &HashMap<&str, &'a Value>,
    sbom: &mut Sbom,
    roots: &mut HashSet<&'a str>,
    licenses: &mut HashMap<&'a str, Vec<String>>,
) {
    let kind = str_at(e, "relationshipType").unwrap_or_default();
    let from = str_at(e, "from").unwrap_or_default();
    let to = ids(e, "to");
    match kind {
        k if DEPENDENCY_RELATIONSHIPS.contains(&k) => sbom.dependency_edges += to.count(),
        "describes" => roots.extend(to),
        "hasDeclaredLicense" | "hasConcludedLicense" => {
            let exprs = to.filter_map(|t| by_id.get(t)).filter_map(|l| {
                present(str_at(l, "simplelicensing_licenseExpression"))
                    .or_else(|| present(str_at(l, "name")))
            });
            let list = licenses.entry(from).or_default();
            if list.is_empty() {
                list.extend(exprs);
            }
        }
        _ => {}
    }
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
}
