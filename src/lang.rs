//! The language a report is written in, and the fixed words of every report in each language.
//!
//! samdscan serves products reviewed by Korea's MFDS, so every output can be English or Korean
//! (`--lang ko|en`, config `report.lang`, default English). Rule texts come from each rule's
//! METADATA (`custom.ko`) and finding texts from each finding (`msg_ko`); this module holds only
//! the words the renderers add around them: rule states, levels, headings and the verdict. The
//! language is never read from the environment, so the same inputs give the same bytes.

use crate::finding::{Level, RuleState};
use serde::{Deserialize, Serialize};

/// A text in both report languages: a note about the whole scan, or the reason a rule was not
/// applicable or not evaluated. Renderers print the one of the report's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text {
    pub en: String,
    pub ko: String,
}

impl Text {
    pub fn new(en: impl Into<String>, ko: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            ko: ko.into(),
        }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ko => &self.ko,
        }
    }
}

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    /// `en` or `ko`, as the config and the command line write it.
    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The fixed words of reports in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::Ko => &KO,
        }
    }

    /// "1 error", "2 warnings" / "오류 1건".
    pub fn count(self, n: usize, level: Level) -> String {
        let word = self.words().level(level);
        match self {
            Lang::En => format!("{n} {word}{}", if n == 1 { "" } else { "s" }),
            Lang::Ko => format!("{word} {n}건"),
        }
    }

    /// "12 passed" / "통과 12".
    pub fn state_count(self, state: RuleState, n: usize) -> String {
        let word = self.words().state(state);
        match self {
            Lang::En => format!("{n} {word}"),
            Lang::Ko => format!("{word} {n}"),
        }
    }

    /// The verdict line: the rule count with its states, then the finding counts by level and
    /// the waived ones.
    pub fn summary(self, rules: usize, states: &[String], counts: [usize; 4]) -> String {
        let [error, warning, note, waived] = counts;
        let findings = [
            self.count(error, Level::Error),
            self.count(warning, Level::Warning),
            self.count(note, Level::Note),
        ]
        .join(", ");
        let states = states.join(", ");
        let mut line = match self {
            Lang::En => {
                let s = if rules == 1 { "" } else { "s" };
                format!("{rules} rule{s} ({states}); findings: {findings}")
            }
            Lang::Ko => format!("규칙 {rules}개 ({states}); 발견사항: {findings}"),
        };
        match (self, waived) {
            (_, 0) => {}
            (Lang::En, n) => line.push_str(&format!(", {n} waived")),
            (Lang::Ko, n) => line.push_str(&format!(", 예외 승인 {n}건")),
        }
        line
    }

    /// "3 findings" / "발견사항 3건": the count beside a report section's heading.
    pub fn findings_count(self, n: usize) -> String {
        match self {
            Lang::En => format!("{n} finding{}", if n == 1 { "" } else { "s" }),
            Lang::Ko => format!("발견사항 {n}건"),
        }
    }

    /// The line under a rule whose findings the text report cut at the first few.
    pub fn more_findings(self, more: usize, id: &str) -> String {
        match self {
            Lang::En => format!(
                "… and {more} more {id} findings (--verbose lists them all; JSON and SARIF hold every one)"
            ),
            Lang::Ko => format!(
                "… 외 {id} 발견사항 {more}건 (--verbose로 모두 표시; JSON과 SARIF에는 모두 있음)"
            ),
        }
    }

    /// The table row under a rule whose findings the Markdown report cut at the first few.
    pub fn more_rows(self, more: usize) -> String {
        match self {
            Lang::En => format!(
                "… and {more} more (`--verbose` lists them all; the SARIF and JSON reports hold every one)"
            ),
            Lang::Ko => format!(
                "… 외 {more}건 (`--verbose`로 모두 표시; SARIF와 JSON 보고서에는 모두 있음)"
            ),
        }
    }

    /// What the counts line adds when `--min-level` left findings out of the listing.
    pub fn hidden_below(self, n: usize, min_level: Level) -> String {
        match self {
            Lang::En => format!(
                "; {} below --min-level {min_level} not listed",
                self.findings_count(n)
            ),
            Lang::Ko => format!("; --min-level {min_level} 미만 발견사항 {n}건은 표시하지 않음"),
        }
    }

    /// `3 new / 1 fixed / 4 unchanged`: the findings compared with the base.
    pub fn base_counts(self, new: usize, fixed: usize, unchanged: usize) -> String {
        match self {
            Lang::En => format!("{new} new / {fixed} fixed / {unchanged} unchanged"),
            Lang::Ko => format!("신규 {new} / 해결됨 {fixed} / 변동 없음 {unchanged}"),
        }
    }

    /// The verdict line: which findings (`[errors, warnings, notes]` that gate, `new` ones only
    /// with `--base`) decide the exit code at `--fail-on` (none: `never`).
    pub fn verdict(self, threshold: Option<Level>, new: bool, gating: [usize; 3]) -> String {
        let Some(min) = threshold else {
            return match self {
                Lang::En => "PASS: --fail-on never (exit 0)".to_string(),
                Lang::Ko => "통과: --fail-on never (종료 코드 0)".to_string(),
            };
        };
        let failing = self.gating_phrase(new, gating);
        match (self, failing.is_empty(), new) {
            (Lang::En, true, _) => format!(
                "PASS: no {}finding at or above --fail-on {min} (exit 0)",
                if new { "new " } else { "" }
            ),
            (Lang::En, false, _) => format!("FAIL: {failing} at or above --fail-on {min} (exit 1)"),
            (Lang::Ko, true, false) => {
                format!("통과: --fail-on {min} 이상인 발견사항 없음 (종료 코드 0)")
            }
            (Lang::Ko, true, true) => {
                format!("통과: --fail-on {min} 이상인 신규 발견사항 없음 (종료 코드 0)")
            }
            (Lang::Ko, false, _) => format!("실패: --fail-on {min} 이상 {failing} (종료 코드 1)"),
        }
    }

    /// `3 new errors and 1 new warning` / `신규 오류 3건, 신규 경고 1건` (empty for none).
    fn gating_phrase(self, new: bool, gating: [usize; 3]) -> String {
        let levels = [Level::Error, Level::Warning, Level::Note];
        let parts: Vec<String> = levels
            .iter()
            .zip(gating)
            .filter(|(_, n)| *n > 0)
            .map(|(level, n)| match self {
                Lang::En => format!(
                    "{n} {}{}{}",
                    if new { "new " } else { "" },
                    self.words().level(*level),
                    if n == 1 { "" } else { "s" }
                ),
                Lang::Ko => format!(
                    "{}{} {n}건",
                    if new { "신규 " } else { "" },
                    self.words().level(*level)
                ),
            })
            .collect();
        match (self, parts.as_slice()) {
            (_, []) => String::new(),
            (_, [one]) => one.clone(),
            (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
            (Lang::Ko, all) => all.join(", "),
        }
    }

    /// The first language that `--lang`, then the config's `report.lang`, names; else English.
    pub fn choose(flag: Option<Lang>, config: Option<Lang>) -> Lang {
        flag.or(config).unwrap_or_default()
    }
}

