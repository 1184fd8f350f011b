//! Where evidence files come from: the working tree (listed from the git index, or walked when
//! the scan root is in no git work tree) or a git revision's tree, read from objects
//! without a checkout.
//!
//! Both give the same inventory shape and the same bounded `read`, so every extractor works on
//! either. Nothing outside the scan root is ever read: symlinks that leave it are recorded and
//! not followed.

use super::git_view::GitView;
use git2::{ObjectType, Oid, Repository, TreeWalkMode, TreeWalkResult};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How the file list was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InventorySource {
    GitIndex,
    Filesystem,
    GitTree,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    File,
    /// A symlink; `escapes` when its target resolves outside the scan root.
    Symlink {
        target: String,
        escapes: bool,
    },
    /// Listed in the git index but not present on disk.
    Missing,
    Submodule,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// Repository-relative, `/`-separated.
    pub path: String,
    pub size: Option<u64>,
    pub kind: EntryKind,
    /// The git blob id, when the file comes from git objects (or the index, unchanged).
    pub blob: Option<Oid>,
}

#[derive(Debug, Clone)]
pub struct Inventory {
    pub source: InventorySource,
    /// Sorted by path.
    pub entries: Vec<Entry>,
    /// Paths that could not be represented (non-UTF-8) or listed, with the reason.
    pub skipped: Vec<(String, String)>,
}

impl Inventory {
    pub fn files(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.kind == EntryKind::File)
    }

    /// The paths of [`Inventory::files`].
    pub fn file_paths(&self) -> impl Iterator<Item = &str> {
        self.files().map(|e| e.path.as_str())
    }

    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.entries[i])
    }

    pub fn is_file(&self, path: &str) -> bool {
        self.get(path).is_some_and(|e| e.kind == EntryKind::File)
    }
}

/// Folders whose files are never evidence of the product: test fixtures and test data (a
/// parser's sample inputs), vendored and third-party code.
const NOT_EVIDENCE_FOLDERS: &[&str] = &[
    "fixtures",
    "__fixtures__",
    "test_data",
    "test-data",
    "testdata",
    "vendor",
    "third_party",
    "third-party",
    "node_modules",
    "external",
];

/// Whether `path` lies under a test-fixture, test-data, vendored or third-party folder.
pub fn in_not_evidence_folder(path: &str) -> bool {
    let mut folders = path.split('/');
    folders.next_back();
    folders.any(|f| {
        NOT_EVIDENCE_FOLDERS
            .iter()
            .any(|n| f.eq_ignore_ascii_case(n))
    })
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReadError {
    #[error("file is {size} bytes, over the {cap}-byte limit (evidence.max_file_size)")]
    TooLarge { size: u64, cap: u64 },
    #[error("not a regular file in the repository")]
    NotAFile,
    #[error("cannot read: {0}")]
    Io(String),
}

/// A place to list and read repository files from.
pub trait RepoSource {
    fn inventory(&self) -> &Inventory;
    /// Reads at most `cap` bytes of the whole file; larger files are refused, not truncated.
    fn read(&self, path: &str, cap: u64) -> Result<Vec<u8>, ReadError>;
    /// Reads the first `n` bytes, for recognising a file by its content.
    fn read_head(&self, path: &str, n: usize) -> Result<Vec<u8>, ReadError>;
    /// Opens a whole file as a stream, with no size cap: for hashing large files (model weights)
    /// in bounded memory. Sources that cannot stream fall back to one bounded-by-nothing read.
    fn open_stream(&self, path: &str) -> Result<Box<dyn Read + '_>, ReadError> {
        let bytes = self.read(path, u64::MAX)?;
        Ok(Box::new(std::io::Cursor::new(bytes)))
    }
    /// The same files without this source's handles, for another thread to read
    /// ([`DetachedSource::attach`]); `None` when the source cannot be read from another thread.
    fn detach(&self) -> Option<DetachedSource> {
        None
    }
}

/// A source's files, sent to another thread to be read there. A work tree is read the same way
/// from any thread; a revision's tree is read through that thread's own repository handle.
pub enum DetachedSource {
    WorkTree(WorkTreeSource),
    GitTree(Inventory),
}

impl DetachedSource {
    /// The source again, reading a revision's blobs through `repo` (the same repository,
    /// reopened on this thread).
    pub fn attach(self, repo: &Repository) -> Box<dyn RepoSource + '_> {
        match self {
            DetachedSource::WorkTree(source) => Box::new(source),
            DetachedSource::GitTree(inventory) => Box::new(GitTreeSource { repo, inventory }),
        }
    }
}

