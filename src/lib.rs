//! samdscan: checks a medical-device software repository for the evidence Korea's MFDS expects,
//! evaluating Rego policies over an evidence document and reporting SARIF, text, JSON and
//! Markdown.
//!
//! The pipeline runs one way: [`config`] -> [`evidence`] -> [`policy`] -> findings
//! ([`finding`], [`scan`]) -> [`report`] -> [`output`]. [`cmd`] holds the subcommands, which
//! only dispatch; [`scan::pipeline`] wires one scan. The `fuzzing` feature adds `fuzzing`, the
//! entry points of the fuzz targets in `fuzz/`.

pub mod catalogue;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod date;
pub mod evidence;
pub mod excerpt;
pub mod finding;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod lang;
pub mod nesting;
pub mod output;
pub mod policy;
pub mod report;
pub mod scan;
pub mod selftest;
