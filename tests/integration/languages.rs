//! Korean and English: every built-in rule is written in both languages (METADATA `custom.ko`,
//! `msg_ko` beside every `msg`), and `--lang ko` (or `report.lang: ko`) gives Korean rule texts,
//! messages and headings in every format, `--lang en` and the default English.

use samdscan::cmd::policy::reportable_rules;
use samdscan::lang::Lang;
use samdscan::policy::PolicySet;
use std::path::Path;

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn every_built_in_rule_has_its_texts_in_both_languages() {
    let set = PolicySet::builtin().unwrap();
    let mut gaps = vec![];
    for r in reportable_rules(&set) {
        let m = &r.meta;
        let ko = m.custom.ko.as_ref();
        let texts = [
            (
                "title",
                Some(m.title.as_str()),
                ko.and_then(|k| k.title.as_deref()),
            ),
            (
                "description",
                Some(m.description.as_str()),
                ko.and_then(|k| k.description.as_deref()),
            ),
            (
                "recommended_action",
                m.custom.recommended_action.as_deref(),
                ko.and_then(|k| k.recommended_action.as_deref()),
            ),
            (
                "applies",
                m.custom.applies.as_deref(),
                ko.and_then(|k| k.applies.as_deref()),
            ),
            (
                "escalation",
                m.custom.escalation.as_deref(),
                ko.and_then(|k| k.escalation.as_deref()),
            ),
        ];
        let optional = ["applies", "escalation"];
        for (field, en, ko) in texts {
            if en.is_none() && optional.contains(&field) {
                continue;
            }
            if en.is_none_or(|t| t.trim().is_empty()) {
                gaps.push(format!("{}: no English {field}", r.id()));
            }
            if !ko.is_some_and(has_hangul) {
                gaps.push(format!("{}: no Korean custom.ko.{field}", r.id()));
            }
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

/// The built-in policy files (rules, not tests or libraries).
fn policy_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".rego") && !name.ends_with("_test.rego")
        })
        .filter(|e| !e.path().starts_with(root.join("lib")))
        .map(|e| {
            let rel = e.path().strip_prefix(&root).unwrap().display().to_string();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_finding_a_built_in_policy_writes_has_a_korean_message() {
    let english_only =
        regex::Regex::new(r"\b(documents\.missing|documents\.missing_near|ai\.missing)\(").unwrap();
    let mut gaps = vec![];
    for (path, text) in policy_sources() {
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            if english_only.is_match(line) {
                gaps.push(format!(
                    "{path}:{}: use the _ko helper with a Korean message",
                    i + 1
                ));
            }
        }
        let msgs = text.matches("\"msg\":").count();
        let korean = text.matches("\"msg_ko\":").count();
        if msgs != korean {
            gaps.push(format!("{path}: {msgs} `msg` but {korean} `msg_ko`"));
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

#[test]
fn korean_reports_have_korean_messages_titles_and_headings() {
    let dir = crate::common::import_example("09-missing-documents");
    let repo = crate::common::example_repo(&dir, "09-missing-documents");
    let report = crate::common::korean_json(&repo);
    assert_eq!(report["lang"], "ko");
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let message = f["message"].as_str().unwrap();
        assert!(has_hangul(message), "{message}");
        assert_eq!(f["messages"]["ko"].as_str(), Some(message));
        assert!(f["messages"]["en"].is_string(), "{f}");
    }
    for r in report["rules"].as_array().unwrap() {
        assert!(has_hangul(r["title"].as_str().unwrap()), "{r}");
    }
    let text = crate::common::samdscan()
        .args([
            "scan",
            "--fail-on",
            "never",
            "--lang",
            "ko",
            "--show",
            "passed",
        ])
        .arg(&repo)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("기준일"), "{text}");
    assert!(text.contains("\n통과 ("), "{text}");
    assert!(text.contains("발견사항: 오류"), "{text}");
    assert!(text.contains("소프트웨어 개발계획서 존재"), "{text}");
    let markdown = crate::common::samdscan()
        .args([
            "scan",
            "--format",
            "markdown",
            "--fail-on",
            "never",
            "--lang",
            "ko",
        ])
        .arg(&repo)
        .output()
        .unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.contains("**2축: 사이버보안**"), "{markdown}");
    let english = crate::common::samdscan()
        .args(["scan", "--fail-on", "never", "--show", "passed"])
        .arg(&repo)
        .output()
        .unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(english.contains("Software development plan present"));
    assert!(!english.contains("소프트웨어 개발계획서 존재"));
}

#[test]
fn korean_text_report_ends_with_a_korean_verdict() {
    let dir = crate::common::import_example("09-missing-documents");
    let repo = crate::common::example_repo(&dir, "09-missing-documents");
    let out = crate::common::samdscan()
        .args(["scan", "--lang", "ko"])
        .arg(&repo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\n오류 (발견사항 11건)\n"), "{text}");
    assert_eq!(
        text.lines().last(),
        Some("실패: --fail-on error 이상 오류 10건 (종료 코드 1)"),
        "{text}"
    );
    assert!(!text.contains("FAIL:"), "{text}");
    let quiet = crate::common::samdscan()
        .args(["scan", "--lang", "ko", "--quiet", "--fail-on", "never"])
        .arg(&repo)
        .output()
        .unwrap();
    let quiet = String::from_utf8(quiet.stdout).unwrap();
    assert_eq!(
        quiet.lines().last(),
        Some("통과: --fail-on never (종료 코드 0)"),
        "{quiet}"
    );
}

#[test]
fn the_no_config_note_follows_the_language() {
    let dir = crate::common::import_example("02-no-profile");
    let repo = dir.path().join("02-no-profile");
    let run = |lang: &str| {
        let out = crate::common::samdscan()
            .args(["scan", "--lang", lang])
            .current_dir(&repo)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let korean = run("ko");
    assert!(
        korean.contains("참고 설정 파일 없음(.samdscan.yaml 또는 "),
        "{korean}"
    );
    assert!(!korean.contains("no config file"), "{korean}");
    assert!(run("en").contains("note no config file (.samdscan.yaml or "));
}

#[test]
fn sarif_descriptions_follow_the_language_and_help_carries_both() {
    let dir = crate::common::import_example("09-missing-documents");
    let repo = crate::common::example_repo(&dir, "09-missing-documents");
    let (sarif, _) = crate::common::samdscan_json(
        &[
            "scan",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "--lang",
            "ko",
        ],
        &repo,
    );
    let run = &sarif["runs"][0];
    let rule = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "MFDS-SWL-001")
        .unwrap();
    assert_eq!(
        rule["shortDescription"]["text"],
        "소프트웨어 개발계획서 존재"
    );
    assert!(has_hangul(
        rule["fullDescription"]["text"].as_str().unwrap()
    ));
    let help = rule["help"]["markdown"].as_str().unwrap();
    assert!(help.contains("소프트웨어 개발계획서 존재"), "{help}");
    assert!(help.contains("Software development plan present"), "{help}");
    assert_eq!(rule["name"], "SoftwareDevelopmentPlanPresent");
    for result in run["results"].as_array().unwrap() {
        assert!(has_hangul(result["message"]["text"].as_str().unwrap()));
    }
}

#[test]
fn the_config_sets_the_language_and_the_flag_wins() {
    let repo = crate::common::git_repo(&[
        (".samdscan.yaml", "report:\n  lang: ko\n"),
        ("README.md", "# x\n"),
    ]);
    let report = crate::common::scan_json(repo.path());
    assert_eq!(report["lang"], "ko");
    let profile = crate::common::findings_of(&report, "MFDS-GEN-001");
    assert!(has_hangul(profile[0]["message"].as_str().unwrap()));
    let english = crate::common::json_in("en", repo.path());
    assert_eq!(english["lang"], "en");
    let profile = crate::common::findings_of(&english, "MFDS-GEN-001");
    assert!(!has_hangul(profile[0]["message"].as_str().unwrap()));
}

#[test]
fn a_wrong_language_in_the_config_is_a_config_error() {
    let repo = crate::common::git_repo(&[(".samdscan.yaml", "report:\n  lang: kr\n")]);
    let out = crate::common::samdscan()
        .arg("scan")
        .arg(repo.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("report.lang") && err.contains("en, ko"),
        "{err}"
    );
}

#[test]
fn policy_list_and_explain_speak_korean() {
    let out = crate::common::samdscan()
        .args(["policy", "list", "--lang", "ko"])
        .output()
        .unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(
        list.contains("소프트웨어 자재명세서(SBOM) 존재 및 판독 가능"),
        "{list}"
    );
    let out = crate::common::samdscan()
        .args(["policy", "explain", "MFDS-CYB-014", "--lang", "ko"])
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("## 권고 조치"), "{page}");
    assert!(page.contains("전자적 침해행위"), "{page}");
}

#[test]
fn waiver_findings_are_written_in_korean_too() {
    let set = PolicySet::builtin().unwrap();
    let waiver = reportable_rules(&set)
        .into_iter()
        .find(|r| r.id() == "SAMDSCAN-001")
        .unwrap();
    assert_eq!(waiver.meta.title_in(Lang::Ko), "예외 승인(waiver) 만료");
    let repo = crate::common::git_repo(&[
        (
            ".samdscan.yaml",
            "waivers:\n  - {rule: MFDS-NOPE-001, reason: r, approved_by: QA, expires: 2027-01-01, ref: CAPA-1}\n",
        ),
        ("README.md", "# x\n"),
    ]);
    let report = crate::common::korean_json(repo.path());
    let unknown = crate::common::findings_of(&report, "SAMDSCAN-002");
    assert!(
        unknown[0]["message"]
            .as_str()
            .unwrap()
            .contains("MFDS-NOPE-001`을(를) 정의하는 정책이 없습니다"),
        "{unknown:?}"
    );
}

#[test]
fn every_reason_of_every_example_is_korean_in_a_korean_report() {
    let mut reasons = 0;
    for name in crate::common::example_names() {
        let dir = crate::common::import_example(&name);
        let report = crate::common::korean_json(&crate::common::example_repo(&dir, &name));
        for rule in report["rules"].as_array().unwrap() {
            for reason in rule["reasons"].as_array().into_iter().flatten() {
                let text = reason.as_str().unwrap();
                assert!(has_hangul(text), "{name} {}: {text}", rule["id"]);
                reasons += 1;
            }
        }
    }
    // The examples between them rule out or leave unjudged dozens of rules.
    assert!(reasons > 50, "only {reasons} reasons in all examples");
}

/// The catalogue's escalation rule (§0.3: a warning becomes an error for grade 4 or any class C
/// system, unless the item says otherwise) is decided per rule: every rule whose default level is
/// a warning says how it escalates, and a rule that uses `profile.escalate` says it in those terms.
#[test]
fn every_warning_rule_states_its_escalation() {
    let set = PolicySet::builtin().unwrap();
    let mut gaps = vec![];
    for r in reportable_rules(&set)
        .into_iter()
        .filter(|r| r.id().starts_with("MFDS-"))
    {
        let c = &r.meta.custom;
        let escalation = c.escalation.as_deref().unwrap_or_default();
        // An escalating rule's page states the catalogue's rule itself; one that does not
        // escalate must say why, in the catalogue's words.
        if c.severity == samdscan::finding::Level::Warning
            && !c.escalates()
            && escalation.is_empty()
        {
            gaps.push(format!(
                "{}: does not escalate and does not say why",
                r.id()
            ));
        }
        if c.escalates()
            && escalation.contains("every grade and class")
            && escalation.contains("Warning")
        {
            gaps.push(format!(
                "{}: escalates, but its text says: {escalation}",
                r.id()
            ));
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}
