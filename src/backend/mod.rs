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
//! | `external` | any | `--interpreter NAME=COMMAND` |
//!
//! CPython builds (native and pyodide) are the references: for each language
//! version the goldens hold what one of them observed, a native build where there is
//! one (faster, and not WebAssembly).

pub mod cpython;
pub mod external;
pub mod named;
pub mod newest;
pub mod pyodide;
pub mod pypy;
pub mod rustpython;

use crate::case::Case;
use crate::observation::Observation;
use crate::protocol::Hello;
use crate::version::PyVersion;
use crate::worker::{Pool, WorkerCommand};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The probe program every backend runs.
pub const PROBE_SOURCE: &str = include_str!("../probe.py");

/// Environment variable naming CPython executables (like `--python`), separated as PATH is.
pub const PYTHON_ENV: &str = "CLOSURE_CONFORMANCE_PYTHON";
/// Environment variable with `NAME=COMMAND` external interpreters, separated by `;`.
pub const INTERPRETERS_ENV: &str = "CLOSURE_CONFORMANCE_INTERPRETERS";
/// Environment variable naming the folder where scripts/install-references puts things.
pub const HOME_ENV: &str = "CLOSURE_CONFORMANCE_HOME";

/// The command that installs the references the goldens need.
pub const INSTALL_REFERENCES: &str = "scripts/install-references";
/// The command that also installs the optional interpreters (PyPy, RustPython 0.6.0).
pub const INSTALL_OPTIONAL: &str = "scripts/install-references --optional";

/// The kinds of interpreter, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    CPython,
    Pyodide,
    PyPy,
    RustPython,
    External,
}

impl Kind {
    /// The kind whose discovery names a backend `name`, if any can: `cpython-3.X`
    /// is CPython's, `pyodide-3.X` Pyodide's, `pypy` and `rustpython` their own.
    /// Any other name can only be an external interpreter's (`external::parse_interpreter`
    /// refuses the built-in names and prefixes), `rustpython-0.6.0` for one.
    pub fn of_backend(name: &str) -> Kind {
        match name {
            "pypy" => Kind::PyPy,
            "rustpython" => Kind::RustPython,
            _ if name.starts_with("cpython-") => Kind::CPython,
            _ if name.starts_with("pyodide-") => Kind::Pyodide,
            _ => Kind::External,
        }
    }

    pub const ALL: [Kind; 5] = [
        Kind::CPython,
        Kind::Pyodide,
        Kind::PyPy,
        Kind::RustPython,
        Kind::External,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::CPython => "cpython",
            Kind::Pyodide => "pyodide",
            Kind::PyPy => "pypy",
            Kind::RustPython => "rustpython",
            Kind::External => "external",
        }
    }

    /// Whether its workers are native processes, started in our sandbox
    /// (src/sandbox/); Pyodide's host runs under Node with its own containment.
    pub fn is_native(self) -> bool {
        self != Kind::Pyodide
    }

    /// Whether its observations are CPython's, and so may make goldens.
    pub fn is_reference(self) -> bool {
        matches!(self, Kind::CPython | Kind::Pyodide)
    }
}

/// A backend found on the machine, not started yet.
#[derive(Debug, Clone)]
pub struct Spec {
    /// `cpython-3.12`, `pyodide-3.14`, `pypy`, `rustpython`, or the user's name.
    pub name: String,
    pub kind: Kind,
    /// The language version, when it is known without starting the backend.
    pub language: Option<PyVersion>,
    /// Which build, e.g. `CPython 3.12.1` or `CPython 3.14.2 (pyodide 314.0.7)`.
    pub build: String,
    pub command: WorkerCommand,
    /// Cases a worker runs before it is replaced.
    pub max_cases: usize,
}

/// A backend that could be here but is not, and how to get it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable {
    pub kind: Kind,
    pub name: String,
    pub why: String,
    /// A command that installs it, where we know one.
    pub install: Option<String>,
}

/// What was found on the machine.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub available: Vec<Spec>,
    pub unavailable: Vec<Unavailable>,
}

