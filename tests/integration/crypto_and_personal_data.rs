//! MFDS-CYB-013 and MFDS-CYB-017 on repositories built here: deprecated cryptography in code and
//! configuration is named by construct, path and line; identifiable patient data (a resident
//! registration number, a table of names with birth dates, a DICOM file naming its patient) is
//! an error naming the file, and its values appear in no report.

use crate::common::{
    findings_of, git_repo_with, rule, rule_state, samdscan, scan_json, write_files,
};
use std::path::Path;

const CONFIG: &str = "product:\n  name: Pump\n  grade: 3\n  connected: true\n  software_systems:\n    - {name: pump, paths: [\"src/**\"], safety_class: C}\n";

/// A resident registration number with a valid date and check digit, built from parts so that
/// the number is written whole only in the repository under test.
fn rrn() -> String {
    format!("{}-{}", "850315", "2345678")
}

/// A DICOM Part 10 file (explicit VR little endian) naming its patient.
fn dicom() -> Vec<u8> {
    fn element(group: u16, element: u16, vr: &[u8; 2], value: &[u8]) -> Vec<u8> {
        let mut out = vec![];
        out.extend(group.to_le_bytes());
        out.extend(element.to_le_bytes());
        out.extend(vr);
        out.extend((value.len() as u16).to_le_bytes());
        out.extend(value);
        out
    }
    let mut out = vec![0u8; 128];
    out.extend(b"DICM");
    out.extend(element(0x0002, 0x0010, b"UI", b"1.2.840.10008.1.2.1\0"));
    out.extend(element(0x0008, 0x0060, b"CS", b"CT"));
    out.extend(element(0x0010, 0x0010, b"PN", b"HONG^GILDONG"));
    out.extend(element(0x0010, 0x0020, b"LO", b"P-0042"));
    out
}

fn leaky_repo() -> tempfile::TempDir {
    let visits = format!("visit,rate,memo\n1,72,\n2,75,guardian {}\n", rrn());
    git_repo_with(
        &[
            (".samdscan.yaml", CONFIG),
            (
                "src/uplink.py",
                "import requests\n\ndef send(url, body):\n    return requests.post(url, json=body, verify=False)\n",
            ),
            (
                "deploy/nginx.conf",
                "server {\n    ssl_protocols TLSv1 TLSv1.2;\n}\n",
            ),
            (
                "src/store.rs",
                "// content addressing, not security\nlet id = sha1::Sha1::digest(bytes);\n",
            ),
            ("tests/test_uplink.py", "hashlib.md5(b'x')\n"),
            ("data/visits.csv", &visits),
            (
                "data/people.csv",
                "id,name,dob\n1,Hong Gildong,1990-01-01\n",
            ),
        ],
        |root| std::fs::write(root.join("data/ct.dcm"), dicom()).unwrap(),
    )
}

