//! The campaign summary: throughput, validity, and each unique divergence with
//! whether the corpus already had it.

use super::campaign::{Finding, Outcome};
use std::fmt::Write as _;

/// Where a finding stands against the corpus.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// No case shows this identity: new.
    New { saved: Option<String> },
    /// A case of the corpus (or an earlier finding) already shows it.
    Known { case: String },
}

pub fn render(outcome: &Outcome, statuses: &[Status], cross_version: bool) -> String {
    let stats = &outcome.stats;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "fuzz: seeds {}..{}: {} programs in {:.1}s ({:.0} programs/s), {:.1}% compiled as predicted, {} comparisons ({} skipped: program too new for the backend), {} divergent programs, {} root-cause identities",
        outcome.seeds.start,
        outcome.seeds.end,
        stats.programs,
        stats.elapsed.as_secs_f64(),
        stats.per_second(),
        stats.valid_percent(),
        stats.compared,
        stats.skipped,
        stats.findings,
        stats.signatures
    );
    if stats.unconfirmed > 0 {
        let _ = writeln!(
            out,
            "  {} differences seen in a batch did not repeat when the program ran alone (not counted)",
            stats.unconfirmed
        );
    }
    let what = if cross_version {
        "behaviour changes between versions"
    } else {
        "divergences"
    };
    if outcome.findings.is_empty() {
        let _ = writeln!(out, "no {what}");
        return out;
    }
    let short = outcome.findings.iter().filter(|f| f.lines() <= 15).count();
    let _ = writeln!(
        out,
        "{} {what}; {} of them reduced to 15 lines or fewer:",
        outcome.findings.len(),
        short
    );
    for (finding, status) in outcome.findings.iter().zip(statuses) {
        let _ = writeln!(out, "{}", line(finding, status));
    }
    out
}

fn line(finding: &Finding, status: &Status) -> String {
    let state = match status {
        Status::New { saved: Some(path) } => format!("new, saved as {path}"),
        Status::New { saved: None } => "new".to_string(),
        Status::Known { case } => format!("already shown by {case}"),
    };
    format!(
        "  {}  [{}] (vs {}; seed {}, {} programs; {} → {} lines in {} tests) — {state}",
        finding.identity,
        finding.signature,
        finding.reference,
        finding.seed,
        finding.programs,
        finding.original_lines,
        finding.lines(),
        finding.reduce_tests
    )
}
