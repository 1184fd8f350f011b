//! Cryptography hygiene (MFDS-CYB-013): the product's source files (the `traced_sources` kind)
//! and configuration files (`crypto_config`) searched for deprecated primitives and settings
//! ([`patterns`]), and the cryptographic-asset inventories (CycloneDX CBOM components) of its
//! SBOMs. Each hit is recorded as its kind, the construct's name, path and line.
//!
//! Test files and vendored, third-party or fixture folders are not searched: they are not the
//! product's cryptography. The search is bounded as the secret search is ([`super::read::bounded`]):
//! files over [`MAX_FILE_BYTES`] are counted, not read, and at most [`MAX_HITS`] hits are kept;
//! each cap reached is a diagnostic and a count in the record. A line holding
//! `samdscan:allow crypto` is not searched (a reviewed use; waivers cover findings otherwise).

mod patterns;

use super::extractor::FileKind;
use super::read::bounded::{Purpose, diagnose_too_large, keep_first, search_files, text_of};
use super::references::is_test_path;
use super::sbom::read_sbom;
use super::{Context, Extractor};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Larger files are not searched (generated or bundled code).
const MAX_FILE_BYTES: u64 = 1 << 20;
/// How many hits are kept.
const MAX_HITS: usize = 200;
const PURPOSE: Purpose = Purpose {
    what: "deprecated cryptography",
    rule: "MFDS-CYB-013",
};

/// Configuration files where protocol versions, cipher lists and verification settings are set.
const CONFIG_KINDS: &[FileKind] = &[FileKind {
    name: "crypto_config",
    globs: &[
        "*.yaml",
        "*.yml",
        "*.toml",
        "*.ini",
        "*.cfg",
        "*.conf",
        "*.properties",
        "*.env",
        ".env",
        "*.config",
        "*.tf",
    ],
    sniffer: None,
}];

#[derive(Debug, Clone, Serialize)]
struct CryptoHit {
    kind: &'static str,
    construct: String,
    path: String,
    line: usize,
    /// The how-many-th hit of this construct in this file (1 for the first): a stable key for a
    /// finding that does not move with the line.
    occurrence: usize,
}

pub(super) struct CryptoUseExtractor;

impl Extractor for CryptoUseExtractor {
    fn key(&self) -> &'static str {
        "crypto_use"
    }

    fn kinds(&self) -> &'static [FileKind] {
        CONFIG_KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let anchor = ctx.config.path.as_deref().unwrap_or(".");
        let mut paths: Vec<&str> = ctx
            .files("traced_sources")
            .iter()
            .chain(ctx.files("crypto_config"))
            .map(String::as_str)
            .filter(|p| !is_test_path(p))
            .collect();
        paths.sort_unstable();
        paths.dedup();
        let mut hits = Vec::new();
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        let searched = search_files(ctx, paths, MAX_FILE_BYTES, |path, bytes| {
            let Some(text) = text_of(bytes) else {
                return false;
            };
            for hit in patterns::scan(&text) {
                let n = seen
                    .entry((hit.construct.clone(), path.to_string()))
                    .or_default();
                *n += 1;
                hits.push(CryptoHit {
                    kind: hit.kind,
                    construct: hit.construct,
                    path: path.to_string(),
                    line: hit.line,
                    occurrence: *n,
                });
            }
            true
        });
        diagnose_too_large(ctx, anchor, searched.too_large, MAX_FILE_BYTES, PURPOSE);
        let truncated = keep_first(ctx, anchor, &mut hits, MAX_HITS, PURPOSE);
        json!({
            "evaluated": true,
            "files_read": searched.files,
            "too_large": searched.too_large,
            "hits": hits,
            "truncated": truncated,
            "inventories": inventories(ctx),
        })
    }
}

/// Each parsed SBOM with the number of its CycloneDX `cryptographic-asset` components.
fn inventories(ctx: &Context) -> Vec<Value> {
    ctx.files("sbom")
        .iter()
        .filter_map(|path| match &*read_sbom(ctx, path) {
            Ok(sbom) => Some(json!({"path": path, "crypto_assets": sbom.crypto_assets})),
            Err(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::evidence::context::memory_source::MemorySource;
    use crate::evidence::{Extractor, crypto_use::CryptoUseExtractor};

    #[test]
    fn product_code_and_config_are_searched_tests_and_vendored_code_are_not() {
        let source = MemorySource::new(&[
            (
                "src/net/client.py",
                "import ssl\nctx.verify_mode = ssl.CERT_NONE\n",
            ),
            ("deploy/nginx.conf", "ssl_protocols TLSv1 TLSv1.2;\n"),
            ("tests/test_client.py", "requests.get(url, verify=False)\n"),
            ("vendor/lib/md5.c", "MD5_Init(&ctx);\n"),
            ("src/hash.py", "h = hashlib.md5(x)\nh2 = hashlib.md5(y)\n"),
            ("README.md", "never use ssl.CERT_NONE\n"),
        ]);
        let ev = source.with_context(|ctx| CryptoUseExtractor.collect(ctx));
        let hits: Vec<(String, String, u64, u64)> = ev["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["path"].as_str().unwrap().to_string(),
                    h["construct"].as_str().unwrap().to_string(),
                    h["line"].as_u64().unwrap(),
                    h["occurrence"].as_u64().unwrap(),
                )
            })
            .collect();
        let row = |p: &str, c: &str, l, o| (p.to_string(), c.to_string(), l, o);
        assert_eq!(
            hits,
            vec![
                row("deploy/nginx.conf", "TLS 1.0", 1, 1),
                row("src/hash.py", "hashlib.md5", 1, 1),
                row("src/hash.py", "hashlib.md5", 2, 2),
                row("src/net/client.py", "CERT_NONE", 2, 1),
            ]
        );
        assert_eq!(ev["files_read"], 3);
        assert_eq!(ev["truncated"], false);
    }

    #[test]
    fn a_cbom_counts_its_cryptographic_assets() {
        let bom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
            {"type": "library", "name": "openssl", "version": "3.0.13"},
            {"type": "cryptographic-asset", "name": "AES-256-GCM",
             "cryptoProperties": {"assetType": "algorithm"}}]}"#;
        let source = MemorySource::new(&[("sbom/app.cdx.json", bom)]);
        let ev = source.with_context(|ctx| CryptoUseExtractor.collect(ctx));
        assert_eq!(ev["inventories"][0]["path"], "sbom/app.cdx.json");
        assert_eq!(ev["inventories"][0]["crypto_assets"], 1);
    }
}
