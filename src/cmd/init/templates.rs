//! Heading-only skeletons of the regulatory documents a product profile calls for, written by
//! `samdscan init --templates`.
//!
//! Each skeleton carries the headings the rules look for (English, with the Korean term), so a
//! team fills in content under headings samdscan will recognise. Every skeleton also carries the
//! template marker: until it is removed the document counts as missing, so an unfilled template
//! never satisfies a rule. docs/templates.md lists the same headings.

use crate::config::Product;
use crate::evidence::documents::TEMPLATE_MARKER;
use crate::lang::Lang;

/// When a profile calls for a document.
#[derive(Clone, Copy)]
enum Needed {
    Always,
    Connected,
    ConnectedOrDmpa,
    Marketed,
    Dmpa,
    Ui,
    Clinical,
    Combination,
    /// Some software system is of class B or C (or no class is stated).
    ClassBOrC,
    Ai,
    AiDmpa,
    /// The product processes patient data (`processes_patient_data`; unsaid: connected or AI).
    PatientData,
}

pub struct Template {
    pub path: &'static str,
    pub title: &'static str,
    headings: &'static [&'static str],
    needed: Needed,
}

const fn t(
    path: &'static str,
    title: &'static str,
    needed: Needed,
    headings: &'static [&'static str],
) -> Template {
    Template {
        path,
        title,
        headings,
        needed,
    }
}

/// Every skeleton samdscan can write.
pub const TEMPLATES: &[Template] = &[
    t(
        "docs/intended-use.md",
        "Intended use (사용목적)",
        Needed::Always,
        &[
            "Intended purpose and indications (사용목적 및 적응증)",
            "Patient population (대상 환자군)",
            "Intended users (사용자)",
            "Use environment (사용 환경)",
            "Contraindications and limitations (금기 및 제한사항)",
        ],
    ),
    t(
        "docs/sdlc/software-development-plan.md",
        "Software development plan (소프트웨어 개발계획서)",
        Needed::Always,
        &[
            "Life-cycle model",
            "Deliverables",
            "Verification planning",
            "Risk management planning",
            "Configuration management (형상관리)",
            "Change control (변경관리)",
            "Problem resolution (문제해결)",
            "Maintenance planning",
        ],
    ),
    t(
        "docs/risk/risk-management-plan.md",
        "Risk management plan (위험관리 계획서)",
        Needed::Always,
        &[
            "Scope",
            "Responsibilities",
            "Risk acceptability criteria",
            "Verification activities",
            "Production and post-production information",
        ],
    ),
    t(
        "docs/security/vulnerability-management-plan.md",
        "Vulnerability management plan (취약점 관리 계획)",
        Needed::Connected,
        &[
            "Monitoring sources (모니터링 출처)",
            "Triage and assessment (평가)",
            "Response timelines (days)",
            "Patch deployment (패치 배포)",
            "Communication (통지)",
        ],
    ),
    t(
        "docs/security/threat-model.md",
        "Threat model (위협 모델)",
        Needed::Connected,
        &[
            "Trust boundaries (신뢰 경계)",
            "Interfaces and data flows (인터페이스)",
            "External dependencies (외부 의존성)",
            "Threats (위협)",
        ],
    ),
    t(
        "docs/security/incident-response-plan.md",
        "Incident response plan (침해사고 대응 계획)",
        Needed::ConnectedOrDmpa,
        &[
            "Detection (탐지)",
            "Assessment (평가)",
            "Containment (봉쇄)",
            "Notification of MFDS and users (통지)",
            "Recovery (복구)",
            "Lessons learned (교훈)",
        ],
    ),
    t(
        "docs/security/support-policy.md",
        "Support policy (지원 기간)",
        Needed::Connected,
        &[
            "Support period and end-of-support dates",
            "After end of support",
            "Decommissioning and data deletion (폐기 및 데이터 삭제)",
        ],
    ),
    t(
        "docs/privacy/data-inventory.md",
        "Personal data inventory (개인정보 처리 현황)",
        Needed::PatientData,
        &[
            "Data elements (개인정보 항목)",
            "Purpose (처리 목적)",
            "Storage (보관)",
            "Retention and deletion (보유 기간 및 파기)",
            "Transfer to third parties (제3자 제공)",
            "Pseudonymisation (가명처리)",
        ],
    ),
    t(
        "docs/pms/post-market-surveillance-plan.md",
        "Post-market surveillance plan (시판 후 감시 계획)",
        Needed::Marketed,
        &[
            "Field data (현장 데이터)",
            "Complaint and anomaly trending (불만 및 이상 추세)",
            "Update monitoring (업데이트 모니터링)",
        ],
    ),
    t(
        "docs/pms/real-world-assessment-plan.md",
        "Real-world assessment plan (실사용 평가 계획)",
        Needed::Dmpa,
        &[
            "Data sources",
            "Endpoints",
            "Privacy basis",
            "Analysis schedule",
            "Link to change management",
        ],
    ),
    t(
        "docs/clinical/clinical-evaluation-plan.md",
        "Clinical evaluation plan (임상 평가 계획서)",
        Needed::Clinical,
        &[
            "Scope and product version",
            "Endpoints",
            "Data sources and study design",
        ],
    ),
    t(
        "docs/clinical/clinical-evaluation-report.md",
        "Clinical evaluation report (임상 평가 보고서)",
        Needed::Clinical,
        &["Product version evaluated", "Results", "Conclusion"],
    ),
    t(
        "labeling/instructions-for-use.md",
        "Instructions for use (사용설명서)",
        Needed::Dmpa,
        &[
            "Intended use",
            "Warnings and cautions",
            "Manufacturer and approval number",
        ],
    ),
    t(
        "docs/usability/usability-engineering-file.md",
        "Usability engineering file (사용적합성)",
        Needed::Ui,
        &[
            "Use specification (사용 사양)",
            "User interface specification (사용자 인터페이스 사양)",
            "Hazard-related use scenarios and known use errors (사용 시나리오)",
            "Formative evaluation (형성 평가)",
            "Summative evaluation (총괄 평가)",
            "Usability summary (사용적합성 요약서)",
        ],
    ),
    t(
        "docs/architecture/software-architecture.md",
        "Software architecture (소프트웨어 아키텍처)",
        Needed::ClassBOrC,
        &[
            "Software items (소프트웨어 항목)",
            "Interfaces (인터페이스)",
            "SOUP placement (SOUP 배치)",
            "Segregation (분리)",
        ],
    ),
    t(
        "docs/security/architecture/security-architecture.md",
        "Security architecture (보안 아키텍처)",
        Needed::Connected,
        &[
            "Global system view (전체 시스템 뷰)",
            "Multi-patient harm view (다수 환자 위해 뷰)",
            "Updatability view (업데이트 가능성 뷰)",
            "Security use cases (보안 사용 사례)",
        ],
    ),
    t(
        "docs/ai/performance-monitoring-plan.md",
        "Performance monitoring plan (성능 모니터링 계획)",
        Needed::Ai,
        &[
            "Monitored metrics (감시 지표)",
            "Thresholds (임계값)",
            "Re-validation triggers (재검증 트리거)",
        ],
    ),
    t(
        "docs/qms/ai-policy.md",
        "AI quality policy (AI 품질 정책)",
        Needed::AiDmpa,
        &[
            "AI objectives (AI 목표)",
            "Data governance (데이터 관리)",
            "Life-cycle roles (역할과 책임)",
            "Monitoring commitments (모니터링)",
        ],
    ),
    t(
        "docs/combination/drug-linkage.md",
        "Combination product linkage (디지털융합의약품)",
        Needed::Combination,
        &[
            "Software functions affecting the drug's use",
            "Drug label sections",
            "Change impact assessment",
        ],
    ),
];

