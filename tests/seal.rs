//! Pyodide's seal (issue 17): a case run by Pyodide reaches neither Node's globals,
//! nor the host's files and commands, nor the response channel, nor any later
//! case; and its memory cap holds. Every installed Pyodide is attacked; each test
//! fails on a host without the seal. Fixtures live in tests/fixtures/seal.

mod common;

use closure_conformance::backend::{Backend, Kind};
use common::{every_backend, fixture, on_every_backend};
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

/// Runs `check` on every installed Pyodide at once (one test at a time: each
/// replaced worker loads Pyodide again, seconds of CPU); fails when none is installed.
fn on_every_pyodide(check: impl Fn(&Backend) + Sync) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    assert!(
        !pyodides().is_empty(),
        "Pyodide is not installed: run scripts/install-references --optional"
    );
    on_every_backend(|backend| {
        if backend.spec.kind == Kind::Pyodide {
            check(backend)
        }
    });
}

fn pyodides() -> Vec<&'static Backend> {
    every_backend()
        .iter()
        .filter(|backend| backend.spec.kind == Kind::Pyodide)
        .collect()
}

/// The plain case that follows every attack: unchanged, unfaulted.
fn assert_next_case_is_untouched(backend: &Backend) {
    let observation = backend.run(&fixture("faults", "ok.py"));
    assert_eq!(observation.fault, None, "{}", backend.name);
    assert_eq!(observation.stdout, "3\n", "{}", backend.name);
}

#[test]
fn import_js_without_the_guard_reaches_no_host_file_or_command() {
    let marker = Path::new("/tmp/closure-conformance-seal-marker");
    let _ = std::fs::remove_file(marker);
    on_every_pyodide(|backend| {
        let observation = backend.run(&fixture("seal", "host.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        assert!(
            observation.stdout.ends_with("reached: []\n"),
            "{}: {:?}",
            backend.name,
            observation.stdout
        );
        assert_next_case_is_untouched(backend);
    });
    assert!(!marker.exists(), "a case wrote {}", marker.display());
}

#[test]
fn gc_gives_no_handle_on_node_or_pyodides_api() {
    on_every_pyodide(|backend| {
        let observation = backend.run(&fixture("seal", "reach.py"));
        assert_eq!(observation.fault, None, "{}", backend.name);
        assert_eq!(
            observation.stdout, "pyodide modules found by gc: True\nreached: []\n",
            "{}",
            backend.name
        );
    });
}

#[test]
fn wrapping_node_stdout_or_forging_responses_changes_no_later_case() {
    on_every_pyodide(|backend| {
        for _ in 0..2 {
            let observation = backend.run(&fixture("seal", "stdout.py"));
            assert_eq!(observation.fault, None, "{}", backend.name);
            assert_eq!(observation.stdout, "wrapped: []\n", "{}", backend.name);
            assert_next_case_is_untouched(backend);
        }
    });
}

#[test]
fn a_case_that_changes_javascript_builtins_changes_no_later_case() {
    on_every_pyodide(|backend| {
        let polluted = backend.run(&fixture("seal", "builtins.py"));
        assert_eq!(polluted.stdout, "polluted: yes\n", "{}", backend.name);
        let after = backend.run(&fixture("seal", "builtins_notice.py"));
        assert_eq!(after.fault, None, "{}", backend.name);
        assert_eq!(after.stdout, "polluted: no\n", "{}", backend.name);
    });
}

#[test]
fn the_memory_cap_holds_on_pyodide() {
    on_every_pyodide(|backend| {
        let observation = backend.run(&fixture("seal", "memory.py"));
        let fault = observation.fault.as_deref().unwrap_or("");
        assert!(
            fault.starts_with("memory limit exceeded (") && fault.ends_with(", limit 256 MiB)"),
            "{}: {:?} {:?}",
            backend.name,
            observation.fault,
            observation.stdout
        );
        assert_next_case_is_untouched(backend);
        let bomb = backend.run(&fixture("faults", "memory_bomb.py"));
        assert!(
            bomb.fault
                .as_deref()
                .unwrap_or("")
                .starts_with("memory limit exceeded ("),
            "{}: {:?}",
            backend.name,
            bomb
        );
        assert_next_case_is_untouched(backend);
    });
}

/// The Node flags themselves, with JavaScript in place of the host: no writes,
/// no reads outside the Pyodide package, no child processes, workers or code
/// from strings; reading the package still works.
#[test]
fn the_host_runs_under_node_permissions_without_code_from_strings() {
    const TRIES: &str = r#"
import fs from "node:fs";
import child from "node:child_process";
import { Worker } from "node:worker_threads";
const tries = {
  write: () => fs.writeFileSync("/tmp/closure-conformance-seal-marker", "x"),
  read: () => fs.readFileSync("/etc/hostname"),
  spawn: () => child.execSync("true"),
  worker: () => new Worker("1", { eval: true }),
  code: () => Function("return globalThis")(),
  package: () => fs.readFileSync(process.env.CLOSURE_CONFORMANCE_PYODIDE + "/package.json"),
};
const out = {};
for (const [name, attempt] of Object.entries(tries)) {
  try { attempt(); out[name] = "allowed"; } catch (e) { out[name] = "refused"; }
}
console.log(JSON.stringify(out));
process.exit(0);
"#;
    assert!(!pyodides().is_empty(), "Pyodide is not installed");
    for backend in pyodides() {
        let command = &backend.spec.command;
        let mut args = command.args.clone();
        *args.last_mut().unwrap() = TRIES.into();
        let output = Command::new(&command.program)
            .args(&args)
            .env_clear()
            .envs(command.env.iter().map(|(k, v)| (k, v)))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            stdout.trim(),
            r#"{"write":"refused","read":"refused","spawn":"refused","worker":"refused","code":"refused","package":"allowed"}"#,
            "{}: {}",
            backend.name,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(!Path::new("/tmp/closure-conformance-seal-marker").exists());
}

/// `backends` says how every Pyodide is isolated and where its limits are written.
#[test]
fn the_backends_listing_names_the_seal_and_its_limits() {
    let output = Command::new(env!("CARGO_BIN_EXE_closure-conformance"))
        .arg("backends")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let pyodides: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("  pyodide-") && line.contains("CPython"))
        .collect();
    assert!(!pyodides.is_empty(), "{stdout}");
    for line in pyodides {
        assert!(
            line.ends_with(
                "; memory snapshot, sealed by Node's permission model: limits in docs/protocol.md)"
            ),
            "{line}"
        );
    }
}

#[test]
fn every_pyodide_worker_names_its_seal() {
    on_every_pyodide(|backend| {
        let hello = backend.hello().expect("a Pyodide worker starts");
        assert_eq!(
            hello.sandbox,
            [
                "node-permissions",
                "no-code-from-strings",
                "no-js-import",
                "memory-cap",
                "js-builtins-check"
            ],
            "{}",
            backend.name
        );
    });
}
