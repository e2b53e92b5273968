//! MicroPython's host (src/backend/micropython_host.mjs on wasm_seal.mjs): each
//! case starts from the same interpreter, reaches no JavaScript global, has its
//! output captured per stream and its memory capped; and the comparison ignores
//! exactly what MicroPython cannot observe. Fails when MicroPython is not
//! installed (`closure-conformance install`). Fixtures in tests/fixtures/micropython.

mod common;

use closure_conformance::backend::{discover_kinds, Backend, BackendOptions, Kind, Observes};
use closure_conformance::compare::Verdict;
use closure_conformance::observation::Section;
use common::fixture;
use std::path::PathBuf;
use std::sync::OnceLock;

fn micropython() -> &'static Backend {
    static BACKEND: OnceLock<Backend> = OnceLock::new();
    BACKEND.get_or_init(|| {
        let exe = PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance"));
        let options = BackendOptions::from_env(exe).unwrap();
        let found = discover_kinds(&options, &[Kind::MicroPython]);
        let spec = found.available.into_iter().next().unwrap_or_else(|| {
            panic!(
                "MicroPython is not installed ({:?}): run closure-conformance install",
                found.unavailable
            )
        });
        Backend::start(spec, &options)
    })
}

fn run(name: &str) -> closure_conformance::observation::Observation {
    micropython().run(&fixture("micropython", name))
}

#[test]
fn micropython_observes_behaviour_only_and_says_so() {
    let backend = micropython();
    assert_eq!(backend.spec.observes, Observes::BEHAVIOUR);
    let hello = backend.hello().unwrap();
    assert_eq!(hello.implementation, "micropython");
    assert_eq!(hello.isolation, "snapshot");
    for protection in [
        "node-permissions",
        "no-code-from-strings",
        "empty-js-module",
        "memory-cap",
        "js-builtins-check",
    ] {
        assert!(
            hello.sandbox.iter().any(|p| p == protection),
            "{protection}: {:?}",
            hello.sandbox
        );
    }
}

#[test]
fn a_case_changes_nothing_a_later_case_sees() {
    for _ in 0..3 {
        assert_eq!(run("polluter.py").stdout, "polluted\n");
        let noticed = run("noticer.py");
        assert_eq!(noticed.fault, None);
        assert_eq!(noticed.stdout, "False False False False\n");
    }
}

#[test]
fn js_reaches_no_global_and_a_later_case_is_untouched() {
    let observation = run("reach_js.py");
    assert_eq!(observation.fault, None);
    assert_eq!(observation.stdout, "reached: []\nJsProxy\n");
    assert_eq!(run("noticer.py").stdout, "False False False False\n");
}

#[test]
fn output_is_captured_per_stream() {
    let observation = run("streams.py");
    assert_eq!(observation.stdout, "out 1\nno newline");
    assert_eq!(observation.stderr, "err 2\n");
    let exception = observation.exception.unwrap();
    assert_eq!(
        (exception.kind.as_str(), exception.message.as_str()),
        ("KeyError", "k")
    );
}

#[test]
fn the_memory_cap_holds_on_micropython() {
    let observation = run("memory.py");
    let refused = observation
        .fault
        .as_deref()
        .is_some_and(|f| f.starts_with("memory limit exceeded"))
        || observation
            .exception
            .as_ref()
            .is_some_and(|e| e.kind == "MemoryError");
    assert!(refused, "{observation:?}");
    assert!(!observation.stdout.contains("allocated"), "{observation:?}");
    assert_eq!(run("noticer.py").stdout, "False False False False\n");
}

#[test]
fn the_class_scope_bug_reproduces_and_scopes_never_fail() {
    // CPython 3.6-3.15 print "function y" (goldens of the corpus's class_scopes cases agree).
    let observation = run("class_scope_bug.py");
    let exception = observation.exception.clone().unwrap();
    assert_eq!(
        (exception.kind.as_str(), exception.message.as_str()),
        ("NameError", "name 'y' isn't defined")
    );
    // The probe reports no scopes and no cells there; judged, those sections are masked.
    assert!(observation.scopes.is_empty() && observation.cells.is_empty());
    let actual = Observes::BEHAVIOUR.mask(&observation.render());
    for section in [Section::Scopes, Section::Cells] {
        assert_eq!(
            actual.get(section),
            closure_conformance::backend::NOT_OBSERVABLE
        );
    }
    let mut expected = actual.clone();
    expected.set(Section::Exception, "none\n".into());
    let verdict = closure_conformance::compare::judge(&expected, &actual, &[]);
    assert!(
        matches!(verdict, Verdict::Fail(ref f) if f.sections == [Section::Exception]),
        "{verdict:?}"
    );
}
