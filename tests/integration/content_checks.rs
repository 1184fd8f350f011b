//! The content checks on repositories kept the way teams keep them, not our examples: a DHF
//! folder with Korean and English documents, an incident-response plan whose exercise log is a
//! dated list, a usability file whose use scenarios cite the hazard log, and a risk table with
//! its own id scheme.

use crate::common::{git_repo, rule_state, scan_as_of, sorted_messages};

const CONFIG: &str = "product:\n  name: Infusion\n  grade: 3\n  regime: DMPA\n  connected: true\n  ui: true\n  dmd_type: embedded\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: B}\n";

const HAZARDS: &str = "id,hazard,hazardous_situation,harm,severity,probability,risk_controls,residual_risk,verification\nHAZ-01,Wrong rate entered,Nurse types 100 for 10 (UE-03),Overdose,Serious,Remote,RC-4,Acceptable,TC-8\nHAZ-02,Occlusion alarm missed,Alarm not noticed,Delayed treatment,Serious,Remote,RC-5,Acceptable,TC-9\n";

fn usability(scenarios: &str) -> String {
    format!(
        "# Usability engineering file\n\n## Use specification\nWard nurses.\n\n## User interface specification\nKeypad and alarm bar.\n\n## Hazard-related use scenarios\n{scenarios}\n\n## Formative evaluation\nFE-1.\n\n## Summative evaluation\nSE-1.\n"
    )
}

fn ir_plan(exercises: &str) -> String {
    format!(
        "---\nreviewed: 2026-06-01\n---\n# 침해사고 대응 계획\n\n## 탐지\nSIEM 경보.\n\n## 평가 및 분류\n환자 안전 영향 평가.\n\n## 봉쇄 및 제거\n서버 격리.\n\n## 통지\n식약처와 병원에 72시간 이내 통보. 담당: 보안책임자 010-1234-5678\n\n## 복구\n검증된 배포본으로 복구.\n\n## 사후 검토 및 교훈\nCAPA로 관리.\n\n## Tabletop exercises\n{exercises}\n"
    )
}

fn scan(files: &[(&str, &str)]) -> serde_json::Value {
    let dir = git_repo(files);
    scan_as_of(dir.path(), "2026-10-01")
}

#[test]
fn use_scenarios_are_checked_against_the_hazard_log() {
    let linked =
        usability("- UE-03 rate typed as 100 instead of 10\n- UE-04 alarm not noticed (HAZ-02)");
    let report = scan(&[
        (".samdscan.yaml", CONFIG),
        ("dhf/risk/hazard-log.csv", HAZARDS),
        ("dhf/usability/usability-engineering-file.md", &linked),
    ]);
    assert!(
        sorted_messages(&report, "MFDS-USE-001").is_empty(),
        "{:?}",
        sorted_messages(&report, "MFDS-USE-001")
    );

    let broken =
        usability("- UE-03 rate typed as 100 instead of 10\n- UE-05 bolus given twice (HAZ-07)");
    let report = scan(&[
        (".samdscan.yaml", CONFIG),
        ("dhf/risk/hazard-log.csv", HAZARDS),
        ("dhf/usability/usability-engineering-file.md", &broken),
    ]);
    let found = sorted_messages(&report, "MFDS-USE-001");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("UE-05") && found[0].contains("cites HAZ-07"),
        "{found:?}"
    );
    assert!(
        found[1].contains("UE-05") && found[1].contains("is in no risk row"),
        "{found:?}"
    );
}

#[test]
fn the_incident_response_exercise_log_is_dated() {
    let exercise_messages = |exercises: &str| {
        let plan = ir_plan(exercises);
        let report = scan(&[
            (".samdscan.yaml", CONFIG),
            ("dhf/security/incident-response.md", &plan),
        ]);
        sorted_messages(&report, "MFDS-CYB-014")
            .into_iter()
            .filter(|m| m.contains("exercise"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        exercise_messages("- 2026/04/14 ransomware on the gateway"),
        Vec::<String>::new()
    );
    let stale = exercise_messages("- 2024/11/20 ransomware on the gateway");
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(
        stale[0].contains("its newest date is 2024-11-20"),
        "{stale:?}"
    );

    let plan = ir_plan("- 2026/04/14 ransomware").replace("## Tabletop exercises", "## Contacts");
    let report = scan(&[
        (".samdscan.yaml", CONFIG),
        ("dhf/security/incident-response.md", &plan),
    ]);
    assert_eq!(rule_state(&report, "MFDS-CYB-014"), "failed");
    assert!(
        sorted_messages(&report, "MFDS-CYB-014")
            .iter()
            .any(|m| m.contains("records no exercise")),
        "{:?}",
        sorted_messages(&report, "MFDS-CYB-014")
    );
}
