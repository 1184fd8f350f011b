//! The `# METADATA` block atop each policy: the single source of a rule's documentation, read by
//! samdscan itself because regorus does not expose annotations.
//!
//! It feeds `policy list`, `policy explain`, the SARIF rule descriptors and the generated rule
//! pages, so a rule is documented in exactly one place.

use crate::finding::Level;
use crate::lang::Lang;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, thiserror::Error)]
pub enum MetadataError {
    #[error("{path}: no `# METADATA` block before the package line")]
    Missing { path: String },
    #[error("{path}:{line}: METADATA is not valid YAML: {message}")]
    Yaml {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: METADATA is missing required field `{field}`")]
    MissingField {
        path: String,
        line: usize,
        field: &'static str,
    },
    #[error("{path}: no `package` line")]
    NoPackage { path: String },
}

/// The METADATA fields a rule cannot do without (docs/developing.md lists them too).
pub const REQUIRED_FIELDS: &[&str] = &["title", "description", "custom.id", "custom.severity"];

/// A reference to a regulation, standard or guidance, or to one of its clauses: `source` names
/// the document with its edition (`IEC 62304:2006+A1:2015`), `clause` its number alone (`8.1.1`,
/// `Art. 11`) and `title` the clause's title, or the part of the document when it has no number.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub source: String,
    #[serde(default)]
    pub clause: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// An edition in a source: a year (`:2019`, `(2025-01-24)`, `안내서-0612-04, 2023-07-05`), or
/// the admission that it was not verified.
static EDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(19|20)\d\d\b|\(.*edition not verified\)").expect("valid edition pattern")
});

/// A clause number and nothing else: numbers (`8.1.1`, `V.A.4.b`, `§524B(b)(1)`, `DC-03`), with
/// `Art.`, `Annex`, `Principle` and the like before them, joined by `, `, `; `, ` and ` or a dash.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"(§?([0-9]+[A-Z]?|[IVX]+|[A-Z]{1,2})([.\-][0-9A-Za-z]+)*(\([0-9a-z]+\))*)";
    let prefix = r"((Art|Arts)\. |Annex |Appendix |Principles? |Pillar )?";
    let item = format!(r"{prefix}{number}(-({number}|(\([0-9a-z]+\))+))?");
    Regex::new(&format!(r"^{item}((, |; | and | ){item})*$")).expect("valid clause pattern")
});

impl Reference {
    /// `IEC 62304:2006+A1:2015 §8.1.1 Establish means to identify configuration items`, or
    /// `source: title` when the reference has no clause number.
    pub fn label(&self) -> String {
        let mut label = self.source.clone();
        if let Some(clause) = &self.clause {
            let mark = if clause.starts_with(|c: char| c.is_ascii_digit()) {
                "§"
            } else {
                ""
            };
            label.push_str(&format!(" {mark}{clause}"));
        }
        match (&self.title, &self.clause) {
            (Some(title), Some(_)) => label.push_str(&format!(" {title}")),
            (Some(title), None) => label.push_str(&format!(": {title}")),
            (None, _) => {}
        }
        label
    }

    /// The source without a closing parenthesis of edition or id (`MFDS generative AI medical
    /// device approval/review guideline`): a short name, for tags.
    pub fn document(&self) -> &str {
        match self.source.rfind(" (") {
            Some(i) if self.source.ends_with(')') => &self.source[..i],
            _ => &self.source,
        }
    }

    /// What a built-in rule's reference lacks: an edition in `source`, or a `clause` that is a
    /// number only (its title goes in `title`).
    pub fn problem(&self) -> Option<String> {
        if !EDITION.is_match(&self.source) {
            return Some(format!(
                "source `{}` names no edition (year or date)",
                self.source
            ));
        }
        match &self.clause {
            Some(clause) if !CLAUSE.is_match(clause) => Some(format!(
                "clause `{clause}` of {} is not a clause number alone (put the clause's title in `title`)",
                self.source
            )),
            _ => None,
        }
    }
}

