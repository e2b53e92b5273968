//! Expectations per interpreter (docs/expectations.md): `accept` writes a backend's
//! divergences into its file, a run judges them as known divergences, and a change
//! of behaviour or a stale entry fails. The interpreter is python3 with a
//! `sitecustomize` that changes what some cases print, named `myimpl`.

use std::path::{Path, PathBuf};

#[path = "common/tool.rs"]
mod tool;
use tool::{run, suite};
#[path = "common/myimpl.rs"]
mod myimpl;
use myimpl::fake_interpreter;

fn expectations_file(dir: &Path) -> PathBuf {
    dir.join("expectations/myimpl.toml")
}

/// A suite with goldens and `myimpl` printing 6 where CPython prints 5 (t/lambda).
fn suite_with_myimpl() -> (tempfile::TempDir, String) {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let interpreter = fake_interpreter(dir.path(), "{5: 6}");
    (dir, interpreter)
}

fn run_myimpl(dir: &Path, interpreter: &str, more: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec![
        "--interpreter",
        interpreter,
        "-b",
        "myimpl",
        "--color",
        "never",
    ];
    args.extend(more);
    let (out, stdout, stderr) = run(dir, &args);
    (out.status.code(), stdout, stderr)
}

fn accept(dir: &Path, interpreter: &str, more: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec!["accept", "--interpreter", interpreter, "--color", "never"];
    args.extend(more);
    let (out, stdout, stderr) = run(dir, &args);
    (out.status.code(), stdout, stderr)
}

