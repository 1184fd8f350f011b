//! What an extractor can see: the inventory sorted into evidence kinds, bounded reads that record
//! a diagnostic naming the file when they fail, the config, and the git repository.

use super::RepositoryFacts;
use super::extractor::{FileKind, compile_globs, extension};
use super::source::{ReadError, RepoSource, in_not_evidence_folder};
use crate::config::LoadedConfig;
use crate::date::Date;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// How many bytes are read to recognise a file by content.
const SNIFF_BYTES: usize = 8192;

/// A problem with one input file: unreadable, too large, malformed. Reported, never fatal.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub message: String,
}

pub struct Context<'a> {
    pub source: &'a dyn RepoSource,
    pub config: &'a LoadedConfig,
    pub git: Option<&'a git2::Repository>,
    /// The repository's identity and the revisions the scan is about (`--rev`, `--base`).
    pub repository: &'a RepositoryFacts,
    pub as_of: Date,
    by_kind: BTreeMap<&'static str, Vec<String>>,
    diagnostics: RefCell<Vec<Diagnostic>>,
}

impl<'a> Context<'a> {
    pub fn new(
        source: &'a dyn RepoSource,
        config: &'a LoadedConfig,
        git: Option<&'a git2::Repository>,
        repository: &'a RepositoryFacts,
        as_of: Date,
        kinds: &[&FileKind],
    ) -> Context<'a> {
        let ctx = Context {
            source,
            config,
            git,
            repository,
            as_of,
            by_kind: BTreeMap::new(),
            diagnostics: RefCell::new(vec![]),
        };
        let by_kind = ctx.classify(kinds);
        Context { by_kind, ..ctx }
    }

    fn classify(&self, kinds: &[&FileKind]) -> BTreeMap<&'static str, Vec<String>> {
        let mut out: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let cap = self.config.max_file_size();
        for kind in kinds {
            let user = self.config.config.evidence.globs.get(kind.name);
            let globs: Vec<String> = match user {
                Some(user) => user.clone(),
                None => kind.globs.iter().map(|g| g.to_string()).collect(),
            };
            let set = compile_globs(&globs);
            let files = out.entry(kind.name).or_default();
            for entry in self.source.inventory().files() {
                let by_name = set.is_match(&entry.path);
                let by_content = !by_name
                    && kind.sniffer.is_some_and(|s| {
                        s.extensions.contains(&extension(&entry.path).as_str())
                            && entry.size.is_none_or(|size| size <= cap)
                            && self
                                .source
                                .read_head(&entry.path, SNIFF_BYTES)
                                .is_ok_and(|head| (s.test)(&head))
                    });
                // The user's own `evidence.<kind>` globs are taken as written.
                if (by_name || by_content) && (user.is_some() || !self.is_not_evidence(&entry.path))
                {
                    files.push(entry.path.clone());
                }
            }
        }
        out
    }

    /// Files that are never evidence, whatever their name or title: anything under a test
    /// fixture, test data, vendored or third-party folder, and JSON/YAML schemas. Skipped
    /// quietly (no diagnostic): they are not broken evidence, they are not evidence.
    pub fn is_not_evidence(&self, path: &str) -> bool {
        in_not_evidence_folder(path)
            || (matches!(extension(path).as_str(), "json" | "yaml" | "yml")
                && self
                    .source
                    .read_head(path, SNIFF_BYTES)
                    .is_ok_and(|head| looks_like_schema(&String::from_utf8_lossy(&head))))
    }

    /// The commit the scan is about: the `--rev` revision, else HEAD (`None` without git history
    /// or before the first commit).
    pub fn tip(&self) -> Option<git2::Oid> {
        let repo = self.git?;
        match &self.repository.revision {
            Some(rev) => git2::Oid::from_str(rev).ok(),
            None => repo.head().ok()?.peel_to_commit().ok().map(|c| c.id()),
        }
    }

    /// Paths of the files of one kind, sorted.
    pub fn files(&self, kind: &str) -> &[String] {
        self.by_kind.get(kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Reads a whole file within the size cap, or records why not and returns `None`.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        match self.source.read(path, self.config.max_file_size()) {
            Ok(bytes) => Some(bytes),
            Err(e @ ReadError::TooLarge { .. }) => {
                self.diagnose(path, e.to_string());
                None
            }
            Err(e) => {
                self.diagnose(path, e.to_string());
                None
            }
        }
    }

    /// Reads a text file: UTF-8 (a leading BOM is dropped), with no NUL bytes.
    pub fn read_text(&self, path: &str) -> Option<String> {
        let bytes = self.read(path)?;
        match decode_text(bytes) {
            Ok(text) => Some(text),
            Err(why) => {
                self.diagnose(path, why);
                None
            }
        }
    }

    pub fn diagnose(&self, path: &str, message: impl Into<String>) {
        self.diagnostics.borrow_mut().push(Diagnostic {
            path: path.to_string(),
            message: message.into(),
        });
    }

    pub fn take_diagnostics(&self) -> Vec<Diagnostic> {
        let mut d = self.diagnostics.take();
        d.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
        d.dedup();
        d
    }
}

/// A JSON Schema (JSON or YAML) from its first bytes: a `$schema` naming json-schema.org (an
/// SBOM's or SARIF's `$schema` names their own schema, so they stay evidence), or a top-level
/// `type: object` with `properties` (nested ones, as in an OpenAPI document, do not count).
fn looks_like_schema(head: &str) -> bool {
    let names_json_schema = head.lines().any(|l| {
        let l = l.trim_start().trim_start_matches('"');
        l.starts_with("$schema") && l.contains("json-schema.org")
    });
    let yaml_object = head.lines().any(|l| l.trim_end() == "type: object")
        && head.lines().any(|l| l.trim_end() == "properties:");
    let json_object = serde_json::from_str::<serde_json::Value>(head).is_ok_and(|v| {
        v.get("type").and_then(|t| t.as_str()) == Some("object")
            && v.get("properties").is_some_and(|p| p.is_object())
    });
    names_json_schema || yaml_object || json_object
}

/// Decodes bytes as text, refusing binary content.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if bytes.contains(&0) {
        return Err("binary content (NUL bytes) where text was expected".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 text (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_are_told_from_documents_that_name_a_schema() {
        let json_schema = "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": \"Release notes\"\n}";
        assert!(looks_like_schema(json_schema));
        assert!(looks_like_schema(
            "title: Release notes\ntype: object\nproperties:\n  version: {type: string}\n"
        ));
        assert!(looks_like_schema(
            "{\"type\": \"object\", \"properties\": {\"id\": {}}}"
        ));
        // An SBOM and a SARIF log name their own schemas; an OpenAPI document nests its objects.
        assert!(!looks_like_schema(
            "{\"$schema\": \"http://cyclonedx.org/schema/bom-1.6.schema.json\", \"bomFormat\": \"CycloneDX\"}"
        ));
        assert!(!looks_like_schema(
            "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"}"
        ));
        assert!(!looks_like_schema(
            "openapi: 3.1.0\ncomponents:\n  schemas:\n    Alarm:\n      type: object\n      properties:\n        id: {type: string}\n"
        ));
    }
}
