//! Reading the config file itself. A config found in the repository (`.samdscan.yaml`,
//! `.github/samdscan.yaml`) must be a file inside the scan root once symlinks are resolved: a
//! symlink leading out of the root is refused with an error naming it, and its target is never
//! opened, so a pull request cannot make samdscan print a runner's file. A config named with
//! `--config` is the user's own choice and is read where it is. Either way at most
//! [`MAX_CONFIG_SIZE`] bytes are read.

use super::ConfigError;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest config file samdscan reads (1 MiB): a real one is a few kilobytes.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// The first of `locations` that exists under `root`, as `(file to read, name shown)`; an error
/// when it is a symlink that resolves outside the root (or cannot be resolved).
pub(super) fn discover(
    root: &Path,
    locations: &[&str],
) -> Result<Option<(PathBuf, String)>, ConfigError> {
    for location in locations {
        let file = root.join(location);
        if std::fs::symlink_metadata(&file).is_err() {
            continue;
        }
        let refused = |reason: &str| ConfigError::Refused {
            path: location.to_string(),
            reason: reason.to_string(),
        };
        let real = file
            .canonicalize()
            .map_err(|_| refused("is a symlink that cannot be resolved; not read"))?;
        let real_root = root
            .canonicalize()
            .map_err(|_| refused("the scan root cannot be resolved"))?;
        if !real.starts_with(&real_root) {
            return Err(refused(
                "is a symlink to a file outside the repository; not read (name a config outside \
                 the repository with --config)",
            ));
        }
        if real.is_file() {
            return Ok(Some((real, location.to_string())));
        }
    }
    Ok(None)
}

/// The text of the config at `file` (named `shown` in errors): UTF-8, at most
/// [`MAX_CONFIG_SIZE`] bytes.
pub(super) fn read(file: &Path, shown: &str) -> Result<String, ConfigError> {
    let io = |source| ConfigError::Read {
        path: shown.to_string(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .map_err(io)?
        .take(MAX_CONFIG_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    check_size(bytes.len() as u64, shown)?;
    String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// An error when a config of `size` bytes is over [`MAX_CONFIG_SIZE`].
pub fn check_size(size: u64, shown: &str) -> Result<(), ConfigError> {
    if size > MAX_CONFIG_SIZE {
        return Err(ConfigError::Refused {
            path: shown.to_string(),
            reason: format!("is over the {MAX_CONFIG_SIZE}-byte limit of a config file; not read"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_symlink_out_of_the_root_is_refused_unread() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        std::fs::write(&secret, "product: {name: SECRET}\n").unwrap();
        let root = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(&secret, root.path().join(".samdscan.yaml")).unwrap();
        let err = discover(root.path(), &[".samdscan.yaml"]).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with(".samdscan.yaml: is a symlink"), "{text}");
        assert!(!text.contains("SECRET"), "{text}");
    }

    #[test]
    fn a_config_symlink_inside_the_root_is_read() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("real.yaml"), "x").unwrap();
        std::os::unix::fs::symlink("real.yaml", root.path().join(".samdscan.yaml")).unwrap();
        let (file, shown) = discover(root.path(), &[".samdscan.yaml"]).unwrap().unwrap();
        assert_eq!(shown, ".samdscan.yaml");
        assert!(file.ends_with("real.yaml"));
    }

    #[test]
    fn a_config_over_the_cap_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("big.yaml");
        let f = std::fs::File::create(&file).unwrap();
        f.set_len(MAX_CONFIG_SIZE + 1).unwrap();
        let err = read(&file, "big.yaml").unwrap_err().to_string();
        assert!(err.contains("1048576-byte limit"), "{err}");
    }
}
