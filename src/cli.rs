//! The command line, declared with clap.

use crate::date::Date;
use crate::finding::Level;
use crate::lang::Lang;
use crate::report::Format;
use crate::report::view::ShownState;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "samdscan",
    version,
    about = "Checks a medical-device software repository for the evidence Korea's MFDS expects",
    long_about = "samdscan walks a product's repository and git history, extracts regulatory evidence \
(SBOMs, risk files, plans, change records, ...), evaluates Rego policies encoding MFDS expectations \
and the standards MFDS relies on, and reports findings as text, JSON, Markdown or SARIF.\n\n\
Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, config, policy \
or internal error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan a repository and report findings.
    Scan(ScanArgs),
    /// Print the evidence document the policies evaluate (the exact `input`).
    Evidence(EvidenceArgs),
    /// List, explain and test policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Write a starter .samdscan.yaml from what the repository shows (never overwrites a file).
    Init(InitArgs),
    /// Print the traceability matrix: requirement -> verifying tests -> risk controls.
    Trace(TraceArgs),
    /// Tool qualification: scan the golden corpus built into samdscan (the examples) and compare
    /// each result with its expected findings; prints a record and exits 0 when every case passes.
    SelfTest(SelfTestArgs),
}

#[derive(Debug, Args)]
pub struct SelfTestArgs {
    /// Run the example folders under DIR instead of the built-in corpus (to qualify a changed
    /// corpus, and for samdscan's own tests).
    #[arg(long, value_name = "DIR", hide = true)]
    pub corpus: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    #[command(flatten)]
    pub target: Target,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TraceFormat::Markdown)]
    pub format: TraceFormat,
    /// Write the matrix to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the output: rule texts, finding messages and headings (default: the config's
    /// report.lang, else en).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    Markdown,
    Csv,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Repository to set up.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Also write heading-only skeletons of the documents the profile calls for.
    #[arg(long)]
    pub templates: bool,
    /// Language of the skeletons' headings and the config's comments (default en).
    #[arg(long, value_enum, value_name = "LANG", default_value_t = Lang::En)]
    pub lang: Lang,
}

/// What to scan and with which configuration.
#[derive(Debug, Args, Clone)]
pub struct Target {
    /// Repository to scan (the top of a git work tree, a product's folder of one, or any directory).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Config file (default: .samdscan.yaml, then .github/samdscan.yaml, in PATH).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any config file.
    #[arg(long)]
    pub no_config: bool,
    /// The date "today" is judged at (waiver expiry, document age) [default: the scanned commit's date].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<Date>,
    /// Scan a git revision (read from git objects, no checkout) instead of the working tree; its
    /// own config and policy files apply unless --config or --no-config is given.
    #[arg(long, value_name = "REF")]
    pub rev: Option<String>,
    /// Compare with a base revision (pull requests): mark findings new/unchanged/absent, widen the
    /// history scope to merge-base..HEAD, and report changes to waivers, disabled rules,
    /// severities and policy files.
    #[arg(long, value_name = "REF")]
    pub base: Option<String>,
    /// History scope for this run, overriding history.scope: a revision (tag, branch, commit), a
    /// date (YYYY-MM-DD), a number of commits, `all` or `since-last-release`.
    #[arg(long, value_name = "REF|DATE|N")]
    pub since: Option<String>,
    /// This is the base side of a `--base` scan (set by `scan/baseline.rs`, never on the command
    /// line): searches that cover the newest commits cover as many as the branch side's.
    #[arg(skip)]
    pub base_side: bool,
    /// The scan gives up its commit records' text once the engine has its own copy of them, for
    /// a caller that reads no record after the scan (set by `cmd/scan.rs` unless an HTML dossier
    /// is asked for; never on the command line): a whole history then needs one copy, not two.
    #[arg(skip)]
    pub release_commit_records: bool,
}

