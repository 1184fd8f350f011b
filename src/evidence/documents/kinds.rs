//! The kinds of regulatory document samdscan recognises, in one table: the default name globs
//! (overridable per kind under `evidence:` in the config) and the title phrases, in English and
//! Korean, that identify a document whatever its file is called.
//!
//! Names come from the regulatory catalogue §3 and §5.2. A title phrase is matched against a
//! document's title (front matter `title:` or its first top-level heading) after both are folded
//! (see [`fold`]): lower case, without spaces, punctuation or numbering, Korean document suffixes
//! dropped (계획서 -> 계획) and abbreviations unified (소프트웨어 -> sw), so `# 침해사고 대응 계획`,
//! `침해사고대응계획서` and `Incident Response Plan` all make an incident response plan.
//! docs/templates.md lists the same table for users; keep the two in step.

use std::sync::LazyLock;

use crate::evidence::extractor::FileKind;

/// A document kind: its file kind (name and default globs) and the title phrases that identify it.
pub struct DocumentKind {
    pub file: FileKind,
    /// Lower-case phrases; a title containing one makes the document this kind.
    pub titles: &'static [&'static str],
}

const fn kind(
    name: &'static str,
    globs: &'static [&'static str],
    titles: &'static [&'static str],
) -> DocumentKind {
    DocumentKind {
        file: FileKind {
            name,
            globs,
            sniffer: None,
        },
        titles,
    }
}

