//! `docs/rules/<ID>.md` are generated from each policy's METADATA. This test fails when a page is
//! stale; `UPDATE_RULE_DOCS=1 cargo test --test integration rule_docs` regenerates them.

use samdscan::cmd::policy::{reportable_rules, rule_markdown};
use samdscan::lang::Lang;
use samdscan::policy::PolicySet;
use std::path::Path;

/// The rule pages of one language in `dir` (`docs/rules`, `docs/rules/ko`): the pages that differ
/// from what METADATA gives (rewritten instead with `update`).
fn check_rule_pages(dir: &Path, lang: Lang, index_intro: &str, update: bool) -> Vec<String> {
    let set = PolicySet::builtin().unwrap();
    let rules = reportable_rules(&set);
    let w = lang.words();
    let mut index = format!(
        "{index_intro}\n\n| {} | {} | {} |\n|---|---|---|\n",
        w.rule, w.level, w.title
    );
    let mut stale = Vec::new();
    for r in &rules {
        index.push_str(&format!(
            "| [{}]({}.md) | {} | {} |\n",
            r.id(),
            r.id(),
            lang.words().level(r.meta.custom.severity),
            r.meta.title_in(lang)
        ));
        let page = dir.join(format!("{}.md", r.id()));
        let want = rule_markdown(r, lang);
        if update {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&page, &want).unwrap();
        } else if std::fs::read_to_string(&page).ok().as_deref() != Some(want.as_str()) {
            stale.push(format!("{}/{}", lang.code(), r.id()));
        }
    }
    let index_path = dir.join("README.md");
    if update {
        std::fs::write(&index_path, &index).unwrap();
    } else if std::fs::read_to_string(&index_path).ok().as_deref() != Some(index.as_str()) {
        stale.push(format!("{}/README.md", lang.code()));
    }
    stale
}

#[test]
fn rule_pages_match_policy_metadata() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let update = std::env::var_os("UPDATE_RULE_DOCS").is_some();
    let mut stale = check_rule_pages(
        &docs,
        Lang::En,
        "# Rules\n\nGenerated from each policy's METADATA (`UPDATE_RULE_DOCS=1 cargo test --test integration rule_docs`). Korean: [ko/](ko/README.md).",
        update,
    );
    stale.extend(check_rule_pages(
        &docs.join("ko"),
        Lang::Ko,
        "# 규칙 목록\n\n각 정책의 METADATA(`custom.ko`)에서 생성됩니다(`UPDATE_RULE_DOCS=1 cargo test --test integration rule_docs`). English: [../](../README.md).",
        update,
    ));
    assert!(
        stale.is_empty(),
        "stale rule docs {stale:?}: run UPDATE_RULE_DOCS=1 cargo test --test integration rule_docs"
    );
}

/// `docs/evidence-kinds.md` lists every evidence kind with its default globs, from the registry.
#[test]
fn evidence_kinds_page_matches_the_registry() {
    let mut page = String::from(
        "# Evidence kinds\n\nGenerated from the extractor registry (`UPDATE_RULE_DOCS=1 cargo test --test integration rule_docs`).\n\
Override where a kind is found with `evidence.<kind>: [globs]` in `.samdscan.yaml`. A glob without `/` matches\n\
the file name at any depth; matching is case-insensitive. Kinds marked *content* are also recognised by their\n\
first bytes, whatever their name.\n\n| Kind | Evidence key | Default globs | Content |\n|---|---|---|---|\n",
    );
    let mut rows = Vec::new();
    for x in samdscan::evidence::registry() {
        for k in x.kinds() {
            let globs = k
                .globs
                .iter()
                .map(|g| format!("`{g}`"))
                .collect::<Vec<_>>()
                .join(" ");
            let sniff = if k.sniffer.is_some() { "yes" } else { "" };
            rows.push(format!(
                "| `{}` | `{}` | {} | {} |\n",
                k.name,
                x.key(),
                globs,
                sniff
            ));
        }
    }
    rows.sort();
    page.extend(rows);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/evidence-kinds.md");
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::write(&path, &page).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == page,
        "docs/evidence-kinds.md is stale: run UPDATE_RULE_DOCS=1 cargo test --test integration rule_docs"
    );
}
