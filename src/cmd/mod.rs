//! The subcommands: each parses nothing itself and only dispatches to the pipeline, the policy
//! engine or a report writer.

pub mod init;
pub mod policy;
pub mod scan;
pub mod trace;

use crate::cli::{Cli, Command};
use anyhow::Result;

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(args) => scan::scan(&args),
        Command::Evidence(args) => scan::evidence(&args),
        Command::Policy(cmd) => policy::run(cmd),
        Command::Init(args) => init::run(&args.path, args.templates, args.lang),
        Command::Trace(args) => trace::run(&args),
        Command::SelfTest(args) => crate::selftest::run(args.corpus.as_deref()),
    }
}
