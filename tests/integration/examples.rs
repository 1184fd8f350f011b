//! Scans every `examples/` repository and checks exactly the findings its README promises
//! (rule id and level, as listed under "## Expected findings"), and `examples/materialise.sh`,
//! which builds each example from its base and overlay.

use samdscan::selftest::expected::unmatched;
use serde_json::Value;

/// The findings an example's README promises, read by the same code `samdscan self-test` uses.
fn expected_findings(name: &str) -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(crate::common::examples_dir().join(name).join("README.md"))
            .unwrap();
    samdscan::selftest::expected::expected_findings(&readme)
        .unwrap_or_else(|| panic!("{name}/README.md has no '## Expected findings'"))
}

fn actual_findings(report: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["waiver"].is_null())
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The findings of a report that have no Korean message (every built-in rule writes both).
fn english_only_findings(name: &str, report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["messages"]["ko"].is_string() || !f["messages"]["en"].is_string())
        .map(|f| {
            format!(
                "{name}: {} has no Korean message: {}",
                f["rule_id"], f["message"]
            )
        })
        .collect()
}

/// Latin-letter words a Korean message may hold besides ids, paths and quoted text: tool, format
/// and file-format names, and config values. Acronyms (all capitals: SBOM, SOUP, VEX) pass anyway.
const LATIN_TERMS: &[&str] = &[
    "samdscan",
    "true",
    "false",
    "git",
    "github",
    "gitlab",
    "json",
    "yaml",
    "markdown",
    "sarif",
    "cyclonedx",
    "openvex",
    "spdx",
    "trivy",
    "grype",
    "pytest",
    "junit",
    "cobertura",
    "lcov",
    "jacoco",
    "rego",
    "doorstop",
    "docker",
    "dockerfile",
    "poetry",
    "conda",
    "onnx",
    "safetensors",
];

/// Inputs samdscan reports in English only, whatever the report language: its input problems
/// (SAMDSCAN-004) are the extractors' diagnostics, and they have no Korean text yet.
const ENGLISH_ONLY_RULES: &[&str] = &["SAMDSCAN-004"];

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// The English left in a Korean text: its words of four or more Latin letters, leaving out what
/// is not prose: `code`, "quoted" text (commit subjects, titles), URLs and e-mail addresses, a
/// parser's own error after `invalid JSON:`/`invalid YAML:`, an English gloss right after a Korean
/// word (`복합 제품(combination product)`), tokens with digits or `./_-:@*<>=` (ids, paths, keys,
/// globs), acronyms, [`LATIN_TERMS`] and `data`: the words of the scanned repository itself
/// (package, product and system names, the team's own English).
fn english_left(text: &str, data: &std::collections::HashSet<String>) -> Vec<String> {
    static NOT_PROSE: std::sync::LazyLock<[regex::Regex; 3]> = std::sync::LazyLock::new(|| {
        [
            regex::Regex::new(r#"`[^`]*`|"[^"]*"|https?://\S+|\S+@\S+|invalid (JSON|YAML): .*"#)
                .unwrap(),
            regex::Regex::new(r"([\x{AC00}-\x{D7A3}])\([A-Za-z][A-Za-z \-]*\)").unwrap(),
            regex::Regex::new(r"[A-Za-z0-9_./:@#+*<>=\-]+").unwrap(),
        ]
    });
    let [spans, glosses, tokens] = &*NOT_PROSE;
    let text = spans.replace_all(text, " ");
    let text = glosses.replace_all(&text, "$1");
    tokens
        .find_iter(&text)
        .map(|t| t.as_str().trim_end_matches([':', '.']))
        .filter(|t| t.chars().all(|c| c.is_ascii_alphabetic()) && t.len() >= 4)
        .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            !LATIN_TERMS.contains(&lower.as_str()) && !data.contains(&lower)
        })
        .map(str::to_string)
        .collect()
}

