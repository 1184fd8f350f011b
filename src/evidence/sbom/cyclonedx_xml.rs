//! CycloneDX XML (spec 1.1 to 1.6), read as a stream of events with a stack of open element
//! names: no DOM, no recursion (deep nesting cannot overflow the stack), no DTD fetching, and
//! nesting deeper than [`crate::nesting::MAX_XML_DEPTH`] refused. Whether the reader is inside
//! one of the few elements that change a field's meaning (`<tools>`, `<metadata>`, ...) is a count
//! kept as elements open and close, so each element costs the same however deep it sits.

use super::model::{Component, Encoding, Format, Sbom, VexStatement, present};
use crate::evidence::read::xml_walk::too_deep;
use crate::nesting::MAX_XML_DEPTH;
use quick_xml::events::{BytesStart, Event};

/// The elements whose open count [`State::within`] answers from.
const SCOPES: [&str; 5] = [
    "tools",
    "vulnerabilities",
    "vulnerability",
    "metadata",
    "authors",
];

/// Where the reader is: the open elements, the components being read, the text so far.
struct State {
    sbom: Sbom,
    stack: Vec<String>,
    /// How many elements of each of [`SCOPES`] are open.
    scopes: [usize; SCOPES.len()],
    /// Open `<component>`s, each with whether it is the metadata subject.
    open: Vec<(Component, bool)>,
    vex: Option<VexStatement>,
    text: String,
    saw_bom: bool,
}

pub(super) fn read(bytes: &[u8]) -> Result<Sbom, String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut st = State {
        sbom: Sbom::new(Format::Cyclonedx, Encoding::Xml),
        stack: vec![],
        scopes: [0; SCOPES.len()],
        open: vec![],
        vex: None,
        text: String::new(),
        saw_bom: false,
    };
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("invalid XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => {
                if let Some(open) = st.stack.last() {
                    return Err(format!("truncated XML: <{open}> is never closed"));
                }
                break;
            }
            Event::Start(_) if st.stack.len() == MAX_XML_DEPTH => {
                return Err(too_deep(reader.buffer_position()));
            }
            Event::Start(e) => st.start(&e, false),
            Event::Empty(e) => {
                st.start(&e, true);
                st.end();
            }
            Event::End(_) => st.end(),
            Event::Text(t) => st.text.push_str(&t.xml10_content()),
            Event::CData(t) => st.text.push_str(&t),
            Event::GeneralRef(r) => st.text.push_str(&resolve_entity(&r.xml10_content())),
            _ => {}
        }
        buf.clear();
    }
    if st.saw_bom {
        Ok(st.sbom)
    } else {
        Err("XML without a CycloneDX <bom> element".into())
    }
}

/// The text of a predefined or character entity reference (`amp`, `#x41`); others are dropped.
pub(super) fn resolve_entity(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => name
            .strip_prefix("#x")
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)
            .map(String::from)
            .unwrap_or_default(),
    }
}

impl State {
    fn parent(&self) -> &str {
        self.stack.last().map_or("", String::as_str)
    }

    fn within(&self, name: &str) -> bool {
        SCOPES
            .iter()
            .position(|s| *s == name)
            .is_some_and(|i| self.scopes[i] > 0)
    }

    fn count_scope(&mut self, name: &str, opened: bool) {
        if let Some(i) = SCOPES.iter().position(|s| *s == name) {
            self.scopes[i] = if opened {
                self.scopes[i] + 1
            } else {
                self.scopes[i] - 1
            };
        }
    }

