//! The known shape of `.samdscan.yaml`: every key, the kind of value it takes and whether it is
//! required. The config is checked against this table before it is deserialised, so that every
//! problem is found in one pass (serde stops at the first); the typed structs in `mod.rs` and
//! `schema/config.schema.json` describe the same keys, and the tests below keep the three in step.

/// What a key's value must be.
#[derive(Debug)]
pub(super) enum Shape {
    /// A scalar, read as text (unquoted numbers and booleans are accepted, as serde does).
    Text,
    Bool,
    /// An integer; the text is what the message says is expected (`an integer 1-4`).
    Integer(&'static str),
    /// A whole number that fits 32 bits (day counts, scores).
    Count,
    /// Any number, integer or not (coverage percentages).
    Number,
    /// A byte count, as an integer or with a unit (`32MiB`).
    Size,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A finding level: `error`, `warning` or `note`.
    Level,
    /// A report language: `en` or `ko`.
    Lang,
    /// A glob (globset syntax).
    Glob,
    /// A regular expression (regex crate syntax).
    Regex,
    /// A repository-relative path that stays inside the repository.
    RepoPath,
    List(&'static Shape),
    /// A mapping with a fixed set of keys.
    Fields(&'static [Field]),
    /// A mapping with free keys (rule ids, safety classes), every value of one shape.
    Map(&'static Shape),
    /// `evidence:`: the fixed keys below plus one glob list per known evidence kind.
    Evidence(&'static [Field]),
}

impl Shape {
    /// What a value of this shape is, for "expected ..." messages.
    pub(super) fn expected(&self) -> &'static str {
        match self {
            Shape::Text => "text",
            Shape::Bool => "true or false",
            Shape::Integer(text) => text,
            Shape::Count => "a whole number",
            Shape::Number => "a number",
            Shape::Size => "a size (a number of bytes, or with a unit: 32MiB, 500KB)",
            Shape::Date => "a date YYYY-MM-DD",
            Shape::Level => "one of error, warning, note",
            Shape::Lang => "one of en, ko",
            Shape::Glob => "a glob",
            Shape::Regex => "a regular expression",
            Shape::RepoPath => "a path inside the repository",
            Shape::List(_) => "a list",
            Shape::Fields(_) | Shape::Map(_) | Shape::Evidence(_) => "a mapping",
        }
    }
}

/// One key of a mapping.
#[derive(Debug)]
pub(super) struct Field {
    pub key: &'static str,
    pub shape: &'static Shape,
    pub required: bool,
}

const fn opt(key: &'static str, shape: &'static Shape) -> Field {
    Field {
        key,
        shape,
        required: false,
    }
}

const fn req(key: &'static str, shape: &'static Shape) -> Field {
    Field {
        key,
        shape,
        required: true,
    }
}

const TEXTS: Shape = Shape::List(&Shape::Text);
const GLOBS: Shape = Shape::List(&Shape::Glob);

const AI: &[Field] = &[
    opt("enabled", &Shape::Bool),
    opt("generative", &Shape::Bool),
    opt("pccp", &Shape::Bool),
    opt("models", &TEXTS),
];

const SOFTWARE_SYSTEM: &[Field] = &[
    opt("name", &Shape::Text),
    opt("paths", &GLOBS),
    opt("safety_class", &Shape::Text),
    opt("safety_class_rationale_ref", &Shape::Text),
];

const PRODUCT: &[Field] = &[
    opt("name", &Shape::Text),
    opt("version", &Shape::Text),
    opt("regime", &Shape::Text),
    opt("grade", &Shape::Integer("an integer 1-4")),
    opt("route", &Shape::Text),
    opt("product_code", &Shape::Text),
    opt("dmd_type", &Shape::Text),
    opt("connected", &Shape::Bool),
    opt("ui", &Shape::Bool),
    opt("marketed", &Shape::Bool),
    opt("combination_product", &Shape::Bool),
    opt("processes_patient_data", &Shape::Bool),
    opt("markets", &TEXTS),
    opt("documentation_level", &Shape::Text),
    opt("intended_use_ref", &Shape::Text),
    opt("ai", &Shape::Fields(AI)),
    opt(
        "software_systems",
        &Shape::List(&Shape::Fields(SOFTWARE_SYSTEM)),
    ),
    opt("safety_critical_paths", &GLOBS),
    opt("ui_paths", &GLOBS),
];

/// The fixed keys of `evidence:`; every other key is an evidence kind taking a list of globs.
pub(super) const EVIDENCE_FIXED: &[Field] = &[
    opt("index", &Shape::RepoPath),
    opt("max_file_size", &Shape::Size),
    opt("max_document_age_days", &Shape::Count),
    opt("max_scan_age_days", &Shape::Count),
];

/// The value of every evidence kind key.
pub(super) const EVIDENCE_KIND: &Shape = &GLOBS;

const HISTORY: &[Field] = &[
    opt("scope", &Shape::Text),
    opt("release_tags", &Shape::Glob),
    opt("change_reference", &Shape::Regex),
];

const COVERAGE_THRESHOLD: &[Field] = &[opt("line", &Shape::Number), opt("branch", &Shape::Number)];

const RISK_SCALES: &[Field] = &[
    opt("severity", &TEXTS),
    opt("probability", &TEXTS),
    opt("unacceptable_from", &Shape::Count),
];

const VERIFICATION: &[Field] = &[
    opt("requirement_id", &Shape::Regex),
    opt("coverage", &Shape::Map(&Shape::Fields(COVERAGE_THRESHOLD))),
    opt("reference_markers", &TEXTS),
    opt("risk_scales", &Shape::Fields(RISK_SCALES)),
];

const POLICIES: &[Field] = &[
    opt("paths", &Shape::List(&Shape::RepoPath)),
    opt("disable", &TEXTS),
    opt("severity", &Shape::Map(&Shape::Level)),
];

const WAIVER: &[Field] = &[
    req("rule", &Shape::Text),
    opt("path", &Shape::Glob),
    opt("fingerprint", &Shape::Text),
    req("reason", &Shape::Text),
    req("approved_by", &Shape::Text),
    req("expires", &Shape::Date),
    req("ref", &Shape::Text),
];

const REPORT: &[Field] = &[opt("lang", &Shape::Lang)];

/// The whole file.
pub(super) const CONFIG: Shape = Shape::Fields(&[
    opt("product", &Shape::Fields(PRODUCT)),
    opt("evidence", &Shape::Evidence(EVIDENCE_FIXED)),
    opt("history", &Shape::Fields(HISTORY)),
    opt("verification", &Shape::Fields(VERIFICATION)),
    opt("policies", &Shape::Fields(POLICIES)),
    opt("waivers", &Shape::List(&Shape::Fields(WAIVER))),
    opt("report", &Shape::Fields(REPORT)),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The keys of a shape's mapping, or of the mapping inside its list.
    fn fields(shape: &Shape) -> Option<&'static [Field]> {
        match shape {
            Shape::Fields(f) | Shape::Evidence(f) => Some(f),
            Shape::List(inner) | Shape::Map(inner) => fields(inner),
            _ => None,
        }
    }

    /// The schema's `properties` of an object, or of the items/additional properties holding it.
    fn schema_object(schema: &Value) -> Option<&serde_json::Map<String, Value>> {
        schema.as_object()?;
        schema["properties"]
            .as_object()
            .or_else(|| schema_object(&schema["items"]))
            .or_else(|| schema_object(&schema["additionalProperties"]))
    }

    fn same_keys(shape: &Shape, schema: &Value, at: &str) {
        let Some(fields) = fields(shape) else { return };
        let properties = schema_object(schema).unwrap_or_else(|| panic!("{at}: no properties"));
        let mut shape_keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
        let mut schema_keys: Vec<&str> = properties.keys().map(String::as_str).collect();
        shape_keys.sort_unstable();
        schema_keys.sort_unstable();
        assert_eq!(shape_keys, schema_keys, "keys of {at}");
        for f in fields {
            same_keys(f.shape, &properties[f.key], &format!("{at}.{}", f.key));
        }
    }

    #[test]
    fn the_schema_names_the_same_keys_as_the_shape() {
        let schema: Value =
            serde_json::from_str(include_str!("../../schema/config.schema.json")).unwrap();
        same_keys(&CONFIG, &schema, "config");
    }

    /// A valid YAML value for a shape, with every key of every mapping.
    fn sample(shape: &Shape, indent: usize) -> String {
        let pad = " ".repeat(indent);
        let mapping = |fields: &[Field]| {
            fields
                .iter()
                .map(|f| format!("\n{pad}{}: {}", f.key, sample(f.shape, indent + 2)))
                .collect::<String>()
        };
        match shape {
            Shape::Text => "x".into(),
            Shape::Bool => "true".into(),
            Shape::Integer(_) | Shape::Count | Shape::Number => "3".into(),
            Shape::Size => "32MiB".into(),
            Shape::Date => "2027-01-01".into(),
            Shape::Level => "warning".into(),
            Shape::Lang => "ko".into(),
            Shape::Glob => "'src/**'".into(),
            Shape::Regex => "'REQ-\\d+'".into(),
            Shape::RepoPath => "policy/".into(),
            Shape::List(inner) => format!("\n{pad}- {}", sample(inner, indent + 2).trim_start()),
            Shape::Fields(f) => mapping(f),
            Shape::Evidence(f) => format!("{}\n{pad}sbom: ['*.cdx.json']", mapping(f)),
            Shape::Map(inner) => format!("\n{pad}B: {}", sample(inner, indent + 2)),
        }
    }

    #[test]
    fn every_key_of_the_shape_is_one_the_typed_config_accepts() {
        let yaml = sample(&CONFIG, 0);
        let config: Result<crate::config::Config, _> = yaml_serde::from_str(&yaml);
        assert!(config.is_ok(), "{yaml}\n{config:?}");
    }
}
