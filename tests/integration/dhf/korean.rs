//! A Korean-language DHF: "SW 개발 계획" (a title variant) named `SW개발계획서.md`, a risk
//! management plan whose severity and probability levels are a Korean table, a hazard analysis
//! with Korean FMEA headers split by columns over two CSV files (`위험분석-위해.csv`,
//! `위험분석-통제.csv`), a requirements specification found by its title
//! (`요구사항 명세`), a test report (`시험성적서.md`) judged 합격, and a vulnerability plan whose
//! parts are bold lead-ins. Decoy: an unfilled Korean plan template (`작성 예정`).

use super::{Replacing, checked, documents_of, example_states, owned};
use serde_json::{Value, json};

const SDP: &str = "# SW 개발 계획\n\n**수명주기 모델:** 분기별 릴리스의 반복 개발 (IEC 62304 §5.1.1).\n\n**산출물:** 요구사항, 시험 성적서, SBOM.\n\n**검증 계획:** CI의 단위 시험, 릴리스마다 시스템 시험.\n\n**위험관리 계획:** 문서/위험관리계획서.md에 따른다.\n\n**통합 시험 계획:** main에 병합할 때마다 CI에서.\n\n**형상 관리:** git, 서명된 릴리스 태그, 커밋된 잠금 파일.\n\n**유지보수:** 현장 의견을 매월 검토한다.\n";

const RMP: &str = "---\nversion: \"2\"\napproved: 2026-05-02\n---\n# 위험관리 계획\n\n## 적용 범위\n\n사용목적에 따른 심박 소프트웨어 전체.\n\n## 책임과 권한\n\n위험관리 책임자가 파일을 관리한다.\n\n## 심각도\n\n| 등급 | 심각도 | 설명 |\n|---|---|---|\n| S1 | 무시 가능 | 상해 없음 |\n| S2 | 경미 | 일시적 불편 |\n| S3 | 중대 | 치료가 필요한 상해 |\n| S4 | 심각 | 영구 장애 |\n| S5 | 치명적 | 사망 |\n\n## 발생 가능성\n\n| 등급 | 발생 가능성 | 설명 |\n|---|---|---|\n| P1 | 거의 없음 | 제품 수명 중 1회 미만 |\n| P2 | 희박 | 제품 수명 중 1회 |\n| P3 | 가끔 | 연 1회 |\n| P4 | 자주 | 월 1회 |\n| P5 | 빈번 | 주 1회 |\n\n점수(심각도 x 발생 가능성)가 10 이상이면 통제 전 수용 불가.\n\n## 위험 통제 검증\n\n통제마다 시험으로 검증한다.\n\n## 생산 및 생산 후 정보\n\n불만과 현장 자료를 분기마다 검토한다.\n";

/// The hazard analysis, split by columns over two spreadsheet exports joined by 번호.
const HAZARDS: &str = "번호,위해요인,위해 상황,위해,심각도,발생 가능성\nRSK-1,알람 누락,빈맥 미통지,치료 지연,S4,P3\nRSK-2,잘못된 심박수,잘못된 값 신뢰,잘못된 치료,S3,P2\n";

const CONTROLS: &str = "번호,위험 통제 조치,잔여 위험,검증\nRSK-2,RC-2 (REQ-2),수용 가능,tests/test_ecg.py\nRSK-1,RC-1 (REQ-3),수용 가능,tests/test_alarm.py\n";

const SRS: &str = "# 소프트웨어 요구사항 명세\n\n| 요구사항 ID | 요구사항 |\n|---|---|\n| REQ-1 | 평균 RR 간격으로 심박수를 계산한다 |\n| REQ-2 | 빈 RR 계열을 거부한다 |\n| REQ-3 | 150 bpm 초과, 40 bpm 미만이면 알람한다 |\n";

