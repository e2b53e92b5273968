//! The commands that list: `backends`, `list`, `divergences`, `versions` (no run
//! needed) and `coverage` (which runs every case).

use super::args::{Common, ListFormat};
use super::{corpus, say, status, tell_bad_cases, Outcome};
use clap::Args;
use closure_conformance::backend;
use closure_conformance::error::Error;
use closure_conformance::report::visible_line;
use closure_conformance::session::{Session, SessionOptions, TerminalProgress};
use closure_conformance::{coverage as coverage_lib, json_listing, sandbox, timeline};
use std::path::PathBuf;

#[derive(Args)]
pub struct BackendsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
pub struct CoverageArgs {
    /// Backends to run (repeatable) [default: every available backend].
    #[arg(long = "backend", short)]
    backends: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
pub struct ListArgs {
    filters: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Directory holding cases/ and expected/ [default: as for `run`].
    #[arg(long)]
    root: Option<PathBuf>,
}

pub fn backends(args: BackendsArgs) -> Outcome {
    let session = Session::corpus(&args.common.options(&[], &[])?);
    let found = match session {
        Ok(session) => session.discovery,
        // Backends exist whatever the corpus holds.
        Err(_) => {
            let exe = std::env::current_exe().map_err(Error::OwnExecutable)?;
            let mut options = backend::BackendOptions::from_env(exe).map_err(Error::Usage)?;
            if !args.common.python.is_empty() {
                options.pythons = args.common.python.clone();
            }
            options.interpreters.extend(args.common.interpreter.clone());
            backend::discover(&options)
        }
    };
    let exe = std::env::current_exe().map_err(Error::OwnExecutable)?;
    let sandbox = sandbox::describe(&exe);
    say(&match args.format {
        ListFormat::Text => format!(
            "{}sandbox of native workers: {sandbox}\n",
            backend::listing(&found)
        ),
        ListFormat::Json => json_listing::backends(&found, &sandbox),
    })?;
    Ok(0)
}

/// A session of the cases a listing command selects, with no backend.
fn listed(args: &ListArgs) -> Result<Session, Error> {
    let options = SessionOptions {
        root: corpus::root(args.root.as_deref())?,
        filters: args.filters.clone(),
        ..SessionOptions::default()
    };
    let session = Session::corpus(&options)?;
    tell_bad_cases(&session)?;
    Ok(session)
}

pub fn list(args: ListArgs) -> Outcome {
    let session = listed(&args)?;
    if args.format == ListFormat::Json {
        say(&json_listing::list(&session.cases()))?;
        return Ok(status(session.bad_cases.is_empty()));
    }
    let mut text = String::new();
    for case in session.cases() {
        text.push_str(&format!(
            "{:40} {}\n",
            visible_line(&case.id),
            visible_line(&case.header.description)
        ));
    }
    say(&text)?;
    Ok(status(session.bad_cases.is_empty()))
}

pub fn divergences(args: ListArgs) -> Outcome {
    let session = listed(&args)?;
    let cases: Vec<_> = session.cases().into_iter().cloned().collect();
    say(&match args.format {
        ListFormat::Text => coverage_lib::divergences_document(&cases),
        ListFormat::Json => json_listing::divergences(&session.cases()),
    })?;
    Ok(status(session.bad_cases.is_empty()))
}

pub fn versions(args: ListArgs) -> Outcome {
    if args.format == ListFormat::Json {
        return Err(Error::Usage("versions has no --format json".into()));
    }
    let session = listed(&args)?;
    let cases: Vec<_> = session.cases().into_iter().cloned().collect();
    let text = timeline::markdown(&cases, &session.layout.expected).map_err(Error::Corpus)?;
    say(&text)?;
    Ok(status(session.bad_cases.is_empty()))
}

pub fn coverage(args: CoverageArgs) -> Outcome {
    let session = args.common.open(&[], &args.backends)?;
    let rules = coverage_lib::load_rules(&session.layout.cases).map_err(Error::Corpus)?;
    let report = session.run(&TerminalProgress::new());
    let (text, complete) = coverage_lib::document(&rules, &report);
    say(&text)?;
    Ok(status(complete && report.exit().code() == 0))
}
