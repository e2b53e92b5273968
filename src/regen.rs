//! `scripts/regen`: goldens made by the reference CPython, written atomically,
//! touching only the selected cases; `--check` only reports what is out of date.

use crate::backend::Backend;
use crate::case::Case;
use crate::golden;
use crate::observation::Section;
use crate::report::{section_diff, Palette};
use crate::suite::observe;
use crate::{say, say_raw};
use rayon::prelude::*;
use std::path::Path;

#[derive(Debug, Default, PartialEq)]
pub struct RegenSummary {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub errors: usize,
    /// Goldens with no case (reported, never deleted).
    pub orphans: Vec<String>,
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

/// Regenerates (or with `check`, verifies) the goldens of `cases`. Messages go to
/// stdout as they happen; the summary is returned.
pub fn regen(
    cases: &[&Case],
    all_cases: &[Case],
    reference: &Backend,
    expected_root: &Path,
    check: bool,
    palette: Palette,
) -> Result<RegenSummary, String> {
    let hello = reference.hello().map_err(|why| {
        format!(
            "the reference interpreter ({}) is missing or broken: {why}",
            reference.name
        )
    })?;
    let made_by = crate::backend::describe_hello(&hello);
    let results: Vec<(&Case, GoldenUpdate)> = cases
        .par_iter()
        .map(|case| {
            (
                *case,
                regen_one(
                    case,
                    reference,
                    &hello.language_version,
                    &made_by,
                    expected_root,
                    check,
                    palette,
                ),
            )
        })
        .collect();

    let mut summary = RegenSummary::default();
    for (case, result) in results {
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
                say!("{} {}", palette.bold(verb), golden_path.display());
                say_raw!("{diff}");
                if new {
                    summary.new += 1;
                } else {
                    summary.changed += 1;
                }
            }
            GoldenUpdate::Error(why) => {
                say!("{} {}: {why}", palette.red("error"), case.display_path);
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
    reference: &Backend,
    version: &str,
    made_by: &str,
    expected_root: &Path,
    check: bool,
    palette: Palette,
) -> GoldenUpdate {
    if let Some(note) = &case.header.python {
        if !note.spec.matches(version) {
            return GoldenUpdate::Error(format!(
                "its golden must come from Python {} ({}), the reference is {version}; choose one with --python",
                note.spec, note.why
            ));
        }
    }
    let rendered = observe(reference, case);
    if !rendered.get(Section::Fault).is_empty() {
        return GoldenUpdate::Error(format!(
            "the reference could not run it: {}",
            rendered
                .get(Section::Fault)
                .trim_end()
                .trim_start_matches("| ")
        ));
    }
    let old = golden::read(expected_root, case);
    let old_body = match &old {
        Ok(golden) if golden.body == rendered => return GoldenUpdate::Unchanged,
        Ok(golden) => golden.body.to_text(),
        Err(golden::GoldenError::Missing { .. }) => String::new(),
        // An unreadable or malformed golden is replaced; its text is shown as removed.
        Err(_) => {
            std::fs::read_to_string(golden::path_for(expected_root, case)).unwrap_or_default()
        }
    };
    let diff = section_diff(&old_body, &rendered.to_text(), "golden", made_by, palette);
    if !check {
        let path = golden::path_for(expected_root, case);
        if let Err(e) =
            golden::write_atomically(&path, &golden::file_text(case, made_by, &rendered))
        {
            return GoldenUpdate::Error(format!("cannot write {}: {e}", path.display()));
        }
    }
    GoldenUpdate::Written {
        new: matches!(old, Err(golden::GoldenError::Missing { .. })),
        diff,
    }
}

/// Goldens under `expected_root` that belong to no case.
fn orphans(expected_root: &Path, cases: &[Case]) -> Vec<String> {
    let known: std::collections::HashSet<std::path::PathBuf> = cases
        .iter()
        .map(|c| golden::path_for(expected_root, c))
        .collect();
    walkdir::WalkDir::new(expected_root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !known.contains(e.path()))
        .map(|e| e.path().display().to_string())
        .collect()
}