/// Files of a working directory.
pub struct WorkTreeSource {
    root: PathBuf,
    inventory: Inventory,
    /// Each folder already resolved by `checked_path`: its real path when it lies inside the
    /// root, `None` when it leads out of it (or cannot be resolved).
    folders: RefCell<HashMap<PathBuf, Option<PathBuf>>>,
}

impl WorkTreeSource {
    /// Lists from the git index when `root` is in a git work tree (the index's files in the
    /// view's folder, by their paths from it), else walks the directory.
    pub fn open(root: &Path, repo: Option<&GitView>) -> std::io::Result<WorkTreeSource> {
        let root = root.canonicalize()?;
        let inventory = match repo {
            Some(repo) => list_git_index(&root, repo),
            None => walk_directory(&root),
        };
        Ok(WorkTreeSource {
            root,
            inventory,
            folders: RefCell::default(),
        })
    }

    /// The real path of a listed file, refused when it resolves outside the root: a parent
    /// folder could itself be a symlink leading out. Each folder is resolved once per scan; the
    /// file itself is checked on every read (it was a regular file when listed, but a symlink
    /// now is resolved whole, as a folder is).
    fn checked_path(&self, path: &str) -> Result<PathBuf, ReadError> {
        match self.inventory.get(path).map(|e| &e.kind) {
            Some(EntryKind::File) => {}
            _ => return Err(ReadError::NotAFile),
        }
        let full = self.root.join(path);
        let (Some(folder), Some(name)) = (full.parent(), full.file_name()) else {
            return Err(ReadError::NotAFile);
        };
        let real = self.real_folder(folder)?.join(name);
        let meta = std::fs::symlink_metadata(&real).map_err(|e| ReadError::Io(e.to_string()))?;
        if !meta.file_type().is_symlink() {
            return Ok(real);
        }
        self.inside_root(&real)?.ok_or(ReadError::NotAFile)
    }

    /// The real path of `folder`, inside the root (cached).
    fn real_folder(&self, folder: &Path) -> Result<PathBuf, ReadError> {
        if let Some(known) = self.folders.borrow().get(folder) {
            return known.clone().ok_or(ReadError::NotAFile);
        }
        let real = self.inside_root(folder)?;
        self.folders
            .borrow_mut()
            .insert(folder.to_path_buf(), real.clone());
        real.ok_or(ReadError::NotAFile)
    }

    /// `path` resolved through every symlink: `None` when it lies outside the root.
    fn inside_root(&self, path: &Path) -> Result<Option<PathBuf>, ReadError> {
        let real = path
            .canonicalize()
            .map_err(|e| ReadError::Io(e.to_string()))?;
        Ok(real.starts_with(&self.root).then_some(real))
    }
}

impl RepoSource for WorkTreeSource {
    fn inventory(&self) -> &Inventory {
        &self.inventory
    }

    fn read(&self, path: &str, cap: u64) -> Result<Vec<u8>, ReadError> {
        let real = self.checked_path(path)?;
        let file = std::fs::File::open(&real).map_err(|e| ReadError::Io(e.to_string()))?;
        let size = file
            .metadata()
            .map_err(|e| ReadError::Io(e.to_string()))?
            .len();
        if size > cap {
            return Err(ReadError::TooLarge { size, cap });
        }
        let mut buf = Vec::with_capacity(size as usize);
        file.take(cap + 1)
            .read_to_end(&mut buf)
            .map_err(|e| ReadError::Io(e.to_string()))?;
        if buf.len() as u64 > cap {
            return Err(ReadError::TooLarge {
                size: buf.len() as u64,
                cap,
            });
        }
        Ok(buf)
    }

    fn read_head(&self, path: &str, n: usize) -> Result<Vec<u8>, ReadError> {
        let real = self.checked_path(path)?;
        let file = std::fs::File::open(&real).map_err(|e| ReadError::Io(e.to_string()))?;
        let mut buf = Vec::with_capacity(n);
        file.take(n as u64)
            .read_to_end(&mut buf)
            .map_err(|e| ReadError::Io(e.to_string()))?;
        Ok(buf)
    }

