//! User policies are refused at load when they reach the network, read the clock or other
//! nondeterministic builtins, or recurse (which would overflow the stack), and an evaluation error
//! names the rule and its file.

use crate::common::{git_repo, samdscan};
use std::time::Duration;

/// A user policy with `body` after its METADATA and package lines.
fn policy(id: &str, body: &str) -> String {
    format!(
        "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: {id}\n#   severity: warning\n#   evidence: [files]\npackage user.p\n\nimport rego.v1\n\n{body}\n"
    )
}

/// Scans a small repository with a `--policy` folder holding `text`: exit code and stderr.
fn scan_with(text: &str) -> (i32, String) {
    let repo = git_repo(&[("README.md", "# r\n")]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.rego"), text).unwrap();
    let out = samdscan()
        .args(["scan", "--format", "json", "--policy"])
        .arg(dir.path())
        .arg(repo.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.code().expect("exits, never killed by a signal"),
        stderr,
    )
}

#[test]
fn a_recursive_function_is_refused_at_load_not_a_stack_overflow() {
    let (code, stderr) = scan_with(&policy(
        "USER-REC",
        "f(n) := x if {\n\tn > 0\n\tx := f(n - 1) + 1\n}\n\nf(0) := 0\n\ndeny contains {\"msg\": sprintf(\"%d\", [f(100000)])} if true",
    ));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("p.rego:12: a recursive call"), "{stderr}");
    assert!(stderr.contains("user.p.f -> user.p.f"), "{stderr}");
}

#[test]
fn network_and_nondeterministic_builtins_are_refused_at_load() {
    for (call, builtin) in [
        (
            "http.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:9/\"})",
            "http.send",
        ),
        ("time.now_ns()", "time.now_ns"),
        ("uuid.rfc4122(\"x\")", "uuid.rfc4122"),
        ("rand.intn(\"x\", 10)", "rand.intn"),
        ("opa.runtime()", "opa.runtime"),
    ] {
        let body = format!("deny contains {{\"msg\": \"x\", \"v\": v}} if {{\n\tv := {call}\n}}");
        let (code, stderr) = scan_with(&policy("USER-ND", &body));
        assert_eq!(code, 2, "{builtin}: {stderr}");
        assert!(
            stderr.contains(&format!("p.rego:13: `{builtin}` is not allowed")),
            "{builtin}: {stderr}"
        );
    }
}

#[test]
fn builtins_named_in_comments_and_strings_are_not_calls() {
    let body = "# http.send(x) and time.now_ns() are not used\ndeny contains {\"msg\": \"time.now_ns() http.send()\"} if false";
    let (code, stderr) = scan_with(&policy("USER-CMT", body));
    assert!(code < 2, "{stderr}");
}

#[test]
fn an_evaluation_error_names_the_rule_and_file() {
    let (code, stderr) = scan_with(&policy(
        "USER-ERR",
        "deny contains {\"msg\": lower(count(input.files))} if true",
    ));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("USER-ERR ("), "{stderr}");
    assert!(stderr.contains("p.rego): "), "{stderr}");
    assert!(
        stderr.contains("`lower` expects string argument"),
        "{stderr}"
    );
}
