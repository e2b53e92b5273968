//! `scripts/regen`: goldens made by every installed reference CPython, one file per
//! case holding each language version's observation. It writes atomically, touches
//! only the selected cases, and never drops the observation of a version whose
//! reference is not installed here (it keeps it and says so); `--check` only
//! reports what is out of date and which versions it could not check.

use crate::atomic_file;
use crate::backend::{Backend, Discovery, Kind};
use crate::case::Case;
use crate::error::Error;
use crate::golden::{self, Golden, Reference};
use crate::observation::Rendered;
use crate::report::{section_diff, visible, visible_line, Palette};
use crate::session::{Progress, Session};
use crate::suite::{observe, skip_reason};
use crate::version::PyVersion;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, PartialEq)]
pub struct RegenSummary {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub errors: usize,
    /// Goldens with no case (reported, never deleted).
    pub orphans: Vec<String>,
    /// Versions some golden holds that no installed reference could check: kept as they were.
    pub unchecked: BTreeSet<PyVersion>,
    /// What happened, in order, for `render` to tell.
    pub events: Vec<RegenEvent>,
    /// Whether this was `--check` (nothing written).
    pub check: bool,
    /// Whether this was `--pending`: changes went to `<golden>.pending` (`pending.rs`).
    pub pending: bool,
}

/// One thing regen did or found.
#[derive(Debug, PartialEq)]
pub enum RegenEvent {
    /// A temporary left by an interrupted regen: ignored (`--check`), removed, or
    /// not removable (the error).
    Stale {
        path: PathBuf,
        removed: Result<bool, String>,
    },
    /// A golden created or updated (or, with `--check`, missing or out of date),
    /// with its text before (empty when new) and after.
    Golden {
        path: PathBuf,
        new: bool,
        before: String,
        after: String,
    },
    /// A case whose golden could not be made.
    Error { case: String, why: String },
    /// A golden with no case (reported, never deleted).
    Orphan(String),
}

impl RegenSummary {
    pub fn out_of_date(&self) -> usize {
        self.new + self.changed
    }

    /// No error; with `--check`, also nothing out of date and no orphan.
    pub fn passed(&self) -> bool {
        self.errors == 0 && !(self.check && (self.out_of_date() > 0 || !self.orphans.is_empty()))
    }
}

/// The reference of every language version found, started; none is an error that
/// says how to install one.
pub fn references(session: &Session) -> Result<Vec<ReferenceBackend>, Error> {
    let found = &session.discovery;
    let references: Vec<ReferenceBackend> = found
        .references()
        .into_iter()
        .map(|(version, spec)| ReferenceBackend {
            version,
            made_by: spec.build.clone(),
            backend: Backend::start(spec.clone(), &session.options),
        })
        .collect();
    if references.is_empty() {
        return Err(Error::NoReference(format!(
            "regen needs the reference CPython and found none{} (install python3, or run {})",
            found
                .why_not("cpython")
                .map(|why| format!(": {why}"))
                .unwrap_or_default(),
            crate::backend::INSTALL_REFERENCES
        )));
    }
    Ok(references)
}

/// The first line regen says: which build makes each version's goldens.
pub fn header(references: &[ReferenceBackend]) -> String {
    let listed: Vec<String> = references
        .iter()
        .map(|r| format!("{} = {}", r.version, r.made_by))
        .collect();
    format!("references: {}\n", listed.join(", "))
}

/// The last lines regen says: versions it could not check, and the counts.
pub fn conclusion(summary: &RegenSummary, found: &Discovery, palette: Palette) -> String {
    let mut out = String::new();
    if !summary.unchecked.is_empty() {
        let versions: Vec<String> = summary.unchecked.iter().map(|v| v.to_string()).collect();
        let installable = found.unavailable.iter().any(|u| {
            summary
                .unchecked
                .iter()
                .any(|v| u.name == Kind::Pyodide.versioned(*v) && u.install.is_some())
        });
        let _ = writeln!(
            out,
            "{} Python {}: no reference installed here; their goldens were kept as they are{}",
            palette.yellow("not checked:"),
            versions.join(", "),
            if installable {
                format!(" (install with {})", crate::backend::INSTALL_REFERENCES)
            } else {
                String::new()
            }
        );
    }
    let verb = match (summary.check, summary.pending) {
        (true, _) => "out of date",
        (false, true) => "pending (see `closure-conformance review`)",
        (false, false) => "written",
    };
    let _ = writeln!(
        out,
        "regen: {} {verb} ({} new, {} changed), {} unchanged, {} errors{}",
        summary.out_of_date(),
        summary.new,
        summary.changed,
        summary.unchanged,
        summary.errors,
        if summary.orphans.is_empty() {
            String::new()
        } else {
            format!(", {} orphan goldens", summary.orphans.len())
        }
    );
    out
}

enum GoldenUpdate {
    Unchanged,
    Written {
        new: bool,
        before: String,
        after: String,
    },
    Error(String),
}

