//! Loads Rego policies (built in, and from `--policy` directories) into a regorus engine, which
//! [`super::evaluation`] evaluates over the evidence document.
//!
//! Each policy package may define: `deny` (a set of finding objects; required),
//! `applicable` (a boolean; when false the rule is "not applicable"), and `not_evaluated` (a set
//! of reasons: a rule that found nothing but could not check everything it needs is "not
//! evaluated", never "passed"; its findings, when it has some, are always reported). Any Rego
//! error fails the run: fail closed. A reason (in `not_applicable_because` or `not_evaluated`)
//! is a string, or an object `{"msg": ..., "msg_ko": ...}` that gives it in both report
//! languages, as findings do.

use super::metadata::{Metadata, MetadataError, builtin_header, package_of, parse_header};
use super::restrictions::{check_builtins, check_recursion};
use regorus::Engine;
use std::path::Path;
use std::time::Duration;

include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));

/// The SHA-256 of the built-in policy pack (each file's path and text, NUL-separated, in path
/// order): the dossier and `self-test` name the exact rules a result came from.
pub fn builtin_policy_digest() -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for (path, text) in BUILTIN_POLICIES {
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The largest policy file read (a repository's `policies.paths` may hold anything): far above
/// any hand-written policy, far below what would exhaust a runner's memory.
pub const MAX_POLICY_FILE_SIZE: u64 = 4 * 1024 * 1024;

/// Wall-clock limit for evaluating one rule (cooperative; see stack notes §1.6). regorus 0.14
/// measures it with the system's monotonic clock only (a CPU-time source can be set in no_std
/// builds alone), so a loaded machine reaches it sooner; an error names the rule.
const RULE_TIME_LIMIT: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error(transparent)]
    Metadata(#[from] MetadataError),
    #[error("{path}: cannot read policy: {message}")]
    Read { path: String, message: String },
    #[error("{0}")]
    Rego(String),
    #[error("{path}:{line}: `{builtin}` is not allowed in a policy: {why}")]
    Refused {
        path: String,
        line: u32,
        builtin: String,
        why: String,
    },
    #[error("{path}:{line}: a recursive call is not allowed in a policy: {cycle}")]
    Recursion {
        path: String,
        line: u32,
        cycle: String,
    },
    #[error("{path}: policy `{package}` defines `deny` but has no METADATA block with custom.id")]
    NoId { path: String, package: String },
    #[error("rule id {id} is defined twice: {first} and {second}")]
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },
    /// A rule's evaluation failed (an engine limit, most often): which rule, over how much
    /// input, what narrows it, and the rules that completed before it.
    #[error("{rule} ({path}): could not be evaluated over {detail}")]
    RuleFailed {
        rule: String,
        path: String,
        detail: String,
    },
    #[error(
        "{rule} ({path}): `deny` must contain objects with a string `msg` (and `msg_ko`, if any, a string), got {got}"
    )]
    BadResult {
        rule: String,
        path: String,
        got: String,
    },
}

/// One Rego source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub path: String,
    pub text: String,
    pub builtin: bool,
}

impl Module {
    pub fn is_test(&self) -> bool {
        is_test_file(&self.path)
    }
}

/// `*_test.rego` files hold `test_*` rules, run by `samdscan policy test` and never in a scan.
fn is_test_file(path: &str) -> bool {
    path.ends_with("_test.rego")
}

/// A rule: a policy package with METADATA.
#[derive(Debug, Clone)]
pub struct Rule {
    pub path: String,
    pub package: String,
    pub meta: Metadata,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.meta.custom.id
    }

    pub fn builtin(&self) -> bool {
        self.meta.builtin
    }
}

/// Every loaded module, and the rules among them.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    pub modules: Vec<Module>,
    pub rules: Vec<Rule>,
}

impl PolicySet {
    /// The built-in policies embedded in the binary.
    pub fn builtin() -> Result<PolicySet, PolicyError> {
        let mut set = PolicySet::default();
        for (path, text) in BUILTIN_POLICIES {
            set.add(Module {
                path: path.to_string(),
                text: text.to_string(),
                builtin: true,
            })?;
        }
        Ok(set)
    }

