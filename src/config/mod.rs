//! The user's `.samdscan.yaml`: where it is found, its typed shape, and the errors that point into it.
//!
//! Unknown keys, wrong types and unusable values (globs, regular expressions, dates) are errors
//! naming the file, line, column and key (exit 2), all of them at once. Values that are of the
//! right type but out of range (`grade: 5`) are not errors here: the product profile is handed to
//! the policies as written, and MFDS-GEN-001 judges it, so the scan goes on.

mod byte_size;
mod check;
mod file;
mod inside_root;
mod problems;
mod shape;
pub mod yaml_lines;

use crate::date::Date;
use crate::finding::Level;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yaml_lines::YamlLines;

pub use byte_size::ByteSize;
pub use file::{MAX_CONFIG_SIZE, check_size as check_config_size};
pub use problems::ConfigProblem;

/// Where samdscan looks for a config file, in order, relative to the scan root.
pub const CONFIG_LOCATIONS: [&str; 2] = [".samdscan.yaml", ".github/samdscan.yaml"];

/// Default evidence index location (DESIGN.md §3).
pub const DEFAULT_EVIDENCE_INDEX: &str = "regulatory/evidence-index.yaml";

/// Default for how long a plan or threat model may go unreviewed: a year.
pub const DEFAULT_MAX_DOCUMENT_AGE_DAYS: u32 = 365;
/// How many days old the newest vulnerability scan may be (MFDS-CYB-004).
pub const DEFAULT_MAX_SCAN_AGE_DAYS: u32 = 30;

/// Default cap on the size of any evidence file samdscan opens.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read config")]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// A file samdscan will not read as a config (outside the repository, too large).
    #[error("{path}: {reason}")]
    Refused { path: String, reason: String },
    /// Every problem of the file, in file order. `main` prints the first line after `error: `;
    /// each further problem gets its own `error: ` line.
    #[error("{}", problems::lines(path, problems))]
    Invalid {
        path: String,
        problems: Vec<ConfigProblem>,
    },
}

/// The whole config file. Every section is optional.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub product: Option<Product>,
    #[serde(default)]
    pub evidence: EvidenceConfig,
    #[serde(default)]
    pub history: HistoryConfig,
    #[serde(default)]
    pub verification: VerificationConfig,
    #[serde(default)]
    pub policies: PoliciesConfig,
    #[serde(default)]
    pub waivers: Vec<Waiver>,
    #[serde(default)]
    pub report: ReportConfig,
}

/// `report:`: how reports are written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportConfig {
    /// The language of reports when `--lang` is not given (`en` or `ko`).
    pub lang: Option<crate::lang::Lang>,
}

