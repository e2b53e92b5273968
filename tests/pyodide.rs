//! What needs Pyodide (CPython 3.12–3.15), which the tool installs itself on first
//! need: how it installs it, and the trials that use it. Where Pyodide is not
//! installed and cannot be (no npm, or `$CLOSURE_CONFORMANCE_OFFLINE`), those
//! trials are ignored and say so (tests/common/needs.rs).

use closure_conformance::backend::default_home;
use closure_conformance::references::{self, OFFLINE_ENV, PACKAGE_LOCK};
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/needs.rs"]
mod needs;
#[path = "common/tool.rs"]
mod tool;
use tool::{run, run_with, suite, BIN};

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = vec![
        libtest_mimic::Trial::test(
            "a_run_installs_the_pinned_pyodide_on_first_need_and_offline_refuses",
            || {
                a_run_installs_the_pinned_pyodide_on_first_need_and_offline_refuses();
                Ok(())
            },
        ),
        needs::trial(
            "regen_keeps_the_versions_it_cannot_check_and_says_so",
            pyodide(),
            regen_keeps_the_versions_it_cannot_check_and_says_so,
        ),
        needs::trial(
            "progress_names_what_a_backend_fixed_against_another",
            pyodide(),
            progress_names_what_a_backend_fixed_against_another,
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

/// The home Pyodide is (or will be) installed in, where it is or the tool can
/// install it; else what is missing.
fn pyodide() -> Result<PathBuf, String> {
    let home = default_home();
    if references::pyodide_installed(&home) {
        return Ok(home);
    }
    if references::offline_from_env() {
        return Err(format!(
            "Pyodide: not installed, and ${OFFLINE_ENV} refuses to install it"
        ));
    }
    if closure_conformance::process::which("npm").is_none() {
        return Err("Pyodide: not installed, and no npm on PATH to install it".into());
    }
    Ok(home)
}

/// Installs Pyodide as the tool does on first need (nothing when it is there).
fn install(home: &Path) {
    let output = Command::new(BIN)
        .arg("install")
        .env("CLOSURE_CONFORMANCE_HOME", home)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "closure-conformance install: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(references::pyodide_installed(home));
}

/// A stand-in npm (and node) that logs how it is called and lays out the packages
/// of the lock as `npm ci` would, so that the install path is checked without the
/// network.
fn fake_npm(bin: &Path, log: &Path) {
    std::fs::create_dir_all(bin).unwrap();
    let aliases: Vec<&str> = closure_conformance::references::PACKAGES
        .iter()
        .map(|(alias, _, _)| *alias)
        .collect();
    let npm = format!(
        "#!/bin/sh\necho \"$PWD $*\" >> '{}'\ncmp -s package-lock.json '{}' || exit 3\nfor p in {}; do mkdir -p node_modules/$p && touch node_modules/$p/pyodide.mjs; done\nmkdir -p node_modules/micropython && touch node_modules/micropython/micropython.mjs\n",
        log.display(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("references/package-lock.json").display(),
        aliases.join(" ")
    );
    for (name, text) in [("npm", npm.as_str()), ("node", "#!/bin/sh\necho 20.0.0\n")] {
        let path = bin.join(name);
        std::fs::write(&path, text).unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).unwrap();
    }
}

fn a_run_installs_the_pinned_pyodide_on_first_need_and_offline_refuses() {
    let dir = suite();
    let bin = dir.path().join("bin");
    let log = dir.path().join("npm.log");
    fake_npm(&bin, &log);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let home = dir.path().join("home");
    let tool = |args: &[&str], offline: bool| {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .arg("--root")
            .arg(dir.path())
            .args(["--color", "never"])
            .env("PATH", &path)
            .env("CLOSURE_CONFORMANCE_PYTHON", "python3")
            .env("CLOSURE_CONFORMANCE_HOME", &home)
            .env_remove(OFFLINE_ENV);
        if offline {
            command.env(OFFLINE_ENV, "1");
        }
        command.output().unwrap()
    };
    assert!(run(dir.path(), &["regen"]).0.status.success());

    // Offline, nothing is installed and the run goes on without Pyodide.
    for (args, offline) in [(&[][..], true), (&["--offline"][..], false)] {
        let out = tool(args, offline);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("Pyodide"), "{stderr}");
        assert!(!home.join("npm").exists() && !log.exists());
    }
    // A run that checks naming only other backends needs no Pyodide.
    assert!(tool(&["-b", "cpython"], false).status.success());
    assert!(!log.exists());

    // The first run that wants every backend installs the lock's packages, says so
    // on stderr (stdout is the report's), and later runs find them installed.
    let out = tool(&[], false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("closure-conformance: installing Pyodide 0.27.7 (CPython 3.12.7), "),
        "{stderr}"
    );
    assert!(
        stderr.contains("closure-conformance: Pyodide and MicroPython installed in "),
        "{stderr}"
    );
    assert!(!stdout.contains("installing"), "{stdout}");
    let npm_dir = home.join("npm");
    assert_eq!(
        std::fs::read_to_string(npm_dir.join("package-lock.json")).unwrap(),
        PACKAGE_LOCK
    );
    let calls = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        calls,
        format!(
            "{} ci --no-audit --no-fund --loglevel=error\n",
            npm_dir.display()
        )
    );
    assert!(references::pyodide_installed(&home));
    let out = tool(&["regen", "--check"], false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("installing"));
    let out = Command::new(BIN)
        .arg("install")
        .env("PATH", &path)
        .env("CLOSURE_CONFORMANCE_HOME", &home)
        .env_remove(OFFLINE_ENV)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout)
        .starts_with("Pyodide and MicroPython: already installed in "));
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        calls,
        "installed once"
    );

    // `install` offline, with nothing installed, is a one-line error.
    let other = dir.path().join("other");
    let out = Command::new(BIN)
        .arg("install")
        .env("CLOSURE_CONFORMANCE_HOME", &other)
        .env(OFFLINE_ENV, "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("installing is refused"), "{stderr}");
}