/// Words that reports put around rule and finding texts.
pub struct Words {
    pub passed: &'static str,
    pub failed: &'static str,
    pub not_applicable: &'static str,
    pub not_evaluated: &'static str,
    pub not_observable: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub note: &'static str,
    pub as_of: &'static str,
    pub compared_with_base: &'static str,
    pub input_problems: &'static str,
    pub waiver_register: &'static str,
    pub disabled_by_config: &'static str,
    pub findings: &'static str,
    pub new_findings: &'static str,
    pub fixed: &'static str,
    pub unchanged_findings: &'static str,
    pub new: &'static str,
    pub unchanged: &'static str,
    pub waived: &'static str,
    pub rules: &'static str,
    pub rule: &'static str,
    pub title: &'static str,
    pub state: &'static str,
    pub level: &'static str,
    pub location: &'static str,
    pub message: &'static str,
    pub reference: &'static str,
    pub approved_by: &'static str,
    pub expires: &'static str,
    pub reason: &'static str,
    pub note_label: &'static str,
    pub recommended_action: &'static str,
    pub applies: &'static str,
    pub references: &'static str,
    pub rule_documentation: &'static str,
    /// Headings of the failure sections of the text report, by level.
    pub errors: &'static str,
    pub warnings: &'static str,
    pub notes: &'static str,
    pub fixed_since_base: &'static str,
    /// Before the evidence a passed rule judged (`--verbose`).
    pub passed_on: &'static str,
    /// Why a rule that gives no reason was not evaluated.
    pub evidence_not_collected: &'static str,
    /// After the counts line when some rule states are not listed.
    pub other_rules_hint: &'static str,
    pub recommended_actions: &'static str,
    /// When a rule has no recommended action: before `samdscan policy explain ID`.
    pub see: &'static str,
    /// Pillar names in report order: profile, P1, P2, P3, P4, samdscan's own rules.
    pub pillars: [&'static str; 6],
}

impl Words {
    pub fn state(&self, state: RuleState) -> &'static str {
        match state {
            RuleState::Passed => self.passed,
            RuleState::Failed => self.failed,
            RuleState::NotApplicable => self.not_applicable,
            RuleState::NotEvaluated => self.not_evaluated,
            RuleState::NotObservable => self.not_observable,
        }
    }

