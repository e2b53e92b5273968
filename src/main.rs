//! The `closure-conformance` binary: the hidden sandbox stage, then the command
//! line (`cli/`), and the exit status: a report's `exit()` (0 or 1), 2 for an
//! `Error`, 141 when the reader has gone.

use clap::Parser;
use closure_conformance::error::Error;
use closure_conformance::output;
use closure_conformance::report::visible_line;
use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    // The sandbox stage (hidden) must fork before anything else runs, and passes
    // everything after `--` on untouched, so it is not parsed by clap.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "sandbox") {
        return match closure_conformance::sandbox::run(&args[2..]) {
            Ok(code) => ExitCode::from(code),
            Err(why) => {
                eprintln!("closure-conformance sandbox: {why}");
                ExitCode::from(125)
            }
        };
    }
    match cli::Cli::parse().dispatch() {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            // A failed write of the report is said as it always was, without "error:".
            let prefix = match error {
                Error::ReaderGone => None,
                Error::Output(_) => Some("closure-conformance: "),
                _ => Some("closure-conformance: error: "),
            };
            if let Some(prefix) = prefix {
                let _ = output::stderr(&format!("{prefix}{}\n", visible_line(&error.to_string())));
            }
            ExitCode::from(error.exit_code())
        }
    }
}
