//! JUnit XML read as a CI server reads it: the report `closure-conformance report
//! --format junit` writes, and the one cargo-nextest writes with the `ci` profile of
//! .config/nextest.toml. Counts are the attributes a consumer shows; they must
//! agree with the elements it lists.

use closure_conformance::backend::{self, BackendOptions, Kind};
use closure_conformance::suite;
use roxmltree::{Document, Node};
use std::path::Path;
use std::process::{Command, Output};

#[path = "common/needs.rs"]
mod needs;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = vec![
        needs::trial(
            "the_report_reads_as_junit_with_counts_that_add_up",
            Ok(()),
            |()| the_report_reads_as_junit_with_counts_that_add_up(),
        ),
        needs::trial(
            "nextest_ci_profile_writes_junit_for_the_trials_it_ran",
            nextest(),
            nextest_ci_profile_writes_junit_for_the_trials_it_ran,
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}

const BIN: &str = env!("CARGO_BIN_EXE_closure-conformance");

const HEADER: &str = "# description: d\n# source: rule: test\n# rules: t/r\n";
const COUNTER: &str = "\ndef make():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n\n\
inc = make()\nprint(inc(), inc())\n";
const LAMBDA: &str = "\ndef make(x):\n    return lambda: x\n\nf = make(5)\nprint(f())\n";

/// Runs the tool on `root` with python3 as the only CPython and no Pyodide.
fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--python", "python3"])
        .env_remove("CLOSURE_CONFORMANCE_INTERPRETERS")
        .env("CLOSURE_CONFORMANCE_HOME", root.join("no-installs"))
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .output()
        .unwrap()
}

/// The `name` attribute, or the test fails saying which element lacks it.
fn attr<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", node.tag_name().name()))
}

fn count(node: Node, name: &str) -> usize {
    attr(node, name)
        .parse()
        .unwrap_or_else(|_| panic!("{name}={:?} is not a count", attr(node, name)))
}

fn children<'a, 'i>(node: Node<'a, 'i>, tag: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |n| n.is_element() && n.has_tag_name(tag))
}

fn child<'a, 'i>(node: Node<'a, 'i>, tag: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|n| n.is_element() && n.has_tag_name(tag))
}

/// The counting attributes of `<testsuites>` and `<testsuite>`.
const COUNTS: [&str; 4] = ["tests", "failures", "errors", "skipped"];

/// Checks what every JUnit consumer relies on: each `<testsuite>`'s `tests`,
/// `failures`, `errors` and `skipped` count its `<testcase>`s and their
/// `<failure>`, `<error>` and `<skipped>` children, and `<testsuites>` adds them up.
/// Returns the suites by name.
fn consistent<'a, 'i>(document: &'a Document<'i>) -> Vec<(&'a str, Node<'a, 'i>)> {
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let mut totals = [0usize; 4];
    let mut suites = Vec::new();
    for suite in children(root, "testsuite") {
        let name = attr(suite, "name");
        let cases: Vec<Node> = children(suite, "testcase").collect();
        let with = |tag: &str| cases.iter().filter(|c| child(**c, tag).is_some()).count();
        let counted = [cases.len(), with("failure"), with("error"), with("skipped")];
        for (i, key) in COUNTS.iter().enumerate() {
            assert_eq!(count(suite, key), counted[i], "{key} of suite {name}");
            totals[i] += counted[i];
        }
        suites.push((name, suite));
    }
    for (i, key) in COUNTS.iter().enumerate() {
        assert_eq!(count(root, key), totals[i], "{key} of <testsuites>");
    }
    suites
}

