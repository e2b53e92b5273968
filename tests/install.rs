//! The installed tool: a copy of the binary, away from the repository and its build,
//! run from an empty directory with a cache of its own, uses the corpus built into it
//! (src/corpus.rs), writes it out for a corpus of one's own, and refuses to change it.

use closure_conformance::corpus::REFUSAL;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

#[path = "common/myimpl.rs"]
mod myimpl;

const BIN: &str = env!("CARGO_BIN_EXE_closure-conformance");
const REPOSITORY: &str = env!("CARGO_MANIFEST_DIR");

/// A copy of the binary in a directory of its own, an empty working directory and
/// an empty cache (no Pyodide, nothing extracted yet).
struct Installed {
    place: tempfile::TempDir,
}

impl Installed {
    fn new() -> Installed {
        let place = tempfile::tempdir().unwrap();
        for dir in ["bin", "work", "home"] {
            std::fs::create_dir(place.path().join(dir)).unwrap();
        }
        std::fs::copy(BIN, place.path().join("bin/closure-conformance")).unwrap();
        Installed { place }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.place.path().join(name)
    }

    /// Runs the copy in the empty working directory, or in `cwd`.
    fn run_in(&self, cwd: &Path, args: &[&str]) -> (Output, String, String) {
        let mut command = Command::new(self.path("bin/closure-conformance"));
        command
            .args(args)
            .current_dir(cwd)
            .env_remove("CLOSURE_CONFORMANCE_ROOT")
            .env("CLOSURE_CONFORMANCE_HOME", self.path("home"))
            .env("CLOSURE_CONFORMANCE_OFFLINE", "1");
        // The copy was just written: a child another test thread forks at that
        // moment holds its descriptor until it execs, and executing the copy then
        // fails with "text file busy" (ETXTBSY). That passes in milliseconds.
        let mut tries = 0;
        let output = loop {
            match command.output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 100 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                result => break result.unwrap(),
            }
        };
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (output, stdout, stderr)
    }

    fn run(&self, args: &[&str]) -> (Output, String, String) {
        self.run_in(&self.path("work"), args)
    }
}

