//! The golden corpus: the example folders embedded in the binary at build time (or, to qualify
//! a changed corpus, read from a folder), and their materialisation as git repositories the way
//! `examples/materialise.sh` builds them: the base's files, less those `overlay.yaml` deletes,
//! the example's own over them, one reviewed import commit dated 2026-10-01. An example whose
//! chain has a `history.sh` is left out: the self-test never runs scripts.

use anyhow::{Context as _, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/example_files.rs"));

/// The import commit's date: 2026-10-01T12:00:00Z.
const IMPORT_TIME: i64 = 1_790_856_000;

/// Example folders by name, each its files by path.
pub struct Corpus(BTreeMap<String, BTreeMap<String, Vec<u8>>>);

impl Corpus {
    pub fn embedded() -> Corpus {
        let mut map: BTreeMap<String, BTreeMap<String, Vec<u8>>> = BTreeMap::new();
        for (path, bytes) in EXAMPLE_FILES {
            if let Some((folder, rel)) = path.split_once('/') {
                map.entry(folder.to_string())
                    .or_default()
                    .insert(rel.to_string(), bytes.to_vec());
            }
        }
        Corpus(map)
    }

    /// The example folders (those with a README.md) under `dir`.
    pub fn from_dir(dir: &Path) -> Result<Corpus> {
        let mut map: BTreeMap<String, BTreeMap<String, Vec<u8>>> = BTreeMap::new();
        for entry in walkdir::WalkDir::new(dir).min_depth(2) {
            let entry = entry.with_context(|| format!("{}: cannot read", dir.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(dir)
                .context("walked under the corpus")?
                .to_string_lossy()
                .replace('\\', "/");
            if let Some((folder, path)) = rel.split_once('/')
                && dir.join(folder).join("README.md").is_file()
            {
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("{}: cannot read", entry.path().display()))?;
                map.entry(folder.to_string())
                    .or_default()
                    .insert(path.to_string(), bytes);
            }
        }
        Ok(Corpus(map))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn readme(&self, name: &str) -> String {
        self.0
            .get(name)
            .and_then(|f| f.get("README.md"))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    }

    /// The folder a base name (a number such as `07` or a folder name) names.
    fn folder(&self, base: &str) -> Option<&str> {
        self.names()
            .find(|n| *n == base || n.split('-').next() == Some(base))
    }

    /// The files of example `name` with its bases applied, or `None` when its chain has a
    /// `history.sh`.
    pub fn files(&self, name: &str, depth: usize) -> Result<Option<BTreeMap<String, Vec<u8>>>> {
        let Some(own) = self.0.get(name) else {
            bail!("no example {name}");
        };
        if own.contains_key("history.sh") {
            return Ok(None);
        }
        if depth > self.0.len() {
            bail!("{name}/overlay.yaml: its bases lead back to itself");
        }
        let mut files = match own.get("overlay.yaml") {
            None => BTreeMap::new(),
            Some(overlay) => {
                let overlay = String::from_utf8_lossy(overlay);
                let (base, deletes) =
                    read_overlay(&overlay).with_context(|| format!("{name}/overlay.yaml"))?;
                let folder = self
                    .folder(&base)
                    .with_context(|| format!("{name}/overlay.yaml: no example {base}"))?
                    .to_string();
                let Some(mut files) = self.files(&folder, depth + 1)? else {
                    return Ok(None);
                };
                for d in deletes {
                    if files.remove(&d).is_none() {
                        bail!("{name}/overlay.yaml: deletes {d}, which {base} does not have");
                    }
                }
                files
            }
        };
        for (path, bytes) in own {
            if path != "overlay.yaml" {
                files.insert(path.clone(), bytes.clone());
            }
        }
        Ok(Some(files))
    }
}

/// `base: EXAMPLE` and the `delete:` list of an overlay.yaml.
fn read_overlay(text: &str) -> Result<(String, Vec<String>)> {
    let mut base = None;
    let mut deletes = Vec::new();
    for line in text.lines() {
        if let Some(b) = line.strip_prefix("base: ") {
            base = Some(b.trim().to_string());
        } else if let Some(d) = line.strip_prefix("  - ") {
            deletes.push(d.trim().to_string());
        } else if !(line.is_empty() || line.starts_with('#') || line == "delete:") {
            bail!("unexpected line: {line}");
        }
    }
    Ok((base.context("no 'base:'")?, deletes))
}

/// Writes `files` into a new git repository at `dir` with the reviewed import commit.
pub fn materialise(files: &BTreeMap<String, Vec<u8>>, dir: &Path) -> Result<PathBuf> {
    for (path, bytes) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, bytes)
            .with_context(|| format!("{}: cannot write", target.display()))?;
    }
    let mut opts = git2::RepositoryInitOptions::new();
    opts.initial_head("main");
    let repo = git2::Repository::init_opts(dir, &opts)?;
    let mut index = repo.index()?;
    index.add_all(["*"], git2::IndexAddOption::DEFAULT, None)?;
    index.write()?;
    let tree = repo.find_tree(index.write_tree()?)?;
    let who = git2::Signature::new("Test", "test@example.com", &git2::Time::new(IMPORT_TIME, 0))?;
    repo.commit(
        Some("HEAD"),
        &who,
        &who,
        "Import example (CR-1)\n\nReviewed-by: Quality Assurance <qa@example.com>\n",
        &tree,
        &[],
    )?;
    Ok(dir.to_path_buf())
}
