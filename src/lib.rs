//! closure-conformance: a conformance suite and differential tester for Python
//! closure semantics.
//!
//! The pipeline, one module per step:
//!
//! ```text
//! case ──▶ backend ──▶ observation ──▶ normalize ──▶ compare ──▶ report
//! case.rs  backend.rs  observation.rs  normalize.rs  compare.rs  report.rs
//!          worker.rs   (probe.py makes it, in every backend)
//!          rustpython_worker.rs
//! ```
//!
//! `suite.rs` runs the pipeline for one (case, backend) pair; `golden.rs` reads and
//! writes the expected observations; `regen.rs` makes them; `coverage.rs` maps the
//! rule catalogue to cases; `bench.rs` measures the runner against the naive loop.

pub mod backend;
pub mod bench;
pub mod case;
pub mod compare;
pub mod coverage;
pub mod golden;
pub mod normalize;
pub mod observation;
pub mod regen;
pub mod report;
pub mod rustpython_worker;
pub mod suite;
pub mod version;
pub mod worker;
