//! The JSON report, schema `closure-conformance/report` version 1
//! (docs/reports.md): the run's metadata, the backends, one row per case ×
//! backend with its status, the sections that differ, the reasons and the full
//! diffs, the tallies, and the bad case files.

use super::{differing, full_section_diff, reasons, Mode, Report, Status, Tally};
use serde::Serialize;
use std::collections::BTreeMap;

/// The schema's name and version; the version changes whenever a field changes
/// meaning or goes away (new fields may be added within a version).
pub const SCHEMA: &str = "closure-conformance/report";
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    schema_version: u32,
    meta: &'a super::Meta,
    /// `goldens`, or `diff` (then `reference` names the backend compared with).
    mode: &'static str,
    reference: Option<&'a super::BackendInfo>,
    backends: &'a [super::BackendInfo],
    rows: Vec<Row<'a>>,
    /// Per backend, over every case.
    totals: BTreeMap<&'a str, Tally>,
    /// Per topic, per backend.
    topics: BTreeMap<String, BTreeMap<String, Tally>>,
    /// Per backend: distinct root causes it differs on, and its conformance
    /// (hand-written checks and one per root cause of `found`).
    figures: BTreeMap<String, super::figures::Figures>,
    bad_cases: Vec<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    case: &'a str,
    topic: &'a str,
    path: &'a str,
    backend: &'a str,
    status: Status,
    /// What the observation was compared with.
    against: String,
    /// The sections that differ (of a failure, or of a known divergence).
    sections: Vec<&'static str>,
    reasons: Vec<String>,
    /// Unified diffs of those sections, uncolored and uncut.
    diffs: BTreeMap<&'static str, String>,
}

pub fn render(report: &Report) -> String {
    let rows = report
        .outcomes
        .iter()
        .map(|outcome| {
            let sections = differing(outcome);
            Row {
                case: &outcome.case.id,
                topic: &outcome.case.topic,
                path: &outcome.case.display_path,
                backend: &outcome.backend,
                status: Status::of(&outcome.verdict),
                against: outcome.against.to_string(),
                sections: sections.iter().map(|s| s.name()).collect(),
                reasons: reasons(outcome),
                diffs: sections
                    .iter()
                    .map(|&s| {
                        let diff = full_section_diff(
                            outcome.expected.get(s),
                            outcome.actual.get(s),
                            &outcome.against.to_string(),
                            &outcome.backend,
                        );
                        (s.name(), diff)
                    })
                    .collect(),
            }
        })
        .collect();
    let mut totals: BTreeMap<&str, Tally> = report
        .backends
        .iter()
        .map(|b| (b.name.as_str(), Tally::default()))
        .collect();
    for outcome in &report.outcomes {
        totals
            .entry(outcome.backend.as_str())
            .or_default()
            .add(&outcome.verdict);
    }
    let mut topics = report.tally();
    topics.remove(super::ALL_TOPICS);
    let (mode, reference) = match &report.mode {
        Mode::Goldens => ("goldens", None),
        Mode::Diff { reference } => ("diff", Some(reference)),
    };
    let document = Document {
        schema: SCHEMA,
        schema_version: SCHEMA_VERSION,
        meta: &report.meta,
        mode,
        reference,
        backends: &report.backends,
        rows,
        totals,
        topics,
        figures: super::figures::figures(report),
        bad_cases: report.bad_cases.iter().map(|e| e.to_string()).collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::*;

    #[test]
    fn every_case_and_backend_is_a_row_with_its_status() {
        let value: serde_json::Value = serde_json::from_str(&render(&sample_report())).unwrap();
        assert_eq!(value["schema"], SCHEMA);
        assert_eq!(value["schema_version"], SCHEMA_VERSION);
        assert_eq!(value["mode"], "goldens");
        assert_eq!(value["meta"]["commit"], "abc123");
        let rows = value["rows"].as_array().unwrap();
        let statuses: Vec<&str> = rows.iter().map(|r| r["status"].as_str().unwrap()).collect();
        assert_eq!(
            statuses,
            ["pass", "known_divergence", "fail", "skipped"],
            "{rows:?}"
        );
        let failed = &rows[2];
        assert_eq!(failed["sections"], serde_json::json!(["stdout"]));
        assert!(failed["diffs"]["stdout"].as_str().unwrap().contains("+2"));
        let diverged = &rows[1];
        assert_eq!(diverged["sections"], serde_json::json!(["exception"]));
        assert_eq!(value["totals"]["cpython-3.11"]["fail"], 1);
        assert_eq!(value["totals"]["rustpython"]["pass"], 0);
        assert_eq!(value["topics"]["errors"]["cpython-3.11"]["skipped"], 1);
    }
}