#[test]
fn accept_makes_the_next_run_green_and_a_changed_behaviour_then_fails() {
    let (dir, myimpl) = suite_with_myimpl();
    let (code, stdout, _) = run_myimpl(dir.path(), &myimpl, &[]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("FAIL myimpl::t/lambda"), "{stdout}");

    let (code, stdout, stderr) = accept(dir.path(), &myimpl, &[]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout
            .contains("accept myimpl: expectations/myimpl.toml written (1 new, 0 removed, 0 kept)"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(expectations_file(dir.path())).unwrap();
    assert!(
        text.contains("\n[cases.\"t/lambda\"]\nsections = [\"stdout\"]\nreason = \"accepted from a run of CPython 3.11"),
        "{text}"
    );
    assert!(text.contains("; not yet triaged\"\n"), "{text}");
    assert!(!text.contains("t/counter"), "{text}");

    // The next run is green, with the entry as a known divergence in every format.
    let (code, stdout, _) = run_myimpl(dir.path(), &myimpl, &["-v"]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        stdout.contains("known divergences (1):\n  myimpl::t/lambda — accepted from a run of"),
        "{stdout}"
    );
    let (code, json, _) = run_myimpl(dir.path(), &myimpl, &["--format", "json"]);
    assert_eq!(code, Some(0), "{json}");
    assert!(json.contains("\"status\": \"known_divergence\""), "{json}");
    let (code, junit, _) = run_myimpl(dir.path(), &myimpl, &["--format", "junit"]);
    assert_eq!(code, Some(0), "{junit}");
    assert!(!junit.contains("<failure"), "{junit}");

    // A triaged reason is kept when accept runs again; a new difference shows first.
    std::fs::write(
        expectations_file(dir.path()),
        text.replace(
            &text[text.find("reason = ").unwrap()..text.rfind('\n').unwrap()],
            "reason = \"myimpl's lambdas add one\"",
        ),
    )
    .unwrap();
    fake_interpreter(dir.path(), "{5: 6, 2: 3}");
    let (code, stdout, _) = run_myimpl(dir.path(), &myimpl, &["-v"]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("FAIL myimpl::t/counter"), "{stdout}");
    assert!(!stdout.contains("FAIL myimpl::t/lambda"), "{stdout}");
    assert!(
        stdout.contains("myimpl::t/lambda — myimpl's lambdas add one"),
        "{stdout}"
    );
    let (code, stdout, _) = accept(dir.path(), &myimpl, &[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("(1 new, 0 removed, 1 kept)"), "{stdout}");
    let text = std::fs::read_to_string(expectations_file(dir.path())).unwrap();
    assert!(
        text.contains(
            "[cases.\"t/counter\"]\nsections = [\"stdout\"]\nreason = \"accepted from a run of"
        ),
        "{text}"
    );
    assert!(
        text.contains("[cases.\"t/lambda\"]\nsections = [\"stdout\"]\nreason = \"myimpl's lambdas add one\"\n"),
        "{text}"
    );
    assert_eq!(run_myimpl(dir.path(), &myimpl, &[]).0, Some(0));
}

#[test]
fn a_stale_entry_fails_and_accept_removes_it() {
    let (dir, myimpl) = suite_with_myimpl();
    assert_eq!(accept(dir.path(), &myimpl, &[]).0, Some(0));
    // myimpl now prints what CPython prints: the entry is stale.
    fake_interpreter(dir.path(), "{}");
    let (code, stdout, _) = run_myimpl(dir.path(), &myimpl, &[]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("known divergence no longer reproduces — remove the entry for `t/lambda` from expectations/myimpl.toml (line 6), or rerun `closure-conformance accept` for myimpl"),
        "{stdout}"
    );
    let (_, github, _) = run_myimpl(dir.path(), &myimpl, &["--format", "github"]);
    assert!(
        github.starts_with("::error file=expectations/myimpl.toml,line=6,title=myimpl%3A t/lambda::known divergence no longer reproduces"),
        "{github}"
    );
    let (code, stdout, _) = accept(dir.path(), &myimpl, &[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("(0 new, 1 removed, 0 kept)"), "{stdout}");
    let text = std::fs::read_to_string(expectations_file(dir.path())).unwrap();
    assert!(!text.contains("[cases."), "{text}");
    assert_eq!(run_myimpl(dir.path(), &myimpl, &[]).0, Some(0));
}

#[test]
fn a_bad_entry_is_one_line_naming_the_file_and_line() {
    let (dir, myimpl) = suite_with_myimpl();
    std::fs::create_dir_all(dir.path().join("expectations")).unwrap();
    let bad = [
        (
            "[cases.\"t/lambda\"]\nsections = [\"stdout\"]\n",
            "expectations/myimpl.toml:1: the entry for `t/lambda` needs a reason (`reason = \"…\"`), as a known divergence does",
        ),
        (
            "# mine\n[cases.\"t/nope\"]\nreason = \"r\"\n",
            "expectations/myimpl.toml:2: no case `t/nope` in the corpus (see `closure-conformance list`)",
        ),
        (
            "[cases.\"t/lambda\"]\nsections = [\"stdot\"]\nreason = \"r\"\n",
            "expectations/myimpl.toml:1: the entry for `t/lambda`: unknown section \"stdot\" (sections: stdout, stderr, exception, scopes, cells, fault)",
        ),
    ];
    for (text, error) in bad {
        std::fs::write(expectations_file(dir.path()), text).unwrap();
        let (code, stdout, stderr) = run_myimpl(dir.path(), &myimpl, &[]);
        assert_eq!(code, Some(2), "{stdout}{stderr}");
        assert_eq!(stderr, format!("closure-conformance: error: {error}\n"));
        assert_eq!(stdout, "");
    }
}

#[test]
fn a_file_named_on_the_command_line_is_that_backends() {
    let (dir, myimpl) = suite_with_myimpl();
    let elsewhere = dir.path().join("ci/known.toml");
    let named = format!("myimpl={}", elsewhere.display());
    let (code, stdout, _) = accept(dir.path(), &myimpl, &["--expectations", &named]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(elsewhere.is_file() && !expectations_file(dir.path()).exists());
    let (code, stdout, _) = run_myimpl(dir.path(), &myimpl, &["--expectations", &named]);
    assert_eq!(code, Some(0), "{stdout}");
    // Not named, the default file (absent) applies: the difference fails again.
    assert_eq!(run_myimpl(dir.path(), &myimpl, &[]).0, Some(1));
    let (code, _, stderr) = run_myimpl(dir.path(), &myimpl, &["--expectations", "other=x.toml"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "closure-conformance: error: --expectations names other, which is not a backend of this run (backends: myimpl)\n"
    );
}

#[test]
fn accept_refuses_a_reference_and_points_to_regen() {
    let dir = suite();
    let (out, stdout, stderr) = run(dir.path(), &["accept", "-b", "cpython"]);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert_eq!(
        stderr,
        "closure-conformance: error: cpython-3.11 is a reference (its CPython makes the goldens): refresh goldens with `closure-conformance regen --pending`, then `closure-conformance review`\n"
    );
    assert!(!dir.path().join("expectations").exists());
    let (out, _, stderr) = run(dir.path(), &["accept"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "closure-conformance: error: accept needs a backend: --interpreter NAME=COMMAND or --backend NAME\n"
    );
}

#[test]
fn hints_name_regen_for_a_reference_and_accept_for_another_backend() {
    let (dir, myimpl) = suite_with_myimpl();
    let (code, stdout, _) = run_myimpl(dir.path(), &myimpl, &[]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains(&format!(
            "if this difference is known, record it in the expectations of myimpl: closure-conformance accept --interpreter {myimpl} t/lambda\n"
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("regen"), "{stdout}");
    // The same hint is what the HTML page offers to accept the new behaviour.
    let (_, html, _) = run_myimpl(dir.path(), &myimpl, &["--format", "html"]);
    assert!(
        html.contains("closure-conformance accept --interpreter"),
        "no accept hint in the page"
    );

    let golden = dir.path().join("expected/t/lambda.txt");
    let text = std::fs::read_to_string(&golden).unwrap();
    std::fs::write(&golden, text.replace("| 5\n", "| 7\n")).unwrap();
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("if the golden is what is wrong, refresh it: closure-conformance regen cases/t/lambda.py (with --pending, to review it first)\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("accept"), "{stdout}");
    assert!(!stdout.contains("scripts/"), "{stdout}");
}

#[test]
fn accept_with_a_filter_keeps_other_entries_drops_gone_cases_and_names_what_it_cannot_accept() {
    let (dir, myimpl) = suite_with_myimpl();
    std::fs::create_dir_all(dir.path().join("expectations")).unwrap();
    std::fs::write(
        expectations_file(dir.path()),
        "[cases.\"t/counter\"]\nreason = \"kept: not selected\"\n\n[cases.\"t/gone\"]\nreason = \"its case was deleted\"\n",
    )
    .unwrap();
    // A case with no golden yet: nothing to accept it against.
    std::fs::write(dir.path().join("cases/t/new.py"), tool::LAMBDA).unwrap();
    let (code, stdout, _) = accept(dir.path(), &myimpl, &["lambda", "new"]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("not accepted myimpl::t/new: no golden — run closure-conformance regen cases/t/new.py\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("(1 new, 1 removed, 0 kept), 1 not accepted\n"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(expectations_file(dir.path())).unwrap();
    assert!(
        text.contains("[cases.\"t/counter\"]\nreason = \"kept: not selected\"\n"),
        "{text}"
    );
    assert!(text.contains("[cases.\"t/lambda\"]\n"), "{text}");
    assert!(
        !text.contains("t/gone") && !text.contains("t/new"),
        "{text}"
    );
}

/// Whether libtest's output has the line of trial `name` ending in `result`
/// (it pads names to align them).
fn trial(stdout: &str, name: &str, result: &str) -> bool {
    stdout.lines().any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words.first() == Some(&"test")
            && words[1..words.len() - 2].join(" ") == name
            && words[words.len() - 2..] == ["...", result]
    })
}

/// `cargo test` (tests/conformance.rs) reads the same files: an accepted
/// divergence is a `[diverges]` trial that passes, a bad file a failing trial.
#[test]
fn cargo_test_judges_expectations_as_the_tool_does() {
    let (dir, myimpl) = suite_with_myimpl();
    let harness = |dir: &Path| {
        let out = std::process::Command::new(tool::conformance_harness())
            .args(["myimpl::", "--color", "never", "--test-threads", "1"])
            .env("CLOSURE_CONFORMANCE_ROOT", dir)
            .env("CLOSURE_CONFORMANCE_PYTHON", "python3")
            .env("CLOSURE_CONFORMANCE_INTERPRETERS", &myimpl)
            .env("CLOSURE_CONFORMANCE_HOME", dir.join("no-installs"))
            .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        (out.status.code(), stdout)
    };
    let (code, stdout) = harness(dir.path());
    assert_eq!(code, Some(101), "{stdout}");
    assert!(trial(&stdout, "myimpl::t/lambda", "FAILED"), "{stdout}");

    assert_eq!(accept(dir.path(), &myimpl, &[]).0, Some(0));
    let (code, stdout) = harness(dir.path());
    assert_eq!(code, Some(0), "{stdout}");
    assert!(
        trial(&stdout, "[diverges] myimpl::t/lambda", "ok"),
        "{stdout}"
    );
    assert!(trial(&stdout, "myimpl::t/counter", "ok"), "{stdout}");

    std::fs::write(
        expectations_file(dir.path()),
        "[cases.\"t/lambda\"]\nsections = [\"stdout\"]\n",
    )
    .unwrap();
    let out = std::process::Command::new(tool::conformance_harness())
        .args(["--exact", "expectations::read", "--color", "never"])
        .env("CLOSURE_CONFORMANCE_ROOT", dir.path())
        .env("CLOSURE_CONFORMANCE_PYTHON", "python3")
        .env("CLOSURE_CONFORMANCE_INTERPRETERS", &myimpl)
        .env("CLOSURE_CONFORMANCE_HOME", dir.path().join("no-installs"))
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(101), "{stdout}");
    assert!(
        stdout.contains("expectations/myimpl.toml:1: the entry for `t/lambda` needs a reason"),
        "{stdout}"
    );
}
