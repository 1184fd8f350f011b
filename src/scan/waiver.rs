//! Waivers as quality records: a waiver accepts findings of one rule (optionally one path glob or
//! one fingerprint) with a reason, an approver, an expiry date and a reference to a risk, CAPA or
//! change record. Waived findings stay in every report, marked; an expired waiver, one naming an
//! unknown rule, or one that matches nothing is itself a finding. So is a rule id in
//! `policies.disable` or `policies.severity` that no policy defines: like a waiver's, the entry
//! silently does nothing, and the user believes otherwise.

use crate::config::{LoadedConfig, Waiver};
use crate::date::Date;
use crate::finding::{AppliedWaiver, Finding, Level, fingerprint};
use crate::policy::metadata::Metadata;
use crate::scan::resolve::Anchors;
use globset::GlobMatcher;

pub const WAIVER_EXPIRED: &str = "SAMDSCAN-001";
pub const WAIVER_UNKNOWN_RULE: &str = "SAMDSCAN-002";
pub const WAIVER_UNUSED: &str = "SAMDSCAN-003";

/// METADATA of the waiver rules, which samdscan evaluates itself (they judge findings, which
/// policies cannot see).
pub fn waiver_rules() -> Vec<Metadata> {
    let yaml = r#"
- title: Waiver expired
  description: A waiver in the config has passed its expiry date (judged at --as-of). The findings it covered are reported again until the waiver is renewed or removed.
  custom:
    id: SAMDSCAN-001
    severity: warning
    precision: high
    since: "0.1.0"
    pillar: tool
    recommended_action: Renew the waiver with a new approval and expiry date, or fix the finding and remove the waiver.
    ko:
      title: 예외 승인(waiver) 만료
      description: 설정 파일의 예외 승인이 만료일을 지났습니다(--as-of 기준). 예외 승인을 갱신하거나 삭제할 때까지 해당 발견사항이 다시 보고됩니다.
      recommended_action: 새 승인과 만료일로 예외 승인을 갱신하거나, 발견사항을 해결하고 예외 승인을 삭제하십시오.
    references: [{source: "ISO 13485:2016", clause: "4.2.5", title: "Control of records"}]
- title: Config names an unknown rule
  description: A waiver, a `policies.disable` entry or a `policies.severity` key in the config names a rule id that no loaded policy defines, so it does nothing (the waiver accepts nothing, the rule meant to be disabled or re-levelled is not the one named). Usually a typo or a rule that was renamed.
  custom:
    id: SAMDSCAN-002
    severity: warning
    precision: high
    since: "0.1.0"
    pillar: tool
    recommended_action: Correct the rule id (see `samdscan policy list`) or remove the entry.
    ko:
      title: 설정이 존재하지 않는 규칙을 지정함
      description: 설정 파일의 예외 승인, `policies.disable` 항목 또는 `policies.severity` 키가 어떤 정책도 정의하지 않는 규칙 ID를 지정하므로 아무 효과가 없습니다(예외 승인은 아무것도 승인하지 않고, 비활성화하거나 수준을 바꾸려던 규칙은 지정된 규칙이 아닙니다). 대개 오타이거나 이름이 바뀐 규칙입니다.
      recommended_action: 규칙 ID를 바로잡거나(`samdscan policy list` 참조) 해당 항목을 삭제하십시오.
    references: [{source: "ISO 13485:2016", clause: "4.2.5", title: "Control of records"}]
- title: Waiver matches no finding
  description: A waiver in the config matches no finding of its rule. The issue it accepted has gone away or the path/fingerprint no longer matches; stale waivers hide future problems.
  custom:
    id: SAMDSCAN-003
    severity: note
    precision: high
    since: "0.1.0"
    pillar: tool
    recommended_action: Remove the waiver, or correct its path or fingerprint.
    ko:
      title: 어떤 발견사항과도 맞지 않는 예외 승인
      description: 설정 파일의 예외 승인이 해당 규칙의 어떤 발견사항과도 맞지 않습니다. 승인했던 문제가 사라졌거나 경로/지문(fingerprint)이 더 이상 맞지 않습니다. 오래된 예외 승인은 앞으로의 문제를 가립니다.
      recommended_action: 예외 승인을 삭제하거나 경로 또는 지문을 바로잡으십시오.
    references: [{source: "ISO 13485:2016", clause: "4.2.5", title: "Control of records"}]
"#;
    yaml_serde::from_str(yaml).expect("built-in waiver rule metadata is valid")
}