/// The lower-case Latin-letter words of every file of `repo` outside `.git`.
fn repository_words(repo: &std::path::Path) -> std::collections::HashSet<String> {
    let word = regex::Regex::new(r"[A-Za-z]+").unwrap();
    walkdir::WalkDir::new(repo)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .flat_map(|bytes| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            word.find_iter(&text)
                .map(|w| w.as_str().to_ascii_lowercase())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// What is not Korean in a `--lang ko` report of `repo`: a finding message without Hangul or
/// with English left in it, a rule title likewise (titles hold no repository data).
fn english_in_korean_report(name: &str, repo: &std::path::Path, report: &Value) -> Vec<String> {
    let data = repository_words(repo);
    let none = std::collections::HashSet::new();
    let mut out = vec![];
    for f in report["findings"].as_array().unwrap() {
        let (id, message) = (
            f["rule_id"].as_str().unwrap(),
            f["message"].as_str().unwrap(),
        );
        if ENGLISH_ONLY_RULES.contains(&id) {
            continue;
        }
        let left = english_left(message, &data);
        if !has_hangul(message) || !left.is_empty() {
            out.push(format!(
                "{name}: {id} --lang ko message has English {left:?}: {message}"
            ));
        }
    }
    for r in report["rules"].as_array().unwrap() {
        let title = r["title"].as_str().unwrap();
        let left = english_left(title, &none);
        if !has_hangul(title) || !left.is_empty() {
            out.push(format!(
                "{name}: {} --lang ko title has English {left:?}: {title}",
                r["id"]
            ));
        }
    }
    out
}

#[test]
fn english_left_finds_prose_and_passes_ids_paths_quotes_and_data() {
    let data = ["scipy".to_string()].into_iter().collect();
    let none = Default::default();
    assert_eq!(
        english_left(
            "SOUP 목록의 버전: scipy: list has null, requirements.txt locks 1.14.1",
            &none
        ),
        ["scipy", "list", "null", "locks"]
    );
    assert_eq!(
        english_left(
            "SOUP 목록의 버전: scipy: 목록의 버전 없음, requirements.txt의 고정 버전 1.14.1",
            &data
        ),
        Vec::<String>::new()
    );
    for korean in [
        "커밋 bce7ef6 \"Raise the high threshold\"이(가) MFDS-CHG-001 참조 없이 src/alarm/x.py를 변경합니다",
        "복합 제품(combination product)이 선언되지 않았습니다(product.combination_product가 true가 아님)",
        "SBOM sbom/a.cdx.json을(를) 읽을 수 없습니다: invalid JSON: EOF while parsing a string",
        "`samdscan policy list --catalogue` 참조; Reviewed-by: 트레일러; SOUP, NTIA, CycloneDX",
    ] {
        assert_eq!(
            english_left(korean, &none),
            Vec::<String>::new(),
            "{korean}"
        );
    }
    assert_eq!(
        english_left(
            "사용적합성 파일에 다음이 없습니다: summative evaluation",
            &none
        ),
        ["summative", "evaluation"]
    );
}

/// Every example is scanned before the test fails, so one run lists every README to update.
#[test]
fn every_example_produces_exactly_its_expected_findings() {
    let names = crate::common::example_names();
    assert!(
        names.len() >= 3,
        "expected at least three examples, found {names:?}"
    );
    let mut differences = vec![];
    for name in names {
        let dir = crate::common::import_example(&name);
        let repo = crate::common::example_repo(&dir, &name);
        let out = crate::common::samdscan()
            .args(["scan", "--format", "json", "--fail-on", "never"])
            .arg(&repo)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        differences.extend(english_only_findings(&name, &report));
        let (actual, expected) = (actual_findings(&report), expected_findings(&name));
        if actual != expected {
            differences.push(format!(
                "{name}: found but not in its README: {:?}; in its README but not found: {:?}",
                unmatched(&actual, &expected),
                unmatched(&expected, &actual)
            ));
        }
        // The same findings in Korean, with no English prose left in a message or a rule title.
        let korean = crate::common::korean_json(&repo);
        if actual_findings(&korean) != actual {
            differences.push(format!("{name}: --lang ko reports other findings"));
        }
        differences.extend(english_in_korean_report(&name, &repo, &korean));
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn the_compliant_example_exits_zero_and_the_others_fail() {
    for name in crate::common::example_names() {
        let dir = crate::common::import_example(&name);
        let repo = crate::common::example_repo(&dir, &name);
        let code = crate::common::samdscan()
            .arg("scan")
            .arg(&repo)
            .output()
            .unwrap()
            .status
            .code();
        let has_errors = expected_findings(&name)
            .iter()
            .any(|(_, level)| level == "error");
        assert_eq!(code, Some(if has_errors { 1 } else { 0 }), "{name}");
    }
}

/// The files of an example folder, relative to it, sorted.
fn folder_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

#[test]
fn an_overlay_holds_only_what_differs_from_its_base() {
    for name in crate::common::example_names() {
        let folder = crate::common::examples_dir().join(&name);
        let Ok(overlay) = std::fs::read_to_string(folder.join("overlay.yaml")) else {
            continue;
        };
        let base = overlay
            .lines()
            .find_map(|l| l.strip_prefix("base: "))
            .unwrap_or_else(|| panic!("{name}/overlay.yaml names no base"));
        let base_dir = crate::common::import_example(base);
        let base_repo = crate::common::example_repo(&base_dir, base);
        let dir = crate::common::import_example(&name);
        let repo = crate::common::example_repo(&dir, &name);
        for file in folder_files(&folder) {
            if file == std::path::Path::new("overlay.yaml")
                || file == std::path::Path::new("history.sh")
            {
                assert!(!repo.join(&file).exists(), "{name}: {file:?} was copied");
                continue;
            }
            assert_ne!(
                std::fs::read(base_repo.join(&file)).ok(),
                Some(std::fs::read(folder.join(&file)).unwrap()),
                "{name}/{} is the same as {base}'s: delete it from the overlay",
                file.display()
            );
        }
    }
}

/// A copy of `examples/materialise.sh` beside a base `01-a` (README.md, a.txt) and an overlay
/// `02-b` with `overlay`; the exit code and stderr of materialising `02` into `DIR/out`.
fn materialise_overlay(overlay: &str) -> (tempfile::TempDir, i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let examples = dir.path().join("examples");
    crate::common::write_files(
        &examples,
        &[
            ("01-a/README.md", "# A\n"),
            ("01-a/a.txt", "a\n"),
            ("02-b/README.md", "# B\n"),
            ("02-b/b.txt", "b\n"),
            ("02-b/overlay.yaml", overlay),
        ],
    );
    std::fs::copy(
        crate::common::examples_dir().join("materialise.sh"),
        examples.join("materialise.sh"),
    )
    .unwrap();
    let out = std::process::Command::new("bash")
        .arg(examples.join("materialise.sh"))
        .args(["02", dir.path().join("out").to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (dir, out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn materialise_applies_an_overlay_to_its_base_in_one_reviewed_commit() {
    let (dir, code, stderr) =
        materialise_overlay("# B is A without a.txt\nbase: 01-a\ndelete:\n  - a.txt\n");
    assert_eq!(code, 0, "{stderr}");
    let repo = dir.path().join("out");
    assert_eq!(
        folder_files(&repo)
            .into_iter()
            .filter(|f| !f.starts_with(".git"))
            .collect::<Vec<_>>(),
        ["README.md", "b.txt"].map(std::path::PathBuf::from)
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("README.md")).unwrap(),
        "# B\n"
    );
    let log = crate::common::git(&repo, &["log", "--format=%s%n%b"]);
    assert!(
        log.starts_with("Import example (CR-1)\nReviewed-by: "),
        "{log}"
    );
}

#[test]
fn materialise_names_the_overlay_file_and_line_it_cannot_apply() {
    let cases = [
        (
            "base: 01-a\ndelete:\n  - gone.txt\n",
            "02-b/overlay.yaml: deletes gone.txt, which 01-a does not have",
        ),
        (
            "base: 01-a\nremove: a.txt\n",
            "02-b/overlay.yaml:2: expected",
        ),
        ("base: 09-none\n", "no single example is named '09-none'"),
        (
            "base: 02-b\n",
            "02-b/overlay.yaml: base 02-b leads back to itself",
        ),
        ("delete:\n  - a.txt\n", "02-b/overlay.yaml: no 'base:'"),
    ];
    for (overlay, expected) in cases {
        let (dir, code, stderr) = materialise_overlay(overlay);
        assert_eq!(code, 2, "{overlay:?}: {stderr}");
        assert!(stderr.contains(expected), "{overlay:?}: {stderr}");
        assert!(!dir.path().join("out/.git").exists(), "{overlay:?}");
    }
}

/// The Korean-only product (10) is the English one (01) written in Korean: every rule ends in the
/// same state, and its evidence holds as much: the same document kinds, requirements, risks with
/// ranked scales, SOUP entries with versions, test reports and requirement references.
#[test]
fn the_korean_example_is_recognised_as_completely_as_the_english_one() {
    let scan = |name: &str| {
        let dir = crate::common::import_example(name);
        let repo = crate::common::example_repo(&dir, name);
        let report = crate::common::scan_json(&repo);
        let evidence = crate::common::evidence_json(&repo, &[]);
        (dir, report, evidence)
    };
    let (_en_dir, en, en_ev) = scan("01-cardiowatch-compliant");
    let (_ko_dir, ko, ko_ev) = scan("10-simbak-compliant-ko");
    let states = |r: &Value| -> Vec<(String, String)> {
        r["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].to_string(), r["state"].to_string()))
            .collect()
    };
    assert_eq!(states(&ko), states(&en));
    assert_eq!(ko["findings"].as_array().unwrap().len(), 0);
    for (kind, docs) in en_ev["documents"].as_object().unwrap() {
        if !docs.as_array().unwrap().is_empty() {
            assert!(
                !ko_ev["documents"][kind].as_array().unwrap().is_empty(),
                "10 has no {kind}"
            );
        }
    }
    let count = |ev: &Value, pointer: &str| ev.pointer(pointer).unwrap().as_array().unwrap().len();
    for pointer in [
        "/requirements/items",
        "/risks/tables/0/rows",
        "/soup/lists/0/entries",
        "/test_reports",
        "/requirement_references/references",
    ] {
        assert_eq!(count(&ko_ev, pointer), count(&en_ev, pointer), "{pointer}");
    }
    let ranked = |ev: &Value| {
        ev["risks"]["tables"][0]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["severity_rank"].clone(), r["probability_rank"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ranked(&ko_ev), ranked(&en_ev));
    let versions = |ev: &Value| {
        ev["soup"]["lists"][0]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["version"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(versions(&ko_ev), versions(&en_ev));
    let soup_path = ko_ev["soup"]["lists"][0]["path"].as_str().unwrap();
    assert!(
        !soup_path.to_lowercase().contains("soup"),
        "the Korean SOUP list is found by its title, not its name: {soup_path}"
    );
}