impl Template {
    /// Whether `profile` calls for this document. A fact the profile does not state counts as
    /// true: a starter file asks for too much rather than too little.
    pub fn needed_by(&self, profile: Option<&Product>) -> bool {
        let flag = |f: fn(&Product) -> Option<bool>| profile.and_then(f).unwrap_or(true);
        let regime_is = |r: &str| {
            profile
                .and_then(|p| p.regime.as_deref())
                .is_none_or(|x| x == r)
        };
        let ai = || flag(|p| p.ai.as_ref().and_then(|a| a.enabled));
        match self.needed {
            Needed::Always => true,
            Needed::Connected => flag(|p| p.connected),
            Needed::ConnectedOrDmpa => flag(|p| p.connected) || regime_is("DMPA"),
            Needed::Marketed => flag(|p| p.marketed),
            Needed::Dmpa => regime_is("DMPA"),
            Needed::Ui => flag(|p| p.ui),
            Needed::Clinical => profile.and_then(|p| p.grade).is_none_or(|g| g >= 2) || ai(),
            Needed::Combination => profile.and_then(|p| p.combination_product).unwrap_or(false),
            Needed::ClassBOrC => profile
                .and_then(|p| p.software_systems.as_deref())
                .is_none_or(|systems| {
                    systems.is_empty()
                        || systems.iter().any(|s| {
                            s.safety_class.as_deref().is_none_or(|c| {
                                c.eq_ignore_ascii_case("B") || c.eq_ignore_ascii_case("C")
                            })
                        })
                }),
            Needed::Ai => ai(),
            Needed::AiDmpa => ai() && regime_is("DMPA"),
            Needed::PatientData => match profile.and_then(|p| p.processes_patient_data) {
                Some(stated) => stated,
                None => flag(|p| p.connected) || ai(),
            },
        }
    }

