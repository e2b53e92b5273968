//! The commands that run cases into a report: `run` (the default), `report`,
//! `diff` (two backends, no goldens) and `progress` (an older and a newer backend).

use super::args::{Common, ListFormat, Output, Selection};
use super::expect::ExpectArgs;
use super::{deliver, say, status, tell_bad_cases, Outcome};
use clap::Args;
use closure_conformance::error::Error;
use closure_conformance::report::{markdown, Format, Palette, Report};
use closure_conformance::session::{Session, TerminalProgress};
use closure_conformance::{changes, json_listing, output};
use std::path::PathBuf;

#[derive(Args, Clone)]
pub struct RunArgs {
    #[command(flatten)]
    select: Selection,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    expect: ExpectArgs,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
#[command(
    mut_arg("backends", |a| a.help(
        "Backends to run (repeatable): a name or a kind [default: every available backend]"
    )),
    mut_arg("format", |a| a.default_value("markdown")),
    mut_arg("output", |a| a.help(
        "Write the report to FILE (atomically) instead of stdout. When FILE holds the \
         markers `<!-- closure-conformance:begin -->` and `<!-- closure-conformance:end -->` \
         (as README.md does), only the text between them is replaced"
    )),
)]
pub struct ReportArgs {
    #[command(flatten)]
    select: Selection,
    #[command(flatten)]
    output: Output,
    /// Markdown: only the topic × backend matrix (what README.md shows).
    #[arg(long)]
    matrix_only: bool,
    #[command(flatten)]
    expect: ExpectArgs,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The backend taken as expected.
    reference: String,
    /// The backend compared with it.
    other: String,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    /// Stop at the first failure: the checks not yet begun are skipped, and say so.
    #[arg(long)]
    fail_fast: bool,
    #[command(flatten)]
    output: Output,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
pub struct ProgressArgs {
    /// The older backend.
    old: String,
    /// The newer backend.
    new: String,
    /// Only cases whose id or path contains one of these.
    filters: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    common: Common,
}

/// Renders a report as `output` says; the report's exit policy decides.
fn finish(report: &Report, output: &Output, palette: Palette) -> Outcome {
    let palette = if output.output.is_some() {
        Palette::new(false)
    } else {
        palette
    };
    deliver(
        &output
            .format
            .render_detailed(report, palette, output.detail()),
        output.output.as_ref(),
    )?;
    match report.nothing_checked() {
        Some(why) => Err(Error::NoCases(why)),
        None => Ok(report.exit().code()),
    }
}

pub fn run(args: RunArgs) -> Outcome {
    output::check_target(args.output.output.as_deref())?;
    let mut session = args
        .common
        .open(&args.select.filters, &args.select.backends)?;
    args.expect.apply(&mut session)?;
    session.fail_fast = args.select.fail_fast;
    let report = session.run(&TerminalProgress::new());
    finish(&report, &args.output, args.common.palette())
}

pub fn report(args: ReportArgs) -> Outcome {
    output::check_target(args.output.output.as_deref())?;
    if args.matrix_only && args.output.format != Format::Markdown {
        return Err(Error::Usage(
            "--matrix-only is for --format markdown".into(),
        ));
    }
    let mut session = args
        .common
        .open(&args.select.filters, &args.select.backends)?;
    args.expect.apply(&mut session)?;
    session.fail_fast = args.select.fail_fast;
    let report = session.run(&TerminalProgress::new());
    if args.matrix_only {
        let to: Option<&PathBuf> = args.output.output.as_ref();
        deliver(&markdown::matrix(&report), to)?;
        return Ok(report.exit().code());
    }
    finish(&report, &args.output, args.common.palette())
}

pub fn diff(args: DiffArgs) -> Outcome {
    output::check_target(args.output.output.as_deref())?;
    args.common
        .fetch(&[args.reference.clone(), args.other.clone()]);
    let mut session = Session::corpus(&args.common.options(&args.filters, &[])?)?;
    session.fail_fast = args.fail_fast;
    tell_bad_cases(&session)?;
    let reference = session.start_one(&args.reference)?;
    let other = session.start_one(&args.other)?;
    let report = session.diff(&reference, &other, &TerminalProgress::new());
    finish(&report, &args.output, args.common.palette())
}

pub fn progress(args: ProgressArgs) -> Outcome {
    args.common.fetch(&[args.old.clone(), args.new.clone()]);
    let session = Session::corpus(&args.common.options(&args.filters, &[])?)?;
    tell_bad_cases(&session)?;
    let old = session.start_one(&args.old)?;
    let new = session.start_one(&args.new)?;
    let found = changes::changes(&session, &old, &new, &TerminalProgress::new());
    say(&match args.format {
        ListFormat::Text => changes::render(&found, args.common.palette()),
        ListFormat::Json => json_listing::progress(&found),
    })?;
    Ok(status(
        session.bad_cases.is_empty() && found.regressed.is_empty(),
    ))
}
