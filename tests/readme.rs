//! Every figure of README.md outside its generated matrix block is checked here
//! against what it counts: the corpus (cases, topics, rules, marks), the goldens
//! (the CPython build of each version, how many cases each release changed, as
//! docs/versions.md counts them), the matrix block (backends, checks, known
//! divergences) and the constants of the code. A failure names the sentence
//! README.md should hold. (The matrix block itself is checked by the conformance
//! harness, `docs::readme_matrix`, and remade by `report --matrix-only -o README.md`.)

use closure_conformance::case::{self, Case};
use closure_conformance::{backend, coverage, report, timeline};
use std::collections::BTreeMap;
use std::path::Path;

const REPOSITORY: &str = env!("CARGO_MANIFEST_DIR");

/// README.md with every run of white space made one space, so that a sentence is
/// found wherever its lines break.
fn readme() -> String {
    let text = std::fs::read_to_string(Path::new(REPOSITORY).join("README.md")).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn says(readme: &str, sentence: &str) {
    assert!(
        readme.contains(sentence),
        "README.md should say {sentence:?} (the figures as tests/readme.rs counts them)"
    );
}

/// `4,485`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn cases() -> Vec<Case> {
    let (cases, bad) = case::discover(&Path::new(REPOSITORY).join("cases")).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    cases
}

/// The cases found by the fuzzer (topic `found`) apart from those written by hand.
fn found(case: &Case) -> bool {
    case.topic == closure_conformance::fuzz::save::TOPIC
}

/// docs/versions.md as made from the goldens now.
fn versions(cases: &[Case]) -> String {
    timeline::markdown(cases, &Path::new(REPOSITORY).join("expected")).unwrap()
}

/// The matrix block: backend names, and per row (topic) the cells, each cell's
/// numbers (pass, known, fail, `+N` skipped, `lang N`).
struct Matrix {
    backends: Vec<String>,
    rows: BTreeMap<String, Vec<Vec<usize>>>,
}

