//! Rego policies: loading (built in and user directories), what a policy may not call,
//! METADATA, evaluation, and the policy-test runner.

mod calls;
pub mod engine;
mod escalation;
pub mod evaluation;
mod input;
pub mod judged;
pub mod metadata;
mod metadata_block;
mod restrictions;
pub mod testing;

pub use engine::{PolicyError, PolicySet, Rule};
pub use evaluation::{Evaluator, RawFinding, RuleOutcome};
