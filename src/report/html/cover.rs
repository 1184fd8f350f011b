//! The cover: the product profile, the scanned commit, the as-of date, samdscan's version and
//! the policy pack's digest, which together identify what the dossier judged and with what.

use super::super::ScanReport;
use super::super::escape::html;
use super::DossierFacts;
use super::words::t;
use serde_json::Value;
use std::fmt::Write;

/// A profile value as text: strings as they are, numbers and booleans written out, none as `—`.
pub(super) fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn yes_no(v: &Value, lang: crate::lang::Lang) -> &'static str {
    match v.as_bool() {
        Some(true) => t(lang, "yes", "예"),
        Some(false) => t(lang, "no", "아니오"),
        None => "—",
    }
}

pub(super) fn render(out: &mut String, report: &ScanReport, facts: &DossierFacts) {
    let lang = report.lang;
    let profile = facts.evidence.get("profile");
    let field = |k: &str| html(&value_text(profile.get(k).unwrap_or(&Value::Null)));
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let classes: Vec<String> = profile
        .get("software_systems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|s| {
            format!(
                "{} ({})",
                value_text(s.get("name").unwrap_or(&Value::Null)),
                value_text(s.get("safety_class").unwrap_or(&Value::Null))
            )
        })
        .collect();
    let ai = profile.pointer("/ai/enabled").unwrap_or(&Value::Null);
    let facts_repo = &report.repository;
    let commit = match (&facts_repo.revision, &facts_repo.head) {
        (Some(rev), _) => rev.clone(),
        (None, Some(head)) => head.clone(),
        (None, None) => t(
            lang,
            "working tree (not a git repository)",
            "작업 트리(git 저장소 아님)",
        )
        .to_string(),
    };
    let _ = writeln!(
        out,
        "<section class=\"cover\" aria-labelledby=\"cover\">\n<h1 id=\"cover\">{}: {}</h1>",
        t(lang, "Readiness dossier", "인허가 준비 현황 보고서"),
        html(product)
    );
    let rows: [(&str, String); 12] = [
        (t(lang, "Product", "제품명"), html(product)),
        (t(lang, "Version", "버전"), field("version")),
        (t(lang, "Grade", "등급"), field("grade")),
        (t(lang, "Route", "인허가 경로"), field("route")),
        (t(lang, "Regime", "규제 체계"), field("regime")),
        (
            t(lang, "Software safety classes", "소프트웨어 안전성 등급"),
            html(&classes.join(", ")),
        ),
        (t(lang, "AI", "인공지능"), yes_no(ai, lang).to_string()),
        (
            t(lang, "Connected", "네트워크 연결"),
            yes_no(profile.get("connected").unwrap_or(&Value::Null), lang).to_string(),
        ),
        (
            t(lang, "Scanned commit", "검사한 커밋"),
            format!("<code>{}</code>", html(&commit)),
        ),
        (t(lang, "As of", "기준일"), report.as_of.to_string()),
        (
            t(lang, "samdscan version", "samdscan 버전"),
            env!("CARGO_PKG_VERSION").to_string(),
        ),
        (
            t(
                lang,
                "Policy pack digest (SHA-256)",
                "정책 묶음 다이제스트(SHA-256)",
            ),
            format!("<code>{}</code>", html(&facts.policy_digest)),
        ),
    ];
    let _ = writeln!(out, "<dl class=\"profile\">");
    for (label, value) in rows {
        let _ = writeln!(out, "<dt>{label}</dt><dd>{value}</dd>");
    }
    let _ = writeln!(out, "</dl>");
    for n in &report.notices {
        let _ = writeln!(
            out,
            "<p><strong>{}:</strong> {}</p>",
            lang.words().note_label,
            html(n.text(lang))
        );
    }
    let _ = writeln!(out, "</section>");
}
