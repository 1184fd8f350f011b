//! What other files say about model artifacts: which model card covers which artifact, and the
//! SHA-256 values that cards and hash manifests (`SHA256SUMS`, `*.sha256`, sha256sum format)
//! record for them. These claims decide whether an artifact needs hashing at all.

use super::artifacts::{Artifact, RecordedHash, join};
use super::cards::ModelCard;
use std::collections::BTreeMap;

/// Parses sha256sum output (`<hex>  <path>` or `<hex> *<path>`), paths relative to the file.
pub(super) fn parse_sha256sums(manifest_path: &str, text: &str) -> Vec<(String, String)> {
    let dir = manifest_path.rsplit_once('/').map_or("", |(d, _)| d);
    text.lines()
        .filter_map(|line| {
            let (hex, rest) = line.trim().split_once(char::is_whitespace)?;
            let name = rest.trim_start().trim_start_matches('*');
            let ok = hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit());
            (ok && !name.is_empty()).then(|| (join(dir, name), hex.to_ascii_lowercase()))
        })
        .collect()
}

/// Which artifacts each card covers: the one it names, else (Markdown cards) every artifact in its
/// folder, else (BOM cards) artifacts whose file stem is the component name or whose SHA-256 is
/// the component's hash.
pub(super) fn link_cards(cards: &mut [ModelCard], artifacts: &[Artifact]) {
    for card in cards.iter_mut() {
        let dir = card.path.rsplit_once('/').map_or("", |(d, _)| d);
        let mut covers: Vec<String> = artifacts
            .iter()
            .filter(|a| covered(card, dir, a))
            .map(|a| a.path.clone())
            .collect();
        covers.sort();
        card.covers = covers;
    }
}

fn covered(card: &ModelCard, dir: &str, a: &Artifact) -> bool {
    let names = a.names();
    if let Some(claimed) = &card.artifact {
        return names.contains(&claimed.as_str());
    }
    if card.source == "markdown" {
        return names
            .iter()
            .any(|n| n.rsplit_once('/').map_or("", |(d, _)| d) == dir);
    }
    let stem = |p: &str| {
        let file = p.rsplit('/').next().unwrap_or(p);
        file.split('.').next().unwrap_or(file).to_lowercase()
    };
    let by_name = card
        .name
        .as_ref()
        .is_some_and(|n| names.iter().any(|p| stem(p) == n.to_lowercase()));
    let by_hash = card.artifact_sha256.is_some() && card.artifact_sha256 == a.sha256;
    by_name || by_hash
}

/// Attaches to each artifact the hashes recorded for it: by a card that covers only it, or by a
/// manifest line naming one of its paths.
pub(super) fn attach_recorded_hashes(
    artifacts: &mut [Artifact],
    cards: &[ModelCard],
    manifests: &BTreeMap<String, Vec<(String, String)>>,
) {
    for a in artifacts.iter_mut() {
        let mut recorded: Vec<RecordedHash> = cards
            .iter()
            .filter(|c| c.covers.len() == 1 && c.covers[0] == a.path)
            .filter_map(|c| {
                Some(RecordedHash {
                    source: c.path.clone(),
                    sha256: c.artifact_sha256.clone()?,
                })
            })
            .collect();
        let names = a.names();
        for (source, lines) in manifests {
            recorded.extend(
                lines
                    .iter()
                    .filter(|(p, _)| names.contains(&p.as_str()))
                    .map(|(_, h)| RecordedHash {
                        source: source.clone(),
                        sha256: h.clone(),
                    }),
            );
        }
        recorded.sort_by(|x, y| (&x.source, &x.sha256).cmp(&(&y.source, &y.sha256)));
        recorded.dedup();
        a.recorded_sha256 = recorded;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256sums_paths_are_relative_to_the_manifest() {
        let hex = "a".repeat(64);
        let lines = parse_sha256sums(
            "models/SHA256SUMS",
            &format!("{hex}  cxr.onnx\n{hex} *sub/x.pt\nnot a line\n"),
        );
        assert_eq!(lines[0].0, "models/cxr.onnx");
        assert_eq!(lines[1].0, "models/sub/x.pt");
        assert_eq!(lines.len(), 2);
    }
}
