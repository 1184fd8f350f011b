//! SPDX 2.x RDF/XML, read as a stream of quick-xml events into the shape of an SPDX 2 JSON
//! document (`spdxVersion`, `creationInfo`, `packages`, `relationships`), which the SPDX 2 reader
//! then reads like any other. RDF/XML alternates node elements (`spdx:Package`,
//! `spdx:Relationship`...) and property elements (`spdx:name`, `spdx:relationship`...); each
//! node collects its properties' values (text, an `rdf:resource` IRI, or a nested node) and is
//! folded into a JSON value when it closes. A package described in several places is merged by
//! its SPDX id. No DTD is fetched, no entity expanded, and nesting deeper than
//! [`crate::nesting::MAX_XML_DEPTH`] is refused.

use super::cyclonedx_xml::resolve_entity;
use crate::evidence::read::xml_walk::{attr, too_deep};
use crate::nesting::MAX_XML_DEPTH;
use quick_xml::events::{BytesStart, Event};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// One open element.
enum Frame {
    /// `rdf:RDF`.
    Root,
    /// A node element: its class (local name), its id (the IRI fragment), its properties.
    Node {
        class: String,
        id: Option<String>,
        props: BTreeMap<String, Vec<Value>>,
    },
    /// A property element: its name, its `rdf:resource`, its text, a nested node's value.
    Prop {
        name: String,
        resource: Option<String>,
        text: String,
        child: Option<Value>,
    },
}

#[derive(Default)]
struct Document {
    seen: bool,
    id: Option<String>,
    version: Option<String>,
    creation: Value,
    packages: BTreeMap<String, Map<String, Value>>,
    anonymous: Vec<Map<String, Value>>,
    relationships: Vec<Value>,
}

/// Reads SPDX 2 RDF/XML into an SPDX 2 JSON value, or says why it cannot.
pub(super) fn to_json(bytes: &[u8]) -> Result<Value, String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut stack: Vec<Frame> = vec![];
    let mut doc = Document::default();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("invalid XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(_) | Event::Empty(_) if stack.len() == MAX_XML_DEPTH => {
                return Err(too_deep(reader.buffer_position()));
            }
            Event::Start(e) => stack.push(open(&stack, &e)),
            Event::Empty(e) => {
                stack.push(open(&stack, &e));
                close(&mut stack, &mut doc);
            }
            Event::End(_) => close(&mut stack, &mut doc),
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t),
            Event::GeneralRef(r) => push_text(&mut stack, &resolve_entity(&r.xml10_content())),
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err("truncated XML: an element is never closed".into());
    }
    if !doc.seen {
        return Err("RDF/XML without an spdx:SpdxDocument".into());
    }
    Ok(doc.into_json())
}

fn push_text(stack: &mut [Frame], text: &str) {
    if let Some(Frame::Prop { text: t, .. }) = stack.last_mut() {
        t.push_str(text);
    }
}

fn open(stack: &[Frame], e: &BytesStart) -> Frame {
    let name = e.local_name().as_ref().to_string();
    match stack.last() {
        None if name == "RDF" => Frame::Root,
        Some(Frame::Node { .. }) => Frame::Prop {
            name,
            resource: attr(e, "rdf:resource").map(|iri| fragment(&iri)),
            text: String::new(),
            child: None,
        },
        _ => Frame::Node {
            class: name,
            id: attr(e, "rdf:about").map(|iri| fragment(&iri)),
            props: BTreeMap::new(),
        },
    }
}

/// Closes the innermost element, handing its value to the element around it.
fn close(stack: &mut Vec<Frame>, doc: &mut Document) {
    match stack.pop() {
        Some(Frame::Node { class, id, props }) => {
            let value = node_value(doc, &class, id, props);
            if let Some(Frame::Prop { child, .. }) = stack.last_mut() {
                *child = Some(value);
            }
        }
        Some(Frame::Prop {
            name,
            resource,
            text,
            child,
        }) => {
            let value = child
                .or_else(|| resource.map(Value::String))
                .unwrap_or_else(|| Value::String(text.trim().to_string()));
            if let Some(Frame::Node { props, .. }) = stack.last_mut() {
                props.entry(name).or_default().push(value);
            }
        }
        Some(Frame::Root) | None => {}
    }
}

