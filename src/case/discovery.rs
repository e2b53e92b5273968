//! Finding the case files under a directory (following symlinks, skipping hidden
//! files, reporting loops, non-UTF-8 names and ids two files share) and selecting
//! them by filter.

use super::{Case, CaseError};
use std::path::{Path, PathBuf};

/// A path under the cases directory as people see it: relative to the suite root,
/// `cases/topic/name.py` for the corpus.
pub(super) fn shown_path(root: &Path, path: &Path) -> PathBuf {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let root_name = root
        .file_name()
        .map(Path::new)
        .unwrap_or(Path::new("cases"));
    match relative.as_os_str().is_empty() {
        true => root_name.to_path_buf(),
        false => root_name.join(relative),
    }
}

/// A path that is not UTF-8, with its invalid bytes shown as `\xNN`.
pub(super) fn escape_non_utf8(path: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    for chunk in path.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out
}

/// Cases that share an id would share a golden and overwrite each other's: each
/// such group is an error naming every file, and none of them runs.
pub(super) fn reject_duplicate_ids(cases: Vec<Case>) -> (Vec<Case>, Vec<CaseError>) {
    let mut by_id: std::collections::BTreeMap<String, Vec<Case>> = Default::default();
    for case in cases {
        by_id.entry(case.id.clone()).or_default().push(case);
    }
    let (mut unique, mut errors) = (Vec::new(), Vec::new());
    for (id, mut group) in by_id {
        if group.len() == 1 {
            unique.append(&mut group);
            continue;
        }
        let others: Vec<&str> = group[1..].iter().map(|c| c.display_path.as_str()).collect();
        errors.push(CaseError {
            path: group[0].display_path.clone(),
            line: None,
            message: format!(
                "has the same id `{id}` as {}, so they would share one golden; rename one",
                others.join(", ")
            ),
        });
    }
    (unique, errors)
}

/// Whether a file or directory name starts with `.`.
fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.as_encoded_bytes().starts_with(b"."))
}

/// Why walking the cases directory failed at one entry, as a case error: a symlink
/// loop, a symlink to nothing, an unreadable directory.
fn walk_error(root: &Path, error: &walkdir::Error) -> CaseError {
    let shown = |path: &Path| escape_non_utf8(shown_path(root, path).as_os_str());
    let path = error.path().map(shown).unwrap_or_else(|| shown(root));
    let message = match (error.loop_ancestor(), error.io_error()) {
        (Some(ancestor), _) => format!(
            "symlink loop: it leads back to {}, not followed",
            shown(ancestor)
        ),
        (None, Some(io)) => {
            let dangling = error
                .path()
                .and_then(|p| p.symlink_metadata().ok())
                .is_some_and(|m| m.file_type().is_symlink());
            match dangling {
                true => format!("broken symlink: {io}"),
                false => format!("cannot read: {io}"),
            }
        }
        (None, None) => error.to_string(),
    };
    CaseError {
        path,
        line: None,
        message,
    }
}

/// Every `*.py` under `root`, sorted by id, following symlinks (to files and to
/// directories). Errors are collected, not fatal: one bad case, symlink loop or
/// broken symlink must not hide the others. Hidden entries (`.name`: editor
/// lock files, temporaries) are not cases and are not read.
pub fn discover(root: &Path) -> Result<(Vec<Case>, Vec<CaseError>), CaseError> {
    if !root.is_dir() {
        return Err(CaseError {
            path: root.display().to_string(),
            line: None,
            message: "cases directory not found".into(),
        });
    }
    let (mut cases, mut errors) = (Vec::new(), Vec::new());
    let walk = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !hidden(entry.path()));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            // Errors bypass filter_entry: an editor's lock file is a dangling symlink.
            Err(e) if e.depth() > 0 && e.path().is_some_and(hidden) => continue,
            Err(e) => {
                errors.push(walk_error(root, &e));
                continue;
            }
        };
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "py") {
            match Case::load_fully(root, entry.path()) {
                Ok(case) => cases.push(case),
                Err(all) => errors.extend(all),
            }
        }
    }
    let (cases, duplicates) = reject_duplicate_ids(cases);
    errors.extend(duplicates);
    Ok((cases, errors))
}

/// Zero cases is an error, not an empty success: a run that checks nothing must
/// never pass for one that checked everything.
pub fn require_cases(root: &Path, cases: &[Case]) -> Result<(), String> {
    if cases.is_empty() {
        return Err(format!(
            "no cases in {} (a case is {}/<topic>/<name>.py)",
            root.display(),
            root.display()
        ));
    }
    Ok(())
}

/// `select`, but a filter that matches no case at all is an error.
pub fn select_some<'a>(cases: &'a [Case], filters: &[String]) -> Result<Vec<&'a Case>, String> {
    let selected = select(cases, filters);
    if selected.is_empty() {
        return Err(match filters.is_empty() {
            true => "no cases to run".to_string(),
            false => format!(
                "no case matches {} (see `closure-conformance list`)",
                filters.join(" ")
            ),
        });
    }
    Ok(selected)
}

/// Keeps the cases matching any filter (a substring of the id or of `cases/…` path);
/// no filters keep all.
pub fn select<'a>(cases: &'a [Case], filters: &[String]) -> Vec<&'a Case> {
    cases
        .iter()
        .filter(|case| filters.is_empty() || matches_any(filters, &[&case.id, &case.display_path]))
        .collect()
}

/// Whether any filter (less a `.py`) is a substring of any of `names`.
pub fn matches_any(filters: &[String], names: &[&str]) -> bool {
    filters.iter().any(|f| {
        let f = f.trim_end_matches(".py");
        names.iter().any(|name| name.contains(f))
    })
}
