//! Loads Rego policies (built in, and from `--policy` directories) and evaluates them with
//! regorus over the evidence document.
//!
//! Each policy package may define: `deny` (a set of finding objects; required),
//! `applicable` (a boolean; when false the rule is "not applicable"), and `not_evaluated` (a set
//! of reasons: a rule that found nothing but could not check everything it needs is "not
//! evaluated", never "passed"; its findings, when it has some, are always reported). Any Rego
//! error fails the run: fail closed. A reason (in `not_applicable_because` or `not_evaluated`)
//! is a string, or an object `{"msg": ..., "msg_ko": ...}` that gives it in both report
//! languages, as findings do.
//!
//! The engine itself never lets a rule pass on no input: a rule whose declared evidence is
//! absent is "not evaluated" before its `deny` runs (presence rules excepted; see
//! [`super::judged`]), and every outcome names the evidence the rule judged.

use super::escalation;
use super::judged::{config_path, judge};
use super::metadata::{Metadata, MetadataError, package_of, parse_header};
use super::restrictions::{check_builtins, check_recursion};
use crate::finding::{Level, RuleState};
use crate::lang::Text;
use regorus::Engine;
use serde_json::Value;
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

/// Why a rule that declares no evidence keys cannot pass: it would pass on nothing.
fn no_declared_evidence() -> Text {
    Text::new(
        "the rule declares no evidence keys (METADATA custom.evidence), so it has judged nothing",
        "규칙이 증거 키(METADATA custom.evidence)를 선언하지 않아 아무것도 판단하지 않았습니다",
    )
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
#[derive(Debug, Clone)]
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

/// A finding as a policy produced it, before anchoring and fingerprinting.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFinding {
    pub message: String,
    /// `msg_ko`: the message in Korean.
    pub message_ko: Option<String>,
    pub path: Option<String>,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub level: Option<Level>,
    /// Raised by the passing of time alone (`"dated": true`: a review or scan grown too old).
    pub dated: bool,
    /// The line it points at holds a value that must not be shown (`"sensitive": true`: a
    /// secret, personal data): reports quote no snippet of it.
    pub sensitive: bool,
}

/// The outcome of one rule.
#[derive(Debug, Clone)]
pub struct RuleOutcome {
    pub state: RuleState,
    pub findings: Vec<RawFinding>,
    /// Why the rule was not evaluated or not applicable, when it says.
    pub reasons: Vec<Text>,
    /// The evidence it judged: repository paths and, for history rules, the commit range.
    pub evidence: Vec<String>,
    /// The rule's level in this scan: its METADATA severity after the catalogue's escalation
    /// rule (`escalation.rs`); findings without a level of their own take it.
    pub level: Level,
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
            let header = parse_header(&module.path, &module.text)?;
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

