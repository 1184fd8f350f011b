//! The deprecated cryptography patterns: API calls and settings, in the usual languages and
//! configuration formats, that choose a broken hash (MD5, SHA-1), a broken cipher (DES, 3DES,
//! RC4), ECB mode, an RSA key under 2048 bits, a protocol older than TLS 1.2, no certificate
//! validation, or a hard-coded IV. A hit names the construct (`hashlib.md5`, `TLS 1.0`,
//! `RSA-1024`), never the line it was found on.

use regex::{Captures, Regex};
use std::sync::{LazyLock, OnceLock};

/// A line with this marker is not searched (a reviewed, deliberate use).
pub(super) const ALLOW_MARKER: &str = "samdscan:allow crypto";

/// The smallest RSA modulus, in bits, that is not reported.
const MIN_RSA_BITS: u32 = 2048;

/// What a pattern's match is called in a hit.
enum Construct {
    /// Always this name.
    Named(&'static str),
    /// Built from the match; `None` when the match is not a weakness after all.
    Judged(fn(&Captures) -> Option<String>),
}

struct Pattern {
    kind: &'static str,
    construct: Construct,
    /// Words of which every match holds one, in lower case (as [`folded`] makes a text): a
    /// file with none of them is not searched with this pattern, so the regex is compiled only
    /// when some file could match (most repositories have few such files; compiling every
    /// pattern costs more than a small repository's whole search).
    needles: &'static [&'static str],
    source: &'static str,
    regex: OnceLock<Regex>,
}

impl Pattern {
    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(self.source).expect("valid crypto pattern"))
    }

    fn may_match(&self, folded: &str) -> bool {
        self.needles.iter().any(|n| folded.contains(n))
    }
}

fn named(
    kind: &'static str,
    construct: &'static str,
    needles: &'static [&'static str],
    source: &'static str,
) -> Pattern {
    judged_by(kind, Construct::Named(construct), needles, source)
}

fn judged_by(
    kind: &'static str,
    construct: Construct,
    needles: &'static [&'static str],
    source: &'static str,
) -> Pattern {
    Pattern {
        kind,
        construct,
        needles,
        source,
        regex: OnceLock::new(),
    }
}

