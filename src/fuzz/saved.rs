//! After a fuzz campaign: goldens and marks for the cases it saved under
//! `cases/found/`, then a run of them that says how they stand.

use crate::compare::Verdict;
use crate::error::Error;
use crate::regen;
use crate::report::Palette;
use crate::session::{Quiet, Session, SessionOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Goldens for the saved cases `options` selects (as scripts/regen makes them), then
/// a run of them on every backend: each backend that differs where no mark says so
/// gets a mark. Each line to print goes to `say` as soon as it is known.
pub fn finish(
    options: &SessionOptions,
    palette: Palette,
    say: &mut dyn FnMut(&str) -> Result<(), Error>,
) -> Result<(), Error> {
    let session = Session::corpus(options)?;
    let references = regen::references(&session)?;
    let summary = regen::regen(
        &session.cases(),
        &session.all_cases,
        &references,
        &session.layout.expected,
        false,
        &Quiet,
    )?;
    say(&regen::render(&summary, palette))?;
    let session = Session::open(options)?;
    let report = session.run(&Quiet);
    let mut marks: BTreeMap<PathBuf, Vec<String>> = Default::default();
    for outcome in &report.outcomes {
        if let Some(line) = super::save::mark_line(outcome) {
            marks
                .entry(outcome.case.path.clone())
                .or_default()
                .push(line);
        }
    }
    for (path, lines) in &marks {
        super::save::add_marks(path, lines).map_err(|source| Error::Io {
            doing: format!("mark {}", path.display()),
            source,
        })?;
        say(&format!(
            "marked {} more backends on {}\n",
            lines.len(),
            path.display()
        ))?;
    }
    let session = Session::open(options)?;
    let report = session.run(&Quiet);
    let failed = report
        .outcomes
        .iter()
        .filter(|o| matches!(o.verdict, Verdict::Fail(_)))
        .count();
    say(&format!(
        "saved cases: {} checks on {} backends, {failed} failed\n",
        report.outcomes.len(),
        report.backends.len()
    ))?;
    Ok(())
}
