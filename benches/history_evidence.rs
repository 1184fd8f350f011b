//! Synthetic history evidence (the `history` section and the profile the history rules read),
//! for timing the history rules without a repository: N commits, about a fifth of them
//! pull-request merges on the first-parent line, each bringing in the three commits before it, with the
//! shapes the rules judge (unreferenced commits covered by their merge or not, `fix:` commits,
//! safety-critical, UI, test and lockfile changes, deletions, review trailers).
//!
//! Shared by the policy-scale test (`tests/integration/history_scale.rs`) and the policy
//! benchmark (`benches/history_policy.rs`).
#![allow(unreachable_pub)] // helpers shared between bench and test modules

use samdscan::policy::{PolicySet, Rule};
use serde_json::{Value, json};

/// The profile: one class C system with safety-critical and UI paths.
fn profile() -> Value {
    json!({
        "name": "Pump", "version": "1.0.0", "grade": 3, "connected": true, "ui": true,
        "software_systems": [{"name": "pump", "paths": ["src/**"], "safety_class": "C"}],
        "safety_critical_paths": ["src/dose/**"],
        "ui_paths": ["src/ui/**"],
    })
}

fn hex(n: usize, salt: u8) -> String {
    format!("{salt:02x}{n:038x}")
}

/// One non-merge commit `n` (its kind chosen by `n`), brought in by `merge` if any.
fn commit(n: usize, merge: Option<&str>) -> Value {
    let (path, areas): (String, Vec<&str>) = match n % 6 {
        0 => (
            format!("src/dose/calc{}.py", n % 50),
            vec!["system:pump", "safety_critical"],
        ),
        1 => (
            format!("src/ui/view{}.py", n % 50),
            vec!["system:pump", "ui"],
        ),
        2 => (format!("tests/test_{}.py", n % 50), vec!["test"]),
        3 => ("web/package-lock.json".to_string(), vec!["lockfile"]),
        _ => (format!("src/core/mod{}.py", n % 200), vec!["system:pump"]),
    };
    let status = if n.is_multiple_of(17) {
        "deleted"
    } else {
        "modified"
    };
    let subject = if n.is_multiple_of(5) {
        format!("fix: problem {n}")
    } else {
        format!("Change {n}")
    };
    let references: Vec<String> = if n.is_multiple_of(3) {
        vec![format!("CR-{n}")]
    } else {
        vec![]
    };
    let trailers = if n.is_multiple_of(7) {
        json!([{"key": "Reviewed-by", "value": "Kim <kim@example.com>"}])
    } else {
        json!([])
    };
    let id = hex(n, 0xc0);
    json!({
        "id": id, "short_id": &id[..7], "subject": subject, "merge": false,
        "shallow_boundary": false, "references": references, "trailers": trailers,
        "merged_by": merge, "areas": areas,
        "changes": [{"path": path, "status": status, "areas": areas}],
    })
}

/// The evidence of `n` commits, newest first: groups of a merge and the three commits it
/// brought in (every other merge names a pull request; every eighth group has no merge), plus
/// the merges index.
pub fn history_input(n: usize) -> Value {
    let mut commits = Vec::with_capacity(n);
    let mut merges = serde_json::Map::new();
    let mut group = 0;
    while commits.len() < n {
        // Every eighth group was pushed directly: no merge brought its commits in.
        if group % 8 == 6 {
            commits.extend((0..3).map(|k| commit(group * 3 + k, None)));
            group += 1;
            continue;
        }
        let merge_id = hex(group, 0xe0);
        let references: Vec<String> = if group.is_multiple_of(2) {
            vec![format!("#{group}")]
        } else {
            vec![]
        };
        commits.push(json!({
            "id": merge_id, "short_id": &merge_id[..7], "subject": format!("Merge pull request {group}"),
            "merge": true, "shallow_boundary": false, "references": references, "trailers": [],
            "merged_by": null, "areas": ["system:pump"],
            "changes": [{"path": "src/core/mod1.py", "status": "modified", "areas": ["system:pump"]}],
        }));
        let mut areas = std::collections::BTreeSet::new();
        for k in 0..3 {
            let c = commit(group * 3 + k, Some(&merge_id));
            for a in c["areas"].as_array().into_iter().flatten() {
                areas.insert(a.as_str().unwrap_or_default().to_string());
            }
            commits.push(c);
        }
        merges.insert(
            merge_id,
            json!({"references": references, "areas": areas, "commits": 3}),
        );
        group += 1;
    }
    commits.truncate(n);
    json!({
        "profile": profile(),
        "config": {"path": ".samdscan.yaml", "lines": {}},
        "issue_templates": [],
        "codeowners": {"path": ".github/CODEOWNERS", "parsed": true, "files": []},
        "history": {
            "available": true, "reason": null, "truncated": false,
            "scope": {"spec": "all", "source": "config", "description": "all commits"},
            "commit_count": commits.len(), "commits": commits, "merges": merges,
            "tags": [], "control_changes": [],
        },
    })
}

/// The built-in rules that read the history (`history.*` in their METADATA evidence).
pub fn history_rules(set: &PolicySet) -> Vec<&Rule> {
    set.rules
        .iter()
        .filter(|r| {
            r.meta
                .custom
                .evidence
                .iter()
                .any(|e| e.starts_with("history"))
        })
        .collect()
}
