//! The evidence index (`evidence.index`, default `regulatory/evidence-index.yaml`): for each
//! expectation id, where its evidence lives. Many IEC 62304 / ISO 14971 / KGMP records sit in an
//! eQMS, so a team may point to them instead of copying them into git.
//!
//! An entry is `{path: docs/x.md}` (a file of the repository, read like any document so rules can
//! judge it) or `{external: {system, document_id, version, approved, owner}}` (a certificate may
//! add `expires`). Each external record
//! is judged `valid` here, with the `problems` that make it invalid, so that MFDS-GEN-004 can
//! report them and `resolve` can turn a rule's findings into "attested externally" notes only for
//! valid records. Nothing in the file is ever silently dropped: a malformed file or entry is a
//! diagnostic or a problem naming it.

use super::documents::read_document;
use super::{Context, Extractor};
use crate::catalogue::is_known_key;
use crate::config::yaml_lines::YamlLines;
use crate::date::Date;
use serde_json::{Map, Value, json};

pub(super) struct EvidenceIndexExtractor;

/// Fields an external record must have for the attestation to count.
const REQUIRED_EXTERNAL: &[&str] = &["system", "document_id", "version", "approved"];

impl Extractor for EvidenceIndexExtractor {
    fn key(&self) -> &'static str {
        "evidence_index"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let path = ctx.config.evidence_index_path();
        let mut out = json!({"path": path, "found": false, "parsed": false, "entries": {}});
        if !ctx.source.inventory().is_file(path) {
            return out;
        }
        out["found"] = json!(true);
        let Some(text) = ctx.read_text(path) else {
            return out;
        };
        let listed = match parse_index(&text) {
            Ok(listed) => listed,
            Err(e) => {
                ctx.diagnose(path, e);
                return out;
            }
        };
        out["parsed"] = json!(true);
        let entries: Map<String, Value> = listed
            .iter()
            .map(|(id, raw, line)| (id.clone(), entry(ctx, id, raw, *line)))
            .collect();
        out["entries"] = Value::Object(entries);
        out
    }
}

/// The entries of an evidence index's text: (expectation id, entry as written, its line). An
/// empty or comments-only index lists nothing; YAML that does not parse, or that is not a
/// mapping, is the error. The extractor and the fuzz targets enter here.
pub(crate) fn parse_index(text: &str) -> Result<Vec<(String, Value, Option<usize>)>, String> {
    let root = match text.trim() {
        "" => Value::Object(Map::new()),
        _ => crate::evidence::read::yaml::from_str::<Value>(text)
            .map_err(|e| format!("evidence index is not valid YAML: {e}"))?,
    };
    let map = match root {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        _ => return Err("evidence index must map expectation ids to entries".into()),
    };
    let lines = YamlLines::index(text);
    Ok(map
        .into_iter()
        .map(|(id, raw)| {
            let line = lines.line_of(&id);
            (id, raw, line)
        })
        .collect())
}

/// One entry, judged: `known` id, the `path` (with `exists` and the `document`) or the
/// `external` record (with `valid` and `problems`), and `problems` of the entry's own shape.
fn entry(ctx: &Context, id: &str, raw: &Value, line: Option<usize>) -> Value {
    let mut out = json!({"known": is_known_key(id), "line": line.unwrap_or(1), "problems": []});
    let mut problems: Vec<(String, String)> = Vec::new();
    match (raw.get("path"), raw.get("external")) {
        (Some(Value::String(p)), None) => {
            let file = p.split('#').next().unwrap_or(p);
            let exists = ctx.source.inventory().is_file(file);
            out["path"] = json!(p);
            out["exists"] = json!(exists);
            if exists && let Some(doc) = read_document(ctx, file) {
                out["document"] = serde_json::to_value(doc).unwrap_or_default();
            }
        }
        (None, Some(ext)) => out["external"] = external(ext, ctx.as_of),
        (Some(_), Some(_)) => problems.push((
            "has both `path` and `external`; give one".into(),
            "`path`와 `external`이 함께 있습니다; 하나만 적으십시오".into(),
        )),
        _ => problems.push((
            "needs `path: <file in the repository>` or `external: {system, document_id, version, approved, owner}`".to_string(),
            "`path: <저장소의 파일>` 또는 `external: {system, document_id, version, approved, owner}`가 필요합니다".to_string(),
        )),
    }
    let (en, ko): (Vec<String>, Vec<String>) = problems.into_iter().unzip();
    out["problems"] = json!(en);
    out["problems_ko"] = json!(ko);
    out
}

