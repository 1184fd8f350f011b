//! The pipeline of one scan: config -> evidence -> policies -> findings -> report, for the
//! working tree or one revision. Commands call it; it knows nothing of how reports are written.

use crate::cli::Target;
use crate::config::{CONFIG_LOCATIONS, ConfigChoice, LoadedConfig, load_config};
use crate::date::Date;
use crate::evidence::git_view::GitView;
use crate::evidence::source::{GitTreeSource, RepoSource, WorkTreeSource};
use crate::evidence::{Evidence, RepositoryFacts, collect_evidence, known_kinds};
use crate::finding::{Finding, RuleState};
use crate::lang::Lang;
use crate::lang::Text;
use crate::policy::{Evaluator, PolicySet};
use crate::report::{RuleReport, ScanReport};
use crate::scan::repository;
use crate::scan::resolve::{Anchors, configured_level, resolve_findings};
use crate::scan::revision_inputs::RevisionFiles;
use crate::scan::snippets::attach_snippets;
use crate::scan::waiver::{apply_waivers, unknown_rule_entries, waiver_rules};
use anyhow::{Context as _, Result, bail};
use std::path::Path;

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
    repo: Option<&'r GitView>,
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
        None => load_config(&target.path, &config_choice(target), &known_kinds())?,
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

/// Collects evidence for the working tree or for `rev`, and the date it is judged at; the
/// source it read stays open for what the report quotes (snippets).
fn collect<'r>(
    target: &Target,
    config: &LoadedConfig,
    repo: Option<&'r GitView>,
    facts: &mut RepositoryFacts,
) -> Result<(Evidence, Box<dyn RepoSource + 'r>, Date)> {
    let rev_commit = match (&target.rev, repo) {
        (Some(rev), Some(repo)) => Some(repository::resolve_commit(repo, rev)?),
        (Some(_), None) => bail!("--rev needs PATH to be in a git work tree"),
        _ => None,
    };
    facts.base_side = target.base_side;
    facts.base = match (&target.base, repo) {
        (Some(base), Some(repo)) => Some(repository::resolve_commit(repo, base)?.0.to_string()),
        (Some(_), None) => bail!("--base needs PATH to be in a git work tree"),
        _ => None,
    };
    if let Some(repo) = repo {
        crate::evidence::history::check_scope(repo, config)?;
    }
    let commit_date = match (&rev_commit, repo) {
        (Some(c), _) => Date::from_unix(c.1),
        (None, Some(repo)) => repository::head_commit_date(repo),
        _ => None,
    };
    let as_of = target.as_of.or(commit_date).unwrap_or_else(Date::today);
    let source: Box<dyn RepoSource> = match (rev_commit, repo) {
        (Some((commit, _)), Some(repo)) => {
            facts.revision = Some(commit.to_string());
            let Some(tree) = repo.tree_id_at(commit)? else {
                bail!("the folder {} does not exist at {commit}", repo.folder());
            };
            Box::new(GitTreeSource::open(repo, tree)?)
        }
        _ => Box::new(
            WorkTreeSource::open(&target.path, repo)
                .with_context(|| format!("{}: cannot list files", target.path.display()))?,
        ),
    };
    let evidence = collect_evidence(source.as_ref(), config, facts, repo, as_of);
    Ok((evidence, source, as_of))
}

/// Runs the whole pipeline for one target.
pub fn scan_target(target: &Target, extra_policies: &[std::path::PathBuf]) -> Result<ScanOutcome> {
    scan_target_beside(target, extra_policies, None, |_| ()).map(|(outcome, ())| outcome)
}

/// A policy engine another scan of the same run prepared, with the set it was prepared from: a
/// scan whose own policy set is the same uses it instead of parsing and preparing its own.
pub struct Prepared {
    pub policies: PolicySet,
    pub evaluator: Evaluator,
}

