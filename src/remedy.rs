//! What a failure's hint says to do, by the kind of backend. A reference's
//! observation makes the golden, so a difference there is a golden to refresh
//! (`regen`, or `regen --pending` then `review`); any other backend records a known
//! difference in its expectations file (`accept`, `expectations.rs`). The commands
//! themselves are `refresh.rs`'s; this module words them for a failure.

use crate::backend::Kind;
use crate::case::Site;
use crate::compare::{Failure, FailureKind, Verdict};
use crate::refresh::TOOL;
use crate::suite::Outcome;

/// The line a text report ends a failure with: what to run if the difference is
/// what should be expected.
pub fn sentence(outcome: &Outcome) -> Option<String> {
    let command = outcome.refresh_command.as_ref()?;
    let reference = Kind::of_backend(&outcome.backend).is_reference();
    let stale = matches!(
        &outcome.verdict,
        Verdict::Fail(Failure {
            why: FailureKind::StaleDivergence { .. },
            ..
        })
    );
    if stale && !reference {
        // Its own line says which mark or entry to remove.
        return None;
    }
    Some(if reference {
        format!("if the golden is what is wrong, refresh it: {command} (with --pending, to review it first)")
    } else {
        format!(
            "if this difference is known, record it in the expectations of {}: {command}",
            outcome.backend
        )
    })
}

/// The expectations entries of a stale known divergence (none when only a case's
/// own `# diverges:` marks are stale).
pub fn stale_entries(outcome: &Outcome) -> Vec<&Site> {
    outcome.case.expectation_entries(&outcome.backend).collect()
}

/// Whether an expectations file holds a mark of the outcome's (a stale one when
/// the outcome is a stale divergence).
pub fn is_entry(outcome: &Outcome) -> bool {
    !stale_entries(outcome).is_empty()
}

/// What to do about a stale divergence that an expectations file holds.
pub fn remove_entry(outcome: &Outcome, site: &Site) -> String {
    format!(
        "remove the entry for `{}` from {} (line {}), or rerun `{TOOL} accept` for {}",
        outcome.case.id, site.file, site.line, outcome.backend
    )
}

/// The one-line reason of a stale divergence an expectations file holds.
pub fn stale_reason(outcome: &Outcome) -> Option<String> {
    let site = stale_entries(outcome).into_iter().next()?;
    Some(format!(
        "known divergence no longer reproduces: {}",
        remove_entry(outcome, site)
    ))
}