    pub fn level(&self, level: Level) -> &'static str {
        match level {
            Level::Error => self.error,
            Level::Warning => self.warning,
            Level::Note => self.note,
        }
    }

    /// The heading of the text report's section of failures at `level`.
    pub fn section(&self, level: Level) -> &'static str {
        match level {
            Level::Error => self.errors,
            Level::Warning => self.warnings,
            Level::Note => self.notes,
        }
    }
}

const EN: Words = Words {
    passed: "passed",
    failed: "failed",
    not_applicable: "not applicable",
    not_evaluated: "not evaluated",
    not_observable: "not observable",
    error: "error",
    warning: "warning",
    note: "note",
    as_of: "as of",
    compared_with_base: "compared with base",
    input_problems: "Input problems",
    waiver_register: "Waiver register",
    disabled_by_config: "disabled by config",
    findings: "Findings",
    new_findings: "New findings",
    fixed: "Fixed",
    unchanged_findings: "unchanged findings",
    new: "New",
    unchanged: "Unchanged",
    waived: "waived",
    rules: "Rules",
    rule: "Rule",
    title: "Title",
    state: "State",
    level: "Level",
    location: "Location",
    message: "Message",
    reference: "Ref",
    approved_by: "approved by",
    expires: "expires",
    reason: "Reason",
    note_label: "Note",
    recommended_action: "Recommended action",
    applies: "Applies",
    references: "References",
    rule_documentation: "Rule documentation",
    errors: "Errors",
    warnings: "Warnings",
    notes: "Notes",
    fixed_since_base: "Fixed since the base",
    passed_on: "passed on",
    evidence_not_collected: "its evidence could not be collected",
    other_rules_hint: " (--verbose or --show STATE,... lists the other rules)",
    recommended_actions: "Recommended actions",
    see: "see",
    pillars: [
        "Product profile",
        "Pillar 1: AI and digital product safety",
        "Pillar 2: Cybersecurity",
        "Pillar 3: Quality management and regulatory innovation",
        "Pillar 4: International harmonisation",
        "samdscan",
    ],
};

