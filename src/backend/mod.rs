//! Backends: the Python implementations under test. Each kind of interpreter is one
//! file here that finds its interpreters on the machine (or says why it cannot and
//! how to install them) and says how to start a worker that serves the shared probe.
//!
//! | kind | names | where from |
//! |---|---|---|
//! | `cpython` | `cpython-3.X` | every CPython 3.6+ on PATH or in pyenv's versions folder, or `--python` |
//! | `pyodide` | `pyodide-3.X` | CPython compiled to WebAssembly, npm packages run by Node |
//! | `pypy` | `pypy` | `pypy3` on PATH |
//! | `rustpython` | `rustpython` | RustPython linked into this binary |
//! | `micropython` | `micropython` | MicroPython compiled to WebAssembly, npm, run by Node; observes behaviour only |
//! | `compiled` | `cython`, `nuitka`, `mypyc` | a case compiled as a module, imported into the host CPython |
//! | `external` | any | `--interpreter NAME=COMMAND` |
//!
//! CPython builds (native and pyodide) are the references: for each language
//! version the goldens hold what one of them observed, a native build where there is
//! one (faster, and not WebAssembly).

pub mod compiled;
pub mod cpython;
mod discovery;
pub mod external;
mod identify;
mod kind;
pub mod micropython;
pub mod named;
pub mod newest;
mod observes;
pub mod pyodide;
pub mod pypy;
pub mod rustpython;

pub use discovery::{
    default_home, discover, discover_kinds, interpreters_from_env, listing, pythons_from_env,
    BackendOptions, Discovery, Spec, Unavailable, HOME_ENV, INTERPRETERS_ENV, PYTHON_ENV,
};
pub use identify::{describe_hello, identify, Identity, IDENTIFY_TIMEOUT};
pub use kind::Kind;
pub use observes::{Observes, NOT_OBSERVABLE};

use crate::observation::Observation;
use crate::process::which;
use crate::protocol::Hello;
use crate::version::PyVersion;
use crate::worker::{Pool, WorkerCommand};
use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

/// The probe program every backend runs.
pub const PROBE_SOURCE: &str = include_str!("../probe.py");

/// The command that installs the references the goldens need.
pub const INSTALL_REFERENCES: &str = "scripts/install-references";
/// The command that also installs the optional interpreters (PyPy, RustPython 0.6.0).
pub const INSTALL_OPTIONAL: &str = "scripts/install-references --optional";

/// A backend ready to run cases: its spec and a pool of warm workers.
pub struct Backend {
    pub name: String,
    pub spec: Spec,
    pool: Pool,
}

/// What a backend runs as a case: a program, the path it is shown as, and its
/// limits. A `Case` is one (`case/mod.rs`), so that this module needs nothing of
/// the case's.
pub trait Program {
    /// The path reports show.
    fn path(&self) -> &str;
    /// The file it was read from, if any (a compiled backend batches the files
    /// beside it).
    fn file(&self) -> Option<&std::path::Path> {
        None
    }
    fn source(&self) -> &str;
    fn timeout(&self) -> Duration;
    fn memory_limit(&self) -> u64;
}

impl Backend {
    pub fn start(spec: Spec, options: &BackendOptions) -> Backend {
        let max_cases = options.cases_per_worker.unwrap_or(spec.max_cases);
        let mut pool = Pool::new(spec.command.clone(), max_cases);
        if spec.kind.is_native() {
            pool = pool.sandboxed(options.worker_exe.clone());
        }
        Backend {
            name: spec.name.clone(),
            pool,
            spec,
        }
    }

    /// Runs a case (any `Program`) with its limits; a compiled backend first
    /// compiles it (and its topic's other cases) into its cache.
    pub fn run(&self, program: &impl Program) -> Observation {
        if let Err(why) = compiled::prepare(&self.spec, program.source(), program.file()) {
            return Observation::fault(why);
        }
        self.pool.run(
            program.path(),
            program.source(),
            program.timeout(),
            program.memory_limit(),
        )
    }

    /// Observes a batch of the fuzzer's programs (see `Pool::run_batch`).
    pub fn run_batch(
        &self,
        programs: &[String],
        mode: crate::protocol::BatchMode,
        timeout: Duration,
    ) -> Result<Vec<Observation>, String> {
        if self.spec.kind == Kind::Compiled {
            return Err(format!(
                "{} compiles each program apart: it runs no batches",
                self.name
            ));
        }
        self.pool.run_batch(programs, mode, timeout, 1 << 30)
    }

    /// Runs one program alone, as a case is run.
    pub fn run_source(&self, path: &str, source: &str, timeout: Duration) -> Observation {
        if let Err(why) = compiled::prepare(&self.spec, source, None) {
            return Observation::fault(why);
        }
        self.pool.run(path, source, timeout, 1 << 30)
    }

    /// Who this backend is (starts a worker the first time).
    pub fn hello(&self) -> Result<Hello, String> {
        self.pool.hello()
    }

    /// The language version whose goldens this backend is judged against.
    pub fn language(&self) -> Result<PyVersion, String> {
        if let Some(version) = self.spec.language {
            return Ok(version);
        }
        let hello = self.hello()?;
        PyVersion::of(&hello.language_version).ok_or_else(|| {
            format!(
                "{} reports an unreadable language version {:?}",
                self.name, hello.language_version
            )
        })
    }

    /// e.g. `CPython 3.11.7` or `RustPython 0.5.0 (Python 3.14.0)`.
    pub fn describe(&self) -> Result<String, String> {
        match self.spec.kind {
            Kind::External => Ok(describe_hello(&self.hello()?)),
            _ => Ok(self.spec.build.clone()),
        }
    }
}

fn env(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
    pairs.iter().map(|(k, v)| (k.into(), v.into())).collect()
}

/// The probe's command line on an interpreter with CPython's options.
fn python_like_command(program: &Path, options: &[&str]) -> WorkerCommand {
    let mut args: Vec<OsString> = options.iter().map(OsString::from).collect();
    args.push("-c".into());
    args.push(PROBE_SOURCE.into());
    args.push("--serve".into());
    WorkerCommand {
        program: program.to_path_buf(),
        args,
        env: env(&[
            ("PYTHONHASHSEED", "0"),
            ("PYTHONNOUSERSITE", "1"),
            ("PYTHONDONTWRITEBYTECODE", "1"),
            ("PYTHONUTF8", "1"),
        ]),
    }
}