/// A reference interpreter for one language version, started.
pub struct ReferenceBackend {
    pub version: PyVersion,
    pub backend: Backend,
    /// e.g. `CPython 3.14.2 (pyodide 314.0.7)`.
    pub made_by: String,
}

/// Regenerates (or with `check`, verifies) the goldens of `cases` from every
/// reference, and returns what it did (`render` tells it).
pub fn regen(
    cases: &[&Case],
    all_cases: &[Case],
    references: &[ReferenceBackend],
    expected_root: &Path,
    check: bool,
    progress: &dyn Progress,
) -> Result<RegenSummary, Error> {
    let write = if check { Write::Check } else { Write::Goldens };
    regen_to(cases, all_cases, references, expected_root, write, progress)
}

/// Where regen puts what it makes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Write {
    /// Into the goldens.
    Goldens,
    /// Into `<golden>.pending`, for `review` (`pending.rs`).
    Pending,
    /// Nowhere (`--check`).
    Check,
}

/// `regen`, writing as `write` says.
pub fn regen_to(
    cases: &[&Case],
    all_cases: &[Case],
    references: &[ReferenceBackend],
    expected_root: &Path,
    write: Write,
    progress: &dyn Progress,
) -> Result<RegenSummary, Error> {
    let check = write == Write::Check;
    if references.is_empty() {
        return Err(Error::NoReference(format!(
            "no reference CPython is installed; install one (python3, or {})",
            crate::backend::INSTALL_REFERENCES
        )));
    }
    for reference in references {
        reference.backend.hello().map_err(|why| {
            Error::NoReference(format!(
                "the reference {} ({}) is broken: {why}",
                reference.backend.name, reference.made_by
            ))
        })?;
    }
    // Every (case, reference) observation, in parallel, then one golden per case.
    let pairs: Vec<(usize, usize)> = (0..cases.len())
        .flat_map(|c| (0..references.len()).map(move |r| (c, r)))
        .filter(|&(c, r)| skip_reason(cases[c], references[r].version).is_none())
        .collect();
    progress.start("observations", pairs.len());
    let observed: Vec<((usize, usize), Rendered)> = pairs
        .par_iter()
        .map(|&(c, r)| {
            let rendered = observe(&references[r].backend, cases[c]);
            progress.advance();
            ((c, r), rendered)
        })
        .collect();
    progress.finish();
    let mut by_case: BTreeMap<usize, Vec<(usize, Rendered)>> = BTreeMap::new();
    for ((c, r), rendered) in observed {
        by_case.entry(c).or_default().push((r, rendered));
    }

    let mut summary = RegenSummary {
        check,
        pending: write == Write::Pending,
        ..RegenSummary::default()
    };
    // A regen killed between writing a golden's temporary and renaming it leaves
    // the temporary behind; the golden itself is the old one or the new one.
    for stale in atomic_file::stale_temporaries(expected_root) {
        let removed = if check {
            Ok(false)
        } else {
            std::fs::remove_file(&stale)
                .map(|_| true)
                .map_err(|e| e.to_string())
        };
        summary.errors += usize::from(removed.is_err());
        summary.events.push(RegenEvent::Stale {
            path: stale,
            removed,
        });
    }
    for (index, case) in cases.iter().enumerate() {
        let observations = by_case.remove(&index).unwrap_or_default();
        let result = regen_one(
            case,
            references,
            observations,
            expected_root,
            write,
            &mut summary.unchecked,
        );
        match result {
            GoldenUpdate::Unchanged => summary.unchanged += 1,
            GoldenUpdate::Written { new, before, after } => {
                if new {
                    summary.new += 1;
                } else {
                    summary.changed += 1;
                }
                summary.events.push(RegenEvent::Golden {
                    path: golden::path_for(expected_root, case),
                    new,
                    before,
                    after,
                });
            }
            GoldenUpdate::Error(why) => {
                summary.errors += 1;
                summary.events.push(RegenEvent::Error {
                    case: case.display_path.clone(),
                    why,
                });
            }
        }
    }
    if cases.len() == all_cases.len() {
        summary.orphans = orphans(expected_root, all_cases);
        for orphan in &summary.orphans {
            summary.events.push(RegenEvent::Orphan(orphan.clone()));
        }
    }
    Ok(summary)
}

