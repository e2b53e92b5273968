//! The pinned references the tool installs itself on first need: Pyodide (CPython
//! 3.12–3.15 compiled to WebAssembly), and MicroPython compiled to WebAssembly
//! (tested against them, not a reference), from npm into `$CLOSURE_CONFORMANCE_HOME/npm`,
//! pinned by references/package-lock.json, which is built into the binary. `npm ci`
//! installs exactly what the lock names and checks every package against the lock's
//! integrity hash. `closure-conformance install` and scripts/install-references call
//! this too, so there is one install path. `--offline` (or
//! `$CLOSURE_CONFORMANCE_OFFLINE`) refuses to install.

use crate::process::which;
use crate::version::PyVersion;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The Pyodide releases installed (the lock pins them): (npm alias, pyodide version, Python).
pub const PACKAGES: &[(&str, &str, &str)] = &[
    ("py312", "0.27.7", "3.12.7"),
    ("py313", "0.29.3", "3.13.2"),
    ("py314", "314.0.7", "3.14.2"),
    ("py315", "315.0.0-alpha.2", "3.15.0rc1"),
];

/// The npm manifest and lock of the references, as the repository pins them.
pub const PACKAGE_JSON: &str = include_str!("../references/package.json");
pub const PACKAGE_LOCK: &str = include_str!("../references/package-lock.json");

/// Set (to anything but `0` or nothing), the tool never installs.
pub const OFFLINE_ENV: &str = "CLOSURE_CONFORMANCE_OFFLINE";

/// Present while an install is under way; an install cut short is not installed.
const UNFINISHED: &str = ".installing";

/// What `ensure_pyodide` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installed {
    /// The pinned packages were there already.
    Already,
    /// They were installed now.
    Now,
}

/// Whether the pinned references hold a CPython of this language version (one
/// `install` can put in place).
pub fn installs(version: PyVersion) -> bool {
    PACKAGES
        .iter()
        .any(|(_, _, python)| PyVersion::of(python) == Some(version))
}

/// Whether `$CLOSURE_CONFORMANCE_OFFLINE` forbids installing.
pub fn offline_from_env() -> bool {
    std::env::var_os(OFFLINE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Where the npm packages go under the tool's home.
pub fn npm_dir(home: &Path) -> PathBuf {
    home.join("npm")
}

/// Whether the packages of this binary's lock are installed under `home`, whole.
pub fn pyodide_installed(home: &Path) -> bool {
    let dir = npm_dir(home);
    std::fs::read_to_string(dir.join("package-lock.json")).is_ok_and(|lock| lock == PACKAGE_LOCK)
        && !dir.join(UNFINISHED).exists()
        && PACKAGES.iter().all(|(alias, _, _)| {
            dir.join("node_modules")
                .join(alias)
                .join("pyodide.mjs")
                .is_file()
        })
        && dir
            .join("node_modules/micropython/micropython.mjs")
            .is_file()
}

/// Installs the pinned Pyodide packages under `home` unless they are there,
/// telling `tell` what it does (one line as it starts, one when done). `offline`
/// refuses. Concurrent callers (parallel tests) wait for one another.
pub fn ensure_pyodide(
    home: &Path,
    offline: bool,
    tell: &dyn Fn(&str),
) -> Result<Installed, String> {
    if pyodide_installed(home) {
        return Ok(Installed::Already);
    }
    let dir = npm_dir(home);
    if offline {
        return Err(format!(
            "Pyodide is not installed in {} and installing is refused (--offline or ${OFFLINE_ENV})",
            dir.display()
        ));
    }
    let npm = which("npm").ok_or("npm is not on PATH (Pyodide installs with npm, Node 18+)")?;
    check_node()?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let _lock = Lock::take(&dir.join(".lock"))?;
    if pyodide_installed(home) {
        return Ok(Installed::Already); // another process installed it meanwhile
    }
    let versions: Vec<String> = PACKAGES
        .iter()
        .map(|(_, pyodide, python)| format!("{pyodide} (CPython {python})"))
        .collect();
    tell(&format!(
        "closure-conformance: installing Pyodide {} and MicroPython into {} with npm ci, checked against the hashes of references/package-lock.json (once; --offline refuses)\n",
        versions.join(", "),
        dir.display()
    ));
    let started = Instant::now();
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text)
            .map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()))
    };
    write(UNFINISHED, "")?;
    write("package.json", PACKAGE_JSON)?;
    write("package-lock.json", PACKAGE_LOCK)?;
    // npm's own messages go to our stderr: stdout is the report's.
    let status = Command::new(&npm)
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir)
        .env("npm_config_update_notifier", "false")
        .stdin(Stdio::null())
        .stdout(std::io::stderr())
        .status()
        .map_err(|e| format!("cannot run {}: {e}", npm.display()))?;
    if !status.success() {
        return Err(format!("npm ci in {} failed ({status})", dir.display()));
    }
    std::fs::remove_file(dir.join(UNFINISHED))
        .map_err(|e| format!("cannot finish the install in {}: {e}", dir.display()))?;
    if !pyodide_installed(home) {
        return Err(format!(
            "npm ci in {} did not install every package of the lock",
            dir.display()
        ));
    }
    tell(&format!(
        "closure-conformance: Pyodide and MicroPython installed in {:.0} s\n",
        started.elapsed().as_secs_f64()
    ));
    Ok(Installed::Now)
}

/// Pyodide needs Node 18 or newer.
fn check_node() -> Result<(), String> {
    let node = which("node").ok_or("node is not on PATH (Pyodide runs under Node 18+)")?;
    let output = Command::new(&node)
        .args(["-p", "process.versions.node"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", node.display()))?;
    let version = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let major: u32 = version
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 18 {
        return Err(format!(
            "Pyodide needs Node 18 or newer; this is Node {version:?}"
        ));
    }
    Ok(())
}

/// An exclusive lock on a file, held until dropped.
pub(crate) struct Lock(std::fs::File);

impl Lock {
    pub(crate) fn take(path: &Path) -> Result<Lock, String> {
        use std::os::fd::AsRawFd;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(format!(
                "cannot lock {}: {}",
                path.display(),
                std::io::Error::last_os_error()
            ));
        }
        Ok(Lock(file))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: as above; the descriptor is still open.
        unsafe { libc::flock(self.0.as_raw_fd(), libc::LOCK_UN) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lock_pins_every_package_the_backend_knows() {
        let lock: serde_json::Value = serde_json::from_str(PACKAGE_LOCK).unwrap();
        for (alias, pyodide, _) in PACKAGES {
            let package = &lock["packages"][format!("node_modules/{alias}")];
            assert_eq!(package["version"], *pyodide, "{alias}");
            assert!(
                package["integrity"]
                    .as_str()
                    .unwrap()
                    .starts_with("sha512-"),
                "{alias}"
            );
        }
        let micropython = &lock["packages"]["node_modules/micropython"];
        assert_eq!(
            micropython["name"],
            "@micropython/micropython-webassembly-pyscript"
        );
        assert_eq!(micropython["version"], "1.27.0");
        assert!(micropython["integrity"]
            .as_str()
            .unwrap()
            .starts_with("sha512-"));
    }

    #[test]
    fn offline_refuses_and_writes_nothing() {
        let home = tempfile::tempdir().unwrap();
        let error = ensure_pyodide(home.path(), true, &|_| {}).unwrap_err();
        assert!(error.contains("installing is refused"), "{error}");
        assert!(!npm_dir(home.path()).exists());
    }
}
