//! Software bills of materials: CycloneDX (JSON, XML) and SPDX (2.x JSON and tag-value, 3.0
//! JSON-LD), recognised by content as well as by name, and summarised as format, spec version,
//! creation time and component count. A file that looks like an SBOM but does not parse is kept,
//! with the parse error, so that policies can report it.

use super::kinds::{FileKind, Sniffer, extension};
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::Value;

pub struct SbomExtractor;

const SBOM_KINDS: &[FileKind] = &[FileKind {
    name: "sbom",
    globs: &[
        "*.cdx.json",
        "*.cdx.xml",
        "bom.json",
        "bom.xml",
        "*.spdx.json",
        "*.spdx",
        "*.spdx.yaml",
        "*.spdx3.json",
        "sbom/**",
    ],
    sniffer: Some(Sniffer {
        extensions: &["json", "xml", "spdx", "jsonld"],
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
}

#[derive(Debug, Serialize, Default)]
pub struct SbomSummary {
    pub path: String,
    /// `cyclonedx`, `spdx`, or `unknown`.
    pub format: &'static str,
    /// `json`, `xml`, `tag-value` or `json-ld`.
    pub encoding: &'static str,
    pub spec_version: Option<String>,
    pub parsed: bool,
    pub error: Option<String>,
    pub created: Option<String>,
    pub component_count: usize,
}

impl Extractor for SbomExtractor {
    fn key(&self) -> &'static str {
        "sboms"
    }

    fn kinds(&self) -> &'static [FileKind] {
        SBOM_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let sboms: Vec<SbomSummary> = ctx
            .files("sbom")
            .iter()
            .map(|p| summarise(ctx, p))
            .collect();
        serde_json::to_value(sboms).unwrap_or_default()
    }
}

fn summarise(ctx: &Context, path: &str) -> SbomSummary {
    let mut s = SbomSummary {
        path: path.to_string(),
        format: "unknown",
        encoding: "json",
        ..Default::default()
    };
    let Some(bytes) = ctx.read(path) else {
        s.error = Some("could not be read (see diagnostics)".into());
        return s;
    };
    let result = match extension(path).as_str() {
        "xml" => parse_cyclonedx_xml(&bytes, &mut s),
        "spdx" => parse_tag_value(&bytes, &mut s),
        _ if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') => {
            parse_cyclonedx_xml(&bytes, &mut s)
        }
        _ => parse_json(&bytes, &mut s),
    };
    match result {
        Ok(()) => s.parsed = true,
        Err(e) => {
            ctx.diagnose(path, format!("SBOM does not parse: {e}"));
            s.error = Some(e);
        }
    }
    s
}

fn parse_json(bytes: &[u8], s: &mut SbomSummary) -> Result<(), String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if v.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        s.format = "cyclonedx";
        s.spec_version = v
            .get("specVersion")
            .and_then(Value::as_str)
            .map(str::to_string);
        s.created = v
            .pointer("/metadata/timestamp")
            .and_then(Value::as_str)
            .map(str::to_string);
        s.component_count = count_nested(v.get("components"));
        Ok(())
    } else if let Some(ver) = v.get("spdxVersion").and_then(Value::as_str) {
        s.format = "spdx";
        s.spec_version = Some(ver.trim_start_matches("SPDX-").to_string());
        s.created = v
            .pointer("/creationInfo/created")
            .and_then(Value::as_str)
            .map(str::to_string);
        s.component_count = v
            .get("packages")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        Ok(())
    } else if v
        .get("@context")
        .is_some_and(|c| c.to_string().contains("spdx.org/rdf/3"))
    {
        s.format = "spdx";
        s.encoding = "json-ld";
        let ctx = v["@context"].to_string();
        s.spec_version = ctx
            .split("spdx.org/rdf/")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .map(str::to_string);
        let graph = v
            .get("@graph")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        s.component_count = graph
            .iter()
            .filter(|e| {
                matches!(
                    e.get("type").and_then(Value::as_str),
                    Some("software_Package" | "ai_AIPackage" | "dataset_DatasetPackage")
                )
            })
            .count();
        s.created = graph.iter().find_map(|e| {
            (e.get("type").and_then(Value::as_str) == Some("CreationInfo"))
                .then(|| e.get("created").and_then(Value::as_str).map(str::to_string))
                .flatten()
        });
        Ok(())
    } else {
        Err(
            "JSON is neither CycloneDX (bomFormat) nor SPDX (spdxVersion or an SPDX 3 @context)"
                .into(),
        )
    }
}

