//! Rendering a scan's results: one renderer per format, all from the same [`ScanReport`], so
//! every format carries the same rules, states and findings.

pub mod escape;
mod failures;
pub mod files;
pub mod html;
mod json;
mod markdown;
pub mod sarif;
mod text;
pub mod verdict;
pub mod view;

use crate::date::Date;
use crate::evidence::{Diagnostic, RepositoryFacts};
use crate::finding::{BaselineState, Finding, Level, RuleState};
use crate::lang::{Lang, Text, pillar_index};
use crate::policy::metadata::Metadata;
use serde::Serialize;

/// Where the generated rule documentation lives.
pub const RULE_DOCS_URL: &str = "https://github.com/samdscan/samdscan/blob/main/docs/rules";

/// Where a rule's documentation lives online: samdscan's pages for a built-in rule, the
/// METADATA's `custom.help_uri` for a user policy (none when it gives none).
pub fn rule_help_uri(meta: &Metadata) -> Option<String> {
    if meta.builtin {
        Some(format!("{RULE_DOCS_URL}/{}.md", meta.custom.id))
    } else {
        meta.custom.help_uri.clone()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    /// SARIF for uploading to code scanning: without waived findings (see `sarif`).
    SarifUpload,
    Markdown,
    /// The readiness dossier: one self-contained HTML file (see `html`).
    Html,
}

/// One rule as the scan ended it.
#[derive(Debug, Clone)]
pub struct RuleReport {
    pub meta: Metadata,
    /// The rule's level after config overrides.
    pub level: Level,
    pub state: RuleState,
    /// Why it was not applicable or not evaluated, when it says, in both languages.
    pub reasons: Vec<Text>,
    /// The evidence it judged: repository paths, and for history rules the commit range `A..B`.
    pub evidence: Vec<String>,
}

impl RuleReport {
    pub fn id(&self) -> &str {
        &self.meta.custom.id
    }
}

/// With `--base`: what the comparison was against.
#[derive(Debug, Clone, Serialize)]
pub struct BaseInfo {
    pub reference: String,
    pub revision: String,
}

#[derive(Debug, Clone)]
pub struct ScanReport {
    pub repository: RepositoryFacts,
    pub product_name: Option<String>,
    pub as_of: Date,
    pub rules: Vec<RuleReport>,
    /// Sorted; includes waived findings and, with `--base`, absent ones.
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub disabled_rules: Vec<String>,
    pub base: Option<BaseInfo>,
    /// Notes about the scan itself (truncated history, inventory source), shown in every format
    /// (text and Markdown in the report's language; JSON keeps the English text).
    pub notices: Vec<Text>,
    /// The SARIF analysis category (`--category`); `samdscan` when unset.
    pub category: Option<String>,
    /// The profile's `product.connected` (security severities depend on it).
    pub connected: Option<bool>,
    /// Where the scan root sits in the repository (`products/planner/`; empty at its top):
    /// SARIF locations are relative to the repository's top.
    pub uri_prefix: String,
    /// The language rule texts, messages and headings are written in.
    pub lang: Lang,
}

/// Finding counts by level, as reports show them.
#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub note: usize,
    pub waived: usize,
}

impl ScanReport {
    /// Findings that are live: not waived and not absent.
    pub fn active_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.waiver.is_none() && f.baseline_state != Some(BaselineState::Absent))
    }

    /// Findings of this branch (not absent), waived or not.
    pub fn active_or_waived(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.baseline_state != Some(BaselineState::Absent))
    }

    /// Findings accepted by a waiver, for the waiver register.
    pub fn waived_findings(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.waiver.is_some())
            .collect()
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for f in self.active_or_waived() {
            if f.waiver.is_some() {
                c.waived += 1;
            } else {
                c.add(f.level);
            }
        }
        c
    }

    /// With `--base`: how many live findings are new, fixed (base only) and unchanged.
    pub fn baseline_counts(&self) -> (usize, usize, usize) {
        let of = |s: BaselineState| {
            self.findings
                .iter()
                .filter(|f| f.baseline_state == Some(s) && f.waiver.is_none())
                .count()
        };
        (
            of(BaselineState::New),
            of(BaselineState::Absent),
            of(BaselineState::Unchanged),
        )
    }

    pub fn state_counts(&self) -> Vec<(RuleState, usize)> {
        let states = [
            RuleState::Passed,
            RuleState::Failed,
            RuleState::NotApplicable,
            RuleState::NotEvaluated,
            RuleState::NotObservable,
        ];
        states
            .iter()
            .map(|s| (*s, self.rules.iter().filter(|r| r.state == *s).count()))
            .collect()
    }

    pub fn findings_of<'a>(&'a self, rule_id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule_id == rule_id)
    }

    /// `scan --hook`: a finding that only the passing of time raised is a warning at most; the
    /// full gate, with its dates, stays in CI.
    pub fn cap_dated_at_warning(&mut self) {
        for f in self.findings.iter_mut().filter(|f| f.dated) {
            f.level = f.level.min(Level::Warning);
        }
    }

    /// The highest level among active findings.
    pub fn max_level(&self) -> Option<Level> {
        self.active_findings().map(|f| f.level).max()
    }
}

/// The human name of an MFDS plan pillar (regulatory catalogue §0.1), in `lang`.
pub fn pillar_name(pillar: Option<&str>, lang: Lang) -> &'static str {
    lang.words().pillars[pillar_index(pillar)]
}

/// Rules grouped by pillar, in a fixed pillar order, each group named in the report's language.
pub fn rules_by_pillar(report: &ScanReport) -> Vec<(&'static str, Vec<&RuleReport>)> {
    report
        .lang
        .words()
        .pillars
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let rules: Vec<&RuleReport> = report
                .rules
                .iter()
                .filter(|r| pillar_index(r.meta.custom.pillar.as_deref()) == i)
                .collect();
            (*name, rules)
        })
        .filter(|(_, rules)| !rules.is_empty())
        .collect()
}

/// Renders `report` in `format`; `view` shapes the text and Markdown reports only, `dossier`
/// holds what the HTML dossier shows besides the report.
pub fn render(
    report: &ScanReport,
    format: Format,
    view: &view::ReportView,
    color: bool,
    dossier: &html::DossierFacts,
) -> String {
    match format {
        Format::Text => text::render(report, view, color),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, sarif::Variant::Record),
        Format::SarifUpload => sarif::render(report, sarif::Variant::Upload),
        Format::Markdown => markdown::render(report, view),
        Format::Html => html::render(report, dossier),
    }
}
