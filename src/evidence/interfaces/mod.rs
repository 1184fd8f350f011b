//! The last change to the product's interface and communication code, so MFDS-CYB-007 can tell a
//! threat model written before the attack surface last moved.
//!
//! Interface code is a file kind (`evidence.interface_code`, default globs for sockets, HTTP,
//! Bluetooth, MQTT, gRPC and API definitions), so a team states what its interfaces are. The last
//! change is the newest of the interface files' last changes ([`last_changes`]: the commit on the
//! first-parent line that introduced each file's scanned content), so the lookup is bounded by the
//! interface files, not by the history: with no interface file in the scanned tree there is no
//! attack surface to date and nothing is walked. A removed interface file does not count (it
//! shrinks the attack surface). Without git history the value says it was not evaluated.

use super::extractor::FileKind;
use super::read::path_history::last_changes;
use super::{Context, Extractor};
use serde_json::{Value, json};

pub(super) struct InterfaceExtractor;

const KINDS: &[FileKind] = &[FileKind {
    name: "interface_code",
    globs: &[
        "*socket*",
        "*bluetooth*",
        "*http*",
        "*mqtt*",
        "*grpc*",
        "*.proto",
        "openapi*.yaml",
        "openapi*.json",
        "*swagger*",
        "**/api/**",
    ],
    sniffer: None,
}];

impl Extractor for InterfaceExtractor {
    fn key(&self) -> &'static str {
        "interface_changes"
    }

    fn kinds(&self) -> &'static [FileKind] {
        KINDS
    }

    fn collect(&self, ctx: &Context) -> Value {
        let files = ctx.files("interface_code");
        if ctx.git.is_none() || ctx.tip().is_none() {
            return json!({"evaluated": false, "files": files.len(), "last_change": null});
        }
        let changes = last_changes(ctx, files.iter().map(String::as_str));
        let last = changes
            .into_iter()
            .max_by(|(a_path, a), (b_path, b)| a.time.cmp(&b.time).then(b_path.cmp(a_path)))
            .and_then(|(path, commit)| {
                let mut value = serde_json::to_value(commit).ok()?;
                value["path"] = json!(path);
                Some(value)
            });
        json!({"evaluated": true, "files": files.len(), "last_change": last})
    }
}