/// An external record with `valid` and the `problems` that make it invalid (`problems_ko`: the
/// same in Korean, one for one).
pub(crate) fn external(raw: &Value, as_of: Date) -> Value {
    let Some(fields) = raw.as_object() else {
        return json!({"valid": false, "problems": ["`external` must be a mapping"], "problems_ko": ["`external`은(는) 매핑이어야 합니다"]});
    };
    let mut record = fields.clone();
    let mut problems: Vec<(String, String)> = REQUIRED_EXTERNAL
        .iter()
        .filter(|k| scalar_text(fields.get(**k)).is_none())
        .map(|k| {
            (
                format!("`{k}` is missing or empty"),
                format!("`{k}`이(가) 없거나 비어 있습니다"),
            )
        })
        .collect();
    if let Some(version) = scalar_text(fields.get("version")) {
        record.insert("version".into(), json!(version));
    }
    if let Some(approved) = scalar_text(fields.get("approved")) {
        match Date::parse(&approved) {
            None => problems.push((
                format!("`approved` is `{approved}`, not a date (YYYY-MM-DD)"),
                format!("`approved`가 날짜(YYYY-MM-DD)가 아닌 `{approved}`입니다"),
            )),
            Some(d) if d > as_of => problems.push((
                format!("`approved` {approved} is after the scan date {as_of}"),
                format!("`approved` {approved}이(가) 스캔 기준일 {as_of}보다 나중입니다"),
            )),
            Some(_) => {}
        }
    }
    // A certificate's end of validity (optional): kept as a date for the rules to compare with
    // the scan date, never judged here, since a record can be valid and expired.
    if let Some(expires) = scalar_text(fields.get("expires")) {
        match Date::parse(&expires) {
            Some(d) => {
                record.insert("expires".into(), json!(d.to_string()));
            }
            None => problems.push((
                format!("`expires` is `{expires}`, not a date (YYYY-MM-DD)"),
                format!("`expires`가 날짜(YYYY-MM-DD)가 아닌 `{expires}`입니다"),
            )),
        }
    }
    let (en, ko): (Vec<String>, Vec<String>) = problems.into_iter().unzip();
    record.insert("valid".into(), json!(en.is_empty()));
    record.insert("problems".into(), json!(en));
    record.insert("problems_ko".into(), json!(ko));
    Value::Object(record)
}

/// A scalar as non-empty text (`3.1` written unquoted is a number in YAML; keep it as text).
pub(super) fn scalar_text(v: Option<&Value>) -> Option<String> {
    let text = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_of() -> Date {
        Date::parse("2026-10-01").unwrap()
    }

    #[test]
    fn complete_external_record_is_valid() {
        let raw = json!({"system": "eQMS", "document_id": "QMS-PMS-0042", "version": 3.1, "approved": "2026-06-30", "owner": "RA"});
        let v = external(&raw, as_of());
        assert_eq!(v["valid"], json!(true), "{v}");
        assert_eq!(v["version"], json!("3.1"));
    }

    #[test]
    fn bad_dates_and_missing_fields_make_it_invalid() {
        let v = external(
            &json!({"document_id": "X", "version": "1", "approved": "soon"}),
            as_of(),
        );
        assert_eq!(v["valid"], json!(false));
        let problems = v["problems"].to_string();
        assert!(problems.contains("`system` is missing"), "{problems}");
        assert!(problems.contains("not a date"), "{problems}");
        let future =
            json!({"system": "s", "document_id": "X", "version": "1", "approved": "2027-01-01"});
        assert_eq!(external(&future, as_of())["valid"], json!(false));
        assert_eq!(external(&json!("QMS-1"), as_of())["valid"], json!(false));
    }

    #[test]
    fn a_certificates_expiry_is_kept_as_a_date_or_is_a_problem() {
        let raw = json!({"system": "MFDS", "document_id": "GMS-2025-17", "version": "1", "approved": "2025-03-01", "expires": "2028-02-29"});
        let v = external(&raw, as_of());
        assert_eq!(
            (v["valid"].clone(), v["expires"].clone()),
            (json!(true), json!("2028-02-29"))
        );
        let bad = json!({"system": "MFDS", "document_id": "GMS-2025-17", "version": "1", "approved": "2025-03-01", "expires": "in 3 years"});
        let v = external(&bad, as_of());
        assert_eq!(v["valid"], json!(false));
        assert!(
            v["problems"]
                .to_string()
                .contains("`expires` is `in 3 years`")
        );
    }

    #[test]
    fn scalars_are_trimmed_text_and_numbers_kept() {
        assert_eq!(scalar_text(Some(&json!(" IA-01 "))), Some("IA-01".into()));
        assert_eq!(scalar_text(Some(&json!(2025))), Some("2025".into()));
        assert_eq!(scalar_text(Some(&json!(""))), None);
        assert_eq!(scalar_text(Some(&json!(["x"]))), None);
    }
}
