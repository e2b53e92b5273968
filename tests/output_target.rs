//! `-o` takes a regular file (new or existing) or nothing for stdout: a device, a
//! FIFO or a link to a descriptor is a one-line error, and nothing is read or
//! replaced. A run that checked nothing (every check skipped) is not a pass.

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "common/tool.rs"]
mod tool;
use tool::{run, suite, LAMBDA};

/// A copy of a device node (needs root); the device itself where that fails.
fn device_copy(device: &str, to: &Path) -> std::path::PathBuf {
    let copied = Command::new("cp").arg("-a").arg(device).arg(to).status();
    if copied.is_ok_and(|s| s.success()) {
        to.to_path_buf()
    } else {
        Path::new(device).to_path_buf()
    }
}

#[test]
fn only_a_regular_file_or_stdout_takes_the_report() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let full = device_copy("/dev/full", &dir.path().join("full"));
    let null = device_copy("/dev/null", &dir.path().join("null"));
    let fifo = dir.path().join("fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let link = dir.path().join("stdout-link");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    for target in [&full, &null, &fifo, &link] {
        for command in [
            &["-b", "cpython"][..],
            &["report", "-b", "cpython"][..],
            &["diff", "cpython", "rustpython"][..],
        ] {
            let args = [command, &["-o", target.to_str().unwrap()]].concat();
            let started = Instant::now();
            let (out, stdout, stderr) = run(dir.path(), &args);
            assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stdout}{stderr}");
            assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
            assert!(
                stderr.starts_with(&format!(
                    "closure-conformance: error: -o {}: not a regular file but ",
                    target.display()
                )),
                "{args:?}: {stderr}"
            );
        }
        let kind = std::fs::symlink_metadata(target).unwrap().file_type();
        assert!(
            kind.is_char_device() || kind.is_fifo() || kind.is_symlink(),
            "{} was replaced",
            target.display()
        );
    }
    // A regular file, new or existing, and a link to one, still take it.
    let file = dir.path().join("report.json");
    let via = dir.path().join("via-link.json");
    std::os::unix::fs::symlink(&file, &via).unwrap();
    for target in [&file, &file, &via] {
        let (out, _, stderr) = run(
            dir.path(),
            &[
                "-b",
                "cpython",
                "--format",
                "json",
                "-o",
                target.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{stderr}");
        assert!(std::fs::read_to_string(target)
            .unwrap()
            .contains("\"rows\""));
    }
}

#[test]
fn a_run_whose_every_check_was_skipped_is_not_a_pass() {
    let dir = suite();
    let newer = LAMBDA.replace(
        "# rules: t/r\n",
        "# rules: t/r\n# requires: >=3.99 — a future feature\n",
    );
    std::fs::write(dir.path().join("cases/t/lambda.py"), newer).unwrap();
    assert!(run(dir.path(), &["regen", "t/counter"]).0.status.success());
    for format in ["human", "json"] {
        let (out, stdout, stderr) = run(
            dir.path(),
            &["-b", "cpython", "--format", format, "t/lambda"],
        );
        assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("closure-conformance: error: nothing was checked: all 1 checks were skipped (such as t/lambda: needs Python >=3.99 (a future feature); this is Python 3."),
            "{stderr}"
        );
        assert!(!stdout.is_empty(), "the report is still written");
    }
    // One check that ran is enough.
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("2 checks: 1 passed, 0 failed, 1 skipped"),
        "{stdout}"
    );
}