    fn open_stream(&self, path: &str) -> Result<Box<dyn Read + '_>, ReadError> {
        let real = self.checked_path(path)?;
        let file = std::fs::File::open(&real).map_err(|e| ReadError::Io(e.to_string()))?;
        Ok(Box::new(file))
    }

    fn detach(&self) -> Option<DetachedSource> {
        Some(DetachedSource::WorkTree(WorkTreeSource {
            root: self.root.clone(),
            inventory: self.inventory.clone(),
            folders: self.folders.clone(),
        }))
    }
}

fn list_git_index(root: &Path, repo: &GitView) -> Inventory {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    match repo.index() {
        Ok(index) => {
            for e in index.iter() {
                let Some(in_view) = e.path.strip_prefix(repo.folder().as_bytes()) else {
                    continue;
                };
                let Ok(path) = String::from_utf8(in_view.to_vec()) else {
                    skipped.push((
                        String::from_utf8_lossy(&e.path).into_owned(),
                        "path is not UTF-8".into(),
                    ));
                    continue;
                };
                let kind_bits = e.mode & 0o170000;
                let entry = if kind_bits == 0o160000 {
                    Entry {
                        path,
                        size: None,
                        kind: EntryKind::Submodule,
                        blob: None,
                    }
                } else {
                    let mut entry = disk_entry(root, path);
                    if entry.kind == EntryKind::File {
                        entry.blob = Some(e.id);
                    }
                    entry
                };
                entries.push(entry);
            }
        }
        Err(e) => skipped.push((
            ".git/index".into(),
            format!("cannot read the git index: {}", e.message()),
        )),
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries.dedup_by(|a, b| a.path == b.path);
    Inventory {
        source: InventorySource::GitIndex,
        entries,
        skipped,
    }
}

/// What is on disk at a listed path.
fn disk_entry(root: &Path, path: String) -> Entry {
    let full = root.join(&path);
    match std::fs::symlink_metadata(&full) {
        Err(_) => Entry {
            path,
            size: None,
            kind: EntryKind::Missing,
            blob: None,
        },
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = std::fs::read_link(&full)
                .map(|t| t.to_string_lossy().into_owned())
                .unwrap_or_default();
            let escapes = full
                .canonicalize()
                .map_or(true, |real| !real.starts_with(root));
            Entry {
                path,
                size: None,
                kind: EntryKind::Symlink { target, escapes },
                blob: None,
            }
        }
        Ok(meta) if meta.is_file() => Entry {
            path,
            size: Some(meta.len()),
            kind: EntryKind::File,
            blob: None,
        },
        Ok(_) => Entry {
            path,
            size: None,
            kind: EntryKind::Missing,
            blob: None,
        },
    }
}

fn walk_directory(root: &Path) -> Inventory {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name();
    for item in walker.into_iter().filter_entry(|e| e.file_name() != ".git") {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                let p = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                skipped.push((p, e.to_string()));
                continue;
            }
        };
        if item.file_type().is_dir() {
            continue;
        }
        let Ok(rel) = item.path().strip_prefix(root) else {
            continue;
        };
        let Some(rel) = rel.to_str() else {
            skipped.push((
                rel.to_string_lossy().into_owned(),
                "path is not UTF-8".into(),
            ));
            continue;
        };
        entries.push(disk_entry(root, rel.replace('\\', "/")));
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Inventory {
        source: InventorySource::Filesystem,
        entries,
        skipped,
    }
}

/// Files of one git tree (a revision), read from objects.
pub struct GitTreeSource<'r> {
    repo: &'r Repository,
    inventory: Inventory,
}

