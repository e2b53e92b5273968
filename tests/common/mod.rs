//! What the fault and isolation tests share: fixtures outside the corpus, and
//! every backend installed on this machine.

use closure_conformance::backend::{discover, Backend, BackendOptions};
use closure_conformance::case::Case;
use std::path::{Path, PathBuf};

pub fn fixture(folder: &str, name: &str) -> Case {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    Case::load(&root, &root.join(folder).join(name)).unwrap()
}

/// Every available backend: each CPython, Pyodide, PyPy, RustPython and external
/// interpreter found the way the runner finds them. Started once per test binary
/// and shared by its tests, as `cargo test` shares pools across trials.
#[allow(dead_code)]
pub fn every_backend() -> &'static [Backend] {
    static BACKENDS: std::sync::OnceLock<Vec<Backend>> = std::sync::OnceLock::new();
    BACKENDS.get_or_init(start_every_backend)
}

#[allow(dead_code)]
fn start_every_backend() -> Vec<Backend> {
    let options =
        BackendOptions::from_env(PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance"))).unwrap();
    // What a run that names no backend runs (compiled backends only when named).
    let backends: Vec<Backend> = discover(&options)
        .select(&[])
        .unwrap()
        .into_iter()
        .map(|spec| Backend::start(spec, &options))
        .collect();
    assert!(!backends.is_empty(), "no backend is available");
    backends
}

/// Runs `check` on every backend at once (a thread each); panics name the backend.
/// Each backend has one warm worker before `check` starts, so that timings in a
/// check do not include starting an interpreter.
#[allow(dead_code)]
pub fn on_every_backend(check: impl Fn(&Backend) + Sync) {
    let backends = every_backend();
    std::thread::scope(|scope| {
        for backend in backends {
            scope.spawn(|| backend.hello());
        }
    });
    std::thread::scope(|scope| {
        let handles: Vec<_> = backends
            .iter()
            .map(|backend| (backend.name.clone(), scope.spawn(|| check(backend))))
            .collect();
        assert_all_passed(handles);
    });
}

/// Joins one thread per backend; fails naming every backend whose check panicked.
#[allow(dead_code)]
pub fn assert_all_passed(handles: Vec<(String, std::thread::ScopedJoinHandle<'_, ()>)>) {
    let failed: Vec<String> = handles
        .into_iter()
        .filter_map(|(name, handle)| handle.join().is_err().then_some(name))
        .collect();
    assert!(failed.is_empty(), "failed on: {}", failed.join(", "));
}

/// Whether the backend forks each case from a zygote (and so enforces time and
/// memory limits and reaps processes itself).
#[allow(dead_code)]
pub fn forks(backend: &Backend) -> bool {
    backend
        .hello()
        .map(|h| h.isolation == "fork")
        .unwrap_or(false)
}
