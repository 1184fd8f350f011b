//! Finds the `# METADATA` comment block atop a policy and gives it back as YAML. Shared with
//! `build.rs` (included there by path), which converts the built-in policies' blocks to JSON at
//! build time, so both read exactly the same block.

/// The METADATA block of a Rego source before its `package` line, without the comment marks
/// (`# ` or `#`), and the 1-based line of its `# METADATA` marker; `None` when there is none.
pub(crate) fn metadata_yaml(text: &str) -> Option<(usize, String)> {
    let mut yaml = String::new();
    let mut start = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with("package ") {
            break;
        }
        if start.is_none() {
            if t == "# METADATA" {
                start = Some(i + 1);
            }
            continue;
        }
        let Some(comment) = t.strip_prefix('#') else {
            break;
        };
        yaml.push_str(comment.strip_prefix(' ').unwrap_or(comment));
        yaml.push('\n');
    }
    Some((start?, yaml))
}
