//! Fault containment, on every installed backend: a case that hangs, crashes,
//! floods, forks, forges protocol lines, signals its parents, arms alarms, leaves
//! threads or processes behind, or eats memory fails alone (or is simply
//! observed), and the backend goes on to run the next case correctly. Fixtures
//! live in tests/fixtures/faults, outside the corpus; one per row of issue 8.

mod common;

use closure_conformance::backend::{Backend, Kind};
use closure_conformance::observation::Observation;
use common::{fixture, forks, on_every_backend};
use std::path::Path;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

/// Tests that assert how long a case took run alone in this binary: another test's
/// fault may replace a shared worker (Pyodide's, after a memory bomb), and starting
/// a new one (Node loading Pyodide takes seconds) is not the case's time.
static TIMED: RwLock<()> = RwLock::new(());

/// Held by a test that times a case: no other test runs meanwhile.
fn timed() -> RwLockWriteGuard<'static, ()> {
    TIMED.write().unwrap_or_else(|e| e.into_inner())
}

/// Held by every other test.
/// MicroPython has none of the CPython APIs some fixtures fault with (`os.abort`,
/// `os._exit`, `sys.setrecursionlimit`): there such a fixture ends with that
/// AttributeError, a plain observation, and the worker goes on.
fn lacks_the_api(backend: &Backend, observation: &Observation) -> bool {
    backend.spec.kind == Kind::MicroPython
        && observation.fault.is_none()
        && observation
            .exception
            .as_ref()
            .is_some_and(|e| e.kind == "AttributeError")
}

fn untimed() -> RwLockReadGuard<'static, ()> {
    TIMED.read().unwrap_or_else(|e| e.into_inner())
}

/// Leaves a started worker idle in the backend's pool, for a timed case to take.
fn warm(backend: &Backend) {
    assert_eq!(
        backend.run(&fixture("faults", "ok.py")).fault,
        None,
        "{}",
        backend.name
    );
}

fn fault(observation: &Observation) -> &str {
    observation.fault.as_deref().unwrap_or("")
}

fn in_namespace(backend: &Backend) -> bool {
    backend.hello().map(|h| h.pid_namespace).unwrap_or(false)
}

/// After a fault the backend must still run an ordinary case correctly.
fn assert_recovers(backend: &Backend) {
    let observation = backend.run(&fixture("faults", "ok.py"));
    assert_eq!(observation.fault, None, "{} did not recover", backend.name);
    assert_eq!(observation.stdout, "3\n", "{}", backend.name);
}

#[test]
fn a_hanging_case_times_out_alone() {
    let _alone = timed();
    on_every_backend(|backend| {
        warm(backend);
        let start = Instant::now();
        let observation = backend.run(&fixture("faults", "hang.py"));
        assert_eq!(
            fault(&observation),
            "timed out after 1s",
            "{}",
            backend.name
        );
        assert!(start.elapsed() < Duration::from_secs(8), "{}", backend.name);
        assert_recovers(backend);
    });
}

#[test]
fn an_aborting_case_is_reported_as_a_crash() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "abort.py"));
        if lacks_the_api(backend, &observation) {
            return assert_recovers(backend);
        }
        if forks(backend) {
            assert!(
                fault(&observation).starts_with("case crashed: killed by signal 6 (SIGABRT)"),
                "{}: {:?}",
                backend.name,
                observation.fault
            );
        } else {
            assert!(
                fault(&observation).contains("crashed"),
                "{}: {observation:?}",
                backend.name
            );
        }
        assert_recovers(backend);
    });
}

#[test]
fn an_exiting_case_is_reported_with_its_status() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "exit.py"));
        if lacks_the_api(backend, &observation) {
            return assert_recovers(backend);
        }
        if forks(backend) {
            assert_eq!(
                fault(&observation),
                "case crashed: exited with status 7",
                "{}",
                backend.name
            );
        } else {
            assert!(
                observation.fault.is_some(),
                "{}: {observation:?}",
                backend.name
            );
        }
        assert_recovers(backend);
    });
}

