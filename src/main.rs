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
    no_error_backtraces();
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

/// The policy engine reports each rule part a policy leaves undefined as an error (samdscan
/// asks for ~165 parts a scan, most of them optional), and with `RUST_BACKTRACE=1` set, as CI
/// runners often have it, each such error captured a backtrace: example 01's scan took 86 ms
/// instead of 55 ms. samdscan prints no error's backtrace, so error values capture none
/// (`RUST_LIB_BACKTRACE=0`) unless the user set `RUST_LIB_BACKTRACE` themselves; a panic's
/// backtrace still follows `RUST_BACKTRACE`.
fn no_error_backtraces() {
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        // SAFETY: called first thing in `main`, before any thread is started, so no other
        // thread can read or write the environment meanwhile.
        unsafe { std::env::set_var("RUST_LIB_BACKTRACE", "0") };
    }
}

/// An error message may hold several lines (one per config problem); each is escaped on its
/// own, so that none of them, whatever file name or value it quotes, is a workflow command.
fn log_lines(text: &str) -> String {
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}
