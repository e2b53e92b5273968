//! Cases: the Python files under `cases/<topic>/<name>.py` and their header blocks.
//!
//! This file is the model (a `Case`, its `Header` and marks, the one-line
//! `CaseError`) and the reading of one file; `header.rs` parses the header, the
//! leading run of `# key: value` lines (see docs/case-format.md); `discovery.rs`
//! finds the case files under a directory and selects them by filter.

use crate::observation::Section;
use crate::parse_error::ParseError;
use crate::version::VersionSpec;
use discovery::{escape_non_utf8, shown_path};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod discovery;
mod header;
mod marks;
pub use discovery::{discover, matches_any, require_cases, select, select_some};
pub use header::{parse_header, parse_memory};
pub use marks::{parse_cause, parse_reference_bug, ReferenceBug, Site};

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The memory a case may use when its header does not say (`# memory: …`): 4 GiB.
pub const DEFAULT_MEMORY_LIMIT: u64 = 4 << 30;

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;
/// The range a `# memory:` header may ask for.
pub const MEMORY_LIMITS: std::ops::RangeInclusive<u64> = 16 * MIB..=64 * GIB;

/// A case file, read and parsed.
#[derive(Debug, Clone)]
pub struct Case {
    /// `topic/name`, the case's identity in test names, goldens and reports.
    pub id: String,
    pub topic: String,
    /// Path as given to interpreters and shown to people: `cases/topic/name.py`.
    pub display_path: String,
    pub path: PathBuf,
    pub source: String,
    pub header: Header,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub description: String,
    pub source: String,
    pub rules: Vec<String>,
    pub timeout: Option<Duration>,
    /// `memory: 512 MiB`: the case's memory cap, in bytes.
    pub memory: Option<u64>,
    pub requires: Option<VersionNote>,
    pub divergences: Vec<Divergence>,
    /// `reference-bug:` marks: golden variants that record a CPython bug (`refbug.rs`).
    pub reference_bugs: Vec<ReferenceBug>,
    /// `cause:` the one root cause the case shows, when it names one (`cause.rs`).
    pub cause: Option<String>,
    pub notes: Vec<String>,
    /// `identity: <backend>: <what>`: the root cause a fuzzer finding shows
    /// (src/fuzz/identity.rs).
    pub identity: Option<String>,
    /// `same-cause: <backend>: <what>`: another identity of the cause this case
    /// shows, whose own witness was merged into this case (src/fuzz/known.rs links
    /// a finding with it to this case).
    pub same_cause: Vec<String>,
}

/// `requires: <spec> — <why>`: the Python versions the case can run on at all (it
/// uses a feature older versions lack). Goldens hold only those versions; other
/// backends skip the case with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionNote {
    pub spec: VersionSpec,
    pub why: String,
}

/// `diverges: <backend> [<section>,…]: <reason>`: a known difference from the golden.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    pub backend: String,
    /// The sections allowed to differ; empty means any.
    pub sections: Vec<Section>,
    pub reason: String,
    /// Where the entry is when it comes from an expectations file rather than
    /// the case's header (`expectations.rs`).
    pub entry: Option<Site>,
}

/// A problem with a case file, reported as one line.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for CaseError {}

impl Case {
    pub fn timeout(&self) -> Duration {
        self.header.timeout.unwrap_or(DEFAULT_TIMEOUT)
    }

    /// The memory cap of the worker that runs this case, in bytes: the header's
    /// `# memory:`, else `DEFAULT_MEMORY_LIMIT`.
    pub fn memory_limit(&self) -> u64 {
        self.header.memory.unwrap_or(DEFAULT_MEMORY_LIMIT)
    }

    /// The divergence marks that apply to one backend: those naming it, and for the
    /// kinds with one backend per version, those naming the kind (`cpython` applies
    /// to `cpython-3.12`, `pyodide` to `pyodide-3.14`).
    pub fn divergences_for<'a>(&'a self, backend: &'a str) -> impl Iterator<Item = &'a Divergence> {
        self.header
            .divergences
            .iter()
            .filter(move |d| crate::backend::Kind::mark_applies(&d.backend, backend))
    }

    /// The expectations-file entries among the marks that apply to `backend`.
    pub fn expectation_entries<'a>(&'a self, backend: &'a str) -> impl Iterator<Item = &'a Site> {
        self.divergences_for(backend)
            .filter_map(|mark| mark.entry.as_ref())
    }

    /// Reads and parses one case file. `root` is the cases directory. The error is
    /// its first problem.
    pub fn load(root: &Path, path: &Path) -> Result<Case, CaseError> {
        Case::load_fully(root, path).map_err(|mut errors| errors.remove(0))
    }

    /// `load`, with every problem of a bad header (at least one error).
    pub fn load_fully(root: &Path, path: &Path) -> Result<Case, Vec<CaseError>> {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let shown = shown_path(root, path);
        // The id names the golden: a lossy conversion would give two files one id.
        let Some(display_path) = shown.to_str().map(|p| p.replace('\\', "/")) else {
            return Err(vec![CaseError {
                path: escape_non_utf8(shown.as_os_str()),
                line: None,
                message: "file name is not UTF-8".into(),
            }]);
        };
        let error = |message: String| {
            vec![CaseError {
                path: display_path.clone(),
                line: None,
                message,
            }]
        };
        let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read: {e}")))?;
        let source = String::from_utf8(bytes).map_err(|e| {
            error(format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let components: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if components.len() != 2 {
            return Err(error("a case must be <cases dir>/<topic>/<name>.py".into()));
        }
        let header = header::parse_header_fully(&source).map_err(|errors| {
            let case_error = |e: ParseError| CaseError {
                path: display_path.clone(),
                line: Some(e.line),
                message: e.message,
            };
            errors.into_iter().map(case_error).collect::<Vec<_>>()
        })?;
        Ok(Case {
            id: components.join("/"),
            topic: components[0].clone(),
            display_path,
            path: path.to_path_buf(),
            source,
            header,
        })
    }
}

impl crate::backend::Program for Case {
    fn path(&self) -> &str {
        &self.display_path
    }

    fn file(&self) -> Option<&std::path::Path> {
        Some(&self.path)
    }

    fn source(&self) -> &str {
        &self.source
    }

    fn timeout(&self) -> Duration {
        Case::timeout(self)
    }

    fn memory_limit(&self) -> u64 {
        Case::memory_limit(self)
    }
}

#[cfg(test)]
mod discovery_tests;
#[cfg(test)]
mod header_tests;
