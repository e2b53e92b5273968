//! Backends that did not start (a worker that exits at start-up, a command that
//! cannot run): each is one error in every format — not a failure per case — and
//! fails the run.

use super::{BackendInfo, Report};

impl Report {
    /// The backends that did not start, with why (one line each).
    pub fn dead_backends(&self) -> Vec<(&BackendInfo, &str)> {
        self.backends
            .iter()
            .filter_map(|b| b.error.as_deref().map(|why| (b, why)))
            .collect()
    }
}

/// The one line that says a backend did not start.
pub fn message(backend: &BackendInfo, why: &str) -> String {
    format!("backend {} did not start: {why}", backend.name)
}

/// A worker's reason for not starting in one line: its lines joined, blank ones
/// dropped, so that every format can show it where one line goes.
pub fn one_line(why: &str) -> String {
    why.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ⏎ ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::super::{Exit, Format, Palette};
    use super::*;

    /// The sample report with its rustpython column dead at start-up.
    fn with_a_dead_backend() -> super::super::Report {
        let mut report = sample_report();
        report.outcomes.remove(2); // the failure: only the dead backend fails
        report.backends[1].error = Some(one_line(
            "worker crashed: exited with exit status: 127; its stderr ended with:\nfatal: libfoo.so not found\n",
        ));
        report
    }

    #[test]
    fn a_dead_backend_fails_the_run_and_is_one_line() {
        let report = with_a_dead_backend();
        assert_eq!(report.exit(), Exit::Failed);
        let dead = report.dead_backends();
        assert_eq!(dead.len(), 1);
        assert_eq!(
            message(dead[0].0, dead[0].1),
            "backend rustpython did not start: worker crashed: exited with exit status: 127; its stderr ended with: ⏎ fatal: libfoo.so not found"
        );
        let mut alive = sample_report();
        alive.outcomes.remove(2);
        assert_eq!(alive.exit(), Exit::Passed);
    }

    #[test]
    fn every_format_says_it_once() {
        let report = with_a_dead_backend();
        for format in Format::ALL {
            let text = format.render(&report, Palette::new(false));
            // The page also carries the JSON of its backends, for its script.
            let shown = match format {
                Format::Html => text
                    .matches("<strong class=\"dead\">did not start: ")
                    .count(),
                _ => text.matches("libfoo.so not found").count(),
            };
            assert_eq!(shown, 1, "{}:\n{text}", format.name());
        }
        let github = Format::Github.render(&report, Palette::new(false));
        assert_eq!(github.lines().count(), 1, "{github}");
        assert!(
            github.starts_with("::error title=backend rustpython did not start::"),
            "{github}"
        );
        let junit = Format::Junit.render(&report, Palette::new(false));
        assert_eq!(junit.matches("<error ").count(), 1, "{junit}");
        assert!(junit.contains("type=\"backend did not start\""), "{junit}");
    }
}
