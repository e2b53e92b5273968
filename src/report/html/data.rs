//! The data of the page: every text once in a pool, and the JSON blob cells refer to.

use super::super::{differing, full_section_diff, reasons, visible, Mode, Report, Status};
use crate::observation::Rendered;
use crate::version::PyVersion;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

/// Every text of the page, once each.
#[derive(Default)]
pub(super) struct Pool {
    texts: Vec<String>,
    index: HashMap<String, usize>,
}

impl Pool {
    fn add(&mut self, text: String) -> usize {
        if let Some(&i) = self.index.get(&text) {
            return i;
        }
        self.texts.push(text.clone());
        self.index.insert(text, self.texts.len() - 1);
        self.texts.len() - 1
    }
}

/// What the markup and the blob are made from.
pub(super) struct Data {
    /// Every golden version of any case, in order: the timeline's axis.
    pub(super) versions: Vec<PyVersion>,
    /// Per (case id, backend): the index of its outcome.
    pub(super) cell: HashMap<(String, String), usize>,
    pub(super) json: Value,
}

impl Data {
    pub(super) fn of(report: &Report) -> Data {
        let mut pool = Pool::default();
        let versions: Vec<PyVersion> = report
            .cases
            .iter()
            .flat_map(|c| c.timeline.iter().flatten().copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let case_index: HashMap<String, usize> = report
            .cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.case.id.clone(), i))
            .collect();
        let language: HashMap<&str, Option<PyVersion>> = report
            .backends
            .iter()
            .map(|b| {
                (
                    b.name.as_str(),
                    b.language.as_deref().and_then(PyVersion::of),
                )
            })
            .collect();

        let mut cells = Vec::with_capacity(report.outcomes.len());
        let mut cell = HashMap::new();
        for (i, outcome) in report.outcomes.iter().enumerate() {
            cell.insert((outcome.case.id.clone(), outcome.backend.clone()), i);
            let status = Status::of(&outcome.verdict);
            let golden = text_of(&outcome.expected).map(|t| pool.add(t));
            let mut entry = json!({
                "case": case_index.get(&outcome.case.id),
                "against": pool.add(visible(&outcome.against.to_string()).into_owned()),
                "golden": golden,
            });
            let why = reasons(outcome);
            if !why.is_empty() {
                entry["reasons"] = json!(why
                    .iter()
                    .map(|r| visible(r).into_owned())
                    .collect::<Vec<_>>());
            }
            let diffs: Vec<Value> = differing(outcome)
                .into_iter()
                .map(|section| {
                    let diff = full_section_diff(
                        outcome.expected.get(section),
                        outcome.actual.get(section),
                        &outcome.against.to_string(),
                        &outcome.backend,
                    );
                    json!([section.name(), pool.add(diff)])
                })
                .collect();
            if !diffs.is_empty() {
                entry["diffs"] = Value::Array(diffs);
            }
            if outcome.actual != Rendered::default() && outcome.actual != outcome.expected {
                entry["actual"] = json!(text_of(&outcome.actual).map(|t| pool.add(t)));
            }
            if let Some(refresh) = &outcome.refresh_command {
                if status == Status::Fail {
                    entry["refresh"] = json!(visible(refresh));
                }
            }
            cells.push(entry);
        }

        let cases: Vec<Value> = report
            .cases
            .iter()
            .map(|info| {
                let case = &info.case;
                // The golden of each run, from an outcome of a backend of one of
                // its versions, and what changes from one run to the next.
                let mut previous: Option<(String, String)> = None;
                let runs: Vec<Value> = info
                    .timeline
                    .iter()
                    .map(|run| {
                        let golden = match report.mode {
                            Mode::Goldens => report
                                .outcomes
                                .iter()
                                .filter(|o| o.case.id == case.id)
                                .filter(|o| {
                                    language
                                        .get(o.backend.as_str())
                                        .copied()
                                        .flatten()
                                        .is_some_and(|v| run.contains(&v))
                                })
                                .find_map(|o| text_of(&o.expected)),
                            Mode::Diff { .. } => None,
                        };
                        let label = span(run);
                        let mut entry = json!({ "versions": label });
                        if let Some(text) = golden {
                            if let Some((before_label, before)) = &previous {
                                let diff = full_section_diff(
                                    before,
                                    &text,
                                    &format!("golden {before_label}"),
                                    &format!("golden {label}"),
                                );
                                entry["diff"] = json!(pool.add(diff));
                            }
                            entry["golden"] = json!(pool.add(text.clone()));
                            previous = Some((label, text));
                        } else {
                            previous = None;
                        }
                        entry
                    })
                    .collect();
                json!({
                    "id": case.id,
                    "path": visible(&case.display_path),
                    "description": visible(&case.header.description),
                    "source": pool.add(visible(&case.source).into_owned()),
                    "runs": runs,
                })
            })
            .collect();

        let json = json!({
            "backends": report.backends,
            "cases": cases,
            "cells": cells,
            "texts": pool.texts,
        });
        Data {
            versions,
            cell,
            json,
        }
    }
}

/// A golden or observation as its file would show it, or `None` when there is
/// nothing (a skipped check).
pub(super) fn text_of(rendered: &Rendered) -> Option<String> {
    (*rendered != Rendered::default()).then(|| visible(&rendered.to_text()).into_owned())
}

/// `3.6–3.11`, `3.12`: the versions of a run.
pub(super) fn span(run: &[PyVersion]) -> String {
    match run {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first}–{last}"),
    }
}
