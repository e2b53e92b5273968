//! Every fuzzer finding saved in `cases/found/` is 1-minimal against the root-cause
//! identity in its header: the program shows the identity, and deleting any single
//! statement, or replacing any expression that is not a constant by `0`, loses it
//! (src/fuzz/minimal.rs makes the variants). A divergence identity is checked on
//! its backend against the CPython of that backend's version; a reference
//! regression on the deviating reference, against the newest older reference.

use closure_conformance::backend::{discover, Backend, BackendOptions};
use closure_conformance::fuzz::bindings;
use closure_conformance::fuzz::campaign::{PROGRAM_PATH, PROGRAM_TIMEOUT};
use closure_conformance::fuzz::identity::{identities, normalize_message};
use closure_conformance::fuzz::minimal::variants;
use closure_conformance::normalize::normalize;
use closure_conformance::observation::Rendered;
use closure_conformance::protocol::BatchMode;
use closure_conformance::version::PyVersion;
use std::path::PathBuf;

struct Judge {
    backend: Backend,
    reference: Backend,
    version: PyVersion,
    /// A reference regression: the ending it shows, (type, normalized message).
    regression: Option<(String, String)>,
}

impl Judge {
    /// Whether each program shows `what`: judged in one batch, and a program the
    /// batch says keeps it is run alone (as a case runs) to be sure.
    fn keeps(&self, what: &str, sources: &[String]) -> Vec<bool> {
        let batch = |backend: &Backend| -> Vec<Rendered> {
            backend
                .run_batch(
                    sources,
                    BatchMode::Execute,
                    PROGRAM_TIMEOUT * sources.len() as u32,
                )
                .map(|all| all.into_iter().map(|o| normalize(o.render())).collect())
                .unwrap_or_else(|_| sources.iter().map(|s| self.alone(backend, s)).collect())
        };
        let (bad, good) = (batch(&self.backend), batch(&self.reference));
        let all = bindings::of(sources).expect("python3 for the bindings");
        (0..sources.len())
            .map(|i| {
                self.shows(what, &all[i], &good[i], &bad[i]) && {
                    let (g, b) = (
                        self.alone(&self.reference, &sources[i]),
                        self.alone(&self.backend, &sources[i]),
                    );
                    self.shows(what, &all[i], &g, &b)
                }
            })
            .collect()
    }

    fn alone(&self, backend: &Backend, source: &str) -> Rendered {
        normalize(
            backend
                .run_source(PROGRAM_PATH, source, PROGRAM_TIMEOUT)
                .render(),
        )
    }

    fn shows(&self, what: &str, b: &bindings::Bindings, good: &Rendered, bad: &Rendered) -> bool {
        match &self.regression {
            None => identities(&self.backend.name, self.version, b, good, bad)
                .iter()
                .any(|i| i.what == what),
            Some(ending) => {
                let end = |r: &Rendered| {
                    let text = r.get(closure_conformance::observation::Section::Exception);
                    let mut lines = text.lines();
                    let kind = lines.next().unwrap_or("none").trim().to_string();
                    (kind, normalize_message(lines.next().unwrap_or("")))
                };
                end(bad) == *ending && end(good) != *ending
            }
        }
    }
}

#[test]
fn every_found_case_is_one_minimal_against_its_identity() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let options =
        BackendOptions::from_env(PathBuf::from(env!("CARGO_BIN_EXE_closure-conformance"))).unwrap();
    let found = discover(&options);
    let references = found.references();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("cases/found"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let header = closure_conformance::case::parse_header(&text).unwrap();
        let identity = header
            .identity
            .unwrap_or_else(|| panic!("{}: no `# identity:` line", path.display()));
        let (backend_name, what) = identity.split_once(": ").unwrap();
        let Some(spec) = found.available.iter().find(|s| s.name == backend_name) else {
            eprintln!(
                "{}: skipped, no backend {backend_name} here",
                path.display()
            );
            continue;
        };
        let backend = Backend::start(spec.clone(), &options);
        let version = backend.language().unwrap();
        let regression = what.strip_prefix("reference regression: ").map(|rest| {
            let (kind, rest) = rest.split_once(" (").unwrap();
            let message = rest.rsplit_once("); the name").map_or(rest, |(m, _)| m);
            (kind.to_string(), message.to_string())
        });
        let reference_spec = match regression {
            // The newest reference older than the deviating one.
            Some(_) => references.range(..version).next_back().map(|(_, s)| *s),
            None => references.get(&version).copied(),
        };
        let Some(reference_spec) = reference_spec else {
            eprintln!("{}: skipped, no reference for {version}", path.display());
            continue;
        };
        let judge = Judge {
            backend,
            reference: Backend::start(reference_spec.clone(), &options),
            version,
            regression,
        };
        let program: String = text
            .lines()
            .skip_while(|l| l.starts_with("# "))
            .map(|l| format!("{l}\n"))
            .collect();
        let (itself, smaller) = variants(&program).unwrap();
        let mut sources = vec![itself];
        sources.extend(smaller);
        let keeps = judge.keeps(what, &sources);
        if !keeps[0] {
            failures.push(format!(
                "{}: does not show its identity {what}",
                path.display()
            ));
        }
        for (source, kept) in sources.iter().zip(&keeps).skip(1) {
            if *kept {
                failures.push(format!(
                    "{}: still shows {what} with one step less:\n{source}",
                    path.display()
                ));
            }
        }
        checked += 1;
    }
    assert!(checked > 0, "no found case could be checked here");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
