//! AI and generative-AI device evidence (`ai` in the evidence document): model artifacts,
//! model cards, dataset datasheets and split manifests, performance evaluations, change
//! management and verification plans, AI labeling, the performance figures and acceptance
//! criteria these state, and the generative-AI foundation model, evaluations and
//! red-team records.
//!
//! Each kind of file is read by its own module; this one finds the files, links cards to the
//! artifacts they describe, and hashes an artifact only when a policy will compare the hash: the
//! product declares `ai.enabled`, the artifact is a deployed model committed as itself (not an
//! LFS pointer or DVC file, whose hashes are free), and a card or manifest records a SHA-256.

mod artifacts;
mod bom;
mod cards;
mod claims;
mod datasheets;
mod evaluation;
mod figures;
mod genai;
mod hashing;
mod kinds;
mod parts;
mod spdx3;
mod splits;
mod structured;

use super::documents::Document;
use super::extractor::FileKind;
use super::{Context, Extractor};
use artifacts::Artifact;
use kinds::{
    AI_KINDS, CHANGE_PLAN_TITLES, GENAI_EVAL_PARTS, LABELING_PARTS, PLAN_PARTS, RED_TEAM_PARTS,
};
use parts::Part;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub(super) struct AiExtractor;

impl Extractor for AiExtractor {
    fn key(&self) -> &'static str {
        "ai"
    }

    fn kinds(&self) -> &'static [FileKind] {
        AI_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let models = collect_models(ctx);
        let manifests: Vec<_> = ctx
            .files("split_manifest")
            .iter()
            .flat_map(|p| splits::read_manifests(ctx, p))
            .collect();
        let overlaps = splits::overlaps(&manifests);
        let foundation_models: Vec<_> = ctx
            .files("genai_config")
            .iter()
            .map(|p| genai::read_genai_config(ctx, p))
            .collect();
        let pins: Vec<&str> = foundation_models
            .iter()
            .filter_map(|m| m.revision.as_deref())
            .collect();
        let names_pin = |doc: &Document| {
            let named = pins.iter().any(|pin| doc.text.contains(pin));
            ("names_pinned_model", json!(named))
        };
        let figures = |doc: &Document| ("figures", json!(figures::stated_figures(doc)));
        let criteria = |doc: &Document| ("criteria", json!(figures::stated_criteria(doc)));
        json!({
            "artifacts": models.artifacts,
            "model_cards": models.cards,
            "datasheets": models.datasheets,
            "split_manifests": manifests,
            "split_overlaps": overlaps,
            "evaluations": evaluations(ctx),
            "change_plans": parts_documents(ctx, &change_plan_files(ctx), PLAN_PARTS, criteria),
            "verification_plans": parts_documents(ctx, ctx.files("verification_plan"), &[], criteria),
            "labeling": parts_documents(ctx, ctx.files("ai_labeling"), LABELING_PARTS, figures),
            "genai": {
                "foundation_models": foundation_models,
                "evaluations": parts_documents(ctx, ctx.files("genai_evaluation"), GENAI_EVAL_PARTS, names_pin),
                "red_team": parts_documents(ctx, ctx.files("red_team_report"), RED_TEAM_PARTS, names_pin),
            },
            "hash_cost": models.hash_cost,
        })
    }
}

/// Model artifacts with the cards and datasheets that describe them.
struct Models {
    artifacts: Vec<Artifact>,
    cards: Vec<cards::ModelCard>,
    datasheets: Vec<datasheets::Datasheet>,
    hash_cost: hashing::HashCost,
}

/// Artifacts, cards (Markdown and BOM) and datasheets, linked; hashes computed where needed.
fn collect_models(ctx: &Context) -> Models {
    let mut artifacts: Vec<Artifact> = ctx
        .files("model_artifact")
        .iter()
        .map(|p| artifacts::describe(ctx, p))
        .collect();
    mark_deployed(ctx, &mut artifacts);
    let mut cards = markdown_cards(ctx, &artifacts);
    let mut datasheets = markdown_datasheets(ctx);
    for b in bom_ai(ctx) {
        cards.extend(b.cards);
        datasheets.extend(b.datasheets);
    }
    claims::link_cards(&mut cards, &artifacts);
    claims::attach_recorded_hashes(&mut artifacts, &cards, &hash_manifests(ctx));
    let hasher = hashing::ArtifactHasher::new(ctx);
    if ai_enabled(ctx) {
        hash_where_needed(&hasher, &mut artifacts);
    }
    Models {
        artifacts,
        cards,
        datasheets,
        hash_cost: hasher.cost(),
    }
}

/// Model evaluation reports, leaving out files that are generative-AI evaluations or manifests.
fn evaluations(ctx: &Context) -> Vec<evaluation::Evaluation> {
    let others = [ctx.files("genai_evaluation"), ctx.files("split_manifest")];
    ctx.files("model_evaluation")
        .iter()
        .filter(|p| !others.iter().any(|o| o.contains(p)))
        .map(|p| evaluation::read_evaluation(ctx, p))
        .collect()
}