    /// Adds every `.rego` file under `dir` (sorted, recursively).
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), PolicyError> {
        self.add_files(read_policy_dir(dir)?)
    }

    /// Drops the built-in modules (and their rules) of the packages that `files` define, so that
    /// a directory holding copies of built-in policies replaces them instead of colliding.
    pub fn replace_builtin_packages(&mut self, files: &[(String, String)]) {
        let replaced: std::collections::HashSet<(String, bool)> = files
            .iter()
            .filter_map(|(path, text)| Some((package_of(text)?, is_test_file(path))))
            .collect();
        let is_replaced = |m: &Module| {
            m.builtin && package_of(&m.text).is_some_and(|p| replaced.contains(&(p, m.is_test())))
        };
        let dropped: Vec<String> = self
            .modules
            .iter()
            .filter(|m| is_replaced(m))
            .map(|m| m.path.clone())
            .collect();
        self.modules.retain(|m| !is_replaced(m));
        self.rules
            .retain(|r| !(r.builtin() && dropped.contains(&r.path)));
    }

    /// Adds policy files already read: `(path as shown, text)`.
    pub fn add_files(&mut self, files: Vec<(String, String)>) -> Result<(), PolicyError> {
        for (path, text) in files {
            self.add(Module {
                path,
                text,
                builtin: false,
            })?;
        }
        Ok(())
    }

    fn add(&mut self, module: Module) -> Result<(), PolicyError> {
        // The built-in pack is checked once, by the test `builtin_pack_passes_the_load_checks`,
        // not on every run.
        if !module.builtin {
            check_builtins(&module)?;
        }
        if !module.is_test() {
            let header = match module.builtin {
                true => builtin_header(&module.path, &module.text)?,
                false => parse_header(&module.path, &module.text)?,
            };
            match header.metadata {
                Some(meta) => {
                    if let Some(other) = self.rules.iter().find(|r| r.id() == meta.custom.id) {
                        return Err(PolicyError::DuplicateId {
                            id: meta.custom.id.clone(),
                            first: other.path.clone(),
                            second: module.path.clone(),
                        });
                    }
                    self.rules.push(Rule {
                        path: module.path.clone(),
                        package: header.package,
                        meta: Metadata {
                            builtin: module.builtin,
                            ..meta
                        },
                    });
                }
                None if defines_deny(&module.text) => {
                    return Err(PolicyError::NoId {
                        path: module.path.clone(),
                        package: header.package,
                    });
                }
                None => {}
            }
        }
        self.modules.push(module);
        Ok(())
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id() == id)
    }

    /// A regorus engine holding every module (tests too when `with_tests`).
    pub fn engine(&self, with_tests: bool) -> Result<Engine, PolicyError> {
        // Recursion needs a user module to call into (the built-in pack alone is tested).
        if self.modules.iter().any(|m| !m.builtin) {
            check_recursion(&self.modules)?;
        }
        let mut engine = Engine::new();
        engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
            limit: RULE_TIME_LIMIT,
            check_interval: std::num::NonZeroU32::new(1000).unwrap_or(std::num::NonZeroU32::MIN),
        });
        for m in self.modules.iter().filter(|m| with_tests || !m.is_test()) {
            engine
                .add_policy(m.path.clone(), m.text.clone())
                .map_err(rego_error)?;
        }
        Ok(engine)
    }
}

/// Reads every `.rego` file under `dir` (sorted, recursively): `(path as shown, text)`.
pub fn read_policy_dir(dir: &Path) -> Result<Vec<(String, String)>, PolicyError> {
    let read_err = |message: String| PolicyError::Read {
        path: dir.display().to_string(),
        message,
    };
    if !dir.is_dir() {
        return Err(read_err("not a directory".into()));
    }
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| read_err(e.to_string()))?
        .into_iter()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rego"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut read = Vec::with_capacity(files.len());
    for f in files {
        let path = f.display().to_string();
        let error = |message: String| PolicyError::Read {
            path: path.clone(),
            message,
        };
        let size = std::fs::metadata(&f)
            .map_err(|e| error(e.to_string()))?
            .len();
        if size > MAX_POLICY_FILE_SIZE {
            return Err(error(policy_too_large(size)));
        }
        let text = std::fs::read_to_string(&f).map_err(|e| error(e.to_string()))?;
        read.push((path, text));
    }
    Ok(read)
}

/// Why a policy file of `size` bytes is not read.
pub fn policy_too_large(size: u64) -> String {
    format!("file is {size} bytes, over the {MAX_POLICY_FILE_SIZE}-byte limit of a policy file")
}

fn defines_deny(text: &str) -> bool {
    text.lines()
        .any(|l| l.trim_start().starts_with("deny contains") || l.trim_start().starts_with("deny["))
}

pub fn rego_error(e: impl std::fmt::Display) -> PolicyError {
    PolicyError::Rego(e.to_string().trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_pack_passes_the_load_checks() {
        // A run skips these checks for the built-in pack; this test keeps that safe.
        let set = PolicySet::builtin().expect("the built-in pack loads");
        assert!(set.modules.len() > 100, "{} modules", set.modules.len());
        for module in &set.modules {
            check_builtins(module).unwrap_or_else(|e| panic!("{}: {e}", module.path));
        }
        check_recursion(&set.modules).expect("no recursion in the built-in pack");
    }

    #[test]
    fn rules_read_the_outcomes_of_evidence_rules_only() {
        // The second pass sees the first pass's outcomes: a rule that reads outcomes may name
        // only rules that read evidence alone.
        let set = PolicySet::builtin().expect("the built-in pack loads");
        let first: std::collections::HashSet<&str> = set
            .rules
            .iter()
            .filter(|r| r.meta.custom.outcomes.is_empty())
            .map(|r| r.id())
            .collect();
        let readers: Vec<&Rule> = set
            .rules
            .iter()
            .filter(|r| !r.meta.custom.outcomes.is_empty())
            .collect();
        assert!(!readers.is_empty());
        for rule in readers {
            for id in &rule.meta.custom.outcomes {
                assert!(
                    id == "*" || first.contains(id.as_str()),
                    "{}: {id}",
                    rule.id()
                );
            }
        }
    }
}
