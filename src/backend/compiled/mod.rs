//! Compiled backends: ahead-of-time compilers of Python — Cython, Nuitka and mypyc
//! — each a backend (`cython`, `nuitka`, `mypyc`). The probe's own `compile` and
//! `exec` would only test the host CPython, so each case is compiled as an
//! extension module (`cache.rs`, `build.py`) and imported, in the sandbox, into
//! the host CPython the module was built for, where the same probe observes it
//! (`--compiled DIR`): its output and exception, and the cells of the functions it
//! leaves, where the compiler's functions have `__closure__`. A case the compiler
//! rejects is an observation (a `CompileError` with its message), not a crash of
//! the run. Each is judged against the goldens of the host's language version.
//! docs/compiled.md says what each observes and why.

pub mod cache;
pub mod install;

use super::{
    identify, python_like_command, BackendOptions, Discovery, Kind, Observes, Spec, Unavailable,
};
use crate::process::which;
use crate::version::PyVersion;
use std::path::{Path, PathBuf};

/// The compilers, by backend name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compiler {
    Cython,
    Nuitka,
    Mypyc,
}

const CASES_PER_WORKER: usize = 2000;

impl Compiler {
    pub const ALL: [Compiler; 3] = [Compiler::Cython, Compiler::Nuitka, Compiler::Mypyc];

    /// The backend's name, which is also the driver's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Compiler::Cython => "cython",
            Compiler::Nuitka => "nuitka",
            Compiler::Mypyc => "mypyc",
        }
    }

    pub fn of(name: &str) -> Option<Compiler> {
        Compiler::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The PyPI package it comes from (mypyc is part of mypy).
    pub fn package(self) -> &'static str {
        match self {
            Compiler::Cython => "cython",
            Compiler::Nuitka => "nuitka",
            Compiler::Mypyc => "mypy",
        }
    }

    /// What the probe can observe of a module it built. None has a module code
    /// object to walk (no scopes); Nuitka's functions have `__closure__` with real
    /// cells, Cython's have `__closure__` None, and mypyc's nested functions are
    /// instances of classes of its own with no `__closure__` at all.
    pub fn observes(self) -> Observes {
        match self {
            Compiler::Nuitka => Observes::with(false, true),
            Compiler::Cython | Compiler::Mypyc => Observes::BEHAVIOUR,
        }
    }

    /// e.g. `Cython 3.3.1`, `mypyc (mypy 2.4.1)`.
    pub fn describe(self) -> String {
        let version = install::pinned(self.package()).unwrap_or("?");
        match self {
            Compiler::Cython => format!("Cython {version}"),
            Compiler::Nuitka => format!("Nuitka {version}"),
            Compiler::Mypyc => format!("mypyc (mypy {version})"),
        }
    }
}

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    let missing = |found: &mut Discovery, why: String, install: Option<&str>| {
        for compiler in Compiler::ALL {
            found.unavailable.push(Unavailable {
                kind: Kind::Compiled,
                name: compiler.name().into(),
                why: why.clone(),
                install: install.map(String::from),
            });
        }
    };
    if !install::installed(&options.home) {
        let why = format!(
            "the pinned compilers are not installed in {}",
            install::dir(&options.home).display()
        );
        return missing(found, why, Some(install::INSTALL_COMMAND));
    }
    if which("gcc").is_none() {
        let why = "gcc is not on PATH (it builds the modules)".to_string();
        return missing(found, why, Some("apt-get install gcc"));
    }
    let python = install::python(&options.home);
    let identity = match identify(&python, &options.worker_exe, super::IDENTIFY_TIMEOUT) {
        Ok(identity) => identity,
        Err(why) => {
            let why = format!(
                "{why} (the compilers' environment is broken; remove {} and install again)",
                install::dir(&options.home).display()
            );
            return missing(found, why, Some(install::INSTALL_COMMAND));
        }
    };
    for compiler in Compiler::ALL {
        let version = install::pinned(compiler.package()).unwrap_or("?");
        // Keyed by what decides a module: the compiler, the host and how the
        // driver calls the compiler (its text).
        let cache = options.home.join("compiled").join(format!(
            "{}-{version}-cpython-{}-{:08x}",
            compiler.name(),
            identity.version,
            cache::fnv1a(cache::DRIVER.as_bytes()) as u32
        ));
        let mut command = python_like_command(&python, &["-S", "-s"]);
        command.args.push("--compiled".into());
        command.args.push(cache.into_os_string());
        found.available.push(Spec {
            name: compiler.name().into(),
            kind: Kind::Compiled,
            language: PyVersion::of(&identity.version),
            build: format!("{} on CPython {}", compiler.describe(), identity.version),
            command,
            max_cases: CASES_PER_WORKER,
            observes: compiler.observes(),
        });
    }
}

/// The cache of a compiled backend's spec (None for any other backend): the
/// directory is the last argument of its worker's command.
pub fn cache_of(spec: &Spec) -> Option<cache::Cache> {
    if spec.kind != Kind::Compiled {
        return None;
    }
    let compiler = Compiler::of(&spec.name)?;
    Some(cache::Cache {
        compiler: compiler.name(),
        dir: PathBuf::from(spec.command.args.last()?),
        python: spec.command.program.clone(),
    })
}

/// Before a compiled backend runs `case`: its module, and those of its topic, are
/// built (or found in the cache). Nothing for any other backend.
pub fn prepare(spec: &Spec, source: &str, file: Option<&Path>) -> Result<(), String> {
    match cache_of(spec) {
        Some(cache) => cache.ensure(source, &file.map(cache::siblings).unwrap_or_default()),
        None => Ok(()),
    }
}
