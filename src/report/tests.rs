//! A sample report the renderers' unit tests share, and the tests of the report value.

use super::*;
use crate::case::{Divergence, Header};
use crate::compare::{Failure, FailureKind};
use crate::observation::Rendered;

fn case(topic: &str, name: &str) -> Case {
    Case {
        id: format!("{topic}/{name}"),
        topic: topic.to_string(),
        display_path: format!("cases/{topic}/{name}.py"),
        path: format!("cases/{topic}/{name}.py").into(),
        source: format!("# description: {name}\nprint(1)\n"),
        header: Header {
            description: name.to_string(),
            ..Header::default()
        },
    }
}

fn rendered(stdout: &str, exception: &str) -> Rendered {
    let mut r = Rendered::default();
    r.set(Section::Stdout, stdout.to_string());
    r.set(Section::Exception, exception.to_string());
    r
}

/// Four cases on cpython-3.11 (pass, known divergence, failure, skip) and a
/// rustpython column with nothing in it.
pub(crate) fn sample_report() -> Report {
    let outcome = |case: Case, verdict: Verdict, expected: Rendered, actual: Rendered| Outcome {
        case,
        backend: "cpython-3.11".to_string(),
        against: "golden 3.11 (CPython 3.11.7)".to_string(),
        expected,
        actual,
        verdict,
        refresh_command: None,
    };
    let mut diverging = case("errors", "b");
    diverging.header.divergences.push(Divergence {
        backend: "cpython-3.11".into(),
        sections: vec![Section::Exception],
        reason: "wording | <script>".into(),
        entry: None,
    });
    let cases = vec![
        case("basics", "a"),
        diverging,
        case("errors", "c"),
        case("errors", "d"),
    ];
    let outcomes = vec![
        outcome(
            cases[0].clone(),
            Verdict::Pass,
            rendered("1\n", ""),
            Rendered::default(),
        ),
        outcome(
            cases[1].clone(),
            Verdict::KnownDivergence {
                reasons: vec!["wording | <script>".into()],
            },
            rendered("", "NameError: x\n"),
            rendered("", "NameError: y\n"),
        ),
        outcome(
            cases[2].clone(),
            Verdict::Fail(Failure {
                why: FailureKind::Mismatch,
                sections: vec![Section::Stdout],
            }),
            rendered("1\n", ""),
            rendered("2\n", ""),
        ),
        outcome(
            cases[3].clone(),
            Verdict::Skip {
                why: "needs Python >=3.12".into(),
            },
            Rendered::default(),
            Rendered::default(),
        ),
    ];
    Report {
        mode: Mode::Goldens,
        meta: Meta {
            tool: "0.1.0".into(),
            commit: Some("abc123".into()),
            machine: "linux x86_64, 2 cores".into(),
            started: 1_795_299_850,
            seconds: 1.5,
        },
        backends: vec![
            BackendInfo {
                name: "cpython-3.11".into(),
                kind: "cpython".into(),
                language: Some("3.11".into()),
                build: "CPython 3.11.7".into(),
                error: None,
                sandbox: vec!["seccomp".into()],
                not_observable: Vec::new(),
            },
            BackendInfo {
                name: "rustpython".into(),
                kind: "rustpython".into(),
                language: Some("3.14".into()),
                build: "RustPython 0.5.0 (Python 3.14.0)".into(),
                error: None,
                sandbox: Vec::new(),
                not_observable: Vec::new(),
            },
        ],
        cases: cases
            .into_iter()
            .map(|case| CaseInfo {
                case,
                timeline: vec![],
            })
            .collect(),
        outcomes,
        bad_cases: vec![],
    }
}

#[test]
fn the_exit_policy_fails_on_a_failure_or_a_bad_case() {
    let mut report = sample_report();
    assert_eq!(report.exit(), Exit::Failed);
    report.outcomes.remove(2);
    assert_eq!(report.exit(), Exit::Passed);
    report.bad_cases.push(CaseError {
        path: "cases/x.py".into(),
        line: Some(1),
        message: "bad".into(),
    });
    assert_eq!(report.exit(), Exit::Failed);
}