/// What a scan shows its caller once its evidence is collected and its engine prepared, before
/// its rules are evaluated: `--base` starts the base revision's scan from it.
pub struct Collected<'s> {
    pub evidence: &'s Evidence,
    pub as_of: Date,
    pub policies: &'s PolicySet,
    pub evaluator: &'s Evaluator,
}

/// [`scan_target`], with an engine another scan prepared (used when the policy sets are the
/// same), calling `on_collected` between collection and evaluation; returns what it returned.
pub fn scan_target_beside<T>(
    target: &Target,
    extra_policies: &[std::path::PathBuf],
    prepared: Option<Prepared>,
    on_collected: impl FnOnce(Collected<'_>) -> T,
) -> Result<(ScanOutcome, T)> {
    check_root(&target.path)?;
    let (repo, mut facts) = repository::open(&target.path)?;
    let revision = revision_files(target, repo.as_ref())?;
    let config = load_target_config(target, revision.as_ref())?;
    let policies = load_policies(&target.path, &config, extra_policies, revision.as_ref())?;
    let ready = prepared
        .filter(|p| p.policies.modules == policies.modules)
        .map(|p| p.evaluator);
    // The policies are parsed while the evidence is collected: neither needs the other.
    let (evaluator, collected) = std::thread::scope(|scope| {
        let parsing = scope.spawn(|| ready.map_or_else(|| policies.evaluator(), Ok));
        let collected = collect(target, &config, repo.as_ref(), &mut facts);
        let evaluator = parsing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (evaluator, collected)
    });
    let (mut evidence, source, as_of) = collected?;
    evidence.summarise_history();
    let evaluator = evaluator?;
    let beside = on_collected(Collected {
        evidence: &evidence,
        as_of,
        policies: &policies,
        evaluator: &evaluator,
    });
    let anchors = Anchors::new(source.inventory(), &config, &evidence);
    let (mut rules, mut findings) = evaluate_rules(
        &policies,
        evaluator,
        &config,
        &mut evidence,
        target.release_commit_records,
        &anchors,
    )?;
    let known = |id: &str| policies.rule(id).is_some();
    let mut waiver_findings = apply_waivers(&mut findings, &config, known, as_of, &anchors);
    waiver_findings.extend(unknown_rule_entries(&config, known, &anchors));
    rules.extend(waiver_rule_reports(&waiver_findings, &config));
    findings.extend(waiver_findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    attach_snippets(&mut findings, source.as_ref(), config.max_file_size());
    rules.sort_by(|a, b| a.id().cmp(b.id()));
    let diagnostics =
        serde_json::from_value(evidence.get("diagnostics").clone()).unwrap_or_default();
    let uri_prefix = facts.folder.clone();
    let mut notices = repository::notices(&evidence);
    if revision.is_none() && matches!(config_choice(target), ConfigChoice::Discover) {
        notices.extend(no_config_notice(&config));
    }
    if !uri_prefix.is_empty() {
        notices.push(Text::new(
            format!("the folder {uri_prefix} of a git work tree: SARIF locations are given from the repository's top"),
            format!("git 작업 트리의 폴더 {uri_prefix}: SARIF 위치는 저장소 최상위 기준으로 기록함"),
        ));
    }
    let report = ScanReport {
        product_name: config.config.product.as_ref().and_then(|p| p.name.clone()),
        repository: facts,
        as_of,
        rules,
        findings,
        diagnostics,
        disabled_rules: config.config.policies.disable.clone(),
        base: None,
        notices,
        category: None,
        connected: config.config.product.as_ref().and_then(|p| p.connected),
        uri_prefix,
        lang: config.config.report.lang.unwrap_or_default(),
    };
    Ok((ScanOutcome { evidence, report }, beside))
}

/// When no config file was found: say so first, since the profile decides what most rules ask.
fn no_config_notice(config: &LoadedConfig) -> Option<Text> {
    config.shown.is_empty().then(|| {
        Text::new(
            format!(
                "no config file ({}): the product profile is unknown, so rules judge a generic product; \
                 run `samdscan init` to write one from what the repository shows",
                CONFIG_LOCATIONS.join(" or ")
            ),
            format!(
                "설정 파일 없음({}): 제품 프로파일을 알 수 없어 규칙은 일반 제품 기준으로 판단함; \
                 `samdscan init`으로 저장소에서 확인한 내용을 바탕으로 설정 파일을 작성할 것",
                CONFIG_LOCATIONS.join(" 또는 ")
            ),
        )
    })
}

/// Evaluates every enabled rule with `evaluator` (made from `policies`) and resolves its
/// findings; the evidence gives its commit records up to the engine when `release` says so
/// (see `Target::release_commit_records`).
fn evaluate_rules(
    policies: &PolicySet,
    evaluator: Evaluator,
    config: &LoadedConfig,
    evidence: &mut Evidence,
    release: bool,
    anchors: &Anchors,
) -> Result<(Vec<RuleReport>, Vec<Finding>)> {
    let disabled = &config.config.policies.disable;
    let rules: Vec<_> = policies
        .rules
        .iter()
        .filter(|r| !disabled.contains(&r.meta.custom.id))
        .collect();
    let outcomes = match release {
        true => evaluator.evaluate_giving_up_commits(&rules, evidence)?,
        false => evaluator.evaluate(&rules, evidence)?,
    };
    let evidence = &*evidence;
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
            level: configured_level(rule, config, outcome.level),
            state: outcome.state,
            reasons: outcome.reasons,
            evidence: outcome.evidence,
        });
    }
    Ok((reports, findings))
}