impl<'r> GitTreeSource<'r> {
    /// The files of `tree`, each with its size.
    pub fn open(repo: &'r Repository, tree: Oid) -> Result<GitTreeSource<'r>, git2::Error> {
        Self::list(repo, tree, true)
    }

    /// The files of `tree` without their sizes (`size: None`), for a context that finds files by
    /// name and reads a few of them: looking up each blob's size costs one object-database
    /// lookup per file. Reads are bounded all the same, by the blob's own size.
    pub fn open_by_name(repo: &'r Repository, tree: Oid) -> Result<GitTreeSource<'r>, git2::Error> {
        Self::list(repo, tree, false)
    }

    fn list(
        repo: &'r Repository,
        tree: Oid,
        sizes: bool,
    ) -> Result<GitTreeSource<'r>, git2::Error> {
        let tree = repo.find_tree(tree)?;
        let odb = repo.odb()?;
        let mut entries = Vec::new();
        let mut skipped = Vec::new();
        tree.walk(TreeWalkMode::PreOrder, |dir, e| {
            let Ok(name) = e.name() else {
                skipped.push((
                    format!("{dir}{}", String::from_utf8_lossy(e.name_bytes())),
                    "path is not UTF-8".into(),
                ));
                return TreeWalkResult::Skip;
            };
            let path = format!("{dir}{name}");
            let mode = e.filemode() & 0o170000;
            match e.kind() {
                Some(ObjectType::Blob) if mode == 0o120000 => {
                    let target = repo
                        .find_blob(e.id())
                        .map(|b| String::from_utf8_lossy(b.content()).into_owned())
                        .unwrap_or_default();
                    let escapes = link_escapes(&path, &target);
                    entries.push(Entry {
                        path,
                        size: None,
                        kind: EntryKind::Symlink { target, escapes },
                        blob: None,
                    });
                }
                Some(ObjectType::Blob) => {
                    let size = sizes
                        .then(|| odb.read_header(e.id()).ok().map(|(s, _)| s as u64))
                        .flatten();
                    entries.push(Entry {
                        path,
                        size,
                        kind: EntryKind::File,
                        blob: Some(e.id()),
                    });
                }
                Some(ObjectType::Commit) => entries.push(Entry {
                    path,
                    size: None,
                    kind: EntryKind::Submodule,
                    blob: None,
                }),
                _ => {}
            }
            TreeWalkResult::Ok
        })?;
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(GitTreeSource {
            repo,
            inventory: Inventory {
                source: InventorySource::GitTree,
                entries,
                skipped,
            },
        })
    }

    fn blob(&self, path: &str) -> Result<(git2::Blob<'r>, u64), ReadError> {
        let entry = self
            .inventory
            .get(path)
            .filter(|e| e.kind == EntryKind::File)
            .ok_or(ReadError::NotAFile)?;
        let oid = entry.blob.ok_or(ReadError::NotAFile)?;
        let blob = self
            .repo
            .find_blob(oid)
            .map_err(|e| ReadError::Io(e.message().to_string()))?;
        let size = blob.size() as u64;
        Ok((blob, size))
    }
}

/// Whether a symlink at `path` with `target` points outside the tree (lexically).
fn link_escapes(path: &str, target: &str) -> bool {
    if target.starts_with('/') || target.contains(':') {
        return true;
    }
    let mut depth: i64 = path.matches('/').count() as i64;
    for part in target.split('/') {
        match part {
            ".." => depth -= 1,
            "." | "" => {}
            _ => depth += 1,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

impl RepoSource for GitTreeSource<'_> {
    fn inventory(&self) -> &Inventory {
        &self.inventory
    }

    fn read(&self, path: &str, cap: u64) -> Result<Vec<u8>, ReadError> {
        let (blob, size) = self.blob(path)?;
        if size > cap {
            return Err(ReadError::TooLarge { size, cap });
        }
        Ok(blob.content().to_vec())
    }

    fn read_head(&self, path: &str, n: usize) -> Result<Vec<u8>, ReadError> {
        let (blob, _) = self.blob(path)?;
        Ok(blob.content()[..n.min(blob.content().len())].to_vec())
    }

    /// libgit2 inflates a blob whole (its pack backend cannot stream), so this reads the blob
    /// from memory without a second copy.
    fn open_stream(&self, path: &str) -> Result<Box<dyn Read + '_>, ReadError> {
        let (blob, _) = self.blob(path)?;
        Ok(Box::new(BlobReader { blob, offset: 0 }))
    }

    fn detach(&self) -> Option<DetachedSource> {
        Some(DetachedSource::GitTree(self.inventory.clone()))
    }
}

/// Reads a blob's content already in memory.
struct BlobReader<'r> {
    blob: git2::Blob<'r>,
    offset: usize,
}

impl Read for BlobReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let rest = self.blob.content().get(self.offset..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.offset += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_escape_check() {
        assert!(link_escapes("a.txt", "../x"));
        assert!(!link_escapes("docs/a.md", "../README.md"));
        assert!(link_escapes("docs/a.md", "../../etc/passwd"));
        assert!(link_escapes("a", "/etc/passwd"));
    }

    #[test]
    fn walk_records_outside_symlinks_and_reads_bounded() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "hello").unwrap();
        std::fs::create_dir(dir.path().join(".github")).unwrap();
        std::fs::write(dir.path().join(".github/x.yml"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            dir.path().join("link.txt"),
        )
        .unwrap();
        let src = WorkTreeSource::open(dir.path(), None).unwrap();
        assert!(src.inventory().is_file(".github/x.yml"));
        assert_eq!(src.read("a.txt", 100).unwrap(), b"hello");
        assert_eq!(
            src.read("a.txt", 2),
            Err(ReadError::TooLarge { size: 5, cap: 2 })
        );
        #[cfg(unix)]
        {
            let link = src.inventory().get("link.txt").unwrap();
            assert!(matches!(
                link.kind,
                EntryKind::Symlink { escapes: true, .. }
            ));
            assert_eq!(src.read("link.txt", 100), Err(ReadError::NotAFile));
        }
    }