const REPORT: &str = "# 시험 성적서\n\n- 버전: 1.2.0\n- 시험일: 2026-09-28\n\n| 시험 ID | 요구사항 | 결과 |\n|---|---|---|\n| TC-1 | REQ-1 | 합격 |\n| TC-2 | REQ-2 | 합격 |\n| TC-3 | REQ-3 | 합격 |\n";

const VULN: &str = "---\nreviewed: 2026-07-15\n---\n# 취약점 관리 계획\n\n**모니터링:** NVD, OSV, KISA 공지를 매일 확인한다.\n\n**평가 및 분류:** CVSS와 환자 안전 영향을 5일 이내에 평가한다.\n\n**패치 배포:** 치명적 취약점은 30일 이내에 서명된 업데이트로 배포한다.\n\n**통지:** 병원과 식약처에 통지한다.\n";

const TEMPLATE: &str =
    "# 위험관리 계획 (양식)\n\n## 범위\n작성 예정\n\n## 책임\n내용을 입력하십시오.\n";

fn dhf() -> Vec<(&'static str, &'static str)> {
    vec![
        ("문서/SW개발계획서.md", SDP),
        ("문서/위험관리계획서.md", RMP),
        ("문서/위험분석-위해.csv", HAZARDS),
        ("문서/위험분석-통제.csv", CONTROLS),
        ("문서/요구사항.md", SRS),
        ("문서/시험성적서.md", REPORT),
        ("문서/보안/취약점관리계획.md", VULN),
        (
            "문서/위험관리보고서.md",
            "# 위험관리 보고서\n\n- 버전: 1.2.0\n- 작성일: 2026-09-29\n\n잔여 위험은 수용 가능하다.\n",
        ),
        ("문서/양식/위험관리계획-양식.md", TEMPLATE),
        (
            "CHANGELOG.md",
            "# 변경 이력\n\n## [1.2.0] - 2026-10-01\n- 알람 임계값 히스테리시스 조정 (CR-41).\n",
        ),
        (
            "tests/test_ecg.py",
            "def test_heart_rate():\n    \"\"\"Verifies: REQ-1\"\"\"\n\n\ndef test_empty():\n    \"\"\"Verifies: REQ-2\"\"\"\n",
        ),
        (
            "tests/test_alarm.py",
            "def test_thresholds():\n    \"\"\"Verifies: REQ-3\"\"\"\n",
        ),
    ]
}

#[test]
fn a_korean_dhf_is_read_like_an_english_one() {
    let seen = checked(
        Replacing::Dhf,
        &owned(&dhf()),
        &example_states(),
        [45, 0, 25, 3],
    );
    let ev = &seen.evidence;
    assert_eq!(
        documents_of(ev, "software_development_plan"),
        ["문서/SW개발계획서.md"]
    );
    assert_eq!(
        documents_of(ev, "risk_management_plan"),
        ["문서/위험관리계획서.md"]
    );
    let scales = &ev["risks"]["scales"];
    assert_eq!(scales["source"], "plan");
    assert_eq!(scales["severity"][4], serde_json::json!(["s5", "치명적"]));
    assert_eq!(
        ev["risks"]["tables"][0]["missing_columns"],
        serde_json::json!([])
    );
    assert_eq!(ev["risks"]["tables"][0]["rows"][0]["score"], 12);
    let report = &ev["test_reports"][0];
    assert_eq!(
        (report["path"].as_str(), report["tests"].as_u64()),
        (Some("문서/시험성적서.md"), Some(3))
    );
    assert_eq!(report["version"], "1.2.0");
}

