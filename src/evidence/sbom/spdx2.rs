//! SPDX 2.x, as JSON (and YAML or RDF/XML brought to the same shape) and as tag-value: packages
//! with their SPDX id, supplier, version, external references (purl, CPE), checksums and
//! licences; creators; and every relationship, kept for the NTIA check, with a count of those that
//! make the dependency graph. spdx-rs is unmaintained, so the encodings are read here, leniently.

use super::model::{Component, Encoding, Format, Relationship, Sbom, Spdx2Graph, present};
use crate::evidence::read::value::{array, str_at};
use serde_json::Value;

/// Relationship types that state a dependency between two elements.
const DEPENDENCY_RELATIONSHIPS: &[&str] = &[
    "DEPENDS_ON",
    "DEPENDENCY_OF",
    "CONTAINS",
    "CONTAINED_BY",
    "BUILD_DEPENDENCY_OF",
    "DEV_DEPENDENCY_OF",
    "OPTIONAL_DEPENDENCY_OF",
    "PROVIDED_DEPENDENCY_OF",
    "TEST_DEPENDENCY_OF",
    "RUNTIME_DEPENDENCY_OF",
    "STATIC_LINK",
    "DYNAMIC_LINK",
];

/// The spec version from `SPDX-2.3`.
fn spec_version(text: &str) -> String {
    text.trim().trim_start_matches("SPDX-").to_string()
}

/// Sorts `creators` entries (`Tool: x`, `Person: y`, `Organization: z`) into authors and tools.
fn add_creator(sbom: &mut Sbom, creator: &str) {
    if let Some((kind, name)) = creator.split_once(':') {
        let Some(name) = present(Some(name)) else {
            return;
        };
        match kind.trim() {
            "Tool" => sbom.tools.push(name),
            "Person" | "Organization" => sbom.authors.push(name),
            _ => {}
        }
    }
}

/// An `Organization: X` / `Person: Y` value without its prefix.
fn party(text: Option<&str>) -> Option<String> {
    let text = present(text)?;
    let name = text.split_once(':').map_or(text.as_str(), |(_, n)| n);
    present(Some(name))
}

