//! The Korean titles a Korean team gives its documents, with the spacing and suffix variants real
//! teams write (계획/계획서, 명세/명세서, 분석/분석표, SW/소프트웨어, with and without spaces), each
//! recognised as its kind by title alone: every file here has a name no kind's globs match
//! (`docs/d07.md`), so only the title can make it a document. [`VARIANTS`] is the list the
//! issue's closing note gives; a variant that stops being recognised fails the test by name.

use crate::common::{evidence_json, filled, git_repo};
use serde_json::Value;

/// (document kind, Korean titles tested). Document kinds are `documents.<kind>`; `requirements`,
/// `test_report`, `soup_list` and `change_control_plan` are the kinds other extractors find by
/// title (requirements files, V&V reports, SOUP lists, AI change management plans).
pub const VARIANTS: &[(&str, &[&str])] = &[
    (
        "software_development_plan",
        &[
            "SW 개발계획서",
            "SW개발계획",
            "소프트웨어 개발 계획서",
            "소프트웨어개발계획서",
            "4.2 소프트웨어 개발 계획",
        ],
    ),
    (
        "risk_management_plan",
        &["위험관리계획서", "위험관리 계획", "위험 관리 계획서"],
    ),
    (
        "risk_table",
        &[
            "위해요인 분석표",
            "위해요인분석",
            "위험 분석표",
            "위해 분석",
        ],
    ),
    (
        "risk_management_report",
        &["위험관리 보고서", "위험관리보고서", "위험 관리 보고"],
    ),
    (
        "security_policy",
        &["보안 정책", "보안정책", "취약점 공개 정책"],
    ),
    (
        "changelog",
        &[
            "변경 이력",
            "변경이력",
            "릴리스 노트",
            "릴리즈 노트",
            "배포 노트",
        ],
    ),
    ("intended_use", &["사용목적", "사용 목적 및 사용 방법"]),
    (
        "vulnerability_management_plan",
        &[
            "사이버보안 관리 계획서",
            "사이버보안관리계획",
            "취약점 관리 계획",
            "취약점 모니터링 절차",
            "보안 패치 계획서",
        ],
    ),
    ("threat_model", &["위협 모델", "위협모델링 보고서"]),
    (
        "secure_coding_standard",
        &["시큐어 코딩 표준", "시큐어코딩 가이드", "보안 코딩 규칙"],
    ),
    (
        "incident_response_plan",
        &[
            "전자적 침해행위 보안 대응 절차",
            "전자적침해행위 보안대응 절차서",
            "침해사고 대응 계획서",
            "보안사고 대응 절차",
        ],
    ),
    (
        "support_policy",
        &["보안 지원 기간 정책", "지원기간", "지원 종료 안내"],
    ),
    (
        "post_market_surveillance_plan",
        &["시판 후 감시 계획서", "시판후 관리 계획", "시판후감시계획"],
    ),
    (
        "real_world_assessment_plan",
        &["실사용 평가 계획서", "실사용평가계획"],
    ),
    (
        "clinical_evaluation",
        &[
            "임상적 성능시험 계획서",
            "임상적 성능시험 결과보고서",
            "임상 평가 보고서",
            "임상평가계획",
        ],
    ),
    (
        "labeling",
        &["사용설명서", "전자적 사용설명서", "표시기재", "첨부문서"],
    ),
    (
        "usability_file",
        &["사용적합성 평가 보고서", "사용적합성 엔지니어링 파일"],
    ),
    ("qms_procedure", &["변경관리 절차서", "문제 해결 절차"]),
    (
        "combination_product",
        &["디지털융합의약품 연계 계획", "디지털 융합 제품 설명"],
    ),
    (
        "requirements",
        &[
            "소프트웨어 요구사항 명세서",
            "SW 요구사항 명세",
            "소프트웨어요구사항명세",
        ],
    ),
    (
        "test_report",
        &["SW 시험 결과 보고서", "시험 성적서", "검증 보고서"],
    ),
    ("soup_list", &["SOUP 목록", "SOUP목록 (IEC 62304 §8.1.2)"]),
    (
        "change_control_plan",
        &["변경관리계획서", "AI 변경 관리 계획", "변경관리 계획"],
    ),
    (
        "software_architecture",
        &[
            "소프트웨어 아키텍처 설계서",
            "SW 아키텍처",
            "아키텍처설계서",
        ],
    ),
    (
        "detailed_design",
        &["상세설계서", "소프트웨어 상세 설계", "SW 단위 설계서"],
    ),
    (
        "security_architecture",
        &["보안 아키텍처 설계서", "보안아키텍처", "보안 구조도"],
    ),
    (
        "performance_monitoring_plan",
        &[
            "AI 성능 모니터링 계획서",
            "성능모니터링 계획",
            "시판후 성능 감시 계획",
        ],
    ),
    (
        "ai_quality_policy",
        &["AI 품질정책", "인공지능 품질 정책서", "인공지능정책"],
    ),
    (
        "ai_act_technical_documentation",
        &["AI법 기술문서", "EU AI법 기술 문서 (Annex IV)"],
    ),
    (
        "data_inventory",
        &[
            "개인정보 처리 현황",
            "개인정보처리현황",
            "개인정보 목록",
            "개인정보 파일 목록",
            "개인정보 처리 내역서",
        ],
    ),
];