#[test]
fn conformance_counts_only_checks_that_ran() {
    let totals = sample_report().totals();
    assert_eq!(
        (
            totals.pass,
            totals.known_divergence,
            totals.fail,
            totals.skipped
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(totals.ran(), 3);
    assert_eq!(Tally::default().conformance(), None);
}

/// The sample with a behaviour-only `micropython` column: one check passed, one
/// not observable.
fn with_a_behaviour_only_backend() -> Report {
    let mut report = sample_report();
    report.backends.push(BackendInfo {
        name: "micropython".into(),
        kind: "micropython".into(),
        language: Some("3.4".into()),
        build: "MicroPython 1.27.0".into(),
        error: None,
        sandbox: Vec::new(),
        not_observable: vec!["scopes".into(), "cells".into()],
    });
    let first = report.outcomes[0].clone();
    for (case, verdict) in [
        (0, Verdict::Pass),
        (
            2,
            Verdict::NotObservable {
                sections: vec![Section::Scopes, Section::Cells],
            },
        ),
    ] {
        let mut outcome = first.clone();
        outcome.case = report.cases[case].case.clone();
        outcome.backend = "micropython".into();
        outcome.verdict = verdict;
        report.outcomes.push(outcome);
    }
    report
}

#[test]
fn not_observable_is_shown_in_every_format_and_never_as_a_failure() {
    let report = with_a_behaviour_only_backend();
    let micropython = &report.tally()[ALL_TOPICS]["micropython"];
    assert_eq!(
        (
            micropython.pass,
            micropython.not_observable,
            micropython.fail
        ),
        (1, 1, 0)
    );
    // Conformance counts only what it observed: one pass of one check.
    assert_eq!(micropython.conformance(), Some(100.0));
    for format in Format::ALL {
        let text = format.render(&report, Palette::new(false));
        assert!(text.contains("not observable"), "{}: {text}", format.name());
        assert!(
            !text.contains("FAIL micropython") && !text.contains("micropython: errors/c\n"),
            "{}",
            format.name()
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&Format::Json.render(&report, Palette::new(false))).unwrap();
    assert_eq!(json["totals"]["micropython"]["not_observable"], 1);
    assert_eq!(json["totals"]["micropython"]["fail"], 0);
    assert_eq!(
        json["backends"][2]["not_observable"],
        serde_json::json!(["scopes", "cells"])
    );
    assert!(json["backends"][0].get("not_observable").is_none());
    assert!(json["totals"]["cpython-3.11"]
        .get("not_observable")
        .is_none());
    let junit = Format::Junit.render(&report, Palette::new(false));
    assert!(junit.contains("<testsuite name=\"micropython\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\">"), "{junit}");
    assert!(
        junit.contains("<skipped message=\"not observable: "),
        "{junit}"
    );
    let human = Format::Human.render(&report, Palette::new(false));
    assert!(
        human.contains("micropython: MicroPython 1.27.0 (not observable: scopes, cells)"),
        "{human}"
    );
    assert!(human.contains("1/0/0 n/o 1"), "{human}");
    let markdown = Format::Markdown.render(&report, Palette::new(false));
    assert!(
        markdown.contains(
            "| `micropython` | MicroPython 1.27.0 (not observable: scopes, cells) | 3.4 |"
        ),
        "{markdown}"
    );
    let html = Format::Html.render(&report, Palette::new(false));
    assert!(
        html.contains("class=\"unobservable\">not observable: scopes, cells"),
        "{html}"
    );
    assert!(html.contains("data-status=\"not_observable\""), "{html}");
    let github = Format::Github.render(&report, Palette::new(false));
    assert!(github.contains("::notice title=micropython observes only some sections::not observable: scopes, cells; 1 checks"), "{github}");
    // The failure the sample has is still the only one.
    report_without_cpython_failure_passes(report);
}

fn report_without_cpython_failure_passes(mut report: Report) {
    assert_eq!(report.exit(), Exit::Failed);
    report.outcomes.remove(2);
    assert_eq!(report.exit(), Exit::Passed);
}

#[test]
fn a_report_of_full_backends_says_nothing_of_observability() {
    let report = sample_report();
    for format in Format::ALL {
        let text = format.render(&report, Palette::new(false));
        assert!(
            !text.contains("not observable") && !text.contains("n/o"),
            "{}",
            format.name()
        );
    }
}
