//! Isolation between cases that share a warm worker: a case that changes every kind
//! of interpreter state, then a case that would notice, on each backend.

use closure_conformance::backend::{Backend, BackendOptions};
use closure_conformance::bench::BACKENDS as NAMES;
use closure_conformance::case::Case;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> Case {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    Case::load(&root, &root.join("isolation").join(name)).unwrap()
}

fn backend(name: &str) -> Backend {
    // The system CPython (python3 on PATH) and the embedded RustPython.
    let options = BackendOptions {
        pythons: vec![PathBuf::from("python3")],
        ..BackendOptions::from_env(PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance")))
            .unwrap()
    };
    Backend::named(name, &options).unwrap()
}

/// What `notice.py` prints in a clean interpreter.
const CLEAN: &str = "False False\n2 False True\nFalse False False\nFalse False\nFalse True\nFalse\nTrue True\nFalse\n";

#[test]
fn a_polluting_case_leaks_nothing_into_the_next() {
    for name in NAMES {
        let backend = backend(name);
        assert_eq!(
            backend.run(&fixture("notice.py")).stdout,
            CLEAN,
            "{name}: fresh worker"
        );
        for round in 0..3 {
            let polluted = backend.run(&fixture("pollute.py"));
            assert_eq!(polluted.fault, None, "{name}");
            assert_eq!(polluted.exception, None, "{name}");
            let after = backend.run(&fixture("notice.py"));
            assert_eq!(
                after.stdout, CLEAN,
                "{name}: round {round} noticed pollution"
            );
        }
    }
}

/// The same probe run with pollution inside the case itself: the noticer does
/// notice every kind of state, so the clean result above is not vacuous.
#[test]
fn the_noticer_notices_every_kind_of_pollution() {
    let pollute = fixture("pollute.py");
    let notice = fixture("notice.py");
    let mut combined = pollute.clone();
    combined.source = format!(
        "import sys\n_captured = sys.stdout\n{}\nsys.stdout = _captured\n{}",
        pollute.source, notice.source
    );
    for name in NAMES {
        let observation = backend(name).run(&combined);
        assert_eq!(observation.fault, None, "{name}");
        assert_eq!(
            observation.stdout,
            "True True\n-1 True False\nTrue True True\nTrue True\nTrue False\nTrue\nFalse False\nTrue\n",
            "{name}"
        );
    }
}