fn matrix() -> Matrix {
    let text = std::fs::read_to_string(Path::new(REPOSITORY).join("README.md")).unwrap();
    let start = text.find("<!-- closure-conformance:begin -->").unwrap();
    let end = text.find("<!-- closure-conformance:end -->").unwrap();
    let mut lines = text[start..end].lines().filter(|l| l.starts_with('|'));
    let cells = |line: &str| -> Vec<String> {
        line.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let header = cells(lines.next().unwrap());
    let backends = header[1..]
        .iter()
        .map(|b| b.trim_matches('`').to_string())
        .collect();
    let mut rows = BTreeMap::new();
    for line in lines.skip(1) {
        let cells = cells(line);
        let numbers = cells[1..]
            .iter()
            .map(|cell| {
                cell.split(|c: char| !c.is_ascii_digit())
                    .filter(|n| !n.is_empty())
                    .map(|n| n.parse().unwrap())
                    .collect()
            })
            .collect();
        rows.insert(cells[0].trim_matches('*').to_string(), numbers);
    }
    Matrix { backends, rows }
}

impl Matrix {
    /// The counts of `backend` in the `all` and `found` rows, summed.
    fn column(&self, backend: &str) -> Vec<usize> {
        let at = self.backends.iter().position(|b| b == backend).unwrap();
        let mut sum = vec![0; 5];
        for row in ["all", "found"] {
            for (i, n) in self.rows[row][at].iter().enumerate() {
                sum[i] += n;
            }
        }
        sum
    }
}

#[test]
fn the_corpus_figures_are_the_corpus() {
    let cases = cases();
    let (found, hand): (Vec<&Case>, Vec<&Case>) = cases.iter().partition(|c| found(c));
    let topics = |cases: &[&Case]| {
        let mut topics: Vec<&str> = cases.iter().map(|c| c.topic.as_str()).collect();
        topics.dedup();
        topics.len()
    };
    let rules = coverage::load_rules(&Path::new(REPOSITORY).join("cases")).unwrap();
    says(
        &readme(),
        &format!(
            "{} cases in {} topics: {} written by hand in {} topics, citing {} rules of their catalogues, and {} found by the fuzzer",
            cases.len(),
            topics(&cases.iter().collect::<Vec<_>>()),
            hand.len(),
            topics(&hand),
            rules.len(),
            found.len()
        ),
    );
    let with_reference_bugs = cases
        .iter()
        .filter(|c| !c.header.reference_bugs.is_empty())
        .count();
    says(&readme(), &format!("{with_reference_bugs} cases carry one"));
}

/// How many cases `backend` has marks on: in all, written by hand, and with a reason
/// that holds one of `about`; the matrix agrees: as many known divergences, no failure.
fn marked(cases: &[Case], matrix: &Matrix, backend: &str, about: &[&str]) -> [usize; 3] {
    let with = |what: &[&str]| {
        cases
            .iter()
            .filter(|c| {
                c.divergences_for(backend)
                    .any(|d| what.is_empty() || what.iter().any(|w| d.reason.contains(w)))
            })
            .count()
    };
    let (all, about) = (with(&[]), with(about));
    let column = matrix.column(backend);
    assert_eq!(
        column[1], all,
        "the matrix's known divergences of {backend}"
    );
    assert_eq!(
        column[2], 0,
        "the matrix has failures of {backend}: not all marked"
    );
    let hand = cases
        .iter()
        .filter(|c| !found(c) && c.divergences_for(backend).next().is_some())
        .count();
    [all, hand, about]
}

#[test]
fn the_figures_of_each_backends_divergences_are_its_marks() {
    let (cases, matrix, readme) = (cases(), matrix(), readme());
    let versions = versions(&cases);
    let build = |version: &str| {
        let row = format!("| {version} | ");
        let line = versions.lines().find(|l| l.starts_with(&row)).unwrap();
        line[row.len()..].trim_end_matches(" |").to_string()
    };
    let [all, hand, _] = marked(&cases, &matrix, "rustpython", &[]);
    says(
        &readme,
        &format!(
            "Judged against {}, its own language version ({} cases; RustPython differs in {all}, all marked: {hand} written by hand, {} found by the fuzzer)",
            build("3.14"),
            cases.len(),
            all - hand
        ),
    );
    let [all, _, locals] = marked(&cases, &matrix, "pypy", &["__locals__"]);
    // `<locals>` after a comprehension in a qualname.
    let after_comprehension = ["comp>.<locals>.", "<genexpr>.<locals>."];
    let [_, _, qualname] = marked(&cases, &matrix, "pypy", &after_comprehension);
    says(
        &readme,
        &format!(
            "Judged against {} (PyPy 7.3.11 is Python 3.9): {all} cases, all marked",
            build("3.9")
        ),
    );
    says(
        &readme,
        &format!("a local `__locals__` in `co_varnames` ({locals} cases)"),
    );
    says(
        &readme,
        &format!("(`<listcomp>.<locals>.<lambda>`, {qualname} cases)"),
    );
}

#[test]
fn the_changes_between_versions_are_those_of_docs_versions() {
    let cases = cases();
    let versions = versions(&cases);
    let changed = |release: &str| -> String {
        let row = format!("| {release} | ");
        let line = versions.lines().find(|l| l.starts_with(&row)).unwrap();
        line[row.len()..].split(" |").next().unwrap().to_string()
    };
    says(
        &readme(),
        &format!(
            "3.10→3.11 changed {} cases (error wording, `co_cellvars` order), 3.11→3.12 {} (PEP 709 inlined comprehensions), 3.12→3.13 {} (PEP 667 `locals()`), 3.13→3.14 {} (`__classdict__` cells)",
            changed("3.10 → 3.11"),
            changed("3.11 → 3.12"),
            changed("3.12 → 3.13"),
            changed("3.13 → 3.14"),
        ),
    );
}

#[test]
fn the_matrix_figures_are_the_matrix() {
    let (cases, matrix) = (cases(), matrix());
    for backend in &matrix.backends {
        let checks: usize = matrix.column(backend).iter().sum();
        assert_eq!(
            checks,
            cases.len(),
            "the matrix's column of {backend} is not the corpus"
        );
    }
    says(
        &readme(),
        &format!(
            "the whole matrix — {} backends (CPython 3.6–3.13, Pyodide 3.12–3.15, PyPy, RustPython 0.5.0 and 0.6.0, MicroPython), {} checks —",
            matrix.backends.len(),
            thousands(matrix.backends.len() * cases.len())
        ),
    );
}

#[test]
fn the_limits_are_the_codes() {
    let readme = readme();
    says(
        &readme,
        &format!(
            "each diff stops after {} lines (of at most {} characters)",
            report::diff::MAX_DIFF_LINES,
            thousands(report::diff::MAX_LINE_CHARS)
        ),
    );
    says(
        &readme,
        &format!(
            "say who it is within {} s",
            backend::IDENTIFY_TIMEOUT.as_secs()
        ),
    );
    says(
        &readme,
        &format!(
            "a memory cap ({} GiB, or the case's `# memory:`)",
            case::DEFAULT_MEMORY_LIMIT >> 30
        ),
    );
}

#[test]
fn the_kinds_of_state_polluted_are_the_noticers() {
    let noticer =
        std::fs::read_to_string(Path::new(REPOSITORY).join("tests/fixtures/isolation/notice.py"))
            .unwrap();
    let kinds = noticer
        .lines()
        .filter(|l| l.starts_with("report(\""))
        .count();
    says(
        &readme(),
        &format!("{kinds} kinds of state polluted then noticed"),
    );
}
