//! The `samdscan` binary: parse the command line, run, map errors to exit code 2.

use clap::Parser;
use samdscan::cli::Cli;
use samdscan::cmd::run;
use samdscan::output::EXIT_ERROR;
use samdscan::report::escape::line;
use std::io::Write;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a scan makes millions of small allocations (the
/// evidence document, regorus values), and glibc's malloc and free were about a quarter of a
/// small scan's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Where the kernel backs memory with transparent huge pages (`always`, or `madvise`, which
    // mimalloc asks for), each 2 MiB region the allocator touches counts whole: a default-scope
    // scan of a 20,000-commit repository peaked at 155 MB instead of 120 MB. The scan gains no
    // time from them.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed standard error leaves nowhere to say it; the exit code still does.
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {}", log_lines(&e.to_string()));
            for cause in e.chain().skip(1) {
                let _ = writeln!(err, "caused by: {}", log_lines(&cause.to_string()));
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// An error message may hold several lines (one per config problem); each is escaped on its
/// own, so that none of them, whatever file name or value it quotes, is a workflow command.
fn log_lines(text: &str) -> String {
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}
