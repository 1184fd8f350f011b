//! What a changed path is, for the history rules: part of a software system, safety-critical,
//! a risk file, user interface, a usability file, a lockfile, an SBOM, a change log, a test, or a
//! samdscan control file (config, policy).
//!
//! Paths are classified here, with the same glob rules as the rest of the evidence (bare names
//! match at any depth, case-insensitively), so that policies only test area names. Tests are
//! recognised by the same heuristic as the requirement references' `test` flag
//! ([`is_test_path`]), so both agree on what a test is.

use super::super::dependencies::lockfile::all_lockfile_names;
use super::super::extractor::{PathGlobs, compile_glob_groups};
use super::super::references::is_test_path;
use crate::config::LoadedConfig;

use std::collections::BTreeSet;

const RISK_DIRS: &[&str] = &["docs/risk/**", "docs/위험관리/**"];

/// Area names as they appear in the evidence.
pub(super) const SAFETY_CRITICAL: &str = "safety_critical";
pub(super) const RISK: &str = "risk";
pub(super) const UI: &str = "ui";
pub(super) const USABILITY: &str = "usability";
pub(super) const LOCKFILE: &str = "lockfile";
pub(super) const SBOM: &str = "sbom";
pub(super) const CHANGELOG: &str = "changelog";
pub(super) const CONTROL: &str = "samdscan_control";
pub(super) const TEST: &str = "test";

/// The areas whose files a code owner must review (MFDS-CHG-004).
const OWNER_REQUIRED: &[&str] = &[SAFETY_CRITICAL, RISK];

/// Compiled globs for every area, in one set: each path is lower-cased and matched once.
pub struct AreaMatcher {
    /// Each area's name, by the index of its group in `globs`: the software systems
    /// (`system:<name>`) first, then the named areas.
    names: Vec<String>,
    /// How many of `names` are software systems.
    systems: usize,
    globs: PathGlobs,
}

