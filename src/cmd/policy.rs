//! `samdscan policy list | explain | test`: the policy author's and auditor's view of the rules.

use crate::catalogue;
use crate::cli::{PolicyCommand, Target};
use crate::output::write_output;
use crate::policy::PolicySet;
use crate::policy::engine::{Rule, read_policy_dir};
use crate::policy::metadata::Custom;
use crate::policy::testing::{TestScope, run_tests};
use crate::report::{pillar_name, rule_help_uri};
use crate::scan::pipeline::scan_target;
use crate::scan::waiver::waiver_rules;
use anyhow::{Result, bail};
use std::fmt::Write as _;
use std::path::PathBuf;

pub fn run(cmd: PolicyCommand) -> Result<u8> {
    match cmd {
        PolicyCommand::List {
            policies,
            catalogue: false,
        } => list(&load(&policies)?),
        PolicyCommand::List {
            policies,
            catalogue: true,
        } => list_catalogue(&load(&policies)?),
        PolicyCommand::Explain { id, policies, repo } => {
            explain(&load(&policies)?, &id)?;
            match repo {
                Some(repo) => explain_in_repo(&id, repo, &policies),
                None => Ok(0),
            }
        }
        PolicyCommand::Test { dirs, with_builtin } => {
            let scope = if with_builtin || dirs.is_empty() {
                TestScope::All
            } else {
                TestScope::UserOnly
            };
            test(&load_for_test(&dirs)?, scope)
        }
    }
}

fn load(dirs: &[PathBuf]) -> Result<PolicySet> {
    let mut set = PolicySet::builtin()?;
    for d in dirs {
        set.add_dir(d)?;
    }
    Ok(set)
}

/// The built-in policies with the directories given explicitly taking the place of built-in
/// files of the same package, so `policy test policies` tests the copy on disk.
fn load_for_test(dirs: &[PathBuf]) -> Result<PolicySet> {
    let mut set = PolicySet::builtin()?;
    for d in dirs {
        let files = read_policy_dir(d)?;
        set.replace_builtin_packages(&files);
        set.add_files(files)?;
    }
    Ok(set)
}

/// Every rule that can appear in a report, sorted by id: the loaded policies' rules and the
/// waiver rules samdscan evaluates itself.
pub fn reportable_rules(set: &PolicySet) -> Vec<Rule> {
    let waivers = waiver_rules().into_iter().map(|meta| Rule {
        path: "src/scan/waiver.rs".into(),
        package: "(evaluated by samdscan itself)".into(),
        meta,
    });
    let mut rules: Vec<Rule> = set.rules.iter().cloned().chain(waivers).collect();
    rules.sort_by(|a, b| a.id().cmp(b.id()));
    rules
}

fn list(set: &PolicySet) -> Result<u8> {
    let mut out = String::new();
    for r in &reportable_rules(set) {
        let origin = if r.builtin() { "" } else { "  (user)" };
        let _ = writeln!(
            out,
            "{:<14} {:<8} {}{origin}",
            r.id(),
            r.meta.custom.severity.as_str(),
            r.meta.title
        );
    }
    write_output(None, &out)?;
    Ok(0)
}

/// The regulatory catalogue against the loaded rules (`policy list --catalogue`).
fn list_catalogue(set: &PolicySet) -> Result<u8> {
    let rules = set.rules.iter().map(|r| (r.id(), r.meta.custom.observable));
    write_output(
        None,
        &catalogue::render_coverage(&catalogue::coverage(rules)),
    )?;
    Ok(0)
}