/// A rule's texts in a second language (`custom.ko`): built-in rules must give all three.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub recommended_action: Option<String>,
    #[serde(default)]
    pub applies: Option<String>,
    #[serde(default)]
    pub escalation: Option<String>,
}

/// The `custom:` part of METADATA: samdscan's own fields.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Custom {
    pub id: String,
    pub severity: Level,
    #[serde(default)]
    pub pillar: Option<String>,
    #[serde(default)]
    pub references: Vec<Reference>,
    #[serde(default)]
    pub recommended_action: Option<String>,
    /// Evidence keys the rule reads; `key?` marks one it can do without.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Rules whose outcomes this rule reads (`data.samdscan.outcomes[ID]`: `state`, `findings`):
    /// it is evaluated after every rule that reads evidence only, and judges their evidence too.
    /// `*` reads every such rule's outcome, without taking on their evidence.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// A presence rule reports missing evidence itself, so it is evaluated without it.
    #[serde(default)]
    pub presence: bool,
    /// How the rule depends on grade, safety class or AI, in words.
    #[serde(default)]
    pub applies: Option<String>,
    /// How its level escalates, in words.
    #[serde(default)]
    pub escalation: Option<String>,
    /// Whether the catalogue's escalation rule (§0.3: a warning becomes an error for grade 4 or
    /// any class C software system) applies to the rule's findings. Unset: yes for the
    /// catalogue's own rules (`MFDS-` ids), no for others. See [`Custom::escalates`].
    #[serde(default, rename = "escalates")]
    pub escalates_declared: Option<bool>,
    /// `false` for a rule that judges the evidence index's external records themselves (a
    /// certificate's expiry): such a record does not turn its findings into attested notes.
    #[serde(default = "yes")]
    pub attestable: bool,
    /// `false` for an expectation a repository cannot show: reported as "not observable".
    #[serde(default = "yes")]
    pub observable: bool,
    /// Marks a rule outside pillar P2 as a security rule. The SARIF `security-severity` comes
    /// from the finding's level and the profile (`report::sarif::severity`), not from this value.
    #[serde(default)]
    pub security_severity: Option<f64>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// How often a finding of the rule is right (SARIF `precision`): heading or keyword
    /// heuristics are `medium`, computed comparisons `high`. Built-in rules must say.
    #[serde(default)]
    pub precision: Option<Precision>,
    /// `established` or `anticipated` (regulatory catalogue §0.2).
    #[serde(default)]
    pub status: Option<String>,
    /// The samdscan version that introduced the rule (built-in rules must say).
    #[serde(default)]
    pub since: Option<String>,
    /// A deprecated rule still runs; `replaced_by` names the rule to move to.
    #[serde(default)]
    pub deprecated: bool,
    #[serde(default)]
    pub replaced_by: Option<String>,
    /// Where a user policy's documentation lives (built-in rules link to samdscan's docs).
    #[serde(default)]
    pub help_uri: Option<String>,
    /// The rule's title, description and recommended action in Korean.
    #[serde(default)]
    pub ko: Option<Translation>,
}

impl Custom {
    /// Whether the catalogue's escalation rule applies: as declared, else for `MFDS-` rules.
    pub fn escalates(&self) -> bool {
        self.escalates_declared
            .unwrap_or_else(|| self.id.starts_with("MFDS-"))
    }
}

/// SARIF's (and CodeQL's) precision scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Low,
    Medium,
    High,
    VeryHigh,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Low => "low",
            Precision::Medium => "medium",
            Precision::High => "high",
            Precision::VeryHigh => "very-high",
        }
    }
}

