//! The `samdscan` binary: parse the command line, run, map errors to exit code 2.

use clap::Parser;
use samdscan::cli::Cli;
use samdscan::cmd::run;
use samdscan::output::EXIT_ERROR;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("caused by: {cause}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}
