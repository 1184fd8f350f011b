//! The product profile from the config, as written, plus what only the repository can tell about
//! it: how many files each software system's path globs match.

use super::extractor::compile_globs;
use super::{Context, Extractor};
use serde_json::{Value, json};

pub(super) struct ProfileExtractor;

impl Extractor for ProfileExtractor {
    fn key(&self) -> &'static str {
        "profile"
    }

    fn collect(&self, ctx: &Context) -> Value {
        let Some(product) = &ctx.config.config.product else {
            return Value::Null;
        };
        let mut value = serde_json::to_value(product).unwrap_or(Value::Null);
        let systems = product.software_systems.as_deref().unwrap_or_default();
        if let Some(list) = value
            .get_mut("software_systems")
            .and_then(Value::as_array_mut)
        {
            for (item, system) in list.iter_mut().zip(systems) {
                let globs = system.paths.clone().unwrap_or_default();
                let set = compile_globs(&globs);
                let count = ctx
                    .source
                    .inventory()
                    .files()
                    .filter(|e| set.is_match(&e.path))
                    .count();
                if let Some(o) = item.as_object_mut() {
                    o.insert("matched_files".into(), json!(count));
                }
            }
        }
        value
    }
}