/// Every document kind, in the order their keys appear under `documents`.
pub const DOCUMENT_KIND_TABLE: &[DocumentKind] = &[
    kind(
        "software_development_plan",
        &[
            "*software-development-plan*",
            "*software_development_plan*",
            "SDP.md",
            "SDP-*",
            "*소프트웨어*개발*계획*",
        ],
        &[
            "software development plan",
            "software development and maintenance plan",
            "software development & maintenance plan",
            "sw development plan",
            "소프트웨어 개발계획",
        ],
    ),
    kind(
        "software_architecture",
        &[
            "docs/architecture/**",
            "docs/adr/**",
            "ARCHITECTURE.md",
            "*software-architecture*",
            "*software_architecture*",
            "*소프트웨어*아키텍처*",
            "*아키텍처*설계*",
        ],
        &[
            "software architecture",
            "architecture description",
            "architecture decision",
            "소프트웨어 아키텍처",
            "아키텍처 설계",
            "소프트웨어 구조 설계",
        ],
    ),
    kind(
        "detailed_design",
        &[
            "docs/design/**",
            "*detailed-design*",
            "*detailed_design*",
            "*상세*설계*",
        ],
        &[
            "detailed design",
            "software unit design",
            "unit design",
            "상세 설계",
            "소프트웨어 단위 설계",
        ],
    ),
    kind(
        "risk_management_plan",
        &[
            "*risk-management-plan*",
            "*risk_management_plan*",
            "*위험관리*계획*",
        ],
        &["risk management plan", "위험관리 계획"],
    ),
    kind(
        "risk_table",
        &[
            "*risk-table*",
            "*risk_table*",
            "*fmea*",
            "*hazard-analysis*",
            "*hazard_analysis*",
            "*hazard-log*",
            "*위험*분석*",
            "*위해*분석*",
        ],
        &[
            "hazard analysis",
            "hazard log",
            "risk table",
            "risk analysis",
            "fmea",
            "위험 분석",
            "위해요인 분석",
            "위해 분석",
        ],
    ),
    kind(
        "risk_management_report",
        &[
            "*risk-management-report*",
            "*risk_management_report*",
            "*위험관리*보고서*",
        ],
        &["risk management report", "위험관리 보고서"],
    ),
    kind(
        "security_policy",
        &[
            "SECURITY.md",
            "SECURITY.rst",
            "SECURITY.txt",
            "security.txt",
            "*보안정책*",
            "*보안*정책*",
            "*취약점*공개*",
        ],
        &[
            "security policy",
            "vulnerability disclosure",
            "보안 정책",
            "취약점 공개",
        ],
    ),
    kind(
        "changelog",
        &[
            "CHANGELOG*",
            "CHANGES.md",
            "CHANGES.rst",
            "HISTORY.md",
            "NEWS.md",
            "RELEASE_NOTES*",
            "RELEASE-NOTES*",
            "docs/release-notes/**",
            "*변경이력*",
            "*릴리스*노트*",
            "*릴리즈*노트*",
        ],
        &[
            "changelog",
            "release notes",
            "변경 이력",
            "릴리스 노트",
            "릴리즈 노트",
            "배포 노트",
        ],
    ),
    kind(
        "intended_use",
        &[
            "*intended-use*",
            "*intended_use*",
            "*use-specification*",
            "*사용목적*",
        ],
        &["intended use", "intended purpose", "사용목적"],
    ),
    kind(
        "vulnerability_management_plan",
        &[
            "*vulnerability-management*",
            "*vulnerability_management*",
            "*patch-management*",
            "*취약점*관리*",
        ],
        &[
            "vulnerability management",
            "vulnerability monitoring",
            "patch management",
            "취약점 관리",
            "취약점 모니터링",
            "보안 패치",
            "cybersecurity management plan",
            "사이버보안 관리 계획",
        ],
    ),
    kind(
        "threat_model",
        &["*threat-model*", "*threat_model*", "*.tm7", "*위협*모델*"],
        &["threat model", "위협 모델"],
    ),
    kind(
        "secure_coding_standard",
        &[
            "*secure-coding*",
            "*secure_coding*",
            "*시큐어*코딩*",
            "*보안*코딩*",
        ],
        &["secure coding", "시큐어 코딩", "보안 코딩"],
    ),
    kind(
        "security_architecture",
        &[
            "docs/security/architecture/**",
            "*security-architecture*",
            "*security_architecture*",
            "*보안*아키텍처*",
            "*보안*구조*",
        ],
        &["security architecture", "보안 아키텍처", "보안 구조"],
    ),
    kind(
        "incident_response_plan",
        &[
            "*incident-response*",
            "*incident_response*",
            "*침해사고*",
            "*침해행위*",
        ],
        &[
            "incident response",
            "침해사고 대응",
            "침해행위 대응",
            "침해행위 보안 대응",
            "보안사고 대응",
        ],
    ),
    kind(
        "data_inventory",
        &[
            "docs/privacy/**",
            "*data-inventory*",
            "*data_inventory*",
            "*personal-data*",
            "*personal_data*",
            "*개인정보*",
        ],
        &[
            "data inventory",
            "personal data inventory",
            "personal information inventory",
            "개인정보 처리 현황",
            "개인정보 목록",
            "개인정보 파일 목록",
            "개인정보 처리 내역",
        ],
    ),
    kind(
        "support_policy",
        &[
            "*support-policy*",
            "*support_policy*",
            "*end-of-support*",
            "*end-of-life*",
            "*support-period*",
            "*지원*기간*",
        ],
        &[
            "support policy",
            "support period",
            "end of support",
            "end-of-support",
            "지원 기간",
            "지원 종료",
        ],
    ),
    kind(
        "post_market_surveillance_plan",
        &[
            "*post-market*",
            "*post_market*",
            "*postmarket*",
            "*시판*후*",
        ],
        &[
            "post-market surveillance",
            "postmarket surveillance",
            "post market surveillance",
            "시판 후 감시",
            "시판 후 관리",
        ],
    ),
    kind(
        "performance_monitoring_plan",
        &[
            "*performance-monitoring*",
            "*performance_monitoring*",
            "*model-monitoring*",
            "*model_monitoring*",
            "*성능*모니터링*",
        ],
        &[
            "performance monitoring",
            "model monitoring",
            "post-deployment monitoring",
            "성능 모니터링",
            "시판 후 성능 감시",
        ],
    ),
    kind(
        "real_world_assessment_plan",
        &["*real-world*", "*real_world*", "*실사용*평가*"],
        &[
            "real-world assessment",
            "real world assessment",
            "실사용 평가",
        ],
    ),
    kind(
        "clinical_evaluation",
        &[
            "docs/clinical/**",
            "*clinical-evaluation*",
            "*clinical_evaluation*",
            "*임상*평가*",
        ],
        &[
            "clinical evaluation",
            "clinical performance",
            "임상 평가",
            "임상적 성능",
        ],
    ),
    kind(
        "labeling",
        &[
            "labeling/**",
            "labelling/**",
            "IFU*",
            "*instructions-for-use*",
            "*electronic-label*",
            "*사용설명서*",
            "*표시기재*",
        ],
        &[
            "instructions for use",
            "electronic labeling",
            "electronic labelling",
            "product information",
            "사용설명서",
            "표시기재",
            "첨부문서",
        ],
    ),
    kind(
        "usability_file",
        &["docs/usability/**", "*usability*", "*사용적합성*"],
        &["usability", "사용적합성"],
    ),
    kind(
        "qms_procedure",
        &["docs/qms/**", "docs/sop/**", "SOP-*"],
        &[
            "standard operating procedure",
            "procedure",
            "절차서",
            "절차",
        ],
    ),
    kind(
        "ai_quality_policy",
        &[
            "*ai-policy*",
            "*ai_policy*",
            "*ai-quality-policy*",
            "*ai*품질*정책*",
            "*인공지능*정책*",
        ],
        &[
            "ai quality policy",
            "ai policy",
            "machine learning policy",
            "ai 품질 정책",
            "인공지능 품질 정책",
            "인공지능 정책",
        ],
    ),
    kind(
        "ai_act_technical_documentation",
        &[
            "docs/eu/**",
            "*annex-iv*",
            "*annex_iv*",
            "*ai-act*",
            "*ai_act*",
        ],
        &[
            "annex iv",
            "ai act technical documentation",
            "ai법 기술 문서",
        ],
    ),
    kind(
        "combination_product",
        &[
            "docs/combination/**",
            "*combination-product*",
            "*디지털융합*",
        ],
        &[
            "combination product",
            "digital convergence",
            "drug-digital",
            "디지털융합의약품",
            "디지털융합",
        ],
    ),
];

