//! What a rule needs and what it judged: the engine's side of "no input, no pass".
//!
//! A rule declares the evidence keys it reads (METADATA `custom.evidence`, dotted paths into the
//! evidence document). A key is absent when the document has nothing under it: no value, an
//! empty list or object, or an extractor record that says it found nothing (`found`,
//! `available` or `evaluated` false). A rule whose needed evidence is absent is not evaluated,
//! unless it is a presence rule (`presence: true`), whose job is to report the absence. Keys
//! marked optional (`vex?`) are read but not needed; profile and config keys are context, never
//! needed. The evidence a rule judged is the repository paths of the records under its keys
//! (every record from a file carries `path`), the config file for profile keys, the releases and
//! their SBOMs or system test reports (`tag:path`) for `history.release_sboms` and
//! `history.release_tests`, the commit range of the history scope
//! for other `history.*` keys, and, for a search over many files (a record with `files_read`),
//! how many files it read (`12 files read`).

use super::engine::Rule;
use crate::evidence::Evidence;
use crate::lang::Text;
use serde_json::Value;
use std::collections::BTreeSet;

/// The key of the history's commit records, which the document holds apart (see
/// [`crate::evidence::CommitList`]).
const COMMITS: &str = "history.commits";

/// How many hex digits of a commit id a range shows.
const SHORT_ID: usize = 12;

/// The evidence of one rule over one evidence document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Judged {
    /// What is missing, in words ("no SBOM" / "SBOM 없음"), for each needed key that is absent.
    pub missing: Vec<Text>,
    /// Repository paths (and, for history keys, the commit range), sorted, without repeats.
    pub evidence: Vec<String>,
}

/// One declared key: its dotted path and whether the rule can do without it.
struct Key<'a> {
    path: &'a str,
    optional: bool,
}

impl<'a> Key<'a> {
    fn parse(declared: &'a str) -> Key<'a> {
        match declared.strip_suffix('?') {
            Some(path) => Key {
                path,
                optional: true,
            },
            None => Key {
                path: declared,
                optional: false,
            },
        }
    }

    /// Profile and config keys describe the product and the scan, not evidence to judge.
    fn is_context(&self) -> bool {
        let root = self.path.split('.').next().unwrap_or_default();
        matches!(root, "profile" | "config" | "as_of")
    }
}

/// The needed-but-absent keys and the judged evidence of `rule` over `input`. A rule whose
/// keys are all optional needs at least one of them.
pub fn judge(rule: &Rule, evidence: &Evidence) -> Judged {
    let input = evidence.document();
    let mut missing = BTreeSet::new();
    let mut judged = BTreeSet::new();
    let mut optional_absent = Vec::new();
    let mut needs_one = true;
    for key in rule.meta.custom.evidence.iter().map(|k| Key::parse(k)) {
        let value = lookup(input, key.path);
        let absent = match key.path {
            COMMITS => evidence.commit_count() == 0,
            _ => is_absent(value),
        };
        match (key.is_context(), key.optional) {
            (true, _) => {}
            (false, false) => {
                needs_one = false;
                if absent {
                    missing.insert(missing_reason(key.path));
                }
            }
            (false, true) if absent => optional_absent.push(missing_reason(key.path)),
            (false, true) => needs_one = false,
        }
        judged.extend(evidence_of(evidence, rule.id(), key.path, value));
    }
    if needs_one && !optional_absent.is_empty() {
        let joined = |part: fn(&Text) -> &str| {
            optional_absent
                .iter()
                .map(part)
                .collect::<Vec<_>>()
                .join(", ")
        };
        missing.insert(Text::new(joined(|t| &t.en), joined(|t| &t.ko)));
    }
    Judged {
        missing: missing.into_iter().collect(),
        evidence: judged.into_iter().collect(),
    }
}

/// The value at a dotted path, `None` when some step is missing.
fn lookup<'v>(input: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(input, |v, step| v.get(step))
}

fn is_absent(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::Array(items)) => items.is_empty(),
        Some(Value::Object(map)) => {
            map.is_empty()
                || ["found", "available", "evaluated"]
                    .iter()
                    .any(|flag| map.get(*flag) == Some(&Value::Bool(false)))
        }
        Some(_) => false,
    }
}

