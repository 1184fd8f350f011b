//! Escaping of repository-controlled text (file names, commit subjects, titles, waiver reasons)
//! for each output that interprets characters: one terminal or log line, and Markdown.
//!
//! A file name with a newline must not start a new line of a CI log, where a line beginning
//! `::error file=...` is a GitHub Actions workflow command; backticks, brackets and HTML in a
//! commit subject must not turn into links, images or markup in a job summary or the HTML
//! dossier. JSON and SARIF need nothing here: serde escapes them.

use std::fmt::Write;

/// Characters shown as escapes on a line: control characters (C0, DEL, C1), Unicode line and
/// paragraph separators, and bidirectional overrides (which can make a log line read as another).
fn shown_escaped(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text for one line of a terminal report or of standard error: every control character
/// written as an escape (`\n`, `\u{1b}`), and a leading `::` (what a workflow command starts
/// with, after any blanks) broken as `\:\:`, so the text can neither end its line nor open one.
pub fn line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let blanks = text.len() - text.trim_start_matches([' ', '\t']).len();
    if text[blanks..].starts_with("::") {
        out.push_str(&text[..blanks].replace('\t', "\\t"));
        out.push_str("\\:\\:");
        escape_controls(&text[blanks + 2..], &mut out);
    } else {
        escape_controls(text, &mut out);
    }
    out
}

fn escape_controls(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if shown_escaped(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Markdown prose (a table cell or a list item): control characters as in [`line`], HTML's
/// `&`, `<` and `>` as entities, and the punctuation that GitHub's Markdown reads inside a
/// line (emphasis, links, images, code, table cells, strikethrough, math) backslash-escaped.
pub fn markdown_text(text: &str) -> String {
    escaped(text, |c, out| match c {
        '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '|' | '#' | '~' | '$' => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    })
}

/// `text` as in [`line`], with HTML's `&`, `<` and `>` as entities and every other character
/// written by `other`.
fn escaped(text: &str, other: impl Fn(char, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    for c in line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => other(c, &mut out),
        }
    }
    out
}

/// A Markdown code span that shows `text` literally, whatever backticks it holds: delimited by
/// one backtick more than its longest run, padded with a space when it starts or ends with a
/// backtick. For a table cell, `|` is escaped too (GitHub splits cells before reading spans).
pub fn markdown_code(text: &str, in_table: bool) -> String {
    let text = line(text);
    let text = if in_table {
        text.replace('|', "\\|")
    } else {
        text
    };
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// HTML text or attribute value: control characters as in [`line`], and `&`, `<`, `>`, `"`,
/// `'` as entities, so repository text can open no element and end no attribute.
pub fn html(text: &str) -> String {
    escaped(text, |c, out| match c {
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_text_opens_no_element() {
        assert_eq!(
            html("<script>\"a\"&'b'\n"),
            "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;\\n"
        );
    }

    use super::*;

    #[test]
    fn a_line_cannot_be_ended_or_start_a_workflow_command() {
        assert_eq!(
            line("docs/a\n::error file=x::owned"),
            "docs/a\\n::error file=x::owned"
        );
        assert_eq!(line("::warning::x"), "\\:\\:warning::x");
        assert_eq!(line("  ::warning::x"), "  \\:\\:warning::x");
        assert_eq!(line("a\r\u{1b}[31m\u{202e}b"), "a\\r\\u{1b}[31m\\u{202e}b");
        assert_eq!(line("src/대응.md"), "src/대응.md");
    }

    #[test]
    fn markdown_text_stays_text() {
        assert_eq!(
            markdown_text("![x](https://e/i.png) <img src=x>"),
            "\\!\\[x\\]\\(https://e/i.png\\) &lt;img src=x&gt;"
        );
        assert_eq!(markdown_text("a|b\nc"), "a\\|b\\\\nc");
    }

    #[test]
    fn code_spans_outrun_every_backtick_run() {
        assert_eq!(markdown_code("a.md", false), "`a.md`");
        assert_eq!(markdown_code("a``b`.md", false), "```a``b`.md```");
        assert_eq!(markdown_code("`x", false), "`` `x ``");
        assert_eq!(markdown_code("a|b", true), "`a\\|b`");
        assert_eq!(markdown_code("a\nb", true), "`a\\nb`");
    }
}