/// Titles with a kind's words that are some other document, and the kind they must not make.
const NOT: &[(&str, &str)] = &[
    ("임상적 성능시험 결과보고서", "test_report"),
    ("회의록", "software_development_plan"),
];

/// The paths evidence `ev` holds for `kind` (see [`VARIANTS`] for where each kind lives).
fn paths_of(ev: &Value, kind: &str) -> Vec<String> {
    let (list, field) = match kind {
        "requirements" => (&ev["requirements"]["files"], "path"),
        "test_report" => (&ev["test_reports"], "path"),
        "soup_list" => (&ev["soup"]["lists"], "path"),
        "change_control_plan" => (&ev["ai"]["change_plans"], "path"),
        _ => (&ev["documents"][kind], "path"),
    };
    list.as_array()
        .unwrap_or_else(|| panic!("no list for {kind}"))
        .iter()
        .map(|d| d[field].as_str().unwrap().to_string())
        .collect()
}

/// A document titled `title` with a body under its title (bare headings would be unfilled
/// templates), plus what the kind's reader needs to take it as one of its kind.
fn document(kind: &str, title: &str) -> String {
    let body = match kind {
        "requirements" => "\n## REQ-1: 심박수 계산\n\n시스템은 심박수를 계산해야 한다.\n",
        "test_report" => "\n| 시험 | 결과 |\n|---|---|\n| TC-1 | 합격 |\n",
        "soup_list" => "\n| 명칭 | 버전 |\n|---|---|\n| numpy | 2.1.3 |\n",
        _ => "",
    };
    format!("{}{body}", filled(&format!("# {title}\n## 개요")))
}

#[test]
fn every_korean_title_variant_is_recognised_as_its_kind() {
    let mut files = vec![(
        ".samdscan.yaml".to_string(),
        "product:\n  name: 예제\n  ai: {enabled: true}\n".to_string(),
    )];
    let mut expected = vec![];
    for (kind, titles) in VARIANTS {
        for title in *titles {
            let path = format!("docs/d{:02}.md", files.len());
            files.push((path.clone(), document(kind, title)));
            expected.push((*kind, *title, path));
        }
    }
    let mut unexpected = vec![];
    for (title, kind) in NOT {
        let path = format!("docs/d{:02}.md", files.len());
        files.push((path.clone(), document(kind, title)));
        unexpected.push((*kind, *title, path));
    }
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let repo = git_repo(&borrowed);
    let ev = evidence_json(repo.path(), &[]);
    let mut gaps = vec![];
    for (kind, title, path) in &expected {
        if !paths_of(&ev, kind).contains(path) {
            gaps.push(format!("{kind}: `{title}` ({path}) is not recognised"));
        }
    }
    for (kind, title, path) in &unexpected {
        if paths_of(&ev, kind).contains(path) {
            gaps.push(format!("{kind}: `{title}` ({path}) is taken for one"));
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

/// The list the closing note of the issue prints: `cargo test --test integration
/// korean_variants -- --nocapture` shows it.
#[test]
fn the_variant_list_covers_every_document_kind() {
    let kinds = samdscan::evidence::documents::kinds::DOCUMENT_KIND_TABLE;
    for k in kinds {
        assert!(
            VARIANTS.iter().any(|(name, _)| *name == k.file.name),
            "no Korean variant tested for {}",
            k.file.name
        );
    }
    for (kind, titles) in VARIANTS {
        println!("{kind}: {}", titles.join(", "));
    }
}
