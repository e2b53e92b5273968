//! Isolation between cases that share a warm worker, on every installed backend:
//! a case that changes every kind of state it can reach, then a case that would
//! notice; and the proof that the noticer does notice.

mod common;

use closure_conformance::backend::Kind;
use common::{fixture, on_every_backend};

/// State a case cannot change on a backend at all, so the noticer cannot see it
/// change there: (backend kind, noticer line, why).
const UNCHANGEABLE: &[(&str, &str, &str)] = &[
    ("pyodide", "time zone:", "Emscripten's tzset ignores TZ"),
    (
        "pyodide",
        "threads:",
        "WebAssembly Pyodide cannot start threads",
    ),
];

#[test]
fn a_polluting_case_leaks_nothing_into_the_next() {
    on_every_backend(|backend| {
        let name = &backend.name;
        let clean = backend.run(&fixture("isolation", "notice.py"));
        assert_eq!(clean.fault, None, "{name}: fresh worker");
        for round in 0..3 {
            let polluted = backend.run(&fixture("isolation", "pollute.py"));
            assert_eq!(polluted.fault, None, "{name}");
            assert_eq!(polluted.exception, None, "{name}");
            let after = backend.run(&fixture("isolation", "notice.py"));
            assert_eq!(
                after.stdout, clean.stdout,
                "{name}: round {round} noticed pollution"
            );
        }
    });
}

/// Pollution inside the noticing case itself: every line the noticer prints
/// changes (unless the backend lacks the feature), so a clean result above is
/// not vacuous.
#[test]
fn the_noticer_notices_every_kind_of_pollution() {
    let pollute = fixture("isolation", "pollute.py");
    let notice = fixture("isolation", "notice.py");
    let mut combined = pollute.clone();
    combined.source = format!(
        "import sys\n_captured = sys.stdout\n{}\n_polluted_stdout, sys.stdout = sys.stdout, _captured\n{}",
        pollute.source, notice.source
    );
    on_every_backend(|backend| {
        let name = &backend.name;
        let clean = backend.run(&notice);
        let polluted = backend.run(&combined);
        assert_eq!(polluted.fault, None, "{name}");
        if backend.spec.kind == Kind::MicroPython {
            // The pollution starts by rebinding sys.stdout, which MicroPython
            // refuses; its isolation is shown by tests/micropython.rs instead.
            let refused = polluted.exception.as_ref().map(|e| e.message.as_str());
            assert_eq!(refused, Some("'module' object has no attribute 'stdout'"));
            return;
        }
        let clean_lines: Vec<&str> = clean.stdout.lines().collect();
        let polluted_lines: Vec<&str> = polluted.stdout.lines().collect();
        assert_eq!(
            clean_lines.len(),
            polluted_lines.len(),
            "{name}: {polluted:?}"
        );
        let unnoticed: Vec<&str> = clean_lines
            .iter()
            .zip(&polluted_lines)
            .filter(|(clean, polluted)| clean == polluted && !clean.contains(": n/a"))
            .filter(|(clean, _)| {
                !UNCHANGEABLE.iter().any(|(kind, line, _)| {
                    backend.spec.kind.name() == *kind && clean.starts_with(line)
                })
            })
            .map(|(clean, _)| *clean)
            .collect();
        assert!(
            unnoticed.is_empty(),
            "{name}: the noticer misses {unnoticed:?}"
        );
    });
}