/// The part of an IRI after `#` (an SPDX id, `noassertion`), or after the last `/` (a licence,
/// a reference type); `noassertion` and `none` written as SPDX 2 JSON writes them.
fn fragment(iri: &str) -> String {
    let tail = iri
        .rsplit_once('#')
        .or_else(|| iri.rsplit_once('/'))
        .map_or(iri, |(_, t)| t);
    match tail {
        "noassertion" => "NOASSERTION".into(),
        "none" => "NONE".into(),
        t => t.to_string(),
    }
}

/// `relationshipType_dependsOn` -> `DEPENDS_ON`.
fn relationship_type(text: &str) -> String {
    let name = text.rsplit_once('_').map_or(text, |(_, n)| n);
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn first<'a>(props: &'a BTreeMap<String, Vec<Value>>, key: &str) -> Option<&'a Value> {
    props.get(key).and_then(|v| v.first())
}

/// The SPDX id a property value names: a resource IRI's fragment or a nested element's id.
fn element_id(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::to_string)
        .or_else(|| v.get("@id").and_then(Value::as_str).map(str::to_string))
}

/// Folds a closed node into the document and returns the value its parent property holds.
fn node_value(
    doc: &mut Document,
    class: &str,
    id: Option<String>,
    props: BTreeMap<String, Vec<Value>>,
) -> Value {
    let text = |key: &str| first(&props, key).cloned();
    match class {
        "Relationship" => {
            let kind = text("relationshipType")
                .and_then(|v| v.as_str().map(relationship_type))
                .unwrap_or_default();
            let related = first(&props, "relatedSpdxElement").and_then(element_id);
            json!({"relationshipType": kind, "relatedSpdxElement": related})
        }
        "ExternalRef" => json!({
            "referenceType": text("referenceType"),
            "referenceLocator": text("referenceLocator"),
        }),
        "Checksum" => json!({"checksumValue": text("checksumValue")}),
        "CreationInfo" => json!({"created": text("created"), "creators": props.get("creator")}),
        _ => {
            for r in props.get("relationship").into_iter().flatten() {
                let mut r = r.clone();
                r["spdxElementId"] = json!(id);
                doc.relationships.push(r);
            }
            if class == "SpdxDocument" {
                doc.seen = true;
                doc.id = id.clone();
                doc.version = text("specVersion").and_then(|v| v.as_str().map(str::to_string));
                doc.creation = text("creationInfo").unwrap_or_default();
                for p in props.get("describesPackage").into_iter().flatten() {
                    doc.relationships.push(json!({"spdxElementId": id,
                        "relationshipType": "DESCRIBES", "relatedSpdxElement": element_id(p)}));
                }
            } else if class == "Package" {
                package(doc, id.clone(), &props);
            }
            json!({"@id": id})
        }
    }
}

/// Merges one description of a package into the document's packages.
fn package(doc: &mut Document, id: Option<String>, props: &BTreeMap<String, Vec<Value>>) {
    let mut fields = Map::new();
    for key in [
        "name",
        "versionInfo",
        "supplier",
        "originator",
        "licenseConcluded",
        "licenseDeclared",
    ] {
        if let Some(v) = first(props, key) {
            fields.insert(key.into(), v.clone());
        }
    }
    for (rdf, json) in [("checksum", "checksums"), ("externalRef", "externalRefs")] {
        if let Some(list) = props.get(rdf) {
            fields.insert(json.into(), Value::Array(list.clone()));
        }
    }
    match id {
        Some(id) => {
            let entry = doc.packages.entry(id.clone()).or_default();
            entry.insert("SPDXID".into(), Value::String(id));
            entry.extend(fields);
        }
        None => doc.anonymous.push(fields),
    }
}

