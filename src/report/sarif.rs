//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, one run.
//!
//! Every evaluated rule is listed (so fixed alerts close); every result has a level, a message, a
//! region in a real file, and fingerprints from rule id + evidence key. Findings that exist only
//! on the `--base` side are left out: code scanning treats each upload as the branch's whole
//! state, and a result for something already fixed would open an alert.

use super::{RuleReport, ScanReport, pillar_name, rule_help_uri};
use crate::finding::{BaselineState, Finding, Level};
use crate::lang::Lang;
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, PhysicalLocation,
    PropertyBag, Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, RunAutomationDetails, Sarif, Suppression, Tool, ToolComponent,
    VersionControlDetails,
};
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/samdscan/samdscan";
/// GitHub's limit on `shortDescription` and `fullDescription` text.
const MAX_DESCRIPTION: usize = 1024;

pub fn render(report: &ScanReport) -> String {
    let lang = report.lang;
    let rules: Vec<ReportingDescriptor> =
        report.rules.iter().map(|r| descriptor(r, lang)).collect();
    let index: BTreeMap<&str, usize> = report
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id(), i))
        .collect();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .filter(|f| f.baseline_state != Some(BaselineState::Absent))
        .map(|f| result(f, index.get(f.rule_id.as_str()).copied(), lang))
        .collect();
    let driver = ToolComponent::builder()
        .name("samdscan")
        .full_name(format!("samdscan {}", env!("CARGO_PKG_VERSION")))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(rules)
        .build();
    let invocation = Invocation::builder().execution_successful(true).build();
    let run = Run::builder()
        .tool(Tool::from(driver))
        .results(results)
        .invocations(vec![invocation])
        .automation_details(
            RunAutomationDetails::builder()
                .id(automation_id(report))
                .build(),
        );
    let run = match provenance(report) {
        Some(vcs) => run.version_control_provenance(vec![vcs]).build(),
        None => run.build(),
    };
    let log = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// `CATEGORY/`: code scanning reads the part before the last `/` as the analysis category, and
/// the category in the file wins over upload-sarif's `category` input.
fn automation_id(report: &ScanReport) -> String {
    let category = report
        .category
        .as_deref()
        .map(|c| c.trim().trim_end_matches('/'))
        .filter(|c| !c.is_empty())
        .unwrap_or("samdscan");
    format!("{category}/")
}

fn provenance(report: &ScanReport) -> Option<VersionControlDetails> {
    let repo = &report.repository;
    let uri = repo.origin_url.as_ref()?;
    let revision = repo.revision.as_ref().or(repo.head.as_ref());
    Some(match (revision, &repo.branch) {
        (Some(rev), Some(branch)) => VersionControlDetails::builder()
            .repository_uri(uri)
            .revision_id(rev)
            .branch(branch)
            .build(),
        (Some(rev), None) => VersionControlDetails::builder()
            .repository_uri(uri)
            .revision_id(rev)
            .build(),
        (None, _) => VersionControlDetails::builder().repository_uri(uri).build(),
    })
}

fn clip(text: &str) -> String {
    let text = text.trim();
    if text.len() <= MAX_DESCRIPTION {
        return text.to_string();
    }
    let mut end = MAX_DESCRIPTION - 3;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &text[..end])
}

