//! Identifiable patient data committed to the repository (MFDS-CYB-017): a heuristic search of
//! every tracked data file, test data included (a real patient's record is no less one in a
//! fixture). Text data files (`.csv`, `.tsv`, `.txt`, `.json`, `.jsonl`, `.ndjson`) are searched
//! for Korean resident registration numbers ([`rrn`]), and CSV/TSV headers for a name column
//! beside a birth-date column ([`columns`]); DICOM files (`.dcm`, `.dicom`, or any file without
//! an extension that has `DICM` at byte 128) are read up to their patient tags ([`dicom`]).
//!
//! A hit is the kind, the path and (for text) the first line, with the number of lines that
//! matched: never the value. The search is bounded as the secret search is: text files over
//! [`MAX_TEXT_BYTES`] are counted, not read, DICOM files are read no further than their first
//! [`dicom::HEAD_BYTES`], and a DICOM file that cannot be read to its patient tags is a
//! diagnostic and a count; each is in the record, so a capped search never reads as clean.

mod columns;
pub(crate) mod dicom;
mod rrn;

use super::extractor::extension;
use super::read::bounded::{Purpose, diagnose_too_large, keep_first, search_files, text_of};
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::{Value, json};

/// Larger text files are not searched.
const MAX_TEXT_BYTES: u64 = 4 << 20;
/// How many hits (files) are kept.
const MAX_HITS: usize = 200;
const PURPOSE: Purpose = Purpose {
    what: "patient data",
    rule: "MFDS-CYB-017",
};

/// Text data files, by extension.
const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "json", "jsonl", "ndjson"];
const DICOM_EXTENSIONS: &[&str] = &["dcm", "dicom"];

#[derive(Debug, Clone, Serialize)]
struct PersonalDataHit {
    kind: &'static str,
    path: String,
    /// The first line that matched (text files).
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// How many lines matched (text files).
    #[serde(skip_serializing_if = "Option::is_none")]
    lines: Option<usize>,
    /// The patient tags that hold a value (DICOM files).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'static str>,
}

pub(super) struct PersonalDataExtractor;

impl Extractor for PersonalDataExtractor {
    fn key(&self) -> &'static str {
        "personal_data"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let anchor = ctx.config.path.as_deref().unwrap_or(".");
        let files: Vec<&str> = ctx.source.inventory().file_paths().collect();
        let mut hits = Vec::new();
        let text_files = files
            .iter()
            .copied()
            .filter(|p| TEXT_EXTENSIONS.contains(&extension(p).as_str()));
        let searched = search_files(ctx, text_files, MAX_TEXT_BYTES, |path, bytes| {
            let Some(text) = text_of(bytes) else {
                return false;
            };
            hits.extend(search_text(path, &text));
            true
        });
        let (dicom_read, unreadable) = search_dicom(ctx, &files, &mut hits);
        diagnose_too_large(ctx, anchor, searched.too_large, MAX_TEXT_BYTES, PURPOSE);
        let truncated = keep_first(ctx, anchor, &mut hits, MAX_HITS, PURPOSE);
        json!({
            "evaluated": true,
            "files_read": searched.files + dicom_read,
            "too_large": searched.too_large,
            "unreadable": unreadable,
            "hits": hits,
            "truncated": truncated,
        })
    }
}

/// The resident registration numbers of a text file, and its people-naming header.
fn search_text(path: &str, text: &str) -> Vec<PersonalDataHit> {
    let mut out = vec![];
    let rrn_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| rrn::has_rrn(l))
        .map(|(i, _)| i + 1)
        .collect();
    if let Some(first) = rrn_lines.first() {
        out.push(PersonalDataHit {
            kind: "resident_registration_number",
            path: path.to_string(),
            line: Some(*first),
            lines: Some(rrn_lines.len()),
            tags: vec![],
        });
    }
    let delimiter = match extension(path).as_str() {
        "csv" => Some(','),
        "tsv" => Some('\t'),
        _ => None,
    };
    if delimiter.is_some_and(|d| columns::names_people(text, d)) {
        out.push(PersonalDataHit {
            kind: "identifying_columns",
            path: path.to_string(),
            line: Some(1),
            lines: None,
            tags: vec![],
        });
    }
    out
}

