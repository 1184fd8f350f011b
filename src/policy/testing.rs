//! `samdscan policy test`: runs every `test_*` rule of the `*_test.rego` files, like `opa test`,
//! which regorus does not provide.
//!
//! A test passes when its rule evaluates to `true`; false, undefined or an error fail it.

use super::engine::{Module, PolicyError, PolicySet};
use super::metadata::package_of;
use regex::Regex;
use std::sync::LazyLock;

static TEST_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(test_[A-Za-z0-9_]+)\b").expect("valid test-rule pattern"));

#[derive(Debug, Clone, PartialEq)]
pub struct TestResult {
    pub file: String,
    pub name: String,
    pub passed: bool,
    /// Why a failed test failed (its value, or the error).
    pub detail: Option<String>,
}

/// Which test modules to run (all modules are loaded either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestScope {
    /// Built-in and user tests.
    All,
    /// Only the tests of policies read from directories.
    UserOnly,
}

/// Runs the tests of the test modules in `set` that `scope` selects.
pub fn run_tests(set: &PolicySet, scope: TestScope) -> Result<Vec<TestResult>, PolicyError> {
    let mut engine = set.engine(true)?;
    let mut results = Vec::new();
    let selected = |m: &&Module| m.is_test() && (scope == TestScope::All || !m.builtin);
    for module in set.modules.iter().filter(selected) {
        let Some(package) = package_of(&module.text) else {
            continue;
        };
        let mut names: Vec<&str> = TEST_RULE
            .captures_iter(&module.text)
            .filter_map(|c| c.get(1))
            .map(|m| m.as_str())
            .collect();
        names.dedup();
        for name in names {
            let outcome = engine.eval_rule(format!("data.{package}.{name}"));
            let (passed, detail) = match outcome {
                Ok(regorus::Value::Bool(true)) => (true, None),
                Ok(regorus::Value::Undefined) => (
                    false,
                    Some("undefined (a condition did not hold)".to_string()),
                ),
                Ok(v) => (
                    false,
                    Some(format!(
                        "evaluated to {}",
                        v.to_json_str().unwrap_or_default()
                    )),
                ),
                Err(e) => (false, Some(e.to_string().trim().to_string())),
            };
            results.push(TestResult {
                file: module.path.clone(),
                name: name.to_string(),
                passed,
                detail,
            });
        }
    }
    Ok(results)
}
