//! Reference bugs end to end, on real interpreters: CPython 3.12.1 has gh-118513
//! (fixed in 3.12.4), Pyodide's CPython 3.12.7 does not. A golden made by 3.12.1
//! records the bug; marked as such, 3.12.1 passes with a note that it copies the
//! bug and 3.12.7 conforms to the language. A mark the golden cannot hold, or no
//! longer shows, fails every check of its case with one clear line.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/needs.rs"]
mod needs;

const BIN: &str = env!("CARGO_BIN_EXE_closure-conformance");

const SIBLINGS: &str = "# description: siblings\n# source: rule: test\n# rules: t/r\n\n\
size = 3\n\n\ndef count():\n    [size for size in range(2)]\n    return [size for _ in \"ab\"]\n\n\nprint(count())\n";

const MARK: &str = "# reference-bug: gh-118513 3.12 stdout,exception: UnboundLocalError in the second comprehension\n";

/// pyenv's CPython `version` (3.12.1 here has the bug), or what is missing.
fn find_python(version: &str) -> Result<PathBuf, String> {
    let pyenv = Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".pyenv/versions");
    std::fs::read_dir(&pyenv)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{version}.")))
        })
        .map(|path| path.join("bin/python3"))
        .ok_or_else(|| format!("CPython {version} in {} (pyenv)", pyenv.display()))
}

fn python(version: &str) -> PathBuf {
    find_python(version).expect("checked before the trial ran")
}

/// What these trials need: pyenv's CPython 3.11 and 3.12 (a 3.12 older than
/// 3.12.4), and for the first one Pyodide's 3.12.7 too.
fn pythons() -> Result<(), String> {
    find_python("3.11")?;
    find_python("3.12").map(|_| ())
}

