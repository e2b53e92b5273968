//! Native CPython: every CPython 3.6+ on the machine, one backend per language
//! version (`cpython-3.12`). Candidates are `--python` paths when given; otherwise
//! `python3` and `python3.X` on PATH and every version in pyenv's versions folder.
//! Each is asked who it is; Python 2, PyPy and duplicates are listed as skipped.

use super::{
    identify, python_like_command, which, BackendOptions, Discovery, Identity, Kind, Spec,
    Unavailable, IDENTIFY_TIMEOUT,
};
use crate::version::PyVersion;
use std::path::{Path, PathBuf};

/// The oldest CPython the probe runs on.
pub const OLDEST: PyVersion = PyVersion::new(3, 6);
/// Cases a worker runs before it is replaced.
const CASES_PER_WORKER: usize = 2000;

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    let candidates = if options.pythons.is_empty() {
        candidates()
    } else {
        options.pythons.clone()
    };
    // Asking is ~15 ms a native interpreter but ~100 ms through a pyenv shim: in parallel.
    let answers: Vec<(PathBuf, Result<Identity, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .iter()
            .map(|path| {
                scope.spawn(move || {
                    (
                        path.clone(),
                        identify(path, &options.worker_exe, IDENTIFY_TIMEOUT),
                    )
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut seen: Vec<PathBuf> = Vec::new();
    for (path, answer) in answers {
        let shown = path.display().to_string();
        let identity = match answer {
            Ok(identity) => identity,
            Err(why) => {
                found.unavailable.push(Unavailable {
                    kind: Kind::CPython,
                    name: shown,
                    why,
                    install: None,
                });
                continue;
            }
        };
        let real = std::fs::canonicalize(&identity.executable)
            .unwrap_or_else(|_| identity.executable.clone());
        if seen.contains(&real) {
            continue; // the same interpreter reached another way (a shim, a link)
        }
        seen.push(real);
        let skip = |why: String| Unavailable {
            kind: Kind::CPython,
            name: shown.clone(),
            why,
            install: None,
        };
        if identity.implementation != "cpython" {
            found.unavailable.push(skip(format!(
                "{} {} is not CPython (name it with --interpreter)",
                identity.implementation, identity.version
            )));
            continue;
        }
        let Some(version) = PyVersion::of(&identity.version) else {
            found
                .unavailable
                .push(skip(format!("unreadable version {:?}", identity.version)));
            continue;
        };
        if version < OLDEST {
            found.unavailable.push(skip(format!(
                "CPython {} is older than {OLDEST}, the oldest the probe runs on",
                identity.version
            )));
            continue;
        }
        let name = format!("cpython-{version}");
        if let Some(first) = found.available.iter().find(|s| s.name == name) {
            found.unavailable.push(skip(format!(
                "CPython {} is a second {version}; {name} is {}",
                identity.version, first.build
            )));
            continue;
        }
        found.available.push(Spec {
            name,
            kind: Kind::CPython,
            language: Some(version),
            build: format!("CPython {}", identity.version),
            command: python_like_command(&identity.executable, &["-S", "-s"]),
            max_cases: CASES_PER_WORKER,
            observes: super::Observes::ALL,
        });
    }
    found
        .available
        .sort_by_key(|s| (s.kind, s.language, s.name.clone()));
}

/// `python3`, then `python3.X` on PATH, then pyenv's versions, newest first within each.
fn candidates() -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = Vec::new();
    let mut add = |path: PathBuf| {
        if !list.contains(&path) {
            list.push(path);
        }
    };
    if let Some(python3) = which("python3") {
        add(python3);
    }
    for minor in (OLDEST.minor..=20).rev() {
        if let Some(path) = which(&format!("python3.{minor}")) {
            if !is_pyenv_shim(&path) {
                add(path);
            }
        }
    }
    for path in pyenv_versions() {
        add(path);
    }
    list
}

/// A pyenv shim answers only for the versions pyenv has selected; the versions
/// folder is asked directly instead.
fn is_pyenv_shim(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == "shims") && path.to_string_lossy().contains("pyenv")
}

/// `$PYENV_ROOT/versions/*/bin/python3` (or `python` for Python 2 builds).
fn pyenv_versions() -> Vec<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")));
    let Some(root) = root else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(root.join("versions")) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let bin = entry.path().join("bin");
            ["python3", "python"]
                .iter()
                .map(|name| bin.join(name))
                .find(|p| p.is_file())
        })
        .collect();
    found.sort();
    found
}
