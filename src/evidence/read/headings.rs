//! Headings and front matter of text documents (Markdown, AsciiDoc, reStructuredText, plain
//! text): the structure policies read to tell whether a document has the parts a rule expects.
//!
//! These are locators, not full parsers: fenced code is skipped, setext and ATX headings are
//! both read, and reStructuredText levels follow the order underline styles first appear in.

use serde::Serialize;

#[derive(Debug, Serialize, PartialEq)]
pub struct Heading {
    pub level: usize,
    pub text: String,
    pub line: usize,
}

/// The headings of a document's text in `format`; `skip_lines` skips the front matter.
pub fn headings_of(format: &str, text: &str, skip_lines: usize) -> Vec<Heading> {
    match format {
        "markdown" | "text" => markdown_headings(text, skip_lines),
        "asciidoc" => prefixed_headings(text, skip_lines, '='),
        "rst" => rst_headings(text),
        _ => vec![],
    }
}

/// The title of a document: the shallowest, first heading.
pub fn title_of(headings: &[Heading]) -> Option<String> {
    headings
        .iter()
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
