//! Backends: the Python implementations under test, each a pool of workers that
//! run the shared probe. Adding a backend means saying how to start its worker.

use crate::case::Case;
use crate::observation::Observation;
use crate::worker::{Hello, Pool, WorkerCommand};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The probe program every backend runs.
pub const PROBE_SOURCE: &str = include_str!("probe.py");

/// Environment variable naming the Python executable (like `--python`).
pub const PYTHON_ENV: &str = "CLOSURE_CONFORMANCE_PYTHON";

/// Backends that can be named on the command line, the reference first.
pub const NAMES: &[&str] = &["cpython", "rustpython"];

/// Cases a worker runs before it is replaced; RustPython leaks ~2 MB per interpreter
/// and some memory per case, so its workers are recycled sooner.
const CPYTHON_CASES_PER_WORKER: usize = 2000;
const RUSTPYTHON_CASES_PER_WORKER: usize = 500;

pub struct Backend {
    pub name: String,
    pool: Pool,
}

/// What is needed to start any backend.
#[derive(Debug, Clone)]
pub struct BackendOptions {
    /// `--python` or $CLOSURE_CONFORMANCE_PYTHON; otherwise `python3` from PATH.
    pub python: Option<PathBuf>,
    /// Our own binary, which hosts the RustPython worker.
    pub worker_exe: PathBuf,
    /// Replace each worker after this many cases; `None` keeps the backend's
    /// default. `Some(1)` is a fresh process per case (the benchmark's naive mode).
    pub cases_per_worker: Option<usize>,
}

impl Backend {
    pub fn create(name: &str, options: &BackendOptions) -> Result<Backend, String> {
        let (command, max_cases) = match name {
            "cpython" => (
                cpython_command(&resolve_python(options.python.as_deref())?),
                CPYTHON_CASES_PER_WORKER,
            ),
            "rustpython" => (
                rustpython_command(&options.worker_exe),
                RUSTPYTHON_CASES_PER_WORKER,
            ),
            other => {
                return Err(format!(
                    "unknown backend {other:?} (known: {})",
                    NAMES.join(", ")
                ))
            }
        };
        Ok(Backend {
            name: name.to_string(),
            pool: Pool::new(command, options.cases_per_worker.unwrap_or(max_cases)),
        })
    }

    pub fn run(&self, case: &Case) -> Observation {
        self.pool
            .run(&case.display_path, &case.source, case.timeout())
    }

    /// Who this backend is (starts a worker the first time).
    pub fn hello(&self) -> Result<Hello, String> {
        self.pool.hello()
    }

    /// e.g. `CPython 3.11.7` or `RustPython 0.5.0 (Python 3.14.0)`.
    pub fn describe(&self) -> Result<String, String> {
        let hello = self.hello()?;
        Ok(describe_hello(&hello))
    }
}

pub fn describe_hello(hello: &Hello) -> String {
    match hello.implementation.as_str() {
        "cpython" => format!("CPython {}", hello.language_version),
        "rustpython" => format!(
            "RustPython {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
        other => format!(
            "{other} {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
    }
}

/// Finds the real interpreter behind `python3` once: PATH's `python3` may be a
/// pyenv shim costing ~100 ms a start, the real executable ~13 ms.
pub fn resolve_python(explicit: Option<&Path>) -> Result<PathBuf, String> {
    let from_env = std::env::var_os(PYTHON_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let (candidate, told) = match explicit.map(Path::to_path_buf).or(from_env) {
        Some(path) => (path, true),
        None => (PathBuf::from("python3"), false),
    };
    let output = Command::new(&candidate)
        .args([
            "-S",
            "-c",
            "import sys; print(sys.executable); print(sys.version_info[0])",
        ])
        .output();
    let hint = format!("pass --python PATH or set {PYTHON_ENV}");
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => {
            return Err(format!(
                "{} failed to start ({}); {hint}",
                candidate.display(),
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or("no message")
            ))
        }
        Err(_) if !told => {
            return Err(format!(
                "python3 not found on PATH; install Python 3 or {hint}"
            ))
        }
        Err(e) => return Err(format!("cannot run {}: {e}", candidate.display())),
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    let executable = PathBuf::from(lines.next().unwrap_or_default());
    if lines.next() != Some("3") {
        return Err(format!("{} is not Python 3; {hint}", candidate.display()));
    }
    if executable.as_os_str().is_empty() || !executable.is_file() {
        return Ok(candidate); // e.g. an embedded build without sys.executable: use it as given
    }
    Ok(executable)
}

fn cpython_command(python: &Path) -> WorkerCommand {
    let mut args: Vec<OsString> = ["-S", "-s", "-c"].iter().map(OsString::from).collect();
    args.push(PROBE_SOURCE.into());
    args.push("--serve".into());
    WorkerCommand {
        program: python.to_path_buf(),
        args,
        env: env(&[
            ("PYTHONHASHSEED", "0"),
            ("PYTHONNOUSERSITE", "1"),
            ("PYTHONDONTWRITEBYTECODE", "1"),
            ("PYTHONUTF8", "1"),
        ]),
    }
}

fn rustpython_command(worker_exe: &Path) -> WorkerCommand {
    WorkerCommand {
        program: worker_exe.to_path_buf(),
        args: vec!["worker".into(), "rustpython".into()],
        env: env(&[("RUST_BACKTRACE", "0")]),
    }
}

fn env(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
    pairs.iter().map(|(k, v)| (k.into(), v.into())).collect()
}
