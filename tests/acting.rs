//! Output a person can act on (issue 18): bad case files are never hidden behind
//! "no cases" or a filter, the terminal report leads with the table and the
//! failures, known divergences are counted unless `-v`, and `--fail-fast` stops
//! at the first failure.

#[path = "common/tool.rs"]
mod tool;

use tool::{run, suite, COUNTER};

/// A case file whose header is wrong.
const BAD: &str =
    "# description: bad\n# source: rule: test\n# rules: t/r\n# diverges: nope\nprint(1)\n";

#[test]
fn a_filter_naming_only_a_bad_case_reports_it() {
    let dir = suite();
    std::fs::write(dir.path().join("cases/t/broken.py"), BAD).unwrap();
    let (output, stdout, stderr) = run(dir.path(), &["t/broken"]);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("bad case: cases/t/broken.py:4: `diverges:` takes"),
        "{stderr}"
    );
    assert!(!stderr.contains("no case matches"), "{stderr}");
    assert!(
        stdout.contains("0 checks: 0 passed, 0 failed, 1 bad case files"),
        "{stdout}"
    );
    // A filter that names nothing at all is still the one-line usage error.
    let (output, _, stderr) = run(dir.path(), &["t/nothing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("no case matches t/nothing"), "{stderr}");
}

#[test]
fn every_problem_of_every_bad_case_is_reported_in_one_run() {
    let dir = suite();
    let many = "# description: d\n# rules: t/r\n# diverges: nope\n# frobnicate: 1\nprint(1)\n";
    std::fs::write(dir.path().join("cases/t/many.py"), many).unwrap();
    std::fs::write(dir.path().join("cases/t/broken.py"), BAD).unwrap();
    let (output, _, stderr) = run(dir.path(), &["list"]);
    assert!(!output.status.success());
    let bad: Vec<&str> = stderr.lines().filter(|l| l.contains("bad case:")).collect();
    assert_eq!(bad.len(), 4, "{stderr}");
    assert!(stderr.contains("bad case: cases/t/broken.py:4: `diverges:` takes"));
    assert!(stderr.contains("bad case: cases/t/many.py:3: `diverges:` takes"));
    assert!(stderr.contains("bad case: cases/t/many.py:4: unknown header key `frobnicate`"));
    assert!(stderr.contains("bad case: cases/t/many.py:4: header lacks `# source: …`"));
}

#[test]
fn a_corpus_of_bad_cases_reports_them_not_no_cases() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cases/t")).unwrap();
    std::fs::write(dir.path().join("cases/t/broken.py"), BAD).unwrap();
    std::fs::write(
        dir.path().join("cases/t/bare.py"),
        COUNTER.replace("# description: counter\n", ""),
    )
    .unwrap();
    let (output, stdout, stderr) = run(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("bad case: cases/t/broken.py:4:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad case: cases/t/bare.py:2: header lacks `# description: …`"),
        "{stderr}"
    );
    assert!(!stderr.contains("no cases in"), "{stderr}");
    // With no case file at all, it is still "no cases".
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("cases")).unwrap();
    let (output, _, stderr) = run(empty.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("no cases in"), "{stderr}");
}

/// Two cases whose goldens were edited so that both fail, and a third that passes.
fn two_failures() -> tempfile::TempDir {
    let dir = suite();
    std::fs::write(
        dir.path().join("cases/t/again.py"),
        COUNTER.replace("# description: counter", "# description: again"),
    )
    .unwrap();
    let (output, stdout, stderr) = run(dir.path(), &["regen"]);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    for name in ["counter", "again"] {
        let golden = dir.path().join(format!("expected/t/{name}.txt"));
        let text = std::fs::read_to_string(&golden).unwrap();
        assert!(text.contains("| 1 2\n"), "{text}");
        std::fs::write(&golden, text.replace("| 1 2\n", "| 1 3\n")).unwrap();
    }
    dir
}

#[test]
fn the_terminal_report_leads_with_the_table_and_the_failures() {
    let dir = two_failures();
    let (output, stdout, _) = run(dir.path(), &["-b", "cpython", "--color", "never"]);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let at = |what: &str| {
        stdout
            .find(what)
            .unwrap_or_else(|| panic!("no {what:?} in:\n{stdout}"))
    };
    assert_eq!(at("topic"), 0, "the table comes first:\n{stdout}");
    assert!(at("topic") < at("FAIL cpython-3.11::t/again"));
    assert!(at("FAIL cpython-3.11::t/counter") < at("cpython-3.11: CPython 3."));
    assert!(at("cpython-3.11: CPython 3.") < at("3 checks: 1 passed, 2 failed"));
}

#[test]
fn fail_fast_stops_at_the_first_failure_and_says_so() {
    let dir = two_failures();
    // One job: checks begin in order, so the second failure is never run.
    let args = [
        "-b", "cpython", "--color", "never", "--jobs", "1", "--format", "json",
    ];
    let (output, all, _) = run(dir.path(), &args);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(all.matches("\"status\": \"fail\"").count(), 2, "{all}");
    let mut fast = args.to_vec();
    fast.push("--fail-fast");
    let (output, json, _) = run(dir.path(), &fast);
    assert_eq!(output.status.code(), Some(1), "{json}");
    assert_eq!(json.matches("\"status\": \"fail\"").count(), 1, "{json}");
    assert!(
        json.contains("not run: --fail-fast stopped the run at its first failure"),
        "{json}"
    );
}
