//! A backend whose worker dies at start-up is noticed at once, with its exit status
//! and the end of its stderr, and is one error in every format — not a failure per
//! case. An interpreter named on the command line that does not exist is a
//! one-line usage error.

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "common/tool.rs"]
mod tool;
use tool::{run, suite};

/// An interpreter wrapper that cannot start: it exits 127 at once, saying why.
fn dead_interpreter(dir: &Path) -> String {
    let path = dir.join("dead-python");
    std::fs::write(
        &path,
        "#!/bin/sh\necho 'fatal: libfoo.so not found' >&2\nexit 127\n",
    )
    .unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&path, permissions).unwrap();
    format!("dead={}", path.display())
}

#[test]
fn a_worker_that_dies_at_start_up_is_one_error_per_format_at_once() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let dead = dead_interpreter(dir.path());
    let args = |format: &'static str| {
        vec![
            "--interpreter".to_string(),
            dead.clone(),
            "-b".into(),
            "cpython".into(),
            "-b".into(),
            "dead".into(),
            "--format".into(),
            format.into(),
            "--color".into(),
            "never".into(),
        ]
    };
    for format in ["human", "markdown", "json", "junit", "github", "html"] {
        let args = args(format);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let (out, stdout, stderr) = run(dir.path(), &args);
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(1), "{format}: {stdout}{stderr}");
        assert!(took < Duration::from_secs(10), "{format}: took {took:?}");
        let said: Vec<&str> = stdout
            .lines()
            .filter(|l| l.contains("fatal: libfoo.so not found"))
            .collect();
        let expected = if format == "html" { 2 } else { 1 }; // the page and its data
        assert_eq!(said.len(), expected, "{format}:\n{stdout}");
        assert!(
            said[0].contains("exit status: 127") && !stdout.contains("FAIL"),
            "{format}:\n{stdout}"
        );
        match format {
            "github" => {
                assert_eq!(stdout.lines().count(), 1, "{stdout}");
                assert!(stdout.starts_with("::error title=backend dead did not start::worker "));
            }
            "junit" => {
                assert_eq!(stdout.matches("<error ").count(), 1, "{stdout}");
                assert!(stdout.contains("errors=\"1\""), "{stdout}");
            }
            "json" => {
                let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                let rows = report["rows"].as_array().unwrap();
                assert!(
                    rows.iter().all(|r| r["backend"] == "cpython-3.11"),
                    "{stdout}"
                );
                assert_eq!(rows.len(), 2);
                assert!(report["backends"][1]["error"].is_string(), "{stdout}");
                assert!(report["backends"][0].get("error").is_none(), "{stdout}");
            }
            // The first thing the terminal report says.
            "human" => assert!(
                stdout.starts_with("error: backend dead did not start: worker "),
                "{stdout}"
            ),
            _ => {}
        }
    }
}

#[test]
fn a_dead_worker_is_noticed_within_two_seconds() {
    let dir = suite();
    let dead = dead_interpreter(dir.path());
    let started = Instant::now();
    let (out, stdout, stderr) = run(
        dir.path(),
        &["--interpreter", &dead, "-b", "dead", "--format", "github"],
    );
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn a_named_interpreter_that_does_not_exist_is_a_usage_error() {
    let dir = suite();
    for (args, expected) in [
        (
            &["--python", "/nonexistent/python"][..],
            "closure-conformance: error: --python /nonexistent/python: no such interpreter\n",
        ),
        (
            &["--interpreter", "nope=/nonexistent"][..],
            "closure-conformance: error: --interpreter nope=/nonexistent: /nonexistent not found\n",
        ),
    ] {
        for command in [&[][..], &["report"][..], &["regen", "--check"][..]] {
            let args = [command, args].concat();
            let (out, stdout, stderr) = run(dir.path(), &args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stdout}{stderr}");
            assert_eq!(stderr, expected, "{args:?}");
            assert_eq!(stdout, "", "{args:?}");
        }
    }
}
