//! A run that checked nothing is not a pass: when every check was skipped (each
//! case needs another Python than the backends'), the run ends with one line
//! saying so and exit status 2, as when no case matches.

use super::{reasons, Report};

impl Report {
    /// Why this run checked nothing, when it did not (and nothing else went wrong).
    pub fn nothing_checked(&self) -> Option<String> {
        let totals = self.totals();
        let quiet = self.bad_cases.is_empty() && self.dead_backends().is_empty();
        if totals.ran() > 0 || !quiet {
            return None;
        }
        let first = self.outcomes.first().map(reasons).unwrap_or_default();
        Some(match first.first() {
            Some(why) => format!(
                "nothing was checked: all {} checks were skipped (such as {}: {why})",
                totals.skipped, self.outcomes[0].case.id
            ),
            None => "nothing was checked".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;

    #[test]
    fn only_a_run_whose_every_check_was_skipped_checked_nothing() {
        let mut report = sample_report();
        assert_eq!(report.nothing_checked(), None);
        report.outcomes.drain(..3);
        assert_eq!(
            report.nothing_checked().as_deref(),
            Some("nothing was checked: all 1 checks were skipped (such as errors/d: needs Python >=3.12)")
        );
    }
}