/// Every file of the repository's corpus (hidden ones aside), relative path → bytes.
fn files_under(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for folder in ["cases", "expected", "docs"] {
        for entry in walkdir::WalkDir::new(root.join(folder))
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."))
        {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let name = entry.path().strip_prefix(root).unwrap().to_str().unwrap();
                files.push((name.to_string(), std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    files
}

fn case_count() -> usize {
    files_under(Path::new(REPOSITORY))
        .iter()
        .filter(|(name, _)| name.starts_with("cases/") && name.ends_with(".py"))
        .count()
}

/// The JSON report of a run on the embedded RustPython (always there), checked to
/// pass, without its rows' diffs; `meta` (time, commit) is returned apart.
fn json_run(installed: &Installed, extra: &[&str]) -> (Value, Value, String) {
    let mut args = vec!["-b", "rustpython", "--format", "json"];
    args.extend_from_slice(extra);
    let (out, stdout, stderr) = installed.run(&args);
    assert!(out.status.success(), "{stderr}");
    let mut report: Value = serde_json::from_str(&stdout).unwrap();
    let meta = report["meta"].take();
    // The verdicts, not the diffs: a crash's diff holds the id of the thread that
    // panicked, which differs from run to run.
    for row in report["rows"].as_array_mut().unwrap() {
        row["diffs"].take();
    }
    (report, meta, stderr)
}

/// One run of the built-in corpus from an empty directory, shared by the tests.
fn built_in_run() -> &'static (Value, Value, String) {
    static RUN: OnceLock<(Value, Value, String)> = OnceLock::new();
    RUN.get_or_init(|| json_run(&Installed::new(), &[]))
}

#[test]
fn the_installed_binary_runs_from_an_empty_directory_on_its_corpus() {
    let (report, meta, stderr) = built_in_run();
    let cases = case_count();
    assert!(cases > 0);
    assert_eq!(report["rows"].as_array().unwrap().len(), cases);
    assert_eq!(report["bad_cases"], serde_json::json!([]));
    // The report names the corpus it used, and one line on stderr says so.
    let commit = meta["commit"].as_str().unwrap();
    assert!(commit.ends_with("+built-in"), "{commit}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with(&format!(
            "closure-conformance: corpus: the one built in ({cases} cases), at "
        )),
        "{stderr}"
    );
}

#[test]
fn the_corpus_written_out_is_the_repositorys_and_gives_the_same_verdicts() {
    let installed = Installed::new();
    let mine = installed.path("mine");
    let (out, stdout, stderr) = installed.run(&["corpus", "--write", mine.to_str().unwrap()]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("run it with `closure-conformance --root "),
        "{stdout}"
    );
    let written = files_under(&mine);
    let repository = files_under(Path::new(REPOSITORY));
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&written), names(&repository));
    assert!(
        written == repository,
        "a written file differs from the repository's"
    );
    // Written out again into the same place: refused, nothing overwritten.
    let (out, _, stderr) = installed.run(&["corpus", "--write", mine.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // A corpus of one's own: no note, its own commit, the same verdicts.
    let (report, meta, stderr) = json_run(&installed, &["--root", mine.to_str().unwrap()]);
    assert_eq!(stderr, "");
    assert!(!meta["commit"].as_str().unwrap_or("").contains("built-in"));
    assert!(
        report == built_in_run().0,
        "verdicts differ from the built-in corpus"
    );
}

#[test]
fn commands_that_change_the_corpus_refuse_the_built_in_one_in_one_line() {
    let installed = Installed::new();
    let refusal = format!("closure-conformance: error: {REFUSAL}\n");
    let extracted = {
        let (out, _, stderr) = installed.run(&["list"]);
        assert!(out.status.success(), "{stderr}");
        let dir = std::fs::read_dir(installed.path("home/corpus")).unwrap();
        dir.map(|e| e.unwrap().path()).next().unwrap()
    };
    for args in [
        vec!["regen"],
        vec!["regen", "counters"],
        vec!["fuzz", "--save", "--seeds", "0..1"],
        vec!["fuzz", "--mark-saved"],
        vec!["regen", "--root", extracted.to_str().unwrap()],
    ] {
        let (out, stdout, stderr) = installed.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr, refusal, "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
    }
}

#[test]
fn in_the_repository_the_repositorys_corpus_is_used_and_nothing_is_said() {
    let installed = Installed::new();
    let (out, stdout, stderr) = installed.run_in(Path::new(REPOSITORY), &["list"]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(stdout.lines().count(), case_count());
    assert!(
        !installed.path("home/corpus").exists(),
        "extracted for nothing"
    );
}

/// An implementer's first steps with the installed tool: `accept` for their
/// interpreter writes `./expectations/<NAME>.toml` in the working directory (the
/// built-in corpus in the cache stays as built), and the next run is green.
#[test]
fn accept_on_the_built_in_corpus_writes_expectations_in_the_working_directory() {
    let installed = Installed::new();
    let myimpl = myimpl::fake_interpreter(&installed.path("bin"), "{3: 4}");
    let case = "counters/cell_tracks_count_live";
    let (out, stdout, stderr) = installed.run(&["accept", "--interpreter", &myimpl, case]);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    let written = std::fs::read_to_string(installed.path("work/expectations/myimpl.toml"))
        .unwrap_or_else(|e| panic!("no expectations in the working directory ({e}): {stdout}"));
    assert!(
        written.contains(&format!("[cases.\"{case}\"]")),
        "{written}"
    );
    let extracted = std::fs::read_dir(installed.path("home/corpus")).unwrap();
    for corpus in extracted {
        assert!(!corpus.unwrap().path().join("expectations").exists());
    }
    let (out, stdout, stderr) = installed.run(&["--interpreter", &myimpl, case]);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("known divergence"), "{stdout}");
}
