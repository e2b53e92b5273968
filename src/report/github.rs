//! GitHub Actions workflow commands: one `::error` annotation per failed check
//! and per bad case file, on the case's file and line, so that a failure shows
//! on the pull request's diff; one `::notice` per check that conforms to the
//! language where the golden records a CPython bug, on the `reference-bug:` line.

use super::{reasons, Report};
use crate::compare::{FailureKind, Verdict};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for error in &report.bad_cases {
        out.push_str(&annotation(
            &error.path,
            error.line.unwrap_or(1),
            "bad case file",
            &error.message,
        ));
    }
    for (backend, why) in report.dead_backends() {
        let title = format!("backend {} did not start", backend.name);
        out.push_str(&format!(
            "::error title={}::{}\n",
            property(&title),
            data(why)
        ));
    }
    for backend in report
        .backends
        .iter()
        .filter(|b| !b.not_observable.is_empty())
    {
        let title = format!("{} observes only some sections", backend.name);
        let tally = report.tally();
        let count = super::cell(&tally, super::ALL_TOPICS, &backend.name).not_observable;
        out.push_str(&format!(
            "::notice title={}::not observable: {}; {count} checks have their point only there (neither pass nor failure)\n",
            property(&title),
            data(&backend.not_observable.join(", "))
        ));
    }
    for outcome in &report.outcomes {
        if let Verdict::ConformsToLanguage { notes } = &outcome.verdict {
            out.push_str(&command(
                "notice",
                &outcome.case.display_path,
                reference_bug_line(&outcome.case.source).unwrap_or(1),
                &format!("{}: {}", outcome.backend, outcome.case.id),
                &notes.join("\n"),
            ));
            continue;
        }
        let Verdict::Fail(failure) = &outcome.verdict else {
            continue;
        };
        let entry = crate::remedy::stale_entries(outcome).into_iter().next();
        let (file, line) = match (&failure.why, entry) {
            // The expectations entry to remove.
            (FailureKind::StaleDivergence { .. }, Some(site)) => {
                (site.file.as_str(), Some(site.line))
            }
            // The mark to remove.
            (FailureKind::StaleDivergence { .. }, None) => (
                outcome.case.display_path.as_str(),
                mark_line(&outcome.case.source, &outcome.backend),
            ),
            _ => (outcome.case.display_path.as_str(), None),
        };
        let line = line.unwrap_or(1);
        let mut message = reasons(outcome).join("\n");
        message.push_str(&format!(
            "\n\n{}",
            super::explain(outcome, super::Palette::new(false))
        ));
        out.push_str(&annotation(
            file,
            line,
            &format!("{}: {}", outcome.backend, outcome.case.id),
            message.trim_end(),
        ));
    }
    out
}

/// The line of the first `# diverges:` mark that names `backend` or its kind.
fn mark_line(source: &str, backend: &str) -> Option<usize> {
    source
        .lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix("# diverges:")
                .map(str::trim_start)
                .is_some_and(|rest| {
                    let named = rest.split([' ', ':']).next().unwrap_or("");
                    // As `Case::divergences_for`: a kind names its versions.
                    named == backend
                        || (["cpython", "pyodide"].contains(&named)
                            && backend
                                .strip_prefix(named)
                                .is_some_and(|rest| rest.starts_with('-')))
                })
        })
        .map(|index| index + 1)
}

/// One `::error file=…,line=…,title=…::message` line, escaped as the runner
/// expects: `%`, CR and LF in the message; also `:` and `,` in properties.
pub fn annotation(file: &str, line: usize, title: &str, message: &str) -> String {
    command("error", file, line, title, message)
}

/// One `::<level> file=…` workflow command (`error`, or `notice` for a check that
/// conforms to the language where the golden records a CPython bug).
fn command(level: &str, file: &str, line: usize, title: &str, message: &str) -> String {
    format!(
        "::{level} file={},line={line},title={}::{}\n",
        property(file),
        property(title),
        data(message)
    )
}

/// The line of the case's first `# reference-bug:` mark.
fn reference_bug_line(source: &str) -> Option<usize> {
    source
        .lines()
        .position(|line| line.trim_start().starts_with("# reference-bug:"))
        .map(|index| index + 1)
}

fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::*;

    #[test]
    fn one_annotation_per_failure_escaped_to_one_line() {
        let text = render(&sample_report());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{text}");
        assert!(
            lines[0].starts_with(
                "::error file=cases/errors/c.py,line=1,title=cpython-3.11%3A errors/c::differs from golden 3.11"
            ),
            "{}",
            lines[0]
        );
        assert!(lines[0].contains("%0A"), "{}", lines[0]);
    }

    #[test]
    fn properties_and_messages_are_escaped() {
        assert_eq!(
            annotation("a,b:c.py", 3, "t:1", "50%\r\nnext"),
            "::error file=a%2Cb%3Ac.py,line=3,title=t%3A1::50%25%0D%0Anext\n"
        );
    }

    #[test]
    fn a_stale_mark_is_annotated_on_its_line() {
        let source = "# description: x\n# diverges: pypy: old\n# diverges: rustpython [stdout]: why\nprint(1)\n";
        assert_eq!(mark_line(source, "rustpython"), Some(3));
        assert_eq!(mark_line(source, "pypy"), Some(2));
        assert_eq!(
            mark_line("# diverges: cpython: x\n", "cpython-3.12"),
            Some(1)
        );
        assert_eq!(mark_line(source, "cpython-3.11"), None);
    }
}