/// One suite per backend and one per bad case files; a case per check, named by
/// case id; a failure holds the diff; a skipped case says why; a known divergence
/// passes and says why; a bad case file is an error.
fn the_report_reads_as_junit_with_counts_that_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let cases = root.join("cases/t");
    std::fs::create_dir_all(&cases).unwrap();
    let diverging_header = format!("{HEADER}# diverges: cpython stdout: pretend\n");
    std::fs::write(cases.join("counter.py"), format!("{HEADER}{COUNTER}")).unwrap();
    std::fs::write(cases.join("lambda.py"), format!("{HEADER}{LAMBDA}")).unwrap();
    std::fs::write(
        cases.join("diverging.py"),
        format!("{diverging_header}{LAMBDA}"),
    )
    .unwrap();
    let regen = run(root, &["regen", "--color", "never"]);
    assert!(regen.status.success(), "{regen:?}");

    // counter fails (its golden is edited), diverging differs as its mark says,
    // future needs a Python nobody has, bad.py is no case.
    let golden = root.join("expected/t/counter.txt");
    let text = std::fs::read_to_string(&golden).unwrap();
    assert!(text.contains("n: int = 2"), "{text}");
    std::fs::write(&golden, text.replace("n: int = 2", "n: int = 3")).unwrap();
    std::fs::write(
        cases.join("diverging.py"),
        format!("{diverging_header}{}", LAMBDA.replace("f()", "f() + 1")),
    )
    .unwrap();
    std::fs::write(
        cases.join("future.py"),
        format!("{HEADER}# requires: >=3.99 — a future feature\n{LAMBDA}"),
    )
    .unwrap();
    std::fs::write(cases.join("bad.py"), "print('no header')\n").unwrap();

    let output = run(
        root,
        &[
            "report",
            "--format",
            "junit",
            "-b",
            "cpython",
            "-b",
            "rustpython",
        ],
    );
    let xml = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{xml}");
    let document = Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let suites = consistent(&document);

    let names: Vec<&str> = suites.iter().map(|(name, _)| *name).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "case-files");
    assert!(names[1].starts_with("cpython-3."), "{names:?}");
    assert_eq!(names[2], "rustpython");

    let bad: Vec<Node> = children(suites[0].1, "testcase").collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(attr(bad[0], "name"), "cases/t/bad.py");
    let error = child(bad[0], "error").expect("a bad case file is an error");
    assert!(
        attr(error, "message").contains("header"),
        "{}",
        attr(error, "message")
    );

    let ids = ["t/counter", "t/diverging", "t/future", "t/lambda"];
    for (backend, suite) in &suites[1..] {
        let cases: Vec<&str> = children(*suite, "testcase")
            .map(|c| attr(c, "name"))
            .collect();
        assert_eq!(cases, ids, "suite {backend}");
        for case in children(*suite, "testcase") {
            let topic = attr(case, "name").split('/').next().unwrap();
            assert_eq!(attr(case, "classname"), format!("{backend}.{topic}"));
        }
    }

    let cpython = suites[1].1;
    let case = |id: &str| {
        children(cpython, "testcase")
            .find(|c| attr(*c, "name") == id)
            .unwrap()
    };
    // Passes: no child at all.
    assert!(case("t/lambda").first_element_child().is_none());
    // Fails, with the word diff of the edited golden as the failure's text.
    let failure = child(case("t/counter"), "failure").expect("t/counter fails");
    assert_eq!(attr(failure, "type"), "mismatch");
    assert!(
        attr(failure, "message").contains("cells"),
        "{}",
        attr(failure, "message")
    );
    let diff = failure.text().unwrap_or_default();
    assert!(
        diff.contains("-    n: int = 3\n?             ^\n+    n: int = 2\n?             ^\n"),
        "{diff}"
    );
    // Skipped, saying why.
    let skipped = child(case("t/future"), "skipped").expect("t/future is skipped");
    assert!(
        attr(skipped, "message").contains(">=3.99 (a future feature)"),
        "{}",
        attr(skipped, "message")
    );
    // A known divergence passes and says why.
    let diverging = case("t/diverging");
    assert!(child(diverging, "failure").is_none() && child(diverging, "skipped").is_none());
    let out = child(diverging, "system-out").expect("a divergence says why");
    assert_eq!(out.text(), Some("known divergence: pretend"));

    // RustPython is no CPython: the mark does not excuse it.
    let rustpython = suites[2].1;
    let diverging = children(rustpython, "testcase")
        .find(|c| attr(*c, "name") == "t/diverging")
        .unwrap();
    assert!(child(diverging, "failure").is_some());
}

/// The cargo profile this test binary was built in, so that the nested run
/// reuses its build instead of building everything again in another profile.
fn cargo_profile() -> &'static [&'static str] {
    match cfg!(debug_assertions) {
        true => &[],
        false => &["--release"],
    }
}

/// `cargo nextest run --profile ci` writes JUnit with one `<testcase>` per trial.
/// Its store is a temporary directory (set by a tool config, which the repository's
/// config overrides only where it sets the store itself), so the report cannot
/// collide with a user's run or another test run's.
/// `cargo nextest`, where it is installed.
fn nextest() -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let installed = Command::new(&cargo)
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    installed
        .then_some(())
        .ok_or_else(|| "cargo-nextest: not installed; cargo install --locked cargo-nextest".into())
}

fn nextest_ci_profile_writes_junit_for_the_trials_it_ran(_: ()) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let tool = dir.path().join("tool.toml");
    std::fs::write(
        &tool,
        format!("[store]\ndir = {:?}\n", store.to_str().unwrap()),
    )
    .unwrap();
    // A diverging trial is named `[diverges] NAME` by nextest: include those.
    let filter = r"test(=corpus::not_empty) | test(/(^|\] )rustpython::counters\//)";
    let output = Command::new(&cargo)
        .arg("nextest")
        .arg("run")
        .args(cargo_profile())
        .arg("--manifest-path")
        .arg(&manifest)
        .args([
            "--profile",
            "ci",
            "--test",
            "conformance",
            "--color",
            "never",
        ])
        .arg("--tool-config-file")
        .arg(format!("closure-conformance-junit-test:{}", tool.display()))
        .args(["-E", filter])
        .env_remove("NEXTEST_PROFILE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");

    // What the trials are: the corpus's counters cases that RustPython runs.
    let root = std::env::var_os("CLOSURE_CONFORMANCE_ROOT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let (cases, _) = closure_conformance::case::discover(&root.join("cases")).unwrap();
    let options = BackendOptions {
        worker_exe: BIN.into(),
        ..BackendOptions::default()
    };
    let found = backend::discover_kinds(&options, &[Kind::RustPython]);
    let language = found.available[0].language.unwrap();
    // As libtest-mimic lists them, and so as nextest names them.
    let mut expected: Vec<String> = cases
        .iter()
        .filter(|case| case.topic == "counters")
        .filter(|case| suite::skip_reason(case, language).is_none())
        .map(|case| match case.divergences_for("rustpython").next() {
            Some(_) => format!("[diverges] rustpython::{}", case.id),
            None => format!("rustpython::{}", case.id),
        })
        .collect();
    assert!(expected.len() > 1, "no counters case in {}", root.display());
    expected.push("corpus::not_empty".into());
    expected.sort();

    let path = store.join("ci/junit.xml");
    let xml = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}\n{stderr}", path.display()));
    let document = Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let suites = consistent(&document);
    let root = document.root_element();
    assert_eq!(count(root, "failures"), 0, "{xml}");
    assert_eq!(count(root, "errors"), 0, "{xml}");
    assert_eq!(suites.len(), 1, "{xml}");
    assert_eq!(suites[0].0, "closure-conformance::conformance");
    let mut ran: Vec<&str> = children(suites[0].1, "testcase")
        .map(|c| attr(c, "name"))
        .collect();
    ran.sort();
    assert_eq!(ran, expected, "{xml}");
}
