//! `samdscan policy list | explain | test`: the policy author's and auditor's view of the rules.

use crate::catalogue;
use crate::cli::{PolicyCommand, Target};
use crate::lang::Lang;
use crate::output::write_output;
use crate::policy::PolicySet;
use crate::policy::engine::{Rule, read_policy_dir};
use crate::policy::metadata::Custom;
use crate::policy::testing::{TestScope, run_tests};
use crate::report::{pillar_name, rule_help_uri};
use crate::scan::pipeline::scan_target;
use crate::scan::waiver::waiver_rules;
use anyhow::{Result, bail};
use std::fmt::Write as _;
use std::path::PathBuf;

pub fn run(cmd: PolicyCommand) -> Result<u8> {
    match cmd {
        PolicyCommand::List {
            policies,
            catalogue: false,
            lang,
        } => list(&load(&policies)?, lang),
        PolicyCommand::List {
            policies,
            catalogue: true,
            ..
        } => list_catalogue(&load(&policies)?),
        PolicyCommand::Explain {
            id,
            policies,
            repo,
            lang,
        } => {
            explain(&load(&policies)?, &id, lang)?;
            match repo {
                Some(repo) => explain_in_repo(&id, repo, &policies, lang),
                None => Ok(0),
            }
        }
        PolicyCommand::Test { dirs, with_builtin } => {
            let scope = if with_builtin || dirs.is_empty() {
                TestScope::All
            } else {
                TestScope::UserOnly
            };
            test(&load_for_test(&dirs)?, scope)
        }
    }
}

fn load(dirs: &[PathBuf]) -> Result<PolicySet> {
    let mut set = PolicySet::builtin()?;
    for d in dirs {
        set.add_dir(d)?;
    }
    Ok(set)
}

/// The built-in policies with the directories given explicitly taking the place of built-in
/// files of the same package, so `policy test policies` tests the copy on disk.
fn load_for_test(dirs: &[PathBuf]) -> Result<PolicySet> {
    let mut set = PolicySet::builtin()?;
    for d in dirs {
        let files = read_policy_dir(d)?;
        set.replace_builtin_packages(&files);
        set.add_files(files)?;
    }
    Ok(set)
}

/// Every rule that can appear in a report, sorted by id: the loaded policies' rules and the
/// waiver rules samdscan evaluates itself.
pub fn reportable_rules(set: &PolicySet) -> Vec<Rule> {
    let waivers = waiver_rules().into_iter().map(|meta| Rule {
        path: "src/scan/waiver.rs".into(),
        package: "(evaluated by samdscan itself)".into(),
        meta,
    });
    let mut rules: Vec<Rule> = set.rules.iter().cloned().chain(waivers).collect();
    rules.sort_by(|a, b| a.id().cmp(b.id()));
    rules
}

fn list(set: &PolicySet, lang: Lang) -> Result<u8> {
    let user = match lang {
        Lang::En => "  (user)",
        Lang::Ko => "  (사용자 정책)",
    };
    let mut out = String::new();
    for r in &reportable_rules(set) {
        let origin = if r.builtin() { "" } else { user };
        let _ = writeln!(
            out,
            "{:<14} {:<8} {}{origin}",
            r.id(),
            r.meta.custom.severity.as_str(),
            r.meta.title_in(lang)
        );
    }
    write_output(None, &out)?;
    Ok(0)
}

/// The regulatory catalogue against the loaded rules (`policy list --catalogue`).
fn list_catalogue(set: &PolicySet) -> Result<u8> {
    let rules = set.rules.iter().map(|r| (r.id(), r.meta.custom.observable));
    write_output(
        None,
        &catalogue::render_coverage(&catalogue::coverage(rules)),
    )?;
    Ok(0)
}

/// Labels of a rule page, in each language.
struct PageWords {
    default_level: &'static str,
    pillar: &'static str,
    applies: &'static str,
    escalation: &'static str,
    /// The catalogue's escalation rule (§0.3), stated on the page of every rule it applies to.
    catalogue_escalation: &'static str,
    evidence_read: &'static str,
    outcomes_read: &'static str,
    optional: &'static str,
    presence: &'static str,
    not_observable: &'static str,
    since: &'static str,
    deprecated: &'static str,
    replaced_by: &'static str,
    yes: &'static str,
    policy: &'static str,
    package: &'static str,
}

