//! `scripts/regen`: goldens made by every installed reference CPython, one file per
//! case holding each language version's observation. It writes atomically, touches
//! only the selected cases, and never drops the observation of a version whose
//! reference is not installed here (it keeps it and says so); `--check` only
//! reports what is out of date and which versions it could not check.

use crate::backend::Backend;
use crate::case::Case;
use crate::golden::{self, Golden, Reference};
use crate::observation::Rendered;
use crate::report::{section_diff, visible, visible_line, Palette};
use crate::suite::{observe, skip_reason};
use crate::version::PyVersion;
use crate::{say, say_raw};
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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
}

impl RegenSummary {
    pub fn out_of_date(&self) -> usize {
        self.new + self.changed
    }
}

enum GoldenUpdate {
    Unchanged,
    Written { new: bool, diff: String },
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
/// reference. Messages go to stdout as they happen; the summary is returned.
pub fn regen(
    cases: &[&Case],
    all_cases: &[Case],
    references: &[ReferenceBackend],
    expected_root: &Path,
    check: bool,
    palette: Palette,
) -> Result<RegenSummary, String> {
    if references.is_empty() {
        return Err(format!(
            "no reference CPython is installed; install one (python3, or {})",
            crate::backend::INSTALL_REFERENCES
        ));
    }
    for reference in references {
        reference.backend.hello().map_err(|why| {
            format!(
                "the reference {} ({}) is broken: {why}",
                reference.backend.name, reference.made_by
            )
        })?;
    }
    // Every (case, reference) observation, in parallel, then one golden per case.
    let pairs: Vec<(usize, usize)> = (0..cases.len())
        .flat_map(|c| (0..references.len()).map(move |r| (c, r)))
        .filter(|&(c, r)| skip_reason(cases[c], references[r].version).is_none())
        .collect();
    let bar = ProgressBar::new(pairs.len() as u64);
    let observed: Vec<((usize, usize), Rendered)> = pairs
        .par_iter()
        .map(|&(c, r)| {
            let rendered = observe(&references[r].backend, cases[c]);
            bar.inc(1);
            ((c, r), rendered)
        })
        .collect();
    bar.finish_and_clear();
    let mut by_case: BTreeMap<usize, Vec<(usize, Rendered)>> = BTreeMap::new();
    for ((c, r), rendered) in observed {
        by_case.entry(c).or_default().push((r, rendered));
    }

    let mut summary = RegenSummary::default();
    // A regen killed between writing a golden's temporary and renaming it leaves
    // the temporary behind; the golden itself is the old one or the new one.
    for stale in golden::stale_temporaries(expected_root) {
        if check {
            say!(
                "{} {} is left by an interrupted regen; ignored (no golden was lost; regen removes it)",
                palette.yellow("stale"),
                stale.display()
            );
        } else if let Err(e) = std::fs::remove_file(&stale) {
            say!(
                "{} cannot remove {}, left by an interrupted regen: {e}",
                palette.red("error"),
                stale.display()
            );
            summary.errors += 1;
        } else {
            say!(
                "{} {}, left by an interrupted regen (no golden was lost)",
                palette.yellow("removed"),
                stale.display()
            );
        }
    }
    for (index, case) in cases.iter().enumerate() {
        let observations = by_case.remove(&index).unwrap_or_default();
        let result = regen_one(
            case,
            references,
            observations,
            expected_root,
            check,
            palette,
            &mut summary.unchecked,
        );
        let golden_path = golden::path_for(expected_root, case);
        match result {
            GoldenUpdate::Unchanged => summary.unchanged += 1,
            GoldenUpdate::Written { new, diff } => {
                let verb = match (new, check) {
                    (true, true) => "missing",
                    (false, true) => "out of date",
                    (true, false) => "created",
                    (false, false) => "updated",
                };
                say!(
                    "{} {}",
                    palette.bold(verb),
                    visible_line(&golden_path.to_string_lossy())
                );
                say_raw!("{diff}");
                if new {
                    summary.new += 1;
                } else {
                    summary.changed += 1;
                }
            }
            GoldenUpdate::Error(why) => {
                say!(
                    "{} {}: {}",
                    palette.red("error"),
                    visible_line(&case.display_path),
                    visible(&why)
                );
                summary.errors += 1;
            }
        }
    }
    if cases.len() == all_cases.len() {
        summary.orphans = orphans(expected_root, all_cases);
        for orphan in &summary.orphans {
            say!(
                "{} {orphan} has no case (delete it if the case is gone)",
                palette.yellow("orphan")
            );
        }
    }
    Ok(summary)
}

fn regen_one(
    case: &Case,
    references: &[ReferenceBackend],
    observations: Vec<(usize, Rendered)>,
    expected_root: &Path,
    check: bool,
    palette: Palette,
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
            // golden as it is (a fresh machine's pyodide 3.12 checks a native 3.12's).
            if let Some(before) = old.versions.get(version) {
                if before.body == reference.body {
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
        Ok(old) if *old == golden => return GoldenUpdate::Unchanged,
        Ok(old) => golden::file_text(case, old),
        Err(golden::GoldenError::Missing { .. }) => String::new(),
        // An unreadable or malformed golden is replaced; its text is shown as removed.
        Err(_) => std::fs::read_to_string(&path).unwrap_or_default(),
    };
    let diff = section_diff(&old_text, &new_text, "golden", "regen", palette);
    if !check {
        if let Err(e) = golden::write_atomically(&path, &new_text) {
            return GoldenUpdate::Error(format!("cannot write {}: {e}", path.display()));
        }
    }
    GoldenUpdate::Written {
        new: matches!(old, Err(golden::GoldenError::Missing { .. })),
        diff,
    }
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
            e.file_type().is_file() && !known.contains(e.path()) && !golden::is_temporary(e.path())
        })
        .map(|e| e.path().display().to_string())
        .collect()
}