/// `MFDS-CYB-001` + "SBOM present" -> `SbomPresent`: a name that differs from the id.
fn rule_name(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn references_text(rule: &RuleReport) -> Vec<String> {
    rule.meta
        .custom
        .references
        .iter()
        .map(|r| match &r.clause {
            Some(c) => format!("{} {c}", r.source),
            None => r.source.clone(),
        })
        .collect()
}

/// The rule's help: plain text in the report's language; Markdown in both languages (the
/// report's first), so a reader of either finds the rule explained.
fn help(rule: &RuleReport, lang: Lang) -> MultiformatMessageString {
    let c = &rule.meta.custom;
    let refs = references_text(rule);
    let w = lang.words();
    let mut text = rule.meta.description_in(lang).trim().to_string();
    if let Some(action) = rule.meta.recommended_action_in(lang) {
        text.push_str(&format!("\n\n{}: {}", w.recommended_action, action.trim()));
    }
    if !refs.is_empty() {
        text.push_str(&format!("\n\n{}: {}", w.references, refs.join("; ")));
    }
    let mut md = help_markdown(rule, lang);
    let other = match lang {
        Lang::En => Lang::Ko,
        Lang::Ko => Lang::En,
    };
    if c.ko.is_some() {
        md.push_str("\n---\n\n");
        md.push_str(&help_markdown(rule, other));
    }
    if let Some(applies) = &c.applies {
        md.push_str(&format!("\n### {}\n\n{}\n", w.applies, applies.trim()));
    }
    if !refs.is_empty() {
        md.push_str(&format!("\n### {}\n\n", w.references));
        for r in &refs {
            md.push_str(&format!("- {r}\n"));
        }
    }
    if let Some(uri) = rule_help_uri(&rule.meta) {
        md.push_str(&format!("\n[{}]({uri})\n", w.rule_documentation));
    }
    MultiformatMessageString::builder()
        .text(text)
        .markdown(md)
        .build()
}

/// Title, description and recommended action in one language, as Markdown.
fn help_markdown(rule: &RuleReport, lang: Lang) -> String {
    let meta = &rule.meta;
    let mut md = format!(
        "**{}** ({})\n\n{}\n",
        meta.title_in(lang),
        meta.custom.id,
        meta.description_in(lang).trim()
    );
    if let Some(action) = meta.recommended_action_in(lang) {
        md.push_str(&format!(
            "\n### {}\n\n{}\n",
            lang.words().recommended_action,
            action.trim()
        ));
    }
    md
}

fn security_severity(rule: &RuleReport) -> Option<f64> {
    let c = &rule.meta.custom;
    let is_security =
        c.pillar.as_deref().is_some_and(|p| p.starts_with("P2")) || c.security_severity.is_some();
    is_security.then(|| {
        c.security_severity.unwrap_or(match rule.level {
            Level::Error => 8.0,
            Level::Warning => 5.5,
            Level::Note => 2.0,
        })
    })
}

fn descriptor(rule: &RuleReport, lang: Lang) -> ReportingDescriptor {
    let c = &rule.meta.custom;
    let mut tags = vec!["compliance".to_string()];
    if rule.meta.builtin {
        tags.push("mfds".to_string());
    }
    tags.push(pillar_name(c.pillar.as_deref(), Lang::En).to_lowercase());
    if security_severity(rule).is_some() {
        tags.push("security".to_string());
    }
    for r in &c.references {
        let t = r.source.to_lowercase();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags.extend(c.tags.iter().cloned());
    tags.truncate(20);
    let mut props = BTreeMap::new();
    props.insert("precision".to_string(), json!("high"));
    let problem = match rule.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "recommendation",
    };
    props.insert("problem.severity".to_string(), json!(problem));
    if let Some(s) = security_severity(rule) {
        props.insert("security-severity".to_string(), json!(format!("{s:.1}")));
    }
    props.insert("state".to_string(), json!(rule.state));
    props.insert("evidence".to_string(), json!(rule.evidence));
    if let Some(status) = &c.status {
        props.insert("status".to_string(), json!(status));
    }
    if let Some(since) = &c.since {
        props.insert("since".to_string(), json!(since));
    }
    if c.is_deprecated() {
        props.insert("deprecated".to_string(), json!(true));
    }
    if let Some(by) = &c.replaced_by {
        props.insert("replaced_by".to_string(), json!(by));
    }
    ReportingDescriptor::builder()
        .id(c.id.clone())
        .name(rule_name(&rule.meta.title))
        .short_description(
            MultiformatMessageString::builder()
                .text(clip(rule.meta.title_in(lang)))
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(clip(rule.meta.description_in(lang)))
                .build(),
        )
        .help(help(rule, lang))
        .opt_help_uri(rule_help_uri(&rule.meta))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(rule.level.as_str()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(tags)
                .additional_properties(props)
                .build(),
        )
        .build()
}

fn result(f: &Finding, rule_index: Option<usize>, lang: Lang) -> SarifResult {
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(
                    ArtifactLocation::builder()
                        .uri(relative_uri(&f.path))
                        .build(),
                )
                .region(Region::builder().start_line(f.line as i64).build())
                .build(),
        )
        .build();
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert("samdscan/v1".to_string(), f.fingerprint.clone());
    fingerprints.insert(
        "primaryLocationLineHash".to_string(),
        format!("{}:1", &f.fingerprint[..16]),
    );
    let level = match f.level {
        Level::Error => ResultLevel::Error,
        Level::Warning => ResultLevel::Warning,
        Level::Note => ResultLevel::Note,
    };
    let suppressions = f.waiver.as_ref().map(|w| {
        vec![
            Suppression::builder()
                .kind(json!("external"))
                .status(json!("accepted"))
                .justification(format!(
                    "{} (ref {}, approved by {}, expires {})",
                    w.reason, w.reference, w.approved_by, w.expires
                ))
                .build(),
        ]
    });
    let baseline = f
        .baseline_state
        .map(|b| serde_json::to_value(b).unwrap_or_default());
    SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .opt_rule_index(rule_index.map(|i| i as i64))
        .level(level)
        .message(Message::builder().text(f.message_in(lang)).build())
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .opt_suppressions(suppressions)
        .opt_baseline_state(baseline)
        .build()
}

/// A repository path as a relative URI reference: every byte outside RFC 3986's unreserved set
/// (and `/`) percent-encoded, so that non-ASCII names (`침해사고-대응.md`) and spaces are valid.
fn relative_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(relative_uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(relative_uri("docs/대응.md"), "docs/%EB%8C%80%EC%9D%91.md");
        assert_eq!(relative_uri("src/main.rs"), "src/main.rs");
    }

    #[test]
    fn names_differ_from_ids() {
        assert_eq!(
            rule_name("SBOM present and parseable"),
            "SBOMPresentAndParseable"
        );
        assert_eq!(rule_name("위험관리 계획"), "위험관리계획");
    }

    #[test]
    fn descriptions_are_clipped_on_char_boundaries() {
        let long = "가".repeat(600);
        let c = clip(&long);
        assert!(c.len() <= MAX_DESCRIPTION && c.ends_with("..."));
    }
}