struct Compiled<'w> {
    index: usize,
    waiver: &'w Waiver,
    path: Option<GlobMatcher>,
    expired: bool,
    used: bool,
}

impl Compiled<'_> {
    fn matches(&self, f: &Finding) -> bool {
        self.waiver.rule == f.rule_id
            && self
                .waiver
                .fingerprint
                .as_ref()
                .is_none_or(|fp| fp == &f.fingerprint)
            && self.path_matches(&f.path)
    }

    /// A waiver without a path accepts any; one whose glob does not compile (the config check
    /// rejects such a glob before a scan starts) accepts none rather than all.
    fn path_matches(&self, path: &str) -> bool {
        match (&self.waiver.path, &self.path) {
            (None, _) => true,
            (Some(_), Some(m)) => m.is_match(path),
            (Some(_), None) => false,
        }
    }
}

/// A waiver's path glob, matched against the whole repository-relative path as written: `*` stays
/// within one folder and `**` crosses folders, so a waiver never accepts more than its author
/// wrote (`src/*.py` does not reach `src/alarm/threshold.py`).
fn path_matcher(glob: &str) -> Option<GlobMatcher> {
    globset::GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
        .ok()
        .map(|g| g.compile_matcher())
}

/// Marks waived findings and returns the findings about the waivers themselves.
pub fn apply_waivers(
    findings: &mut [Finding],
    config: &LoadedConfig,
    known_rule: impl Fn(&str) -> bool,
    as_of: Date,
    anchors: &Anchors,
) -> Vec<Finding> {
    let mut compiled: Vec<Compiled> = config
        .config
        .waivers
        .iter()
        .enumerate()
        .map(|(index, waiver)| Compiled {
            index,
            waiver,
            path: waiver.path.as_deref().and_then(path_matcher),
            expired: waiver.expires < as_of,
            used: false,
        })
        .collect();
    for f in findings.iter_mut() {
        // Every waiver that matches is in use; the first one still in force accepts the finding.
        let mut accepted = None;
        let mut lapsed = false;
        for c in compiled.iter_mut().filter(|c| c.matches(f)) {
            c.used = true;
            lapsed |= c.expired;
            if !c.expired && accepted.is_none() {
                accepted = Some(AppliedWaiver {
                    reason: c.waiver.reason.clone(),
                    approved_by: c.waiver.approved_by.clone(),
                    expires: c.waiver.expires.to_string(),
                    reference: c.waiver.reference.clone(),
                });
            }
        }
        // Live again only because its waiver expired: time, not the commit, raised it.
        f.dated |= lapsed && accepted.is_none();
        f.waiver = accepted;
    }
    compiled
        .iter()
        .filter_map(|c| waiver_finding(c, config, &known_rule, as_of, anchors))
        .collect()
}

fn waiver_finding(
    c: &Compiled,
    config: &LoadedConfig,
    known_rule: &impl Fn(&str) -> bool,
    as_of: Date,
    anchors: &Anchors,
) -> Option<Finding> {
    let w = c.waiver;
    let (rule_id, level, message) = if !known_rule(&w.rule) {
        (
            WAIVER_UNKNOWN_RULE,
            Level::Warning,
            Texts {
                en: format!(
                    "waiver {} names rule `{}`, which no loaded policy defines",
                    w.reference, w.rule
                ),
                ko: format!(
                    "예외 승인 {}이(가) 지정한 규칙 `{}`을(를) 정의하는 정책이 없습니다",
                    w.reference, w.rule
                ),
            },
        )
    } else if c.expired {
        let texts = Texts {
            en: format!(
                "waiver {} for {} expired on {} (as of {as_of}); approved by {}: {}",
                w.reference, w.rule, w.expires, w.approved_by, w.reason
            ),
            ko: format!(
                "{}에 대한 예외 승인 {}이(가) {}에 만료되었습니다(기준일 {as_of}); 승인자 {}: {}",
                w.rule, w.reference, w.expires, w.approved_by, w.reason
            ),
        };
        (WAIVER_EXPIRED, Level::Warning, texts)
    } else if !c.used {
        let scope = w
            .path
            .as_deref()
            .or(w.fingerprint.as_deref())
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        (
            WAIVER_UNUSED,
            Level::Note,
            Texts {
                en: format!(
                    "waiver {} for {}{scope} matches no finding",
                    w.reference, w.rule
                ),
                ko: format!(
                    "{}{scope}에 대한 예외 승인 {}과(와) 맞는 발견사항이 없습니다",
                    w.rule, w.reference
                ),
            },
        )
    } else {
        return None;
    };
    let key = format!(
        "waiver|{}|{}|{}",
        w.rule,
        w.reference,
        w.path.as_deref().or(w.fingerprint.as_deref()).unwrap_or("")
    );
    let at = format!("waivers[{}]", c.index);
    Some(config_finding(
        rule_id, level, message, key, &at, config, anchors,
    ))
}

