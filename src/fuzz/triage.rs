//! Where each finding of a campaign stands: known (a corpus case shows its
//! identity, or a saved case is already at its path), new and saved as a case
//! (with `save`), or new.

use super::campaign::{Finding, Known};
use super::generate::Mode;
use super::save;
use super::summary::Status;
use crate::error::Error;
use std::path::Path;

/// The findings' statuses, in order, and the cases saved (`found/<stem>`, as a
/// filter selects them).
pub struct Triage {
    pub statuses: Vec<Status>,
    pub saved: Vec<String>,
}

/// Triages `findings` against the corpus under `cases` and the `known`
/// identities; with `save`, writes each new one as a case.
pub fn triage(
    cases: &Path,
    findings: &[Finding],
    known: &Known,
    save: bool,
    mode: Mode,
) -> Result<Triage, Error> {
    let mut statuses = Vec::new();
    let mut saved = Vec::new();
    for finding in findings {
        let existing = save::path_for(cases, finding);
        let status = if let Some(case) = known.get(&finding.identity) {
            Status::Known { case: case.clone() }
        } else if existing.exists() {
            Status::Known {
                case: existing.display().to_string(),
            }
        } else if save {
            let path = save::save(cases, finding, mode).map_err(|source| Error::Io {
                doing: format!("save {}", existing.display()),
                source,
            })?;
            if let Some(stem) = path.as_ref().and_then(|p| p.file_stem()) {
                saved.push(format!("{}/{}", save::TOPIC, stem.to_string_lossy()));
            }
            Status::New {
                saved: path.map(|p| p.display().to_string()),
            }
        } else {
            Status::New { saved: None }
        };
        statuses.push(status);
    }
    Ok(Triage { statuses, saved })
}