impl AreaMatcher {
    pub fn new(config: &LoadedConfig) -> AreaMatcher {
        let product = config.config.product.as_ref();
        let systems: Vec<(String, Vec<String>)> = product
            .and_then(|p| p.software_systems.as_ref())
            .map(|list| {
                list.iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let name = s.name.clone().unwrap_or_else(|| format!("#{i}"));
                        (
                            format!("system:{name}"),
                            s.paths.clone().unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let safety = product
            .and_then(|p| p.safety_critical_paths.clone())
            .unwrap_or_default();
        let ui = product.and_then(|p| p.ui_paths.clone()).unwrap_or_default();
        let named = [
            (SAFETY_CRITICAL, safety),
            (RISK, risk_globs(config)),
            (UI, ui),
            (USABILITY, kind_globs(config, "usability_file")),
            (LOCKFILE, lockfile_globs()),
            (SBOM, kind_globs(config, "sbom")),
            (CHANGELOG, kind_globs(config, "changelog")),
            (CONTROL, control_globs(config)),
        ];
        let count = systems.len();
        let areas: Vec<(String, Vec<String>)> = systems
            .into_iter()
            .chain(named.map(|(name, globs)| (name.to_string(), globs)))
            .collect();
        let groups: Vec<&Vec<String>> = areas.iter().map(|(_, globs)| globs).collect();
        AreaMatcher {
            globs: compile_glob_groups(&groups),
            names: areas.into_iter().map(|(name, _)| name).collect(),
            systems: count,
        }
    }

    /// The areas of one path: `system:<name>` for each software system, then named areas, then
    /// `test`.
    pub fn areas_of(&self, path: &str) -> Vec<String> {
        let globbed = self.globs.groups(path).into_iter();
        let test = is_test_path(path).then(|| TEST.to_string());
        globbed.map(|i| self.names[i].clone()).chain(test).collect()
    }

    /// Whether the profile declares a software system (with paths) at all.
    pub fn has_systems(&self) -> bool {
        self.systems > 0
    }

    /// Whether a path is part of a software system.
    pub fn in_a_system(&self, path: &str) -> bool {
        self.globs
            .groups(path)
            .first()
            .is_some_and(|&i| i < self.systems)
    }

    /// The areas of one path that need a code owner: safety-critical code and risk files.
    pub fn owner_required_areas(&self, path: &str) -> Vec<&'static str> {
        let globbed = self.globs.groups(path);
        OWNER_REQUIRED
            .iter()
            .copied()
            .filter(|area| globbed.iter().any(|&i| self.names[i] == *area))
            .collect()
    }

    /// The union of the areas of `paths`, sorted.
    pub fn union<'a>(&self, areas: impl Iterator<Item = &'a [String]>) -> Vec<String> {
        let set: BTreeSet<&String> = areas.flatten().collect();
        set.into_iter().cloned().collect()
    }
}

/// Every lockfile name of the lockfile table, read or not (regulatory catalogue §5.2).
fn lockfile_globs() -> Vec<String> {
    strings(&all_lockfile_names().collect::<Vec<_>>())
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn user_or(config: &LoadedConfig, kind: &str, default: &[&str]) -> Vec<String> {
    match config.config.evidence.globs.get(kind) {
        Some(user) => user.clone(),
        None => strings(default),
    }
}

/// The name globs of an evidence kind (the user's, else the extractor's defaults). History has
/// no file contents, so kinds recognised by content are matched by name only.
pub(super) fn kind_globs(config: &LoadedConfig, kind: &str) -> Vec<String> {
    let default: Vec<&str> = crate::evidence::registry()
        .iter()
        .flat_map(|x| x.kinds().iter())
        .find(|k| k.name == kind)
        .map(|k| k.globs.to_vec())
        .unwrap_or_default();
    user_or(config, kind, &default)
}

fn risk_globs(config: &LoadedConfig) -> Vec<String> {
    let mut globs = strings(RISK_DIRS);
    for kind in [
        "risk_management_plan",
        "risk_table",
        "risk_management_report",
    ] {
        globs.extend(kind_globs(config, kind));
    }
    globs
}

/// The config file itself and the configured policy folders.
fn control_globs(config: &LoadedConfig) -> Vec<String> {
    let mut globs: Vec<String> = config.path.iter().cloned().collect();
    for dir in &config.config.policies.paths {
        globs.push(format!("{}/**", dir.trim_end_matches('/')));
    }
    globs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;

    #[test]
    fn paths_fall_into_their_areas() {
        let yaml = "product:\n  software_systems:\n    - {name: app, paths: [\"src/**\"]}\n  safety_critical_paths: [\"src/alarm/**\"]\n  ui_paths: [\"src/ui/**\"]\n";
        let config = parse_config(yaml, ".samdscan.yaml", &crate::evidence::known_kinds()).unwrap();
        let m = AreaMatcher::new(&config);
        assert_eq!(
            m.areas_of("src/alarm/x.py"),
            vec!["system:app", SAFETY_CRITICAL]
        );
        assert_eq!(m.areas_of("docs/risk/fmea.csv"), vec![RISK]);
        assert_eq!(m.areas_of("src/ui/alarm.tsx"), vec!["system:app", UI]);
        assert_eq!(m.areas_of("docs/usability/summative.md"), vec![USABILITY]);
        assert_eq!(m.areas_of("web/package-lock.json"), vec![LOCKFILE]);
        for lock in [
            "uv.lock",
            "app/pdm.lock",
            "conda-lock.yml",
            "mix.lock",
            "vcpkg.json",
        ] {
            assert_eq!(m.areas_of(lock), vec![LOCKFILE], "{lock}");
        }
        assert_eq!(m.areas_of("sbom/app.cdx.json"), vec![SBOM]);
        assert_eq!(m.areas_of("CHANGELOG.md"), vec![CHANGELOG]);
        assert!(m.areas_of("README.md").is_empty());
        assert_eq!(m.areas_of("tests/regression/test_dose.py"), vec![TEST]);
        assert_eq!(
            m.areas_of("src/alarm/limits_test.go"),
            vec!["system:app", SAFETY_CRITICAL, TEST]
        );
        assert_eq!(
            m.areas_of("src/test/java/AlarmTest.java"),
            vec!["system:app", TEST]
        );
        assert_eq!(m.areas_of("web/__tests__/dose.spec.ts"), vec![TEST]);
    }
}
