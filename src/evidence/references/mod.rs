//! Requirement references in code and tests (`Verifies: REQ-12`, `@req REQ-12`,
//! `@pytest.mark.requirement("REQ-12")`, StrictDoc `@relation(REQ-12)`, Ketryx `@tests:REQ-12`):
//! which file and line claims to verify which requirement.
//!
//! Source files are found by the `traced_sources` kind (source and test files by extension,
//! vendored folders left out), read as bytes within a size bound (larger files are listed as
//! skipped, never silently ignored), and searched for a marker (`verification.reference_markers`)
//! followed on the same line by ids matching `verification.requirement_id`. Nothing is executed.
//!
//! Test records kept one per file with front matter (`type: test case`, `verifies: [SRS-001]`)
//! are references too: each link from a test record to a requirement (an id of a requirement
//! record, or one matching the id pattern) is a test reference on the link's line.

use super::documents::records::{Record, records as dhf_records};
use super::extractor::FileKind;
use super::requirements::{requirement_id_pattern, test_item_links};
use super::{Context, Extractor};
use regex::bytes::Regex;
use serde::Serialize;
use serde_json::{Value, json};

pub struct ReferencesExtractor;

/// Source files larger than this are not searched (generated or vendored code); each is listed
/// in `skipped` and named in a diagnostic.
pub const MAX_SOURCE_SIZE: u64 = 1024 * 1024;

/// The default markers: text that introduces the requirement ids a test or function verifies.
pub const DEFAULT_MARKERS: &[&str] = &[
    "Verifies",
    "@req",
    "mark.req",
    "@relation(",
    "@tests:",
    "Covers:",
];

const SOURCE_KINDS: &[FileKind] = &[FileKind {
    name: "traced_sources",
    globs: &[
        "*.py",
        "*.rs",
        "*.go",
        "*.java",
        "*.kt",
        "*.kts",
        "*.scala",
        "*.js",
        "*.jsx",
        "*.mjs",
        "*.ts",
        "*.tsx",
        "*.c",
        "*.h",
        "*.cc",
        "*.cpp",
        "*.hpp",
        "*.cs",
        "*.swift",
        "*.m",
        "*.rb",
        "*.php",
        "*.dart",
        "*.feature",
        "*.robot",
    ],
    sniffer: None,
}];

/// Folders of third-party code that are never searched.
const VENDORED: &[&str] = &[
    "node_modules/",
    "vendor/",
    "third_party/",
    "third-party/",
    ".venv/",
];

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Reference {
    pub id: String,
    pub path: String,
    pub line: usize,
    /// True when the file looks like a test (under a test folder, or named like one).
    pub test: bool,
}

/// The compiled search: markers and the id pattern.
pub struct ReferenceScanner {
    markers: Regex,
    ids: Regex,
}

impl ReferenceScanner {
    pub fn new(markers: &[String], id_pattern: &str) -> Result<ReferenceScanner, regex::Error> {
        let alternatives: Vec<String> = markers.iter().map(|m| regex::escape(m)).collect();
        Ok(ReferenceScanner {
            markers: Regex::new(&format!("(?i){}", alternatives.join("|")))?,
            ids: Regex::new(id_pattern)?,
        })
    }

    /// Every (line, id) that follows a marker on the marker's line.
    pub fn scan(&self, text: &[u8]) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let (mut line, mut counted_to) = (1, 0);
        let mut next_start = 0;
        while let Some(m) = self.markers.find_at(text, next_start) {
            line += text[counted_to..m.start()]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = m.start();
            let end = text[m.end()..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(text.len(), |p| m.end() + p);
            for id in self.ids.find_iter(&text[m.end()..end]) {
                out.push((line, String::from_utf8_lossy(id.as_bytes()).into_owned()));
            }
            next_start = end;
        }
        out.dedup();
        out
    }
}

/// Link fields by which a test record says what it verifies.
const VERIFYING_LINKS: &[&str] = &[
    "verifies",
    "tests",
    "validates",
    "traces_to",
    "traces",
    "links",
];

/// The links from test records to requirements, as test references.
fn record_references(records: &[Record], ids: &regex::Regex) -> Vec<Reference> {
    let requirement_ids: Vec<&str> = records
        .iter()
        .filter(|r| r.kind == "requirement")
        .map(|r| r.id.as_str())
        .collect();
    records
        .iter()
        .filter(|r| matches!(r.kind, "test_case" | "test_report"))
        .flat_map(|r| {
            r.links
                .iter()
                .filter(|(field, _, _)| VERIFYING_LINKS.contains(&field.as_str()))
                .filter(|(_, id, _)| requirement_ids.contains(&id.as_str()) || ids.is_match(id))
                .map(|(_, id, line)| Reference {
                    id: id.clone(),
                    path: r.path.clone(),
                    line: *line,
                    test: true,
                })
        })
        .collect()
}

