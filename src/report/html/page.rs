//! The page around the sections: the document head, the inline style sheet (screen and print,
//! one printed page per section) and the language attribute.

use super::super::ScanReport;
use super::super::escape::html;
use super::words::t;

const STYLE: &str = "\
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--pass:#1a7f37;--fail:#cf222e;--na:#8c959f;--ne:#9a6700;--no:#6e40c9;--att:#0969da}
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans KR','Malgun Gothic',sans-serif;color:var(--ink);margin:0 auto;max-width:60rem;padding:1.5rem;line-height:1.45}
h1{font-size:1.8rem;margin:.2rem 0 1rem}h2{border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h3{margin-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.85em;word-break:break-all}
.state{font-weight:600;white-space:nowrap}.passed{color:var(--pass)}.failed{color:var(--fail)}.not_applicable{color:var(--na)}.not_evaluated{color:var(--ne)}.not_observable{color:var(--no)}
.gap td{background:#fff1f0}.muted{color:var(--muted)}.rule{border:1px solid var(--line);border-radius:6px;padding:.2rem .8rem;margin:.6rem 0;break-inside:avoid}
dl.profile{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.profile dt{font-weight:600}dl.profile dd{margin:0}
.legend span{margin-right:1rem;white-space:nowrap}.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.25rem;vertical-align:middle;border:1px solid #0003}
section{break-before:page}section.cover{break-before:auto}
@media print{body{max-width:none;padding:0;font-size:10pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}}
";

/// The complete document around `body`.
pub(super) fn wrap(report: &ScanReport, body: &str) -> String {
    let lang = report.lang;
    let product = report
        .product_name
        .as_deref()
        .unwrap_or(&report.repository.name);
    let title = format!(
        "{} — {}",
        t(lang, "Readiness dossier", "인허가 준비 현황 보고서"),
        html(product)
    );
    let code = match lang {
        crate::lang::Lang::En => "en",
        crate::lang::Lang::Ko => "ko",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
}
