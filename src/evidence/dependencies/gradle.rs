//! Gradle's `gradle.lockfile`: one `group:artifact:version=configurations` line per module.
//! Maven coordinates keep their group (`org.slf4j:slf4j-api`), matched against a purl's
//! `org.slf4j/slf4j-api`.

use super::package::{Ecosystem, Package};

pub(super) fn parse_lock(text: &str) -> Result<Vec<Package>, String> {
    let mut out = vec![];
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with("empty=") {
            continue;
        }
        let coords = line.split('=').next().unwrap_or(line);
        match coords.rsplit_once(':') {
            Some((name, version)) if name.contains(':') => {
                out.push(Package::new(Ecosystem::Maven, name, version))
            }
            _ => return Err(format!("not a `group:artifact:version=...` line: {line}")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_coordinates() {
        let text = "# Gradle lockfile\norg.slf4j:slf4j-api:2.0.9=compileClasspath,runtimeClasspath\nempty=annotationProcessor\n";
        let p = parse_lock(text).unwrap();
        assert_eq!(
            (p[0].name.as_str(), p[0].version.as_str()),
            ("org.slf4j:slf4j-api", "2.0.9")
        );
        assert!(parse_lock("garbage").is_err());
    }
}