/// "no SBOM" / "SBOM 없음": what a reader calls the evidence behind a key.
fn missing_reason(path: &str) -> Text {
    let (en, ko) = match path {
        "sboms" => ("SBOM", "SBOM(소프트웨어 자재명세서)"),
        "vulnerability_scans" | "vulnerability_scans.reports" => {
            ("vulnerability scan report", "취약점 스캔 보고서")
        }
        "requirements" | "requirements.items" => ("requirements", "요구사항"),
        "risks.tables" => ("risk table", "위험 분석표"),
        "test_reports" => ("test report", "시험 보고서"),
        "coverage.reports" => ("coverage report", "커버리지 보고서"),
        "codeowners" => ("CODEOWNERS file", "CODEOWNERS 파일"),
        "issue_templates" => ("issue template", "이슈 템플릿"),
        "evidence_index" => ("evidence index", "증거 색인"),
        "dependencies.lockfiles" => ("lockfile", "잠금 파일(lockfile)"),
        "dependencies.drift" => ("lockfile compared with an SBOM", "SBOM과 비교된 잠금 파일"),
        "dependencies.direct" => ("third-party dependency", "제3자 의존성"),
        "history.commits" => ("commits in the history scope", "이력 범위의 커밋"),
        "history.tags" => ("release tag", "릴리스 태그"),
        "history.release_ranges" => (
            "release range (two release tags reachable from the scanned commit)",
            "릴리스 범위(스캔한 커밋에서 도달할 수 있는 릴리스 태그 두 개)",
        ),
        "history.release_sboms" | "history.release_tests" => (
            "release tag reachable from the scanned commit in the git history",
            "git 이력에서 스캔한 커밋으로부터 도달할 수 있는 릴리스 태그",
        ),
        "ai.split_manifests" => ("split manifest", "데이터 분할 명세"),
        "ai.artifacts" => ("model artifact", "모델 아티팩트"),
        "dependencies.manifests" => ("dependency manifest", "의존성 매니페스트"),
        "dependencies.base_images" => ("container base image", "컨테이너 기본 이미지"),
        "documents.changelog" => ("change log", "변경 이력(change log)"),
        "product_versions" => ("product version manifest", "제품 버전 매니페스트"),
        "soup.lists" => ("SOUP list", "SOUP 목록"),
        _ if path.starts_with("history") => ("git history", "git 이력"),
        _ if path.starts_with("documents.") => {
            let kind = &path["documents.".len()..];
            return Text::new(
                format!("no {} document", kind.replace('_', " ")),
                format!("`{kind}` 문서 없음"),
            );
        }
        _ => {
            return Text::new(
                format!("no `{path}` evidence"),
                format!("`{path}` 증거 없음"),
            );
        }
    };
    Text::new(format!("no {en}"), format!("{ko} 없음"))
}

fn evidence_of(
    evidence: &Evidence,
    rule_id: &str,
    path: &str,
    value: Option<&Value>,
) -> Vec<String> {
    let input = evidence.document();
    let root = path.split('.').next().unwrap_or_default();
    let mut paths = Vec::new();
    match (root, value) {
        ("history", Some(v)) if path == "history.release_sboms" => {
            paths.extend(release_names(v, "sboms"))
        }
        ("history", Some(v)) if path == "history.release_tests" => {
            paths.extend(release_names(v, "reports"))
        }
        ("history", _) => paths.extend(history_range(evidence)),
        ("profile" | "config", _) => paths.extend(config_path(input)),
        ("files", _) => paths.push(".".to_string()),
        _ if is_absent(value) => {}
        ("evidence_index", Some(entries)) if path == "evidence_index.entries" => {
            paths.extend(index_paths(input, entries, rule_id))
        }
        (_, Some(v)) => {
            collect_paths(v, &mut paths);
            if let Some(n) = v.get("files_read").and_then(Value::as_u64) {
                paths.push(format!("{n} files read"));
            }
        }
        (_, None) => {}
    }
    paths
}

/// `evidence_index.entries` names the index's entries for this rule (`ID` or `ID/part`): the
/// index file and the paths they name; nothing when the index says nothing about the rule.
fn index_paths(input: &Value, entries: &Value, rule_id: &str) -> Vec<String> {
    let Some(entries) = entries.as_object() else {
        return vec![];
    };
    let own: Vec<&Value> = entries
        .iter()
        .filter(|(k, _)| {
            k.strip_prefix(rule_id)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .map(|(_, v)| v)
        .collect();
    if own.is_empty() {
        return vec![];
    }
    let mut paths: Vec<String> = lookup(input, "evidence_index.path")
        .and_then(Value::as_str)
        .map(str::to_string)
        .into_iter()
        .collect();
    own.iter().for_each(|v| collect_paths(v, &mut paths));
    paths
}

/// Every `path` string in the records under `value`.
fn collect_paths(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|i| collect_paths(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(p) if k == "path" && !p.is_empty() => out.push(p.clone()),
                    _ => collect_paths(v, out),
                }
            }
        }
        _ => {}
    }
}

/// The releases judged for their SBOM (MFDS-CYB-016) or their system test report (MFDS-SWL-005),
/// as `tag:path` for each SBOM, or report of the release's version, of the tagged tree (`tag`
/// alone when it has none), and the support policy that gave the window.
fn release_names(value: &Value, records: &str) -> Vec<String> {
    let mut names: Vec<String> = lookup(value, "window.path")
        .and_then(Value::as_str)
        .map(str::to_string)
        .into_iter()
        .collect();
    for release in value["releases"].as_array().into_iter().flatten() {
        let Some(tag) = release["tag"].as_str() else {
            continue;
        };
        let files: Vec<&str> = release[records]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| records != "reports" || r["version_matches"] == true)
            .filter_map(|r| r["path"].as_str())
            .collect();
        match files.as_slice() {
            [] => names.push(tag.to_string()),
            paths => names.extend(paths.iter().map(|p| format!("{tag}:{p}"))),
        }
    }
    names
}