fn regen_one(
    case: &Case,
    references: &[ReferenceBackend],
    observations: Vec<(usize, Rendered)>,
    expected_root: &Path,
    write: Write,
    unchecked: &mut BTreeSet<PyVersion>,
) -> GoldenUpdate {
    let mut golden = Golden::default();
    for (r, rendered) in observations {
        let reference = &references[r];
        if let Some(fault) = rendered.fault() {
            return GoldenUpdate::Error(format!(
                "the reference for {} ({}) could not run it: {fault}",
                reference.version, reference.made_by,
            ));
        }
        golden.versions.insert(
            reference.version,
            Reference {
                made_by: reference.made_by.clone(),
                body: rendered,
            },
        );
    }
    let path = golden::path_for(expected_root, case);
    let old = golden::read(expected_root, case);
    // Versions no installed reference covers keep what the golden says for them,
    // as long as the case still runs on them.
    if let Ok(old) = &old {
        for (version, reference) in golden.versions.iter_mut() {
            // Another build of the same version that observes the same keeps the
            // golden as it is (a machine with only an older 3.12 checks the newest's),
            // unless this build is a newer release: the golden names the newest.
            if let Some(before) = old.versions.get(version) {
                let release = crate::backend::newest::release;
                let newer = release(&reference.made_by) > release(&before.made_by);
                if before.body == reference.body && !newer {
                    reference.made_by = before.made_by.clone();
                }
            }
        }
        for (version, reference) in &old.versions {
            let covered = references.iter().any(|r| r.version == *version);
            if !covered && skip_reason(case, *version).is_none() {
                unchecked.insert(*version);
                golden.versions.insert(*version, reference.clone());
            }
        }
    }
    if golden.versions.is_empty() {
        return GoldenUpdate::Error(format!(
            "no installed reference runs it ({})",
            case.header
                .requires
                .as_ref()
                .map(|r| format!("it requires Python {}", r.spec))
                .unwrap_or_else(|| "no reference at all".into())
        ));
    }
    let new_text = golden::file_text(case, &golden);
    let old_text = match &old {
        // A pending change of a golden found current is stale.
        Ok(old) if *old == golden => match write {
            Write::Check => return GoldenUpdate::Unchanged,
            _ => match crate::pending::discard(&path) {
                Ok(()) => return GoldenUpdate::Unchanged,
                Err(e) => {
                    return GoldenUpdate::Error(format!("cannot remove its pending change: {e}"))
                }
            },
        },
        Ok(old) => golden::file_text(case, old),
        Err(golden::GoldenError::Missing { .. }) => String::new(),
        // An unreadable or malformed golden is replaced; its text is shown as removed.
        Err(_) => std::fs::read_to_string(&path).unwrap_or_default(),
    };
    if write != Write::Check {
        if let Err(e) = crate::pending::write(&path, &new_text, write == Write::Pending) {
            return GoldenUpdate::Error(format!("cannot write {}: {e}", path.display()));
        }
    }
    GoldenUpdate::Written {
        new: matches!(old, Err(golden::GoldenError::Missing { .. })),
        before: old_text,
        after: new_text,
    }
}

/// What regen did, for people: one line per event (a golden's with its diff).
pub fn render(summary: &RegenSummary, palette: Palette) -> String {
    let mut out = String::new();
    for event in &summary.events {
        match event {
            RegenEvent::Stale { path, removed } => {
                let path = visible_line(&path.to_string_lossy()).into_owned();
                let _ = writeln!(
                    out,
                    "{}",
                    match removed {
                        Ok(false) => format!(
                            "{} {path} is left by an interrupted regen; ignored (no golden was lost; regen removes it)",
                            palette.yellow("stale")
                        ),
                        Ok(true) => format!(
                            "{} {path}, left by an interrupted regen (no golden was lost)",
                            palette.yellow("removed")
                        ),
                        Err(e) => format!(
                            "{} cannot remove {path}, left by an interrupted regen: {e}",
                            palette.red("error")
                        ),
                    }
                );
            }
            RegenEvent::Golden {
                path,
                new,
                before,
                after,
            } => {
                let verb = match (new, summary.check, summary.pending) {
                    (true, true, _) => "missing",
                    (false, true, _) => "out of date",
                    (true, false, false) => "created",
                    (false, false, false) => "updated",
                    (_, false, true) => "pending",
                };
                let _ = writeln!(
                    out,
                    "{} {}",
                    palette.bold(verb),
                    visible_line(&path.to_string_lossy())
                );
                out.push_str(&section_diff(before, after, "golden", "regen", palette));
            }
            RegenEvent::Error { case, why } => {
                let _ = writeln!(
                    out,
                    "{} {}: {}",
                    palette.red("error"),
                    visible_line(case),
                    visible(why)
                );
            }
            RegenEvent::Orphan(path) => {
                let _ = writeln!(
                    out,
                    "{} {} has no case (delete it if the case is gone)",
                    palette.yellow("orphan"),
                    visible_line(path)
                );
            }
        }
    }
    out
}

/// Goldens under `expected_root` that belong to no case (temporaries of an atomic
/// write, a running or an interrupted one, are not goldens).
fn orphans(expected_root: &Path, cases: &[Case]) -> Vec<String> {
    let known: std::collections::HashSet<std::path::PathBuf> = cases
        .iter()
        .map(|c| golden::path_for(expected_root, c))
        .collect();
    walkdir::WalkDir::new(expected_root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && !known.contains(e.path())
                && !atomic_file::is_temporary(e.path())
                && !crate::pending::is_pending(e.path())
        })
        .map(|e| e.path().display().to_string())
        .collect()
}
