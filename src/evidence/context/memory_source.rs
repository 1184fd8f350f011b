//! A repository held in memory, for unit tests of extractors and the fuzz targets: files by path, and a count of the
//! whole-file reads of each, so that a test can tell how often a file was read.

use crate::evidence::source::{
    Entry, EntryKind, Inventory, InventorySource, ReadError, RepoSource,
};
use std::cell::RefCell;
use std::collections::HashMap;

pub(crate) struct MemorySource {
    inventory: Inventory,
    files: HashMap<String, Vec<u8>>,
    reads: RefCell<HashMap<String, usize>>,
}

impl MemorySource {
    #[cfg(test)]
    pub(crate) fn new(files: &[(&str, &str)]) -> MemorySource {
        let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
        MemorySource::from_bytes(&files)
    }

    /// A repository of files that need not be text.
    pub(crate) fn from_bytes(files: &[(&str, &[u8])]) -> MemorySource {
        let mut entries: Vec<Entry> = files
            .iter()
            .map(|(path, bytes)| Entry {
                path: path.to_string(),
                size: Some(bytes.len() as u64),
                kind: EntryKind::File,
                blob: None,
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        MemorySource {
            inventory: Inventory {
                source: InventorySource::Filesystem,
                entries,
                skipped: vec![],
            },
            files: files
                .iter()
                .map(|(p, b)| (p.to_string(), b.to_vec()))
                .collect(),
            reads: RefCell::new(HashMap::new()),
        }
    }

    /// How many times the whole of `path` was read.
    #[cfg(test)]
    pub(crate) fn reads(&self, path: &str) -> usize {
        self.reads.borrow().get(path).copied().unwrap_or(0)
    }

    /// Runs `f` with a context over these files, sorted into every extractor's kinds, without a
    /// config or git.
    #[cfg(test)]
    pub(crate) fn with_context<R>(&self, f: impl FnOnce(&crate::evidence::Context) -> R) -> R {
        use crate::config::LoadedConfig;
        use crate::date::Date;
        use crate::evidence::{Context, FileKind, RepositoryFacts, registry};
        let extractors = registry();
        let kinds: Vec<&FileKind> = extractors.iter().flat_map(|x| x.kinds()).collect();
        let config = LoadedConfig::default();
        let facts = RepositoryFacts::default();
        let as_of = Date::parse("2026-01-01").expect("a valid date");
        f(&Context::new(self, &config, None, &facts, as_of, &kinds))
    }
}

impl RepoSource for MemorySource {
    fn inventory(&self) -> &Inventory {
        &self.inventory
    }

    fn read(&self, path: &str, cap: u64) -> Result<Vec<u8>, ReadError> {
        let bytes = self.files.get(path).ok_or(ReadError::NotAFile)?;
        *self.reads.borrow_mut().entry(path.to_string()).or_default() += 1;
        match bytes.len() as u64 {
            size if size > cap => Err(ReadError::TooLarge { size, cap }),
            _ => Ok(bytes.clone()),
        }
    }

    fn read_head(&self, path: &str, n: usize) -> Result<Vec<u8>, ReadError> {
        let bytes = self.files.get(path).ok_or(ReadError::NotAFile)?;
        Ok(bytes[..n.min(bytes.len())].to_vec())
    }
}