/// The config file the profile was read from, when there is one.
pub fn config_path(input: &Value) -> Option<String> {
    let config = input.get("config")?;
    if config.get("found") != Some(&Value::Bool(true)) {
        return None;
    }
    config.get("path")?.as_str().map(str::to_string)
}

/// The history scope as `A..B`: from the scope's lower boundary (release tag commit or merge
/// base, excluded) or else from its oldest commit (included), to the tip.
fn history_range(evidence: &Evidence) -> Option<String> {
    let history = evidence.document().get("history")?;
    if history.get("available") != Some(&Value::Bool(true)) {
        return None;
    }
    let tip = history.get("tip")?.as_str()?;
    let scope = history.get("scope");
    let boundary = ["since_commit", "merge_base"]
        .iter()
        .find_map(|k| scope?.get(*k)?.as_str());
    let oldest = || evidence.oldest_commit_id();
    let from = boundary.map(str::to_string).or_else(oldest)?;
    Some(format!("{}..{}", short(&from), short(tip)))
}

fn short(id: &str) -> &str {
    id.get(..SHORT_ID).unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::metadata::parse_header;
    use serde_json::json;

    fn rule(evidence: &str) -> Rule {
        let text = format!(
            "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: X-1\n#   severity: error\n#   evidence: {evidence}\npackage p\n"
        );
        let header = parse_header("p.rego", &text).unwrap();
        Rule {
            path: "p.rego".into(),
            package: header.package,
            meta: header.metadata.unwrap(),
        }
    }

    #[test]
    fn an_absent_needed_key_is_named_and_optional_or_context_keys_are_not() {
        let input = json!({"sboms": [], "vex": {"documents": []}, "profile": null});
        let j = judge(
            &rule("[sboms, vex.documents?, profile.ai]"),
            &Evidence::from(input),
        );
        assert_eq!(
            j.missing,
            vec![Text::new("no SBOM", "SBOM(소프트웨어 자재명세서) 없음")]
        );
        assert!(j.evidence.is_empty());
    }

    #[test]
    fn evidence_is_the_paths_under_the_keys_and_the_history_range() {
        let input = json!({
            "sboms": [{"path": "sbom/a.cdx.json", "parsed": true}, {"path": "b.spdx.json"}],
            "history": {"available": true, "tip": "bbbbbbbbbbbbbbbb", "scope": {"since_commit": "aaaaaaaaaaaaaaaa"},
                        "commits": [{"id": "bbbbbbbbbbbbbbbb", "changes": [{"path": "src/x.rs"}]}]},
        });
        let j = judge(&rule("[sboms, history.commits]"), &Evidence::from(input));
        assert!(j.missing.is_empty());
        assert_eq!(
            j.evidence,
            vec![
                "aaaaaaaaaaaa..bbbbbbbbbbbb",
                "b.spdx.json",
                "sbom/a.cdx.json"
            ]
        );
    }

    #[test]
    fn a_search_over_many_files_names_how_many_it_read() {
        let input = json!({"crypto_use": {"evaluated": true, "files_read": 12, "hits": [],
                                          "inventories": [{"path": "sbom/a.cdx.json", "crypto_assets": 0}]}});
        let j = judge(&rule("[crypto_use]"), &Evidence::from(input));
        assert_eq!(j.evidence, vec!["12 files read", "sbom/a.cdx.json"]);
    }

    #[test]
    fn releases_judged_for_their_sbom_are_named_with_their_sboms() {
        let input = json!({"history": {"available": true, "tip": "bbbb", "release_sboms": {
            "evaluated": true, "window": {"path": "docs/security/support-policy.md", "lines": []},
            "releases": [{"tag": "v1.2.0", "sboms": [{"path": "sbom/a.cdx.json"}]}, {"tag": "v1.1.0", "sboms": []}]}}});
        let j = judge(&rule("[history.release_sboms]"), &Evidence::from(input));
        assert!(j.missing.is_empty());
        assert_eq!(
            j.evidence,
            [
                "docs/security/support-policy.md",
                "v1.1.0",
                "v1.2.0:sbom/a.cdx.json"
            ]
        );
        let none = json!({"history": {"available": true, "release_sboms": {"evaluated": false, "releases": []}}});
        let j = judge(&rule("[history.release_sboms]"), &Evidence::from(none));
        assert_eq!(
            j.missing[0].en,
            "no release tag reachable from the scanned commit in the git history"
        );
    }

    #[test]
    fn an_extractor_that_found_nothing_is_absent() {
        let input = json!({"evidence_index": {"found": false, "path": "regulatory/evidence-index.yaml"},
                           "history": {"available": false, "reason": "not a git work tree"}});
        let j = judge(
            &rule("[evidence_index, history.commits]"),
            &Evidence::from(input),
        );
        let en: Vec<&str> = j.missing.iter().map(|t| t.en.as_str()).collect();
        assert_eq!(
            en,
            vec!["no commits in the history scope", "no evidence index"]
        );
    }
}
