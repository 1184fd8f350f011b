//! What a `--rev` or `--base` scan reads from the revision instead of the working tree: the
//! config (`.samdscan.yaml`, `.github/samdscan.yaml`) and the Rego files of the config's
//! `policies.paths`, so that a past revision, or the base of a pull request, is judged by the
//! rules it was written under. A config named with `--config` and `--policy` folders are the
//! user's explicit choice and are read from disk for every revision. Files are read from git
//! objects, never checked out; a file that is not UTF-8 is an error naming it as `REV:PATH`.

use crate::config::{CONFIG_LOCATIONS, ConfigError, LoadedConfig, check_config_size, parse_config};
use crate::evidence::git_view::GitView;
use crate::policy::engine::{MAX_POLICY_FILE_SIZE, policy_too_large};
use git2::{ObjectType, Oid, Repository, Tree, TreeWalkMode, TreeWalkResult};
use std::path::Path;

/// A revision whose files stand in for the working tree's.
pub struct RevisionFiles<'r> {
    repo: &'r Repository,
    tree: Tree<'r>,
    /// The revision as the user named it, for messages (`v1.0.0:.samdscan.yaml`).
    label: String,
}

impl<'r> RevisionFiles<'r> {
    pub fn open(repo: &'r GitView, rev: &str) -> Result<RevisionFiles<'r>, git2::Error> {
        let commit = repo.revparse_single(rev)?.peel_to_commit()?;
        RevisionFiles::at(repo, commit.id(), rev)
    }

    /// The files of commit `id` (of the view's folder), named `label` in messages.
    pub fn at(repo: &'r GitView, id: Oid, label: &str) -> Result<RevisionFiles<'r>, git2::Error> {
        let tree = repo.tree(&repo.find_commit(id)?)?.ok_or_else(|| {
            git2::Error::from_str(&format!(
                "the folder {} does not exist at {label}",
                repo.folder()
            ))
        })?;
        Ok(RevisionFiles {
            repo,
            tree,
            label: label.to_string(),
        })
    }

    /// The config found at the revision (the first of [`CONFIG_LOCATIONS`]); the default config
    /// when it has none.
    pub fn config(&self) -> Result<LoadedConfig, ConfigError> {
        CONFIG_LOCATIONS
            .iter()
            .find_map(|location| self.config_file(location))
            .unwrap_or_else(|| Ok(LoadedConfig::default()))
    }

    /// The config file at `location` in the revision; `None` when there is none.
    pub fn config_file(&self, location: &str) -> Option<Result<LoadedConfig, ConfigError>> {
        let shown = format!("{}:{location}", self.label);
        let blob = self
            .repo
            .find_blob(self.tree.get_path(Path::new(location)).ok()?.id())
            .ok()?;
        if let Err(e) = check_config_size(blob.size() as u64, &shown) {
            return Some(Err(e));
        }
        let parsed = String::from_utf8(blob.content().to_vec())
            .map_err(|e| ConfigError::Read {
                path: shown.clone(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            })
            .and_then(|text| parse_config(&text, &shown, &crate::evidence::known_kinds()))
            .map(|mut loaded| {
                loaded.path = Some(location.to_string());
                loaded
            });
        Some(parsed)
    }

    /// Every `.rego` file under folder `dir` at the revision, sorted by path: `(REV:PATH, text)`.
    pub fn rego_files(&self, dir: &str) -> Result<Vec<(String, String)>, String> {
        let dir = dir.trim_matches('/');
        let entry = self
            .tree
            .get_path(Path::new(dir))
            .map_err(|_| format!("{}:{dir}: no such folder", self.label))?;
        let folder = entry
            .to_object(self.repo)
            .ok()
            .and_then(|o| o.into_tree().ok())
            .ok_or_else(|| format!("{}:{dir}: not a folder", self.label))?;
        let mut files = Vec::new();
        folder
            .walk(TreeWalkMode::PreOrder, |parent, e| {
                let name = e.name().unwrap_or_default();
                if e.kind() == Some(ObjectType::Blob) && name.ends_with(".rego") {
                    files.push((format!("{dir}/{parent}{name}"), e.id()));
                }
                TreeWalkResult::Ok
            })
            .map_err(|e| format!("{}:{dir}: {}", self.label, e.message()))?;
        files.sort();
        files
            .into_iter()
            .map(|(path, id)| {
                let shown = format!("{}:{path}", self.label);
                let size = self
                    .repo
                    .odb()
                    .and_then(|o| o.read_header(id))
                    .map_or(0, |h| h.0);
                if size as u64 > MAX_POLICY_FILE_SIZE {
                    return Err(format!("{shown}: {}", policy_too_large(size as u64)));
                }
                let bytes = self.blob(id).unwrap_or_default();
                let text = String::from_utf8(bytes).map_err(|_| format!("{shown}: not UTF-8"))?;
                Ok((shown, text))
            })
            .collect()
    }

    fn blob(&self, id: Oid) -> Option<Vec<u8>> {
        Some(self.repo.find_blob(id).ok()?.content().to_vec())
    }
}
