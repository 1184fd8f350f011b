//! A guard on git alternates: `objects/info/alternates` lists further object folders that
//! libgit2 reads as part of the repository (and their own alternates in turn). A repository
//! from a pull request could name any folder of the runner there, so that samdscan would read
//! objects outside what it was given, and past the loose-object check of
//! [`crate::scan::loose_objects`]. Every alternate (followed to libgit2's depth) must resolve,
//! after symlinks, inside the scan root or the repository's own git folder; otherwise the
//! repository is refused, naming the alternates file and the entry.

use std::path::{Path, PathBuf};

/// How deep libgit2 follows alternates of alternates (`GIT_ALTERNATES_MAX_DEPTH`).
const MAX_DEPTH: usize = 5;

/// An alternate object folder outside the repository.
#[derive(Debug, thiserror::Error)]
#[error(
    "{file}: git alternate {entry:?} is outside the repository; samdscan does not read objects from outside the scan root (run `git repack -a -d` and remove the alternates file)"
)]
pub struct OutsideAlternate {
    pub file: String,
    pub entry: String,
}

/// Checks the alternates of `objects` (a repository's `objects` folder), and theirs, against the
/// folders `allowed` (canonical paths).
pub fn check_alternates(objects: &Path, allowed: &[PathBuf]) -> Result<(), OutsideAlternate> {
    let mut pending = vec![(objects.to_path_buf(), 0)];
    while let Some((dir, depth)) = pending.pop() {
        let file = dir.join("info").join("alternates");
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for entry in text.lines().map(str::trim) {
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            let outside = || OutsideAlternate {
                file: file.display().to_string(),
                entry: entry.chars().take(200).collect(),
            };
            let Ok(resolved) = dir.join(entry).canonicalize() else {
                // A missing alternate is not read by libgit2 either.
                continue;
            };
            if !allowed.iter().any(|a| resolved.starts_with(a)) {
                return Err(outside());
            }
            if depth + 1 < MAX_DEPTH {
                pending.push((resolved, depth + 1));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        let objects = root.join(".git/objects");
        std::fs::create_dir_all(objects.join("info")).unwrap();
        let root = root.canonicalize().unwrap();
        (dir, root, objects)
    }

    #[test]
    fn alternates_inside_the_root_are_accepted_and_outside_refused() {
        let (dir, root, objects) = setup();
        let inside = root.join("vendor/objects");
        std::fs::create_dir_all(&inside).unwrap();
        let alternates = objects.join("info/alternates");
        std::fs::write(&alternates, "# comment\n../../vendor/objects\n").unwrap();
        assert!(check_alternates(&objects, std::slice::from_ref(&root)).is_ok());
        // The accepted alternate's own alternate leaves the root.
        let outside = dir.path().join("elsewhere/objects");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::create_dir_all(inside.join("info")).unwrap();
        std::fs::write(
            inside.join("info/alternates"),
            outside.display().to_string(),
        )
        .unwrap();
        let err = check_alternates(&objects, std::slice::from_ref(&root)).unwrap_err();
        assert!(
            err.to_string().contains("vendor/objects/info/alternates"),
            "{err}"
        );
        assert!(err.entry.contains("elsewhere/objects"), "{err}");
    }

    #[test]
    fn a_symlink_inside_the_root_to_outside_is_refused() {
        let (dir, root, objects) = setup();
        let outside = dir.path().join("elsewhere");
        std::fs::create_dir_all(&outside).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
        #[cfg(unix)]
        {
            std::fs::write(objects.join("info/alternates"), "../../link\n").unwrap();
            assert!(check_alternates(&objects, &[root]).is_err());
        }
    }
}
