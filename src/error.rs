//! The errors that stop a command, each one line for the user. `main` prints
//! `closure-conformance: error: <message>` and exits 2 (or 141, silently, when the
//! reader of the report has gone).
//!
//! A case file that cannot be read is not one of these: it is a `CaseError` kept in
//! the report, which fails the run but does not stop it.

use crate::case::CaseError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The corpus directory itself cannot be read.
    #[error("{0} (run from the repository root or pass --root DIR)")]
    NoCorpus(CaseError),
    /// The corpus holds no case, or the filters select none: a run that checks
    /// nothing never passes.
    #[error("{0}")]
    NoCases(String),
    /// A backend name that no backend or kind answers to.
    #[error("{0}")]
    UnknownBackend(String),
    /// A backend that was asked for by name and cannot run.
    #[error("backend {name}: {why}")]
    Backend { name: String, why: String },
    /// Wrong settings in the environment or on the command line.
    #[error("{0}")]
    Usage(String),
    /// A worker (the embedded RustPython serving the probe protocol) that failed.
    #[error("{0}")]
    Worker(String),
    /// A file operation other than reading or writing one file that failed:
    /// `doing` says what (`save cases/found/x.py`, `mark …`, `save a case`).
    #[error("cannot {doing}: {source}")]
    Io {
        doing: String,
        source: std::io::Error,
    },
    /// No reference CPython to make goldens with.
    #[error("{0}")]
    NoReference(String),
    #[error("cannot find our own executable: {0}")]
    OwnExecutable(std::io::Error),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing the report to stdout failed (a full disk).
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    /// The reader of stdout has gone (`… | head`); not an error to report.
    #[error("the reader of the output has gone")]
    ReaderGone,
    /// A rule catalogue, golden or benchmark that cannot be used, as its module says.
    #[error("{0}")]
    Corpus(String),
    /// A benchmark that could not measure.
    #[error("{0}")]
    Bench(String),
}

impl Error {
    /// The exit status for this error: 141 for a reader that has gone, else 2.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::ReaderGone => 141,
            _ => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_and_worker_errors_are_one_line_each_with_exit_status_2() {
        let io = Error::Io {
            doing: "save cases/found/x.py".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
        };
        assert_eq!(io.to_string(), "cannot save cases/found/x.py: denied");
        let worker = Error::Worker("the probe protocol: unexpected end of input".into());
        assert_eq!(
            worker.to_string(),
            "the probe protocol: unexpected end of input"
        );
        assert_eq!((io.exit_code(), worker.exit_code()), (2, 2));
        assert_eq!(Error::ReaderGone.exit_code(), 141);
    }
}
