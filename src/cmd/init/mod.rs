//! `samdscan init [PATH]`: a starter `.samdscan.yaml` written from what the repository shows
//! (languages, lockfiles, SBOMs, likely software-system paths, regulatory documents already
//! present), with commented placeholders for the profile facts only the manufacturer knows; with
//! `--templates`, heading-only skeletons of the documents the profile calls for.
//!
//! It never overwrites a file: anything that exists is reported as kept.

mod tags;
pub mod templates;

use crate::config::{CONFIG_LOCATIONS, ConfigChoice, load_config};
use crate::evidence::documents::kinds::DOCUMENT_KINDS;
use crate::evidence::extractor::{compile_globs, extension};
use crate::evidence::registry;
use crate::evidence::source::{RepoSource, WorkTreeSource};
use crate::lang::Lang;
use crate::output::write_output;
use crate::scan::repository;
use anyhow::{Context as _, Result, bail};
use std::collections::BTreeMap;
use std::path::Path;
use tags::{TagScheme, release_tag_scheme};
use templates::TEMPLATES;

/// Source extensions and the language each stands for.
const LANGUAGES: &[(&str, &str)] = &[
    ("py", "Python"),
    ("rs", "Rust"),
    ("ts", "TypeScript"),
    ("tsx", "TypeScript"),
    ("js", "JavaScript"),
    ("java", "Java"),
    ("kt", "Kotlin"),
    ("go", "Go"),
    ("c", "C"),
    ("h", "C"),
    ("cpp", "C++"),
    ("cc", "C++"),
    ("hpp", "C++"),
    ("cs", "C#"),
    ("swift", "Swift"),
    ("m", "Objective-C"),
    ("dart", "Dart"),
];

/// Folders that hold tests, docs or tooling rather than product software.
const NOT_SOFTWARE: &[&str] = &[
    "test",
    "tests",
    "docs",
    "doc",
    "examples",
    "example",
    "scripts",
    "tools",
    "benches",
    "bench",
    ".github",
    "vendor",
    "third_party",
    "node_modules",
];

/// What `init` found in the repository.
#[derive(Debug, Default)]
struct Detected {
    name: String,
    languages: BTreeMap<&'static str, usize>,
    lockfiles: Vec<String>,
    sboms: Vec<String>,
    systems: Vec<String>,
    documents: Vec<(String, &'static str)>,
    release_tags: Option<TagScheme>,
}

pub fn run(path: &Path, templates: bool, lang: Lang) -> Result<u8> {
    if !path.is_dir() {
        bail!("{}: not a directory", path.display());
    }
    let (repo, facts) = repository::open(path)?;
    let source = WorkTreeSource::open(path, repo.as_ref())
        .with_context(|| format!("{}: cannot list files", path.display()))?;
    let mut detected = detect(&source, &facts.name);
    let mut tag_names: Vec<String> = Vec::new();
    if let Some(names) = repo.as_ref().and_then(|r| r.tag_names(None).ok()) {
        tag_names.extend(names.iter().flatten().flatten().map(String::from));
    }
    detected.release_tags = release_tag_scheme(&tag_names);
    let mut log = String::new();
    match CONFIG_LOCATIONS.iter().find(|c| path.join(c).exists()) {
        Some(existing) => log.push_str(&kept(existing, lang)),
        None => log.push_str(&write_new(
            path,
            ".samdscan.yaml",
            &starter_config(&detected, lang),
            lang,
        )?),
    }
    if templates {
        log.push_str(&write_templates(path, &source, lang)?);
    }
    log.push_str(&match &detected.release_tags {
        Some(t) => format!(
            "detected release tags {} ({} tags, newest-named {}): history.release_tags\n",
            t.glob, t.count, t.example
        ),
        None => "detected no versioned release tags: history.release_tags stays v*\n".to_string(),
    });
    log.push_str(&format!(
        "next: fill the TODOs in .samdscan.yaml, then run `samdscan scan {}`\n",
        path.display()
    ));
    write_output(None, &log)?;
    Ok(0)
}

fn kept(rel: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("kept     {rel} (exists; not overwritten)\n"),
        Lang::Ko => format!("유지     {rel} (이미 있음; 덮어쓰지 않음)\n"),
    }
}

/// An evidence index with commented examples, so eQMS records have an obvious home.
const INDEX_TEMPLATE: &str = r#"# Evidence index: expectation id (see `samdscan policy list --catalogue`) -> where its evidence is.
# A path in this repository:
#   MFDS-GEN-002: {path: docs/intended-use.md}
# A controlled record of the eQMS (a valid record turns the rule's finding into an
# "attested externally" note):
#   MFDS-PMS-001:
#     external: {system: eQMS, document_id: QMS-PMS-0042, version: "3.1", approved: 2026-06-30, owner: RA}
"#;