fn count_nested(components: Option<&Value>) -> usize {
    components.and_then(Value::as_array).map_or(0, |list| {
        list.iter()
            .map(|c| 1 + count_nested(c.get("components")))
            .sum()
    })
}

fn parse_cyclonedx_xml(bytes: &[u8], s: &mut SbomSummary) -> Result<(), String> {
    use quick_xml::events::Event;
    s.encoding = "xml";
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut depth_in_components = 0usize;
    let mut saw_bom = false;
    let mut in_timestamp = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Err(e) => {
                return Err(format!(
                    "invalid XML at byte {}: {e}",
                    reader.buffer_position()
                ));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                match name.as_ref() {
                    "bom" => {
                        saw_bom = true;
                        s.format = "cyclonedx";
                        for a in e.attributes().flatten() {
                            let value = a.value.to_string();
                            if a.key.as_ref() == "xmlns"
                                && value.contains("cyclonedx.org/schema/bom/")
                            {
                                s.spec_version = value.rsplit('/').next().map(str::to_string);
                            }
                        }
                    }
                    "components" => depth_in_components += 1,
                    "component" if depth_in_components > 0 => s.component_count += 1,
                    "timestamp" => in_timestamp = true,
                    _ => {}
                }
            }
            Ok(Event::Text(t)) if in_timestamp => {
                s.created = Some(t.as_ref().trim().to_string());
                in_timestamp = false;
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "components" => depth_in_components = depth_in_components.saturating_sub(1),
                "timestamp" => in_timestamp = false,
                _ => {}
            },
            Ok(_) => {}
        }
        buf.clear();
    }
    if saw_bom {
        Ok(())
    } else {
        Err("XML without a CycloneDX <bom> element".into())
    }
}

fn parse_tag_value(bytes: &[u8], s: &mut SbomSummary) -> Result<(), String> {
    s.encoding = "tag-value";
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("SPDXVersion:") {
            s.format = "spdx";
            s.spec_version = Some(v.trim().trim_start_matches("SPDX-").to_string());
        } else if let Some(v) = line.strip_prefix("Created:") {
            s.created = Some(v.trim().to_string());
        } else if line.starts_with("PackageName:") {
            s.component_count += 1;
        }
    }
    if s.format == "spdx" {
        Ok(())
    } else {
        Err("no SPDXVersion: line".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyclonedx_json_counts_nested_components() {
        let mut s = SbomSummary::default();
        let doc = br#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a","components":[{"name":"b"}]}]}"#;
        parse_json(doc, &mut s).unwrap();
        assert_eq!(
            (s.format, s.spec_version.as_deref(), s.component_count),
            ("cyclonedx", Some("1.6"), 2)
        );
    }

    #[test]
    fn truncated_json_is_an_error() {
        let mut s = SbomSummary::default();
        assert!(
            parse_json(br#"{"bomFormat":"Cyclo"#, &mut s)
                .unwrap_err()
                .contains("invalid JSON")
        );
    }

    #[test]
    fn sniffs_sboms_by_content() {
        assert!(looks_like_sbom(br#"{ "bomFormat" : "CycloneDX" }"#));
        assert!(looks_like_sbom(br#"{"spdxVersion":"SPDX-2.3"}"#));
        assert!(!looks_like_sbom(br#"{"name":"package"}"#));
    }
}
