//! `docs/rules/<ID>.md` are generated from each policy's METADATA. This test fails when a page is
//! stale; `UPDATE_RULE_DOCS=1 cargo test --test rule_docs` regenerates them.

use samdscan::policy::{PolicySet, Rule};
use samdscan::policy_cmd::rule_markdown;
use samdscan::waiver::waiver_rules;
use std::path::Path;

#[test]
fn rule_pages_match_policy_metadata() {
    let set = PolicySet::builtin().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let update = std::env::var_os("UPDATE_RULE_DOCS").is_some();
    let waiver_rules: Vec<Rule> = waiver_rules()
        .into_iter()
        .map(|meta| Rule {
            path: "src/waiver.rs".into(),
            package: "(evaluated by samdscan itself)".into(),
            meta,
            builtin: true,
        })
        .collect();
    let mut rules: Vec<&Rule> = set.rules.iter().chain(&waiver_rules).collect();
    rules.sort_by(|a, b| a.id().cmp(b.id()));
    let mut index = String::from(
        "# Rules\n\nGenerated from each policy's METADATA (`UPDATE_RULE_DOCS=1 cargo test --test rule_docs`).\n\n| Rule | Level | Title |\n|---|---|---|\n",
    );
    let mut stale = Vec::new();
    for r in &rules {
        index.push_str(&format!(
            "| [{}]({}.md) | {} | {} |\n",
            r.id(),
            r.id(),
            r.meta.custom.severity,
            r.meta.title
        ));
        let page = dir.join(format!("{}.md", r.id()));
        let want = rule_markdown(r);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&page, &want).unwrap();
        } else if std::fs::read_to_string(&page).ok().as_deref() != Some(want.as_str()) {
            stale.push(r.id().to_string());
        }
    }
    let index_path = dir.join("README.md");
    if update {
        std::fs::write(&index_path, &index).unwrap();
    } else if std::fs::read_to_string(&index_path).ok().as_deref() != Some(index.as_str()) {
        stale.push("README.md".into());
    }
    assert!(
        stale.is_empty(),
        "stale rule docs {stale:?}: run UPDATE_RULE_DOCS=1 cargo test --test rule_docs"
    );
}
