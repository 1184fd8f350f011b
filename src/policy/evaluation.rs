//! Evaluates rules over the evidence document: each rule's parts (`applicable`,
//! `not_applicable_because`, `not_observable_because`, `deny`, `not_evaluated`) become its
//! outcome, in two passes (rules that read other rules' outcomes go second).
//!
//! The engine is prepared once, while the evidence is collected: the second pass reads the
//! first pass's outcomes through a `with` modifier, since adding them as data would make
//! regorus prepare every module again. The first pass's rules are independent of each other,
//! so they are shared out between copies of the prepared engine on several threads; their
//! outcomes, and the first error, are taken in the rules' order, as one thread would have met
//! them.
//!
//! The engine itself never lets a rule pass on no input: a rule whose declared evidence is
//! absent is "not evaluated" before its `deny` runs (presence rules excepted; see
//! [`super::judged`]), and every outcome names the evidence the rule judged.

use super::engine::{PolicyError, PolicySet, Rule, rego_error};
use super::escalation;
use super::input::rego_input;
use super::judged::{config_path, judge};
use crate::evidence::{CommitList, Evidence};
use crate::finding::{Level, RuleState};
use crate::lang::Text;
use regorus::Engine;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Why a rule that declares no evidence keys cannot pass: it would pass on nothing.
fn no_declared_evidence() -> Text {
    Text::new(
        "the rule declares no evidence keys (METADATA custom.evidence), so it has judged nothing",
        "규칙이 증거 키(METADATA custom.evidence)를 선언하지 않아 아무것도 판단하지 않았습니다",
    )
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

/// An engine holding every module of a [`PolicySet`], parsed and prepared: made while the
/// evidence is collected, then used once by [`Evaluator::evaluate`]. A copy costs little (the
/// parsed modules are shared), so a `--base` scan's two sides prepare one.
#[derive(Clone)]
pub struct Evaluator {
    engine: Engine,
}

impl PolicySet {
    /// Parses every (non-test) module into an [`Evaluator`], and prepares it (see [`prepare`]).
    pub fn evaluator(&self) -> Result<Evaluator, PolicyError> {
        let mut engine = self.engine(false)?;
        prepare(&mut engine);
        Ok(Evaluator { engine })
    }

    /// Evaluates the given rules over `input` (see [`Evaluator::evaluate`]).
    pub fn evaluate(
        &self,
        rules: &[&Rule],
        input: &Evidence,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        self.evaluator()?.evaluate(rules, input)
    }
}

impl Evaluator {
    /// Evaluates the given rules over `input`, in two passes: first every rule that reads only
    /// evidence, then the rules that also read other rules' outcomes (`custom.outcomes`), with
    /// the first pass's outcomes as `data.samdscan.outcomes` (see [`outcomes_data`]). Outcomes
    /// come back in the order of `rules`.
    pub fn evaluate(
        self,
        rules: &[&Rule],
        input: &Evidence,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        self.evaluate_over(rules, input, input.commits().cloned())
    }

    /// [`Evaluator::evaluate`], with `input`'s commit records given up to the engine's input
    /// ([`Evidence::give_up_commits`]), which frees each record's text once it has its copy.
    pub fn evaluate_giving_up_commits(
        self,
        rules: &[&Rule],
        input: &mut Evidence,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        let commits = input.give_up_commits();
        self.evaluate_over(rules, input, commits)
    }

    fn evaluate_over(
        mut self,
        rules: &[&Rule],
        input: &Evidence,
        commits: Option<CommitList>,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        let outcomes = self.evaluate_passes(rules, input, commits);
        // Freeing the engine's many small values takes a few milliseconds that the report
        // need not wait for.
        let engine = self.engine;
        std::thread::spawn(move || drop(engine));
        outcomes
    }

    fn evaluate_passes(
        &mut self,
        rules: &[&Rule],
        input: &Evidence,
        commits: Option<CommitList>,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        let engine = &mut self.engine;
        engine.set_input(rego_input(input.document(), commits)?);
        let high_risk = escalation::high_risk(engine)?;
        let mut done: Vec<(usize, RuleOutcome)> = Vec::with_capacity(rules.len());
        for (pass, order) in passes(rules).into_iter().enumerate() {
            let mut shared_out = if pass == 0 {
                evaluate_shared_out(engine, rules, &order, input)
            } else {
                vec![]
            }
            .into_iter();
            let mut parts = Parts {
                engine: &mut *engine,
                with: None,
            };
            if pass == 1 && !order.is_empty() {
                let data = outcomes_data(rules, &done);
                // One entry a line: regorus limits a query line to 1,024 columns.
                let data = serde_json::to_string_pretty(&data).map_err(rego_error)?;
                parts.with = Some(format!(" with data.samdscan.outcomes as {data}"));
            }
            for i in order {
                let rule = rules[i];
                let outcome = match shared_out.next().flatten() {
                    Some(outcome) => outcome,
                    None => evaluate_rule(&mut parts, rule, input),
                };
                match outcome {
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

/// The most threads the first pass is shared out between, and the fewest rules each takes on
/// average (a copy of the engine and a thread cost about as much as evaluating a few rules).
const MAX_THREADS: usize = 4;
const MIN_RULES_PER_THREAD: usize = 8;

/// Evaluates the rules of `order` (independent of each other) on copies of `engine` on several
/// threads, each taking the next rule not yet taken, until all are taken or one fails: the
/// outcome of each, in `order`. Every rule before a failed one is taken before it, so its
/// outcome is there; a rule after it may have none (`None`: never evaluated).
fn evaluate_shared_out(
    engine: &mut Engine,
    rules: &[&Rule],
    order: &[usize],
    input: &Evidence,
) -> Vec<Option<Result<RuleOutcome, PolicyError>>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_THREADS)
        .min(order.len() / MIN_RULES_PER_THREAD);
    if threads < 2 {
        return vec![];
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let work = |engine: &mut Engine| {
        let mut parts = Parts { engine, with: None };
        let mut outcomes = vec![];
        while !failed.load(Ordering::Relaxed) {
            let taken = next.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = order.get(taken) else { break };
            let outcome = evaluate_rule(&mut parts, rules[i], input);
            failed.fetch_or(outcome.is_err(), Ordering::Relaxed);
            outcomes.push((taken, outcome));
        }
        outcomes
    };
    let mut outcomes: Vec<Option<Result<RuleOutcome, PolicyError>>> =
        std::iter::repeat_with(|| None).take(order.len()).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .map(|_| {
                let mut copy = engine.clone();
                scope.spawn(move || work(&mut copy))
            })
            .collect();
        let mut taken = work(engine);
        for helper in helpers {
            match helper.join() {
                Ok(more) => taken.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (k, outcome) in taken {
            outcomes[k] = Some(outcome);
        }
    });
    outcomes
}

/// The indexes of `rules` in each pass: those that read evidence only, then those that also
/// read other rules' outcomes.
fn passes(rules: &[&Rule]) -> [Vec<usize>; 2] {
    let (first, second) = (0..rules.len()).partition(|&i| rules[i].meta.custom.outcomes.is_empty());
    [first, second]
}

/// The first pass's outcomes as data for the second, `data.samdscan.outcomes`: `{ID: {state,
/// findings}}`, where `state` is `passed`, `failed`, `not_applicable`, `not_evaluated` or
/// `not_observable` and `findings` counts the rule's findings. A rule that was not evaluated in
/// this scan (disabled, or not loaded) has no entry. Its JSON is a Rego object literal.
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
    Value::Object(outcomes)
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
    input: &Evidence,
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
        let commits = input.commit_count();
        let scope = input
            .document()
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

/// regorus's error for a rule path that no module defines (an optional rule left out).
const UNDEFINED_RULE_PATH: &str = "not a valid rule path";

/// regorus analyses, schedules and hoists every module on the first evaluation after its
/// modules or data change, at about the cost of parsing them. Evaluating the bare `data` path,
/// which is no rule, does that and nothing else; its error is expected. Had the preparation
/// itself failed, the first real evaluation tries again and reports the error.
fn prepare(engine: &mut Engine) {
    let _not_a_rule = engine.eval_rule("data".to_string());
}

/// Reads the parts of rules: each by `eval_rule`, or, when the parts must see data that the
/// prepared engine does not hold, by a query with that `with` modifier.
struct Parts<'e> {
    engine: &'e mut Engine,
    with: Option<String>,
}

impl Parts<'_> {
    /// An optional part of a rule (`data.PKG.PART`): `None` when undefined or not defined.
    fn get(&mut self, path: String) -> Result<Option<Value>, PolicyError> {
        let Some(with) = &self.with else {
            return query(self.engine, path);
        };
        let results = self
            .engine
            .eval_query(format!("{path}{with}"), false)
            .map_err(rego_error)?;
        let value = results
            .result
            .into_iter()
            .next()
            .and_then(|r| r.expressions.into_iter().next())
            .map_or(regorus::Value::Undefined, |e| e.value);
        to_json(value)
    }
}

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
    to_json(value)
}

fn to_json(value: regorus::Value) -> Result<Option<Value>, PolicyError> {
    if value == regorus::Value::Undefined {
        return Ok(None);
    }
    let json = value.to_json_str().map_err(rego_error)?;
    Ok(Some(serde_json::from_str(&json).map_err(rego_error)?))
}

fn evaluate_rule(
    parts: &mut Parts,
    rule: &Rule,
    input: &Evidence,
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
    if parts.get(format!("{pkg}.applicable"))? == Some(Value::Bool(false)) {
        let reasons = reasons(parts.get(format!("{pkg}.not_applicable_because"))?);
        // What ruled it out is the profile, from the config file (when there is one).
        let evidence = config_path(input.document()).into_iter().collect();
        return Ok(outcome(RuleState::NotApplicable, reasons, evidence));
    }
    // A rule may find that this product's evidence for it lives outside any repository.
    let outside = reasons(parts.get(format!("{pkg}.not_observable_because"))?);
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
    let deny = parts
        .get(format!("{pkg}.deny"))?
        .unwrap_or(Value::Array(vec![]));
    let items = deny.as_array().cloned().unwrap_or_default();
    let findings = items
        .iter()
        .map(|v| raw_finding(rule, v))
        .collect::<Result<Vec<_>, _>>()?;
    // What was found is always reported; a rule that found nothing but could not check
    // everything it needs is "not evaluated", never "passed".
    let mut reasons = reasons(parts.get(format!("{pkg}.not_evaluated"))?);
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
            .evaluate(&rules, &Evidence::from(json!({"profile": {"name": "p"}})))
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

    /// `count` user rules, `USER-00`..., each with one finding (its id); the rule numbered
    /// `failing` divides by zero.
    fn numbered_rules(count: usize, failing: usize) -> PolicySet {
        let files = (0..count)
            .map(|n| {
                let divisor = if n == failing { 0 } else { 1 };
                let text = format!(
                    "# METADATA\n# title: Rule {n}\n# description: One finding.\n# custom:\n\
                     #   id: USER-{n:02}\n#   severity: note\n#   evidence: [profile]\n\
                     package user.r{n}\nimport rego.v1\n\
                     deny contains {{\"msg\": sprintf(\"%d\", [{n} / {divisor}])}} if true\n"
                );
                (format!("r{n:02}.rego"), text)
            })
            .collect();
        let mut set = PolicySet::default();
        set.add_files(files).expect("loads");
        set
    }

    #[test]
    fn rules_shared_out_between_threads_keep_their_outcomes_and_order() {
        let set = numbered_rules(40, usize::MAX);
        let rules: Vec<&Rule> = set.rules.iter().collect();
        let input = Evidence::from(json!({"profile": {"name": "p"}}));
        let together = set.evaluate(&rules, &input).expect("evaluates");
        for (rule, outcome) in rules.iter().zip(&together) {
            let alone = set.evaluate(&[rule], &input).expect("evaluates alone");
            let number: usize = rule.id()["USER-".len()..].parse().expect("numbered");
            assert_eq!(outcome.findings, alone[0].findings);
            assert_eq!(outcome.findings[0].message, number.to_string());
        }
    }

    #[test]
    fn the_first_failed_rule_in_order_is_reported_with_every_rule_before_it() {
        let set = numbered_rules(40, 23);
        let rules: Vec<&Rule> = set.rules.iter().collect();
        let err = set
            .evaluate(&rules, &Evidence::from(json!({"profile": {"name": "p"}})))
            .expect_err("USER-23 fails")
            .to_string();
        let before: Vec<String> = rules
            .iter()
            .take_while(|r| r.id() != "USER-23")
            .map(|r| format!("{} failed", r.id()))
            .collect();
        assert!(err.starts_with("USER-23 "), "{err}");
        assert!(
            err.ends_with(&format!("rules completed before it: {}", before.join(", "))),
            "{err}"
        );
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
