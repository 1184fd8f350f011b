//! What an extractor can see: the inventory sorted into evidence kinds, bounded reads that record
//! a diagnostic naming the file when they fail, the config, and the git repository.

use super::RepositoryFacts;
use super::extractor::{FileKind, compile_globs, extension};
use super::source::{ReadError, RepoSource};
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
            let globs: Vec<String> = match self.config.config.evidence.globs.get(kind.name) {
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
                if by_name || by_content {
                    files.push(entry.path.clone());
                }
            }
        }
        out
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
