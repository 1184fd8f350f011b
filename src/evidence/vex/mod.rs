//! OpenVEX documents: statements that a vulnerability does or does not affect the product
//! (`not_affected` with a justification, `affected` with an action, `fixed`,
//! `under_investigation`), recorded for vulnerability-response policies. CycloneDX VEX lives
//! inside CycloneDX documents and is read with the SBOMs (`sboms[].vex`).

use super::extractor::{FileKind, Sniffer};
use super::read::value::{array, str_at};
use super::sbom::model::VexStatement;
use super::sbom::{vex_cut, vex_summary};
use super::{Context, Extractor};
use serde_json::{Value, json};

pub(super) struct VexExtractor;

const VEX_KINDS: &[FileKind] = &[FileKind {
    name: "vex",
    globs: &["*.openvex.json", "*.vex.json", "vex/*.json"],
    sniffer: Some(Sniffer {
        extensions: &["json"],
        test: looks_like_openvex,
    }),
}];

fn looks_like_openvex(head: &[u8]) -> bool {
    String::from_utf8_lossy(head).contains("openvex.dev/ns")
}

/// A product or vulnerability named either as a string or as an object with `@id`/`name`.
fn identifier(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        other => str_at(other, "@id")
            .or_else(|| str_at(other, "name"))
            .map(str::to_string),
    }
}

/// One OpenVEX statement; `issued` is the document's timestamp, for statements without their own.
fn statement(s: &Value, issued: Option<&str>) -> VexStatement {
    VexStatement {
        id: s
            .get("vulnerability")
            .and_then(identifier)
            .unwrap_or_default(),
        state: str_at(s, "status").map(str::to_string),
        justification: str_at(s, "justification").map(str::to_string),
        response: str_at(s, "action_statement")
            .map(str::to_string)
            .into_iter()
            .collect(),
        affects: array(s, "products").iter().filter_map(identifier).collect(),
        updated: str_at(s, "last_updated")
            .or_else(|| str_at(s, "timestamp"))
            .or(issued)
            .map(str::to_string),
    }
}

/// Reads an OpenVEX document; `Ok(None)` for JSON that is not OpenVEX (a CycloneDX VEX, say).
/// The extractor and the fuzz targets enter here.
pub(crate) fn parse_openvex(bytes: &[u8]) -> Result<Option<Vec<VexStatement>>, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    if !str_at(&v, "@context").is_some_and(|c| c.contains("openvex.dev/ns")) {
        return Ok(None);
    }
    Ok(Some(
        array(&v, "statements")
            .iter()
            .map(|s| statement(s, str_at(&v, "timestamp")))
            .collect(),
    ))
}

impl Extractor for VexExtractor {
    fn key(&self) -> &'static str {
        "vex"
    }

    fn kinds(&self) -> &'static [FileKind] {
        VEX_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let documents: Vec<Value> = ctx
            .files("vex")
            .iter()
            .filter_map(|path| {
                let bytes = ctx.read(path)?;
                match parse_openvex(&bytes) {
                    Ok(Some(statements)) => {
                        if let Some(why) = vex_cut(&statements) {
                            ctx.diagnose(path, why);
                        }
                        Some(
                            json!({"path": path, "format": "openvex", "parsed": true, "error": null,
                                   "vex": vex_summary(&statements)}),
                        )
                    }
                    Ok(None) => None,
                    Err(e) => {
                        ctx.diagnose(path, format!("VEX document does not parse: {e}"));
                        Some(
                            json!({"path": path, "format": "openvex", "parsed": false, "error": e}),
                        )
                    }
                }
            })
            .collect();
        json!({ "documents": documents })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_openvex_statements_and_skips_other_json() {
        let doc = br#"{"@context":"https://openvex.dev/ns/v0.2.0","statements":[
            {"vulnerability":{"name":"CVE-2023-1234"},"products":[{"@id":"pkg:pypi/numpy@2.1.3"}],
             "status":"not_affected","justification":"vulnerable_code_not_in_execute_path"},
            {"vulnerability":"CVE-2024-1","products":["pkg:npm/a@1"],"status":"affected","action_statement":"upgrade to 2"}]}"#;
        let s = parse_openvex(doc).unwrap().unwrap();
        assert_eq!(s[0].id, "CVE-2023-1234");
        assert_eq!(s[0].affects, ["pkg:pypi/numpy@2.1.3"]);
        assert_eq!(
            (s[1].state.as_deref(), s[1].response.as_slice()),
            (Some("affected"), &["upgrade to 2".to_string()][..])
        );
        assert_eq!(parse_openvex(br#"{"bomFormat":"CycloneDX"}"#), Ok(None));
        assert!(parse_openvex(b"{").is_err());
    }
}