/// The waiver rules' states: failed when they produced a finding, passed on the config's
/// waivers, not applicable when there are none to judge.
fn waiver_rule_reports(waiver_findings: &[Finding], config: &LoadedConfig) -> Vec<RuleReport> {
    let c = &config.config;
    let has_waivers = !c.waivers.is_empty();
    // SAMDSCAN-002 also judges the rule ids named by `policies.disable` and `policies.severity`.
    let names_rules =
        has_waivers || !c.policies.disable.is_empty() || !c.policies.severity.is_empty();
    waiver_rules()
        .into_iter()
        .map(|meta| {
            let fired = waiver_findings.iter().any(|f| f.rule_id == meta.custom.id);
            let judged = if meta.custom.id == "SAMDSCAN-002" {
                names_rules
            } else {
                has_waivers
            };
            let (state, reasons) = match (fired, judged) {
                (true, _) => (RuleState::Failed, vec![]),
                (false, true) => (RuleState::Passed, vec![]),
                (false, false) => (
                    RuleState::NotApplicable,
                    vec![Text::new(
                        "the config declares no waivers or rule ids",
                        "설정에 예외(waiver)나 규칙 id가 선언되지 않았습니다",
                    )],
                ),
            };
            RuleReport {
                level: meta.custom.severity,
                meta,
                state,
                reasons,
                evidence: config.path.iter().cloned().collect(),
            }
        })
        .collect()
}

/// The language of a target's output: `flag` (`--lang`), else the config's `report.lang`, else
/// English.
pub fn target_lang(target: &Target, flag: Option<Lang>) -> Result<Lang> {
    if let Some(lang) = flag {
        return Ok(lang);
    }
    let (repo, _) = repository::open(&target.path)?;
    let revision = revision_files(target, repo.as_ref())?;
    let config = load_target_config(target, revision.as_ref())?;
    Ok(Lang::choose(None, config.config.report.lang))
}

/// The evidence document of one target, without evaluating policies.
pub fn collect_target_evidence(target: &Target) -> Result<Evidence> {
    check_root(&target.path)?;
    let (repo, mut facts) = repository::open(&target.path)?;
    let revision = revision_files(target, repo.as_ref())?;
    let config = load_target_config(target, revision.as_ref())?;
    let (evidence, _, _) = collect(target, &config, repo.as_ref(), &mut facts)?;
    Ok(evidence)
}
