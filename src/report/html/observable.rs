//! What the page adds when a backend cannot observe every section: the color of
//! a `not observable` cell and its name in the panel. Added only then, so that the
//! page of a run of full backends stays as it was, byte for byte.

use super::super::Report;
use std::borrow::Cow;

/// Colors of the `not observable` cells and notes.
const CSS: &str =
    "\ntd.cell.not_observable, .key.not_observable { background: #e4e4f0; color: #557; }\n\
                   .unobservable { color: #557; font-style: italic; }\n";

/// The names of the statuses in page.js, and the same with `not_observable`.
const NAMES: &str = "skipped: \"skipped\" };";
const NAMES_WITH: &str = "skipped: \"skipped\", not_observable: \"not observable\" };";

fn needed(report: &Report) -> bool {
    report.backends.iter().any(|b| !b.not_observable.is_empty())
}

/// The page's style sheet for this report.
pub(super) fn css<'a>(report: &Report, base: &'a str) -> Cow<'a, str> {
    match needed(report) {
        true => Cow::Owned(format!("{base}{CSS}")),
        false => Cow::Borrowed(base),
    }
}

/// The page's script for this report.
pub(super) fn js<'a>(report: &Report, base: &'a str) -> Cow<'a, str> {
    match needed(report) {
        true => Cow::Owned(base.replacen(NAMES, NAMES_WITH, 1)),
        false => Cow::Borrowed(base),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_still_names_the_statuses_where_this_extends_them() {
        assert_eq!(super::super::JS.matches(super::NAMES).count(), 1);
    }
}