const PAGE_EN: PageWords = PageWords {
    default_level: "Default level",
    pillar: "Pillar",
    applies: "Applies",
    escalation: "Escalation",
    catalogue_escalation: "A warning becomes an error for grade 4 or any class C software system (catalogue §0.3).",
    evidence_read: "Evidence read",
    outcomes_read: "Outcomes read (evaluated after these rules, in the same scan)",
    optional: "optional",
    presence: "- **Presence rule:** evaluated without its evidence, to report that it is missing\n",
    not_observable: "- **Observable from a repository:** no (reported as \"not observable\")\n",
    since: "Since",
    deprecated: "Deprecated",
    replaced_by: "replaced by",
    yes: "yes",
    policy: "Policy",
    package: "package",
};

const PAGE_KO: PageWords = PageWords {
    default_level: "기본 수준",
    pillar: "종합계획 축",
    applies: "적용 대상",
    escalation: "수준 상향",
    catalogue_escalation: "4등급이거나 안전성 등급 C인 소프트웨어 시스템이 있으면 경고는 오류가 됩니다(카탈로그 §0.3).",
    evidence_read: "읽는 증거",
    outcomes_read: "읽는 규칙 결과(같은 스캔에서 이 규칙들 다음에 평가)",
    optional: "선택",
    presence: "- **존재 규칙:** 증거가 없어도 평가하여 없다는 사실을 보고합니다\n",
    not_observable: "- **저장소로 확인 가능:** 아니오(\"저장소로 확인 불가\"로 보고)\n",
    since: "도입 버전",
    deprecated: "폐지 예정",
    replaced_by: "대체 규칙",
    yes: "예",
    policy: "정책",
    package: "패키지",
};

