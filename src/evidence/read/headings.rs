//! Headings and front matter of text documents (Markdown, AsciiDoc, reStructuredText, plain
//! text): the structure policies read to tell whether a document has the parts a rule expects.
//!
//! These are locators, not full parsers: fenced code is skipped, setext and ATX headings are
//! both read, and reStructuredText levels follow the order underline styles first appear in.
//!
//! Teams also write a document's parts as bold lead-ins (`**Monitoring:** ...`), definition
//! lists (`Triage` over `: ...`), bullets (`- Patching: ...`) and table rows (`| Monitoring |`);
//! [`sections_of`] keeps them beside the headings, at level [`LEAD_IN_LEVEL`] (never a title).

use serde::Serialize;

#[derive(Debug, Serialize, PartialEq)]
pub struct Heading {
    pub level: usize,
    pub text: String,
    pub line: usize,
}

/// The level given to lead-ins, definition terms, bullet terms and table-row names.
pub const LEAD_IN_LEVEL: usize = 7;

/// At most this many words make a lead-in term.
const MAX_LEAD_IN_WORDS: usize = 6;

/// The headings of a document's text in `format`; `skip_lines` skips the front matter.
pub fn headings_of(format: &str, text: &str, skip_lines: usize) -> Vec<Heading> {
    match format {
        "markdown" | "text" => markdown_headings(text, skip_lines),
        "asciidoc" => prefixed_headings(text, skip_lines, '='),
        "rst" => rst_headings(text),
        _ => vec![],
    }
}

/// The headings of a document plus, in Markdown and plain text, its lead-ins: the parts of a
/// document however they are written, in line order.
pub fn sections_of(format: &str, text: &str, skip_lines: usize) -> Vec<Heading> {
    let mut out = headings_of(format, text, skip_lines);
    if matches!(format, "markdown" | "text") {
        let taken: Vec<usize> = out.iter().map(|h| h.line).collect();
        out.extend(lead_ins(text, skip_lines).filter(|h| !taken.contains(&h.line)));
        out.sort_by_key(|h| h.line);
    }
    out
}

/// Lead-in terms outside fenced code, as headings of level [`LEAD_IN_LEVEL`].
fn lead_ins(text: &str, skip_lines: usize) -> impl Iterator<Item = Heading> + '_ {
    let lines: Vec<&str> = text.lines().collect();
    let mut in_fence = false;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(skip_lines) {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if in_fence || t.starts_with('#') {
            continue;
        }
        let next = lines.get(i + 1).map_or("", |l| l.trim());
        if next.len() >= 3 && (next.chars().all(|c| c == '=') || next.chars().all(|c| c == '-')) {
            continue;
        }
        if let Some(term) = lead_in(t, next) {
            out.push(Heading {
                level: LEAD_IN_LEVEL,
                text: term,
                line: i + 1,
            });
        }
    }
    out.into_iter()
}

/// The title of a document: the shallowest, first heading.
pub fn title_of(headings: &[Heading]) -> Option<String> {
    headings
        .iter()
        .filter(|h| h.level < LEAD_IN_LEVEL)
        .min_by_key(|h| (h.level, h.line))
        .map(|h| h.text.clone())
}

/// YAML front matter between `---` lines at the very top; returns it and the body's first line.
pub fn split_front_matter(text: &str) -> (Option<&str>, usize) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, 0);
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(&rest[..offset]), i + 2);
        }
        offset += line.len();
    }
    (None, 0)
}

fn markdown_headings(text: &str, skip_lines: usize) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut in_fence = false;
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate().skip(skip_lines) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || line.starts_with("    ") {
            continue;
        }
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            let text = t[hashes..].trim().trim_end_matches('#').trim().to_string();
            out.push(Heading {
                level: hashes,
                text,
                line: i + 1,
            });
        } else if i > skip_lines
            && !t.is_empty()
            && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
        {
            let prev = lines[i - 1].trim();
            if !prev.is_empty() && t.len() >= 3 && !prev.starts_with('#') && !prev.starts_with('|')
            {
                out.push(Heading {
                    level: if t.starts_with('=') { 1 } else { 2 },
                    text: prev.to_string(),
                    line: i,
                });
            }
        }
    }
    out
}

