//! Model artifacts: weight files, MLflow `MLmodel` files, Git LFS pointers and DVC files.
//!
//! Weights are never read. A file small enough to be a Git LFS pointer has its first bytes
//! checked for the pointer format (whose `oid sha256:` is the content hash, for free); DVC files
//! are YAML whose `outs` name the tracked files with their md5. Everything else is recorded by
//! path, size and git blob id; a SHA-256 is added later only when a card or manifest claims one.

use super::super::Context;
use super::super::extractor::extension;
use serde::Serialize;
use serde_json::Value;

/// Git LFS pointer files are under 200 bytes; the spec caps them at 1024.
const LFS_POINTER_MAX: u64 = 1024;
const LFS_SPEC: &str = "version https://git-lfs.github.com/spec/v1";

#[derive(Debug, Serialize, Clone, PartialEq)]
pub(super) struct LfsPointer {
    pub oid: String,
    pub size: u64,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub(super) struct DvcOutput {
    /// Repository-relative path of the tracked file.
    pub path: String,
    pub md5: Option<String>,
    pub size: Option<u64>,
}

#[derive(Debug, Serialize, Clone)]
pub(super) struct Artifact {
    pub path: String,
    /// `onnx`, `pt`, `safetensors`, ..., `mlflow`, `dvc`.
    pub format: String,
    /// `git` (the file itself is committed), `lfs-pointer`, `dvc` or `mlflow`.
    pub storage: &'static str,
    pub size: Option<u64>,
    pub git_blob: Option<String>,
    pub lfs: Option<LfsPointer>,
    pub dvc_outputs: Vec<DvcOutput>,
    /// Known without reading weights (LFS) or computed because a policy needs it.
    pub sha256: Option<String>,
    /// `lfs-pointer` or `computed`.
    pub sha256_source: Option<&'static str>,
    /// SHA-256 values that model cards or hash manifests record for this artifact.
    pub recorded_sha256: Vec<RecordedHash>,
    /// A model the product ships: listed in `product.ai.models`, or any model when none are listed.
    pub deployed: bool,
    pub error: Option<String>,
}

/// A SHA-256 some file records for an artifact.
#[derive(Debug, Serialize, Clone, PartialEq)]
pub(super) struct RecordedHash {
    pub source: String,
    pub sha256: String,
}

impl Artifact {
    /// The paths this record stands for: itself, and for DVC files the files they track.
    pub(super) fn names(&self) -> Vec<&str> {
        let mut v = vec![self.path.as_str()];
        v.extend(self.dvc_outputs.iter().map(|o| o.path.as_str()));
        v
    }
}

/// Reads one artifact's metadata (never its weights).
pub(super) fn describe(ctx: &Context, path: &str) -> Artifact {
    let entry = ctx.source.inventory().get(path);
    let mut a = Artifact {
        path: path.to_string(),
        format: format_of(path),
        storage: "git",
        size: entry.and_then(|e| e.size),
        git_blob: entry.and_then(|e| e.blob).map(|b| b.to_string()),
        lfs: None,
        dvc_outputs: vec![],
        sha256: None,
        sha256_source: None,
        recorded_sha256: vec![],
        deployed: false,
        error: None,
    };
    match a.format.as_str() {
        "dvc" => read_dvc(ctx, &mut a),
        "mlflow" => a.storage = "mlflow",
        _ if a.size.is_some_and(|s| s <= LFS_POINTER_MAX) => read_lfs(ctx, &mut a),
        _ => {}
    }
    a
}

fn format_of(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "MLmodel" {
        return "mlflow".into();
    }
    if name == "dvc.lock" {
        return "dvc".into();
    }
    extension(path)
}

fn read_lfs(ctx: &Context, a: &mut Artifact) {
    let Ok(head) = ctx.source.read_head(&a.path, LFS_POINTER_MAX as usize) else {
        return;
    };
    if let Some(pointer) = parse_lfs_pointer(&head) {
        a.storage = "lfs-pointer";
        a.sha256 = Some(pointer.oid.clone());
        a.sha256_source = Some("lfs-pointer");
        a.lfs = Some(pointer);
    }
}

/// Parses a Git LFS pointer file (`version`, `oid sha256:<hex>`, `size <n>`).
pub(super) fn parse_lfs_pointer(bytes: &[u8]) -> Option<LfsPointer> {
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.starts_with(LFS_SPEC) {
        return None;
    }
    let mut oid = None;
    let mut size = None;
    for line in text.lines() {
        if let Some(hex) = line.strip_prefix("oid sha256:") {
            let hex = hex.trim();
            if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                oid = Some(hex.to_ascii_lowercase());
            }
        } else if let Some(n) = line.strip_prefix("size ") {
            size = n.trim().parse().ok();
        }
    }
    Some(LfsPointer {
        oid: oid?,
        size: size?,
    })
}

