//! Conformance: every SBOM in `../shared/data/sbom` parses with the right format, encoding,
//! spec version and component count. The expected counts were taken from the files by hand
//! (nested CycloneDX components included, metadata and tool components excluded; SPDX 2
//! `packages`; SPDX 3 software, AI and dataset packages), and the JSON/XML twins agree.

use samdscan::evidence::sbom::parse_sbom;
use serde_json::json;

/// (file under sbom/, format, encoding, spec version, component count)
const EXPECTED: &[(&str, &str, &str, &str, usize)] = &[
    (
        "cyclonedx/HBOM__PCIe-SATA-adapter-board__bom.json",
        "cyclonedx",
        "json",
        "1.4",
        6,
    ),
    (
        "cyclonedx/SaaSBOM__apigateway-microservices-datastores__bom.json",
        "cyclonedx",
        "json",
        "1.4",
        0,
    ),
    (
        "cyclonedx/VEX__CISA-Use-Cases__Case-2__vex.json",
        "cyclonedx",
        "json",
        "1.4",
        0,
    ),
    ("cyclonedx/VEX__bom.json", "cyclonedx", "json", "1.3", 3),
    ("cyclonedx/VEX__vex.json", "cyclonedx", "json", "1.4", 0),
    (
        "cyclonedx/cern-lhc-vdm-editor-e564943__bom.json",
        "cyclonedx",
        "json",
        "1.2",
        43,
    ),
    (
        "cyclonedx/cern-lhc-vdm-editor-e564943__bom.xml",
        "cyclonedx",
        "xml",
        "1.2",
        43,
    ),
    (
        "cyclonedx/dropwizard-1.3.15__bom.json",
        "cyclonedx",
        "json",
        "1.2",
        167,
    ),
    (
        "cyclonedx/dropwizard-1.3.15__bom.xml",
        "cyclonedx",
        "xml",
        "1.2",
        167,
    ),
    (
        "cyclonedx/juice-shop__v11.1.2__bom.json",
        "cyclonedx",
        "json",
        "1.2",
        840,
    ),
    (
        "cyclonedx/juice-shop__v11.1.2__bom.xml",
        "cyclonedx",
        "xml",
        "1.2",
        840,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.1.xml",
        "cyclonedx",
        "xml",
        "1.1",
        62,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.2.json",
        "cyclonedx",
        "json",
        "1.2",
        62,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.2.xml",
        "cyclonedx",
        "xml",
        "1.2",
        62,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.3.json",
        "cyclonedx",
        "json",
        "1.3",
        62,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.3.xml",
        "cyclonedx",
        "xml",
        "1.3",
        62,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.4.json",
        "cyclonedx",
        "json",
        "1.4",
        62,
    ),
    (
        "cyclonedx/laravel-7.12.0__bom.1.4.xml",
        "cyclonedx",
        "xml",
        "1.4",
        62,
    ),
    (
        "cyclonedx/proton-bridge__proton-bridge-v1.8.0.bom.json",
        "cyclonedx",
        "json",
        "1.2",
        201,
    ),
    (
        "cyclonedx/proton-bridge__proton-bridge-v1.8.0.bom.xml",
        "cyclonedx",
        "xml",
        "1.2",
        201,
    ),
    (
        "spdx/ai__example01__spdx3.0__simplehtr-example.json",
        "spdx",
        "json-ld",
        "3.0.1",
        13,
    ),
    (
        "spdx/ai__example02__spdx3.0__sbom.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        2,
    ),
    (
        "spdx/dataset__example01__spdx3.0__example01.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example10__spdx2.3__hello-source.spdx.json",
        "spdx",
        "json",
        "2.3",
        1,
    ),
    (
        "spdx/software__example10__spdx3.0__hello-source.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example11__spdx2.3__sbom.spdx.json",
        "spdx",
        "json",
        "2.3",
        4,
    ),
    (
        "spdx/software__example11__spdx3.0__sbom.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        4,
    ),
    (
        "spdx/software__example12__spdx2.2__hello-dist.spdx.json",
        "spdx",
        "json",
        "2.2",
        1,
    ),
    (
        "spdx/software__example12__spdx2.2__hello-src.spdx.json",
        "spdx",
        "json",
        "2.2",
        1,
    ),
    (
        "spdx/software__example12__spdx3.0__hello-dist.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example12__spdx3.0__hello-src.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example13__spdx3.0__example13.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        4,
    ),
    (
        "spdx/software__example14__spdx2.3__examplemaven-0.0.1-enriched.spdx.json",
        "spdx",
        "json",
        "2.3",
        6,
    ),
    (
        "spdx/software__example14__spdx3.0__examplemaven-0.0.1-enriched.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        6,
    ),
    (
        "spdx/software__example1__spdx2.2__example1.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example1__spdx3.0__example1.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example2__spdx2.2__example2-bin.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example2__spdx2.2__example2-src.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example3__spdx2.2__example3-bin.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example3__spdx2.2__example3-src.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example3__spdx3.0__example3-bin.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example3__spdx3.0__example3-src.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example4__spdx2.2__example4-bin.spdx",
        "spdx",
        "tag-value",
        "2.2",
        3,
    ),
    (
        "spdx/software__example4__spdx2.2__example4-src.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example4__spdx3.0__example4-bin.json",
        "spdx",
        "json-ld",
        "3.0.1",
        3,
    ),
    (
        "spdx/software__example4__spdx3.0__example4-src.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example5__spdx2.2__example5-bin.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example5__spdx2.2__example5-src.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example5__spdx3.0__example5-bin.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example5__spdx3.0__example5-src.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example6__spdx2.2__example6-bin.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example6__spdx2.2__example6-lib.spdx",
        "spdx",
        "tag-value",
        "2.2",
        5,
    ),
    (
        "spdx/software__example6__spdx2.2__example6-src.spdx",
        "spdx",
        "tag-value",
        "2.2",
        1,
    ),
    (
        "spdx/software__example6__spdx3.0__example6-bin.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example6__spdx3.0__example6-lib.json",
        "spdx",
        "json-ld",
        "3.0.1",
        5,
    ),
    (
        "spdx/software__example6__spdx3.0__example6-src.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example7__spdx2.2__example7-bin.spdx.json",
        "spdx",
        "json",
        "2.2",
        1,
    ),
    (
        "spdx/software__example7__spdx2.2__example7-go-module.spdx.json",
        "spdx",
        "json",
        "2.2",
        1,
    ),
    (
        "spdx/software__example7__spdx2.2__example7-golang.spdx.json",
        "spdx",
        "json",
        "2.2",
        2,
    ),
    (
        "spdx/software__example7__spdx2.2__example7-third-party-modules.spdx.json",
        "spdx",
        "json",
        "2.2",
        3,
    ),
    (
        "spdx/software__example7__spdx3.0__example7-bin.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        0,
    ),
    (
        "spdx/software__example7__spdx3.0__example7-go-module.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example7__spdx3.0__example7-golang.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        1,
    ),
    (
        "spdx/software__example7__spdx3.0__example7-third-party-modules.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        2,
    ),
    (
        "spdx/software__example8__spdx2.3__examplemaven-0.0.1.spdx.json",
        "spdx",
        "json",
        "2.3",
        6,
    ),
    (
        "spdx/software__example8__spdx3.0__examplemaven-0.0.1.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        6,
    ),
    (
        "spdx/software__example9__spdx2.2__appbomination.spdx.json",
        "spdx",
        "json",
        "2.2",
        7,
    ),
    (
        "spdx/software__example9__spdx3.0__appbomination.spdx3.json",
        "spdx",
        "json-ld",
        "3.0.1",
        7,
    ),
];