impl Target {
    /// The working tree at `path` with its own config, as `samdscan scan PATH` scans it.
    pub fn at(path: PathBuf) -> Target {
        Target {
            path,
            config: None,
            no_config: false,
            as_of: None,
            rev: None,
            base: None,
            since: None,
            base_side: false,
            release_commit_records: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

impl FailOn {
    /// The lowest level that fails the run (none: `never`).
    pub fn threshold(self) -> Option<Level> {
        match self {
            FailOn::Error => Some(Level::Error),
            FailOn::Warning => Some(Level::Warning),
            FailOn::Note => Some(Level::Note),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub target: Target,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this level remains (with --base: a new one, so a pull
    /// request is gated on what it introduces).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Extra policy directory (repeatable); its *.rego files join the built-in policies.
    #[arg(long = "policy", value_name = "DIR")]
    pub policies: Vec<PathBuf>,
    /// Never colour the text report.
    #[arg(long)]
    pub no_color: bool,
    /// Also write a report in FORMAT to FILE, from the same scan (repeatable), e.g.
    /// `--report markdown=summary.md`.
    #[arg(long = "report", value_name = "FORMAT=FILE", value_parser = crate::report::files::parse_report_file)]
    pub reports: Vec<crate::report::files::ReportFile>,
    /// SARIF analysis category (`automationDetails.id`): scans with different categories are
    /// separate analyses in code scanning, e.g. one per product of a monorepo.
    #[arg(long, value_name = "NAME", default_value = "samdscan")]
    pub category: String,
    /// Language of the output: rule texts, finding messages and headings (default: the config's
    /// report.lang, else en).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// Text and Markdown: also list the rules in these states (failures are always listed).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATE,...")]
    pub show: Vec<ShownState>,
    /// Text and Markdown: list every rule, every finding of each rule (not the first few) and the
    /// evidence each passed rule judged.
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Text and Markdown: print only the failures and the verdict.
    #[arg(long, short, conflicts_with = "show")]
    pub quiet: bool,
    /// Text and Markdown: list findings at or above this level only (all still count for
    /// --fail-on; JSON and SARIF keep every finding).
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = MinLevel::Note)]
    pub min_level: MinLevel,
    /// Pre-commit mode: judge what a commit can change. Findings that only the passing of time
    /// raises (scan age, review age, expired waivers) are warnings, the history scope is HEAD,
    /// and only failures and the verdict are printed. The full gate stays in CI.
    #[arg(long)]
    pub hook: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinLevel {
    Error,
    Warning,
    Note,
}

impl MinLevel {
    pub fn level(self) -> Level {
        match self {
            MinLevel::Error => Level::Error,
            MinLevel::Warning => Level::Warning,
            MinLevel::Note => Level::Note,
        }
    }
}

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    #[command(flatten)]
    pub target: Target,
    /// Write the evidence to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print every commit's changed files. By default a long list is summarised to what the
    /// policies read (the first 20, deletions, lockfiles, one path per area; `change_count`
    /// keeps the total), as a scan evaluates it.
    #[arg(long)]
    pub full: bool,
    /// One line of JSON, without indentation: the document as the policies read it (a
    /// 20,000-commit scope's is about 17 MB instead of 29 MB indented).
    #[arg(long)]
    pub compact: bool,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// List every rule: id, level, title.
    List {
        /// Extra policy directory (repeatable).
        #[arg(long = "policy", value_name = "DIR")]
        policies: Vec<PathBuf>,
        /// List every expectation of the regulatory catalogue with its state in this release:
        /// implemented, not observable from a repository, or planned.
        #[arg(long)]
        catalogue: bool,
        /// Language of the rule titles (default en).
        #[arg(long, value_enum, value_name = "LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Show a rule's documentation.
    Explain {
        /// Rule id, e.g. MFDS-CYB-001.
        id: String,
        /// Extra policy directory (repeatable).
        #[arg(long = "policy", value_name = "DIR")]
        policies: Vec<PathBuf>,
        /// Also scan this repository and show the rule's state there and the evidence it judged.
        #[arg(long, value_name = "PATH")]
        repo: Option<PathBuf>,
        /// Language of the rule's documentation (default en).
        #[arg(long, value_enum, value_name = "LANG", default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Run the `test_*` rules of `*_test.rego` files (built-in policies when no DIR is given).
    Test {
        /// Policy directories to test; they are loaded together with the built-in policies, and a
        /// file of the same package as a built-in one replaces it.
        dirs: Vec<PathBuf>,
        /// Also run the built-in policies' tests when DIRs are given.
        #[arg(long)]
        with_builtin: bool,
    },
}