#[test]
fn a_native_stack_overflow_fails_alone() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "stack_overflow.py"));
        if lacks_the_api(backend, &observation) {
            return assert_recovers(backend);
        }
        // Older CPythons segfault; newer ones, RustPython and Pyodide may raise.
        let contained = fault(&observation).contains("crashed")
            || observation
                .exception
                .as_ref()
                .is_some_and(|e| e.kind.contains("Recursion") || e.kind.contains("Memory"));
        assert!(contained, "{}: {observation:?}", backend.name);
        assert_recovers(backend);
    });
}

#[test]
fn a_flooding_case_is_capped() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "flood.py"));
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
        assert_recovers(backend);
    });
}

#[test]
fn raw_stdin_and_stdout_cannot_corrupt_the_protocol() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "raw_streams.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        if forks(backend) {
            assert_eq!(
                observation.stdout, "stdin is empty\nstill here\n",
                "{}",
                backend.name
            );
        } // Pyodide refuses the raw write (OSError): contained as well

        assert_recovers(backend);
    });
}

/// Row 1: the fork of a case must not answer for it, nor shift later answers.
#[test]
fn a_forking_case_answers_once() {
    let _shared = untimed();
    on_every_backend(|backend| {
        for _ in 0..3 {
            let observation = backend.run(&fixture("faults", "fork.py"));
            if forks(backend) {
                assert_eq!(observation.fault, None, "{}", backend.name);
                assert_eq!(observation.stdout, "parent\n", "{}", backend.name);
            }
            assert_recovers(backend);
        }
    });
}

/// Row 1: forged lines on every descriptor a case can reach change nothing else.
#[test]
fn forged_protocol_lines_are_not_accepted() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "forge.py"));
        assert_ne!(
            observation.stdout, "forged",
            "{}: a forged line was accepted",
            backend.name
        );
        assert_recovers(backend);
        assert_recovers(backend);
    });
}

/// Row 3: no signal from a case reaches the runner (this test process).
#[test]
fn a_case_cannot_kill_the_runner() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "kill_parent.py"));
        if in_namespace(backend) {
            // Init of a namespace ignores SIGKILL from inside it.
            assert_eq!(
                observation.stdout, "alive\n",
                "{}: {observation:?}",
                backend.name
            );
            let observation = backend.run(&fixture("faults", "kill_everything.py"));
            assert_eq!(observation.fault, None, "{}", backend.name);
            assert_eq!(observation.stdout, "alive\n", "{}", backend.name);
        }
        assert_recovers(backend);
    });
}