/// SAMDSCAN-002 findings for the ids in `policies.disable` and `policies.severity` that no loaded
/// policy defines, at the entry's line (or its list's, when the list is written inline).
pub fn unknown_rule_entries(
    config: &LoadedConfig,
    known_rule: impl Fn(&str) -> bool,
    anchors: &Anchors,
) -> Vec<Finding> {
    let policies = &config.config.policies;
    let disabled = policies.disable.iter().enumerate().map(|(i, id)| {
        let at = entry_key(config, format!("policies.disable[{i}]"), "policies.disable");
        let what = Texts {
            en: format!("policies.disable names rule `{id}`"),
            ko: format!("policies.disable이 지정한 규칙 `{id}`"),
        };
        (id, at, what, "disable")
    });
    let levelled = policies.severity.keys().map(|id| {
        let at = entry_key(
            config,
            format!("policies.severity.{id}"),
            "policies.severity",
        );
        let what = Texts {
            en: format!("policies.severity sets the level of rule `{id}`"),
            ko: format!("policies.severity가 수준을 정한 규칙 `{id}`"),
        };
        (id, at, what, "severity")
    });
    disabled
        .chain(levelled)
        .filter(|(id, ..)| !known_rule(id))
        .map(|(id, at, what, kind)| {
            let message = Texts {
                en: format!("{}, which no loaded policy defines", what.en),
                ko: format!("{}을(를) 정의하는 정책이 없습니다", what.ko),
            };
            let key = format!("{kind}|{id}");
            config_finding(
                WAIVER_UNKNOWN_RULE,
                Level::Warning,
                message,
                key,
                &at,
                config,
                anchors,
            )
        })
        .collect()
}

/// The entry's own key when the config file has it on a line of its own, else its holder's (an
/// inline list or mapping).
fn entry_key(config: &LoadedConfig, entry: String, holder: &str) -> String {
    match config.line_of(&entry) {
        Some(_) => entry,
        None => holder.to_string(),
    }
}

/// A finding's message in English and Korean.
struct Texts {
    en: String,
    ko: String,
}

/// A finding about the config entry at dotted key `at`.
fn config_finding(
    rule_id: &str,
    level: Level,
    message: Texts,
    key: String,
    at: &str,
    config: &LoadedConfig,
    anchors: &Anchors,
) -> Finding {
    let (path, line) = anchors.config_key(config, at);
    Finding {
        rule_id: rule_id.to_string(),
        level,
        message: message.en,
        message_ko: Some(message.ko),
        fingerprint: fingerprint(rule_id, &key),
        path,
        line,
        baseline_state: None,
        waiver: None,
        key,
        snippet: None,
        dated: rule_id == WAIVER_EXPIRED,
        sensitive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiver(path: Option<&str>) -> Waiver {
        Waiver {
            rule: "R-1".into(),
            path: path.map(String::from),
            fingerprint: None,
            reason: "r".into(),
            approved_by: "QA".into(),
            expires: Date::parse("2027-01-01").unwrap(),
            reference: "C-1".into(),
        }
    }

    fn accepts(w: &Waiver, path: &str) -> bool {
        let c = Compiled {
            index: 0,
            waiver: w,
            path: w.path.as_deref().and_then(path_matcher),
            expired: false,
            used: false,
        };
        c.path_matches(path)
    }

    #[test]
    fn a_path_glob_is_matched_whole_and_a_broken_one_accepts_nothing() {
        assert!(accepts(&waiver(None), "src/a.py"));
        assert!(accepts(&waiver(Some("src/*.py")), "src/a.py"));
        assert!(!accepts(&waiver(Some("src/*.py")), "src/alarm/a.py"));
        assert!(!accepts(&waiver(Some("src/{a,b")), "src/a.py"));
    }
}
