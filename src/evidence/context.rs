//! What an extractor can see: the inventory sorted into evidence kinds, bounded reads that record
//! a diagnostic naming the file when they fail, the config, and the git repository.
//!
//! A file that several extractors read (an SBOM is read by the SBOM, dependency and AI
//! extractors) is parsed once per scan: [`Context::parsed`] keeps each parse, or its error, by
//! path and parsed type, and hands every later caller the same one.

#[cfg(any(test, feature = "fuzzing"))]
pub(crate) mod memory_source;

use super::RepositoryFacts;
use super::commit_list::CommitList;
use super::extractor::{FileKind, compile_glob_groups, extension};
use super::source::{ReadError, RepoSource, in_not_evidence_folder};
use crate::config::LoadedConfig;
use crate::date::Date;
use serde::Serialize;
use std::any::{Any, TypeId};
use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// How many characters of a diagnostic are kept: parsers quote the input (a TOML error shows
/// its whole line), and the input may be anything.
const MAX_DIAGNOSTIC_CHARS: usize = 400;

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
    pub git: Option<&'a super::git_view::GitView>,
    /// The repository's identity and the revisions the scan is about (`--rev`, `--base`).
    pub repository: &'a RepositoryFacts,
    pub as_of: Date,
    by_kind: BTreeMap<&'static str, Vec<String>>,
    diagnostics: RefCell<Vec<Diagnostic>>,
    /// Each file parsed so far, by path and parsed type: an `Rc<Result<T, String>>`.
    parsed: RefCell<HashMap<(String, TypeId), Rc<dyn Any>>>,
    /// The titles of the repository's text documents, sniffed once ([`Context::titles`]).
    titles: OnceCell<Vec<(String, String)>>,
    /// The history's commit records, kept apart from its part of the document
    /// ([`Context::keep_commits`]).
    commits: RefCell<Option<CommitList>>,
}

impl<'a> Context<'a> {
    pub fn new(
        source: &'a dyn RepoSource,
        config: &'a LoadedConfig,
        git: Option<&'a super::git_view::GitView>,
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
            parsed: RefCell::new(HashMap::new()),
            titles: OnceCell::new(),
            commits: RefCell::new(None),
        };
        let by_kind = ctx.classify(kinds);
        Context { by_kind, ..ctx }
    }

    fn classify(&self, kinds: &[&FileKind]) -> BTreeMap<&'static str, Vec<String>> {
        let mut out: BTreeMap<&'static str, Vec<String>> =
            kinds.iter().map(|k| (k.name, vec![])).collect();
        let cap = self.config.max_file_size();
        let user_globs = |kind: &FileKind| self.config.config.evidence.globs.get(kind.name);
        let globs: Vec<Vec<String>> = kinds
            .iter()
            .map(|kind| match user_globs(kind) {
                Some(user) => user.clone(),
                None => kind.globs.iter().map(|g| g.to_string()).collect(),
            })
            .collect();
        // One glob set for every kind: each file is matched once, not once per kind.
        let set = compile_glob_groups(&globs);
        for entry in self.source.inventory().files() {
            let named = set.groups(&entry.path);
            let mut not_evidence = None;
            for (i, kind) in kinds.iter().enumerate() {
                let by_name = named.binary_search(&i).is_ok();
                let by_content = !by_name
                    && kind.sniffer.is_some_and(|s| {
                        s.extensions.contains(&extension(&entry.path).as_str())
                            && entry.size.is_none_or(|size| size <= cap)
                            && self
                                .source
                                .read_head(&entry.path, SNIFF_BYTES)
                                .is_ok_and(|head| (s.test)(&head))
                    });
                if !(by_name || by_content) {
                    continue;
                }
                // The user's own `evidence.<kind>` globs are taken as written.
                let skipped = user_globs(kind).is_none()
                    && *not_evidence.get_or_insert_with(|| self.is_not_evidence(&entry.path));
                if !skipped && let Some(files) = out.get_mut(kind.name) {
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

    /// The file at `path` parsed by `parse`, once per scan: every later call for the same path and
    /// type gets the same parse (or the same error) without reading the file again. A file that
    /// cannot be read is an error here and a diagnostic from [`Context::read`].
    pub fn parsed<T: 'static>(
        &self,
        path: &str,
        parse: impl FnOnce(&[u8]) -> Result<T, String>,
    ) -> Rc<Result<T, String>> {
        let key = (path.to_string(), TypeId::of::<T>());
        let hit = self.parsed.borrow().get(&key).cloned();
        if let Some(done) = hit.and_then(|h| h.downcast::<Result<T, String>>().ok()) {
            return done;
        }
        let result = match self.read(path) {
            Some(bytes) => parse(&bytes),
            None => Err("could not be read (see diagnostics)".to_string()),
        };
        let done = Rc::new(result);
        self.parsed.borrow_mut().insert(key, done.clone());
        done
    }

    /// `(path, title)` of the files that have one, as `sniff` finds and folds them: sniffed on the first call
    /// only, so every extractor that finds files by title shares one pass over the repository.
    pub fn titles(&self, sniff: impl FnOnce() -> Vec<(String, String)>) -> &[(String, String)] {
        self.titles.get_or_init(sniff)
    }

    /// Records a problem with the file at `path`; the message is kept as a short escaped
    /// [`excerpt`](crate::excerpt::excerpt), whatever the parser quoted.
    pub fn diagnose(&self, path: &str, message: impl Into<String>) {
        self.diagnostics.borrow_mut().push(Diagnostic {
            path: path.to_string(),
            message: crate::excerpt::excerpt(&message.into(), MAX_DIAGNOSTIC_CHARS),
        });
    }

    /// Adds the diagnostics of a context on another thread ([`Context::parts`]).
    pub fn absorb(&self, diagnostics: Vec<Diagnostic>) {
        self.diagnostics.borrow_mut().extend(diagnostics);
    }

    /// What a context on another thread needs to sort the same files the same way.
    pub fn parts(&self) -> ContextParts<'a> {
        ContextParts {
            config: self.config,
            repository: self.repository,
            as_of: self.as_of,
            by_kind: self.by_kind.clone(),
        }
    }

    /// Keeps the history's commit records, which the document holds apart from the history's
    /// part (see [`CommitList`]).
    pub fn keep_commits(&self, commits: CommitList) {
        *self.commits.borrow_mut() = Some(commits);
    }

    /// The commit records kept by [`Context::keep_commits`], if any.
    pub fn take_commits(&self) -> Option<CommitList> {
        self.commits.take()
    }

    pub fn take_diagnostics(&self) -> Vec<Diagnostic> {
        let mut d = self.diagnostics.take();
        d.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
        d.dedup();
        d
    }
}

