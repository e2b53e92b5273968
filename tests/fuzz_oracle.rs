//! The spec oracle's programs (`generate_for_oracle`): they run as the generator
//! predicts on a CPython that follows the language (3.11), and from a cold start
//! the oracle finds the two comprehension-inlining bugs of CPython 3.12+ on its
//! own: the first seeds that show each (a campaign from seed 0 reaches them in
//! about a minute) are flagged as reference regressions, reduced, with the
//! versions.

use closure_conformance::backend::{discover_kinds, Backend, BackendOptions, Kind};
use closure_conformance::fuzz::generate::generate_for_oracle;
use closure_conformance::fuzz::oracle::ending;
use closure_conformance::protocol::BatchMode;
use closure_conformance::version::PyVersion;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

#[test]
fn oracle_programs_end_as_predicted_on_cpython_3_11() {
    let options =
        BackendOptions::from_env(PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance"))).unwrap();
    let found = discover_kinds(&options, &[Kind::CPython]);
    let want = PyVersion::of("3.11").unwrap();
    let spec = found
        .available
        .into_iter()
        .find(|spec| spec.language == Some(want))
        .expect("a CPython 3.11 (scripts/install-references installs one)");
    let backend = Backend::start(spec, &options);
    let programs: Vec<_> = (0..1000).map(generate_for_oracle).collect();
    let mut unplanned = Vec::new();
    for chunk in programs.chunks(100) {
        let sources: Vec<String> = chunk.iter().map(|p| p.source()).collect();
        let observations = backend
            .run_batch(&sources, BatchMode::Execute, Duration::from_secs(60))
            .unwrap();
        for ((program, source), observation) in chunk.iter().zip(&sources).zip(&observations) {
            if let Some(end) = ending(program.ends_unbound, observation) {
                unplanned.push(format!("seed {}: {end:?}\n{source}", program.seed));
            }
        }
    }
    assert!(unplanned.is_empty(), "{}", unplanned.join("\n"));
}

#[test]
fn the_cold_start_seeds_are_flagged_as_reference_regressions() {
    // The first seeds from 0 that show gh-121377 and gh-156664.
    let output = Command::new(env!("CARGO_BIN_EXE_closure-conformance"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fuzz", "--oracle", "--seed-list=193,324", "--color=never"])
        .args(["--reduce-budget", "60"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (seed, ending) in [
        (193, "NameError: cannot access free variable '"),
        (324, "UnboundLocalError: cannot access local variable '"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(ending))
            .unwrap_or_else(|| panic!("no regression {ending:?} in\n{text}"));
        assert!(line.contains("CPython 3.12-3.15 (not 3.11)"), "{line}");
        assert!(line.contains(&format!("(seed {seed}, ")), "{line}");
    }
}