fn messages(report: &serde_json::Value, id: &str) -> Vec<String> {
    let mut out: Vec<String> = findings_of(report, id)
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["level"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn deprecated_cryptography_is_named_by_construct_and_line() {
    let dir = leaky_repo();
    let report = scan_json(dir.path());
    assert_eq!(rule_state(&report, "MFDS-CYB-013"), "failed");
    // Warnings by default; the product has a class C system, so §0.3 makes them errors.
    assert_eq!(
        messages(&report, "MFDS-CYB-013"),
        [
            "error TLS 1.0 in deploy/nginx.conf line 2: a protocol older than TLS 1.2: require TLS 1.2 or later",
            "error a software system is of safety class C but no SBOM lists cryptographic-asset components (a CycloneDX CBOM inventory of the algorithms, keys, certificates and protocols the product uses)",
            "error sha1 crate in src/store.rs line 2: a broken hash if used for security (signatures, passwords, integrity): use SHA-256 or better",
            "error verify=False in src/uplink.py line 4: certificate validation turned off: keep it on and trust a private CA explicitly",
        ]
    );
    let tls = findings_of(&report, "MFDS-CYB-013")
        .into_iter()
        .find(|f| f["path"] == "deploy/nginx.conf")
        .unwrap();
    assert_eq!(tls["line"], 2);
}

#[test]
fn patient_data_is_an_error_and_its_values_are_never_shown() {
    let dir = leaky_repo();
    let report = scan_json(dir.path());
    assert_eq!(rule_state(&report, "MFDS-CYB-017"), "failed");
    assert_eq!(
        messages(&report, "MFDS-CYB-017"),
        [
            "error DICOM file data/ct.dcm names its patient (PatientName, PatientID hold a value, not shown): de-identify it (DICOM PS3.15 Annex E) or replace it",
            "error data/people.csv is a table of people with their names and birth dates (the values are not shown): remove it or pseudonymise it",
            "error data/visits.csv holds what looks like a Korean resident registration number on line 3 (the value is not shown): remove it and use synthetic data",
            "note no personal data inventory found (looked for names such as docs/privacy/data-inventory.md or a title like \"Personal Data Inventory\" / \"개인정보 처리 현황\")",
        ]
    );
    for format in ["json", "sarif", "text", "markdown"] {
        let out = samdscan()
            .args([
                "scan",
                "--format",
                format,
                "--fail-on",
                "never",
                "--verbose",
            ])
            .arg(dir.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for value in [
            rrn().as_str(),
            "HONG^GILDONG",
            "P-0042",
            "Hong Gildong",
            "1990-01-01",
        ] {
            assert!(!text.contains(value), "{format} shows {value}");
        }
    }
    let evidence = crate::common::evidence_json(dir.path(), &[]);
    let text = evidence["personal_data"].to_string();
    assert!(!text.contains(&rrn()) && !text.contains("HONG"), "{text}");
}

/// A data inventory with every section MFDS-CYB-017 asks for.
const INVENTORY: &str = "# Personal data inventory\n\n## Data elements\nECG.\n\n## Purpose\nAlarms.\n\n## Storage\nServer.\n\n## Retention\n90 days.\n\n## Transfer\nNone.\n\n## Pseudonymisation\nKeyed pseudonyms.\n";

#[test]
fn a_clean_repository_passes_on_the_files_it_read() {
    let bom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
        {"type": "cryptographic-asset", "name": "AES-256-GCM", "cryptoProperties": {"assetType": "algorithm"}}]}"#;
    let dir = git_repo_with(
        &[
            (".samdscan.yaml", CONFIG),
            (
                "src/uplink.py",
                "ctx.minimum_version = ssl.TLSVersion.TLSv1_2\nrequests.post(url, verify=True)\n",
            ),
            ("docs/privacy/data-inventory.md", INVENTORY),
            ("sbom/pump.cdx.json", bom),
            ("data/visits.csv", "visit,rate\n1,72\n"),
        ],
        |_| {},
    );
    let report = scan_json(dir.path());
    for id in ["MFDS-CYB-013", "MFDS-CYB-017"] {
        assert_eq!(
            rule_state(&report, id),
            "passed",
            "{id}: {:?}",
            findings_of(&report, id)
        );
    }
    let evidence = |id: &str| rule(&report, id)["evidence"].clone();
    let crypto = evidence("MFDS-CYB-013");
    // The source file and the config file (.samdscan.yaml) were read.
    assert!(
        crypto
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "2 files read"),
        "{crypto}"
    );
    assert!(
        crypto
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "sbom/pump.cdx.json"),
        "{crypto}"
    );
    let personal = evidence("MFDS-CYB-017");
    assert!(
        personal
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "docs/privacy/data-inventory.md"),
        "{personal}"
    );
}

#[test]
fn a_dicom_file_that_cannot_be_read_leaves_the_rule_unjudged() {
    let dir = git_repo_with(&[(".samdscan.yaml", CONFIG)], |root: &Path| {
        write_files(root, &[("docs/privacy/data-inventory.md", INVENTORY)]);
        std::fs::write(root.join("scan.dcm"), b"not a DICOM file").unwrap();
    });
    let report = scan_json(dir.path());
    let r = rule(&report, "MFDS-CYB-017");
    let reasons = r["reasons"].to_string();
    assert!(reasons.contains("1 DICOM files could not be read"), "{r}");
    assert_eq!(r["state"], "not_evaluated");
    let evidence = crate::common::evidence_json(dir.path(), &[]);
    let diagnostics = evidence["diagnostics"].to_string();
    assert!(
        diagnostics.contains("scan.dcm") && diagnostics.contains("no DICM prefix"),
        "{diagnostics}"
    );
}
