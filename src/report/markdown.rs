//! The markdown report: topics (rows) × backends (columns) with pass / known
//! divergence / fail in each cell and the conformance of each backend, then the
//! divergences with their reasons and the failures. `matrix` alone is what the
//! README shows, and `parse_matrix` reads it back for the test that keeps it current.

use super::{reasons, Mode, Report, Status, Tally, ALL_TOPICS};
use crate::compare::Verdict;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The title of the row of conformance percentages.
pub use super::figures::CONFORMANCE_ROW;

/// The whole markdown report.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Closure conformance\n");
    let against = match &report.mode {
        Mode::Goldens => "the goldens of its own language version".to_string(),
        Mode::Diff { reference } => {
            format!("`{}` ({})", reference.name, cell_text(&reference.build))
        }
    };
    let _ = writeln!(
        out,
        "{} cases on {} backends, each judged against {against}. Commit {}, {}; closure-conformance {}.\n",
        report.cases.len(),
        report.backends.len(),
        report.meta.commit.as_deref().unwrap_or("unknown"),
        report.meta.machine,
        report.meta.tool,
    );
    let _ = writeln!(out, "| backend | what | language |\n|---|---|---|");
    for backend in &report.backends {
        let _ = writeln!(
            out,
            "| `{}` | {}{} | {} |",
            backend.name,
            cell_text(&backend.build),
            Report::unobservable_note(backend),
            backend.language.as_deref().unwrap_or("?")
        );
    }
    for (backend, why) in report.dead_backends() {
        let _ = writeln!(
            out,
            "\n**Error:** {}",
            cell_text(&super::dead::message(backend, why))
        );
    }
    let _ = writeln!(out, "\n## Matrix\n");
    out.push_str(&matrix(report));
    for (title, wanted) in [
        ("Known divergences", Shown::Status(Status::KnownDivergence)),
        ("Reference bugs", Shown::ReferenceBugs),
        ("Failures", Shown::Status(Status::Fail)),
    ] {
        let rows: Vec<_> = report
            .outcomes
            .iter()
            .filter(|o| wanted.shows(&o.verdict))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n## {title} ({})\n\n| case | backend | why |\n|---|---|---|",
            rows.len()
        );
        for outcome in rows {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} |",
                cell_text(&outcome.case.id),
                outcome.backend,
                cell_text(&reasons(outcome).join("; "))
            );
        }
    }
    if !report.bad_cases.is_empty() {
        let _ = writeln!(out, "\n## Bad case files ({})\n", report.bad_cases.len());
        for error in &report.bad_cases {
            let _ = writeln!(out, "- {}", cell_text(&error.to_string()));
        }
    }
    out
}

/// What a list after the matrix shows.
enum Shown {
    Status(Status),
    /// Checks a reference-bug mark judged: they copy the bug, or conform to the language.
    ReferenceBugs,
}

impl Shown {
    fn shows(&self, verdict: &Verdict) -> bool {
        match self {
            Shown::Status(status) => Status::of(verdict) == *status,
            Shown::ReferenceBugs => matches!(
                verdict,
                Verdict::CopiesReferenceBug { .. } | Verdict::ConformsToLanguage { .. }
            ),
        }
    }
}