/// The file kinds of every document kind, for the extractor registry and config validation.
pub const DOCUMENT_KINDS: &[FileKind] = &{
    let mut out = [FileKind {
        name: "",
        globs: &[],
        sniffer: None,
    }; DOCUMENT_KIND_TABLE.len()];
    let mut i = 0;
    while i < DOCUMENT_KIND_TABLE.len() {
        out[i] = DOCUMENT_KIND_TABLE[i].file;
        i += 1;
    }
    out
};

/// Every kind's title phrases, [folded](fold) once per run rather than once per document.
static FOLDED_TITLES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    DOCUMENT_KIND_TABLE
        .iter()
        .map(|k| k.titles.iter().map(|t| fold(t)).collect())
        .collect()
});

/// The kinds whose title phrases occur in `title`, [folded](fold).
pub fn kinds_titled(title: &str) -> Vec<&'static str> {
    DOCUMENT_KIND_TABLE
        .iter()
        .zip(FOLDED_TITLES.iter())
        .filter(|(_, phrases)| phrases.iter().any(|p| title.contains(p.as_str())))
        .map(|(k, _)| k.file.name)
        .collect()
}

/// Title phrases, [folded](fold) once to be looked for in many titles.
pub struct Phrases(Vec<String>);

impl Phrases {
    pub fn new(phrases: &[&str]) -> Phrases {
        Phrases(phrases.iter().map(|p| fold(p)).collect())
    }

    /// True when one of the phrases occurs in `title`, [folded](fold).
    pub fn in_title(&self, title: &str) -> bool {
        self.0.iter().any(|p| title.contains(p.as_str()))
    }
}

