//! The command line end to end, on small suites made in temporary directories:
//! regen, the gate on an edited golden, and one-line errors for bad input.

use std::path::Path;
use std::process::Command;

#[path = "common/tool.rs"]
mod tool;
use tool::{conformance_harness, run, run_with, suite, BIN, COUNTER, LAMBDA};

#[test]
fn regen_writes_goldens_and_check_sees_them_current() {
    let dir = suite();
    let (out, stdout, _) = run(dir.path(), &["regen", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("regen: 2 written (2 new, 0 changed), 0 unchanged, 0 errors"),
        "{stdout}"
    );
    let golden = std::fs::read_to_string(dir.path().join("expected/t/counter.txt")).unwrap();
    assert!(
        golden.starts_with("# closure-conformance golden for cases/t/counter.py; change it only through scripts/regen\n# 3."),
        "{golden}"
    );
    assert!(golden.contains("[stdout]\n| 1 2\n"), "{golden}");
    assert!(
        golden.contains("inc -> make.<locals>.inc:\n    n: int = 2\n"),
        "{golden}"
    );

    let (out, stdout, _) = run(dir.path(), &["regen", "--check", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("regen: 0 out of date (0 new, 0 changed), 2 unchanged"),
        "{stdout}"
    );
}

#[test]
fn one_edited_character_fails_exactly_that_check_with_a_colored_diff() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let path = dir.path().join("expected/t/counter.txt");
    let golden = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, golden.replace("n: int = 2", "n: int = 3")).unwrap();

    let (out, stdout, _) = run(dir.path(), &["--backend", "cpython", "--color", "always"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains(" cpython-3.11::t/counter\n"), "{stdout}");
    assert!(!stdout.contains("::t/lambda"), "{stdout}");
    assert!(stdout.contains("2 checks: 1 passed, 1 failed"), "{stdout}");
    assert!(
        stdout.contains("[cells]") && stdout.contains('\u{1b}'),
        "{stdout}"
    );
    assert!(
        stdout.contains("if the golden is what is wrong, refresh it: closure-conformance regen cases/t/counter.py"),
        "{stdout}"
    );

    // Without color the changed word is still visible.
    let (_, plain, _) = run(dir.path(), &["--backend", "cpython", "--color", "never"]);
    assert!(
        plain.contains("-    n: int = 3\n?             ^\n+    n: int = 2\n?             ^\n"),
        "{plain}"
    );
    assert!(!plain.contains('\u{1b}'));

    // regen --check notices, and regen puts it back.
    let (out, stdout, _) = run(dir.path(), &["regen", "--check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("out of date"), "{stdout}");
    let (out, stdout, _) = run(dir.path(), &["regen", "counter", "--color", "never"]);
    assert!(out.status.success());
    assert!(
        stdout.contains("regen: 1 written (0 new, 1 changed), 0 unchanged"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), golden);
}

#[test]
fn known_divergence_passes_then_fails_once_it_no_longer_reproduces() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let case = dir.path().join("cases/t/lambda.py");
    let marked = LAMBDA.replace(
        "# rules: t/r\n",
        "# rules: t/r\n# diverges: cpython stdout: pretend\n",
    );
    std::fs::write(&case, marked.replace("print(f())", "print(f() + 1)")).unwrap();
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never", "lambda"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("known divergences (1): cpython-3.11 1 (-v lists them)"),
        "{stdout}"
    );
    let (out, stdout, _) = run(
        dir.path(),
        &["-b", "cpython", "--color", "never", "-v", "lambda"],
    );
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("known divergences (1):\n  cpython-3.11::t/lambda — pretend"),
        "{stdout}"
    );

    std::fs::write(&case, &marked).unwrap();
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never", "lambda"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("known divergence no longer reproduces — remove the mark"),
        "{stdout}"
    );
}

#[test]
fn missing_golden_names_the_regen_command() {
    let dir = suite();
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never", "lambda"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("no golden — run closure-conformance regen cases/t/lambda.py"),
        "{stdout}"
    );
}

