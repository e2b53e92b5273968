//! The fuzzer's generator checks itself against a real CPython: its programs
//! compile (and run) as it predicts, and invalid ones fail with the SyntaxError it
//! predicts, message and line.

use closure_conformance::backend::{discover_kinds, Backend, BackendOptions, Kind};
use closure_conformance::fuzz::generate::{generate, Expectation, Mode};
use closure_conformance::observation::Observation;
use closure_conformance::protocol::BatchMode;
use closure_conformance::version::PyVersion;
use std::path::PathBuf;
use std::time::Duration;

const SEEDS: u64 = 1000;

/// The oldest CPython 3.11+ here (CI has 3.11): the generator predicts 3.11+ wording.
fn cpython() -> Backend {
    let options =
        BackendOptions::from_env(PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance"))).unwrap();
    let found = discover_kinds(&options, &[Kind::CPython]);
    let floor = PyVersion::of("3.11").unwrap();
    let spec = found
        .available
        .into_iter()
        .filter(|spec| spec.language.is_some_and(|v| v >= floor))
        .min_by_key(|spec| spec.language)
        .expect("a CPython 3.11 or newer (scripts/install-references installs one)");
    Backend::start(spec, &options)
}

fn observe(backend: &Backend, mode: Mode, batch: BatchMode) -> Vec<(u64, String, Observation)> {
    let programs: Vec<_> = (0..SEEDS).map(|seed| generate(seed, mode)).collect();
    let sources: Vec<String> = programs.iter().map(|p| p.source()).collect();
    let mut out = Vec::new();
    for (chunk, sources) in programs.chunks(100).zip(sources.chunks(100)) {
        let observations = backend
            .run_batch(sources, batch, Duration::from_secs(60))
            .unwrap_or_else(|fault| panic!("{}: {fault}", backend.name));
        for ((program, source), observation) in chunk.iter().zip(sources).zip(observations) {
            out.push((program.seed, source.clone(), observation));
        }
    }
    out
}

#[test]
fn valid_programs_compile_on_cpython() {
    let backend = cpython();
    let observed = observe(&backend, Mode::Execute, BatchMode::Compile);
    let failed: Vec<String> = observed
        .iter()
        .filter(|(_, _, o)| o.exception.is_some() || o.fault.is_some())
        .map(|(seed, source, o)| format!("seed {seed}: {:?} {:?}\n{source}", o.exception, o.fault))
        .collect();
    // By construction every one compiles; the floor is 99%.
    assert!(
        failed.len() * 100 <= SEEDS as usize,
        "{} of {SEEDS} programs do not compile on {}:\n{}",
        failed.len(),
        backend.name,
        failed.join("\n")
    );
    assert!(
        failed.is_empty(),
        "the generator predicted valid:\n{}",
        failed.join("\n")
    );
}

#[test]
fn valid_programs_run_without_unplanned_exceptions() {
    let backend = cpython();
    let programs: Vec<_> = (0..SEEDS)
        .map(|seed| generate(seed, Mode::Execute))
        .collect();
    let observed = observe(&backend, Mode::Execute, BatchMode::Execute);
    let mut unplanned = Vec::new();
    for (program, (seed, source, observation)) in programs.iter().zip(&observed) {
        let planned = match &observation.exception {
            None => !program.ends_unbound,
            Some(e) => {
                program.ends_unbound && (e.kind == "NameError" || e.kind == "UnboundLocalError")
            }
        };
        if !planned || observation.fault.is_some() {
            unplanned.push(format!(
                "seed {seed}: {:?} {:?}\n{source}",
                observation.exception, observation.fault
            ));
        }
    }
    assert!(
        unplanned.is_empty(),
        "{} unplanned endings:\n{}",
        unplanned.len(),
        unplanned.join("\n")
    );
    // Programs are about closures: most of them make some.
    let with_closures = observed
        .iter()
        .filter(|(_, _, o)| o.scopes.iter().any(|s| !s.freevars.is_empty()))
        .count();
    assert!(
        with_closures * 2 > SEEDS as usize,
        "only {with_closures} of {SEEDS} programs have a closure"
    );
}

#[test]
fn invalid_programs_fail_with_the_predicted_syntax_error() {
    let backend = cpython();
    let programs: Vec<_> = (0..SEEDS)
        .map(|seed| generate(seed, Mode::Invalid))
        .collect();
    let observed = observe(&backend, Mode::Invalid, BatchMode::Compile);
    let mut wrong = Vec::new();
    for (program, (seed, source, observation)) in programs.iter().zip(&observed) {
        let Expectation::SyntaxError { message, line } = &program.expect else {
            panic!("seed {seed}: an invalid program predicts a SyntaxError");
        };
        let predicted = format!("{message} (line {line})");
        let actual = observation
            .exception
            .as_ref()
            .map(|e| (e.kind.as_str(), e.message.as_str()));
        if actual != Some(("SyntaxError", predicted.as_str())) {
            wrong.push(format!(
                "seed {seed}: predicted {predicted:?}, got {actual:?}\n{source}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong predictions:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