/// The rule's documentation as Markdown in `lang`, from its METADATA (also used for the
/// docs/rules and docs/rules/ko pages).
pub fn rule_markdown(r: &Rule, lang: Lang) -> String {
    let c = &r.meta.custom;
    let p = match lang {
        Lang::En => &PAGE_EN,
        Lang::Ko => &PAGE_KO,
    };
    let w = lang.words();
    let mut out = format!("# {}: {}\n\n", c.id, r.meta.title_in(lang));
    out.push_str(&format!(
        "- **{}:** {}\n",
        p.default_level,
        w.level(c.severity)
    ));
    out.push_str(&format!(
        "- **{}:** {}\n",
        p.pillar,
        pillar_name(c.pillar.as_deref(), lang)
    ));
    if let Some(a) = r.meta.applies_in(lang) {
        out.push_str(&format!("- **{}:** {}\n", p.applies, a.trim()));
    }
    let own = r.meta.escalation_in(lang).map(str::trim);
    let rule = c.escalates().then_some(p.catalogue_escalation);
    let escalation: Vec<&str> = own.into_iter().chain(rule).collect();
    if !escalation.is_empty() {
        out.push_str(&format!(
            "- **{}:** {}\n",
            p.escalation,
            escalation.join(" ")
        ));
    }
    if !c.evidence.is_empty() {
        out.push_str(&format!(
            "- **{}:** {}\n",
            p.evidence_read,
            c.evidence
                .iter()
                .map(|e| match e.strip_suffix('?') {
                    Some(key) => format!("`{key}` ({})", p.optional),
                    None => format!("`{e}`"),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !c.outcomes.is_empty() {
        let ids: Vec<String> = c.outcomes.iter().map(|id| format!("`{id}`")).collect();
        out.push_str(&format!("- **{}:** {}\n", p.outcomes_read, ids.join(", ")));
    }
    if c.presence {
        out.push_str(p.presence);
    }
    if !c.observable {
        out.push_str(p.not_observable);
    }
    out.push_str(&lifecycle_lines(c, p));
    out.push_str(&format!(
        "- **{}:** `{}` ({} `{}`)\n\n",
        p.policy, r.path, p.package, r.package
    ));
    out.push_str(r.meta.description_in(lang).trim());
    out.push('\n');
    if let Some(a) = r.meta.recommended_action_in(lang) {
        out.push_str(&format!("\n## {}\n\n{}\n", w.recommended_action, a.trim()));
    }
    if !c.references.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w.references));
        for rf in &c.references {
            match &rf.url {
                Some(u) => out.push_str(&format!("- [{}]({u})\n", rf.label())),
                None => out.push_str(&format!("- {}\n", rf.label())),
            }
        }
    }
    out
}

/// Since which version the rule exists, and whether it is deprecated (and by what replaced).
fn lifecycle_lines(c: &Custom, p: &PageWords) -> String {
    let mut out = String::new();
    if let Some(since) = &c.since {
        out.push_str(&format!("- **{}:** samdscan {since}\n", p.since));
    }
    match &c.replaced_by {
        Some(by) => out.push_str(&format!(
            "- **{}:** {}, {} [{by}]({by}.md)\n",
            p.deprecated, p.yes, p.replaced_by
        )),
        None if c.is_deprecated() => out.push_str(&format!("- **{}:** {}\n", p.deprecated, p.yes)),
        None => {}
    }
    out
}

fn explain(set: &PolicySet, id: &str, lang: Lang) -> Result<u8> {
    let rules = reportable_rules(set);
    let Some(rule) = rules.iter().find(|r| r.id().eq_ignore_ascii_case(id)) else {
        bail!("no rule with id `{id}` (see `samdscan policy list`)");
    };
    let mut out = rule_markdown(rule, lang);
    if let Some(uri) = rule_help_uri(&rule.meta) {
        let online = match lang {
            Lang::En => "Online",
            Lang::Ko => "온라인 문서",
        };
        let _ = writeln!(out, "\n{online}: {uri}");
    }
    write_output(None, &out)?;
    Ok(0)
}

/// The rule's state in one repository and the evidence it judged (`explain --repo PATH`).
fn explain_in_repo(id: &str, path: PathBuf, policies: &[PathBuf], lang: Lang) -> Result<u8> {
    let target = Target::at(path);
    let outcome = scan_target(&target, policies)?;
    let w = lang.words();
    let (heading, state, reason, judged, none, finding) = match lang {
        Lang::En => (
            "In",
            "State",
            "Reason",
            "Evidence judged",
            "none",
            "Finding",
        ),
        Lang::Ko => ("저장소", "상태", "사유", "판단한 증거", "없음", "발견사항"),
    };
    let Some(rule) = outcome
        .report
        .rules
        .iter()
        .find(|r| r.id().eq_ignore_ascii_case(id))
    else {
        bail!("rule `{id}` is disabled in {}", target.path.display());
    };
    let mut out = format!("\n## {heading} {}\n\n", target.path.display());
    let _ = writeln!(out, "- **{state}:** {}", w.state(rule.state));
    for r in &rule.reasons {
        let _ = writeln!(out, "- **{reason}:** {}", r.text(lang));
    }
    if rule.evidence.is_empty() {
        let _ = writeln!(out, "- **{judged}:** {none}");
    }
    for evidence in &rule.evidence {
        let _ = writeln!(out, "- **{judged}:** {evidence}");
    }
    let findings = outcome
        .report
        .active_findings()
        .filter(|f| f.rule_id.eq_ignore_ascii_case(id));
    for f in findings {
        let _ = writeln!(
            out,
            "- **{finding}** ({}): {}:{}: {}",
            w.level(f.level),
            f.path,
            f.line,
            f.message_in(lang)
        );
    }
    write_output(None, &out)?;
    Ok(0)
}

fn test(set: &PolicySet, scope: TestScope) -> Result<u8> {
    let results = run_tests(set, scope)?;
    let mut failed = 0;
    let mut out = String::new();
    for r in &results {
        if r.passed {
            let _ = writeln!(out, "PASS {}: {}", r.file, r.name);
        } else {
            failed += 1;
            let _ = writeln!(out, "FAIL {}: {}", r.file, r.name);
            if let Some(d) = &r.detail {
                let _ = writeln!(out, "     {d}");
            }
        }
    }
    let passed = results.len() - failed;
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    write_output(None, &out)?;
    if results.is_empty() {
        bail!("no test_* rules found in *_test.rego files");
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