impl Document {
    fn into_json(self) -> Value {
        let packages: Vec<Value> = self
            .packages
            .into_values()
            .chain(self.anonymous)
            .map(Value::Object)
            .collect();
        json!({
            "spdxVersion": self.version,
            "SPDXID": self.id,
            "creationInfo": self.creation,
            "packages": packages,
            "relationships": self.relationships,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r##"<?xml version="1.0"?>
<rdf:RDF xmlns:spdx="http://spdx.org/rdf/terms#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <spdx:SpdxDocument rdf:about="https://x/doc#SPDXRef-DOCUMENT">
    <spdx:specVersion>SPDX-2.3</spdx:specVersion>
    <spdx:creationInfo><spdx:CreationInfo>
      <spdx:created>2026-01-01T00:00:00Z</spdx:created><spdx:creator>Tool: gen</spdx:creator>
    </spdx:CreationInfo></spdx:creationInfo>
    <spdx:relationship><spdx:Relationship>
      <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_describes"/>
      <spdx:relatedSpdxElement><spdx:Package rdf:about="https://x/doc#SPDXRef-app">
        <spdx:name>app</spdx:name><spdx:versionInfo>1.0</spdx:versionInfo>
        <spdx:supplier>Organization: ACME &amp; Co</spdx:supplier>
        <spdx:licenseConcluded rdf:resource="http://spdx.org/rdf/terms#noassertion"/>
        <spdx:relationship><spdx:Relationship>
          <spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_variantOf"/>
          <spdx:relatedSpdxElement rdf:resource="https://x/doc#SPDXRef-lib"/>
        </spdx:Relationship></spdx:relationship>
      </spdx:Package></spdx:relatedSpdxElement>
    </spdx:Relationship></spdx:relationship>
  </spdx:SpdxDocument>
  <spdx:Package rdf:about="https://x/doc#SPDXRef-lib">
    <spdx:name>lib</spdx:name>
    <spdx:externalRef><spdx:ExternalRef>
      <spdx:referenceType rdf:resource="http://spdx.org/rdf/references/purl"/>
      <spdx:referenceLocator>pkg:npm/lib@2</spdx:referenceLocator>
    </spdx:ExternalRef></spdx:externalRef>
  </spdx:Package>
</rdf:RDF>"##;

    #[test]
    fn reads_nested_and_top_level_elements() {
        let v = to_json(DOC.as_bytes()).unwrap();
        assert_eq!(v["spdxVersion"], "SPDX-2.3");
        assert_eq!(v["SPDXID"], "SPDXRef-DOCUMENT");
        assert_eq!(v["creationInfo"]["creators"][0], "Tool: gen");
        let app = &v["packages"][0];
        assert_eq!(
            (&app["SPDXID"], &app["supplier"], &app["licenseConcluded"]),
            (
                &json!("SPDXRef-app"),
                &json!("Organization: ACME & Co"),
                &json!("NOASSERTION")
            )
        );
        assert_eq!(v["packages"][1]["externalRefs"][0]["referenceType"], "purl");
        let rels: Vec<(&str, &str, &str)> = v["relationships"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["spdxElementId"].as_str().unwrap(),
                    r["relationshipType"].as_str().unwrap(),
                    r["relatedSpdxElement"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rels,
            [
                ("SPDXRef-app", "VARIANT_OF", "SPDXRef-lib"),
                ("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-app")
            ]
        );
    }

    #[test]
    fn malformed_rdf_is_an_error() {
        assert!(to_json(&DOC.as_bytes()[..400]).unwrap_err().contains("XML"));
        assert!(
            to_json(b"<rdf:RDF></rdf:RDF>")
                .unwrap_err()
                .contains("SpdxDocument")
        );
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert!(to_json(deep.as_bytes()).unwrap_err().contains("deeper"));
        assert!(to_json(b"<a><b></a>").unwrap_err().contains("invalid XML"));
    }
}