impl Custom {
    /// Deprecated, or replaced by another rule (which implies it).
    pub fn is_deprecated(&self) -> bool {
        self.deprecated || self.replaced_by.is_some()
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Metadata {
    pub title: String,
    pub description: String,
    pub custom: Custom,
    /// Shipped with samdscan (not read from METADATA: set by where the policy was loaded from).
    #[serde(skip, default = "yes")]
    pub builtin: bool,
}

impl Metadata {
    /// The Korean text `pick` chooses when `lang` is Korean and the rule gives it, else English.
    fn text_in<'a>(
        &'a self,
        lang: Lang,
        english: Option<&'a str>,
        pick: impl Fn(&'a Translation) -> Option<&'a String>,
    ) -> Option<&'a str> {
        let korean = match lang {
            Lang::Ko => self.custom.ko.as_ref().and_then(pick).map(String::as_str),
            Lang::En => None,
        };
        korean.or(english)
    }

    pub fn title_in(&self, lang: Lang) -> &str {
        self.text_in(lang, Some(&self.title), |t| t.title.as_ref())
            .unwrap_or_default()
    }

    pub fn description_in(&self, lang: Lang) -> &str {
        self.text_in(lang, Some(&self.description), |t| t.description.as_ref())
            .unwrap_or_default()
    }

    pub fn recommended_action_in(&self, lang: Lang) -> Option<&str> {
        let english = self.custom.recommended_action.as_deref();
        self.text_in(lang, english, |t| t.recommended_action.as_ref())
    }

    /// When the rule applies, in words.
    pub fn applies_in(&self, lang: Lang) -> Option<&str> {
        let english = self.custom.applies.as_deref();
        self.text_in(lang, english, |t| t.applies.as_ref())
    }

    /// How the rule's level escalates with grade, class or profile, in words.
    pub fn escalation_in(&self, lang: Lang) -> Option<&str> {
        let english = self.custom.escalation.as_deref();
        self.text_in(lang, english, |t| t.escalation.as_ref())
    }
}

/// What a policy file declares: its package and its METADATA.
#[derive(Debug, Clone)]
pub struct PolicyHeader {
    pub package: String,
    pub metadata: Option<Metadata>,
}

/// The package named in a Rego source (`package a.b.c`).
pub fn package_of(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("package ")?;
        Some(rest.trim().to_string())
    })
}

/// The built-in policies' METADATA blocks as JSON, converted by `build.rs`: `(path, JSON)`,
/// sorted by path, for each block that is valid YAML.
mod precompiled {
    include!(concat!(env!("OUT_DIR"), "/builtin_metadata.rs"));
}

/// [`parse_header`] for a built-in policy: its METADATA from the JSON `build.rs` made of it,
/// which reads in a fraction of the time YAML takes, else (no block, or one that does not
/// read) from the policy's text, which reports what is wrong with it.
pub fn builtin_header(path: &str, text: &str) -> Result<PolicyHeader, MetadataError> {
    let json = precompiled::BUILTIN_METADATA
        .binary_search_by_key(&path, |(p, _)| p)
        .map(|i| precompiled::BUILTIN_METADATA[i].1);
    let metadata = json
        .ok()
        .and_then(|j| serde_json::from_str::<Metadata>(j).ok());
    match (metadata, package_of(text)) {
        (Some(metadata), Some(package)) => Ok(PolicyHeader {
            package,
            metadata: Some(metadata),
        }),
        _ => parse_header(path, text),
    }
}

