//! The tool run on small suites made in temporary directories (tests/cli.rs,
//! tests/pyodide.rs).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_closure-conformance");

pub const COUNTER: &str = "# description: counter\n# source: rule: test\n# rules: t/r\n\n\
def make():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n\n\
inc = make()\nprint(inc(), inc())\n";
pub const LAMBDA: &str = "# description: lambda\n# source: rule: test\n# rules: t/r\n\ndef make(x):\n    return lambda: x\n\nf = make(5)\nprint(f())\n";

pub fn suite() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cases/t")).unwrap();
    std::fs::write(dir.path().join("cases/t/counter.py"), COUNTER).unwrap();
    std::fs::write(dir.path().join("cases/t/lambda.py"), LAMBDA).unwrap();
    dir
}

/// Runs the tool with one reference, python3 on PATH, and no Pyodide (an empty
/// install folder, and nothing installed into it), so that these suites are small
/// and the same on every machine.
pub fn run(root: &Path, args: &[&str]) -> (Output, String, String) {
    run_with(root, args, &root.join("no-installs"))
}

pub fn run_with(root: &Path, args: &[&str], home: &Path) -> (Output, String, String) {
    let output = Command::new(BIN)
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("NO_COLOR")
        .env("CLOSURE_CONFORMANCE_PYTHON", "python3")
        .env("CLOSURE_CONFORMANCE_HOME", home)
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stdout, stderr)
}

/// The `cargo test` harness (tests/conformance.rs), built beside this test.
pub fn conformance_harness() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    std::fs::read_dir(deps)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_none()
                && path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("conformance-"))
        })
        .max_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok())
        .expect("the conformance harness is not built: cargo test --release --no-run")
}