/// Korean document-title suffixes and the stem they are dropped to: 계획서 and 계획 are one
/// title, as are 명세서/명세, 보고서/보고, 절차서/절차, 지침서/지침, 분석표/분석, 성적서/성적.
const SUFFIXES: &[(&str, &str)] = &[
    ("계획서", "계획"),
    ("명세서", "명세"),
    ("보고서", "보고"),
    ("절차서", "절차"),
    ("지침서", "지침"),
    ("분석표", "분석"),
    ("성적서", "성적"),
];

/// Words teams mix for the same thing, and the one form titles are compared in.
const SYNONYMS: &[(&str, &str)] = &[
    ("소프트웨어자재명세", "sbom"),
    ("소프트웨어", "sw"),
    ("software", "sw"),
    ("구성관리", "형상관리"),
];

/// A title as it is compared: lower case; spaces, punctuation and numbering (`4.2`, `1)`)
/// removed; Korean suffixes dropped ([`SUFFIXES`]) and abbreviations unified ([`SYNONYMS`]).
/// So `SW 개발계획서`, `소프트웨어개발계획서` and `4.2 소프트웨어 개발 계획` fold alike.
pub fn fold(title: &str) -> String {
    let mut out: String = title
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    for (word, stem) in SUFFIXES.iter().chain(SYNONYMS) {
        out = out.replace(word, stem);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_korean_titles_name_the_same_kind() {
        assert_eq!(
            kinds_titled(&fold("Incident Response Plan")),
            ["incident_response_plan"]
        );
        assert_eq!(
            kinds_titled(&fold("침해사고 대응 계획")),
            ["incident_response_plan"]
        );
        assert_eq!(
            kinds_titled(&fold("시판 후 감시 계획서")),
            ["post_market_surveillance_plan"]
        );
        assert_eq!(kinds_titled(&fold("사용설명서")), ["labeling"]);
        let korean = [
            ("위험관리계획서", "risk_management_plan"),
            ("위험 관리 계획", "risk_management_plan"),
            ("위해요인 분석표", "risk_table"),
            ("보안정책", "security_policy"),
            ("사이버보안 관리 계획", "vulnerability_management_plan"),
            ("전자적 침해행위 보안 대응 절차", "incident_response_plan"),
            ("침해사고대응계획서", "incident_response_plan"),
            ("시판후 감시 계획서", "post_market_surveillance_plan"),
            ("2. 실사용평가 계획", "real_world_assessment_plan"),
            ("소프트웨어 아키텍처 설계서", "software_architecture"),
            ("SW 아키텍처", "software_architecture"),
            ("상세 설계서", "detailed_design"),
            ("보안 아키텍처 뷰", "security_architecture"),
            ("AI 성능 모니터링 계획서", "performance_monitoring_plan"),
            ("인공지능 품질 정책", "ai_quality_policy"),
            ("EU AI Act Annex IV index", "ai_act_technical_documentation"),
            ("개인정보 처리 현황", "data_inventory"),
            ("개인정보 목록", "data_inventory"),
        ];
        for (title, kind) in korean {
            assert!(kinds_titled(&fold(title)).contains(&kind), "{title}");
        }
        assert!(kinds_titled(&fold("CardioWatch")).is_empty());
        for title in [
            "Software Development and Maintenance Plan",
            "SOP-05 Software Development Plan (SDP)",
            "4.2 SW 개발 계획",
            "SW 개발계획서",
            "소프트웨어개발계획서",
            "소프트웨어 개발 계획서 (Rev. 3)",
        ] {
            assert_eq!(
                kinds_titled(&fold(title)),
                ["software_development_plan"],
                "{title}"
            );
        }
    }

    #[test]
    fn the_file_kind_list_follows_the_table() {
        assert_eq!(DOCUMENT_KINDS.len(), DOCUMENT_KIND_TABLE.len());
        let names: Vec<&str> = DOCUMENT_KINDS.iter().map(|k| k.name).collect();
        assert!(names.contains(&"threat_model"));
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "kind names are unique");
    }
}
