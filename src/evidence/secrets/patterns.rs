//! The offline secret patterns (gitleaks-style): private key PEM blocks, AWS, GCP, GitHub, Slack
//! and Stripe token formats, and generic assignments to password / secret / token keys whose
//! value has high entropy. A hit carries the pattern's name and the line only: the matched
//! value never leaves this module.

use regex::Regex;
use std::sync::LazyLock;

/// A well-known token format, found wherever it appears.
struct Format {
    kind: &'static str,
    regex: Regex,
}

fn format(kind: &'static str, pattern: &str) -> Format {
    Format {
        kind,
        regex: Regex::new(pattern).expect("valid secret pattern"),
    }
}

static FORMATS: LazyLock<Vec<Format>> = LazyLock::new(|| {
    vec![
        format(
            "private_key",
            r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----",
        ),
        format("aws_access_key", r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"),
        format("gcp_api_key", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
        format(
            "gcp_service_account_key",
            r#""private_key_id"\s*:\s*"[0-9a-f]{40}""#,
        ),
        format(
            "github_token",
            r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b",
        ),
        format("github_token", r"\bgithub_pat_[A-Za-z0-9_]{82}\b"),
        format("slack_token", r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
        format(
            "slack_webhook",
            r"https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{20,}",
        ),
        format("stripe_key", r"\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}\b"),
    ]
});

/// `password = "..."`, `api_key: ...`, `SECRET_TOKEN=...`: the key and the value.
static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)([a-z0-9_.\-]*(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|client[_\-]?secret)[a-z0-9_.\-]*)["']?\s*(?::|=|:=|=>)\s*["']?([^\s"',;#]{12,})"#,
    )
    .expect("valid assignment pattern")
});

/// Whether any line of `text` may hold a secret: false means [`scan_lines`] finds none in it
/// (most files and commits), true that it must look line by line. A pattern that matches within
/// a line matches within the text. (Each pattern on its own: a `RegexSet` of them all, which
/// cannot use their literal prefilters, took four times as long as the search by lines.)
pub(super) fn may_hold_secret(text: &str) -> bool {
    FORMATS.iter().any(|f| f.regex.is_match(text)) || ASSIGNMENT.is_match(text)
}

/// Shannon entropy (bits per character) a generic value must reach.
const MIN_ENTROPY: f64 = 3.5;

/// Words that mark a value as an example, a placeholder or a reference, not a credential.
const PLACEHOLDERS: &[&str] = &[
    "example",
    "changeme",
    "change_me",
    "placeholder",
    "dummy",
    "sample",
    "redacted",
    "your",
    "xxxx",
    "****",
    "<",
    "${",
    "{{",
    "%(",
    "env[",
    "environ",
    "getenv",
    "process.env",
    "secrets.",
    "vault:",
    "null",
    "none",
    "true",
    "false",
    "fake",
    "test",
];

/// A secret found on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    pub kind: &'static str,
    pub line: usize,
}

/// The secrets on the lines of `text` (1-based line numbers from `first_line`); generic
/// assignments are skipped in test files (`generic`false).
pub(super) fn scan_lines<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    generic: bool,
) -> Vec<Hit> {
    let mut out = Vec::new();
    for (line, text) in lines {
        if let Some(f) = FORMATS
            .iter()
            .find(|f| f.regex.find_iter(text).any(|m| !is_placeholder(m.as_str())))
        {
            out.push(Hit { kind: f.kind, line });
            continue;
        }
        if generic && generic_secret(text) {
            out.push(Hit {
                kind: "generic_secret",
                line,
            });
        }
    }
    out
}

fn generic_secret(text: &str) -> bool {
    ASSIGNMENT.captures_iter(text).any(|c| {
        let value = c.get(2).map_or("", |m| m.as_str());
        !is_placeholder(value)
            && !value.starts_with('$')
            && !value.contains('(')
            && entropy(value) >= MIN_ENTROPY
    })
}

fn is_placeholder(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    PLACEHOLDERS.iter().any(|p| lower.contains(p))
        || value
            .chars()
            .all(|c| c == value.chars().next().unwrap_or(c))
}

/// Shannon entropy of `s` in bits per character.
fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in s.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let n = s.chars().count() as f64;
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        scan_lines(text.lines().enumerate().map(|(i, l)| (i + 1, l)), true)
            .into_iter()
            .map(|h| h.kind)
            .collect()
    }

    #[test]
    fn well_known_formats_are_found() {
        // Built from parts so that this source file itself holds no token.
        let aws = format!("aws_key = \"{}{}\"", "AKIA", "Q3ZT7RK2LM5NB4XW");
        assert_eq!(kinds(&aws), vec!["aws_access_key"]);
        let github = format!("{}_{}", "ghp", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");
        assert_eq!(kinds(&github), vec!["github_token"]);
        let pem = format!("-----BEGIN {} PRIVATE KEY-----", "RSA");
        assert_eq!(kinds(&pem), vec!["private_key"]);
        let stripe = format!("{}_live_{}", "sk", "4eC39HqLyjWDarjtT1zdp7dc9x");
        assert_eq!(kinds(&stripe), vec!["stripe_key"]);
    }

    #[test]
    fn generic_assignments_need_entropy_and_no_placeholder() {
        assert_eq!(
            kinds("db_password = \"Zq8vL2m!pR7xT4wK\""),
            vec!["generic_secret"]
        );
        assert!(kinds("password = \"aaaaaaaaaaaaaaaa\"").is_empty());
        assert!(kinds("password = \"changeme-please-123\"").is_empty());
        assert!(kinds("api_key: ${API_KEY_FROM_VAULT}").is_empty());
        assert!(kinds("token = os.environ[\"TOKEN_VALUE_X\"]").is_empty());
        assert!(kinds("password_min_length = 12").is_empty());
        // The AWS documentation's example key is a placeholder.
        assert!(kinds(&format!("{}{}", "AKIAIOSFODNN7", "EXAMPLE")).is_empty());
    }

    #[test]
    fn a_text_is_skipped_only_when_no_line_can_hold_a_secret() {
        let aws = format!("{}{}", "AKIA", "Q3ZT7RK2LM5NB4XW");
        let texts = [
            format!("fn main() {{}}\n\nregion = eu\r\nkey = {aws}\r\n"),
            aws.clone(),
            "x = 1\ndb_password = \"Zq8vL2m!pR7xT4wK\"\ny = 2\n".to_string(),
            format!("-----BEGIN {} PRIVATE KEY-----\nMIIE\n", "EC"),
        ];
        for text in &texts {
            assert!(!kinds(text).is_empty(), "{text}");
            assert!(may_hold_secret(text), "{text}");
        }
        let clean = "fn main() {\n    let rate = 5;\n    println!(\"{rate}\");\n}\n";
        assert!(kinds(clean).is_empty() && !may_hold_secret(clean));
    }

    #[test]
    fn entropy_is_bits_per_character() {
        assert_eq!(entropy("aaaa"), 0.0);
        assert!((entropy("abcd") - 2.0).abs() < 1e-9);
    }
}
