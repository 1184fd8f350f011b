//! SARIF `tool.driver.rules`: one reporting descriptor per rule, from its METADATA (title,
//! description, help, references, lifecycle) and how the scan ended it (state, evidence).

use super::severity::{is_security, security_severity};
use crate::finding::Level;
use crate::lang::Lang;
use crate::report::{RuleReport, ScanReport, pillar_name, rule_help_uri};
use serde_json::json;
use serde_sarif::sarif::{
    MultiformatMessageString, PropertyBag, ReportingConfiguration, ReportingDescriptor,
};
use std::collections::BTreeMap;

/// GitHub's limit on `shortDescription` and `fullDescription` text.
pub(super) const MAX_DESCRIPTION: usize = 1024;

/// `text` trimmed and cut to at most `max` bytes on a character boundary, `...` marking a cut.
pub(super) fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max - 3;
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
        .map(|r| r.label())
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
    if let Some(applies) = rule.meta.applies_in(lang) {
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

fn tags(rule: &RuleReport) -> Vec<String> {
    let c = &rule.meta.custom;
    let mut tags = vec!["compliance".to_string()];
    if rule.meta.builtin {
        tags.push("mfds".to_string());
    }
    tags.push(pillar_name(c.pillar.as_deref(), Lang::En).to_lowercase());
    if is_security(&rule.meta) {
        tags.push("security".to_string());
    }
    for r in &c.references {
        let t = r.document().to_lowercase();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags.extend(c.tags.iter().cloned());
    tags.truncate(20);
    tags
}

pub(super) fn descriptor(rule: &RuleReport, report: &ScanReport) -> ReportingDescriptor {
    let c = &rule.meta.custom;
    let mut props = BTreeMap::new();
    if let Some(p) = c.precision {
        props.insert("precision".to_string(), json!(p.as_str()));
    }
    let problem = match rule.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "recommendation",
    };
    props.insert("problem.severity".to_string(), json!(problem));
    if let Some(s) = security_severity(rule, report) {
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
                .text(clip(rule.meta.title_in(report.lang), MAX_DESCRIPTION))
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(clip(rule.meta.description_in(report.lang), MAX_DESCRIPTION))
                .build(),
        )
        .help(help(rule, report.lang))
        .opt_help_uri(rule_help_uri(&rule.meta))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(rule.level.as_str()))
                .build(),
        )
        .properties(
            PropertyBag::builder()
                .tags(tags(rule))
                .additional_properties(props)
                .build(),
        )
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let c = clip(&long, MAX_DESCRIPTION);
        assert!(c.len() <= MAX_DESCRIPTION && c.ends_with("..."));
    }
}
