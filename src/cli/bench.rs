//! `bench`: speed and memory of the runner against a naive loop and the bare limit,
//! and the hidden `bench-mode` it runs each mode with (library: `bench.rs`).

use super::args::Common;
use super::{say, status, Outcome};
use clap::Args;
use closure_conformance::bench;
use closure_conformance::error::Error;
use closure_conformance::session::Session;
use std::path::PathBuf;

#[derive(Args)]
pub struct BenchArgs {
    /// Cases in the speed comparison (the corpus is repeated to reach it).
    #[arg(long, default_value_t = 500)]
    scale: usize,
    /// Case counts whose peak memory is compared (the last with the first).
    #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
    memory: Vec<usize>,
    #[command(flatten)]
    common: Common,
}

pub fn bench_mode(mode: bench::Mode, count: usize, common: Common) -> Outcome {
    let session = Session::corpus(&common.options(&[], &[])?)?;
    let scaled = bench::scaled(&session.all_cases, count);
    let run = bench::run_mode(mode, &scaled, &session.options, &session.layout.expected)
        .map_err(Error::Bench)?;
    say(&run.to_text())?;
    Ok(0)
}

pub fn bench(args: BenchArgs) -> Outcome {
    let session = Session::corpus(&args.common.options(&[], &[])?)?;
    let options = bench::bench_options(&session.options);
    say(&bench::introduction(&session.all_cases, &options).map_err(Error::Bench)?)?;
    say(&bench::header())?;
    let mut failed_to_write = None;
    let measured = bench::compare(
        &options.worker_exe,
        &session.root,
        args.common.python.first().map(PathBuf::as_path),
        args.scale,
        &args.memory,
        args.common.jobs,
        &mut |row| {
            if let Err(e) = say(&bench::row(row)) {
                failed_to_write.get_or_insert(e);
            }
        },
    )
    .map_err(Error::Bench)?;
    if let Some(error) = failed_to_write {
        return Err(error);
    }
    say(&bench::conclusion(&measured, args.common.palette()))?;
    Ok(status(measured.met()))
}
