//! Orchestration only: config -> evidence -> policies -> findings -> report, and the exit code.

use crate::cli::{Cli, Command, EvidenceArgs, FailOn, ScanArgs, Target};
use crate::config::{ConfigChoice, LoadedConfig, load_config};
use crate::date::Date;
use crate::evidence::source::{GitTreeSource, RepoSource, WorkTreeSource};
use crate::evidence::{Evidence, RepositoryFacts, collect_evidence};
use crate::finding::{BaselineState, Finding, Level, RuleState};
use crate::policy::PolicySet;
use crate::report::{RuleReport, ScanReport, render};
use crate::resolve::{Anchors, configured_level, resolve_findings};
use crate::revision_inputs::RevisionFiles;
use crate::waiver::{apply_waivers, waiver_rules};
use crate::{baseline, init_cmd, policy_cmd, repository, trace_cmd};
use anyhow::{Context as _, Result, bail};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Exit codes, the same for every output format.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(args) => scan(&args),
        Command::Evidence(args) => evidence(&args),
        Command::Policy(cmd) => policy_cmd::run(cmd),
        Command::Init(args) => init_cmd::run(&args.path, args.templates),
        Command::Trace(args) => trace_cmd::run(&args),
    }
}

/// Everything one scan of one revision (or the working tree) produced.
pub struct ScanOutcome {
    pub evidence: Evidence,
    pub report: ScanReport,
}

fn config_choice(target: &Target) -> ConfigChoice {
    match (&target.config, target.no_config) {
        (_, true) => ConfigChoice::None,
        (Some(f), _) => ConfigChoice::File(f.clone()),
        (None, false) => ConfigChoice::Discover,
    }
}

/// Loads the built-in policies, the config's `policies.paths` (relative to the scan root, or
/// read from the revision) and the `--policy` directories.
pub fn load_policies(
    root: &Path,
    config: &LoadedConfig,
    extra: &[std::path::PathBuf],
    revision: Option<&RevisionFiles>,
) -> Result<PolicySet> {
    let mut set = PolicySet::builtin()?;
    for p in &config.config.policies.paths {
        match revision {
            Some(rev) => set.add_files(rev.rego_files(p).map_err(anyhow::Error::msg)?)?,
            None => set.add_dir(&root.join(p))?,
        }
    }
    for dir in extra {
        set.add_dir(dir)?;
    }
    Ok(set)
}

/// The revision a `--rev` scan reads its config and policies from, unless `--config` or
/// `--no-config` chose otherwise.
fn revision_files<'r>(
    target: &Target,
    repo: Option<&'r git2::Repository>,
) -> Result<Option<RevisionFiles<'r>>> {
    match (&target.rev, repo, config_choice(target)) {
        (Some(rev), Some(repo), ConfigChoice::Discover) => {
            Ok(Some(RevisionFiles::open(repo, rev).with_context(|| {
                format!("cannot read revision `{rev}`")
            })?))
        }
        _ => Ok(None),
    }
}

/// The config for a target (from the revision when there is one), with the command line's
/// history scope (`--since`) applied.
fn load_target_config(target: &Target, revision: Option<&RevisionFiles>) -> Result<LoadedConfig> {
    let mut config = match revision {
        Some(rev) => rev.config()?,
        None => load_config(&target.path, &config_choice(target))?,
    };
    config.config.history.since = target.since.clone();
    Ok(config)
}

fn check_root(path: &Path) -> Result<()> {
    if !path.is_dir() {
        bail!("{}: not a directory", path.display());
    }
    Ok(())
}

/// Collects evidence for the working tree or for `rev`, and the date it is judged at.
fn collect(
    target: &Target,
    config: &LoadedConfig,
    repo: Option<&git2::Repository>,
    facts: &mut RepositoryFacts,
) -> Result<(Evidence, crate::evidence::source::Inventory, Date)> {
    let rev_commit = match (&target.rev, repo) {
        (Some(rev), Some(repo)) => Some(repository::resolve_commit(repo, rev)?),
        (Some(_), None) => bail!("--rev needs PATH to be the top of a git work tree"),
        _ => None,
    };
    facts.base = match (&target.base, repo) {
        (Some(base), Some(repo)) => Some(repository::resolve_commit(repo, base)?.0.to_string()),
        (Some(_), None) => bail!("--base needs PATH to be the top of a git work tree"),
        _ => None,
    };
    let commit_date = match (&rev_commit, repo) {
        (Some(c), _) => Date::from_unix(c.1),
        (None, Some(repo)) => repository::head_commit_date(repo),
        _ => None,
    };
    let as_of = target.as_of.or(commit_date).unwrap_or_else(Date::today);
    let (evidence, inventory) = match (rev_commit, repo) {
        (Some((commit, _)), Some(repo)) => {
            facts.revision = Some(commit.to_string());
            let tree = repo.find_commit(commit)?.tree_id();
            let source = GitTreeSource::open(repo, tree)?;
            (
                collect_evidence(&source, config, facts, Some(repo), as_of),
                source.inventory().clone(),
            )
        }
        _ => {
            let source = WorkTreeSource::open(&target.path, repo)
                .with_context(|| format!("{}: cannot list files", target.path.display()))?;
            (
                collect_evidence(&source, config, facts, repo, as_of),
                source.inventory().clone(),
            )
        }
    };
    Ok((evidence, inventory, as_of))
}