#[test]
fn every_shared_sbom_parses_with_the_expected_shape() {
    let Some(root) = crate::common::shared_data("sbom") else {
        return;
    };
    let mut on_disk: Vec<String> = ["cyclonedx", "spdx"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .map(|p| {
            p.strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let listed: Vec<String> = EXPECTED.iter().map(|e| e.0.to_string()).collect();
    assert_eq!(on_disk, listed, "the table must list every shared SBOM");
    for (file, format, encoding, spec, count) in EXPECTED {
        let bytes = std::fs::read(root.join(file)).unwrap();
        let sbom = parse_sbom(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got = (
            json!(sbom.format),
            json!(sbom.encoding),
            sbom.spec_version.clone(),
            sbom.components.len(),
        );
        assert_eq!(
            got,
            (
                json!(format),
                json!(encoding),
                Some(spec.to_string()),
                *count
            ),
            "{file}"
        );
    }
}

#[test]
fn twins_in_json_and_xml_agree_on_names_and_versions() {
    let Some(root) = crate::common::shared_data("sbom/cyclonedx") else {
        return;
    };
    for stem in [
        "juice-shop__v11.1.2__bom",
        "dropwizard-1.3.15__bom",
        "laravel-7.12.0__bom.1.4",
    ] {
        let read = |ext: &str| {
            let name = format!("{stem}.{ext}");
            let mut names: Vec<(Option<String>, Option<String>, Option<String>)> =
                parse_sbom(&name, &std::fs::read(root.join(&name)).unwrap())
                    .unwrap()
                    .components
                    .into_iter()
                    .map(|c| (c.name, c.version, c.purl))
                    .collect();
            names.sort();
            names
        };
        assert_eq!(read("json"), read("xml"), "{stem}");
    }
}

#[test]
fn vex_statements_and_metadata_are_read() {
    let Some(root) = crate::common::shared_data("sbom/cyclonedx") else {
        return;
    };
    let read = |f: &str| parse_sbom(f, &std::fs::read(root.join(f)).unwrap()).unwrap();
    let case2 = read("VEX__CISA-Use-Cases__Case-2__vex.json");
    assert_eq!(case2.vex.len(), 19);
    assert!(
        case2
            .vex
            .iter()
            .all(|v| v.state.as_deref() == Some("not_affected"))
    );
    let juice = read("juice-shop__v11.1.2__bom.json");
    assert_eq!(juice.created.as_deref(), Some("2020-08-03T03:20:53.771Z"));
    assert_eq!(juice.tools, ["Node.js module"]);
    assert!(
        !juice.supported(),
        "CycloneDX 1.2 is older than the supported 1.4"
    );
}

#[test]
fn a_5000_component_sbom_missing_elements_gives_one_finding() {
    let components: Vec<String> = (0..5000)
        .map(|i| format!(r#"{{"type":"library","name":"pkg-{i}","version":"1.0.{i}"}}"#))
        .collect();
    let sbom = format!(
        r#"{{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{{"timestamp":"2026-01-01T00:00:00Z"}},"components":[{}]}}"#,
        components.join(",")
    );
    let repo =
        crate::common::git_repo(&[("sbom/big.cdx.json", sbom.as_str()), ("README.md", "# x\n")]);
    let out = crate::common::samdscan()
        .args(["scan", "--format", "json", "--fail-on", "never"])
        .arg(repo.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut ntia: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "MFDS-CYB-002")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    // One NTIA finding and, apart, one for the missing purls/CPEs MFDS needs.
    assert_eq!(ntia.len(), 2, "{ntia:?}");
    assert!(
        ntia.iter()
            .any(|m| m.contains("5000 of 5000 components have no purl or CPE"))
    );
    ntia.retain(|m| m.contains("lacks NTIA minimum elements"));
    assert_eq!(ntia.len(), 1, "{ntia:?}");
    assert!(
        ntia[0].contains(
            "5000 of 5000 components miss elements (supplier: 5000, unique identifier: 5000)"
        ),
        "{}",
        ntia[0]
    );
    assert!(ntia[0].contains("no SBOM author") && ntia[0].contains("no dependency relationships"));
    assert!(
        ntia[0].len() < 1000,
        "the message stays short: {}",
        ntia[0].len()
    );
}
