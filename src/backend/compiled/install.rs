//! Installs the pinned compilers of the compiled backends: a virtual environment
//! of the host `python3` under `$CLOSURE_CONFORMANCE_HOME/compilers/venv`, into
//! which pip installs exactly the versions of references/compilers.txt (built into
//! the binary), dependencies included, with `--no-deps` so that nothing unpinned
//! comes in. Never into the system Python. `closure-conformance install
//! --compilers` calls this (scripts/install-references --optional does too);
//! `--offline` refuses.

use crate::process::which;
use crate::references::{Installed, Lock};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The pinned requirements, as the repository holds them.
pub const REQUIREMENTS: &str = include_str!("../../../references/compilers.txt");

/// The command that installs them.
pub const INSTALL_COMMAND: &str = "closure-conformance install --compilers";

/// Present while an install is under way; an install cut short is not installed.
const UNFINISHED: &str = ".installing";
/// Written last: the requirements installed (a different pin is a reinstall).
const DONE: &str = "installed.txt";

/// Where the compilers live under the tool's home.
pub fn dir(home: &Path) -> PathBuf {
    home.join("compilers")
}

/// The interpreter of the virtual environment: the host CPython itself, with the
/// compilers in its site-packages (which the workers, started with `-S`, never see).
pub fn python(home: &Path) -> PathBuf {
    dir(home).join("venv").join("bin").join("python")
}

/// `name==version` of each pinned package.
pub fn pins() -> Vec<&'static str> {
    REQUIREMENTS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// The pinned version of `package`.
pub fn pinned(package: &str) -> Option<&'static str> {
    pins()
        .into_iter()
        .find_map(|pin| pin.strip_prefix(package)?.strip_prefix("=="))
}

/// Whether this binary's pins are installed under `home`, whole.
pub fn installed(home: &Path) -> bool {
    let dir = dir(home);
    std::fs::read_to_string(dir.join(DONE)).is_ok_and(|done| done == REQUIREMENTS)
        && !dir.join(UNFINISHED).exists()
        && python(home).is_file()
}

/// Installs the pinned compilers under `home` unless they are there, telling
/// `tell` what it does. Concurrent callers wait for one another.
pub fn ensure(home: &Path, offline: bool, tell: &dyn Fn(&str)) -> Result<Installed, String> {
    if installed(home) {
        return Ok(Installed::Already);
    }
    let dir = dir(home);
    if offline {
        return Err(format!(
            "the compilers are not installed in {} and installing is refused (--offline or ${})",
            dir.display(),
            crate::references::OFFLINE_ENV
        ));
    }
    let python3 = which("python3")
        .ok_or("python3 is not on PATH (the compiled backends build for it and run in it)")?;
    which("gcc").ok_or(
        "gcc is not on PATH (the compilers build C extension modules with it; apt-get install gcc)",
    )?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let _lock = Lock::take(&dir.join(".lock"))?;
    if installed(home) {
        return Ok(Installed::Already);
    }
    tell(&format!(
        "closure-conformance: installing {} into a virtual environment of {} in {} (once; --offline refuses)\n",
        pins().join(", "),
        python3.display(),
        dir.display()
    ));
    let started = Instant::now();
    std::fs::write(dir.join(UNFINISHED), "")
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    let venv = dir.join("venv");
    if venv.exists() {
        std::fs::remove_dir_all(&venv)
            .map_err(|e| format!("cannot remove {}: {e}", venv.display()))?;
    }
    step(Command::new(&python3).arg("-m").arg("venv").arg(&venv))?;
    let requirements = dir.join("requirements.txt");
    std::fs::write(&requirements, REQUIREMENTS)
        .map_err(|e| format!("cannot write {}: {e}", requirements.display()))?;
    step(
        Command::new(python(home))
            .args(["-m", "pip", "install", "--no-deps", "--no-input"])
            .args(["--disable-pip-version-check", "--quiet", "-r"])
            .arg(&requirements),
    )?;
    // The headers the modules build against must be the host's own.
    step(Command::new(python(home)).args([
        "-c",
        "import os, sys, sysconfig\n\
         header = os.path.join(sysconfig.get_paths()['include'], 'Python.h')\n\
         os.path.isfile(header) or sys.exit('%s is missing: install the headers of this Python (Debian: python3-dev)' % header)",
    ]))?;
    std::fs::write(dir.join(DONE), REQUIREMENTS)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    std::fs::remove_file(dir.join(UNFINISHED))
        .map_err(|e| format!("cannot finish the install in {}: {e}", dir.display()))?;
    tell(&format!(
        "closure-conformance: compilers installed in {:.0} s\n",
        started.elapsed().as_secs_f64()
    ));
    Ok(Installed::Now)
}

/// Runs one install step, its output on our stderr (stdout is the report's).
fn step(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .stdin(Stdio::null())
        .stdout(std::io::stderr())
        .status()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    match status.success() {
        true => Ok(()),
        false => Err(format!("{shown} failed ({status})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_compiler_and_dependency_is_pinned_exactly() {
        for pin in pins() {
            let (name, version) = pin.split_once("==").expect(pin);
            assert!(!name.is_empty() && !version.is_empty(), "{pin}");
            assert!(!version.contains(['*', '<', '>', ',']), "{pin}");
        }
        assert_eq!(pinned("cython"), Some("3.3.1"));
        assert_eq!(pinned("nuitka"), Some("4.3.3"));
        assert_eq!(pinned("mypy"), Some("2.4.1"));
        assert_eq!(pinned("mypy_extensions"), Some("1.2.0"));
    }

    #[test]
    fn offline_refuses_and_writes_nothing() {
        let home = tempfile::tempdir().unwrap();
        let error = ensure(home.path(), true, &|_| {}).unwrap_err();
        assert!(error.contains("installing is refused"), "{error}");
        assert!(!dir(home.path()).exists());
    }
}