    /// Evaluates the given rules over `input`, in two passes: first every rule that reads only
    /// evidence, then the rules that also read other rules' outcomes (`custom.outcomes`), with
    /// the first pass's outcomes as `data.samdscan.outcomes` (see [`outcomes_data`]). Outcomes
    /// come back in the order of `rules`.
    pub fn evaluate(
        &self,
        rules: &[&Rule],
        input: &Value,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        let mut engine = self.engine(false)?;
        engine.set_input(regorus::Value::from_json_str(&input.to_string()).map_err(rego_error)?);
        let high_risk = escalation::high_risk(&mut engine)?;
        let (first, second): (Vec<usize>, Vec<usize>) =
            (0..rules.len()).partition(|&i| rules[i].meta.custom.outcomes.is_empty());
        let mut done: Vec<(usize, RuleOutcome)> = Vec::with_capacity(rules.len());
        for (pass, order) in [first, second].into_iter().enumerate() {
            if pass == 1 && !order.is_empty() {
                let data = outcomes_data(rules, &done);
                engine
                    .add_data(regorus::Value::from_json_str(&data.to_string()).map_err(rego_error)?)
                    .map_err(rego_error)?;
            }
            for i in order {
                let rule = rules[i];
                match evaluate_rule(&mut engine, rule, input) {
                    Ok(mut outcome) => {
                        escalation::apply(rule, &mut outcome, high_risk);
                        // What ruled a rule out is its own evidence (the profile), not others'.
                        let judged = !matches!(
                            outcome.state,
                            RuleState::NotApplicable | RuleState::NotObservable
                        );
                        if pass == 1 && judged {
                            outcome.evidence =
                                read_outcomes_evidence(rule, rules, &done, outcome.evidence);
                        }
                        done.push((i, outcome));
                    }
                    Err(PolicyError::Rego(message)) => {
                        return Err(rule_failed(rule, input, message, rules, &done));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        done.sort_by_key(|(i, _)| *i);
        Ok(done.into_iter().map(|(_, o)| o).collect())
    }
}

/// The first pass's outcomes as data for the second: `{"samdscan": {"outcomes": {ID: {state,
/// findings}}}}`, where `state` is `passed`, `failed`, `not_applicable`, `not_evaluated` or
/// `not_observable` and `findings` counts the rule's findings. A rule that was not evaluated in
/// this scan (disabled, or not loaded) has no entry.
fn outcomes_data(rules: &[&Rule], done: &[(usize, RuleOutcome)]) -> Value {
    let outcomes: serde_json::Map<String, Value> = done
        .iter()
        .map(|(i, o)| {
            let state = serde_json::to_value(o.state).unwrap_or(Value::Null);
            (
                rules[*i].id().to_string(),
                serde_json::json!({"state": state, "findings": o.findings.len()}),
            )
        })
        .collect();
    serde_json::json!({"samdscan": {"outcomes": outcomes}})
}

/// A second-pass rule judged the evidence of the rules whose outcomes it read, besides its own
/// (`*`, every rule's outcome, adds none: such a rule judges the outcomes, not their evidence).
fn read_outcomes_evidence(
    rule: &Rule,
    rules: &[&Rule],
    done: &[(usize, RuleOutcome)],
    own: Vec<String>,
) -> Vec<String> {
    let mut evidence: std::collections::BTreeSet<String> = own.into_iter().collect();
    for (i, o) in done {
        if rule
            .meta
            .custom
            .outcomes
            .iter()
            .any(|id| id == rules[*i].id())
        {
            evidence.extend(o.evidence.iter().cloned());
        }
    }
    evidence.into_iter().collect()
}

/// The error for a rule whose evaluation failed: its input's size (the commits in the history
/// scope for a history rule), the option that narrows that scope, and the completed rules.
fn rule_failed(
    rule: &Rule,
    input: &Value,
    message: String,
    rules: &[&Rule],
    done: &[(usize, RuleOutcome)],
) -> PolicyError {
    let reads_history = rule
        .meta
        .custom
        .evidence
        .iter()
        .any(|e| e.starts_with("history"));
    let (input, hint) = if reads_history {
        let commits = input
            .pointer("/history/commits")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let scope = input
            .pointer("/history/scope/description")
            .and_then(Value::as_str)
            .unwrap_or("?");
        (
            format!("{commits} commits in the history scope ({scope})"),
            "; narrow the scope with --since N|REF|DATE or history.scope in the config".to_string(),
        )
    } else {
        let keys = rule.meta.custom.evidence.join(", ");
        (format!("the evidence {keys}"), String::new())
    };
    let completed: Vec<String> = done
        .iter()
        .map(|(i, o)| format!("{} {}", rules[*i].id(), o.state.label()))
        .collect();
    let completed = if completed.is_empty() {
        "none".to_string()
    } else {
        completed.join(", ")
    };
    PolicyError::RuleFailed {
        rule: rule.id().to_string(),
        path: rule.path.clone(),
        detail: format!("{input}: {message}{hint}\nrules completed before it: {completed}"),
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

/// regorus's error for a rule path that no module defines (an optional rule left out).
const UNDEFINED_RULE_PATH: &str = "not a valid rule path";

/// Evaluates an optional rule of a package: `None` when undefined or not defined at all.
///
/// `eval_rule` evaluates the rule directly; a query (`eval_query`) would be parsed, compiled and
/// scheduled anew for each of the ~165 rule parts a scan reads.
pub(super) fn query(engine: &mut Engine, path: String) -> Result<Option<Value>, PolicyError> {
    let value = match engine.eval_rule(path) {
        Ok(value) => value,
        Err(e) if e.to_string().contains(UNDEFINED_RULE_PATH) => return Ok(None),
        Err(e) => return Err(rego_error(e)),
    };
    if value == regorus::Value::Undefined {
        return Ok(None);
    }
    let json = value.to_json_str().map_err(rego_error)?;
    Ok(Some(serde_json::from_str(&json).map_err(rego_error)?))
}

fn evaluate_rule(
    engine: &mut Engine,
    rule: &Rule,
    input: &Value,
) -> Result<RuleOutcome, PolicyError> {
    let outcome = |state, reasons, evidence| RuleOutcome {
        state,
        findings: vec![],
        reasons,
        evidence,
        level: rule.meta.custom.severity,
    };
    if !rule.meta.custom.observable {
        return Ok(outcome(RuleState::NotObservable, vec![], vec![]));
    }
    let pkg = format!("data.{}", rule.package);
    let judged = judge(rule, input);
    if query(engine, format!("{pkg}.applicable"))? == Some(Value::Bool(false)) {
        let reasons = reasons(query(engine, format!("{pkg}.not_applicable_because"))?);
        // What ruled it out is the profile, from the config file (when there is one).
        let evidence = config_path(input).into_iter().collect();
        return Ok(outcome(RuleState::NotApplicable, reasons, evidence));
    }
    // A rule may find that this product's evidence for it lives outside any repository.
    let outside = reasons(query(engine, format!("{pkg}.not_observable_because"))?);
    if !outside.is_empty() {
        return Ok(outcome(RuleState::NotObservable, outside, judged.evidence));
    }
    // No input, no pass: without the evidence it needs, a rule is not evaluated at all.
    if !rule.meta.custom.presence && !judged.missing.is_empty() {
        return Ok(outcome(
            RuleState::NotEvaluated,
            judged.missing,
            judged.evidence,
        ));
    }
    let deny = query(engine, format!("{pkg}.deny"))?.unwrap_or(Value::Array(vec![]));
    let items = deny.as_array().cloned().unwrap_or_default();
    let findings = items
        .iter()
        .map(|v| raw_finding(rule, v))
        .collect::<Result<Vec<_>, _>>()?;
    // What was found is always reported; a rule that found nothing but could not check
    // everything it needs is "not evaluated", never "passed".
    let mut reasons = reasons(query(engine, format!("{pkg}.not_evaluated"))?);
    if rule.meta.custom.evidence.is_empty() {
        reasons.push(no_declared_evidence());
    }
    let state = match (findings.is_empty(), reasons.is_empty()) {
        (false, _) => RuleState::Failed,
        (true, false) => RuleState::NotEvaluated,
        (true, true) => RuleState::Passed,
    };
    Ok(RuleOutcome {
        state,
        findings,
        reasons,
        evidence: judged.evidence,
        level: rule.meta.custom.severity,
    })
}

/// The reasons a rule gives: strings (the same text in both languages) or `{msg, msg_ko}`.
fn reasons(v: Option<Value>) -> Vec<Text> {
    let items = match v {
        Some(Value::Array(items)) => items,
        Some(single) => vec![single],
        None => vec![],
    };
    let mut out: Vec<Text> = items.iter().map(reason).collect();
    out.sort();
    out
}

fn reason(v: &Value) -> Text {
    let text = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    match (v.as_str(), text("msg")) {
        (Some(s), _) => Text::new(s, s),
        (None, Some(en)) => {
            let ko = text("msg_ko").unwrap_or_else(|| en.clone());
            Text::new(en, ko)
        }
        (None, None) => Text::new(v.to_string(), v.to_string()),
    }
}

fn raw_finding(rule: &Rule, v: &Value) -> Result<RawFinding, PolicyError> {
    let bad = || PolicyError::BadResult {
        rule: rule.id().into(),
        path: rule.path.clone(),
        got: v.to_string(),
    };
    let message = v
        .get("msg")
        .and_then(Value::as_str)
        .ok_or_else(bad)?
        .to_string();
    let message_ko = match v.get("msg_ko") {
        None | Some(Value::Null) => None,
        Some(m) => Some(m.as_str().ok_or_else(bad)?.to_string()),
    };
    let level = match v.get("level") {
        None | Some(Value::Null) => None,
        Some(l) => Some(l.as_str().and_then(Level::parse).ok_or_else(bad)?),
    };
    let line = v
        .get("line")
        .and_then(Value::as_u64)
        .map(|l| l.max(1) as usize);
    let path = v
        .get("path")
        .and_then(Value::as_str)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    let key = v
        .get("key")
        .map(|k| k.as_str().map_or_else(|| k.to_string(), str::to_string));
    let flag = |name: &str| v.get(name).and_then(Value::as_bool).unwrap_or(false);
    Ok(RawFinding {
        message,
        message_ko,
        path,
        line,
        key,
        level,
        dated: flag("dated"),
        sensitive: flag("sensitive"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reasons_are_strings_or_texts_in_both_languages() {
        let got = reasons(Some(json!([
            {"msg": "no SBOM", "msg_ko": "SBOM 없음"},
            "written in one language",
            {"msg": "only English"}
        ])));
        assert_eq!(
            got,
            vec![
                Text::new("no SBOM", "SBOM 없음"),
                Text::new("only English", "only English"),
                Text::new("written in one language", "written in one language"),
            ]
        );
        assert!(reasons(None).is_empty());
    }

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

    #[test]
    fn a_second_pass_rule_sees_the_first_pass_and_outcomes_keep_their_order() {
        let mut set = PolicySet::default();
        let reader = r#"# METADATA
# title: Reads
# description: Reads the base's outcome.
# custom:
#   id: USER-READ
#   severity: note
#   evidence: [profile]
#   outcomes: [USER-BASE]
package user.read
import rego.v1
deny contains {"msg": sprintf("base %s with %d", [data.samdscan.outcomes["USER-BASE"].state, data.samdscan.outcomes["USER-BASE"].findings])} if true
"#;
        let base = r#"# METADATA
# title: Base
# description: Two findings.
# custom:
#   id: USER-BASE
#   severity: note
#   evidence: [profile]
package user.base
import rego.v1
deny contains {"msg": "x"} if true
deny contains {"msg": "y"} if true
"#;
        set.add_files(vec![
            ("read.rego".to_string(), reader.to_string()),
            ("base.rego".to_string(), base.to_string()),
        ])
        .expect("loads");
        let rules: Vec<&Rule> = set.rules.iter().collect();
        let reader_first = rules[0].id() == "USER-READ";
        let outcomes = set
            .evaluate(&rules, &serde_json::json!({"profile": {"name": "p"}}))
            .expect("evaluates");
        let (read, base) = if reader_first {
            (&outcomes[0], &outcomes[1])
        } else {
            (&outcomes[1], &outcomes[0])
        };
        assert_eq!(base.findings.len(), 2);
        assert_eq!(read.findings.len(), 1);
        assert_eq!(read.findings[0].message, "base failed with 2");
    }

    #[test]
    fn undefined_and_missing_rules_read_as_none() {
        let set = PolicySet::builtin().expect("the built-in pack loads");
        let mut engine = set.engine(false).expect("engine");
        engine.set_input(regorus::Value::new_object());
        let missing = "data.samdscan.mfds.cyb.support_period.no_such_rule".to_string();
        assert_eq!(query(&mut engine, missing).expect("no error"), None);
        let undefined = "data.samdscan.mfds.cyb.support_period.states_date".to_string();
        assert_eq!(query(&mut engine, undefined).expect("no error"), None);
    }
}
