//! Pyodide: CPython compiled to WebAssembly, from npm, run by Node. Several
//! versions side by side under aliases (`py314` is `pyodide@314.0.7`) in
//! `$CLOSURE_CONFORMANCE_HOME/npm`, where scripts/install-references puts them.
//! One Node process per worker loads Pyodide once (3–8 s) and then serves the probe
//! unchanged (pyodide_host.mjs), a few milliseconds a case.

use super::{which, BackendOptions, Discovery, Kind, Spec, Unavailable, INSTALL_REFERENCES};
use crate::version::PyVersion;
use crate::worker::WorkerCommand;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The Node host that serves the probe from Pyodide: the seal it shares with
/// MicroPython's host, then its own part.
pub const HOST_SOURCE: &str = concat!(
    include_str!("wasm_seal.mjs"),
    include_str!("pyodide_host.mjs")
);

/// What `backends` says of a backend of `kind` if it is Pyodide: how it is
/// isolated, and where the limits are.
pub fn seal_note(kind: Kind) -> &'static str {
    match kind {
        Kind::Pyodide | Kind::MicroPython => {
            "; memory snapshot, sealed by Node's permission model: limits in docs/protocol.md"
        }
        _ => "",
    }
}

const CASES_PER_WORKER: usize = 2000;

/// Where the npm packages live.
pub fn packages_dir(options: &BackendOptions) -> PathBuf {
    options.home.join("npm").join("node_modules")
}

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    let dir = packages_dir(options);
    let node = which("node");
    let mut present: Vec<(PyVersion, Spec)> = Vec::new();
    if let (Some(node), Ok(entries)) = (&node, std::fs::read_dir(&dir)) {
        let mut packages: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        packages.sort();
        for package in packages {
            let Some((pyodide, python)) = read_package(&package) else {
                continue;
            };
            let Some(version) = PyVersion::of(&python) else {
                continue;
            };
            if present.iter().any(|(v, _)| *v == version) {
                continue;
            }
            present.push((
                version,
                Spec {
                    name: format!("pyodide-{version}"),
                    kind: Kind::Pyodide,
                    language: Some(version),
                    build: format!("CPython {python} (pyodide {pyodide})"),
                    command: host_command(node, &package),
                    max_cases: CASES_PER_WORKER,
                    observes: super::Observes::ALL,
                },
            ));
        }
    }
    for (_, _, python) in crate::references::PACKAGES {
        let version = PyVersion::of(python).expect("valid table");
        if present.iter().any(|(v, _)| *v == version) {
            continue;
        }
        found.unavailable.push(Unavailable {
            kind: Kind::Pyodide,
            name: format!("pyodide-{version}"),
            why: match &node {
                None => "node is not on PATH".into(),
                Some(_) => format!("no Pyodide for Python {version} in {}", dir.display()),
            },
            install: Some(INSTALL_REFERENCES.into()),
        });
    }
    present.sort_by_key(|(v, _)| *v);
    found
        .available
        .extend(present.into_iter().map(|(_, spec)| spec));
}

/// (pyodide version, Python version) of an installed package folder.
fn read_package(package: &Path) -> Option<(String, String)> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(package.join("package.json")).ok()?).ok()?;
    if manifest["name"] != "pyodide" {
        return None;
    }
    let lock: serde_json::Value =
        serde_json::from_slice(&std::fs::read(package.join("pyodide-lock.json")).ok()?).ok()?;
    Some((
        manifest["version"].as_str()?.to_string(),
        lock["info"]["python"].as_str()?.to_string(),
    ))
}

/// Node's flags for the host (docs/protocol.md, "Pyodide's seal"): the permission
/// model, reading only the Pyodide package (no writes, child processes, workers or
/// addons), and no code from strings, so that no JavaScript a case reaches can
/// evaluate its way to Node's globals.
pub(super) fn seal_flags(package: &Path) -> Vec<OsString> {
    let package = package
        .canonicalize()
        .unwrap_or_else(|_| package.to_path_buf());
    let mut read = OsString::from("--allow-fs-read=");
    read.push(package.join("*"));
    vec![
        "--experimental-permission".into(),
        read,
        "--disallow-code-generation-from-strings".into(),
        "--no-warnings".into(),
    ]
}

fn host_command(node: &Path, package: &Path) -> WorkerCommand {
    let env: Vec<(OsString, OsString)> = vec![
        ("CLOSURE_CONFORMANCE_PYODIDE".into(), package.into()),
        (
            "CLOSURE_CONFORMANCE_PROBE".into(),
            super::PROBE_SOURCE.into(),
        ),
    ];
    WorkerCommand {
        program: node.to_path_buf(),
        args: seal_flags(package)
            .into_iter()
            .chain([
                "--input-type=module".into(),
                "-e".into(),
                HOST_SOURCE.into(),
            ])
            .collect(),
        env,
    }
}