fn ai_profile<'c>(ctx: &'c Context) -> Option<&'c crate::config::AiProfile> {
    ctx.config.config.product.as_ref()?.ai.as_ref()
}

fn ai_enabled(ctx: &Context) -> bool {
    ai_profile(ctx).and_then(|a| a.enabled) == Some(true)
}

/// Deployed: named in `product.ai.models` when that list is given, else every model (not a
/// `dvc.lock`, which records a pipeline rather than a model).
fn mark_deployed(ctx: &Context, artifacts: &mut [Artifact]) {
    let listed = ai_profile(ctx).and_then(|a| a.models.clone());
    for a in artifacts.iter_mut() {
        a.deployed = match &listed {
            Some(models) => a
                .names()
                .iter()
                .any(|n| models.iter().any(|m| artifacts::join("", m) == *n)),
            None => !a.path.ends_with("dvc.lock"),
        };
    }
}

fn hash_where_needed(hasher: &hashing::ArtifactHasher, artifacts: &mut [Artifact]) {
    for a in artifacts.iter_mut() {
        let needed =
            a.deployed && a.storage == "git" && a.sha256.is_none() && !a.recorded_sha256.is_empty();
        if !needed {
            continue;
        }
        match hasher.sha256(&a.path) {
            Ok(digest) => {
                a.sha256 = Some(digest);
                a.sha256_source = Some("computed");
            }
            Err(e) => a.error = Some(format!("cannot hash: {e}")),
        }
    }
}

/// Model cards by name, plus README.md files in model folders that carry card front matter.
fn markdown_cards(ctx: &Context, artifacts: &[Artifact]) -> Vec<cards::ModelCard> {
    let named = ctx.files("model_card");
    let mut out: Vec<_> = named
        .iter()
        .filter_map(|p| cards::read_card(ctx, p))
        .collect();
    let mut readmes: Vec<String> = artifacts
        .iter()
        .flat_map(|a| {
            a.names()
                .into_iter()
                .map(|n| {
                    n.rsplit_once('/')
                        .map_or(String::new(), |(d, _)| format!("{d}/"))
                })
                .collect::<Vec<_>>()
        })
        .map(|dir| format!("{dir}README.md"))
        .filter(|p| ctx.source.inventory().is_file(p) && !named.contains(p))
        .collect();
    readmes.sort();
    readmes.dedup();
    for path in readmes {
        if let Some(doc) = super::documents::read_document(ctx, &path).filter(cards::is_card_readme)
        {
            out.push(cards::card_from_document(&doc));
        }
    }
    out
}

fn markdown_datasheets(ctx: &Context) -> Vec<datasheets::Datasheet> {
    ctx.files("datasheet")
        .iter()
        .filter_map(|p| datasheets::read_datasheet(ctx, p))
        .collect()
}

/// AI elements of the repository's SBOMs (the `sbom` kind of the SBOM extractor, whose parse of
/// each file this shares).
fn bom_ai(ctx: &Context) -> Vec<bom::BomAi> {
    ctx.files("sbom")
        .iter()
        .filter_map(|path| match &*super::sbom::read_sbom(ctx, path) {
            Ok(sbom) if !sbom.ai.is_empty() => Some(bom::read_bom(path, sbom)),
            _ => None,
        })
        .collect()
}

fn hash_manifests(ctx: &Context) -> BTreeMap<String, Vec<(String, String)>> {
    ctx.files("hash_manifest")
        .iter()
        .filter_map(|p| Some((p.clone(), claims::parse_sha256sums(p, &ctx.read_text(p)?))))
        .collect()
}

/// Change management plans: by name (the `change_control_plan` globs) or by title
/// ([`CHANGE_PLAN_TITLES`]: `# 변경관리계획서` in `docs/ai/plan.md`), as document kinds are found.
fn change_plan_files(ctx: &Context) -> Vec<String> {
    let mut paths = ctx.files("change_control_plan").to_vec();
    paths.extend(super::documents::files_titled(ctx, CHANGE_PLAN_TITLES));
    paths.sort();
    paths.dedup();
    paths
}

/// Documents at `paths` with their parts, and the one fact `extra` reads from each (the
/// performance figures of labeling, the acceptance criteria of plans, whether a generative-AI
/// record names the pinned foundation-model revision).
fn parts_documents(
    ctx: &Context,
    paths: &[String],
    table: &[Part],
    extra: impl Fn(&Document) -> (&'static str, Value),
) -> Vec<Value> {
    paths
        .iter()
        .filter_map(|p| structured::read_parts_document(ctx, p, table))
        .map(|(record, doc)| {
            let mut v = serde_json::to_value(record).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                let (key, value) = extra(&doc);
                o.insert(key.into(), value);
            }
            v
        })
        .collect()
}
