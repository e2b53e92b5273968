//! `accept`: runs the selected cases on a backend that is not a reference and
//! writes the divergences it shows into its expectations file (`expectations.rs`),
//! so that an implementer's first CI run starts green and every later change
//! shows. Entries it keeps keep their reasons; entries whose case no longer
//! diverges (or is gone) are removed; a new entry's reason says that it was
//! accepted, not triaged. The case headers' own marks still apply: what they cover
//! needs no entry.

use crate::backend::Backend;
use crate::compare::{differing_sections, FailureKind, Verdict};
use crate::error::Error;
use crate::expectations::{self, Entry, Expectations};
use crate::report::{section_diff, visible, visible_line, Palette};
use crate::session::{check_all, Progress, Session};
use crate::suite::check_golden;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What `accept` did to one backend's file.
#[derive(Debug, Default)]
pub struct Accepted {
    pub backend: String,
    /// The file as people see it.
    pub file: String,
    pub path: PathBuf,
    /// Written to `<file>.pending` for `review`, not to the file.
    pub pending: bool,
    pub before: String,
    pub after: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub kept: usize,
    /// Cases that differ in a way no entry can accept, and why.
    pub refused: Vec<(String, String)>,
}

impl Accepted {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// A reference's observations are what goldens are made of: a difference there is
/// a golden to refresh, never an expectation.
pub fn refuse_reference(backend: &Backend) -> Result<(), Error> {
    if backend.spec.kind.is_reference() {
        return Err(Error::Usage(format!(
            "{} is a reference (its CPython makes the goldens): refresh goldens with `closure-conformance regen --pending`, then `closure-conformance review`",
            backend.name
        )));
    }
    Ok(())
}

/// The reason a new entry gets: honest about what it is until someone triages it.
pub fn new_reason(build: &str, day: &str) -> String {
    format!("accepted from a run of {build} on {day}; not yet triaged")
}

/// Runs the session's selected cases on `backend` and writes its divergences to
/// `path` (or `<path>.pending`), keeping the entries of cases not selected.
pub fn accept(
    session: &Session,
    backend: &Backend,
    path: &Path,
    reason: &str,
    pending: bool,
    progress: &dyn Progress,
) -> Result<Accepted, Error> {
    refuse_reference(backend)?;
    backend.hello().map_err(|why| Error::Backend {
        name: backend.name.clone(),
        why,
    })?;
    let old = expectations::read(&session.root, path, false)?.unwrap_or_default();
    let before = std::fs::read_to_string(path).unwrap_or_default();
    let cases = session.cases();
    let outcomes = check_all(&cases, progress, |case| {
        check_golden(case, backend, &session.layout.expected)
    });
    let mut accepted = Accepted {
        backend: backend.name.clone(),
        file: expectations::shown(&session.root, path),
        path: path.to_path_buf(),
        pending,
        before,
        ..Accepted::default()
    };
    let mut found: BTreeMap<String, Vec<crate::observation::Section>> = BTreeMap::new();
    for outcome in &outcomes {
        let Verdict::Fail(failure) = &outcome.verdict else {
            continue;
        };
        let id = outcome.case.id.clone();
        match &failure.why {
            FailureKind::Mismatch | FailureKind::Fault(_) => {
                found.insert(id, differing_sections(&outcome.expected, &outcome.actual));
            }
            FailureKind::StaleDivergence { .. } => accepted.refused.push((
                id,
                format!(
                    "a `# diverges:` mark in {} for {} no longer reproduces: remove it",
                    outcome.case.display_path, backend.name
                ),
            )),
            FailureKind::NoExpectation(why) => accepted.refused.push((id, why.clone())),
        }
    }
    let selected: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    let mut new = Expectations::default();
    for (id, entry) in &old.entries {
        let exists =
            session.all_cases.iter().any(|c| &c.id == id) || expectations::is_bad_case(session, id);
        if selected.contains(&id.as_str()) || !exists {
            if !found.contains_key(id) {
                accepted.removed.push(id.clone());
            }
            continue;
        }
        new.entries.insert(id.clone(), entry.clone());
    }
    for (id, sections) in found {
        let reason = match old.entries.get(&id) {
            Some(entry) => {
                accepted.kept += 1;
                entry.reason.clone()
            }
            None => {
                accepted.added.push(id.clone());
                reason.to_string()
            }
        };
        let entry = Entry {
            sections,
            reason,
            line: 1,
        };
        new.entries.insert(id, entry);
    }
    accepted.after = expectations::render(&backend.name, &new);
    let written = if accepted.changed() {
        crate::pending::write(path, &accepted.after, pending)
    } else {
        crate::pending::discard(path)
    };
    written.map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(accepted)
}

/// What accept did, for people: the file's diff, the counts, the cases refused.
pub fn render(accepted: &Accepted, palette: Palette) -> String {
    let mut out = String::new();
    let file = visible_line(&accepted.file);
    if accepted.changed() {
        let verb = if accepted.pending {
            "pending"
        } else {
            "updated"
        };
        let _ = writeln!(out, "{} {file}", palette.bold(verb));
        out.push_str(&section_diff(
            &accepted.before,
            &accepted.after,
            "expectations",
            "accept",
            palette,
        ));
    }
    for (case, why) in &accepted.refused {
        let _ = writeln!(
            out,
            "{} {}::{}: {}",
            palette.red("not accepted"),
            accepted.backend,
            visible_line(case),
            visible(why)
        );
    }
    let _ = writeln!(
        out,
        "accept {}: {file} {} ({} new, {} removed, {} kept){}",
        accepted.backend,
        match (accepted.changed(), accepted.pending) {
            (false, _) => "unchanged",
            (true, true) => "pending (see `closure-conformance review`)",
            (true, false) => "written",
        },
        accepted.added.len(),
        accepted.removed.len(),
        accepted.kept,
        if accepted.refused.is_empty() {
            String::new()
        } else {
            format!(", {} not accepted", accepted.refused.len())
        }
    );
    out
}
