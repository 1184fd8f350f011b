//! Software bills of materials: CycloneDX (JSON and XML, spec 1.1-1.6) and SPDX (2.x JSON,
//! tag-value, YAML and RDF/XML, 3.0 JSON-LD), recognised by content as well as by name. Each is read into one
//! format-neutral [`Sbom`] and summarised for the policies: format, spec version and whether it
//! is supported, creation time, authors and tools, the described product, component count, the
//! NTIA minimum elements, and VEX statements. A file that looks like an SBOM but does not parse
//! is kept, with the parse error, so that policies can report it.

mod cyclonedx_json;
mod cyclonedx_xml;
pub mod model;
pub mod ntia;
mod spdx2;
mod spdx2_rdf;
mod spdx3;
mod spdx3_graph;

pub use model::{AiElement, Component, Sbom};

use super::extractor::{FileKind, Sniffer, extension};
use super::{Context, Extractor};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::rc::Rc;

/// How many VEX statements are copied into the evidence per SBOM or VEX document. One with more
/// is flagged (`vex.truncated`) and named in a diagnostic ([`vex_cut`]), and the rules that read
/// the statements are not evaluated over it (never passed).
const MAX_VEX_STATEMENTS: usize = 200;

pub struct SbomExtractor;

pub const SBOM_KINDS: &[FileKind] = &[FileKind {
    name: "sbom",
    globs: &[
        "*.cdx.json",
        "*.cdx.xml",
        "bom.json",
        "bom.xml",
        "*.spdx.json",
        "*.spdx",
        "*.spdx.yaml",
        "*.spdx.yml",
        "*.spdx.rdf",
        "*.spdx.rdf.xml",
        "*.spdx3.json",
        "sbom/**",
    ],
    sniffer: Some(Sniffer {
        extensions: &["json", "xml", "spdx", "jsonld", "rdf", "yaml", "yml"],
        test: looks_like_sbom,
    }),
}];

/// True for the first bytes of a CycloneDX or SPDX document.
fn looks_like_sbom(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    text.contains("\"bomFormat\"") && text.contains("CycloneDX")
        || text.contains("\"spdxVersion\"")
        || text.contains("cyclonedx.org/schema/bom")
        || text.contains("SPDXVersion:")
        || text.contains("spdx.org/rdf/3")
        || text.contains("spdx.org/rdf/terms")
        || text.lines().any(|l| l.starts_with("spdxVersion:"))
}

impl Extractor for SbomExtractor {
    fn key(&self) -> &'static str {
        "sboms"
    }

    fn kinds(&self) -> &'static [FileKind] {
        SBOM_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let sboms: Vec<Value> = ctx
            .files("sbom")
            .iter()
            .map(|path| match &*read_sbom(ctx, path) {
                Ok(sbom) => {
                    if let Some(why) = vex_cut(&sbom.vex) {
                        ctx.diagnose(path, why);
                    }
                    summary(path, sbom)
                }
                Err(error) => {
                    ctx.diagnose(path, format!("SBOM does not parse: {error}"));
                    unparsed(path, error)
                }
            })
            .collect();
        Value::Array(sboms)
    }
}

/// One SBOM file, read and parsed through the context (size cap, diagnostics on read errors),
/// once per scan whichever extractor asks first.
pub fn read_sbom(ctx: &Context, path: &str) -> Rc<Result<Sbom, String>> {
    ctx.parsed(path, |bytes| parse_sbom(path, bytes))
}

/// Parses an SBOM, choosing the reader by extension and first byte.
pub fn parse_sbom(path: &str, bytes: &[u8]) -> Result<Sbom, String> {
    let first = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    let ext = extension(path);
    match (ext.as_str(), first) {
        ("rdf", _) => read_rdf(bytes),
        ("xml", _) | (_, Some(b'<')) if is_spdx_rdf(path, bytes) => read_rdf(bytes),
        ("xml", _) | (_, Some(b'<')) => cyclonedx_xml::read(bytes),
        ("yaml" | "yml", _) => parse_yaml(utf8(bytes)?),
        ("spdx", _) | (_, Some(b'S' | b'#')) => spdx2::read_tag_value(utf8(bytes)?),
        _ => parse_json(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (at byte {})", e.valid_up_to()))
}

/// SPDX 2 RDF/XML rather than CycloneDX XML: named `*.rdf.xml`, or using the SPDX RDF terms.
fn is_spdx_rdf(path: &str, bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    path.to_ascii_lowercase().ends_with(".rdf.xml")
        || String::from_utf8_lossy(head).contains("spdx.org/rdf/terms")
}

fn read_rdf(bytes: &[u8]) -> Result<Sbom, String> {
    let v = spdx2_rdf::to_json(bytes)?;
    Ok(spdx2::read_json(&v, model::Encoding::RdfXml))
}

/// SPDX 2 YAML: the JSON document's fields, written as YAML.
fn parse_yaml(text: &str) -> Result<Sbom, String> {
    if let Some((line, why)) = crate::nesting::yaml_depth_problem(text) {
        return Err(format!("line {line}: {why}"));
    }
    let v: Value = yaml_serde::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?;
    if v.get("spdxVersion").and_then(Value::as_str).is_some() {
        Ok(spdx2::read_json(&v, model::Encoding::Yaml))
    } else {
        Err("YAML without spdxVersion: not an SPDX 2 document".into())
    }
}

fn parse_json(bytes: &[u8]) -> Result<Sbom, String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if v.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        Ok(cyclonedx_json::read(&v))
    } else if v.get("spdxVersion").and_then(Value::as_str).is_some() {
        Ok(spdx2::read_json(&v, model::Encoding::Json))
    } else if spdx3::is_spdx3(&v) {
        Ok(spdx3::read(&v))
    } else {
        Err(
            "JSON is neither CycloneDX (bomFormat) nor SPDX (spdxVersion or an SPDX 3 @context)"
                .into(),
        )
    }
}

