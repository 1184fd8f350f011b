//! Index pages (`index.md`, `README.md` of a folder, `0-sop.md`, `_index.md`) whose sections
//! continue in the pages they link to: the linked pages' headings and text count as the index
//! document's own. Only relative links to Markdown files inside the repository are followed,
//! breadth first, at most `MAX_DEPTH` links deep and `MAX_PAGES` pages in all.

use crate::evidence::Context;
use crate::evidence::read::headings::{Heading, sections_of, split_front_matter};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// How many links deep, and how many pages in all, an index page's content is followed; the
/// existing pages it leads to beyond either bound are named in a diagnostic.
const MAX_DEPTH: usize = 2;
const MAX_PAGES: usize = 40;

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\(\s*<?([^)#\s>]+\.(?:md|markdown))(?:#[^)\s]*)?>?\s*\)")
        .expect("a fixed pattern compiles")
});

/// True for the file names index pages have.
pub(super) fn is_index_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    matches!(
        name.as_str(),
        "index.md" | "readme.md" | "_index.md" | "overview.md"
    ) || name.starts_with("0-")
        || name.starts_with("00-")
        || name.starts_with("00_")
}

/// The pages an index page leads to, with their headings (their `line` is the line in the linked
/// page) and text, in the order first reached.
pub(super) fn linked_pages(
    ctx: &Context,
    path: &str,
    text: &str,
) -> Vec<(String, Vec<Heading>, String)> {
    let mut seen: BTreeSet<String> = BTreeSet::from([path.to_string()]);
    let mut frontier = vec![(path.to_string(), text.to_string())];
    let mut out = Vec::new();
    let mut left_out = BTreeSet::new();
    for depth in 0..=MAX_DEPTH {
        let mut next = Vec::new();
        for (from, body) in &frontier {
            for target in relative_links(from, body) {
                if seen.contains(&target) || !ctx.source.inventory().is_file(&target) {
                    continue;
                }
                if depth == MAX_DEPTH || out.len() >= MAX_PAGES {
                    left_out.insert(target);
                    continue;
                }
                seen.insert(target.clone());
                let Some(page) = ctx.read_text(&target) else {
                    continue;
                };
                let (_, start) = split_front_matter(&page);
                out.push((
                    target.clone(),
                    sections_of("markdown", &page, start),
                    page.clone(),
                ));
                next.push((target, page));
            }
        }
        frontier = next;
    }
    if !left_out.is_empty() {
        ctx.diagnose(
            path,
            format!(
                "{} of the pages this index page leads to lie past its bounds (at most \
                 {MAX_PAGES} pages, {MAX_DEPTH} links deep) and are not judged as its content: {}",
                left_out.len(),
                left_out.into_iter().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    out
}

/// Repository paths of the relative Markdown links in `text` of the page at `from`.
fn relative_links(from: &str, text: &str) -> Vec<String> {
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    LINK.captures_iter(text)
        .filter_map(|c| {
            let target = c.get(1)?.as_str();
            if target.contains("://") || target.starts_with('/') {
                return None;
            }
            resolve(dir, target)
        })
        .collect()
}

/// `dir` joined with `target`, `.` and `..` resolved; `None` when it leaves the repository.
fn resolve(dir: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_inside_the_repository_only() {
        let text = "- [Scope](scope.md)\n- [Roles](./team/roles.md#lead)\n- [Up](../x.md)\n- [Web](https://e.com/a.md)\n- [Out](../../../etc.md)\n";
        assert_eq!(
            relative_links("docs/sdp/index.md", text),
            ["docs/sdp/scope.md", "docs/sdp/team/roles.md", "docs/x.md"]
        );
        assert!(is_index_page("docs/sop/0-sop.md"));
        assert!(is_index_page("docs/sdp/README.md"));
        assert!(!is_index_page("docs/sdp/plan.md"));
    }
}
