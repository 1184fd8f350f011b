//! The files a config tells samdscan to open (`evidence.index`, `policies.paths`) lie inside the
//! repository. The check is made twice: on the text, where an absolute path or a `..` that climbs
//! above the root is a config error whatever the file is read from (working tree or revision);
//! and on the working tree, where a path whose symlinks resolve outside the root is one too. A
//! folder of policies kept elsewhere is named on the command line with `--policy`.

use super::Config;
use super::check::Problem;
use std::path::Path;

/// Why `path` names something outside the repository by its text alone, if it does.
pub(super) fn lexical_problem(path: &str) -> Option<String> {
    let absolute = path.starts_with(['/', '\\']) || path.get(1..2) == Some(":");
    if absolute {
        return Some(outside(path, "is an absolute path"));
    }
    let mut depth: i64 = 0;
    for part in path.split(['/', '\\']) {
        match part {
            ".." => depth -= 1,
            "." | "" => {}
            _ => depth += 1,
        }
        if depth < 0 {
            return Some(outside(path, "climbs out of the repository with `..`"));
        }
    }
    None
}

/// The config's paths that exist under `root` but resolve outside it through a symlink.
pub(super) fn resolved_problems(root: &Path, config: &Config) -> Vec<Problem> {
    let Ok(real_root) = root.canonicalize() else {
        return vec![];
    };
    let index = config
        .evidence
        .index
        .iter()
        .map(|p| ("evidence.index".to_string(), p));
    let policies = (config.policies.paths.iter().enumerate())
        .map(|(i, p)| (format!("policies.paths[{i}]"), p));
    index
        .chain(policies)
        .filter(|(_, p)| lexical_problem(p).is_none())
        .filter(|(_, p)| std::fs::symlink_metadata(root.join(p)).is_ok())
        // A dangling symlink cannot be shown to stay inside, so it counts as outside.
        .filter(|(_, p)| {
            !root
                .join(p)
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&real_root))
        })
        .map(|(key, p)| Problem {
            key,
            message: outside(p, "resolves outside the repository through a symlink"),
            needle: Some(p.clone()),
        })
        .collect()
}

fn outside(path: &str, why: &str) -> String {
    format!(
        "`{}` {why}; samdscan opens only files inside the repository (a policy folder kept \
         elsewhere is named with --policy)",
        crate::excerpt::excerpt(path, super::problems::EXCERPT_CHARS)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_climbing_paths_are_outside() {
        assert!(lexical_problem("/etc").is_some());
        assert!(lexical_problem("C:/x").is_some());
        assert!(lexical_problem("../outside").is_some());
        assert!(lexical_problem("a/../../b").is_some());
        assert!(lexical_problem("policy/").is_none());
        assert!(lexical_problem("a/../b").is_none());
        assert!(lexical_problem("./regulatory/index.yaml").is_none());
    }

    #[test]
    fn a_symlinked_folder_out_of_the_root_is_outside() {
        let outside = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("policy")).unwrap();
        std::fs::create_dir(root.path().join("mine")).unwrap();
        let config = Config {
            policies: super::super::PoliciesConfig {
                paths: vec!["policy".into(), "mine".into(), "absent".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let found = resolved_problems(root.path(), &config);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].key, "policies.paths[0]");
    }
}