/// Reads the DICOM files among `files` up to their patient tags: how many were read, and how
/// many could not be (each a diagnostic).
fn search_dicom(ctx: &Context, files: &[&str], hits: &mut Vec<PersonalDataHit>) -> (usize, usize) {
    let (mut read, mut unreadable) = (0, 0);
    for path in files {
        let ext = extension(path);
        let named = DICOM_EXTENSIONS.contains(&ext.as_str());
        if !named && !ext.is_empty() {
            continue;
        }
        let Ok(head) = ctx.source.read_head(path, dicom::HEAD_BYTES) else {
            continue;
        };
        if !named && !dicom::is_dicom(&head) {
            continue;
        }
        match dicom::named_patient_tags(&head) {
            Ok(tags) => {
                read += 1;
                if !tags.is_empty() {
                    hits.push(PersonalDataHit {
                        kind: "dicom_patient",
                        path: path.to_string(),
                        line: None,
                        lines: None,
                        tags,
                    });
                }
            }
            Err(why) => {
                unreadable += 1;
                ctx.diagnose(
                    path,
                    format!("DICOM file not searched for patient data (MFDS-CYB-017): {why}"),
                );
            }
        }
    }
    (read, unreadable)
}

#[cfg(test)]
mod tests {
    use super::dicom::build::{element, file};
    use super::rrn::with_check_digit;
    use super::*;
    use crate::evidence::context::memory_source::MemorySource;

    #[test]
    fn numbers_tables_and_dicom_patients_are_found_without_their_values() {
        let rrn = with_check_digit("850315-234567");
        let people = format!("id,memo\n1,ok\n2,{rrn}\n3,{rrn}\n");
        let named = file(
            "1.2.840.10008.1.2.1",
            &element(0x0010, 0x0010, b"PN", b"HONG^GILDONG"),
        );
        let mut with_id = named.clone();
        with_id.extend(element(0x0010, 0x0020, b"LO", b"P-0042"));
        let source = MemorySource::from_bytes(&[
            ("data/notes.csv", people.as_bytes()),
            (
                "tests/fixtures/patients.tsv",
                "성명\t생년월일\n홍길동\t1990-01-01\n".as_bytes(),
            ),
            ("scans/ct.dcm", &with_id),
            ("scans/RAW0001", &with_id),
            ("scans/broken.dcm", b"not a dicom file"),
            ("docs/readme.md", rrn.as_bytes()),
        ]);
        let ev = source.with_context(|ctx| {
            let ev = PersonalDataExtractor.collect(ctx);
            let diagnostics = ctx.take_diagnostics();
            assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
            assert_eq!(diagnostics[0].path, "scans/broken.dcm");
            ev
        });
        let text = ev.to_string();
        for value in [rrn.as_str(), "HONG", "P-0042", "홍길동"] {
            assert!(!text.contains(value), "{value} leaked: {text}");
        }
        let hits: Vec<(&str, &str, Option<u64>)> = ev["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["kind"].as_str().unwrap(),
                    h["path"].as_str().unwrap(),
                    h["line"].as_u64(),
                )
            })
            .collect();
        assert_eq!(
            hits,
            vec![
                ("resident_registration_number", "data/notes.csv", Some(3)),
                (
                    "identifying_columns",
                    "tests/fixtures/patients.tsv",
                    Some(1)
                ),
                ("dicom_patient", "scans/RAW0001", None),
                ("dicom_patient", "scans/ct.dcm", None),
            ]
        );
        assert_eq!(ev["hits"][0]["lines"], 2);
        assert_eq!(ev["hits"][3]["tags"], json!(["PatientName", "PatientID"]));
        assert_eq!(
            (ev["files_read"].as_u64(), ev["unreadable"].as_u64()),
            (Some(4), Some(1))
        );
    }
}