/// A text as the needles are looked for in it: ASCII letters in lower case, and the two
/// non-ASCII letters that a case-insensitive pattern matches for an ASCII one (`ſ` for `s`,
/// the Kelvin sign `K` for `k`) as that letter, so a text a pattern matches holds its needle.
fn folded(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{17f}' => 's',
            '\u{212a}' => 'k',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// `RSA-1024` when the captured size is under [`MIN_RSA_BITS`].
fn short_rsa(c: &Captures) -> Option<String> {
    let bits: u32 = c.name("bits")?.as_str().parse().ok()?;
    (bits < MIN_RSA_BITS).then(|| format!("RSA-{bits}"))
}

/// `TLS 1.0`, `TLS 1.1`, `SSL 3.0`, `SSL 2.0` from a protocol token; `None` for TLS 1.2 and 1.3.
fn old_protocol(c: &Captures) -> Option<String> {
    let family = c.name("family")?.as_str().to_ascii_uppercase();
    let version = c.name("version")?.as_str();
    let minor = c.name("minor").map_or("", |m| m.as_str());
    match (family.as_str(), version, minor) {
        ("SSL", "2" | "3" | "30", _) => Some(format!("SSL {}.0", &version[..1])),
        ("TLS", "1" | "10", "" | "0") => Some("TLS 1.0".into()),
        ("TLS", "1", "1") | ("TLS", "11", "") => Some("TLS 1.1".into()),
        _ => None,
    }
}

/// The Java / .NET / OpenSSL name of an algorithm, as a construct: `MessageDigest MD5`.
fn java_algorithm(c: &Captures) -> Option<String> {
    let api = c.name("api")?.as_str();
    let alg = c.name("alg")?.as_str().to_ascii_uppercase();
    Some(format!("{api} {alg}"))
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use Construct::Judged;
    vec![
        // Hashes.
        named(
            "weak_hash",
            "hashlib.md5",
            &["hashlib"],
            r"\bhashlib\.md5\b|\bhashlib\.new\(\s*['\x22]md5['\x22]",
        ),
        named(
            "weak_hash",
            "hashlib.sha1",
            &["hashlib"],
            r"\bhashlib\.sha1\b|\bhashlib\.new\(\s*['\x22]sha1['\x22]",
        ),
        judged_by(
            "weak_hash",
            Judged(java_algorithm),
            &["digest", "createhash", "hashalgorithm"],
            r#"(?i)\b(?P<api>MessageDigest|createHash|HashAlgorithm\.Create|Digest)\s*(?:\.getInstance)?\(\s*['"](?P<alg>md5|sha-?1)['"]"#,
        ),
        named(
            "weak_hash",
            "md5 crate",
            &["md5::"],
            r"\bmd5::(?:compute|Md5|Digest|Context)\b|\bMd5::new\(\)",
        ),
        named(
            "weak_hash",
            "sha1 crate",
            &["sha1"],
            r"\bsha1(?:_smol)?::(?:Sha1|Digest)\b|\bSha1::new\(\)",
        ),
        named(
            "weak_hash",
            "crypto/md5",
            &["md5"],
            r#""crypto/md5"|\bmd5\.(?:New|Sum)\("#,
        ),
        named(
            "weak_hash",
            "crypto/sha1",
            &["sha1"],
            r#""crypto/sha1"|\bsha1\.(?:New|Sum)\("#,
        ),
        named(
            "weak_hash",
            "OpenSSL MD5",
            &["md5"],
            r"\bEVP_md5\s*\(\s*\)|\bMD5_Init\b|\bMD5\([a-z_]",
        ),
        named(
            "weak_hash",
            "OpenSSL SHA-1",
            &["sha1"],
            r"\b(?:EVP_sha1\s*\(\s*\)|SHA1_Init\b)",
        ),
        named(
            "weak_hash",
            ".NET MD5",
            &["md5"],
            r"\bMD5(?:CryptoServiceProvider)?\.Create\(|\bnew MD5CryptoServiceProvider\b",
        ),
        named(
            "weak_hash",
            ".NET SHA-1",
            &["sha1"],
            r"\bSHA1(?:Managed|CryptoServiceProvider)?\.Create\(|\bnew SHA1(?:Managed|CryptoServiceProvider)\b",
        ),
        // Ciphers.
        named(
            "weak_cipher",
            "DES",
            &["des"],
            r"\bDES\.new\(|\balgorithms\.(?:TripleDES|DES)\(|\bdes\.NewCipher\(|\bEVP_des_\w+\(|\bDES_(?:ecb|ncbc|cbc)_encrypt\b",
        ),
        named(
            "weak_cipher",
            "3DES",
            &["des"],
            r"\bDES3\.new\(|\bdes\.NewTripleDESCipher\(|\bTripleDES(?:CryptoServiceProvider)?\.Create\(|['\x22]des-ede3(?:-cbc)?['\x22]|\bDES-CBC3-SHA\b",
        ),
        named(
            "weak_cipher",
            "RC4",
            &["rc4", "arcfour"],
            r"\bARC4\.new\(|\balgorithms\.ARC4\(|\brc4\.NewCipher\(|\bEVP_rc4\(|['\x22](?:rc4|arcfour)['\x22]|\bRC4-(?:SHA|MD5)\b",
        ),
        judged_by(
            "weak_cipher",
            Judged(|c| {
                Some(
                    c.name("alg")?
                        .as_str()
                        .to_ascii_uppercase()
                        .replace("DESEDE", "3DES"),
                )
            }),
            &["cipher.getinstance"],
            r#"(?i)\bCipher\.getInstance\(\s*['"](?P<alg>DESede|DES|RC4|ARCFOUR|RC2|Blowfish)\b"#,
        ),
        // Modes.
        named(
            "ecb_mode",
            "ECB mode",
            &["ecb"],
            r#"\bMODE_ECB\b|\bmodes\.ECB\(|\bCipherMode\.ECB\b|(?i:['"][\w-]*-ecb['"]|/ECB/)|\bEVP_\w+_ecb\(|\becb::Encryptor\b"#,
        ),
        // Keys.
        judged_by(
            "short_rsa_key",
            Judged(short_rsa),
            &["rsa"],
            r"(?i)\brsa\w*(?:\.|::)(?:generate\w*|new)\s*\([^)]*?\b(?P<bits>\d{3,4})\b",
        ),
        judged_by(
            "short_rsa_key",
            Judged(short_rsa),
            &["rsa"],
            r"(?i)\brsa\b.*\b(?:key_size|keysize|key_length|modulusLength|bits)\s*[:=]\s*(?P<bits>\d{3,4})\b",
        ),
        judged_by(
            "short_rsa_key",
            Judged(short_rsa),
            &["genrsa"],
            r"\bgenrsa\b.*?\s(?P<bits>\d{3,4})\b",
        ),
        // Protocols.
        judged_by(
            "old_tls",
            Judged(old_protocol),
            &["tls", "ssl"],
            r"(?i)\b(?:PROTOCOL_|Protocol::|SslVersion::)?(?P<family>TLS|SSL)v?(?P<version>[123]|1[01])(?:[._](?P<minor>[0-9]))?(?:_method|_client_method|_server_method)?\b",
        ),
        judged_by(
            "old_tls",
            Judged(old_protocol),
            &["versiontls", "versionssl"],
            r"\bVersion(?P<family>TLS|SSL)(?P<version>1[01]|30)\b",
        ),
        // Certificate validation.
        named(
            "no_cert_validation",
            "verify=False",
            &["verify"],
            r"\bverify\s*=\s*False\b",
        ),
        named(
            "no_cert_validation",
            "InsecureSkipVerify",
            &["insecureskipverify"],
            r"\bInsecureSkipVerify\s*:\s*true\b",
        ),
        named(
            "no_cert_validation",
            "danger_accept_invalid_certs",
            &["danger_accept_invalid_"],
            r"\bdanger_accept_invalid_(?:certs|hostnames)\s*\(\s*true\s*\)",
        ),
        named(
            "no_cert_validation",
            "rejectUnauthorized: false",
            &["rejectunauthorized", "node_tls_reject_unauthorized"],
            r#"\brejectUnauthorized['"]?\s*:\s*false\b|\bNODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0\b"#,
        ),
        named(
            "no_cert_validation",
            "CERT_NONE",
            &["cert_none", "ssl_verify_none"],
            r"\bCERT_NONE\b|\bSSL_VERIFY_NONE\b",
        ),
        named(
            "no_cert_validation",
            "check_hostname=False",
            &["check_hostname"],
            r"\bcheck_hostname\s*=\s*False\b",
        ),
        // IVs.
        named(
            "static_iv",
            "hard-coded IV",
            &["iv", "nonce", "vector"],
            r#"(?i)\b(?:iv|nonce|init(?:ialization)?_?vector)\s*[:=]\s*b?['"][^'"]{8,}['"]|\bnew IvParameterSpec\(\s*(?:new byte\s*\[|['"][^'"]*['"]\.getBytes)"#,
        ),
    ]
});

