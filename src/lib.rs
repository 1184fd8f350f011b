//! samdscan: checks a medical-device software repository for the evidence Korea's MFDS expects,
//! evaluating Rego policies over an evidence document and reporting SARIF, text, JSON and
//! Markdown.
//!
//! The pipeline runs one way: [`config`] -> [`evidence`] -> [`policy`] -> findings
//! ([`resolve`], [`waiver`]) -> [`report`]. [`app`] wires it for the command line.

pub mod app;
pub mod baseline;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod date;
pub mod evidence;
pub mod finding;
pub mod init_cmd;
pub mod init_templates;
pub mod policy;
pub mod policy_cmd;
pub mod report;
pub mod report_files;
pub mod repository;
pub mod resolve;
pub mod revision_inputs;
pub mod trace_cmd;
pub mod waiver;
pub mod yaml_lines;