/// The regulatory product profile, kept as written: policies judge its values.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub name: Option<String>,
    pub version: Option<String>,
    pub regime: Option<String>,
    pub grade: Option<i64>,
    pub route: Option<String>,
    pub product_code: Option<String>,
    pub dmd_type: Option<String>,
    pub connected: Option<bool>,
    pub ui: Option<bool>,
    pub marketed: Option<bool>,
    pub combination_product: Option<bool>,
    pub processes_patient_data: Option<bool>,
    pub markets: Option<Vec<String>>,
    /// FDA premarket cybersecurity documentation level (`basic` or `enhanced`), for the US.
    pub documentation_level: Option<String>,
    pub intended_use_ref: Option<String>,
    pub ai: Option<AiProfile>,
    pub software_systems: Option<Vec<SoftwareSystem>>,
    pub safety_critical_paths: Option<Vec<String>>,
    /// Globs of user-interface files (screens, layouts, UI strings); a change to them needs a
    /// usability re-evaluation (MFDS-USE-002).
    pub ui_paths: Option<Vec<String>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AiProfile {
    pub enabled: Option<bool>,
    pub generative: Option<bool>,
    pub pccp: Option<bool>,
    pub models: Option<Vec<String>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SoftwareSystem {
    pub name: Option<String>,
    pub paths: Option<Vec<String>>,
    pub safety_class: Option<String>,
    pub safety_class_rationale_ref: Option<String>,
}

/// `evidence:`: the evidence index, the size cap, and one glob list per evidence kind.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct EvidenceConfig {
    pub index: Option<String>,
    pub max_file_size: Option<ByteSize>,
    /// How many days a plan or threat model may go unreviewed (default 365).
    pub max_document_age_days: Option<u32>,
    /// How many days old the newest vulnerability scan may be (default 30).
    pub max_scan_age_days: Option<u32>,
    /// Glob overrides keyed by evidence kind; keys are checked against the known kinds.
    #[serde(flatten)]
    pub globs: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryConfig {
    pub scope: Option<String>,
    /// `--since` from the command line; wins over `scope`.
    #[serde(skip)]
    pub since: Option<String>,
    pub release_tags: Option<String>,
    pub change_reference: Option<String>,
}

impl HistoryConfig {
    /// The scope in force and where it was written (`--since` or `config`): the command line
    /// wins over `history.scope`. `None` when neither says.
    pub fn chosen_scope(&self) -> Option<(&str, &'static str)> {
        match (&self.since, &self.scope) {
            (Some(s), _) => Some((s, "--since")),
            (None, Some(s)) => Some((s, "config")),
            (None, None) => None,
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerificationConfig {
    pub requirement_id: Option<String>,
    pub coverage: Option<BTreeMap<String, CoverageThreshold>>,
    /// Literal markers that introduce requirement references in code (`Verifies:`, `@req`).
    pub reference_markers: Option<Vec<String>>,
    /// Severity and probability scales of the risk management plan, lowest first.
    pub risk_scales: Option<RiskScales>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageThreshold {
    pub line: Option<f64>,
    pub branch: Option<f64>,
}

/// The plan's risk scales (ISO 14971 §4.4): level names lowest first, and the score
/// (severity rank x probability rank, ranks from 1) from which a risk is unacceptable.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskScales {
    pub severity: Option<Vec<String>>,
    pub probability: Option<Vec<String>>,
    pub unacceptable_from: Option<u32>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoliciesConfig {
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub disable: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
}

/// A waiver is a quality record: who accepted which finding, why, until when, under which record.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub rule: String,
    pub path: Option<String>,
    pub fingerprint: Option<String>,
    pub reason: String,
    pub approved_by: String,
    pub expires: Date,
    #[serde(rename = "ref")]
    pub reference: String,
}

/// A config as loaded: its typed content, where it came from, and where each key sits.
#[derive(Debug, Default, Clone)]
pub struct LoadedConfig {
    pub config: Config,
    /// Repository-relative path of the config file, when one was read from the repository.
    pub path: Option<String>,
    /// The file as errors name it (`.samdscan.yaml`, `--config`'s path, `SHORTID:PATH`).
    pub shown: String,
    pub lines: YamlLines,
}

impl LoadedConfig {
    pub fn max_file_size(&self) -> u64 {
        self.config
            .evidence
            .max_file_size
            .map_or(DEFAULT_MAX_FILE_SIZE, |s| s.0)
    }

    pub fn evidence_index_path(&self) -> &str {
        self.config
            .evidence
            .index
            .as_deref()
            .unwrap_or(DEFAULT_EVIDENCE_INDEX)
    }

    pub fn max_document_age_days(&self) -> u32 {
        self.config
            .evidence
            .max_document_age_days
            .unwrap_or(DEFAULT_MAX_DOCUMENT_AGE_DAYS)
    }

    pub fn max_scan_age_days(&self) -> u32 {
        self.config
            .evidence
            .max_scan_age_days
            .unwrap_or(DEFAULT_MAX_SCAN_AGE_DAYS)
    }

    /// The line of a dotted key (`product.grade`) in the config file, if present.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.lines.line_of(key)
    }

    /// The line and column of a dotted key in the config file, if present.
    pub fn position_of(&self, key: &str) -> Option<(usize, usize)> {
        self.lines.position_of(key)
    }
}

/// How the user asked for the config to be found.
#[derive(Debug, Clone)]
pub enum ConfigChoice {
    Discover,
    File(PathBuf),
    None,
}

/// Finds and parses the config for a scan rooted at `root`; `known_kinds` are the evidence kinds
/// that `evidence:` may name (the extractors' kinds: the config knows nothing of extractors).
pub fn load_config(
    root: &Path,
    choice: &ConfigChoice,
    known_kinds: &[&str],
) -> Result<LoadedConfig, ConfigError> {
    let (file, shown) = match choice {
        ConfigChoice::None => return Ok(LoadedConfig::default()),
        ConfigChoice::File(p) => (p.clone(), p.display().to_string()),
        ConfigChoice::Discover => match file::discover(root, &CONFIG_LOCATIONS)? {
            Some(found) => found,
            None => return Ok(LoadedConfig::default()),
        },
    };
    let text = file::read(&file, &shown)?;
    let mut loaded = parse_config(&text, &shown, known_kinds)?;
    let outside = inside_root::resolved_problems(root, &loaded.config);
    if !outside.is_empty() {
        return Err(ConfigError::Invalid {
            path: shown,
            problems: problems::locate(outside, &loaded.lines, &text),
        });
    }
    loaded.path = repo_relative(root, &file);
    Ok(loaded)
}

fn repo_relative(root: &Path, file: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    let file = file.canonicalize().ok()?;
    let rel = file.strip_prefix(&root).ok()?;
    Some(rel.to_str()?.replace('\\', "/"))
}

/// Parses config text; `shown` names the file in errors. Every problem is reported, not only
/// the first: the text is read as a YAML value, checked against the known shape, and only then
/// deserialised into the typed config.
pub fn parse_config(
    text: &str,
    shown: &str,
    known_kinds: &[&str],
) -> Result<LoadedConfig, ConfigError> {
    let lines = YamlLines::index(text);
    let invalid = |problems| ConfigError::Invalid {
        path: shown.to_string(),
        problems,
    };
    if let Some((line, message)) = crate::nesting::yaml_depth_problem(text) {
        let key = String::new();
        return Err(invalid(vec![ConfigProblem {
            line,
            column: 1,
            key,
            message,
        }]));
    }
    let config: Config = if text.trim().is_empty() {
        Config::default()
    } else {
        let value: yaml_serde::Value =
            yaml_serde::from_str(text).map_err(|e| invalid(vec![ConfigProblem::from_serde(&e)]))?;
        if value.is_null() {
            return Ok(LoadedConfig {
                shown: shown.to_string(),
                lines,
                ..LoadedConfig::default()
            });
        }
        let found = check::check(&value, &shape::CONFIG, known_kinds);
        if !found.is_empty() {
            return Err(invalid(problems::locate(found, &lines, text)));
        }
        yaml_serde::from_str(text).map_err(|e| invalid(vec![ConfigProblem::from_serde(&e)]))?
    };
    Ok(LoadedConfig {
        config,
        path: None,
        shown: shown.to_string(),
        lines,
    })
}

#[cfg(test)]
mod tests {
    const KINDS: &[&str] = &["sbom", "lockfile"];
    use super::*;

    #[test]
    fn unknown_key_names_line_and_key() {
        let err =
            parse_config("product:\n  name: X\n  grdae: 3\n", ".samdscan.yaml", KINDS).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with(".samdscan.yaml:3:"), "{text}");
        assert!(text.contains("grdae"), "{text}");
    }

    #[test]
    fn wrong_type_is_an_error() {
        let err = parse_config("product:\n  grade: three\n", "c.yaml", KINDS).unwrap_err();
        assert!(err.to_string().starts_with("c.yaml:2:"), "{err}");
    }

    #[test]
    fn out_of_range_grade_is_not_a_config_error() {
        let c = parse_config("product:\n  grade: 5\n", "c.yaml", KINDS).unwrap();
        assert_eq!(c.config.product.unwrap().grade, Some(5));
    }

    /// What the shape check lets through, the typed config accepts: otherwise only serde's
    /// first error would be reported.
    #[test]
    fn what_the_check_accepts_deserialises() {
        for yaml in [
            "product:\n  name: 12\n  version: 1.2\n  grade: 5\n  connected: true\n",
            "product:\n  markets:\n  ai:\n",
            "policies:\n  disable:\n  severity: {MFDS-CYB-001: note}\n",
            "evidence:\n  max_file_size: 1024\n  sbom: ['*.json']\n",
            "evidence:\nhistory:\n  scope: ~\nwaivers:\n",
            "verification:\n  coverage: {B: {line: 60.5, branch: 50}}\n",
            "# only a comment\n",
        ] {
            let parsed = parse_config(yaml, "c.yaml", KINDS);
            assert!(parsed.is_ok(), "{yaml}: {}", parsed.unwrap_err());
        }
        let err = parse_config("evidence:\n  sbom:\n", "c.yaml", KINDS).unwrap_err();
        assert!(
            err.to_string().contains("evidence.sbom: expected a list"),
            "{err}"
        );
    }

    #[test]
    fn unknown_evidence_kind_is_reported_at_its_line() {
        let err = parse_config(
            "evidence:\n  index: x.yaml\n  sbomz: ['a']\n",
            "c.yaml",
            KINDS,
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("c.yaml:3:"), "{err}");
        assert!(err.to_string().contains("sbomz"), "{err}");
    }

    #[test]
    fn waiver_needs_reason() {
        let err = parse_config(
            "waivers:\n  - rule: MFDS-CYB-006\n    approved_by: QA\n    expires: 2027-01-01\n    ref: CAPA-1\n",
            "c.yaml",
            KINDS,
        )
        .unwrap_err();
        assert!(err.to_string().contains("reason"), "{err}");
    }
}
