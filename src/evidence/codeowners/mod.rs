//! The code owners file (GitHub and GitLab `CODEOWNERS`): who must review a change. Recorded as
//! its rules (pattern, owners, line) and, for each safety-critical and risk file of the
//! inventory, the owners the file gets, so MFDS-CHG-004 can tell which of them a change could
//! reach without a required reviewer.
//!
//! Patterns follow the platforms' gitignore-style rules: a leading or inner `/` anchors a pattern
//! at the root, otherwise it matches at any depth; a pattern matching a folder owns everything
//! below it, except `folder/*`, which owns only the folder's own files; the last matching line
//! wins, and a line with no owners leaves its files unowned. GitLab section headers
//! (`[Section] @owners`) give their default owners to the section's lines that name none. Lines
//! the platforms reject (`!` negation, `[ ]` ranges, owners that are not `@user`, `@org/team` or
//! an e-mail address) are skipped with a diagnostic naming the line.

use super::history::AreaMatcher;
use super::{Context, Extractor};
use globset::{GlobBuilder, GlobMatcher};
use serde::Serialize;
use serde_json::{Value, json};

/// Where GitHub and GitLab look for the file, in GitHub's order of precedence.
const LOCATIONS: &[&str] = &[
    ".github/CODEOWNERS",
    "CODEOWNERS",
    "docs/CODEOWNERS",
    ".gitlab/CODEOWNERS",
];

pub(super) struct CodeownersExtractor;

impl Extractor for CodeownersExtractor {
    fn key(&self) -> &'static str {
        "codeowners"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let inventory = ctx.source.inventory();
        let path = LOCATIONS.iter().find(|p| inventory.is_file(p)).copied();
        let text = path.and_then(|p| ctx.read_text(p));
        let rules = match (path, &text) {
            (Some(p), Some(t)) => parse_rules(t, |line, why| {
                ctx.diagnose(p, format!("line {line}: {why}"));
            }),
            _ => vec![],
        };
        json!({
            "path": path,
            "parsed": text.is_some(),
            "rules": rules,
            "files": owned_files(ctx, &rules),
        })
    }
}

/// One line of the file that assigns owners.
#[derive(Debug, Serialize)]
pub(crate) struct OwnerRule {
    pattern: String,
    owners: Vec<String>,
    line: usize,
    #[serde(skip)]
    matcher: PatternMatcher,
}

/// Whether a pattern covers a path, by the platforms' rules.
#[derive(Debug)]
struct PatternMatcher {
    glob: GlobMatcher,
    /// `folder/`: only what is below a folder matches, never a file of that name.
    folders_only: bool,
    /// `folder/*`: the folder's own files, not those of its subfolders.
    direct_children_only: bool,
}

impl PatternMatcher {
    fn new(pattern: &str) -> Result<PatternMatcher, String> {
        let folders_only = pattern.ends_with('/');
        let trimmed = pattern.trim_end_matches('/');
        let anchored = trimmed.contains('/');
        let relative = trimmed.trim_start_matches('/');
        let glob = if anchored {
            relative.to_string()
        } else {
            format!("**/{relative}")
        };
        let glob = GlobBuilder::new(&glob)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("invalid pattern `{pattern}`: {e}"))?;
        Ok(PatternMatcher {
            glob: glob.compile_matcher(),
            folders_only,
            direct_children_only: trimmed.ends_with("/*"),
        })
    }

    fn matches(&self, path: &str) -> bool {
        if !self.folders_only && self.glob.is_match(path) {
            return true;
        }
        !self.direct_children_only && folders_of(path).any(|dir| self.glob.is_match(dir))
    }
}

/// The folders a path lies in, outermost first: `a/b/c.py` -> `a`, `a/b`.
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// The rules of a CODEOWNERS text; `reject(line, why)` is told of each line that is skipped.
/// The extractor and the fuzz targets enter here.
pub(crate) fn parse_rules(text: &str, mut reject: impl FnMut(usize, String)) -> Vec<OwnerRule> {
    let mut rules = vec![];
    let mut section_owners: Vec<String> = vec![];
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = strip_comment(raw).trim();
        if content.is_empty() {
            continue;
        }
        if let Some(defaults) = gitlab_section_owners(content) {
            section_owners = defaults;
            continue;
        }
        match parse_rule(content, line, &section_owners) {
            Ok(rule) => rules.push(rule),
            Err(why) => reject(line, why),
        }
    }
    rules
}

/// The line without its comment: a `#` at the start or after whitespace (`\#` escapes it).
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let start = (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()));
    start.map_or(line, |i| &line[..i])
}

