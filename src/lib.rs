//! closure-conformance: a conformance suite and differential tester for Python
//! closure semantics.
//!
//! The pipeline, one module per step:
//!
//! ```text
//! case ──▶ backend ──▶ observation ──▶ normalize ──▶ compare ──▶ report
//! case/    backend/    observation.rs  normalize.rs  compare.rs  report/
//!          worker.rs   (probe.py makes it, in every backend)
//! ```
//!
//! `backend/` has one file per kind of interpreter (cpython, pyodide, pypy, the
//! embedded rustpython, external commands), besides its kinds, discovery and
//! identification; `process.rs` runs child processes with a deadline for it and for
//! `worker.rs`; `fuzz/` generates programs and reduces divergences (docs/fuzzing.md);
//! `version.rs` holds language versions,
//! by which goldens (`golden.rs`) keep one observation per CPython version.
//!
//! `session.rs` opens a corpus with its backends and runs it into a `Report`
//! (`report/`: the value, the exit policy, and one renderer per format; `output.rs`
//! writes rendered text for the command line (`main.rs`, `cli/`), which alone prints; `error.rs` the one-line
//! errors). `suite.rs` runs the pipeline for one (case, backend) pair; `golden.rs` reads and
//! writes the expected observations (`atomic_file.rs` writes files whole); `regen.rs` makes them; `coverage.rs` maps the
//! rule catalogue to cases; `timeline.rs` tells how CPython versions differ; `bench.rs` measures the runner against the naive loop.
//! `corpus.rs` is the corpus built into the binary, for a run outside the repository.
//! `refbug.rs` judges cases whose golden records a known CPython bug (`# reference-bug:`);
//! `cause.rs` puts each differing check down to a root cause, for the figures reports give.
//! `expectations.rs` holds a backend's known divergences outside the cases, `accept.rs`
//! writes them from a run; `pending.rs` and `review.rs` are the review loop of
//! `--pending`; `refresh.rs` the command that makes a case's behaviour expected, `remedy.rs`
//! the action a failure's hint names.

pub mod accept;
pub mod atomic_file;
pub mod backend;
pub mod bench;
pub mod case;
pub mod cause;
pub mod changes;
pub mod compare;
pub mod corpus;
pub mod coverage;
pub mod error;
pub mod expectations;
pub mod fuzz;
pub mod golden;
pub mod json_listing;
pub mod normalize;
pub mod observation;
pub mod output;
pub mod parse_error;
pub mod pending;
pub mod process;
pub mod protocol;
pub mod refbug;
pub mod references;
pub mod refresh;
pub mod regen;
pub mod remedy;
pub mod report;
pub mod review;
pub mod sandbox;
pub mod session;
pub mod suite;
pub mod timeline;
pub mod version;
pub mod worker;
