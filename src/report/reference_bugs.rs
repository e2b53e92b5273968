//! The reference bugs a run met, a line per case: the CPython bug its golden records,
//! the backends that conform to the language there and those that copy the bug.

use super::{visible_line, Palette, Report};
use crate::compare::Verdict;
use std::fmt::Write as _;

/// One case whose checks a `reference-bug:` mark judged.
#[derive(Debug, Default, PartialEq)]
pub struct Met<'a> {
    pub case: &'a str,
    /// The notes of the bugs (as a conforming check words them, if any).
    pub notes: Vec<String>,
    pub conforming: Vec<&'a str>,
    pub copying: Vec<&'a str>,
}

/// Per case, in the run's order.
pub fn met(report: &Report) -> Vec<Met<'_>> {
    let mut cases: Vec<Met> = Vec::new();
    for outcome in &report.outcomes {
        let (conforms, notes) = match &outcome.verdict {
            Verdict::ConformsToLanguage { notes } => (true, notes),
            Verdict::CopiesReferenceBug { notes } => (false, notes),
            _ => continue,
        };
        let id = outcome.case.id.as_str();
        if cases.last().is_none_or(|last| last.case != id) {
            cases.push(Met {
                case: id,
                ..Met::default()
            });
        }
        let Some(entry) = cases.last_mut() else {
            continue;
        };
        if conforms {
            entry.notes.clone_from(notes);
            entry.conforming.push(&outcome.backend);
        } else {
            entry.copying.push(&outcome.backend);
            if entry.notes.is_empty() {
                entry.notes.clone_from(notes);
            }
        }
    }
    cases
}

/// The terminal report's list; empty when the run met no reference bug.
pub fn human(report: &Report, palette: Palette) -> String {
    let cases = met(report);
    let mut out = String::new();
    if cases.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\n{}",
        palette.bold(&format!("reference bugs ({} cases):", cases.len()))
    );
    let who = |names: &[&str]| match names.is_empty() {
        true => "none".to_string(),
        false => names.join(", "),
    };
    for case in cases {
        let _ = writeln!(
            out,
            "  {} — {}; conforms to the language: {}; copies the bug: {}",
            visible_line(case.case),
            visible_line(&case.notes.join("; ")),
            who(&case.conforming),
            who(&case.copying)
        );
    }
    out
}