/// `[Section]`, `^[Optional section][2] @owner`: the section's default owners.
fn gitlab_section_owners(content: &str) -> Option<Vec<String>> {
    let header = content
        .strip_prefix('^')
        .unwrap_or(content)
        .strip_prefix('[')?;
    let (_, rest) = header.split_once(']')?;
    let rest = rest.trim_start();
    let owners = match rest.strip_prefix('[') {
        Some(approvals) => approvals.split_once(']').map_or("", |(_, o)| o),
        None => rest,
    };
    Some(owners.split_whitespace().map(str::to_string).collect())
}

fn parse_rule(content: &str, line: usize, section_owners: &[String]) -> Result<OwnerRule, String> {
    let mut words = content.split_whitespace();
    let written = words.next().unwrap_or_default();
    if written.starts_with('!') {
        return Err(format!("`{written}`: negated patterns are not supported"));
    }
    if written.contains('[') {
        return Err(format!("`{written}`: character ranges are not supported"));
    }
    let pattern = written.strip_prefix('\\').unwrap_or(written).to_string();
    let mut owners: Vec<String> = words.map(str::to_string).collect();
    if let Some(bad) = owners.iter().find(|o| !is_owner(o)) {
        return Err(format!(
            "`{bad}` is not an owner (@user, @org/team or an e-mail address)"
        ));
    }
    if owners.is_empty() {
        owners = section_owners.to_vec();
    }
    let matcher = PatternMatcher::new(&pattern)?;
    Ok(OwnerRule {
        pattern,
        owners,
        line,
        matcher,
    })
}

fn is_owner(word: &str) -> bool {
    match word.split_once('@') {
        Some(("", name)) => !name.is_empty() && !name.contains('@'),
        Some((user, domain)) => !user.is_empty() && domain.contains('.'),
        None => false,
    }
}

/// Each safety-critical or risk file of the inventory, with the owners and line of the last
/// rule matching it (none: no owner).
fn owned_files(ctx: &Context, rules: &[OwnerRule]) -> Vec<Value> {
    let areas = AreaMatcher::new(ctx.config);
    ctx.source
        .inventory()
        .files()
        .filter_map(|entry| {
            let needs_owner = areas.owner_required_areas(&entry.path);
            if needs_owner.is_empty() {
                return None;
            }
            let rule = rules.iter().rev().find(|r| r.matcher.matches(&entry.path));
            Some(json!({
                "path": entry.path,
                "areas": needs_owner,
                "owners": rule.map(|r| r.owners.clone()).unwrap_or_default(),
                "line": rule.map(|r| r.line),
            }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> (Vec<OwnerRule>, Vec<(usize, String)>) {
        let mut rejected = vec![];
        let rules = parse_rules(text, |line, why| rejected.push((line, why)));
        (rules, rejected)
    }

    fn owner_of<'a>(rules: &'a [OwnerRule], path: &str) -> Option<&'a [String]> {
        let rule = rules.iter().rev().find(|r| r.matcher.matches(path))?;
        Some(&rule.owners)
    }

    #[test]
    fn the_last_matching_line_wins_and_no_owners_removes_ownership() {
        let text = "# owners\n* @org/all\nsrc/alarm/ @org/safety\nsrc/alarm/generated.py\n";
        let (rules, rejected) = rules(text);
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(owner_of(&rules, "README.md").unwrap(), ["@org/all"]);
        assert_eq!(owner_of(&rules, "src/alarm/t.py").unwrap(), ["@org/safety"]);
        assert!(
            owner_of(&rules, "src/alarm/generated.py")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn patterns_anchor_and_match_folders_like_gitignore() {
        let (rules, _) = rules("docs/* @docs\napps/ @apps\n/build/logs/ @logs\n*.js @js\n");
        assert_eq!(owner_of(&rules, "docs/a.md").unwrap(), ["@docs"]);
        assert!(owner_of(&rules, "docs/sub/a.md").is_none());
        assert_eq!(owner_of(&rules, "x/apps/y/z.txt").unwrap(), ["@apps"]);
        assert!(owner_of(&rules, "apps").is_none());
        assert_eq!(owner_of(&rules, "build/logs/a/b.txt").unwrap(), ["@logs"]);
        assert!(owner_of(&rules, "x/build/logs/b.txt").is_none());
        assert_eq!(owner_of(&rules, "web/app.js").unwrap(), ["@js"]);
    }

    #[test]
    fn bad_lines_are_rejected_with_their_line() {
        let (rules, rejected) =
            rules("!src/x @a\nsrc/[ab].py @a\nsrc/ someone\nsrc/ a@b.io # ok\n");
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].owners, ["a@b.io"]);
        let lines: Vec<usize> = rejected.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 3]);
    }

    #[test]
    fn gitlab_sections_give_default_owners() {
        let (rules, rejected) = rules("[Safety][2] @qa @ra\nsrc/alarm/\n^[Docs]\ndocs/ @writer\n");
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(owner_of(&rules, "src/alarm/t.py").unwrap(), ["@qa", "@ra"]);
        assert_eq!(owner_of(&rules, "docs/a.md").unwrap(), ["@writer"]);
    }
}
