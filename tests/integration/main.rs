//! The one integration-test binary: every module below tests samdscan from the outside (the
//! CLI, or the library as a user policy author or embedder would), linked once.
#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
#![allow(unreachable_pub)] // helpers shared between test modules of one binary

mod action;
mod ai_evidence;
mod caps;
mod cli;
mod clinical_currency;
mod committed_secrets;
mod common;
mod config_errors;
mod contracts;
mod coverage_conformance;
mod dhf_layouts;
mod documents;
mod dossier;
mod examples;
mod fuzz_smoke;
mod git_objects;
mod history;
mod history_base;
mod history_merges;
mod history_review;
mod history_scale;
mod hostile_inputs;
mod init;
mod integration_files;
mod korean_variants;
mod languages;
mod output_escaping;
mod policies;
mod policy_totality;
mod problem_resolution;
mod product_versions;
mod release_classification;
mod report_files;
mod report_snapshots;
mod robustness;
mod rule_cost;
mod rule_docs;
mod rule_list;
mod sarif_github;
mod sbom_spdx2_encodings;
mod supply_chain_lockfiles;
mod supply_chain_pairs;
mod supply_chain_robustness;
mod supply_chain_sbom;
mod tree_diff;
mod trust_states;
mod user_policy_limits;
mod verification;
mod vulnerability_triage;
mod waivers;
