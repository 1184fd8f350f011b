//! Is a document still an unfilled template? samdscan's own `init --templates` skeletons carry a
//! marker; templates from anywhere else are judged by their text: placeholders (`{{name}}`,
//! `<describe the scope>`, `[Company name]`, `TODO`, `TBD`, `XXX`, lorem ipsum), headings with no
//! body, and guidance-only lines. A document is unfilled when it has no line of real content, or
//! when at least half of its content lines are placeholders.

use crate::evidence::read::headings::split_front_matter;
use regex::Regex;
use std::sync::LazyLock;

/// Marks an unfilled skeleton written by `samdscan init --templates`.
pub const TEMPLATE_MARKER: &str = "<!-- samdscan:template";

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\{\{[^}]*\}\}",
        r"|<(?:[A-Za-z][^<>=/]*\s[^<>=/]*|[A-Z][A-Z _-]+)>",
        r"|\[(?:[A-Z][^\]\[]{2,}|[a-z]+ [^\]\[]+)\](?:[^(\[:]|$)",
        r"|(?i:\b(?:todo|tbd|tbc|to be (?:defined|determined|completed)|lorem ipsum|insert [a-z]|xxx+)\b)",
        r"|(?:작성 예정|추후 작성|내용을 입력|작성하십시오|기재하십시오)",
    ))
    .expect("a fixed pattern compiles")
});

/// True when `text` (a field, a cell, a line) is or holds a placeholder.
pub(super) fn is_placeholder(text: &str) -> bool {
    PLACEHOLDER.is_match(text)
}

/// Why `text` (a whole document; its front matter is not content) is an unfilled template.
pub fn unfilled_reason(text: &str) -> Option<String> {
    if text.contains(TEMPLATE_MARKER) {
        return Some("samdscan init skeleton".into());
    }
    let (_, body_start) = split_front_matter(text);
    let lines = content_lines(text, body_start);
    if lines.is_empty() {
        return Some("headings with no body".into());
    }
    let placeholders = lines.iter().filter(|l| PLACEHOLDER.is_match(l)).count();
    (placeholders * 2 >= lines.len()).then(|| {
        format!(
            "{placeholders} of its {} content lines are placeholders",
            lines.len()
        )
    })
}

/// The lines that carry content: not blank, not headings or rules, not HTML comments, not table
/// header or delimiter rows, not fenced code markers.
fn content_lines(text: &str, skip: usize) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().skip(skip).collect();
    let mut in_comment = false;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let next = lines.get(i + 1).map_or("", |l| l.trim());
        if t.starts_with('|') && next.starts_with('|') && is_structure(next) {
            continue;
        }
        if in_comment {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if is_structure(t) {
            continue;
        }
        out.push(t);
    }
    out
}

fn is_structure(t: &str) -> bool {
    t.is_empty()
        || t.starts_with('#')
        || t.starts_with("```")
        || t.starts_with('=')
        || t.starts_with(".. ")
        || t.chars()
            .all(|c| matches!(c, '-' | '=' | '|' | ':' | ' ' | '*' | '_' | '~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_empty_sections_are_templates() {
        assert!(unfilled_reason("# Plan\n\n## Scope\n\n## Roles\n").is_some());
        let guidance = "# Software Development Plan\n\n## Scope\n<Describe the scope of the software>\n\n## Team\n[Company name] develops {{product}}.\nTBD\n";
        assert!(unfilled_reason(guidance).unwrap().contains("3 of its 3"));
        assert!(unfilled_reason("# 계획\n\n내용을 입력하십시오.\n").is_some());
        assert!(unfilled_reason("x\n<!-- samdscan:template kind -->\n").is_some());
        assert!(unfilled_reason("---\nid: SRS-1\ntitle: x\n---\n# x\n").is_some());
    }

    #[test]
    fn filled_documents_with_links_and_tags_are_not() {
        let filled = "# Plan\n\nWe release from [the main branch](main.md) weekly.\nSee <https://example.com>.\nTests run on <br> every PR.\nOne item is TBD.\nOwners are listed in CODEOWNERS.\n- [x] reviewed\n";
        assert_eq!(unfilled_reason(filled), None);
    }
}