fn read_dvc(ctx: &Context, a: &mut Artifact) {
    a.storage = "dvc";
    let Some(text) = ctx.read_text(&a.path) else {
        a.error = Some("could not be read (see diagnostics)".into());
        return;
    };
    match crate::evidence::read::yaml::from_str::<Value>(&text) {
        Ok(v) => a.dvc_outputs = dvc_outputs(&a.path, &v),
        Err(e) => {
            let msg = format!("DVC file is not valid YAML: {e}");
            ctx.diagnose(&a.path, &msg);
            a.error = Some(msg);
        }
    }
}

/// The `outs` of a `.dvc` file, or of every stage of a `dvc.lock`, as repository paths.
pub(super) fn dvc_outputs(dvc_path: &str, doc: &Value) -> Vec<DvcOutput> {
    let dir = dvc_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut lists: Vec<&Value> = doc.get("outs").into_iter().collect();
    if let Some(stages) = doc.get("stages").and_then(Value::as_object) {
        lists.extend(stages.values().filter_map(|s| s.get("outs")));
    }
    let mut out: Vec<DvcOutput> = lists
        .into_iter()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|o| {
            let rel = o.get("path")?.as_str()?;
            Some(DvcOutput {
                path: join(dir, rel),
                md5: o.get("md5").and_then(Value::as_str).map(str::to_string),
                size: o.get("size").and_then(Value::as_u64),
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}

/// Joins a repository directory and a relative path, resolving `./` and `../`.
pub(super) fn join(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OID: &str = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";

    #[test]
    fn parses_lfs_pointer() {
        let text = format!("{LFS_SPEC}\noid sha256:{OID}\nsize 12345\n");
        let p = parse_lfs_pointer(text.as_bytes()).unwrap();
        assert_eq!((p.oid.as_str(), p.size), (OID, 12345));
    }

    #[test]
    fn binary_or_incomplete_is_not_a_pointer() {
        assert!(parse_lfs_pointer(b"\x08\x01ONNX").is_none());
        assert!(parse_lfs_pointer(format!("{LFS_SPEC}\nsize 3\n").as_bytes()).is_none());
        assert!(
            parse_lfs_pointer(format!("{LFS_SPEC}\noid sha256:abc\nsize 3\n").as_bytes()).is_none()
        );
    }

    #[test]
    fn dvc_outs_are_repository_paths() {
        let doc: Value = crate::evidence::read::yaml::from_str(
            "outs:\n- md5: a1b2\n  size: 10\n  path: cxr.onnx\n",
        )
        .unwrap();
        let outs = dvc_outputs("models/cxr.onnx.dvc", &doc);
        assert_eq!(outs[0].path, "models/cxr.onnx");
        assert_eq!(outs[0].md5.as_deref(), Some("a1b2"));
        let lock: Value = crate::evidence::read::yaml::from_str(
            "schema: '2.0'\nstages:\n  train:\n    outs:\n    - path: ../models/m.pt\n      md5: ff\n",
        )
        .unwrap();
        assert_eq!(dvc_outputs("pipe/dvc.lock", &lock)[0].path, "models/m.pt");
    }
}
