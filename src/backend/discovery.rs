//! Discovery: the backends found on this machine, the ones missing and how to install
//! them, the options and environment that steer the search, and the `backends` listing.

use super::{
    compiled, cpython, external, micropython, newest, pyodide, pypy, rustpython, Kind, Observes,
};
use crate::version::PyVersion;
use crate::worker::WorkerCommand;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Environment variable naming CPython executables (like `--python`), separated as PATH is.
pub const PYTHON_ENV: &str = "CLOSURE_CONFORMANCE_PYTHON";
/// Environment variable with `NAME=COMMAND` external interpreters, separated by `;`.
pub const INTERPRETERS_ENV: &str = "CLOSURE_CONFORMANCE_INTERPRETERS";
/// Environment variable naming the folder where scripts/install-references puts things.
pub const HOME_ENV: &str = "CLOSURE_CONFORMANCE_HOME";

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
    /// The sections it can observe (`observes.rs`).
    pub observes: Observes,
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
            Kind::MicroPython => micropython::discover(options, &mut found),
            Kind::Compiled => compiled::discover(options, &mut found),
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
            let default = self.available.iter().filter(|s| !s.kind.is_opt_in());
            return Ok(default.cloned().collect());
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
        let unobservable: Vec<&str> = spec
            .observes
            .unobservable()
            .iter()
            .map(|s| s.name())
            .collect();
        let mut observes = match unobservable.is_empty() {
            true => String::new(),
            false => format!("; not observable: {}", unobservable.join(", ")),
        };
        if spec.kind.is_opt_in() {
            observes.push_str(&format!("; runs only when named: -b {name}"));
        }
        let _ = writeln!(
            out,
            "  {name:14} {build} ({language}{role}{seal}{observes})"
        );
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