/// Row 4: an alarm left by one case does not fire in the next.
#[test]
fn an_alarm_does_not_outlive_its_case() {
    let _shared = untimed();
    on_every_backend(|backend| {
        backend.run(&fixture("faults", "alarm.py"));
        let observation = backend.run(&fixture("faults", "sleeper.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        assert_eq!(observation.stdout, "woke\n", "{}", backend.name);
    });
}

/// Rows 5 and 12: a thread left running neither holds the case up nor survives it.
#[test]
fn a_thread_left_running_ends_with_its_case() {
    let _alone = timed();
    on_every_backend(|backend| {
        warm(backend);
        let start = Instant::now();
        let observation = backend.run(&fixture("faults", "thread_left.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        assert!(start.elapsed() < Duration::from_secs(5), "{}", backend.name);
        let threads = backend.run(&fixture("faults", "ok.py"));
        assert_eq!(threads.stdout, "3\n", "{}", backend.name);
    });
}

/// Row 9: a memory bomb fails its own case with a clear verdict, fast.
#[test]
fn a_memory_bomb_fails_with_memory_limit_exceeded() {
    let _alone = timed();
    on_every_backend(|backend| {
        warm(backend);
        let start = Instant::now();
        let observation = backend.run(&fixture("faults", "memory_bomb.py"));
        if forks(backend) {
            assert!(
                fault(&observation).starts_with("memory limit exceeded ("),
                "{}: {:?}",
                backend.name,
                observation.fault
            );
            assert!(
                fault(&observation).ends_with(", limit 256 MiB)"),
                "{}",
                backend.name
            );
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{}",
                backend.name
            );
        }
        assert_recovers(backend);
    });
}

/// Row 11: lone surrogates are observed (escaped), on every backend alike.
#[test]
fn lone_surrogates_are_observed() {
    let _shared = untimed();
    on_every_backend(|backend| {
        let observation = backend.run(&fixture("faults", "surrogates.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        if backend.spec.kind == Kind::MicroPython {
            // Its strings are UTF-8 and hold no lone surrogate: the escape makes
            // three bytes that are no UTF-8, each read as U+FFFD.
            assert_eq!(observation.stdout, "\u{fffd}\u{fffd}\u{fffd}\n");
            return;
        }
        assert_eq!(observation.stdout, "\\ud800\n", "{}", backend.name);
        let exception = observation.exception.expect("the case raises");
        assert_eq!(exception.message, "\\udc80", "{}", backend.name);
    });
}

/// Whether a process whose command line is exactly `words` is alive (not a zombie).
fn running(words: &[&str]) -> bool {
    let wanted: Vec<u8> = words.iter().flat_map(|w| w.bytes().chain([0])).collect();
    std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
        let dir = entry.path();
        std::fs::read(dir.join("cmdline")).is_ok_and(|line| line == wanted)
            && std::fs::read_to_string(dir.join("stat")).is_ok_and(|stat| {
                !stat
                    .rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('Z')
            })
    })
}

/// Row 15: processes a case starts end with it (in a PID namespace, even a daemon
/// in a session of its own).
#[test]
fn processes_a_case_starts_end_with_it() {
    let _shared = untimed();
    on_every_backend(|backend| {
        if !forks(backend) {
            return; // no processes in WebAssembly
        }
        // Durations unique to this backend, so that parallel backends do not meet.
        let unique = 100_000 + backend.name.bytes().map(u64::from).sum::<u64>() * 7;
        let (child, daemon) = (unique.to_string(), (unique + 1).to_string());
        let mut case = fixture("faults", "grandchildren.py");
        case.source = case.source.replace("1037", &child).replace("1038", &daemon);
        let observation = backend.run(&case);
        assert_eq!(
            observation.stdout, "started\n",
            "{}: {observation:?}",
            backend.name
        );
        let deadline = Instant::now() + Duration::from_secs(2);
        while running(&["sleep", &child]) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            !running(&["sleep", &child]),
            "{}: the child outlived its case",
            backend.name
        );
        if in_namespace(backend) {
            assert!(
                !running(&["sleep", &daemon]),
                "{}: the daemon outlived its case",
                backend.name
            );
        }
        assert_recovers(backend);
    });
}

/// The runner's side of the protocol, against a worker that breaks it on request:
/// a wrong id or token, or a line already behind the answer, fails that case and
/// replaces the worker; a line written later keeps the worker from the next
/// case, which runs on a fresh one. (A forking worker answers only after every
/// process of the case is dead, so no case can write such a line.)
#[test]
fn protocol_violations_fail_their_case_and_replace_the_worker() {
    let _shared = untimed();
    use closure_conformance::backend::{discover, BackendOptions};
    let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/protocol/fake_worker.py");
    let options = BackendOptions {
        pythons: vec!["python3".into()],
        interpreters: vec![("fake".into(), format!("python3 {}", fake.display()))],
        ..BackendOptions::from_env(env!("CARGO_BIN_EXE_closure-conformance").into()).unwrap()
    };
    let spec = discover(&options)
        .select(&["fake".to_string()])
        .unwrap()
        .remove(0);
    let backend = Backend::start(spec, &options);
    let case = |marker: &str| {
        let mut case = fixture("faults", "ok.py");
        case.source = format!("# {marker}\n{}", case.source);
        case
    };
    let ok = |observation: Observation| {
        assert_eq!(observation.fault, None);
        assert_eq!(observation.stdout, "ok\n");
    };
    ok(backend.run(&case("fine")));
    for (marker, why) in [
        (
            "WRONG_ID",
            "protocol violation: a response for request Some(",
        ),
        (
            "WRONG_TOKEN",
            "protocol violation: a response for request Some(",
        ),
        ("EXTRA_NOW", "protocol violation: a line after the response"),
    ] {
        let observation = backend.run(&case(marker));
        assert!(
            fault(&observation).starts_with(why),
            "{marker}: {observation:?}"
        );
        ok(backend.run(&case("fine")));
    }
    ok(backend.run(&case("EXTRA_LATE")));
    std::thread::sleep(Duration::from_millis(400));
    ok(backend.run(&case("fine")));
}
