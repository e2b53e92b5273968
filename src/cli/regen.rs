//! `regen`: goldens from every reference CPython (library: `regen.rs`).

use super::args::Common;
use super::{corpus, say, status, tell_bad_cases, Outcome};
use clap::Args;
use closure_conformance::regen;
use closure_conformance::session::{Session, TerminalProgress};

#[derive(Args)]
pub struct RegenArgs {
    /// Change nothing; exit 1 if any selected golden is missing or out of date.
    #[arg(long, conflicts_with = "pending")]
    check: bool,
    /// Write each changed golden to <golden>.pending, for `review`, not the golden.
    #[arg(long)]
    pending: bool,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    #[command(flatten)]
    common: Common,
}

pub fn regen(args: RegenArgs) -> Outcome {
    if !args.check {
        corpus::refuse_built_in(args.common.root.as_deref())?;
    }
    args.common.fetch(&[]);
    let session = Session::corpus(&args.common.options(&args.filters, &[])?)?;
    tell_bad_cases(&session)?;
    let references = regen::references(&session)?;
    let palette = args.common.palette();
    say(&regen::header(&references))?;
    let write = match (args.check, args.pending) {
        (true, _) => regen::Write::Check,
        (false, true) => regen::Write::Pending,
        (false, false) => regen::Write::Goldens,
    };
    let summary = regen::regen_to(
        &session.cases(),
        &session.all_cases,
        &references,
        &session.layout.expected,
        write,
        &TerminalProgress::new(),
    )?;
    say(&regen::render(&summary, palette))?;
    say(&regen::conclusion(&summary, &session.discovery, palette))?;
    Ok(status(summary.passed() && session.bad_cases.is_empty()))
}
