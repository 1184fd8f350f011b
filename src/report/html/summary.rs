//! The summary picture: per MFDS pillar, one stacked bar of the rules' states (passed, failed,
//! not applicable, not evaluated, not observable, and passed on an external attestation) as
//! inline SVG, with the same numbers in a table beside it so colour is never the only signal.

use super::super::{ScanReport, rules_by_pillar};
use super::DossierFacts;
use super::words::t;
use crate::finding::{Level, RuleState};
use crate::lang::Lang;
use serde_json::Value;
use std::fmt::Write;

/// A bar segment: a rule state, or passed on an external attestation.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Segment {
    State(RuleState),
    Attested,
}

const SEGMENTS: [Segment; 6] = [
    Segment::State(RuleState::Passed),
    Segment::Attested,
    Segment::State(RuleState::Failed),
    Segment::State(RuleState::NotApplicable),
    Segment::State(RuleState::NotEvaluated),
    Segment::State(RuleState::NotObservable),
];

impl Segment {
    fn colour(self) -> &'static str {
        match self {
            Segment::State(RuleState::Passed) => "#1a7f37",
            Segment::Attested => "#0969da",
            Segment::State(RuleState::Failed) => "#cf222e",
            Segment::State(RuleState::NotApplicable) => "#8c959f",
            Segment::State(RuleState::NotEvaluated) => "#d4a72c",
            Segment::State(RuleState::NotObservable) => "#8250df",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Segment::State(s) => lang.words().state(s),
            Segment::Attested => t(lang, "attested externally", "외부 증빙으로 확인"),
        }
    }
}

/// Whether the evidence index holds a valid external attestation for rule `id`.
pub(super) fn attested(facts: &DossierFacts, id: &str) -> bool {
    facts
        .evidence
        .document()
        .pointer("/evidence_index/entries")
        .and_then(Value::as_object)
        .is_some_and(|entries| {
            entries.iter().any(|(key, e)| {
                key.split('/').next() == Some(id)
                    && e.pointer("/external/valid").and_then(Value::as_bool) == Some(true)
            })
        })
}

fn segment_of(facts: &DossierFacts, id: &str, state: RuleState) -> Segment {
    if state == RuleState::Passed && attested(facts, id) {
        Segment::Attested
    } else {
        Segment::State(state)
    }
}

const BAR_WIDTH: usize = 400;

pub(super) fn render(out: &mut String, report: &ScanReport, facts: &DossierFacts) {
    let lang = report.lang;
    let w = lang.words();
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>",
        t(lang, "Summary by pillar", "분야별 요약")
    );
    let _ = write!(out, "<p class=\"legend\">");
    for s in SEGMENTS {
        let _ = write!(
            out,
            "<span><span class=\"sw\" style=\"background:{}\"></span>{}</span>",
            s.colour(),
            s.label(lang)
        );
    }
    let _ = writeln!(out, "</p>");
    let groups = rules_by_pillar(report);
    let mut table = String::new();
    for (i, (pillar, rules)) in groups.iter().enumerate() {
        let counts: Vec<usize> = SEGMENTS
            .iter()
            .map(|s| {
                rules
                    .iter()
                    .filter(|r| segment_of(facts, r.id(), r.state) == *s)
                    .count()
            })
            .collect();
        let level_count = |level: Level| {
            rules
                .iter()
                .flat_map(|r| report.findings_of(r.id()))
                .filter(|f| {
                    f.level == level
                        && f.waiver.is_none()
                        && f.baseline_state != Some(crate::finding::BaselineState::Absent)
                })
                .count()
        };
        let (errors, warnings) = (level_count(Level::Error), level_count(Level::Warning));
        let total: usize = counts.iter().sum();
        let _ = write!(
            out,
            "<h3 id=\"pillar-{i}\">{pillar}</h3>\n<svg role=\"img\" aria-labelledby=\"pillar-{i}-t\" width=\"{}\" height=\"22\" viewBox=\"0 0 {} 22\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"pillar-{i}-t\">{pillar}</title>",
            BAR_WIDTH, BAR_WIDTH
        );
        let mut x = 0;
        for (s, n) in SEGMENTS.iter().zip(&counts) {
            if *n == 0 {
                continue;
            }
            let width = n * BAR_WIDTH / total.max(1);
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"0\" width=\"{width}\" height=\"22\" fill=\"{}\"><title>{} {n}</title></rect>",
                s.colour(),
                s.label(lang)
            );
            if width >= 18 {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"15\" font-size=\"12\" fill=\"#fff\" text-anchor=\"middle\">{n}</text>",
                    x + width / 2
                );
            }
            x += width;
        }
        let _ = writeln!(out, "</svg>");
        let cells: Vec<String> = counts.iter().map(|n| format!("<td>{n}</td>")).collect();
        let _ = writeln!(
            table,
            "<tr><th scope=\"row\">{pillar}</th>{}<td>{errors}</td><td>{warnings}</td></tr>",
            cells.concat()
        );
    }
    let heads: Vec<String> = SEGMENTS
        .iter()
        .map(|s| format!("<th scope=\"col\">{}</th>", s.label(lang)))
        .collect();
    let _ = writeln!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>{}<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n{table}</tbody>\n</table>\n</section>",
        t(
            lang,
            "Rules by state and findings by level, per pillar",
            "분야별 규칙 상태와 수준별 발견 사항"
        ),
        t(lang, "Pillar", "분야"),
        heads.concat(),
        w.errors,
        w.warnings
    );
}
