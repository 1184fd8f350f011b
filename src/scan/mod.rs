//! One scan, step by step: the pipeline (config, evidence, policies, findings), the repository
//! it reads (and the guards on its loose objects and alternates), the revision inputs of `--rev`, finding resolution and waivers, and the base
//! comparison of `--base`.

pub mod alternates;
pub mod baseline;
pub mod evidence_files;
pub mod loose_objects;
pub mod pipeline;
pub mod repository;
pub mod resolve;
pub mod revision_inputs;
pub mod snippets;
pub mod waiver;