/// The rule's documentation as Markdown, from its METADATA (also used for docs/rules pages).
pub fn rule_markdown(r: &Rule) -> String {
    let c = &r.meta.custom;
    let mut out = format!("# {}: {}\n\n", c.id, r.meta.title);
    out.push_str(&format!("- **Default level:** {}\n", c.severity));
    out.push_str(&format!(
        "- **Pillar:** {}\n",
        pillar_name(c.pillar.as_deref())
    ));
    if let Some(a) = &c.applies {
        out.push_str(&format!("- **Applies:** {}\n", a.trim()));
    }
    if let Some(e) = &c.escalation {
        out.push_str(&format!("- **Escalation:** {}\n", e.trim()));
    }
    if !c.evidence.is_empty() {
        out.push_str(&format!(
            "- **Evidence read:** {}\n",
            c.evidence
                .iter()
                .map(|e| match e.strip_suffix('?') {
                    Some(key) => format!("`{key}` (optional)"),
                    None => format!("`{e}`"),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if c.presence {
        out.push_str(
            "- **Presence rule:** evaluated without its evidence, to report that it is missing\n",
        );
    }
    if !c.observable {
        out.push_str("- **Observable from a repository:** no (reported as \"not observable\")\n");
    }
    out.push_str(&lifecycle_lines(c));
    out.push_str(&format!(
        "- **Policy:** `{}` (package `{}`)\n\n",
        r.path, r.package
    ));
    out.push_str(r.meta.description.trim());
    out.push('\n');
    if let Some(a) = &c.recommended_action {
        out.push_str(&format!("\n## Recommended action\n\n{}\n", a.trim()));
    }
    if !c.references.is_empty() {
        out.push_str("\n## References\n\n");
        for rf in &c.references {
            let clause = rf
                .clause
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            match &rf.url {
                Some(u) => out.push_str(&format!("- [{}{clause}]({u})\n", rf.source)),
                None => out.push_str(&format!("- {}{clause}\n", rf.source)),
            }
        }
    }
    out
}

/// Since which version the rule exists, and whether it is deprecated (and by what replaced).
fn lifecycle_lines(c: &Custom) -> String {
    let mut out = String::new();
    if let Some(since) = &c.since {
        out.push_str(&format!("- **Since:** samdscan {since}\n"));
    }
    match &c.replaced_by {
        Some(by) => out.push_str(&format!(
            "- **Deprecated:** yes, replaced by [{by}]({by}.md)\n"
        )),
        None if c.is_deprecated() => out.push_str("- **Deprecated:** yes\n"),
        None => {}
    }
    out
}

fn explain(set: &PolicySet, id: &str) -> Result<u8> {
    let rules = reportable_rules(set);
    let Some(rule) = rules.iter().find(|r| r.id().eq_ignore_ascii_case(id)) else {
        bail!("no rule with id `{id}` (see `samdscan policy list`)");
    };
    let mut out = rule_markdown(rule);
    if let Some(uri) = rule_help_uri(&rule.meta) {
        let _ = writeln!(out, "\nOnline: {uri}");
    }
    write_output(None, &out)?;
    Ok(0)
}

/// The rule's state in one repository and the evidence it judged (`explain --repo PATH`).
fn explain_in_repo(id: &str, path: PathBuf, policies: &[PathBuf]) -> Result<u8> {
    let target = Target::at(path);
    let outcome = scan_target(&target, policies)?;
    let Some(rule) = outcome
        .report
        .rules
        .iter()
        .find(|r| r.id().eq_ignore_ascii_case(id))
    else {
        bail!("rule `{id}` is disabled in {}", target.path.display());
    };
    let mut out = format!("\n## In {}\n\n", target.path.display());
    let _ = writeln!(out, "- **State:** {}", rule.state.label());
    for reason in &rule.reasons {
        let _ = writeln!(out, "- **Reason:** {reason}");
    }
    if rule.evidence.is_empty() {
        let _ = writeln!(out, "- **Evidence judged:** none");
    }
    for evidence in &rule.evidence {
        let _ = writeln!(out, "- **Evidence judged:** {evidence}");
    }
    let findings = outcome
        .report
        .active_findings()
        .filter(|f| f.rule_id.eq_ignore_ascii_case(id));
    for f in findings {
        let _ = writeln!(
            out,
            "- **Finding** ({}): {}:{}: {}",
            f.level, f.path, f.line, f.message
        );
    }
    write_output(None, &out)?;
    Ok(0)
}

fn test(set: &PolicySet, scope: TestScope) -> Result<u8> {
    let results = run_tests(set, scope)?;
    let mut failed = 0;
    let mut out = String::new();
    for r in &results {
        if r.passed {
            let _ = writeln!(out, "PASS {}: {}", r.file, r.name);
        } else {
            failed += 1;
            let _ = writeln!(out, "FAIL {}: {}", r.file, r.name);
            if let Some(d) = &r.detail {
                let _ = writeln!(out, "     {d}");
            }
        }
    }
    let passed = results.len() - failed;
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    write_output(None, &out)?;
    if results.is_empty() {
        bail!("no test_* rules found in *_test.rego files");
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