    fn start(&mut self, e: &BytesStart, _empty: bool) {
        let name = e.local_name().as_ref().to_string();
        match name.as_str() {
            "bom" if self.stack.is_empty() => {
                self.saw_bom = true;
                self.sbom.spec_version = e
                    .attributes()
                    .flatten()
                    .filter(|a| a.key.as_ref() == "xmlns")
                    .filter_map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                    .find_map(|v| {
                        v.split_once("cyclonedx.org/schema/bom/")
                            .map(|(_, ver)| ver.trim_end_matches('/').to_string())
                    });
            }
            "component" if !self.within("tools") && !self.within("vulnerabilities") => {
                let subject = self.parent() == "metadata";
                let crypto = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "type" && a.value.as_ref() == "cryptographic-asset");
                self.sbom.crypto_assets += usize::from(crypto && !subject);
                self.open.push((Component::default(), subject));
            }
            "swid" if self.parent() == "component" => {
                if let Some((c, _)) = self.open.last_mut() {
                    c.other_id = true;
                }
            }
            "hash" if self.parent() == "hashes" => {
                if let Some((c, _)) = self.open.last_mut() {
                    c.hashes += 1;
                }
            }
            "dependency" if self.parent() == "dependency" => self.sbom.dependency_edges += 1,
            "vulnerability" if self.parent() == "vulnerabilities" => {
                self.vex = Some(VexStatement::default());
            }
            _ => {}
        }
        self.count_scope(&name, true);
        self.stack.push(name);
        self.text.clear();
    }

    fn end(&mut self) {
        let Some(name) = self.stack.pop() else { return };
        self.count_scope(&name, false);
        let text = present(Some(&self.text));
        self.text.clear();
        let parent = self.parent().to_string();
        match (parent.as_str(), name.as_str()) {
            (_, "component") if self.open.last().is_some() && !self.within("tools") => {
                if let Some((c, subject)) = self.open.pop() {
                    if subject {
                        self.sbom.subject = Some(c);
                    } else if !self.within("metadata") {
                        self.sbom.components.push(c);
                    }
                }
            }
            ("vulnerabilities", "vulnerability") => {
                if let Some(v) = self.vex.take() {
                    self.sbom.vex.push(v);
                }
            }
            _ => self.text_field(&parent, &name, text),
        }
    }

    fn text_field(&mut self, parent: &str, name: &str, text: Option<String>) {
        let Some(text) = text else { return };
        if self.within("vulnerability") {
            self.vex_field(parent, name, text);
            return;
        }
        if self.within("tools") && name == "name" {
            self.sbom.tools.push(text);
            return;
        }
        match (parent, name) {
            ("metadata", "timestamp") => self.sbom.created = Some(text),
            ("author", "name") if self.within("authors") && self.open.is_empty() => {
                self.sbom.authors.push(text)
            }
            _ => {
                if let Some((c, _)) = self.open.last_mut() {
                    component_field(c, parent, name, text);
                }
            }
        }
    }

    fn vex_field(&mut self, parent: &str, name: &str, text: String) {
        let Some(v) = self.vex.as_mut() else { return };
        match (parent, name) {
            ("vulnerability", "id") => v.id = text,
            ("analysis", "state") => v.state = Some(text),
            ("analysis", "justification") => v.justification = Some(text),
            ("analysis", "lastUpdated") => v.updated = Some(text),
            ("analysis", "firstIssued") if v.updated.is_none() => v.updated = Some(text),
            ("response", "response") => v.response.push(text),
            ("target", "ref") => v.affects.push(text),
            _ => {}
        }
    }
}

fn component_field(c: &mut Component, parent: &str, name: &str, text: String) {
    match (parent, name) {
        // `<group>` comes before `<name>`: keep it as a `group/` prefix until the name arrives.
        ("component", "group") => {
            c.name = Some(format!("{text}/{}", c.name.take().unwrap_or_default()))
        }
        ("component", "name") => {
            let group = c
                .name
                .take()
                .filter(|g| g.ends_with('/'))
                .unwrap_or_default();
            c.name = Some(format!("{group}{text}"));
        }
        ("component", "version") => c.version = Some(text),
        ("component", "purl") => c.purl = Some(text),
        ("component", "cpe") => c.cpe = Some(text),
        ("component", "publisher" | "author") if c.supplier.is_none() => c.supplier = Some(text),
        ("supplier" | "manufacturer", "name") => c.supplier = Some(text),
        ("license", "id" | "name") | ("licenses", "expression") => c.licenses.push(text),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spec_subject_components_and_edges() {
        let xml = br#"<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
  <metadata><timestamp>2026-01-01T00:00:00Z</timestamp>
    <tools><tool><name>cdxgen</name></tool></tools>
    <authors><author><name>Ann &amp; Bob</name></author></authors>
    <component type="application"><name>app</name><version>1.0</version></component>
  </metadata>
  <components>
    <component type="library"><group>org.x</group><name>lib</name><version>2</version>
      <supplier><name>X</name></supplier><hashes><hash alg="SHA-1">ab</hash></hashes>
      <licenses><license><id>MIT</id></license></licenses><purl>pkg:maven/org.x/lib@2</purl>
      <components><component type="cryptographic-asset"><name>inner</name><version>3</version><swid tagId="t"/></component></components>
    </component>
  </components>
  <dependencies><dependency ref="app"><dependency ref="lib"/></dependency></dependencies>
</bom>"#;
        let s = read(xml).unwrap();
        assert_eq!(s.spec_version.as_deref(), Some("1.4"));
        assert_eq!(s.authors, ["Ann & Bob"]);
        assert_eq!(s.tools, ["cdxgen"]);
        assert_eq!(s.subject.unwrap().name.as_deref(), Some("app"));
        assert_eq!(s.components.len(), 2);
        assert_eq!(s.crypto_assets, 1);
        let lib = s
            .components
            .iter()
            .find(|c| c.version.as_deref() == Some("2"))
            .unwrap();
        assert_eq!(lib.name.as_deref(), Some("org.x/lib"));
        assert_eq!((lib.hashes, lib.supplier.as_deref()), (1, Some("X")));
        assert!(s.components.iter().any(|c| c.other_id));
        assert_eq!(s.dependency_edges, 1);
    }

    #[test]
    fn xml_without_bom_or_broken_is_an_error() {
        assert!(read(b"<hello/>").is_err());
        let truncated = read(b"<bom xmlns='http://cyclonedx.org/schema/bom/1.2'><components>");
        assert!(
            truncated
                .unwrap_err()
                .contains("<components> is never closed")
        );
        assert!(read(b"<bom><a></b></bom>").is_err());
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let deep = format!("<bom>{}", "<component>".repeat(10_000));
        let err = read(deep.as_bytes()).unwrap_err();
        assert!(err.contains("deeper than 256 elements"), "{err}");
    }
}