/// The topic × backend table, a totals row, a conformance row and a legend.
pub fn matrix(report: &Report) -> String {
    let tallies = report.tally();
    let backends = report.backend_names();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| topic | {} |\n|---|{}",
        backends
            .iter()
            .map(|b| format!("`{b}`"))
            .collect::<Vec<_>>()
            .join(" | "),
        "---:|".repeat(backends.len())
    );
    let count = |topic: &str, backend: &str| super::cell(&tallies, topic, backend);
    for topic in super::figures::topic_rows(report)
        .iter()
        .map(String::as_str)
    {
        let cells: Vec<String> = backends.iter().map(|b| cell(count(topic, b))).collect();
        let name = if topic == ALL_TOPICS {
            format!("**{ALL_TOPICS}**")
        } else {
            topic.to_string()
        };
        let _ = writeln!(out, "| {name} | {} |", cells.join(" | "));
    }
    for (title, cells) in super::figures::rows(&report.outcomes, &backends) {
        let _ = writeln!(out, "| **{title}** | {} |", cells.join(" | "));
    }
    let _ = writeln!(
        out,
        "\nEach cell: pass / known divergence / fail, then `+N` skipped (the case needs another Python) \
         and `lang N`: checks that behave as the language intends where the reference records a CPython \
         bug (never counted against conformance). `all` totals the hand-written topics; `found` (the \
         fuzzer's findings) is apart. Root causes: distinct causes of a backend's known divergences \
         and failures. Conformance: passed (or as the language intends) out of the checks that ran, \
         counting every hand-written check and one per root cause of `found`, so that a second \
         witness of a known cause moves no figure."
    );
    if report.totals().not_observable > 0 {
        let _ = writeln!(
            out,
            "\n{}.",
            super::table::NOT_OBSERVABLE_LEGEND.replace("n/o N", "`n/o N`")
        );
    }
    out
}

/// One cell: `pass/known/fail`, `+N` skipped.
fn cell(t: Tally) -> String {
    let mut text = format!("{}/{}/{}", t.pass, t.known_divergence, t.fail);
    if t.skipped > 0 {
        let _ = write!(text, " +{}", t.skipped);
    }
    if t.conforms_to_language > 0 {
        let _ = write!(text, " lang {}", t.conforms_to_language);
    }
    if t.not_observable > 0 {
        let _ = write!(text, " n/o {}", t.not_observable);
    }
    text
}

/// A matrix read back from markdown: per backend column, its cell in each row
/// (topic, `**all**`, `**conformance**`).
pub type Matrix = BTreeMap<String, BTreeMap<String, String>>;

/// Reads the table `matrix` wrote (the first table in `text` whose first header
/// is `topic`); `None` when there is none.
pub fn parse_matrix(text: &str) -> Option<Matrix> {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.starts_with("| topic |"));
    let header = split_row(lines.next()?);
    lines.next()?; // the alignment row
    let backends: Vec<String> = header[1..]
        .iter()
        .map(|b| b.trim_matches('`').to_string())
        .collect();
    let mut matrix: Matrix = backends
        .iter()
        .map(|b| (b.clone(), BTreeMap::new()))
        .collect();
    for line in lines.take_while(|line| line.starts_with('|')) {
        let cells = split_row(line);
        let row = cells.first()?.clone();
        for (backend, value) in backends.iter().zip(&cells[1..]) {
            matrix.get_mut(backend)?.insert(row.clone(), value.clone());
        }
    }
    Some(matrix)
}

fn split_row(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|cell| cell.trim().to_string())
        .collect()
}

/// Text made safe for one markdown table cell: control and bidi characters
/// visible, no newline, no `|` that would end the cell, no HTML.
pub fn cell_text(text: &str) -> String {
    super::visible_line(text)
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::*;

    #[test]
    fn the_matrix_reads_back_cell_for_cell() {
        let report = sample_report();
        let text = matrix(&report);
        let parsed = parse_matrix(&text).unwrap();
        assert_eq!(parsed.len(), 2);
        let first = &parsed["cpython-3.11"];
        assert_eq!(first["basics"], "1/0/0");
        assert_eq!(first["errors"], "0/1/1 +1");
        assert_eq!(first["**all**"], "1/1/1 +1");
        assert_eq!(first["**conformance**"], "33.3%");
        let second = &parsed["rustpython"];
        assert_eq!(second["**all**"], "0/0/0");
        assert_eq!(second["**conformance**"], "–");
    }

    #[test]
    fn case_text_cannot_break_a_table() {
        assert_eq!(
            cell_text("a|b\n<script>\u{1b}"),
            "a\\|b\\x0a&lt;script&gt;\\x1b"
        );
        let report = sample_report();
        let text = render(&report);
        for line in text.lines().filter(|l| l.starts_with("| `")) {
            assert!(!line.contains("<script>"), "{line}");
        }
        assert!(text.contains("## Failures (1)"), "{text}");
        assert!(text.contains("## Known divergences (1)"), "{text}");
    }
}
