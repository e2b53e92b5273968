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