fn unparsed(path: &str, error: &str) -> Value {
    json!({"path": path, "format": "unknown", "encoding": "json", "parsed": false, "error": error})
}

/// The evidence record of one parsed SBOM: bounded, whatever the number of components.
pub fn summary(path: &str, sbom: &Sbom) -> Value {
    let ntia = ntia::assess(sbom);
    let count_with = |f: fn(&Component) -> bool| sbom.components.iter().filter(|c| f(c)).count();
    json!({
        "path": path,
        "format": sbom.format,
        "encoding": sbom.encoding,
        "spec_version": sbom.spec_version,
        "supported": sbom.supported(),
        "parsed": true,
        "error": null,
        "created": sbom.created,
        "authors": sbom.authors,
        "tools": sbom.tools,
        "subject": sbom.subject.as_ref().map(|c| json!({"name": c.name, "version": c.version})),
        "component_count": sbom.components.len(),
        "dependency_edges": sbom.dependency_edges,
        "with_hash": count_with(|c| c.hashes > 0),
        "with_license": count_with(|c| !c.licenses.is_empty()),
        "ntia": ntia,
        "matchable": ntia::matchable(sbom),
        "vex": vex_summary(&sbom.vex),
    })
}

/// VEX statements as evidence: the count, counts by state, the first statements, and whether
/// that is all of them.
pub fn vex_summary(vex: &[model::VexStatement]) -> Value {
    let mut by_state: BTreeMap<&str, usize> = BTreeMap::new();
    for v in vex {
        *by_state
            .entry(v.state.as_deref().unwrap_or("none"))
            .or_default() += 1;
    }
    let statements: Vec<_> = vex.iter().take(MAX_VEX_STATEMENTS).collect();
    json!({"count": vex.len(), "by_state": by_state, "statements": statements,
           "truncated": vex_cut(vex).is_some()})
}

/// The diagnostic for a document whose VEX statements are more than the evidence keeps.
pub fn vex_cut(vex: &[model::VexStatement]) -> Option<String> {
    (vex.len() > MAX_VEX_STATEMENTS).then(|| {
        format!(
            "holds {} VEX statements; only the first {MAX_VEX_STATEMENTS} are kept in the \
             evidence, so the rules that read them are not evaluated",
            vex.len()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyclonedx_json_counts_nested_components() {
        let doc = br#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a","components":[{"name":"b"}]}]}"#;
        let s = parse_sbom("bom.json", doc).unwrap();
        assert_eq!(
            (s.spec_version.as_deref(), s.components.len()),
            (Some("1.6"), 2)
        );
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let truncated = parse_sbom("a.cdx.json", br#"{"bomFormat":"Cyclo"#).unwrap_err();
        assert!(truncated.contains("invalid JSON"), "{truncated}");
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(
            parse_sbom("a.json", deep.as_bytes())
                .unwrap_err()
                .contains("recursion")
        );
        let wrong = parse_sbom(
            "a.json",
            br#"{"bomFormat":"CycloneDX","components":{"x":1},"metadata":7}"#,
        )
        .unwrap();
        assert!(wrong.components.is_empty());
        assert!(parse_sbom("a.spdx", b"\xff\xfe").is_err());
        assert!(
            parse_sbom("a.json", br#"{"name":"x"}"#)
                .unwrap_err()
                .contains("neither")
        );
    }

    #[test]
    fn summary_is_bounded_and_reports_support() {
        let mut s = Sbom::new(model::Format::Cyclonedx, model::Encoding::Json);
        s.spec_version = Some("1.2".into());
        s.components = vec![Component::default(); 5000];
        let v = summary("bom.json", &s);
        assert_eq!(v["supported"], false);
        assert_eq!(
            v["ntia"]["examples"].as_array().unwrap().len(),
            ntia::MAX_EXAMPLES
        );
        assert!(v.to_string().len() < 4096);
    }

    #[test]
    fn sniffs_sboms_by_content() {
        assert!(looks_like_sbom(br#"{ "bomFormat" : "CycloneDX" }"#));
        assert!(looks_like_sbom(br#"{"spdxVersion":"SPDX-2.3"}"#));
        assert!(!looks_like_sbom(br#"{"name":"package"}"#));
    }

    /// The SBOM, dependency and AI extractors all read the SBOM; it is read and parsed once.
    #[test]
    fn one_scan_reads_each_sbom_once() {
        use crate::evidence::context::memory_source::MemorySource;
        let bom = r#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[
            {"type":"library","name":"serde","version":"1.0.0","purl":"pkg:cargo/serde@1.0.0"},
            {"type":"machine-learning-model","name":"cxr","version":"2","modelCard":{}}]}"#;
        let lock = "[[package]]\nname = \"serde\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\n";
        let source = MemorySource::new(&[("sbom/app.cdx.json", bom), ("Cargo.lock", lock)]);
        let evidence: BTreeMap<&str, Value> = source.with_context(|ctx| {
            let extractors = crate::evidence::registry();
            extractors
                .iter()
                .map(|x| (x.key(), x.collect(ctx)))
                .collect()
        });
        assert_eq!(evidence["sboms"][0]["component_count"], 2);
        assert_eq!(evidence["dependencies"]["drift"][0]["compared"], 1);
        assert_eq!(evidence["ai"]["model_cards"][0]["name"], "cxr");
        // One read parsed once for the SBOM, dependency, AI and cryptography extractors, and
        // one raw read each by the secret search, which looks at every file's bytes, and the
        // personal data search, which looks at every JSON file's.
        assert_eq!(source.reads("sbom/app.cdx.json"), 3);
    }
}
