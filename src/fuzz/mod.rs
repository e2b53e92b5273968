//! The differential fuzzer: programs about scopes and closures, valid by
//! construction (`generate`, on the tree in `ir`), run on every backend against the
//! CPython of its own language version (`campaign`), each divergence reduced to a
//! small program with the same signature (`reduce`), triaged against the corpus
//! (`triage`) and saved as a case (`save`, with goldens and marks by `saved`).

pub mod bindings;
pub mod campaign;
pub mod findings;
pub mod generate;
pub mod identity;
pub mod ir;
pub mod ir_bindings;
pub mod known;
pub mod lineup;
pub mod minimal;
pub mod naming;
pub mod oracle;
pub mod oracle_report;
pub mod reduce;
pub mod save;
pub mod saved;
pub mod scope_fields;
pub mod signature;
pub mod summary;
pub mod triage;
