//! The `samdscan` binary: parse the command line, run, map errors to exit code 2.

use clap::Parser;
use samdscan::cli::Cli;
use samdscan::cmd::run;
use samdscan::output::EXIT_ERROR;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed standard error leaves nowhere to say it; the exit code still does.
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {e}");
            for cause in e.chain().skip(1) {
                let _ = writeln!(err, "caused by: {cause}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}
