//! SPDX 2.x, as JSON and as tag-value: packages with their supplier, version, external
//! references (purl, CPE), checksums and licences; creators; and the relationships that make the
//! dependency graph. spdx-rs is unmaintained, so both encodings are read here, leniently.

use super::model::{Component, Encoding, Format, Sbom, present};
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

/// Reads a parsed SPDX 2.x JSON document (the caller checked `spdxVersion`).
pub(super) fn read_json(v: &Value) -> Sbom {
    let mut sbom = Sbom::new(Format::Spdx, Encoding::Json);
    sbom.spec_version = str_at(v, "spdxVersion").map(spec_version);
    let info = v.get("creationInfo").unwrap_or(&Value::Null);
    sbom.created = present(str_at(info, "created"));
    for c in array(info, "creators").iter().filter_map(Value::as_str) {
        add_creator(&mut sbom, c);
    }
    let mut described: Vec<&str> = array(v, "documentDescribes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for r in array(v, "relationships") {
        let kind = str_at(r, "relationshipType").unwrap_or_default();
        if DEPENDENCY_RELATIONSHIPS.contains(&kind) {
            sbom.dependency_edges += 1;
        } else if kind == "DESCRIBES" && str_at(r, "spdxElementId") == Some("SPDXRef-DOCUMENT") {
            described.extend(str_at(r, "relatedSpdxElement"));
        }
    }
    for p in array(v, "packages") {
        let c = json_package(p);
        if described.contains(&str_at(p, "SPDXID").unwrap_or_default()) && sbom.subject.is_none() {
            sbom.subject = Some(c.clone());
        }
        sbom.components.push(c);
    }
    sbom
}

fn json_package(p: &Value) -> Component {
    let mut c = Component {
        name: present(str_at(p, "name")),
        version: present(str_at(p, "versionInfo")),
        supplier: party(str_at(p, "supplier")).or_else(|| party(str_at(p, "originator"))),
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
        if DEPENDENCY_RELATIONSHIPS.contains(kind) {
            sbom.dependency_edges += 1;
        } else if *kind == "DESCRIBES" && *from == "SPDXRef-DOCUMENT" {
            described.push((*to).to_string());
        }
    }
}

fn tag_value_field(id: &mut Option<String>, c: &mut Component, tag: &str, value: &str) {
    match tag {
        "SPDXID" => *id = Some(value.to_string()),
        "PackageVersion" => c.version = present(Some(value)),
        "PackageSupplier" => c.supplier = party(Some(value)),
        "PackageOriginator" if c.supplier.is_none() => c.supplier = party(Some(value)),
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
            "packages":[{"SPDXID":"SPDXRef-a","name":"a","versionInfo":"NOASSERTION","supplier":"NOASSERTION"}],
            "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-a"}]}"#,
        )
        .unwrap();
        let s = read_json(&v);
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
