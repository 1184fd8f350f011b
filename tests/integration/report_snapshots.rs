//! The human reports as a user first sees them, as insta snapshots reviewed like code: the
//! default text report, `--quiet`, `--verbose` and the Markdown of a failing example (03), the
//! first scan of a repository with no config (02), and a pull-request scan (05 against its
//! parent), `--hook`, plus the commands users run next (policy explain, trace) on 01 and 03 (the
//! rule list is snapshotted in rule_list.rs), and the JSON and SARIF of 01 and 03. All at
//! `--as-of 2026-10-01`; the version and the temporary paths are normalised.

use crate::common::{import_example, samdscan};

/// `samdscan ARGS` run inside an imported example; stdout, then `[exit N]`.
fn output_of(example: &str, args: &[&str]) -> String {
    let dir = import_example(example);
    let repo = dir.path().join(example);
    let out = samdscan()
        .args(args)
        .args(["--as-of", "2026-10-01"])
        .current_dir(&repo)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    format!("{text}[exit {}]\n", out.status.code().unwrap_or(-1))
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
        .replace(&repo.display().to_string(), "[REPO]")
}

macro_rules! snapshot {
    ($name:ident, $example:expr, $args:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(output_of($example, $args));
        }
    };
}

snapshot!(
    failing_text_default,
    "03-broken-evidence",
    &["scan", "--no-color"]
);
snapshot!(
    failing_text_quiet,
    "03-broken-evidence",
    &["scan", "--quiet"]
);
snapshot!(
    failing_text_verbose,
    "03-broken-evidence",
    &["scan", "--verbose"]
);
snapshot!(
    failing_markdown,
    "03-broken-evidence",
    &["scan", "-f", "markdown"]
);
snapshot!(no_config_text, "02-no-profile", &["scan"]);
snapshot!(
    no_config_markdown,
    "02-no-profile",
    &["scan", "-f", "markdown"]
);
snapshot!(
    pull_request_text,
    "05-untraced-changes",
    &["scan", "--base", "HEAD~1"]
);
snapshot!(
    pull_request_markdown,
    "05-untraced-changes",
    &["scan", "-f", "markdown", "--base", "HEAD~1"]
);
snapshot!(compliant_text, "01-cardiowatch-compliant", &["scan"]);
snapshot!(
    compliant_markdown,
    "01-cardiowatch-compliant",
    &["scan", "-f", "markdown"]
);
snapshot!(compliant_trace, "01-cardiowatch-compliant", &["trace"]);
snapshot!(failing_trace, "03-broken-evidence", &["trace"]);
snapshot!(failing_hook, "03-broken-evidence", &["scan", "--hook"]);

#[test]
fn explain_one_rule() {
    let out = samdscan()
        .args(["policy", "explain", "mfds-cyb-001"])
        .output()
        .unwrap();
    insta::assert_snapshot!(
        String::from_utf8(out.stdout)
            .unwrap()
            .replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
    );
}

/// The machine reports of 01 and 03: the JSON report whole (commit ids normalised), and the
/// SARIF run without the rule help texts (rule pages and METADATA hold those; the rule list and
/// rule_docs tests check them), so a change to any state, finding, location, property or
/// notification shows in review.
fn machine_output(example: &str, format: &str) -> String {
    let out = output_of(example, &["scan", "-f", format]);
    let (doc, exit) = out.rsplit_once("[exit ").unwrap();
    let mut value: serde_json::Value = serde_json::from_str(doc).unwrap();
    if format == "sarif" {
        for run in value["runs"].as_array_mut().unwrap() {
            for rule in run["tool"]["driver"]["rules"].as_array_mut().unwrap() {
                let rule = rule.as_object_mut().unwrap();
                rule.remove("help");
                rule.remove("fullDescription");
            }
        }
    }
    let text = serde_json::to_string_pretty(&value).unwrap();
    let text = regex::Regex::new(r"\b[0-9a-f]{40}\b")
        .unwrap()
        .replace_all(&text, "[COMMIT]");
    format!("{text}\n[exit {exit}")
}

macro_rules! machine_snapshot {
    ($name:ident, $example:expr, $format:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(machine_output($example, $format));
        }
    };
}

machine_snapshot!(compliant_json, "01-cardiowatch-compliant", "json");
machine_snapshot!(failing_json, "03-broken-evidence", "json");
machine_snapshot!(compliant_sarif, "01-cardiowatch-compliant", "sarif");
machine_snapshot!(failing_sarif, "03-broken-evidence", "sarif");
