//! After a fuzz campaign: goldens and marks for the cases it saved (part of the
//! command line, which alone prints).

use super::{say, FuzzArgs};
use closure_conformance::error::Error;
use closure_conformance::session::Session;
use closure_conformance::{fuzz, regen};
use std::path::PathBuf;

/// Goldens for the saved cases (as scripts/regen makes them), then a run of them on
/// every backend: each backend that differs where no mark says so gets a mark.
pub fn finish_saved(args: &FuzzArgs, saved: &[String]) -> Result<(), Error> {
    let session = Session::corpus(&args.common.options(saved, &[])?)?;
    let references = regen::references(&session)?;
    let summary = regen::regen(
        &session.cases(),
        &session.all_cases,
        &references,
        &session.layout.expected,
        false,
        &closure_conformance::session::Quiet,
    )?;
    say(&regen::render(&summary, args.common.palette()))?;
    let session = Session::open(&args.common.options(saved, &[])?)?;
    let report = session.run(&closure_conformance::session::Quiet);
    let mut marks: std::collections::BTreeMap<PathBuf, Vec<String>> = Default::default();
    for outcome in &report.outcomes {
        if let Some(line) = fuzz::save::mark_line(outcome) {
            marks
                .entry(outcome.case.path.clone())
                .or_default()
                .push(line);
        }
    }
    for (path, lines) in &marks {
        fuzz::save::add_marks(path, lines)
            .map_err(|e| Error::Usage(format!("cannot mark {}: {e}", path.display())))?;
        say(&format!(
            "marked {} more backends on {}\n",
            lines.len(),
            path.display()
        ))?;
    }
    let session = Session::open(&args.common.options(saved, &[])?)?;
    let report = session.run(&closure_conformance::session::Quiet);
    let failed = report
        .outcomes
        .iter()
        .filter(|o| matches!(o.verdict, closure_conformance::compare::Verdict::Fail(_)))
        .count();
    say(&format!(
        "saved cases: {} checks on {} backends, {failed} failed\n",
        report.outcomes.len(),
        report.backends.len()
    ))?;
    Ok(())
}