/// What is needed to find and start backends.
#[derive(Debug, Clone, Default)]
pub struct BackendOptions {
    /// `--python` (or $CLOSURE_CONFORMANCE_PYTHON): exactly these CPythons; none
    /// given means every CPython found on PATH and in pyenv's versions folder.
    pub pythons: Vec<PathBuf>,
    /// `--interpreter NAME=COMMAND` (or $CLOSURE_CONFORMANCE_INTERPRETERS).
    pub interpreters: Vec<(String, String)>,
    /// Our own binary, which hosts the RustPython worker.
    pub worker_exe: PathBuf,
    /// Replace each worker after this many cases; `None` keeps the backend's
    /// default. `Some(1)` is a fresh process per case (the benchmark's naive mode).
    pub cases_per_worker: Option<usize>,
    /// Where scripts/install-references installs (npm packages for pyodide).
    pub home: PathBuf,
}

impl BackendOptions {
    /// Options from the environment alone (what `cargo test` uses).
    pub fn from_env(worker_exe: PathBuf) -> Result<BackendOptions, String> {
        Ok(BackendOptions {
            pythons: pythons_from_env(),
            interpreters: interpreters_from_env()?,
            worker_exe,
            cases_per_worker: None,
            home: default_home(),
        })
    }
}

/// `$CLOSURE_CONFORMANCE_PYTHON`, split like PATH.
pub fn pythons_from_env() -> Vec<PathBuf> {
    std::env::var_os(PYTHON_ENV)
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// `$CLOSURE_CONFORMANCE_INTERPRETERS`: `NAME=COMMAND` items separated by `;`.
pub fn interpreters_from_env() -> Result<Vec<(String, String)>, String> {
    let value = std::env::var(INTERPRETERS_ENV).unwrap_or_default();
    value
        .split(';')
        .filter(|item| !item.trim().is_empty())
        .map(external::parse_interpreter)
        .collect()
}

/// `$CLOSURE_CONFORMANCE_HOME`, else `~/.cache/closure-conformance`.
pub fn default_home() -> PathBuf {
    if let Some(home) = std::env::var_os(HOME_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(home);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| std::env::temp_dir().join(".cache"));
    base.join("closure-conformance")
}

/// Finds every backend of every kind.
pub fn discover(options: &BackendOptions) -> Discovery {
    discover_kinds(options, &Kind::ALL)
}

/// Finds the backends of `kinds` only (none: nothing), in the order of `Kind::ALL`
/// whatever the order given. CPython's discovery asks every candidate interpreter
/// who it is; a caller that needs one backend of another kind need not pay for it.
pub fn discover_kinds(options: &BackendOptions, kinds: &[Kind]) -> Discovery {
    let mut found = Discovery::default();
    for kind in Kind::ALL.into_iter().filter(|k| kinds.contains(k)) {
        match kind {
            Kind::CPython => cpython::discover(options, &mut found),
            Kind::Pyodide => pyodide::discover(options, &mut found),
            Kind::PyPy => pypy::discover(options, &mut found),
            Kind::RustPython => rustpython::discover(options, &mut found),
            Kind::External => external::discover(options, &mut found),
        }
    }
    found
}

impl Discovery {
    /// The reference for each language version: its newest patch release here,
    /// native CPython over Pyodide for the same release (`newest.rs`).
    pub fn references(&self) -> BTreeMap<PyVersion, &Spec> {
        let mut references: BTreeMap<PyVersion, &Spec> = BTreeMap::new();
        for spec in self.available.iter().filter(|s| s.kind.is_reference()) {
            let Some(version) = spec.language else {
                continue;
            };
            let better = references
                .get(&version)
                .is_none_or(|current| newest::better(spec, current));
            if better {
                references.insert(version, spec);
            }
        }
        references
    }

    /// The backends named: an exact name, or a kind selecting all of its backends
    /// (`cpython` is every `cpython-3.X`). No names: every available backend.
    pub fn select(&self, names: &[String]) -> Result<Vec<Spec>, String> {
        if names.is_empty() {
            return Ok(self.available.clone());
        }
        let mut chosen: Vec<Spec> = Vec::new();
        for name in names {
            let matching: Vec<&Spec> = match self.available.iter().find(|s| &s.name == name) {
                Some(spec) => vec![spec],
                None => self
                    .available
                    .iter()
                    .filter(|s| s.kind.name() == name && s.kind != Kind::External)
                    .collect(),
            };
            if matching.is_empty() {
                return Err(self.not_found(name));
            }
            for spec in matching {
                if !chosen.iter().any(|c| c.name == spec.name) {
                    chosen.push(spec.clone());
                }
            }
        }
        Ok(chosen)
    }

    /// Why the backends of a kind (or one backend) are not available, in one line.
    pub fn why_not(&self, name: &str) -> Option<String> {
        let reasons: Vec<String> = self
            .unavailable
            .iter()
            .filter(|u| u.name == name || u.kind.name() == name)
            .map(|u| match &u.install {
                Some(install) => format!("{}: {} — install it with {install}", u.name, u.why),
                None if u.name == name => u.why.clone(),
                None => format!("{}: {}", u.name, u.why),
            })
            .collect();
        (!reasons.is_empty()).then(|| reasons.join("; "))
    }

    fn not_found(&self, name: &str) -> String {
        if self.unavailable.iter().any(|u| u.name == name) {
            return format!(
                "backend {name} is not available: {}",
                self.why_not(name).unwrap_or_default()
            );
        }
        if Kind::ALL.iter().any(|k| k.name() == name) {
            if let Some(why) = self.why_not(name) {
                return format!("no {name} backend is available: {why}");
            }
        }
        let known: Vec<&str> = self.available.iter().map(|s| s.name.as_str()).collect();
        format!(
            "unknown backend {name:?} (available: {}; see `closure-conformance backends`)",
            known.join(", ")
        )
    }
}

/// A backend ready to run cases: its spec and a pool of warm workers.
pub struct Backend {
    pub name: String,
    pub spec: Spec,
    pool: Pool,
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

    /// Finds one backend by exact name or kind (the first of the kind).
    pub fn named(name: &str, options: &BackendOptions) -> Result<Backend, String> {
        let found = discover(options);
        let spec = found.select(&[name.to_string()])?.remove(0);
        Ok(Backend::start(spec, options))
    }

    pub fn run(&self, case: &Case) -> Observation {
        self.pool.run(
            &case.display_path,
            &case.source,
            case.timeout(),
            case.memory_limit(),
        )
    }

    /// Observes a batch of the fuzzer's programs (see `Pool::run_batch`).
    pub fn run_batch(
        &self,
        programs: &[String],
        mode: crate::protocol::BatchMode,
        timeout: Duration,
    ) -> Result<Vec<Observation>, String> {
        self.pool.run_batch(programs, mode, timeout, 1 << 30)
    }

    /// Runs one program alone, as a case is run.
    pub fn run_source(&self, path: &str, source: &str, timeout: Duration) -> Observation {
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

pub fn describe_hello(hello: &Hello) -> String {
    match hello.implementation.as_str() {
        "cpython" => format!("CPython {}", hello.language_version),
        "rustpython" => format!(
            "RustPython {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
        "pypy" => format!(
            "PyPy {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
        other => format!(
            "{other} {} (Python {})",
            hello.implementation_version, hello.language_version
        ),
    }
}

/// What an interpreter says about itself when asked with `-c`.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub executable: PathBuf,
    pub implementation: String,
    /// e.g. `3.11.7`.
    pub version: String,
    /// PyPy's own version; the language version elsewhere.
    pub implementation_version: String,
}

/// Asks an interpreter who it is (works on Python 2 too, to say why it is skipped).
/// An interpreter that does not answer within `timeout` is an error, not a hang.
/// It runs in the sandbox of our binary `sandbox`, so that whatever it starts ends with it.
pub fn identify(program: &Path, sandbox: &Path, timeout: Duration) -> Result<Identity, String> {
    const SCRIPT: &str = "import sys\n\
        impl = getattr(sys, 'implementation', None)\n\
        name = impl.name if impl else 'cpython'\n\
        own = getattr(sys, 'pypy_version_info', sys.version_info)\n\
        print(sys.executable)\n\
        print(name)\n\
        print('%d.%d.%d' % tuple(sys.version_info[:3]))\n\
        print('%d.%d.%d' % tuple(own[:3]))\n";
    let timeout = start_timeout(timeout);
    let mut command = crate::sandbox::command(sandbox, program);
    let output = run_with_timeout(command.args(["-S", "-c", SCRIPT]), timeout)
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let text = String::from_utf8_lossy(&output);
    let lines: Vec<&str> = text.lines().collect();
    let [executable, implementation, version, own] = lines[..] else {
        return Err(format!(
            "{} did not say which Python it is",
            program.display()
        ));
    };
    let executable = PathBuf::from(executable);
    Ok(Identity {
        executable: if executable.is_file() {
            executable
        } else {
            program.to_path_buf()
        },
        implementation: implementation.to_string(),
        version: version.to_string(),
        implementation_version: own.to_string(),
    })
}

/// Runs a command to completion with a deadline; returns its stdout when it succeeds.
pub fn run_with_timeout(command: &mut Command, timeout: Duration) -> Result<Vec<u8>, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let err = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stderr.read_to_end(&mut buffer);
        buffer
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("no answer within {} s", timeout.as_secs()));
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if !status.success() {
        let last = String::from_utf8_lossy(&stderr)
            .lines()
            .last()
            .unwrap_or("no message")
            .to_string();
        return Err(format!("{status}: {last}"));
    }
    Ok(stdout)
}

/// How long an interpreter may take to say who it is.
pub const IDENTIFY_TIMEOUT: Duration = Duration::from_secs(20);

/// `$CLOSURE_CONFORMANCE_START_TIMEOUT` (seconds): how long an interpreter may take
/// to say who it is or to start serving, instead of the built-in `default`.
pub fn start_timeout(default: Duration) -> Duration {
    std::env::var("CLOSURE_CONFORMANCE_START_TIMEOUT")
        .ok()
        .and_then(|value| value.trim().parse::<f64>().ok())
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(default)
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

/// Looks a program up on PATH.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// What `closure-conformance backends` says: each available backend with its
/// language version and whether it is the reference for its goldens, then the
/// missing ones and how to install them.
pub fn listing(found: &Discovery) -> String {
    use std::fmt::Write as _;
    let references = found.references();
    let mut out = String::from("available:\n");
    for spec in &found.available {
        let language = spec
            .language
            .map(|v| format!("Python {v}"))
            .unwrap_or_else(|| "version told when started".into());
        let role = match spec.language {
            Some(v) if references.get(&v).is_some_and(|r| r.name == spec.name) => {
                ", reference for its goldens"
            }
            _ => "",
        };
        let (name, build, seal) = (&spec.name, &spec.build, pyodide::seal_note(spec.kind));
        let _ = writeln!(out, "  {name:14} {build} ({language}{role}{seal})");
    }
    if !found.unavailable.is_empty() {
        out.push_str("missing or skipped:\n");
        for missing in &found.unavailable {
            let _ = match &missing.install {
                Some(install) => writeln!(
                    out,
                    "  {:14} {} — install with {install}",
                    missing.name, missing.why
                ),
                None => writeln!(out, "  {:14} {}", missing.name, missing.why),
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backend_name_has_one_kind() {
        assert_eq!(Kind::of_backend("cpython-3.11"), Kind::CPython);
        assert_eq!(Kind::of_backend("pyodide-3.14"), Kind::Pyodide);
        assert_eq!(Kind::of_backend("pypy"), Kind::PyPy);
        assert_eq!(Kind::of_backend("rustpython"), Kind::RustPython);
        // External names may start like built-in ones, but never equal them.
        assert_eq!(Kind::of_backend("rustpython-0.6.0"), Kind::External);
        assert_eq!(Kind::of_backend("pypy-nightly"), Kind::External);
        assert_eq!(Kind::of_backend("cpython"), Kind::External);
        for name in ["rustpython-0.6.0", "pypy-nightly", "graalpy"] {
            let (name, _) = external::parse_interpreter(&format!("{name}=python3")).unwrap();
            assert_eq!(Kind::of_backend(&name), Kind::External);
        }
    }

    #[test]
    fn discovering_no_kind_finds_nothing() {
        let options = BackendOptions {
            worker_exe: PathBuf::from("closure-conformance"),
            ..BackendOptions::default()
        };
        let found = discover_kinds(&options, &[]);
        assert!(found.available.is_empty() && found.unavailable.is_empty());
        let found = discover_kinds(&options, &[Kind::RustPython]);
        let names: Vec<&str> = found.available.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["rustpython"]);
        assert!(found.unavailable.is_empty());
    }
}
