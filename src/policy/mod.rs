//! Rego policies: loading (built in and user directories), METADATA, evaluation, and the
//! policy-test runner.

pub mod engine;
pub mod judged;
pub mod metadata;
pub mod testing;

pub use engine::{PolicyError, PolicySet, RawFinding, Rule, RuleOutcome};
