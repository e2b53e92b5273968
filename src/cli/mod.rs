//! The `closure-conformance` command line: its arguments, and which library call
//! each command is, one file per group of commands. Only this module prints (the
//! library returns text); `main` picks the exit status.
//!
//! `args.rs` holds the arguments several commands share; `run.rs` the commands that
//! run cases into a report (`run`, `report`, `diff`, `progress`); `listing.rs` those
//! that list (`backends`, `list`, `divergences`, `versions`, `coverage`); `regen.rs`,
//! `expect.rs` (`accept`, `review`), `bench.rs`, `fuzz.rs` (with `oracle.rs` and the
//! progress line `watch.rs`), `corpus.rs` and `internal.rs` (`install` and the
//! hidden commands) the others; `parse.rs` parses values clap cannot alone.

use clap::{Parser, Subcommand};
use closure_conformance::bench as bench_lib;
use closure_conformance::error::Error;
use closure_conformance::output;
use closure_conformance::report::visible_line;
use closure_conformance::session::Session;
use std::path::PathBuf;

mod args;
mod bench;
mod corpus;
mod expect;
mod fuzz;
mod internal;
mod listing;
mod oracle;
mod parse;
mod regen;
mod run;
mod watch;

use args::Common;

/// Runs Python closure cases on every Python found (CPython 3.6+, Pyodide, PyPy,
/// an embedded RustPython, interpreters you name) and compares what they observe
/// (output, exception, scopes, cells) with goldens of each one's own version.
///
/// With no subcommand: run every case on every backend against its golden, print a
/// topic × backend table and the diffs of failures. Exit status 1 on any failure.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: run::RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run cases against their goldens (the default).
    Run(run::RunArgs),
    /// Run cases against their goldens and write a report: markdown (the matrix),
    /// json, junit, html or github annotations. Exit status as `run`.
    Report(run::ReportArgs),
    /// Compare two backends with each other, without goldens.
    Diff(run::DiffArgs),
    /// Which cases a newer backend fixed or broke against an older one (say
    /// RustPython 0.6.0 against 0.5.0), each judged against its own version's
    /// goldens, marks ignored.
    Progress(run::ProgressArgs),
    /// Rewrite goldens from every reference CPython (what scripts/regen calls).
    Regen(regen::RegenArgs),
    /// Write the divergences a backend that is not a reference shows into its
    /// expectations file (expectations/<NAME>.toml), keeping the reasons of entries
    /// it keeps and dropping stale ones, so that the next run is green.
    Accept(expect::AcceptArgs),
    /// Show the pending changes of `regen --pending` and `accept --pending` as
    /// diffs, and accept or reject them.
    Review(expect::ReviewArgs),
    /// List the backends found on this machine, the missing ones and how to install them.
    Backends(listing::BackendsArgs),
    /// List the cases with their descriptions.
    List(listing::ListArgs),
    /// Run every case and print the coverage table (rule → cases, and per backend
    /// pass / known / fail) as markdown; exit 1 if a rule has no case.
    Coverage(listing::CoverageArgs),
    /// Print every known-divergence mark as markdown (no run needed).
    Divergences(listing::ListArgs),
    /// Print how closure behaviour changes across CPython versions, from the
    /// goldens, as markdown (docs/versions.md; no run needed).
    Versions(listing::ListArgs),
    /// Measure speed and memory: naive (a process per case) vs ours (warm pools)
    /// vs limit (bare execution), side by side (what scripts/bench calls).
    Bench(bench::BenchArgs),
    /// Generate programs about scopes and closures, run them on every backend
    /// against the CPython of its own language version, and reduce each divergence
    /// to a small program (saved as a case with --save).
    Fuzz(fuzz::FuzzArgs),
    /// Install the pinned references (Pyodide for CPython 3.12–3.15, from npm,
    /// checked against references/package-lock.json) into the cache, as the
    /// commands that need them do on first use.
    Install {
        /// Also the compilers of the compiled backends (Cython, Nuitka, mypyc, pinned
        /// by references/compilers.txt) into a virtual environment of python3.
        #[arg(long)]
        compilers: bool,
    },
    /// The corpus built into this binary (used where no `--root` is given and the
    /// working directory holds no cases/); `--write DIR` writes it out.
    Corpus(corpus::CorpusArgs),
    /// Internal: serve the probe protocol on stdin/stdout.
    #[command(hide = true)]
    Worker { backend: String },
    /// Internal: one benchmark mode over `count` cases; prints the failed count.
    #[command(hide = true)]
    BenchMode {
        #[arg(value_enum)]
        mode: bench_lib::Mode,
        count: usize,
        #[command(flatten)]
        common: Common,
    },
    /// Internal: run a Python program in the embedded interpreter.
    #[command(hide = true)]
    Script { backend: String, source: String },
}

impl Cli {
    /// Runs the command the arguments name.
    pub fn dispatch(self) -> Outcome {
        match self.command {
            Some(Command::Install { compilers }) => internal::install(compilers),
            Some(Command::Corpus(args)) => corpus::command(args),
            Some(Command::Worker { backend }) => internal::worker(&backend),
            Some(Command::Script { backend, source }) => internal::script(&backend, &source),
            Some(Command::Run(args)) => run::run(args),
            None => run::run(self.run),
            Some(Command::Report(args)) => run::report(args),
            Some(Command::Diff(args)) => run::diff(args),
            Some(Command::Progress(args)) => run::progress(args),
            Some(Command::Regen(args)) => regen::regen(args),
            Some(Command::Accept(args)) => expect::accept(args),
            Some(Command::Review(args)) => expect::review(args),
            Some(Command::Backends(args)) => listing::backends(args),
            Some(Command::List(args)) => listing::list(args),
            Some(Command::Coverage(args)) => listing::coverage(args),
            Some(Command::Divergences(args)) => listing::divergences(args),
            Some(Command::Versions(args)) => listing::versions(args),
            Some(Command::Bench(args)) => bench::bench(args),
            Some(Command::Fuzz(args)) => fuzz::fuzz(args),
            Some(Command::BenchMode {
                mode,
                count,
                common,
            }) => bench::bench_mode(mode, count, common),
        }
    }
}

/// What a command ends with: an exit status, or an error (status 2 or 141).
pub type Outcome = Result<u8, Error>;

/// 0 when `ok`, else 1.
fn status(ok: bool) -> u8 {
    u8::from(!ok)
}

fn say(text: &str) -> Result<(), Error> {
    output::stdout(text)
}

/// Writes rendered text to FILE, or to stdout.
fn deliver(text: &str, to: Option<&PathBuf>) -> Result<(), Error> {
    match to {
        Some(path) => output::file(path, text),
        None => say(text),
    }
}

/// Case files that cannot run, one line each on stderr, whatever their names hold.
fn tell_bad_cases(session: &Session) -> Result<(), Error> {
    for error in &session.bad_cases {
        output::stderr(&format!(
            "closure-conformance: bad case: {}\n",
            visible_line(&error.to_string())
        ))?;
    }
    Ok(())
}
