//! The one integration-test binary: every module below tests samdscan from the outside (the
//! CLI, or the library as a user policy author or embedder would), linked once.

mod action;
mod ai_evidence;
mod cli;
mod common;
mod config_errors;
mod contracts;
mod coverage_conformance;
mod dhf_layouts;
mod documents;
mod examples;
mod history;
mod history_base;
mod history_review;
mod init;
mod integration_files;
mod policies;
mod problem_resolution;
mod product_versions;
mod report_files;
mod report_snapshots;
mod robustness;
mod rule_docs;
mod rule_list;
mod supply_chain_lockfiles;
mod supply_chain_pairs;
mod supply_chain_robustness;
mod supply_chain_sbom;
mod tree_diff;
mod trust_states;
mod verification;
mod vulnerability_triage;
mod waivers;