/// Runs the whole pipeline for one target.
pub fn scan_target(target: &Target, extra_policies: &[std::path::PathBuf]) -> Result<ScanOutcome> {
    check_root(&target.path)?;
    let (repo, mut facts) = repository::open(&target.path);
    let revision = revision_files(target, repo.as_ref())?;
    let config = load_target_config(target, revision.as_ref())?;
    let policies = load_policies(&target.path, &config, extra_policies, revision.as_ref())?;
    let (evidence, inventory, as_of) = collect(target, &config, repo.as_ref(), &mut facts)?;
    let anchors = Anchors::new(&inventory, &config, &evidence);
    let (mut rules, mut findings) = evaluate_rules(&policies, &config, &evidence, &anchors)?;
    let known = |id: &str| policies.rule(id).is_some();
    let waiver_findings = apply_waivers(&mut findings, &config, known, as_of, &anchors);
    rules.extend(waiver_rule_reports(&waiver_findings));
    findings.extend(waiver_findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    rules.sort_by(|a, b| a.id().cmp(b.id()));
    let diagnostics =
        serde_json::from_value(evidence.get("diagnostics").clone()).unwrap_or_default();
    let report = ScanReport {
        product_name: config.config.product.as_ref().and_then(|p| p.name.clone()),
        repository: facts,
        as_of,
        rules,
        findings,
        diagnostics,
        disabled_rules: config.config.policies.disable.clone(),
        base: None,
        notices: repository::notices(&evidence),
        category: None,
    };
    Ok(ScanOutcome { evidence, report })
}

/// Evaluates every enabled rule and resolves its findings.
fn evaluate_rules(
    policies: &PolicySet,
    config: &LoadedConfig,
    evidence: &Evidence,
    anchors: &Anchors,
) -> Result<(Vec<RuleReport>, Vec<Finding>)> {
    let disabled = &config.config.policies.disable;
    let rules: Vec<_> = policies
        .rules
        .iter()
        .filter(|r| !disabled.contains(&r.meta.custom.id))
        .collect();
    let outcomes = policies.evaluate(&rules, &evidence.0)?;
    let mut reports = Vec::new();
    let mut findings = Vec::new();
    for (rule, outcome) in rules.iter().zip(outcomes) {
        findings.extend(resolve_findings(
            rule,
            &outcome.findings,
            config,
            evidence,
            anchors,
        ));
        reports.push(RuleReport {
            meta: rule.meta.clone(),
            level: configured_level(rule, config),
            state: outcome.state,
            reasons: outcome.reasons,
        });
    }
    Ok((reports, findings))
}

/// The waiver rules' states: failed when they produced a finding.
fn waiver_rule_reports(waiver_findings: &[Finding]) -> Vec<RuleReport> {
    waiver_rules()
        .into_iter()
        .map(|meta| {
            let fired = waiver_findings.iter().any(|f| f.rule_id == meta.custom.id);
            let state = if fired {
                RuleState::Failed
            } else {
                RuleState::Passed
            };
            RuleReport {
                level: meta.custom.severity,
                meta,
                state,
                reasons: vec![],
            }
        })
        .collect()
}

fn threshold(fail_on: FailOn) -> Option<Level> {
    match fail_on {
        FailOn::Error => Some(Level::Error),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Note => Some(Level::Note),
        FailOn::Never => None,
    }
}

/// Exit code for a report: 1 when an active finding (with a base: a new one) reaches `fail_on`.
pub fn exit_code(report: &ScanReport, fail_on: FailOn) -> u8 {
    let Some(min) = threshold(fail_on) else {
        return EXIT_OK;
    };
    let gating = report
        .active_findings()
        .filter(|f| report.base.is_none() || f.baseline_state == Some(BaselineState::New));
    if gating.into_iter().any(|f| f.level >= min) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

pub fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write report", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .context("cannot write to standard output")
        }
    }
}

fn scan(args: &ScanArgs) -> Result<u8> {
    let mut outcome = match &args.target.base {
        Some(base) => baseline::scan_with_base(&args.target, &args.policies, base)?,
        None => scan_target(&args.target, &args.policies)?,
    };
    outcome.report.category = Some(args.category.clone());
    let report = &outcome.report;
    for d in &report.diagnostics {
        eprintln!("warning: {}: {}", d.path, d.message);
    }
    let color = args.output.is_none()
        && !args.no_color
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    write_output(args.output.as_deref(), &render(report, args.format, color))?;
    crate::report_files::write_report_files(report, &args.reports)?;
    Ok(exit_code(report, args.fail_on))
}

/// The evidence document of one target, without evaluating policies.
pub fn collect_target_evidence(target: &Target) -> Result<Evidence> {
    check_root(&target.path)?;
    let (repo, mut facts) = repository::open(&target.path);
    let revision = revision_files(target, repo.as_ref())?;
    let config = load_target_config(target, revision.as_ref())?;
    let (evidence, _, _) = collect(target, &config, repo.as_ref(), &mut facts)?;
    Ok(evidence)
}

fn evidence(args: &EvidenceArgs) -> Result<u8> {
    let evidence = collect_target_evidence(&args.target)?;
    let mut text = serde_json::to_string_pretty(&evidence.0)?;
    text.push('\n');
    write_output(args.output.as_deref(), &text)?;
    Ok(EXIT_OK)
}