    /// A source over `root` listing `paths` as they are on disk (as the git index lists files
    /// under a folder that became a symlink after they were added).
    #[cfg(unix)]
    fn listing(root: &Path, paths: &[&str]) -> WorkTreeSource {
        let root = root.canonicalize().unwrap();
        let mut entries: Vec<Entry> = paths
            .iter()
            .map(|p| disk_entry(&root, p.to_string()))
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        WorkTreeSource {
            root,
            inventory: Inventory {
                source: InventorySource::GitIndex,
                entries,
                skipped: vec![],
            },
            folders: RefCell::default(),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_symlinked_out_of_the_root_is_refused_on_every_read() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("docs")).unwrap();
        std::fs::write(dir.path().join("docs/a.md"), "a").unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
        let src = listing(dir.path(), &["docs/a.md", "out/secret.txt"]);
        assert!(
            src.inventory().is_file("out/secret.txt"),
            "listed as a file"
        );
        for _ in 0..2 {
            assert_eq!(src.read("out/secret.txt", 100), Err(ReadError::NotAFile));
            assert_eq!(src.read_head("out/secret.txt", 3), Err(ReadError::NotAFile));
            assert_eq!(src.read("docs/a.md", 100).unwrap(), b"a");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_chain_of_folder_symlinks_is_followed_to_its_end() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::os::unix::fs::symlink(outside.path(), root.join("far")).unwrap();
        std::os::unix::fs::symlink("far", root.join("near")).unwrap();
        std::fs::create_dir(root.join("real")).unwrap();
        std::fs::write(root.join("real/ok.txt"), "ok").unwrap();
        std::os::unix::fs::symlink("real", root.join("hop")).unwrap();
        std::os::unix::fs::symlink("hop", root.join("alias")).unwrap();
        let src = listing(root, &["near/secret.txt", "alias/ok.txt"]);
        for _ in 0..2 {
            assert_eq!(src.read("near/secret.txt", 100), Err(ReadError::NotAFile));
            assert_eq!(src.read("alias/ok.txt", 100).unwrap(), b"ok");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_turned_into_a_symlink_in_a_checked_folder_is_resolved_again() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        for name in ["a.md", "b.md", "c.md"] {
            std::fs::write(docs.join(name), name).unwrap();
        }
        let src = listing(dir.path(), &["docs/a.md", "docs/b.md", "docs/c.md"]);
        assert_eq!(
            src.read("docs/a.md", 100).unwrap(),
            b"a.md",
            "docs/ is checked"
        );
        std::fs::remove_file(docs.join("b.md")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), docs.join("b.md")).unwrap();
        std::fs::remove_file(docs.join("c.md")).unwrap();
        std::os::unix::fs::symlink("a.md", docs.join("c.md")).unwrap();
        assert_eq!(src.read("docs/b.md", 100), Err(ReadError::NotAFile));
        assert!(src.open_stream("docs/b.md").is_err());
        assert_eq!(
            src.read("docs/c.md", 100).unwrap(),
            b"a.md",
            "a link inside the root"
        );
    }

    #[test]
    fn fixture_vendored_and_third_party_folders_are_not_evidence() {
        for p in [
            "tests/fixtures/junit.xml",
            "parser/testdata/report.xml",
            "src/__fixtures__/sbom.cdx.json",
            "test_data/risk.csv",
            "vendor/lib/SECURITY.md",
            "third_party/x/CHANGELOG.md",
            "web/node_modules/a/package.json",
            "external/zlib/README.md",
        ] {
            assert!(in_not_evidence_folder(p), "{p}");
        }
        for p in [
            "reports/junit.xml",
            "docs/fixtures.md",
            "vendor.md",
            "docs/test-plan.md",
        ] {
            assert!(!in_not_evidence_folder(p), "{p}");
        }
    }
}