fn regen_keeps_the_versions_it_cannot_check_and_says_so(home: PathBuf) {
    install(&home);
    let dir = suite();
    // With Pyodide: goldens for 3.11 (python3) and 3.12–3.15 (Pyodide).
    let (out, stdout, _) = run_with(dir.path(), &["regen", "--color", "never"], &home);
    assert!(out.status.success(), "{stdout}");
    let path = dir.path().join("expected/t/counter.txt");
    let golden = std::fs::read_to_string(&path).unwrap();
    assert!(
        golden.contains("\n# 3.14: CPython 3.14.2 (pyodide 314.0.7)\n"),
        "{golden}"
    );
    // RustPython is judged against 3.14 and passes.
    let (out, stdout, _) = run_with(dir.path(), &["-b", "rustpython", "--color", "never"], &home);
    assert!(out.status.success(), "{stdout}");
    // Without Pyodide nothing is dropped, and the versions not checked are named.
    let (out, stdout, _) = run(dir.path(), &["regen", "--check", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("not checked: Python 3.12, 3.13, 3.14, 3.15: no reference installed here"),
        "{stdout}"
    );
    let (out, _, _) = run(dir.path(), &["regen", "--color", "never"]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), golden);
}

fn progress_names_what_a_backend_fixed_against_another(home: PathBuf) {
    install(&home);
    let dir = suite();
    assert!(run_with(dir.path(), &["regen"], &home).0.status.success());
    // Make the 3.14 golden of one case wrong for RustPython only: CPython 3.11
    // keeps agreeing, RustPython (judged against 3.14) now differs there.
    let path = dir.path().join("expected/t/lambda.txt");
    let golden = std::fs::read_to_string(&path).unwrap();
    let edited = golden.replacen(
        "[stdout]\n| 5\n",
        "[stdout 3.11-3.13, 3.15]\n| 5\n[stdout 3.14]\n| 6\n",
        1,
    );
    assert_ne!(edited, golden, "{golden}");
    std::fs::write(&path, edited).unwrap();
    let (out, stdout, _) = run_with(
        dir.path(),
        &["progress", "rustpython", "cpython", "--color", "never"],
        &home,
    );
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "rustpython on 1 cases, cpython-3.11 on 0: 1 fixed, 0 regressed, 0 still differ"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("fixed (1):\n  t/lambda\n"), "{stdout}");
}