    /// The skeleton's text: front matter to fill in, the marker, the title and the headings, in
    /// `lang`: Korean skeletons lead with the Korean term and keep the English one after it.
    pub fn render(&self, product_version: Option<&str>, lang: Lang) -> String {
        let mut out = String::from("---\ndocument_id: \"\"\nversion: \"0.1\"\n");
        if self.path.starts_with("labeling/") {
            let v = product_version.unwrap_or("");
            out.push_str(&format!("software_version: \"{v}\"\n"));
        }
        out.push_str("# reviewed: YYYY-MM-DD\n---\n");
        out.push_str(&format!(
            "{TEMPLATE_MARKER}: written by samdscan init; delete this line once the document is written -->\n\n"
        ));
        out.push_str(&format!("# {}\n", in_lang(self.title, lang)));
        for h in self.headings {
            out.push_str(&format!("\n## {}\n", in_lang(h, lang)));
        }
        out
    }
}

/// `English (한국어)` as `lang` writes it: unchanged in English, `한국어 (English)` in Korean. A
/// heading without a Korean term stays as it is. Both terms stay, so every rule recognises it.
fn in_lang(text: &str, lang: Lang) -> String {
    let korean = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .filter(|(_, ko)| ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)));
    match (lang, korean) {
        (Lang::Ko, Some((en, ko))) => format!("{ko} ({en})"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_decides_which_documents_are_written() {
        let offline = Product {
            connected: Some(false),
            regime: Some("MDA".into()),
            grade: Some(1),
            ..Default::default()
        };
        let paths: Vec<&str> = TEMPLATES
            .iter()
            .filter(|t| t.needed_by(Some(&offline)))
            .map(|t| t.path)
            .collect();
        assert!(paths.contains(&"docs/intended-use.md"));
        assert!(paths.contains(&"docs/usability/usability-engineering-file.md"));
        assert!(!paths.contains(&"docs/security/threat-model.md"));
        assert!(!paths.contains(&"labeling/instructions-for-use.md"));
        assert!(!paths.contains(&"docs/combination/drug-linkage.md"));
        let unknown = TEMPLATES.iter().filter(|t| t.needed_by(None)).count();
        assert_eq!(
            unknown,
            TEMPLATES.len() - 1,
            "all but the combination linkage"
        );
    }

    #[test]
    fn architecture_and_ai_documents_follow_class_ai_and_regime() {
        let system = |class: &str| crate::config::SoftwareSystem {
            name: Some("s".into()),
            safety_class: Some(class.into()),
            ..Default::default()
        };
        let written = |p: &Product| -> Vec<&str> {
            TEMPLATES
                .iter()
                .filter(|t| t.needed_by(Some(p)))
                .map(|t| t.path)
                .collect()
        };
        let class_a = Product {
            software_systems: Some(vec![system("A")]),
            ai: Some(crate::config::AiProfile {
                enabled: Some(false),
                ..Default::default()
            }),
            ..Default::default()
        };
        let paths = written(&class_a);
        assert!(!paths.contains(&"docs/architecture/software-architecture.md"));
        assert!(!paths.contains(&"docs/ai/performance-monitoring-plan.md"));
        assert!(!paths.contains(&"docs/qms/ai-policy.md"));
        let class_b_ai = Product {
            software_systems: Some(vec![system("A"), system("B")]),
            regime: Some("DMPA".into()),
            ai: Some(crate::config::AiProfile {
                enabled: Some(true),
                ..Default::default()
            }),
            ..Default::default()
        };
        let paths = written(&class_b_ai);
        assert!(paths.contains(&"docs/architecture/software-architecture.md"));
        assert!(paths.contains(&"docs/ai/performance-monitoring-plan.md"));
        assert!(paths.contains(&"docs/qms/ai-policy.md"));
        let mda = Product {
            regime: Some("MDA".into()),
            ..class_b_ai
        };
        assert!(!written(&mda).contains(&"docs/qms/ai-policy.md"));
        let inventory = "docs/privacy/data-inventory.md";
        assert!(
            written(&mda).contains(&inventory),
            "AI: taken to process patient data"
        );
        let offline = Product {
            connected: Some(false),
            ..class_a.clone()
        };
        assert!(!written(&offline).contains(&inventory));
        let stated = Product {
            processes_patient_data: Some(true),
            ..offline
        };
        assert!(written(&stated).contains(&inventory));
    }

    #[test]
    fn skeletons_carry_the_marker_title_and_headings() {
        let ifu = TEMPLATES
            .iter()
            .find(|t| t.path == "labeling/instructions-for-use.md")
            .unwrap();
        let text = ifu.render(Some("2.0.1"), Lang::En);
        assert!(text.contains("software_version: \"2.0.1\"\n"), "{text}");
        assert!(text.contains(TEMPLATE_MARKER));
        assert!(text.contains("\n# Instructions for use (사용설명서)\n"));
        assert!(text.contains("\n## Warnings and cautions\n"));
        let korean = ifu.render(None, Lang::Ko);
        assert!(
            korean.contains("\n# 사용설명서 (Instructions for use)\n"),
            "{korean}"
        );
        assert!(korean.contains("\n## Warnings and cautions\n"));
    }
}
