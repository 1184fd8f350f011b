//! Parsing helpers shared by the extractors: JSON values, Markdown/CSV tables and headings,
//! XML walking, YAML with its nesting checked, and the last-change dates of paths in git. None of them is an extractor; each
//! turns bytes (or history) into something an extractor judges.

pub mod bounded;
pub mod headings;
pub mod newest_first;
pub mod path_history;
pub mod tables;
pub mod value;
pub mod xml_walk;
pub mod yaml;