/// Writes the evidence index and the skeletons the profile calls for; returns what it did.
fn write_templates(path: &Path, source: &WorkTreeSource, lang: Lang) -> Result<String> {
    let config = load_config(
        path,
        &ConfigChoice::Discover,
        &crate::evidence::known_kinds(),
    )?;
    let index = config.evidence_index_path();
    let exists = |rel: &str| source.inventory().get(rel).is_some() || path.join(rel).exists();
    let mut files: Vec<(String, String)> = vec![(index.to_string(), INDEX_TEMPLATE.to_string())];
    let product = config.config.product.as_ref();
    let version = product.and_then(|p| p.version.as_deref());
    for t in TEMPLATES.iter().filter(|t| t.needed_by(product)) {
        files.push((t.path.to_string(), t.render(version, lang)));
    }
    let mut log = String::new();
    for (rel, text) in files {
        match exists(&rel) {
            true => log.push_str(&kept(&rel, lang)),
            false => log.push_str(&write_new(path, &rel, &text, lang)?),
        }
    }
    Ok(log)
}

/// Writes a file that does not exist yet, creating its folder; returns the line saying so.
fn write_new(root: &Path, rel: &str, text: &str, lang: Lang) -> Result<String> {
    let full = root.join(rel);
    if let Some(dir) = full.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&full)
        .with_context(|| format!("{}: cannot create", full.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| format!("{}: cannot write", full.display()))?;
    Ok(match lang {
        Lang::En => format!("wrote    {rel}\n"),
        Lang::Ko => format!("작성     {rel}\n"),
    })
}

fn detect(source: &dyn RepoSource, name: &str) -> Detected {
    let mut d = Detected {
        name: name.to_string(),
        ..Default::default()
    };
    let kinds: Vec<_> = registry().iter().flat_map(|x| x.kinds().to_vec()).collect();
    let sets: Vec<_> = kinds
        .iter()
        .map(|k| {
            (
                k.name,
                compile_globs(&k.globs.iter().map(|g| g.to_string()).collect::<Vec<_>>()),
            )
        })
        .collect();
    let mut systems = BTreeMap::new();
    for entry in source.inventory().files() {
        let path = entry.path.as_str();
        let language = LANGUAGES
            .iter()
            .find(|(e, _)| *e == extension(path))
            .map(|(_, l)| *l);
        if let Some(language) = language {
            *d.languages.entry(language).or_default() += 1;
            if let Some(top) = software_root(path) {
                systems.insert(top, ());
            }
        }
        for (kind, set) in &sets {
            if set.is_match(path) {
                match *kind {
                    "sbom" => d.sboms.push(path.to_string()),
                    "lockfile" => d.lockfiles.push(path.to_string()),
                    k if DOCUMENT_KINDS.iter().any(|x| x.name == k) => {
                        d.documents.push((path.to_string(), k))
                    }
                    _ => {}
                }
            }
        }
    }
    d.systems = systems.into_keys().collect();
    d
}

/// The top folder of a source file when it looks like product software (`src`, `app`, ...).
fn software_root(path: &str) -> Option<String> {
    let (top, _) = path.split_once('/')?;
    let hidden = top.starts_with('.');
    let tooling = NOT_SOFTWARE.contains(&top.to_ascii_lowercase().as_str());
    (!hidden && !tooling).then(|| top.to_string())
}

fn starter_config(d: &Detected, lang: Lang) -> String {
    let mut out = String::from(match lang {
        Lang::En => {
            "# samdscan configuration, written by `samdscan init`. Lines marked TODO need facts only the\n\
         # manufacturer knows; until they are set, MFDS-GEN-001 reports them. See docs/configuration.md.\n"
        }
        Lang::Ko => {
            "# samdscan 설정 파일(`samdscan init`이 작성). TODO 표시 줄은 제조자만 아는 사실이 필요하며,\n\
         # 채우기 전까지 MFDS-GEN-001이 보고합니다. docs/configuration.md 참조.\n"
        }
    });
    out.push_str(&detected_comment(d));
    out.push_str(&format!("product:\n  name: {}\n", yaml_text(&d.name)));
    out.push_str(PROFILE_PLACEHOLDERS);
    out.push_str("  software_systems:\n");
    if d.systems.is_empty() {
        out.push_str("    # TODO: no source folder was recognised; name each software system and its paths\n    - name: app\n      paths: [\"src/**\"]\n      # safety_class: B   # TODO IEC 62304 class A | B | C\n");
    }
    for s in &d.systems {
        out.push_str(&format!(
            "    - name: {}\n      paths: [\"{s}/**\"]\n      # safety_class: B   # TODO IEC 62304 class A | B | C (MFDS-GEN-003)\n",
            yaml_text(s)
        ));
    }
    out.push_str("  # safety_critical_paths: [\"src/alarm/**\"]   # TODO code whose change needs risk re-assessment\n");
    out.push_str("  # ui_paths: [\"src/ui/**\"]   # TODO user-interface files whose change needs usability re-evaluation\n");
    out.push_str(
        "evidence:\n  index: regulatory/evidence-index.yaml   # where eQMS records are listed\n",
    );
    if lang == Lang::Ko {
        out.push_str("report:\n  lang: ko   # 보고서, 규칙 설명, 발견사항을 한국어로\n");
    }
    if !d.sboms.is_empty() {
        let globs: Vec<String> = d.sboms.iter().map(|s| format!("\"{s}\"")).collect();
        out.push_str(&format!("  sbom: [{}]\n", globs.join(", ")));
    }
    if let Some(t) = &d.release_tags {
        out.push_str(&format!(
            "history:\n  release_tags: {}   # the scheme of {} tags here, e.g. {}\n",
            yaml_text(&t.glob),
            t.count,
            yaml_text(&t.example)
        ));
    }
    out
}