fn pythons_and_pyodide() -> Result<(), String> {
    pythons()?;
    let home =
        Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".cache/closure-conformance");
    match home.join("npm/node_modules/py312/pyodide.mjs").is_file() {
        true => Ok(()),
        false => Err("Pyodide 3.12 (a run of every backend installs it)".into()),
    }
}

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = vec![
        needs::trial(
            "the_bug_is_copied_by_one_build_and_the_language_kept_by_the_other",
            pythons_and_pyodide(),
            |()| the_bug_is_copied_by_one_build_and_the_language_kept_by_the_other(),
        ),
        needs::trial(
            "a_mark_the_golden_cannot_hold_or_no_longer_shows_fails_with_one_line",
            pythons(),
            |()| a_mark_the_golden_cannot_hold_or_no_longer_shows_fails_with_one_line(),
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

fn pyodide_home() -> PathBuf {
    let home = Path::new(&std::env::var_os("HOME").unwrap()).join(".cache/closure-conformance");
    assert!(
        home.join("npm/node_modules/py312/pyodide.mjs").is_file(),
        "Pyodide is not installed: run scripts/install-references"
    );
    home
}

fn run(root: &Path, home: &Path, args: &[&str]) -> (i32, String) {
    let pythons = format!("{}:{}", python("3.11").display(), python("3.12").display());
    let output = Command::new(BIN)
        .args(args)
        .arg("--root")
        .arg(root)
        .env("CLOSURE_CONFORMANCE_PYTHON", pythons)
        .env("CLOSURE_CONFORMANCE_HOME", home)
        // A home without Pyodide must stay without it: the buggy golden is made
        // by the native 3.12.1 only because no newer 3.12 is installed.
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

fn write_case(root: &Path, source: &str) {
    std::fs::create_dir_all(root.join("cases/t")).unwrap();
    std::fs::write(root.join("cases/t/siblings.py"), source).unwrap();
}

/// A suite whose golden for 3.12 was made by CPython 3.12.1 (no Pyodide then).
fn suite_with_buggy_golden() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_case(dir.path(), SIBLINGS);
    let (code, text) = run(dir.path(), &dir.path().join("none"), &["regen"]);
    assert_eq!(code, 0, "{text}");
    let golden = std::fs::read_to_string(dir.path().join("expected/t/siblings.txt")).unwrap();
    // A 3.12 older than 3.12.4, which fixed gh-118513 (the one here is 3.12.1).
    assert!(golden.contains("# 3.12: CPython 3.12."), "{golden}");
    assert!(golden.contains("UnboundLocalError"), "{golden}");
    dir
}

fn rows(text: &str) -> Vec<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_str(text).expect(text);
    value["rows"].as_array().unwrap().clone()
}

fn the_bug_is_copied_by_one_build_and_the_language_kept_by_the_other() {
    let dir = suite_with_buggy_golden();
    let home = pyodide_home();
    let args = [
        "-b",
        "cpython-3.12",
        "-b",
        "pyodide-3.12",
        "--format",
        "json",
    ];
    // Unmarked, the build with the fix fails against the buggy golden.
    let (code, text) = run(dir.path(), &home, &args);
    assert_eq!(code, 1, "{text}");

    write_case(
        dir.path(),
        &SIBLINGS.replace("# rules: t/r\n", &format!("# rules: t/r\n{MARK}")),
    );
    let (code, text) = run(dir.path(), &home, &args);
    assert_eq!(code, 0, "{text}");
    let rows = rows(&text);
    let by = |backend: &str| {
        rows.iter()
            .find(|r| r["backend"] == backend)
            .unwrap()
            .clone()
    };
    let old = by("cpython-3.12");
    assert_eq!(old["status"], "pass");
    assert_eq!(
        old["reasons"],
        serde_json::json!(["copies CPython bug gh-118513"])
    );
    let fixed = by("pyodide-3.12");
    assert_eq!(fixed["status"], "conforms_to_language");
    assert_eq!(
        fixed["reasons"],
        serde_json::json!(["conforms to the language; CPython 3.12 has bug gh-118513"])
    );
    assert!(
        fixed["against"]
            .as_str()
            .unwrap()
            .contains("as the language intends (3.11's stdout, exception for gh-118513)"),
        "{fixed}"
    );

    // The other formats show it too.
    let (_, human) = run(
        dir.path(),
        &home,
        &[
            "-b",
            "cpython-3.12",
            "-b",
            "pyodide-3.12",
            "--color",
            "never",
        ],
    );
    assert!(
        human.contains("1/0/0 lang 1") || human.contains("0/0/0 lang 1"),
        "{human}"
    );
    assert!(
        human.contains("t/siblings — conforms to the language; CPython 3.12 has bug gh-118513; conforms to the language: pyodide-3.12; copies the bug: cpython-3.12"),
        "{human}"
    );
    let (_, markdown) = run(
        dir.path(),
        &home,
        &["report", "-b", "cpython-3.12", "-b", "pyodide-3.12"],
    );
    assert!(markdown.contains("## Reference bugs (2)"), "{markdown}");
    assert!(markdown.contains("| 0/0/0 lang 1 |"), "{markdown}");
    let (_, github) = run(
        dir.path(),
        &home,
        &["report", "--format", "github", "-b", "pyodide-3.12"],
    );
    assert!(
        github.starts_with("::notice file=cases/t/siblings.py,line=4,title=pyodide-3.12%3A t/siblings::conforms to the language"),
        "{github}"
    );
    let (_, junit) = run(
        dir.path(),
        &home,
        &["report", "--format", "junit", "-b", "pyodide-3.12"],
    );
    assert!(
        junit.contains("<system-out>conforms to the language: conforms to the language; CPython 3.12 has bug gh-118513</system-out>"),
        "{junit}"
    );
    let (_, html) = run(
        dir.path(),
        &home,
        &["report", "--format", "html", "-b", "pyodide-3.12"],
    );
    assert!(
        html.contains("data-status=\"conforms_to_language\""),
        "{html}"
    );
}

fn a_mark_the_golden_cannot_hold_or_no_longer_shows_fails_with_one_line() {
    let dir = suite_with_buggy_golden();
    let none = dir.path().join("none");
    for (mark, says) in [
        (
            MARK.replace(" 3.12 ", " 3.12-3.13 "),
            "reference-bug gh-118513 3.12-3.13: the golden holds no Python 3.13 (it holds 3.11-3.12)",
        ),
        (
            MARK.replace("stdout,exception", "cells"),
            "reference-bug gh-118513 3.12: stale: the golden of 3.12 no longer differs from 3.11's in cells — remove the mark or narrow its range",
        ),
    ] {
        write_case(dir.path(), &SIBLINGS.replace("# rules: t/r\n", &format!("# rules: t/r\n{mark}")));
        let (code, text) = run(dir.path(), &none, &["-b", "cpython-3.11", "--color", "never"]);
        assert_eq!(code, 1, "{text}");
        assert!(text.contains(says), "{text}");
    }
    // A header it cannot parse makes a bad case file (beside a good one, so the run
    // has a case to run).
    std::fs::write(dir.path().join("cases/t/good.py"), SIBLINGS).unwrap();
    write_case(
        dir.path(),
        &SIBLINGS.replace(
            "# rules: t/r\n",
            "# rules: t/r\n# reference-bug: bug-1 3.12: r\n",
        ),
    );
    let (code, text) = run(
        dir.path(),
        &none,
        &["-b", "cpython-3.11", "--color", "never"],
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("cases/t/siblings.py:4: `reference-bug:` names issue `bug-1`: write `gh-<number>` or `candidate`"),
        "{text}"
    );
}