/// A deprecated construct found on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    pub kind: &'static str,
    pub construct: String,
    pub line: usize,
}

/// The deprecated constructs on each line of `text`, once per construct and line; lines with
/// [`ALLOW_MARKER`] are skipped.
pub(super) fn scan(text: &str) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let folded = folded(text);
    let candidates: Vec<&Pattern> = PATTERNS.iter().filter(|p| p.may_match(&folded)).collect();
    if candidates.is_empty() {
        return out;
    }
    for (i, line) in text.lines().enumerate() {
        if line.contains(ALLOW_MARKER) {
            continue;
        }
        for p in &candidates {
            for c in p.regex().captures_iter(line) {
                let construct = match &p.construct {
                    Construct::Named(name) => Some(name.to_string()),
                    Construct::Judged(judge) => judge(&c),
                };
                let Some(construct) = construct else {
                    continue;
                };
                let hit = Hit {
                    kind: p.kind,
                    construct,
                    line: i + 1,
                };
                if !out.contains(&hit) {
                    out.push(hit);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        scan(text)
            .into_iter()
            .map(|h| (h.kind, h.construct))
            .collect()
    }

    fn one(kind: &'static str, construct: &str) -> Vec<(&'static str, String)> {
        vec![(kind, construct.to_string())]
    }

    #[test]
    fn weak_hashes_in_several_languages() {
        assert_eq!(
            found("digest = hashlib.md5(data).hexdigest()"),
            one("weak_hash", "hashlib.md5")
        );
        assert_eq!(
            found("h = hashlib.new('sha1')"),
            one("weak_hash", "hashlib.sha1")
        );
        assert_eq!(
            found(r#"MessageDigest md = MessageDigest.getInstance("SHA-1");"#),
            one("weak_hash", "MessageDigest SHA-1")
        );
        assert_eq!(
            found("crypto.createHash('md5').update(x)"),
            one("weak_hash", "createHash MD5")
        );
        assert_eq!(
            found("let d = md5::compute(bytes);"),
            one("weak_hash", "md5 crate")
        );
        assert_eq!(
            found("import \"crypto/sha1\""),
            one("weak_hash", "crypto/sha1")
        );
        // A git object id is SHA-1 too: still reported (the policy says "if used for security").
        assert_eq!(
            found("let oid = sha1::Sha1::digest(object);"),
            one("weak_hash", "sha1 crate")
        );
    }

    #[test]
    fn strong_choices_are_not_hits() {
        for line in [
            "digest = hashlib.sha256(data).hexdigest()",
            r#"MessageDigest.getInstance("SHA-256")"#,
            "ctx.minimum_version = ssl.TLSVersion.TLSv1_2",
            "ssl_protocols TLSv1.2 TLSv1.3;",
            "MinVersion: tls.VersionTLS12,",
            "min_protocol_version(Some(Protocol::Tlsv12))",
            "key = rsa.generate_private_key(public_exponent=65537, key_size=3072)",
            r#"Cipher.getInstance("AES/GCM/NoPadding")"#,
            "requests.get(url, verify=True)",
            "cipher = AES.new(key, AES.MODE_GCM)",
            "iv = os.urandom(16)",
            "# the description of a md5sum tool",
            "requests.get(url, verify=False)  # samdscan:allow crypto (local test server)",
        ] {
            assert_eq!(found(line), vec![], "{line}");
        }
    }

    #[test]
    fn old_protocols_are_named_by_version() {
        assert_eq!(
            found("ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)"),
            one("old_tls", "TLS 1.0")
        );
        assert_eq!(
            found("MinVersion: tls.VersionTLS10,"),
            one("old_tls", "TLS 1.0")
        );
        assert_eq!(
            found("min_protocol_version: TLSv1.1"),
            one("old_tls", "TLS 1.1")
        );
        assert_eq!(
            found("ssl_protocols SSLv3 TLSv1 TLSv1.2;"),
            vec![
                ("old_tls", "SSL 3.0".to_string()),
                ("old_tls", "TLS 1.0".to_string())
            ]
        );
        assert_eq!(
            found(".min_protocol_version(Some(Protocol::Tlsv10))"),
            one("old_tls", "TLS 1.0")
        );
        assert_eq!(
            found("secureProtocol: 'TLSv1_method'"),
            one("old_tls", "TLS 1.0")
        );
    }

    #[test]
    fn ciphers_modes_keys_validation_and_ivs() {
        assert_eq!(
            found("c = DES3.new(key, DES3.MODE_CBC, iv)"),
            one("weak_cipher", "3DES")
        );
        assert_eq!(
            found(r#"Cipher.getInstance("DESede/CBC/PKCS5Padding")"#),
            one("weak_cipher", "3DES")
        );
        assert_eq!(
            found("cipher = AES.new(key, AES.MODE_ECB)"),
            one("ecb_mode", "ECB mode")
        );
        assert_eq!(
            found(r#"Cipher.getInstance("AES/ECB/PKCS5Padding")"#),
            one("ecb_mode", "ECB mode")
        );
        assert_eq!(
            found("key = RSA.generate(1024)"),
            one("short_rsa_key", "RSA-1024")
        );
        assert_eq!(
            found("rsa.generate_private_key(public_exponent=65537, key_size=1024)"),
            one("short_rsa_key", "RSA-1024")
        );
        assert_eq!(
            found("openssl genrsa -out k.pem 512"),
            one("short_rsa_key", "RSA-512")
        );
        assert_eq!(
            found("requests.post(url, json=body, verify=False)"),
            one("no_cert_validation", "verify=False")
        );
        assert_eq!(
            found("TLSClientConfig: &tls.Config{InsecureSkipVerify: true},"),
            one("no_cert_validation", "InsecureSkipVerify")
        );
        assert_eq!(
            found(".danger_accept_invalid_certs(true)"),
            one("no_cert_validation", "danger_accept_invalid_certs")
        );
        assert_eq!(
            found("https.request({ rejectUnauthorized: false })"),
            one("no_cert_validation", "rejectUnauthorized: false")
        );
        assert_eq!(
            found("ctx.verify_mode = ssl.CERT_NONE"),
            one("no_cert_validation", "CERT_NONE")
        );
        assert_eq!(
            found(r#"IV = b"0123456789abcdef""#),
            one("static_iv", "hard-coded IV")
        );
        assert_eq!(
            found("new IvParameterSpec(new byte[16])"),
            one("static_iv", "hard-coded IV")
        );
    }

    #[test]
    fn every_line_a_pattern_matches_holds_one_of_its_needles() {
        // Over every line of the repository's sources, tests and examples (this file holds the
        // lines the other tests search) and the non-ASCII letters case-insensitive patterns
        // match for ASCII ones.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lines: Vec<String> = [
            "ctx = ssl.PROTOCOL_TLſv1",
            "RſA.generate(1024)",
            "IV = '0123456789abcdef'",
        ]
        .map(String::from)
        .to_vec();
        for folder in ["src", "tests", "examples", "benches"] {
            for entry in walkdir::WalkDir::new(root.join(folder))
                .into_iter()
                .flatten()
            {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    lines.extend(text.lines().map(String::from));
                }
            }
        }
        let mut matched = 0;
        for line in &lines {
            for p in PATTERNS.iter().filter(|p| p.regex().is_match(line)) {
                matched += 1;
                assert!(p.may_match(&folded(line)), "{}: {line}", p.source);
            }
        }
        assert!(matched > 50, "{matched} matching lines");
    }

    #[test]
    fn hits_carry_their_line() {
        let hits = scan("import ssl\n\nctx.verify_mode = ssl.CERT_NONE\n");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].line, 3);
    }
}