const KO: Words = Words {
    passed: "통과",
    failed: "실패",
    not_applicable: "해당 없음",
    not_evaluated: "평가 안 됨",
    not_observable: "저장소로 확인 불가",
    error: "오류",
    warning: "경고",
    note: "참고",
    as_of: "기준일",
    compared_with_base: "비교 기준",
    input_problems: "입력 문제",
    waiver_register: "예외 승인 대장",
    disabled_by_config: "설정으로 비활성화된 규칙",
    findings: "발견사항",
    new_findings: "새 발견사항",
    fixed: "해결됨",
    unchanged_findings: "변동 없는 발견사항",
    new: "신규",
    unchanged: "변동 없음",
    waived: "예외 승인",
    rules: "규칙",
    rule: "규칙",
    title: "제목",
    state: "상태",
    level: "수준",
    location: "위치",
    message: "내용",
    reference: "근거 기록",
    approved_by: "승인자",
    expires: "만료일",
    reason: "사유",
    note_label: "참고",
    recommended_action: "권고 조치",
    applies: "적용 대상",
    references: "참고 문헌",
    rule_documentation: "규칙 문서",
    errors: "오류",
    warnings: "경고",
    notes: "참고",
    fixed_since_base: "비교 기준 이후 해결됨",
    passed_on: "통과 근거",
    evidence_not_collected: "증거를 수집할 수 없었습니다",
    other_rules_hint: " (다른 규칙은 --verbose 또는 --show STATE,...로 표시)",
    recommended_actions: "권고 조치",
    see: "참조:",
    pillars: [
        "제품 정보",
        "1축: AI·디지털의료제품 안전관리",
        "2축: 사이버보안",
        "3축: 품질관리 및 규제 혁신",
        "4축: 국제 조화",
        "samdscan",
    ],
};

/// The index of a METADATA `pillar` in [`Words::pillars`].
pub fn pillar_index(pillar: Option<&str>) -> usize {
    match pillar.unwrap_or("") {
        "all" | "GEN" | "" => 0,
        p if p.starts_with("P1") => 1,
        p if p.starts_with("P2") => 2,
        p if p.starts_with("P3") => 3,
        p if p.starts_with("P4") => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_in_both_languages() {
        let states = vec![Lang::Ko.state_count(RuleState::Passed, 3)];
        assert_eq!(
            Lang::Ko.summary(3, &states, [1, 0, 2, 1]),
            "규칙 3개 (통과 3); 발견사항: 오류 1건, 경고 0건, 참고 2건, 예외 승인 1건"
        );
        let states = vec![Lang::En.state_count(RuleState::Passed, 1)];
        assert_eq!(
            Lang::En.summary(1, &states, [1, 2, 0, 1]),
            "1 rule (1 passed); findings: 1 error, 2 warnings, 0 notes, 1 waived"
        );
    }

    #[test]
    fn verdicts_in_both_languages() {
        let error = Some(Level::Error);
        assert_eq!(
            Lang::En.verdict(error, false, [2, 1, 0]),
            "FAIL: 2 errors and 1 warning at or above --fail-on error (exit 1)"
        );
        assert_eq!(
            Lang::Ko.verdict(error, true, [2, 1, 0]),
            "실패: --fail-on error 이상 신규 오류 2건, 신규 경고 1건 (종료 코드 1)"
        );
        assert_eq!(
            Lang::Ko.verdict(error, false, [0, 0, 0]),
            "통과: --fail-on error 이상인 발견사항 없음 (종료 코드 0)"
        );
        assert_eq!(
            Lang::En.verdict(None, false, [1, 0, 0]),
            "PASS: --fail-on never (exit 0)"
        );
    }

    #[test]
    fn the_flag_wins_over_the_config() {
        assert_eq!(Lang::choose(Some(Lang::En), Some(Lang::Ko)), Lang::En);
        assert_eq!(Lang::choose(None, Some(Lang::Ko)), Lang::Ko);
        assert_eq!(Lang::choose(None, None), Lang::En);
        assert_eq!(Lang::parse("ko"), Some(Lang::Ko));
        assert_eq!(Lang::parse("kr"), None);
    }
}
