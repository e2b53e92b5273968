//! MicroPython compiled to WebAssembly, from npm (`micropython` is
//! `@micropython/micropython-webassembly-pyscript`, pinned by
//! references/package-lock.json), run by Node. One Node process per worker loads
//! it once (a tenth of a second) and serves the probe, cut down where MicroPython
//! must (micropython_host.mjs, docs/protocol.md "MicroPython"). It has no
//! `__closure__` and its code objects carry nothing: it observes behaviour only
//! (stdout, stderr, the exception). It says it is Python 3.4 with features of
//! later versions; it is judged against the goldens of `LANGUAGE`.

use super::{which, BackendOptions, Discovery, Kind, Observes, Spec, Unavailable};
use crate::version::PyVersion;
use crate::worker::WorkerCommand;
use std::ffi::OsString;
use std::path::Path;

/// The Node host that serves the probe from MicroPython: the seal it shares with
/// Pyodide's host, then its own part.
pub const HOST_SOURCE: &str = concat!(
    include_str!("wasm_seal.mjs"),
    include_str!("micropython_host.mjs")
);

/// The npm alias it is installed under, and the package it must be.
const ALIAS: &str = "micropython";
const PACKAGE: &str = "@micropython/micropython-webassembly-pyscript";

/// The language version whose goldens it is judged against (docs/protocol.md,
/// "MicroPython": why 3.8).
pub const LANGUAGE: PyVersion = PyVersion::new(3, 8);

const CASES_PER_WORKER: usize = 2000;

pub fn discover(options: &BackendOptions, found: &mut Discovery) {
    let package = super::pyodide::packages_dir(options).join(ALIAS);
    let version = read_version(&package);
    match (which("node"), version) {
        (Some(node), Some(version)) => found.available.push(Spec {
            name: ALIAS.into(),
            kind: Kind::MicroPython,
            language: Some(LANGUAGE),
            build: format!("MicroPython {version} (webassembly-pyscript)"),
            command: host_command(&node, &package),
            max_cases: CASES_PER_WORKER,
            observes: Observes::BEHAVIOUR,
        }),
        (node, _) => found.unavailable.push(Unavailable {
            kind: Kind::MicroPython,
            name: ALIAS.into(),
            why: match node {
                None => "node is not on PATH".into(),
                Some(_) => format!("no MicroPython in {}", package.display()),
            },
            install: Some(super::INSTALL_REFERENCES.into()),
        }),
    }
}

/// The version of the installed package, if it is MicroPython's.
fn read_version(package: &Path) -> Option<String> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(package.join("package.json")).ok()?).ok()?;
    if manifest["name"] != PACKAGE || !package.join("micropython.mjs").is_file() {
        return None;
    }
    Some(manifest["version"].as_str()?.to_string())
}

fn host_command(node: &Path, package: &Path) -> WorkerCommand {
    let env: Vec<(OsString, OsString)> = vec![
        ("CLOSURE_CONFORMANCE_MICROPYTHON".into(), package.into()),
        (
            "CLOSURE_CONFORMANCE_PROBE".into(),
            super::PROBE_SOURCE.into(),
        ),
    ];
    WorkerCommand {
        program: node.to_path_buf(),
        args: super::pyodide::seal_flags(package)
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