/// The titles a new user tried (issue 14), in files whose names say nothing, so only the title can
/// make each document its kind; spacing and suffixes vary as teams write them.
const TITLED: &[(&str, &str, &str)] = &[
    (
        "docs/a.md",
        "# SW 개발계획서\n\n본문.\n",
        "software_development_plan",
    ),
    (
        "docs/b.md",
        "# 소프트웨어개발계획서\n\n본문.\n",
        "software_development_plan",
    ),
    (
        "docs/c.md",
        "# 위험관리계획서\n\n본문.\n",
        "risk_management_plan",
    ),
    ("docs/d.md", "# 위해요인 분석표\n\n본문.\n", "risk_table"),
    (
        "docs/e.md",
        "# 사이버보안 관리 계획\n\n본문.\n",
        "vulnerability_management_plan",
    ),
    (
        "docs/f.md",
        "# 전자적 침해행위 보안 대응 절차\n\n본문.\n",
        "incident_response_plan",
    ),
    (
        "docs/g.md",
        "# 1. 시판후 감시 계획서\n\n본문.\n",
        "post_market_surveillance_plan",
    ),
    (
        "보안정책.md",
        "# 보안 정책\n\n보고: security@example.kr\n",
        "security_policy",
    ),
];

#[test]
fn korean_titles_are_recognised_whatever_their_spacing_and_suffix() {
    let mut files: Vec<(&str, &str)> = TITLED.iter().map(|(p, t, _)| (*p, *t)).collect();
    files.push((
        "docs/h.md",
        "# 요구사항 명세서\n\n| ID | 요구사항 |\n|---|---|\n| REQ-1 | 심박수를 계산한다 |\n",
    ));
    let repo = crate::common::git_repo(&files);
    let ev = crate::common::evidence_json(repo.path(), &[]);
    for (path, _, kind) in TITLED {
        assert!(
            documents_of(&ev, kind).contains(&path.to_string()),
            "{path} is not a {kind}: {:?}",
            ev["documents"][kind]
        );
    }
    assert_eq!(ev["requirements"]["items"][0]["id"], "REQ-1");
}

#[test]
fn korean_risk_levels_and_dates_are_read() {
    let table = "# 위해요인 분석표\n\n| 번호 | 위해요인 | 위해 상황 | 위해 | 심각도 | 발생 가능성 | 위험 통제 | 잔여 위험 | 검증 |\n|---|---|---|---|---|---|---|---|---|\n| RSK-1 | 알람 누락 | 빈맥 미통지 | 치료 지연 | 치명 | 낮음 | RC-1 | 수용 가능 | TC-1 |\n| RSK-2 | 잘못된 값 | 값 신뢰 | 잘못된 치료 | 중대 | 보통 | RC-2 | 수용 가능 | TC-2 |\n| RSK-3 | 화면 지연 | 표시 지연 | 불편 | 경미 | 매우 높음 | RC-3 | 수용 가능 | TC-3 |\n| RSK-4 | 통신 단절 | 전송 실패 | 지연 | 경미 | 매우 낮음 (연 1회 미만) | RC-4 | 수용 가능 | TC-4 |\n";
    let repo = crate::common::git_repo(&[
        ("docs/risk.md", table),
        (
            "docs/threat.md",
            "---\nreviewed: 2026년 3월 1일\n---\n# 위협 모델\n\n본문.\n",
        ),
        (
            "docs/vuln.md",
            "---\nreviewed: 2026.03.02\n---\n# 취약점 관리 계획\n\n본문.\n",
        ),
    ]);
    let ev = crate::common::evidence_json(repo.path(), &[]);
    let rows = ev["risks"]["tables"][0]["rows"].as_array().unwrap();
    let ranks: Vec<(Value, Value)> = rows
        .iter()
        .map(|r| (r["severity_rank"].clone(), r["probability_rank"].clone()))
        .collect();
    assert_eq!(
        ranks,
        [(5, 2), (3, 3), (2, 5), (2, 1)].map(|(s, p)| (json!(s), json!(p))),
        "{rows:?}"
    );
    assert_eq!(
        ev["documents"]["threat_model"][0]["reviewed"]["date"],
        "2026-03-01"
    );
    assert_eq!(
        ev["documents"]["vulnerability_management_plan"][0]["reviewed"]["date"],
        "2026-03-02"
    );
}