/// A context's config, repository facts, date and files by kind, sent to another thread; there
/// [`ContextParts::context`] makes a context of them over that thread's source and repository
/// handle, with caches of its own.
pub struct ContextParts<'a> {
    config: &'a LoadedConfig,
    repository: &'a RepositoryFacts,
    as_of: Date,
    by_kind: BTreeMap<&'static str, Vec<String>>,
}

impl<'a> ContextParts<'a> {
    pub fn context<'s>(
        self,
        source: &'s dyn RepoSource,
        git: Option<&'s super::git_view::GitView>,
    ) -> Context<'s>
    where
        'a: 's,
    {
        Context {
            source,
            config: self.config,
            git,
            repository: self.repository,
            as_of: self.as_of,
            by_kind: self.by_kind,
            diagnostics: RefCell::new(vec![]),
            parsed: RefCell::new(HashMap::new()),
            titles: OnceCell::new(),
            commits: RefCell::new(None),
        }
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
pub(crate) fn decode_text(bytes: Vec<u8>) -> Result<String, String> {
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
    use super::memory_source::MemorySource;
    use super::*;
    use std::rc::Rc;

    fn words(bytes: &[u8]) -> Result<usize, String> {
        Ok(bytes.split(|b| *b == b' ').count())
    }

    #[test]
    fn a_file_is_read_and_parsed_once_whoever_asks() {
        let source = MemorySource::new(&[("a.txt", "one two"), ("b.txt", "three")]);
        source.with_context(|ctx| {
            let first = ctx.parsed("a.txt", words);
            let again = ctx.parsed("a.txt", |_| -> Result<usize, String> {
                panic!("parsed twice")
            });
            assert!(Rc::ptr_eq(&first, &again));
            assert_eq!(*first, Ok(2));
            assert_eq!(*ctx.parsed("b.txt", words), Ok(1));
            // Another parsed type of the same file is its own parse.
            assert_eq!(
                *ctx.parsed("a.txt", |b| Ok::<_, String>(b.len() as u64)),
                Ok(7)
            );
        });
        assert_eq!((source.reads("a.txt"), source.reads("b.txt")), (2, 1));
    }

    #[test]
    fn a_parse_error_and_an_unreadable_file_are_kept_too() {
        let source = MemorySource::new(&[("bad.txt", "x")]);
        source.with_context(|ctx| {
            let fail = |_: &[u8]| Err::<usize, String>("no".into());
            assert_eq!(*ctx.parsed("bad.txt", fail), Err("no".to_string()));
            // The kept error, not a second parse.
            assert_eq!(*ctx.parsed("bad.txt", words), Err("no".to_string()));
            let gone = ctx.parsed("gone.txt", words);
            assert!(
                gone.as_ref()
                    .as_ref()
                    .is_err_and(|e| e.contains("could not be read"))
            );
            assert_eq!(ctx.take_diagnostics()[0].path, "gone.txt");
        });
    }

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
