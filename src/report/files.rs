//! `--report FORMAT=FILE`: more reports from the same scan.
//!
//! CI wants several views of one result (SARIF for code scanning, Markdown for the job summary,
//! JSON for its own bookkeeping). Scanning once and rendering each view from the same
//! [`ScanReport`] keeps them consistent and costs one history walk instead of three.

use crate::report::html::DossierFacts;
use crate::report::view::ReportView;
use crate::report::{Format, ScanReport, render};
use clap::ValueEnum;
use std::path::PathBuf;

/// One extra report: its format and the file it is written to.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFile {
    pub format: Format,
    pub path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportFileError {
    #[error("{path}: cannot write report")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// Parses `FORMAT=FILE` (clap value parser).
pub fn parse_report_file(text: &str) -> Result<ReportFile, String> {
    let Some((name, path)) = text.split_once('=') else {
        return Err(format!("expected FORMAT=FILE, got `{text}`"));
    };
    let format = Format::from_str(name, true).map_err(|_| {
        let known: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!(
            "unknown format `{name}`, expected one of: {}",
            known.join(", ")
        )
    })?;
    if path.is_empty() {
        return Err(format!("no file after `{name}=`"));
    }
    Ok(ReportFile {
        format,
        path: PathBuf::from(path),
    })
}

/// Writes every extra report (never coloured).
pub fn write_report_files(
    report: &ScanReport,
    files: &[ReportFile],
    view: &ReportView,
    dossier: &DossierFacts,
) -> Result<(), ReportFileError> {
    for file in files {
        let text = render(report, file.format, view, false, dossier);
        std::fs::write(&file.path, text).map_err(|source| ReportFileError::Write {
            path: file.path.display().to_string(),
            source,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_format_and_file() {
        assert_eq!(
            parse_report_file("markdown=out/summary.md"),
            Ok(ReportFile {
                format: Format::Markdown,
                path: PathBuf::from("out/summary.md")
            })
        );
        assert_eq!(
            parse_report_file("SARIF=a=b.sarif").map(|r| r.path),
            Ok(PathBuf::from("a=b.sarif"))
        );
    }

    #[test]
    fn rejects_unknown_format_missing_file_and_missing_separator() {
        let err = parse_report_file("pdf=x.pdf").unwrap_err();
        assert!(
            err.contains("unknown format `pdf`")
                && err.contains("markdown")
                && err.contains("html"),
            "{err}"
        );
        assert!(parse_report_file("json=").unwrap_err().contains("no file"));
        assert!(
            parse_report_file("report.sarif")
                .unwrap_err()
                .contains("FORMAT=FILE")
        );
    }
}