#[test]
fn bad_input_gets_one_clear_line() {
    let dir = suite();
    let (out, _, stderr) = run(dir.path(), &["-b", "jython"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.starts_with(
            "closure-conformance: error: unknown backend \"jython\" (available: cpython-3."
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("rustpython; see `closure-conformance backends`"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let (out, _, stderr) = run(
        dir.path(),
        &["-b", "cpython", "--python", "/nonexistent/python3"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr
            == "closure-conformance: error: --python /nonexistent/python3: no such interpreter\n",
        "{stderr}"
    );

    let (out, _, stderr) = run(dir.path(), &["regen", "--python", "/nonexistent/python3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr
            == "closure-conformance: error: --python /nonexistent/python3: no such interpreter\n",
        "{stderr}"
    );

    std::fs::write(
        dir.path().join("cases/t/bad.py"),
        "# description: x\n# sauce: y\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("cases/t/latin.py"),
        b"# description: caf\xe9\n",
    )
    .unwrap();
    let (out, _, stderr) = run(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("bad case: cases/t/bad.py:2: unknown header key `sauce`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad case: cases/t/latin.py: not UTF-8"),
        "{stderr}"
    );

    let empty = tempfile::tempdir().unwrap();
    let (out, _, stderr) = run(empty.path(), &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("cases directory not found"), "{stderr}");
}

#[test]
fn json_report_has_one_result_per_check() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let (out, stdout, _) = run(
        dir.path(),
        &["--format", "json", "-b", "cpython", "-b", "rustpython"],
    );
    // No 3.14 reference here: RustPython's two checks fail for want of one.
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["schema"], "closure-conformance/report");
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["rows"].as_array().unwrap().len(), 4);
    assert_eq!(report["totals"]["cpython-3.11"]["pass"], 2);
    assert_eq!(report["totals"]["rustpython"]["fail"], 2);
    assert_eq!(report["backends"][1]["name"], "rustpython");
    assert_eq!(report["backends"][1]["language"], "3.14");
    assert!(report["meta"]["machine"]
        .as_str()
        .unwrap()
        .contains("cores"));
}

#[test]
fn a_backend_is_never_judged_against_another_version() {
    // RustPython speaks Python 3.14; with only CPython 3.11 installed, the goldens
    // hold no 3.14 observation, and the verdict says so rather than compare with 3.11.
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let (out, stdout, _) = run(dir.path(), &["-b", "rustpython", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("no reference for Python 3.14 — install it with scripts/install-references, then closure-conformance regen cases/t/counter.py"),
        "{stdout}"
    );
}

#[test]
fn cases_that_need_a_newer_python_are_skipped_with_the_reason() {
    let dir = suite();
    let newer = LAMBDA.replace(
        "# rules: t/r\n",
        "# rules: t/r\n# requires: >=3.99 — a future feature\n",
    );
    std::fs::write(dir.path().join("cases/t/lambda.py"), newer).unwrap();
    let (out, stdout, _) = run(dir.path(), &["regen", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "cases/t/lambda.py: no installed reference runs it (it requires Python >=3.99)"
        ),
        "{stdout}"
    );
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--format", "json"]);
    assert!(out.status.success(), "{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let lambda = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["case"] == "t/lambda")
        .unwrap();
    assert_eq!(lambda["status"], "skipped");
    assert!(lambda["reasons"][0]
        .as_str()
        .unwrap()
        .starts_with("needs Python >=3.99 (a future feature)"));
}

#[test]
fn diff_mode_compares_two_backends_without_goldens() {
    let dir = suite();
    let (out, stdout, _) = run(
        dir.path(),
        &["diff", "cpython", "rustpython", "--color", "never"],
    );
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("2 checks: 2 passed, 0 failed"), "{stdout}");
}

#[test]
fn backends_lists_what_is_missing_and_how_to_install_it() {
    let dir = suite();
    let (out, stdout, _) = run(dir.path(), &["backends"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("\n  rustpython     RustPython 0.5.0 (Python 3.14.0)"),
        "{stdout}"
    );
    assert!(stdout.contains("reference for its goldens"), "{stdout}");
    assert!(
        stdout.contains("  pyodide-3.14   no Pyodide for Python 3.14 in ")
            && stdout.contains(" — install with scripts/install-references\n"),
        "{stdout}"
    );
}

/// Zero cases, whether the corpus is empty or no case matches the filters, is an
/// error for every command that runs or lists cases: a run that checks nothing
/// must never pass.
#[test]
fn zero_selected_cases_is_an_error() {
    let dir = suite();
    let one_error = |args: &[&str], root: &Path, expected: &str| {
        let (out, stdout, stderr) = run(root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stdout}{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("closure-conformance: error: {expected}")),
            "{args:?}: {stderr}"
        );
    };
    let commands: [&[&str]; 10] = [
        &[],
        &["run"],
        &["diff", "cpython", "rustpython"],
        &["progress", "cpython", "rustpython"],
        &["regen"],
        &["regen", "--check"],
        &["list"],
        &["divergences"],
        &["versions"],
        &["coverage"],
    ];
    for command in commands {
        if command != ["coverage"] {
            let filtered = [command, &["no_such_case"]].concat();
            one_error(&filtered, dir.path(), "no case matches no_such_case");
        }
    }

    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("cases/t")).unwrap();
    std::fs::write(empty.path().join("cases/t/rules.txt"), "r: a rule\n").unwrap();
    for command in commands.iter().chain([&["bench"][..]].iter()) {
        one_error(command, empty.path(), "no cases in ");
    }
}

#[test]
fn cargo_test_fails_on_an_empty_corpus() {
    let harness = |root: &Path| {
        let path = conformance_harness();
        let out = Command::new(&path)
            .args(["--exact", "corpus::not_empty", "--color", "never"])
            .env("CLOSURE_CONFORMANCE_ROOT", root)
            .env("CLOSURE_CONFORMANCE_PYTHON", "python3")
            .env("CLOSURE_CONFORMANCE_HOME", root.join("no-installs"))
            .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
            .output()
            .unwrap();
        // `cargo test --test cli` alone does not rebuild the harness.
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("running 0 tests"),
            "{} has no corpus::not_empty trial: it is out of date, run cargo test --release",
            path.display()
        );
        out
    };
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("cases/t")).unwrap();
    let out = harness(empty.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(101), "{stdout}");
    assert!(
        stdout.contains("test corpus::not_empty ... FAILED") && stdout.contains("no cases in "),
        "{stdout}"
    );
    // The same trial passes on a corpus with cases.
    let dir = suite();
    let out = harness(dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("test corpus::not_empty ... ok"), "{stdout}");
}

/// This process's umask, which the tool inherits.
fn umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("Umask:"))
        .map(|octal| u32::from_str_radix(octal.trim(), 8).unwrap())
        .unwrap()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn an_interrupted_regen_leaves_nothing_check_trips_on_and_goldens_keep_the_usual_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let golden = dir.path().join("expected/t/counter.txt");
    assert_eq!(mode(&golden), 0o644 & !umask());
    assert_ne!(mode(&golden), 0o600);

    // What `kill -9` between writing and renaming leaves: a temporary of a process
    // that is gone (pids never reach 99999999), and one from an older version.
    let stale = [
        dir.path().join("expected/t/.counter.txt.tmp-99999999-0"),
        dir.path().join("expected/t/.tmpK3x9Qz"),
    ];
    for path in &stale {
        std::fs::write(path, "half a golden").unwrap();
    }
    let (out, stdout, _) = run(dir.path(), &["regen", "--check", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("regen: 0 out of date (0 new, 0 changed), 2 unchanged, 0 errors\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains(".counter.txt.tmp-99999999-0 is left by an interrupted regen; ignored (no golden was lost"),
        "{stdout}"
    );
    assert!(stale.iter().all(|path| path.exists()));

    // regen removes them, and a golden someone made group-writable stays so.
    std::fs::set_permissions(&golden, std::fs::Permissions::from_mode(0o664)).unwrap();
    let text = std::fs::read_to_string(&golden).unwrap();
    std::fs::write(&golden, text.replace("| 1 2", "| 1 3")).unwrap();
    let (out, stdout, _) = run(dir.path(), &["regen", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("removed "), "{stdout}");
    assert!(stale.iter().all(|path| !path.exists()), "{stdout}");
    assert_eq!(std::fs::read_to_string(&golden).unwrap(), text);
    assert_eq!(mode(&golden), 0o664);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("expected/t"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn non_utf8_case_names_are_bad_cases_and_get_no_golden() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = suite();
    // Through a lossy conversion both were `t/caf\u{fffd}`, one golden for two cases.
    for (name, print) in [(&b"caf\xe9.py"[..], "1"), (b"caf\xe8.py", "2")] {
        let path = dir
            .path()
            .join("cases/t")
            .join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(
            path,
            LAMBDA.replace("print(f())", &format!("print({print})")),
        )
        .unwrap();
    }
    let (out, stdout, stderr) = run(dir.path(), &["regen", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stderr.contains("bad case: cases/t/caf\\xe8.py: file name is not UTF-8\n")
            && stderr.contains("bad case: cases/t/caf\\xe9.py: file name is not UTF-8\n"),
        "{stderr}"
    );
    assert!(
        stdout.contains("regen: 2 written (2 new, 0 changed)"),
        "{stdout}"
    );
    let mut goldens: Vec<String> = std::fs::read_dir(dir.path().join("expected/t"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    goldens.sort();
    assert_eq!(goldens, ["counter.txt", "lambda.txt"]);
}

#[test]
fn symlinked_cases_are_followed_and_a_loop_is_a_bad_case() {
    let dir = suite();
    std::os::unix::fs::symlink("lambda.py", dir.path().join("cases/t/alias.py")).unwrap();
    let (out, stdout, stderr) = run(dir.path(), &["list"]);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("t/alias "), "{stdout}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    std::os::unix::fs::symlink("..", dir.path().join("cases/t/loop")).unwrap();
    let (out, stdout, stderr) = run(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert_eq!(
        stderr,
        "closure-conformance: bad case: cases/t/loop: symlink loop: it leads back to cases, not followed\n"
    );
}

#[test]
fn a_write_error_is_one_line_but_a_reader_that_has_gone_is_not_an_error() {
    let dir = suite();
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = Command::new(BIN)
        .args(["list", "--root"])
        .arg(dir.path())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "closure-conformance: cannot write output: No space left on device (os error 28)\n"
    );

    // `… | head` that stopped reading: the quiet 141 of Unix tools. The listing is
    // bigger than a pipe holds, so that a child another test forks at the same
    // moment (which holds our end of the pipe until it execs) cannot take it all.
    let long = COUNTER.replace(
        "# description: counter",
        &format!("# description: {}", "x".repeat(1 << 18)),
    );
    std::fs::write(dir.path().join("cases/t/long.py"), long).unwrap();
    let mut child = Command::new(BIN)
        .args(["list", "--root"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(141));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_report_escapes_what_a_case_wrote_and_caps_each_diff() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    // The golden says `| 5`; the case now clears the screen, writes NUL and a
    // right-to-left override, then 100k lines.
    let hostile = LAMBDA.replace(
        "print(f())",
        "print('\\x1b[2J\\x00\\u202e' + 'gpj.exe')\nfor i in range(100000):\n    print(i)",
    );
    std::fs::write(dir.path().join("cases/t/lambda.py"), hostile).unwrap();
    let (out, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for raw in ['\u{1b}', '\0', '\u{202e}'] {
        assert!(!stdout.contains(raw), "{raw:?} in {stdout}");
    }
    assert!(
        stdout.contains("+| \\x1b[2J\\x00\\u{202e}gpj.exe\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("more diff lines left out (the report shows 200)"),
        "{stdout}"
    );
    assert!(stdout.lines().count() < 300, "{}", stdout.lines().count());

    // regen shows the new golden's diff the same way; the golden holds it all.
    let (out, stdout, _) = run(dir.path(), &["regen", "lambda", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(stdout.lines().count() < 300, "{}", stdout.lines().count());
    let golden = std::fs::read_to_string(dir.path().join("expected/t/lambda.txt")).unwrap();
    assert!(golden.contains("| \u{1b}[2J\0\u{202e}gpj.exe\n| 0\n"));
    assert!(golden.contains("| 99999\n"));
}

/// Issue 8, row 2: goldens are what each case produces alone. Polluters that run
/// before a noticer in the same regen (one job, so they share workers) leave its
/// golden byte for byte what regen writes for the noticer alone.
#[test]
fn regen_goldens_are_what_each_case_produces_alone() {
    let home = Some(closure_conformance::backend::default_home())
        .filter(|home| closure_conformance::references::pyodide_installed(home))
        .unwrap_or_else(|| Path::new("/nonexistent").to_path_buf());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let polluted = tempfile::tempdir().unwrap();
    let alone = tempfile::tempdir().unwrap();
    for dir in [&polluted, &alone] {
        std::fs::create_dir_all(dir.path().join("cases/t")).unwrap();
        std::fs::copy(
            fixtures.join("isolation/notice.py"),
            dir.path().join("cases/t/z_notice.py"),
        )
        .unwrap();
    }
    for (name, fixture) in [
        ("a_pollute.py", "isolation/pollute.py"),
        ("b_fork.py", "faults/fork.py"),
        ("c_forge.py", "faults/forge.py"),
        ("d_alarm.py", "faults/alarm.py"),
    ] {
        std::fs::copy(
            fixtures.join(fixture),
            polluted.path().join("cases/t").join(name),
        )
        .unwrap();
    }
    std::fs::write(
        polluted.path().join("cases/t/e_wraps.py"),
        "# description: replaces functools.wraps\n# source: rule: test\n# rules: t/r\n\n\
         import functools\nfunctools.wraps = lambda f: (lambda g: g)\n",
    )
    .unwrap();
    let (out, stdout, _) = run_with(alone.path(), &["regen", "-j", "1"], &home);
    assert!(out.status.success(), "{stdout}");
    // The forger fails alone: its own response channel carried two lines.
    let (_, stdout, _) = run_with(polluted.path(), &["regen", "-j", "1"], &home);
    assert!(
        stdout.contains("error cases/t/c_forge.py: the reference for 3.11")
            && stdout.contains("the case wrote into the probe's response channel")
            && stdout.contains("created ")
            && stdout.contains("expected/t/z_notice.txt"),
        "{stdout}"
    );
    let golden = |dir: &tempfile::TempDir| {
        std::fs::read_to_string(dir.path().join("expected/t/z_notice.txt")).unwrap()
    };
    assert_eq!(golden(&polluted), golden(&alone));
}

/// Issue 8, row 8: an observation does not depend on the directory the tool is
/// started from.
#[test]
fn observations_do_not_depend_on_where_the_tool_starts() {
    let dir = suite();
    std::fs::write(
        dir.path().join("cases/t/where.py"),
        "# description: where am I\n# source: rule: test\n# rules: t/r\n\n\
         import os\nprint(os.getcwd(), os.path.abspath(__file__))\n",
    )
    .unwrap();
    let start_in = |cwd: &Path, args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .arg("--root")
            .arg(dir.path())
            .current_dir(cwd)
            .env("CLOSURE_CONFORMANCE_PYTHON", "python3")
            .env("CLOSURE_CONFORMANCE_HOME", dir.path().join("no-installs"))
            .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
            .output()
            .unwrap()
    };
    assert!(start_in(dir.path(), &["regen"]).status.success());
    let elsewhere = tempfile::tempdir().unwrap();
    let check = start_in(elsewhere.path(), &["regen", "--check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// Issue 8, row 13: an interpreter that never answers fails with a clear error,
/// within the start-up timeout, whether given as a CPython or as an interpreter.
#[test]
fn an_interpreter_that_never_answers_times_out() {
    let dir = suite();
    let fake = dir.path().join("silent-python");
    std::fs::write(&fake, "#!/bin/sh\nexec sleep 1000\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let start = std::time::Instant::now();
    let listed = Command::new(BIN)
        .args(["backends", "--python"])
        .arg(&fake)
        .env("CLOSURE_CONFORMANCE_START_TIMEOUT", "2")
        .env("CLOSURE_CONFORMANCE_HOME", dir.path().join("no-installs"))
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&listed.stdout);
    assert!(stdout.contains("no answer within 2 s"), "{stdout}");
    let interpreter = format!("silent={}", fake.display());
    let run = Command::new(BIN)
        .args(["--root"])
        .arg(dir.path())
        .args([
            "--python",
            "python3",
            "--interpreter",
            &interpreter,
            "--backend",
            "silent",
        ])
        .args(["--color", "never"])
        .env("CLOSURE_CONFORMANCE_START_TIMEOUT", "2")
        .env("CLOSURE_CONFORMANCE_HOME", dir.path().join("no-installs"))
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("did not start: timed out after 2s"),
        "{stdout}"
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(30));
}

/// In diff mode, a reference that cannot run a case gives no expectation: the
/// other backend is not reported as differing from a crash.
#[test]
fn diff_reports_a_crashing_reference_as_no_expectation() {
    let dir = suite();
    std::fs::write(
        dir.path().join("cases/t/aborts_on_cpython.py"),
        "# description: aborts on CPython only\n# source: rule: test\n# rules: t/r\n\n\
         import os, sys\nif sys.implementation.name == 'cpython':\n    os.abort()\nprint(1)\n",
    )
    .unwrap();
    let (out, stdout, _) = run(
        dir.path(),
        &[
            "diff",
            "cpython",
            "rustpython",
            "aborts_on",
            "--color",
            "never",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("could not run this case: case crashed: killed by signal 6 (SIGABRT)"),
        "{stdout}"
    );
    assert!(!stdout.contains("[stdout]"), "{stdout}");
}

/// `bench --jobs` is honoured (it used to be accepted and ignored): the header
/// names the jobs, and every measured mode runs with them.
#[test]
fn bench_honours_jobs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(BIN)
        .args(["bench", "--jobs", "1", "--scale", "4", "--memory", "4,8"])
        .args(["--python", "python3", "--color", "never", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("; 1 jobs on "), "{stdout}");
    assert!(stdout.contains("\nlimit       4       8 "), "{stdout}");
}

/// `report` writes each format to stdout or atomically to a file, splices between
/// the markers of a file that has them, and exits as `run` does.
#[test]
fn report_writes_every_format_and_exits_as_run_does() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let path = dir.path().join("expected/t/counter.txt");
    let golden = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, golden.replace("n: int = 2", "n: int = 3")).unwrap();

    // markdown to a file: nothing on stdout, the matrix and the failure in the file.
    let report = dir.path().join("out/report.md");
    let (out, stdout, stderr) = run(
        dir.path(),
        &["report", "-b", "cpython", "-o", report.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("| t | 1/0/1 |"), "{text}");
    assert!(text.contains("| **conformance** | 50.0% |"), "{text}");
    assert!(text.contains("## Failures (1)"), "{text}");

    // Into a file with markers: only the text between them changes.
    let readme = dir.path().join("README.md");
    std::fs::write(
        &readme,
        "# intro\n<!-- closure-conformance:begin -->\nold\n<!-- closure-conformance:end -->\nkept\n",
    )
    .unwrap();
    let (out, _, _) = run(
        dir.path(),
        &[
            "report",
            "--matrix-only",
            "-b",
            "cpython",
            "-o",
            readme.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let spliced = std::fs::read_to_string(&readme).unwrap();
    assert!(
        spliced
            .starts_with("# intro\n<!-- closure-conformance:begin -->\n| topic | `cpython-3.11` |"),
        "{spliced}"
    );
    assert!(
        spliced.ends_with("<!-- closure-conformance:end -->\nkept\n"),
        "{spliced}"
    );
    assert!(!spliced.contains("old"), "{spliced}");

    // github: one annotation, on the failing case's file.
    let (out, stdout, _) = run(
        dir.path(),
        &["report", "--format", "github", "-b", "cpython"],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(
        lines[0].starts_with(
            "::error file=cases/t/counter.py,line=1,title=cpython-3.11%3A t/counter::"
        ),
        "{stdout}"
    );

    // A usage error is one line and exit 2.
    let (out, stdout, stderr) = run(dir.path(), &["report", "--format", "json", "--matrix-only"]);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert_eq!(
        stderr,
        "closure-conformance: error: --matrix-only is for --format markdown\n"
    );

    // Once the golden is right again, every format exits 0.
    std::fs::write(&path, golden).unwrap();
    for format in ["human", "markdown", "json", "junit", "html", "github"] {
        let (out, stdout, stderr) =
            run(dir.path(), &["report", "--format", format, "-b", "cpython"]);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stdout.is_empty(), format == "github", "{format}: {stdout}");
    }
}