/// The term a line leads in with: `**Term**`, `**Term:** text`, `- **Term** - text`,
/// `- Term: text`, `Term: text`, a definition-list term (the next line starts with `: `), or the
/// first cell of a table row.
fn lead_in(line: &str, next: &str) -> Option<String> {
    let (bullet, rest) = match line.strip_prefix(['-', '*', '+']) {
        Some(r) if r.starts_with(' ') => (true, r.trim_start()),
        _ => (false, line),
    };
    let term = if let Some(inner) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
        inner.split("**").next()?.split("__").next()?
    } else if let Some(row) = rest.strip_prefix('|') {
        row.split('|').next()?
    } else if next.starts_with(": ") && !bullet && !rest.contains(':') {
        rest
    } else {
        let (term, text) = rest.split_once(':')?;
        if text.starts_with("//") || text.trim().is_empty() && !bullet {
            return None;
        }
        term
    };
    let term = term.trim().trim_end_matches([':', '.', ' ']).trim();
    let words = term.split_whitespace().count();
    let letters = term.chars().any(char::is_alphabetic);
    (letters && (1..=MAX_LEAD_IN_WORDS).contains(&words) && !term.contains('`'))
        .then(|| term.to_string())
}

fn prefixed_headings(text: &str, skip_lines: usize, marker: char) -> Vec<Heading> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(skip_lines) {
        let n = line.chars().take_while(|c| *c == marker).count();
        if (1..=6).contains(&n) && line[n..].starts_with(' ') {
            out.push(Heading {
                level: n,
                text: line[n..].trim().to_string(),
                line: i + 1,
            });
        }
    }
    out
}

fn rst_headings(text: &str) -> Vec<Heading> {
    let lines: Vec<&str> = text.lines().collect();
    let mut styles: Vec<char> = Vec::new();
    let mut out = Vec::new();
    for i in 1..lines.len() {
        let under = lines[i].trim_end();
        let title = lines[i - 1].trim();
        let Some(c) = under.chars().next() else {
            continue;
        };
        if title.is_empty() || !"=-~^\"'`#*+".contains(c) || !under.chars().all(|x| x == c) {
            continue;
        }
        if under.chars().count() < title.chars().count().min(3) {
            continue;
        }
        let level = match styles.iter().position(|s| *s == c) {
            Some(p) => p + 1,
            None => {
                styles.push(c);
                styles.len()
            }
        };
        out.push(Heading {
            level,
            text: title.to_string(),
            line: i,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_skip_code_and_front_matter() {
        let text = "---\ntitle: Plan\nversion: 2\n---\n# Risk plan\n\n```\n# not a heading\n```\n## Scope ##\nSetext\n------\n";
        let (front, start) = split_front_matter(text);
        assert_eq!(front, Some("title: Plan\nversion: 2\n"));
        let h = markdown_headings(text, start);
        let texts: Vec<&str> = h.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Risk plan", "Scope", "Setext"]);
        assert_eq!(h[0].line, 5);
    }

    #[test]
    fn lead_ins_definition_terms_bullets_and_rows_are_parts() {
        let text = "# Cybersecurity plan\n\n- **Monitoring:** NVD daily.\n- **Triage** - within 5 days\n- Patching: monthly\n\nDisclosure\n: security@example.com\n\n__Roles__\n\n| Activity | Owner |\n|---|---|\n| SBOM review | QA |\n\nSee https://example.com: no.\n";
        let h = sections_of("markdown", text, 0);
        let parts: Vec<(&str, usize)> = h.iter().map(|h| (h.text.as_str(), h.level)).collect();
        assert_eq!(
            parts,
            [
                ("Cybersecurity plan", 1),
                ("Monitoring", 7),
                ("Triage", 7),
                ("Patching", 7),
                ("Disclosure", 7),
                ("Roles", 7),
                ("Activity", 7),
                ("SBOM review", 7)
            ]
        );
        assert_eq!(title_of(&h).as_deref(), Some("Cybersecurity plan"));
        assert_eq!(title_of(&h[1..]), None, "a lead-in is never a title");
    }

    #[test]
    fn korean_headings_are_kept() {
        let h = markdown_headings("# 위험관리 계획\n## 허용 기준\n", 0);
        assert_eq!(h[1].text, "허용 기준");
    }

    #[test]
    fn rst_and_asciidoc_headings() {
        let r = rst_headings("Title\n=====\n\nSection\n-------\n");
        assert_eq!(r.iter().map(|h| h.level).collect::<Vec<_>>(), [1, 2]);
        let a = prefixed_headings("= Doc\n== Part\n", 0, '=');
        assert_eq!(a[1].text, "Part");
    }
}
