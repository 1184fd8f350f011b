//! YAML evidence parsed only after its nesting is checked ([`crate::nesting`]): every extractor
//! that reads YAML (front matter, lockfiles, risk files, the evidence index) goes through
//! [`from_str`], so no YAML file reaches the parser nested deeper than real evidence is.

use serde::de::DeserializeOwned;

/// `text` parsed as YAML into `T`; the error is the reason alone (callers say what the file was).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    if let Some((line, why)) = crate::nesting::yaml_depth_problem(text) {
        return Err(format!("{why} (line {line})"));
    }
    yaml_serde::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn deep_yaml_is_refused_before_parsing() {
        let deep = format!("a: {}", "[".repeat(200_000));
        let err = super::from_str::<Value>(&deep).unwrap_err();
        assert!(err.contains("deeper than 64"), "{err}");
        assert_eq!(
            super::from_str::<Value>("a: [1, {b: 2}]").unwrap(),
            serde_json::json!({"a": [1, {"b": 2}]})
        );
    }
}
