//! Fault containment: a case that hangs, crashes or floods fails alone, with its
//! reason, and the backend goes on to run the next case. Fixtures live in
//! tests/fixtures/faults, outside the corpus.

use closure_conformance::backend::{Backend, BackendOptions};
use closure_conformance::bench::BACKENDS as NAMES;
use closure_conformance::case::Case;
use closure_conformance::observation::Observation;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Case {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    Case::load(&root, &root.join("faults").join(name)).unwrap()
}

fn backends() -> Vec<Backend> {
    // The system CPython (python3 on PATH) and the embedded RustPython.
    let options = BackendOptions {
        pythons: vec![PathBuf::from("python3")],
        ..BackendOptions::from_env(PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance")))
            .unwrap()
    };
    NAMES
        .iter()
        .map(|name| Backend::named(name, &options).unwrap())
        .collect()
}

fn fault(observation: &Observation) -> &str {
    observation.fault.as_deref().unwrap_or("")
}

/// After a fault the backend must still run an ordinary case correctly.
fn assert_recovers(backend: &Backend) {
    let observation = backend.run(&fixture("ok.py"));
    assert_eq!(observation.fault, None, "{} did not recover", backend.name);
    assert_eq!(observation.stdout, "3\n");
}

#[test]
fn a_hanging_case_times_out_alone() {
    for backend in backends() {
        let start = Instant::now();
        let observation = backend.run(&fixture("hang.py"));
        assert_eq!(
            fault(&observation),
            "timed out after 1s",
            "{}",
            backend.name
        );
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{} took {:?}",
            backend.name,
            start.elapsed()
        );
        assert_recovers(&backend);
    }
}

#[test]
fn an_aborting_case_is_reported_as_a_crash() {
    for backend in backends() {
        let observation = backend.run(&fixture("abort.py"));
        assert!(
            fault(&observation).starts_with("case crashed: killed by signal 6 (SIGABRT)"),
            "{}: {:?}",
            backend.name,
            observation.fault
        );
        assert_recovers(&backend);
    }
}

#[test]
fn an_exiting_case_is_reported_with_its_status() {
    for backend in backends() {
        let observation = backend.run(&fixture("exit.py"));
        assert!(
            fault(&observation).starts_with("case crashed: exited with status 7"),
            "{}: {:?}",
            backend.name,
            observation.fault
        );
        assert_recovers(&backend);
    }
}

#[test]
fn a_native_stack_overflow_fails_alone() {
    for backend in backends() {
        let observation = backend.run(&fixture("stack_overflow.py"));
        // CPython 3.11 segfaults; newer CPythons and RustPython may raise instead.
        let contained = fault(&observation).starts_with("case crashed")
            || observation
                .exception
                .as_ref()
                .is_some_and(|e| e.kind.contains("Recursion"));
        assert!(
            contained,
            "{}: {:?} {:?}",
            backend.name, observation.fault, observation.exception
        );
        assert_recovers(&backend);
    }
}

#[test]
fn a_flooding_case_is_capped() {
    for backend in backends() {
        let observation = backend.run(&fixture("flood.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        let exception = observation
            .exception
            .as_ref()
            .expect("the cap ends the case");
        assert_eq!(
            exception.kind, "probe.OutputLimitExceeded",
            "{}",
            backend.name
        );
        assert_eq!(observation.stdout.len(), 1 << 20, "{}", backend.name);
        assert_recovers(&backend);
    }
}

#[test]
fn raw_stdin_and_stdout_cannot_corrupt_the_protocol() {
    for backend in backends() {
        let observation = backend.run(&fixture("raw_streams.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        assert_eq!(
            observation.stdout, "stdin is empty\nstill here\n",
            "{}",
            backend.name
        );
        assert_recovers(&backend);
    }
}