/// Heuristic: a file under a test folder or named like a test.
pub fn is_test_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    lower.split('/').any(|c| {
        matches!(
            c,
            "test" | "tests" | "spec" | "specs" | "__tests__" | "testing"
        )
    }) || name.starts_with("test_")
        || ["_test.", ".test.", ".spec.", "_spec.", "tests."]
            .iter()
            .any(|s| name.contains(s))
}

/// `verification.reference_markers`, else the defaults.
fn configured_markers(ctx: &Context) -> Vec<String> {
    match &ctx.config.config.verification.reference_markers {
        Some(markers) => markers.clone(),
        None => DEFAULT_MARKERS.iter().map(|m| m.to_string()).collect(),
    }
}

impl Extractor for ReferencesExtractor {
    fn key(&self) -> &'static str {
        "requirement_references"
    }

    fn kinds(&self) -> &'static [FileKind] {
        SOURCE_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let markers = configured_markers(ctx);
        let pattern = requirement_id_pattern(ctx.config);
        let scanner = match ReferenceScanner::new(&markers, pattern.as_str()) {
            Ok(s) => s,
            Err(e) => return json!({"error": e.to_string()}),
        };
        let mut references = Vec::new();
        let mut skipped = Vec::new();
        let mut scanned = 0;
        for path in ctx
            .files("traced_sources")
            .iter()
            .filter(|p| !VENDORED.iter().any(|v| p.contains(v)))
        {
            let size = ctx.source.inventory().get(path).and_then(|e| e.size);
            if let Some(size) = size.filter(|s| *s > MAX_SOURCE_SIZE) {
                ctx.diagnose(
                    path,
                    format!("{size} bytes, over {MAX_SOURCE_SIZE}: not searched for requirement references"),
                );
                skipped
                    .push(json!({"path": path, "reason": format!("over {MAX_SOURCE_SIZE} bytes")}));
                continue;
            }
            let Some(bytes) = ctx.read(path) else {
                continue;
            };
            if bytes.contains(&0) {
                skipped.push(json!({"path": path, "reason": "binary content"}));
                continue;
            }
            scanned += 1;
            let test = is_test_path(path);
            references.extend(
                scanner
                    .scan(&bytes)
                    .into_iter()
                    .map(|(line, id)| Reference {
                        id,
                        path: path.clone(),
                        line,
                        test,
                    }),
            );
        }
        references.extend(record_references(&dhf_records(ctx), &pattern));
        references.extend(
            test_item_links(ctx)
                .into_iter()
                .map(|(path, line, id)| Reference {
                    id,
                    path,
                    line,
                    test: true,
                }),
        );
        json!({"markers": markers, "files_scanned": scanned, "skipped": skipped, "references": references})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> ReferenceScanner {
        let markers: Vec<String> = DEFAULT_MARKERS.iter().map(|m| m.to_string()).collect();
        ReferenceScanner::new(&markers, super::super::requirements::DEFAULT_REQUIREMENT_ID).unwrap()
    }

    #[test]
    fn markers_introduce_ids_on_their_line() {
        let text = b"def f():\n    \"\"\"Verifies: REQ-1, REQ-2\"\"\"\n# mentions REQ-9 without a marker\n@pytest.mark.requirement(\"SRS-3\")\n// @req SWR-4 @req SWR-5\n/// verifies REQ-6\n";
        let found = scanner().scan(text);
        let expected: Vec<(usize, String)> = [
            (2, "REQ-1"),
            (2, "REQ-2"),
            (4, "SRS-3"),
            (5, "SWR-4"),
            (5, "SWR-5"),
            (6, "REQ-6"),
        ]
        .iter()
        .map(|(l, i)| (*l, i.to_string()))
        .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn marker_without_id_and_crlf_lines() {
        assert!(scanner().scan(b"Verifies: nothing\r\nREQ-1\r\n").is_empty());
        assert_eq!(
            scanner().scan(b"a\r\nb\r\n@req REQ-7\r\n"),
            [(3, "REQ-7".to_string())]
        );
    }

    #[test]
    fn test_paths() {
        assert!(is_test_path("tests/test_alarm.py"));
        assert!(is_test_path("src/alarm/threshold_test.go"));
        assert!(is_test_path("web/alarm.spec.ts"));
        assert!(!is_test_path("src/alarm/threshold.py"));
    }
}
