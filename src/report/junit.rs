//! The JUnit XML report: one `<testsuite>` per backend, one `<testcase>` per case.
//! A failure carries its explanation and section diffs; a skipped case says why;
//! a known divergence passes, with its reasons in `<system-out>`. Text from cases
//! is made visible first (control characters are not allowed in XML 1.0), then
//! escaped.

use super::{explain, reasons, Palette, Report, Status, Tally};
use std::fmt::Write as _;

pub fn render(report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let totals = report.totals();
    let dead = report.dead_backends();
    let bad_files = bad_files(report);
    let _ = writeln!(
        out,
        "<testsuites name=\"closure-conformance\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3}\" timestamp=\"{}\">",
        // Every <testcase>: the checks and the bad case files (the errors).
        report.outcomes.len() + bad_files.len() + dead.len(),
        totals.fail,
        bad_files.len() + dead.len(),
        totals.skipped + totals.not_observable,
        report.meta.seconds,
        super::timestamp(report.meta.started),
    );
    if !bad_files.is_empty() {
        let _ = writeln!(
            out,
            "  <testsuite name=\"case-files\" tests=\"{0}\" failures=\"0\" errors=\"{0}\" skipped=\"0\">",
            bad_files.len()
        );
        // One testcase per file: its first problem as the message, every problem
        // in the text.
        for (path, problems) in &bad_files {
            let all: Vec<String> = problems.iter().map(|e| e.to_string()).collect();
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"case-files\" file=\"{}\">\n      <error message=\"{}\" type=\"bad case file\">{}</error>\n    </testcase>",
                attribute(path),
                attribute(path),
                attribute(&all[0]),
                text(&all.join("\n"))
            );
        }
        out.push_str("  </testsuite>\n");
    }
    for (backend, why) in &dead {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase name=\"start\" classname=\"{0}\">\n      <error message=\"{1}\" type=\"backend did not start\"/>\n    </testcase>\n  </testsuite>",
            attribute(&backend.name),
            attribute(&super::dead::message(backend, why))
        );
    }
    for backend in report.backends.iter().filter(|b| b.error.is_none()) {
        let outcomes: Vec<_> = report
            .outcomes
            .iter()
            .filter(|o| o.backend == backend.name)
            .collect();
        let mut tally = Tally::default();
        for outcome in &outcomes {
            tally.add(&outcome.verdict);
        }
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
            attribute(&backend.name),
            outcomes.len(),
            tally.fail,
            tally.skipped + tally.not_observable
        );
        let _ = writeln!(
            out,
            "    <properties>\n      <property name=\"build\" value=\"{}\"/>\n      <property name=\"language\" value=\"{}\"/>\n    </properties>",
            attribute(&backend.build),
            attribute(backend.language.as_deref().unwrap_or("unknown"))
        );
        for outcome in outcomes {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}.{}\" file=\"{}\"",
                attribute(&outcome.case.id),
                attribute(&backend.name),
                attribute(&outcome.case.topic),
                attribute(&outcome.case.display_path)
            );
            let why = reasons(outcome).join("; ");
            match Status::of(&outcome.verdict) {
                Status::Pass if why.is_empty() => out.push_str("/>\n"),
                Status::Pass | Status::ConformsToLanguage => {
                    // A reference bug: the note, or the verdict of its own.
                    let _ = writeln!(
                        out,
                        ">\n      <system-out>{}: {}</system-out>\n    </testcase>",
                        Status::of(&outcome.verdict).name(),
                        text(&why)
                    );
                }
                Status::KnownDivergence => {
                    let _ = writeln!(
                        out,
                        ">\n      <system-out>known divergence: {}</system-out>\n    </testcase>",
                        text(&why)
                    );
                }
                Status::Skipped | Status::NotObservable => {
                    let _ = writeln!(
                        out,
                        ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                        attribute(&why)
                    );
                }
                Status::Fail => {
                    let _ = writeln!(
                        out,
                        ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                        attribute(&why),
                        failure_type(outcome),
                        text(&explain(outcome, Palette::new(false)))
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn failure_type(outcome: &crate::suite::Outcome) -> &'static str {
    use crate::compare::{FailureKind, Verdict};
    match &outcome.verdict {
        Verdict::Fail(failure) => match failure.why {
            FailureKind::Mismatch => "mismatch",
            FailureKind::StaleDivergence { .. } => "stale divergence",
            FailureKind::Fault(_) => "fault",
            FailureKind::NoExpectation(_) => "no expectation",
        },
        _ => "",
    }
}

/// The bad case files in report order, each with its problems.
fn bad_files(report: &Report) -> Vec<(&str, Vec<&crate::case::CaseError>)> {
    let mut files: Vec<(&str, Vec<&crate::case::CaseError>)> = Vec::new();
    for error in &report.bad_cases {
        match files.iter_mut().find(|(path, _)| *path == error.path) {
            Some((_, problems)) => problems.push(error),
            None => files.push((&error.path, vec![error])),
        }
    }
    files
}

/// Element text: visible, then escaped.
fn text(raw: &str) -> String {
    super::markup::xml_text(&super::visible(raw))
}

/// Attribute text: on one line, visible, then escaped.
fn attribute(raw: &str) -> String {
    super::markup::xml_attribute(&super::visible_line(raw))
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::*;

    #[test]
    fn a_bad_case_file_is_one_testcase_with_every_problem() {
        let mut report = sample_report();
        let problem = |line: usize, message: &str| crate::case::CaseError {
            path: "cases/t/bad.py".into(),
            line: Some(line),
            message: message.into(),
        };
        report.bad_cases = vec![problem(3, "first"), problem(4, "second")];
        let xml = render(&report);
        assert_eq!(xml.matches("classname=\"case-files\"").count(), 1, "{xml}");
        assert!(
            xml.contains("<testsuite name=\"case-files\" tests=\"1\""),
            "{xml}"
        );
        assert!(
            xml.contains("message=\"cases/t/bad.py:3: first\" type=\"bad case file\">cases/t/bad.py:3: first\ncases/t/bad.py:4: second</error>"),
            "{xml}"
        );
    }

    #[test]
    fn text_from_cases_is_escaped() {
        assert_eq!(
            attribute("a<b & \"c\"\n\u{1b}"),
            "a&lt;b &amp; &quot;c&quot;\\x0a\\x1b"
        );
        assert_eq!(text("</failure>"), "&lt;/failure&gt;");
        assert_eq!(text("\u{fffe}\u{ffff}"), "\\u{fffe}\\u{ffff}");
    }

    #[test]
    fn one_suite_per_backend_with_counts() {
        let xml = render(&sample_report());
        assert!(xml.contains("<testsuite name=\"cpython-3.11\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\">"), "{xml}");
        assert!(
            xml.contains("<testsuite name=\"rustpython\" tests=\"0\""),
            "{xml}"
        );
        assert_eq!(xml.matches("<testcase ").count(), 4);
        assert_eq!(xml.matches("<failure ").count(), 1);
    }
}
