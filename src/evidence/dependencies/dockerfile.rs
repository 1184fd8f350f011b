//! Container base images: the `FROM` lines of Dockerfiles and Containerfiles, and whether each
//! pins its image by digest (`@sha256:...`), for MFDS-SWL-008. `scratch` and references to an
//! earlier build stage are not images; `${VAR}` is resolved from `ARG` defaults where it can be.

use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Serialize, PartialEq)]
pub(super) struct BaseImage {
    pub path: String,
    pub line: usize,
    pub image: String,
    pub pinned: bool,
}

/// Logical lines (continuations joined), each with the number of its first physical line.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    let mut current: Option<(usize, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let (start, mut acc) = current.take().unwrap_or((i + 1, String::new()));
        match line.trim_end().strip_suffix('\\') {
            Some(head) => {
                acc.push_str(head);
                acc.push(' ');
                current = Some((start, acc));
            }
            None => {
                acc.push_str(line);
                out.push((start, acc));
            }
        }
    }
    out.extend(current);
    out
}

fn substitute(image: &str, args: &HashMap<String, String>) -> String {
    let mut out = image.to_string();
    for (k, v) in args {
        out = out
            .replace(&format!("${{{k}}}"), v)
            .replace(&format!("${k}"), v);
    }
    out
}

pub(super) fn base_images(path: &str, text: &str) -> Vec<BaseImage> {
    let mut args: HashMap<String, String> = HashMap::new();
    let mut stages: Vec<String> = vec![];
    let mut out = vec![];
    for (line, content) in logical_lines(text) {
        let words: Vec<&str> = content.split_whitespace().collect();
        let Some(instruction) = words.first() else {
            continue;
        };
        match instruction.to_ascii_uppercase().as_str() {
            "ARG" => {
                for w in &words[1..] {
                    if let Some((k, v)) = w.split_once('=') {
                        args.insert(k.to_string(), v.trim_matches('"').to_string());
                    }
                }
            }
            "FROM" => {
                let rest: Vec<&str> = words[1..]
                    .iter()
                    .copied()
                    .filter(|w| !w.starts_with("--"))
                    .collect();
                let Some(image) = rest.first() else { continue };
                let image = substitute(image, &args);
                let is_stage = stages.contains(&image.to_ascii_lowercase());
                if let [_, as_kw, alias, ..] = rest.as_slice()
                    && as_kw.eq_ignore_ascii_case("as")
                {
                    stages.push(alias.to_ascii_lowercase());
                }
                if image.eq_ignore_ascii_case("scratch") || is_stage {
                    continue;
                }
                let pinned = image.contains("@sha256:") && !image.contains('$');
                out.push(BaseImage {
                    path: path.to_string(),
                    line,
                    image,
                    pinned,
                });
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_lines_stages_args_and_digests() {
        let text = "ARG PY=3.12\nFROM --platform=$BUILDPLATFORM python:${PY}-slim AS build\nRUN make\nFROM build AS test\nFROM \\\n  gcr.io/distroless/python3@sha256:abc123\nFROM scratch\n";
        let imgs = base_images("Dockerfile", text);
        let show: Vec<(usize, &str, bool)> = imgs
            .iter()
            .map(|b| (b.line, b.image.as_str(), b.pinned))
            .collect();
        assert_eq!(
            show,
            [
                (2, "python:3.12-slim", false),
                (5, "gcr.io/distroless/python3@sha256:abc123", true)
            ]
        );
    }
}
