//! `progress`: which cases a newer backend fixed or broke against an older one
//! (say RustPython 0.6.0 against 0.5.0), each judged against the goldens of its
//! own language version, marks ignored.

use crate::backend::Backend;
use crate::compare::{Failure, FailureKind, Verdict};
use crate::report::{visible_line, Palette};
use crate::session::{Progress, Session};
use crate::suite;
use rayon::prelude::*;
use std::fmt::Write as _;

/// The cases of each kind of change, by id.
#[derive(Debug, Default, PartialEq, serde::Serialize)]
pub struct Changes {
    pub old: String,
    pub new: String,
    pub fixed: Vec<String>,
    pub regressed: Vec<String>,
    pub still_differ: Vec<String>,
    /// Skipped, or no golden, on either side.
    pub not_comparable: Vec<String>,
}

/// Whether an outcome's observation differs from its golden, marks ignored; `None`
/// when there was nothing to compare (skipped, no golden). Behaving as the language
/// intends where the golden records a CPython bug is not differing.
fn differs(verdict: &Verdict) -> Option<bool> {
    match verdict {
        Verdict::Pass | Verdict::CopiesReferenceBug { .. } | Verdict::ConformsToLanguage { .. } => {
            Some(false)
        }
        Verdict::KnownDivergence { .. } => Some(true),
        Verdict::Fail(Failure { why, .. }) => match why {
            FailureKind::StaleDivergence { .. } => Some(false),
            FailureKind::Mismatch | FailureKind::Fault(_) => Some(true),
            FailureKind::NoExpectation(_) => None,
        },
        Verdict::Skip { .. } | Verdict::NotObservable { .. } => None,
    }
}

/// Runs the session's cases on both backends and sorts them by change.
pub fn changes(
    session: &Session,
    old: &Backend,
    new: &Backend,
    progress: &dyn Progress,
) -> Changes {
    let cases = session.cases();
    progress.start("cases", cases.len());
    let judged: Vec<(&str, Option<bool>, Option<bool>)> = cases
        .par_iter()
        .map(|case| {
            let before = suite::check_golden(case, old, &session.layout.expected);
            let after = suite::check_golden(case, new, &session.layout.expected);
            progress.advance();
            (
                case.id.as_str(),
                differs(&before.verdict),
                differs(&after.verdict),
            )
        })
        .collect();
    progress.finish();
    let mut changes = Changes {
        old: format!("{} = {}", old.name, old.describe().unwrap_or_else(|e| e)),
        new: format!("{} = {}", new.name, new.describe().unwrap_or_else(|e| e)),
        ..Changes::default()
    };
    for (id, before, after) in judged {
        let group = match (before, after) {
            (Some(true), Some(false)) => &mut changes.fixed,
            (Some(false), Some(true)) => &mut changes.regressed,
            (Some(true), Some(true)) => &mut changes.still_differ,
            (Some(false), Some(false)) => continue,
            _ => &mut changes.not_comparable,
        };
        group.push(id.to_string());
    }
    changes
}

/// The changes for people.
pub fn render(changes: &Changes, palette: Palette) -> String {
    let mut out = format!(
        "{}\n{}\n",
        visible_line(&changes.old),
        visible_line(&changes.new)
    );
    let name = |side: &str| side.split(" = ").next().unwrap_or(side).to_string();
    let _ = writeln!(
        out,
        "differ from the CPython of their version: {} on {} cases, {} on {}: {} fixed, {} regressed, {} still differ",
        name(&changes.old),
        changes.fixed.len() + changes.still_differ.len(),
        name(&changes.new),
        changes.regressed.len() + changes.still_differ.len(),
        changes.fixed.len(),
        changes.regressed.len(),
        changes.still_differ.len()
    );
    for (title, ids) in [
        ("fixed", &changes.fixed),
        ("regressed", &changes.regressed),
        ("still differ", &changes.still_differ),
        (
            "not comparable (skipped or no golden)",
            &changes.not_comparable,
        ),
    ] {
        if ids.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({}):", palette.bold(title), ids.len());
        for id in ids {
            let _ = writeln!(out, "  {}", visible_line(id));
        }
    }
    out
}