/// A package version as the SPDX reference checker reads it: any non-blank text, since SPDX
/// gives `versionInfo` no NOASSERTION keyword.
fn version(text: Option<&str>) -> Option<String> {
    let t = text?.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Applies one external reference (category, type, locator) to a component.
fn external_ref(c: &mut Component, kind: &str, locator: &str) {
    let locator = locator.trim().to_string();
    match kind.trim() {
        "purl" => c.purl = Some(locator),
        "cpe22Type" | "cpe23Type" => c.cpe = Some(locator),
        "swid" | "gitoid" | "swh" => c.other_id = true,
        _ => {}
    }
}

/// The id of the document itself when it does not say.
const DOCUMENT_ID: &str = "SPDXRef-DOCUMENT";

/// Records one relationship; returns the element the document describes, if it is one.
fn add_relationship(sbom: &mut Sbom, from: &str, kind: &str, to: &str) -> Option<String> {
    if DEPENDENCY_RELATIONSHIPS.contains(&kind) {
        sbom.dependency_edges += 1;
    }
    let graph = sbom.spdx2.get_or_insert_with(Spdx2Graph::default);
    graph.relationships.push(Relationship {
        from: from.into(),
        kind: kind.into(),
        to: to.into(),
    });
    (kind == "DESCRIBES" && (from == graph.document_id || from == DOCUMENT_ID)).then(|| to.into())
}

fn graph(document_id: Option<&str>) -> Spdx2Graph {
    Spdx2Graph {
        document_id: document_id.unwrap_or(DOCUMENT_ID).to_string(),
        relationships: vec![],
    }
}

/// Reads a parsed SPDX 2.x document in the JSON shape (the caller checked `spdxVersion`), written
/// in `encoding`.
pub(super) fn read_json(v: &Value, encoding: Encoding) -> Sbom {
    let mut sbom = Sbom::new(Format::Spdx, encoding);
    sbom.spec_version = str_at(v, "spdxVersion").map(spec_version);
    sbom.spdx2 = Some(graph(str_at(v, "SPDXID")));
    let info = v.get("creationInfo").unwrap_or(&Value::Null);
    sbom.created = present(str_at(info, "created"));
    for c in array(info, "creators").iter().filter_map(Value::as_str) {
        add_creator(&mut sbom, c);
    }
    let document = sbom
        .spdx2
        .as_ref()
        .map(|g| g.document_id.clone())
        .unwrap_or_default();
    let mut described: Vec<String> = vec![];
    // spdx-tools reads `documentDescribes` as DESCRIBES relationships of the document.
    for to in array(v, "documentDescribes")
        .iter()
        .filter_map(Value::as_str)
    {
        described.extend(add_relationship(&mut sbom, &document, "DESCRIBES", to));
    }
    for r in array(v, "relationships") {
        let field = |k| str_at(r, k).unwrap_or_default();
        let (from, kind, to) = (
            field("spdxElementId"),
            field("relationshipType"),
            field("relatedSpdxElement"),
        );
        described.extend(add_relationship(&mut sbom, from, kind, to));
    }
    for p in array(v, "packages") {
        let c = json_package(p);
        if c.spdx_id.as_ref().is_some_and(|id| described.contains(id)) && sbom.subject.is_none() {
            sbom.subject = Some(c.clone());
        }
        sbom.components.push(c);
    }
    sbom
}

fn json_package(p: &Value) -> Component {
    let mut c = Component {
        name: present(str_at(p, "name")),
        version: version(str_at(p, "versionInfo")),
        supplier: party(str_at(p, "supplier")),
        spdx_id: present(str_at(p, "SPDXID")),
        hashes: array(p, "checksums").len(),
        licenses: ["licenseDeclared", "licenseConcluded"]
            .iter()
            .find_map(|k| present(str_at(p, k)))
            .into_iter()
            .collect(),
        ..Component::default()
    };
    for r in array(p, "externalRefs") {
        if let (Some(kind), Some(loc)) = (str_at(r, "referenceType"), str_at(r, "referenceLocator"))
        {
            external_ref(&mut c, kind, loc);
        }
    }
    c
}

/// Reads an SPDX 2.x tag-value document.
pub(super) fn read_tag_value(text: &str) -> Result<Sbom, String> {
    let mut sbom = Sbom::new(Format::Spdx, Encoding::TagValue);
    let mut packages: Vec<(Option<String>, Component)> = vec![];
    let mut current: Option<(Option<String>, Component)> = None;
    let mut described: Vec<String> = vec![];
    let mut in_text = false;
    sbom.spdx2 = Some(graph(None));
    for line in text.lines() {
        if in_text {
            in_text = !line.contains("</text>");
            continue;
        }
        let Some((tag, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.starts_with("<text>") && !value.contains("</text>") {
            in_text = true;
        }
        match tag.trim() {
            "SPDXVersion" => sbom.spec_version = Some(spec_version(value)),
            "Created" => sbom.created = present(Some(value)),
            "Creator" => add_creator(&mut sbom, value),
            "PackageName" => {
                packages.extend(current.take());
                let c = Component {
                    name: present(Some(value)),
                    ..Component::default()
                };
                current = Some((None, c));
            }
            "FileName" | "SnippetSPDXID" => packages.extend(current.take()),
            "Relationship" => relationship(&mut sbom, &mut described, value),
            "SPDXID" if current.is_none() && packages.is_empty() => {
                sbom.spdx2 = Some(graph(Some(value)));
            }
            tag => {
                if let Some((id, c)) = current.as_mut() {
                    tag_value_field(id, c, tag, value);
                }
            }
        }
    }
    packages.extend(current);
    sbom.subject = packages
        .iter()
        .find(|(id, _)| id.as_ref().is_some_and(|id| described.contains(id)))
        .map(|(_, c)| c.clone());
    sbom.components = packages.into_iter().map(|(_, c)| c).collect();
    if sbom.spec_version.is_none() {
        return Err("no SPDXVersion: line".into());
    }
    Ok(sbom)
}

fn relationship(sbom: &mut Sbom, described: &mut Vec<String>, value: &str) {
    let parts: Vec<&str> = value.split_whitespace().collect();
    if let [from, kind, to, ..] = parts.as_slice() {
        described.extend(add_relationship(sbom, from, kind, to));
    }
}

fn tag_value_field(id: &mut Option<String>, c: &mut Component, tag: &str, value: &str) {
    match tag {
        "SPDXID" => {
            *id = Some(value.to_string());
            c.spdx_id = present(Some(value));
        }
        "PackageVersion" => c.version = version(Some(value)),
        "PackageSupplier" => c.supplier = party(Some(value)),
        "PackageChecksum" => c.hashes += 1,
        "PackageLicenseDeclared" | "PackageLicenseConcluded" if c.licenses.is_empty() => {
            c.licenses.extend(present(Some(value)))
        }
        "ExternalRef" => {
            let parts: Vec<&str> = value.split_whitespace().collect();
            if let [_, kind, locator, ..] = parts.as_slice() {
                external_ref(c, kind, locator);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_value_reads_packages_refs_and_skips_text_blocks() {
        let doc = "SPDXVersion: SPDX-2.2\nCreator: Tool: x\nCreator: Person: Ann\n\
Created: 2026-01-01T00:00:00Z\nDocumentComment: <text>PackageName: fake\nstill text</text>\n\
PackageName: hello\nSPDXID: SPDXRef-hello\nPackageVersion: 1.0\n\
PackageSupplier: Organization: ACME\nExternalRef: PACKAGE-MANAGER purl pkg:generic/hello@1.0\n\
PackageChecksum: SHA1: ab\nRelationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-hello\n\
Relationship: SPDXRef-hello DEPENDS_ON SPDXRef-libc\nFileName: ./a.c\nPackageVersion: 9\n";
        let s = read_tag_value(doc).unwrap();
        assert_eq!(s.spec_version.as_deref(), Some("2.2"));
        assert_eq!(
            (s.authors.as_slice(), s.tools.as_slice()),
            (&["Ann".to_string()][..], &["x".to_string()][..])
        );
        assert_eq!(s.components.len(), 1);
        let c = &s.components[0];
        assert_eq!(
            (c.version.as_deref(), c.supplier.as_deref()),
            (Some("1.0"), Some("ACME"))
        );
        assert_eq!(c.purl.as_deref(), Some("pkg:generic/hello@1.0"));
        assert_eq!(
            s.subject.as_ref().and_then(|c| c.name.as_deref()),
            Some("hello")
        );
        assert_eq!(s.dependency_edges, 1);
    }

    #[test]
    fn json_reads_noassertion_as_absent() {
        let v: Value = serde_json::from_str(
            r#"{"spdxVersion":"SPDX-2.3","creationInfo":{"creators":["Tool: t"]},
            "packages":[{"SPDXID":"SPDXRef-a","name":"a","versionInfo":" ","supplier":"NOASSERTION"}],
            "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-a"}]}"#,
        )
        .unwrap();
        let s = read_json(&v, Encoding::Json);
        assert_eq!(
            (
                s.components[0].version.clone(),
                s.components[0].supplier.clone()
            ),
            (None, None)
        );
        assert!(s.authors.is_empty());
        assert!(s.subject.is_some());
    }
}