/// Reads the package line and the METADATA block that precedes it, if any.
pub fn parse_header(path: &str, text: &str) -> Result<PolicyHeader, MetadataError> {
    let package = package_of(text).ok_or_else(|| MetadataError::NoPackage { path: path.into() })?;
    let Some((start, yaml)) = super::metadata_block::metadata_yaml(text) else {
        return Ok(PolicyHeader {
            package,
            metadata: None,
        });
    };
    let yaml_error = |e: yaml_serde::Error| MetadataError::Yaml {
        path: path.into(),
        line: start + e.location().map_or(0, |l| l.line()),
        message: e.to_string(),
    };
    if let Some((line, message)) = crate::nesting::yaml_depth_problem(&yaml) {
        return Err(MetadataError::Yaml {
            path: path.into(),
            line: start + line,
            message,
        });
    }
    let value: yaml_serde::Value = yaml_serde::from_str(&yaml).map_err(yaml_error)?;
    if let Some(field) = missing_required_field(&value) {
        return Err(MetadataError::MissingField {
            path: path.into(),
            line: start,
            field,
        });
    }
    let metadata = yaml_serde::from_str::<Metadata>(&yaml).map_err(yaml_error)?;
    Ok(PolicyHeader {
        package,
        metadata: Some(metadata),
    })
}

