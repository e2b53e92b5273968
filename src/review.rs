//! `review`: the pending changes that `regen --pending` and `accept --pending` left
//! (`pending.rs`), shown as diffs and accepted or rejected one by one or all at once,
//! in the manner of `cargo insta review`. A golden's pending change is named by its
//! case id, an expectations file's by its backend.

use crate::expectations;
use crate::report::{section_diff, visible_line, Palette};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One pending change.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The case id (a golden) or the backend (an expectations file).
    pub name: String,
    /// The file it would replace.
    pub real: PathBuf,
    /// That file as people see it.
    pub shown: String,
}

/// What to do with a pending change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    Accept,
    Reject,
}

/// Every pending change under `root`: goldens in `expected/`, then expectations
/// files in `expectations/` and those named in `explicit` (`--expectations`).
pub fn find(root: &Path, explicit: &[(String, PathBuf)]) -> Vec<Item> {
    let expected = root.join("expected");
    let mut items: Vec<Item> = crate::pending::under(&expected)
        .into_iter()
        .filter_map(|real| {
            let relative = real.strip_prefix(&expected).ok()?.to_str()?;
            let name = relative.strip_suffix(".txt")?.replace('\\', "/");
            Some(item(root, name, real))
        })
        .collect();
    for real in crate::pending::under(&root.join(expectations::DIR)) {
        let name = real
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if let Some(backend) = name.strip_suffix(".toml") {
            items.push(item(root, backend.to_string(), real.clone()));
        }
    }
    for (backend, real) in explicit {
        let known = items.iter().any(|i| same_file(&i.real, real));
        if !known && crate::pending::path_of(real).is_file() {
            items.push(item(root, backend.clone(), real.clone()));
        }
    }
    items
}

fn item(root: &Path, name: String, real: PathBuf) -> Item {
    Item {
        name,
        shown: expectations::shown(root, &real),
        real,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

impl Item {
    /// Whether `selector` (a case id, a backend, or the file's path) names it.
    pub fn is(&self, selector: &str) -> bool {
        let selector = selector.trim_end_matches(".py");
        self.name == selector
            || self.shown == selector
            || format!("cases/{}", self.name) == selector
            || Path::new(selector) == self.real
    }

    /// The change as a diff of the file now (empty when new) and pending.
    pub fn diff(&self, palette: Palette) -> String {
        let before = std::fs::read_to_string(&self.real).unwrap_or_default();
        let after =
            std::fs::read_to_string(crate::pending::path_of(&self.real)).unwrap_or_default();
        let verb = if self.real.exists() {
            "pending"
        } else {
            "pending new"
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} ({})",
            palette.bold(verb),
            visible_line(&self.shown),
            visible_line(&self.name)
        );
        out.push_str(&section_diff(
            &before, &after, "current", "pending", palette,
        ));
        out
    }

    /// Accepts (the file becomes the pending text, byte for byte) or rejects (the
    /// pending text is deleted) the change.
    pub fn decide(&self, decision: Decision) -> std::io::Result<()> {
        match decision {
            Decision::Accept => crate::pending::accept(&self.real),
            Decision::Reject => std::fs::remove_file(crate::pending::path_of(&self.real)),
        }
    }
}

/// The items `selectors` name, each selector naming at least one; else the
/// one-line error naming the first that names none.
pub fn select<'a>(items: &'a [Item], selectors: &[String]) -> Result<Vec<&'a Item>, String> {
    for selector in selectors {
        if !items.iter().any(|i| i.is(selector)) {
            let pending: Vec<&str> = items.iter().map(|i| i.name.as_str()).collect();
            return Err(format!(
                "no pending change for {selector:?} (pending: {})",
                if pending.is_empty() {
                    "none".to_string()
                } else {
                    pending.join(", ")
                }
            ));
        }
    }
    Ok(items
        .iter()
        .filter(|i| selectors.iter().any(|s| i.is(s)))
        .collect())
}
