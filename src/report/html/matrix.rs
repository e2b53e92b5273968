//! The matrix: a row per case grouped by topic, a column per backend, and the
//! behaviour timeline strip of each case.

use super::super::{visible, CaseInfo, Report, Status, Tally};
use super::data::{span, Data};
use super::{counts, escape, key, symbol};
use crate::version::PyVersion;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

pub(super) fn matrix(out: &mut String, report: &Report, data: &Data) {
    let backends = report.backend_names();
    let tallies = report.tally();
    let has_timeline = !data.versions.is_empty();
    let count = |topic: &str, backend: &str| crate::report::cell(&tallies, topic, backend);

    out.push_str(
        "<table id=\"matrix\">\n<thead>\n<tr class=\"names\"><th class=\"name\">case</th>",
    );
    if has_timeline {
        out.push_str("<th class=\"tl\"><div class=\"axis\">");
        for version in &data.versions {
            let _ = write!(
                out,
                "<span title=\"{version}\">{}</span>",
                if version.major == 3 {
                    version.minor.to_string()
                } else {
                    version.to_string()
                }
            );
        }
        out.push_str("</div>timeline (3.x)</th>");
    }
    for backend in &report.backends {
        let _ = write!(
            out,
            "<th class=\"b\" title=\"{}\"><div>{}</div></th>",
            escape(&visible(&backend.build)),
            escape(&backend.name)
        );
    }
    out.push_str("</tr>\n<tr class=\"conformance\"><th class=\"name\">conformance</th>");
    if has_timeline {
        let changing = report.cases.iter().filter(|c| c.timeline.len() > 1).count();
        let _ = write!(
            out,
            "<td class=\"tl\">{changing} of {} cases change</td>",
            report.cases.len()
        );
    }
    let figures = crate::report::figures::figures(report);
    for backend in &backends {
        let t = count(crate::report::ALL_TOPICS, backend);
        let f = figures.get(backend).copied().unwrap_or_default();
        let _ = write!(
            out,
            "<td class=\"sum {}\" title=\"{}: {} (hand-written); {} root causes; found counts once per root cause\">{}</td>",
            worst(t),
            escape(backend),
            counts(t),
            f.root_causes,
            match f.conformance {
                Some(p) if p >= 100.0 => "100%".to_string(),
                Some(_) => crate::report::figures::percent(&f),
                None => "–".to_string(),
            }
        );
    }
    out.push_str("</tr>\n<tr class=\"causes\"><th class=\"name\">root causes</th>");
    if has_timeline {
        out.push_str("<td class=\"tl\"></td>");
    }
    for backend in &backends {
        let f = figures.get(backend).copied().unwrap_or_default();
        let _ = write!(
            out,
            "<td class=\"sum\" title=\"{}: distinct causes of its known divergences and failures\">{}</td>",
            escape(backend),
            f.root_causes
        );
    }
    out.push_str(
        "</tr>\n<tr class=\"totals\"><th class=\"name\">hand-written topics: pass / ran</th>",
    );
    if has_timeline {
        out.push_str("<td class=\"tl\"></td>");
    }
    for backend in &backends {
        summary_cell(out, backend, count(crate::report::ALL_TOPICS, backend));
    }
    out.push_str("</tr>\n</thead>\n");

    let mut by_topic: BTreeMap<&str, Vec<&CaseInfo>> = BTreeMap::new();
    for info in &report.cases {
        by_topic.entry(&info.case.topic).or_default().push(info);
    }
    // The fuzzer's findings after the hand-written topics.
    let mut by_topic: Vec<_> = by_topic.into_iter().collect();
    by_topic.sort_by_key(|(topic, _)| *topic == crate::cause::FOUND);
    for (topic, cases) in by_topic {
        let changing = cases.iter().filter(|c| c.timeline.len() > 1).count();
        let _ = write!(
            out,
            "<tbody data-topic=\"{0}\">\n<tr class=\"topic\"><th class=\"name\">{0} <span class=\"n\">{1} case{2}</span></th>",
            escape(topic),
            cases.len(),
            if cases.len() == 1 { "" } else { "s" }
        );
        if has_timeline {
            let _ = write!(
                out,
                "<td class=\"tl\">{}</td>",
                match changing {
                    0 => String::new(),
                    1 => "1 case changes".to_string(),
                    n => format!("{n} cases change"),
                }
            );
        }
        for backend in &backends {
            summary_cell(out, backend, count(topic, backend));
        }
        out.push_str("</tr>\n");
        for info in cases {
            let case = &info.case;
            let name = case
                .id
                .strip_prefix(&format!("{topic}/"))
                .unwrap_or(&case.id);
            let mut row_statuses = BTreeSet::new();
            let mut cells = String::new();
            for backend in &backends {
                match data.cell.get(&(case.id.clone(), backend.clone())) {
                    Some(&i) => {
                        let outcome = &report.outcomes[i];
                        let status = Status::of(&outcome.verdict);
                        row_statuses.insert(key(status));
                        let _ = write!(
                            cells,
                            "<td class=\"cell {0}\" data-case=\"{1}\" data-backend=\"{2}\" data-status=\"{0}\" data-i=\"{i}\">{3}</td>",
                            key(status),
                            escape(&case.id),
                            escape(backend),
                            symbol(status),
                        );
                    }
                    None => cells.push_str("<td class=\"none\"></td>"),
                }
            }
            let problems = if row_statuses.contains("fail") {
                " has-fail"
            } else if row_statuses.contains("known_divergence") {
                " has-kd"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<tr class=\"case{}{}\" data-id=\"{}\"><th class=\"name\" title=\"{}\">{}</th>",
                if info.timeline.len() > 1 {
                    " changes"
                } else {
                    ""
                },
                problems,
                escape(&case.id),
                escape(&visible(&format!(
                    "{}: {}",
                    case.display_path, case.header.description
                ))),
                escape(&visible(name)),
            );
            if has_timeline {
                strip(out, &data.versions, &info.timeline);
            }
            out.push_str(&cells);
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
}

/// The class of the worst status counted.
pub(super) fn worst(t: Tally) -> &'static str {
    if t.fail > 0 {
        "fail"
    } else if t.known_divergence > 0 {
        "known_divergence"
    } else if t.pass > 0 {
        "pass"
    } else {
        "skipped"
    }
}

pub(super) fn summary_cell(out: &mut String, backend: &str, t: Tally) {
    let text = if t.ran() == 0 {
        "–".to_string()
    } else {
        format!("{}/{}", t.pass + t.conforms_to_language, t.ran())
    };
    let _ = write!(
        out,
        "<td class=\"sum {}\" title=\"{}: {}\">{text}</td>",
        worst(t),
        escape(backend),
        counts(t)
    );
}

/// One segment per version of the axis: the run it belongs to, a bar where the
/// behaviour changes from the version before, nothing where the case has no golden.
pub(super) fn strip(out: &mut String, versions: &[PyVersion], timeline: &[Vec<PyVersion>]) {
    let run_of = |v: PyVersion| timeline.iter().position(|run| run.contains(&v));
    let mut title: Vec<String> = timeline.iter().map(|run| span(run)).collect();
    if title.is_empty() {
        title.push("no golden".into());
    }
    let _ = write!(
        out,
        "<td class=\"tl\" title=\"{}\"><span class=\"strip\">",
        escape(&format!(
            "{} behaviour{}: {}",
            timeline.len(),
            if timeline.len() == 1 { "" } else { "s" },
            title.join(" | ")
        ))
    );
    let mut before: Option<usize> = None;
    for &version in versions {
        match run_of(version) {
            Some(run) => {
                let change = before.is_some_and(|b| b != run);
                let _ = write!(
                    out,
                    "<span class=\"seg r{}{}\" title=\"{version}: behaviour {} of {} ({})\"></span>",
                    run.min(5),
                    if change { " chg" } else { "" },
                    run + 1,
                    timeline.len(),
                    span(&timeline[run]),
                );
                before = Some(run);
            }
            None => {
                let _ = write!(
                    out,
                    "<span class=\"seg none\" title=\"{version}: no golden\"></span>"
                );
            }
        }
    }
    out.push_str("</span>");
    if timeline.len() > 1 {
        let changes: Vec<String> = timeline[1..]
            .iter()
            .filter_map(|run| run.first().map(|v| format!("{v}")))
            .collect();
        let _ = write!(out, "<span class=\"at\">→ {}</span>", changes.join(", "));
    }
    out.push_str("</td>");
}