/// The first of [`REQUIRED_FIELDS`] that `value` lacks.
fn missing_required_field(value: &yaml_serde::Value) -> Option<&'static str> {
    REQUIRED_FIELDS.iter().copied().find(|field| {
        field
            .split('.')
            .try_fold(value, |v, key| v.get(key))
            .is_none_or(yaml_serde::Value::is_null)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "# METADATA\n# title: SBOM present\n# description: |\n#   An SBOM.\n# custom:\n#   id: MFDS-CYB-001\n#   severity: error\n#   references:\n#     - {source: IEC 81001-5-1, clause: '5.3'}\npackage samdscan.mfds.cyb.sbom_present\n";

    #[test]
    fn parses_metadata_and_package() {
        let h = parse_header("p.rego", POLICY).unwrap();
        assert_eq!(h.package, "samdscan.mfds.cyb.sbom_present");
        let m = h.metadata.unwrap();
        assert_eq!(m.custom.id, "MFDS-CYB-001");
        assert_eq!(m.custom.severity, Level::Error);
        assert_eq!(m.description.trim(), "An SBOM.");
        assert!(m.custom.observable);
        assert_eq!(m.custom.references[0].clause.as_deref(), Some("5.3"));
    }

    #[test]
    fn bad_severity_is_an_error_with_path() {
        let bad = POLICY.replace("severity: error", "severity: high");
        let e = parse_header("p.rego", &bad).unwrap_err().to_string();
        assert!(e.starts_with("p.rego:"), "{e}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let bad = POLICY.replace("#   severity: error\n", "");
        let e = parse_header("p.rego", &bad).unwrap_err().to_string();
        assert_eq!(
            e,
            "p.rego:1: METADATA is missing required field `custom.severity`"
        );
    }

    #[test]
    fn lifecycle_fields_are_read() {
        let m = parse_header(
            "p.rego",
            &POLICY.replace(
                "#   references:",
                "#   since: 0.2.0\n#   deprecated: true\n#   replaced_by: MFDS-CYB-002\n#   references:",
            ),
        )
        .unwrap()
        .metadata
        .unwrap();
        assert_eq!(m.custom.since.as_deref(), Some("0.2.0"));
        assert!(m.custom.deprecated);
        assert_eq!(m.custom.replaced_by.as_deref(), Some("MFDS-CYB-002"));
    }

    #[test]
    fn korean_texts_are_read_and_english_is_the_fallback() {
        let m = parse_header(
            "p.rego",
            &POLICY.replace(
                "#   references:",
                "#   ko:\n#     title: SBOM 존재\n#   references:",
            ),
        )
        .unwrap()
        .metadata
        .unwrap();
        assert_eq!(m.title_in(Lang::Ko), "SBOM 존재");
        assert_eq!(m.title_in(Lang::En), "SBOM present");
        assert_eq!(m.description_in(Lang::Ko).trim(), "An SBOM.");
        assert_eq!(m.recommended_action_in(Lang::Ko), None);
    }

    fn reference(source: &str, clause: Option<&str>, title: Option<&str>) -> Reference {
        Reference {
            source: source.into(),
            clause: clause.map(Into::into),
            title: title.map(Into::into),
            url: None,
        }
    }

    #[test]
    fn a_reference_reads_source_clause_title() {
        let r = reference(
            "IEC 62304:2006+A1:2015",
            Some("8.1.1"),
            Some("Establish means to identify configuration items"),
        );
        assert_eq!(
            r.label(),
            "IEC 62304:2006+A1:2015 §8.1.1 Establish means to identify configuration items"
        );
        let article = reference(
            "Digital Medical Products Act (2024-01-23)",
            Some("Art. 11"),
            None,
        );
        assert_eq!(
            article.label(),
            "Digital Medical Products Act (2024-01-23) Art. 11"
        );
        let part = reference(
            "IMDRF/CYBER WG/N73FINAL:2023",
            None,
            Some("SBOM maintenance"),
        );
        assert_eq!(
            part.label(),
            "IMDRF/CYBER WG/N73FINAL:2023: SBOM maintenance"
        );
        assert_eq!(part.document(), "IMDRF/CYBER WG/N73FINAL:2023");
        let guideline = reference("MFDS labeling guideline (2025-11-06)", None, None);
        assert_eq!(guideline.document(), "MFDS labeling guideline");
    }

    #[test]
    fn a_reference_needs_an_edition_and_a_bare_clause_number() {
        for clause in [
            "8.1.1",
            "6.2.1.1",
            "Art. 19-2",
            "Arts. 13-16",
            "Arts. 2, 20-22",
            "Principles 3 and 8",
            "V.A.4.b",
            "§524B(b)(1)-(2)",
            "Annex I §17.2, §17.4",
            "DC-03",
            "Art. 3 and Annex 1",
            "Appendix E",
            "5",
            "V-VII",
        ] {
            let r = reference("ISO 14971:2019", Some(clause), None);
            assert_eq!(r.problem(), None, "{clause}");
        }
        let no_edition = reference("IEC 62304", Some("5.1"), None).problem().unwrap();
        assert!(no_edition.contains("names no edition"), "{no_edition}");
        assert_eq!(
            reference("MFDS X guideline (edition not verified)", None, None).problem(),
            None
        );
        for clause in [
            "8.1.3 Identify configuration items",
            "5.1, 6 Software maintenance",
            "SBOM",
        ] {
            let e = reference("IEC 62304:2006+A1:2015", Some(clause), None)
                .problem()
                .unwrap();
            assert!(e.contains("not a clause number alone"), "{clause}: {e}");
        }
    }

    #[test]
    fn every_builtin_reference_has_an_edition_and_a_bare_clause_number() {
        let set = crate::policy::engine::PolicySet::builtin().expect("the built-in pack loads");
        let waivers = crate::scan::waiver::waiver_rules();
        let rules = set.rules.iter().map(|r| &r.meta).chain(&waivers);
        let problems: Vec<String> = rules
            .flat_map(|m| {
                let id = &m.custom.id;
                m.custom
                    .references
                    .iter()
                    .filter_map(move |r| r.problem().map(|p| format!("{id}: {p}")))
            })
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn built_in_metadata_reads_the_same_from_json_as_from_yaml() {
        let mut converted = 0;
        for (path, text) in crate::policy::engine::BUILTIN_POLICIES {
            let from_yaml = parse_header(path, text).unwrap();
            let from_json = builtin_header(path, text).unwrap();
            assert_eq!(from_yaml.package, from_json.package, "{path}");
            let json = |h: &PolicyHeader| serde_json::to_string(&h.metadata).unwrap();
            assert_eq!(json(&from_yaml), json(&from_json), "{path}");
            converted += usize::from(from_yaml.metadata.is_some());
        }
        assert_eq!(converted, precompiled::BUILTIN_METADATA.len());
    }

    #[test]
    fn library_without_metadata() {
        let h = parse_header("lib.rego", "package samdscan.lib.x\n").unwrap();
        assert!(h.metadata.is_none());
    }
}