/// The profile facts samdscan cannot guess, as commented placeholders.
const PROFILE_PLACEHOLDERS: &str = r#"  # version: 1.0.0            # TODO the release version; the labeling must state it (MFDS-LBL-001)
  # regime: DMPA              # TODO DMPA | MDA | WELLNESS
  # grade: 2                  # TODO MFDS grade 1-4
  # route: certification      # TODO notification | certification | approval
  # product_code: "A12345B"   # TODO the 7-character MFDS product code (DMPA)
  # dmd_type: standalone      # TODO standalone | embedded | hardware
  # connected: true           # TODO any network, wireless, USB or update path
  # ui: true                  # TODO a user interface (usability rules)
  # marketed: false           # TODO on the market (post-market rules)
  # combination_product: false
  # markets: [KR]
  # ai: {enabled: false, generative: false, pccp: false}
  # intended_use_ref: docs/intended-use.md
"#;

fn detected_comment(d: &Detected) -> String {
    let mut out = String::from("#\n# Detected:\n");
    let languages: Vec<String> = d
        .languages
        .iter()
        .map(|(l, n)| format!("{l} ({n} files)"))
        .collect();
    let list = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    out.push_str(&format!("#   languages: {}\n", list(&languages)));
    out.push_str(&format!("#   lockfiles: {}\n", list(&d.lockfiles)));
    out.push_str(&format!("#   SBOMs: {}\n", list(&d.sboms)));
    let docs: Vec<String> = d
        .documents
        .iter()
        .map(|(p, k)| format!("{p} ({k})"))
        .collect();
    out.push_str(&format!("#   regulatory documents: {}\n#\n", list(&docs)));
    out
}

/// A YAML scalar for a name: quoted when it could be read as anything but plain text.
fn yaml_text(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || "-_ .".contains(c))
        && text.chars().next().is_some_and(char::is_alphabetic);
    if plain {
        text.to_string()
    } else {
        format!("{text:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_folders_become_software_systems_but_tooling_does_not() {
        assert_eq!(
            software_root("src/alarm/threshold.py").as_deref(),
            Some("src")
        );
        assert_eq!(software_root("tests/test_alarm.py"), None);
        assert_eq!(software_root(".github/x.py"), None);
        assert_eq!(software_root("setup.py"), None);
    }

    #[test]
    fn starter_config_parses_and_names_what_it_found() {
        let d = Detected {
            name: "cardio watch".into(),
            languages: [("Python", 3)].into_iter().collect(),
            lockfiles: vec!["poetry.lock".into()],
            sboms: vec!["sbom/app.cdx.json".into()],
            systems: vec!["src".into()],
            documents: vec![("SECURITY.md".into(), "security_policy")],
            release_tags: release_tag_scheme(&["rel-2.0".into(), "rel-2.1".into()]),
        };
        let text = starter_config(&d, Lang::En);
        let parsed =
            crate::config::parse_config(&text, ".samdscan.yaml", &crate::evidence::known_kinds())
                .expect("valid config");
        assert_eq!(parsed.config.history.release_tags.as_deref(), Some("rel-*"));
        let product = parsed.config.product.unwrap();
        assert_eq!(product.name.as_deref(), Some("cardio watch"));
        assert_eq!(
            product.software_systems.unwrap()[0].paths,
            Some(vec!["src/**".to_string()])
        );
        assert!(text.contains("#   lockfiles: poetry.lock\n"), "{text}");
        assert!(text.contains("SECURITY.md (security_policy)"), "{text}");
        assert!(
            text.contains("# grade: 2                  # TODO"),
            "{text}"
        );
    }

    #[test]
    fn a_korean_starter_config_asks_for_korean_reports() {
        let text = starter_config(&Detected::default(), Lang::Ko);
        let parsed =
            crate::config::parse_config(&text, ".samdscan.yaml", &crate::evidence::known_kinds())
                .expect("valid config");
        assert_eq!(parsed.config.report.lang, Some(Lang::Ko));
        assert!(text.starts_with("# samdscan 설정 파일"), "{text}");
    }

    #[test]
    fn odd_names_are_quoted() {
        assert_eq!(yaml_text("CardioWatch"), "CardioWatch");
        assert_eq!(yaml_text("123"), "\"123\"");
        assert_eq!(yaml_text("a: b"), "\"a: b\"");
    }
}
