//! The HTML report: one self-contained page, readable offline (inline CSS and JS,
//! no external URL). The matrix has one row per case, grouped by topic (a topic
//! row summarises it per backend), and one column per backend; each cell is colored
//! by status. A strip per case shows its behaviour timeline: one segment per
//! CPython version with a golden, segments of the same run of identical behaviour
//! sharing a color, a bar where the behaviour changes. Clicking a cell (or opening
//! the page at `#cell=<case>@<backend>`) shows the case source, the golden it was
//! judged against, the reasons, and the diff of each differing section.
//!
//! Details live once in a JSON blob: every text (source, golden, observation, diff)
//! is stored once in a pool and cells refer to it by index, so a golden shared by
//! several backends of the same language version, or a source shared by every
//! cell of a row, is not repeated. Text from cases and backends is escaped
//! (`escape`) in the markup and reaches the panel only through `textContent`.

use super::{differing, full_section_diff, reasons, visible, Mode, Report, Status, Tally};
use crate::observation::Rendered;
use crate::version::PyVersion;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

/// The whole page.
pub fn render(report: &Report) -> String {
    let data = Data::of(report);
    let mut out = String::with_capacity(1 << 20);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Closure conformance{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        match &report.meta.commit {
            Some(commit) => format!(" at {}", escape(&short_commit(commit))),
            None => String::new(),
        }
    );
    header(&mut out, report);
    out.push_str("<main id=\"main\">\n<div id=\"matrix-wrap\">\n");
    toolbar(&mut out, &data);
    matrix(&mut out, report, &data);
    out.push_str("</div>\n");
    out.push_str(PANEL);
    out.push_str("</main>\n");
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"data\">{}</script>\n<script>{JS}</script>\n</body>\n</html>\n",
        script_json(&data.json)
    );
    out
}

/// Text made safe for HTML element content and attribute values (single or
/// double quoted).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON that cannot end the `<script>` element holding it, nor open a comment in
/// it: every `<` (only ever inside a string) becomes `\u003c`.
fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The symbol shown in a cell of each status.
fn symbol(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::ConformsToLanguage => "§",
        Status::KnownDivergence => "≈",
        Status::Fail => "✗",
        Status::Skipped => "–",
    }
}

/// The status as `data-status` and CSS classes name it (as the JSON report does).
fn key(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::ConformsToLanguage => "conforms_to_language",
        Status::KnownDivergence => "known_divergence",
        Status::Fail => "fail",
        Status::Skipped => "skipped",
    }
}

/// Every text of the page, once each.
#[derive(Default)]
struct Pool {
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
struct Data {
    /// Every golden version of any case, in order: the timeline's axis.
    versions: Vec<PyVersion>,
    /// Per (case id, backend): the index of its outcome.
    cell: HashMap<(String, String), usize>,
    json: Value,
}

impl Data {
    fn of(report: &Report) -> Data {
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
                "against": pool.add(visible(&outcome.against).into_owned()),
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
                        &outcome.against,
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
fn text_of(rendered: &Rendered) -> Option<String> {
    (*rendered != Rendered::default()).then(|| visible(&rendered.to_text()).into_owned())
}

/// `3.6–3.11`, `3.12`: the versions of a run.
fn span(run: &[PyVersion]) -> String {
    match run {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first}–{last}"),
    }
}

/// `11058efbe304+dirty` for a full commit hash with its `+dirty`.
fn short_commit(commit: &str) -> String {
    let (hash, rest) = commit.split_at(commit.find('+').unwrap_or(commit.len()));
    format!("{}{rest}", hash.get(..12).unwrap_or(hash))
}

fn header(out: &mut String, report: &Report) {
    let meta = &report.meta;
    let totals = report.totals();
    let mode = match &report.mode {
        Mode::Goldens => {
            "<b>goldens</b>: each backend judged against the goldens of its own language version"
                .to_string()
        }
        Mode::Diff { reference } => format!(
            "<b>diff</b> against <code>{}</code> ({}): no goldens",
            escape(&reference.name),
            escape(&visible(&reference.build))
        ),
    };
    let _ = write!(
        out,
        "<header>\n<h1>Closure conformance</h1>\n<p class=\"meta\">{mode}. \
         {} cases × {} backends = {} checks: {}. \
         Commit <code>{}</code> · {} · {} · {:.1} s · closure-conformance {}</p>\n",
        report.cases.len(),
        report.backends.len(),
        report.outcomes.len(),
        counts(totals),
        escape(meta.commit.as_deref().unwrap_or("unknown")),
        escape(&meta.machine),
        date(meta.started),
        meta.seconds,
        escape(&meta.tool),
    );
    out.push_str("<div class=\"legend\">\n");
    for backend in &report.backends {
        let _ = writeln!(
            out,
            "<div class=\"backend\"><code>{}</code> <span class=\"lang\">Python {}</span> <span class=\"build\">{}</span>{}</div>",
            escape(&backend.name),
            escape(backend.language.as_deref().unwrap_or("?")),
            escape(&visible(&backend.build)),
            backend.error.as_deref().map_or(String::new(), |why| format!(
                " <strong class=\"dead\">did not start: {}</strong>",
                escape(&visible(why))
            )),
        );
    }
    out.push_str("</div>\n<p class=\"keys\">");
    for status in [
        Status::Pass,
        Status::ConformsToLanguage,
        Status::KnownDivergence,
        Status::Fail,
        Status::Skipped,
    ] {
        let _ = write!(
            out,
            "<span class=\"key {}\">{}</span> {} ",
            key(status),
            symbol(status),
            status.name()
        );
    }
    out.push_str(
        "· <span class=\"seg r0\"></span><span class=\"seg r1 chg\"></span><span class=\"seg r2 chg\"></span> \
         timeline: one segment per CPython version with a golden; one color per run of identical \
         behaviour, a bar where it changes · click a cell for its source, golden and diff</p>\n",
    );
    if !report.bad_cases.is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"bad\"><b>{} bad case files</b> (the run fails):<ul>",
            report.bad_cases.len()
        );
        for error in &report.bad_cases {
            let _ = writeln!(out, "<li>{}</li>", escape(&visible(&error.to_string())));
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</header>\n");
}

fn counts(t: Tally) -> String {
    format!(
        "{} pass, {} conform to the language, {} known divergence, {} fail, {} skipped",
        t.pass, t.conforms_to_language, t.known_divergence, t.fail, t.skipped
    )
}

fn toolbar(out: &mut String, data: &Data) {
    let _ = writeln!(
        out,
        "<div id=\"toolbar\"><input id=\"filter\" type=\"search\" placeholder=\"filter cases\"> \
         <label><input id=\"only-problems\" type=\"checkbox\"> only cases not passing everywhere</label> \
         {}</div>",
        if data.versions.is_empty() {
            ""
        } else {
            "<label><input id=\"only-changes\" type=\"checkbox\"> only cases whose behaviour changes across versions</label>"
        }
    );
}

fn matrix(out: &mut String, report: &Report, data: &Data) {
    let backends = report.backend_names();
    let tallies = report.tally();
    let has_timeline = !data.versions.is_empty();
    let count = |topic: &str, backend: &str| super::cell(&tallies, topic, backend);

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
    let figures = super::figures::figures(report);
    for backend in &backends {
        let t = count(super::ALL_TOPICS, backend);
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
                Some(_) => super::figures::percent(&f),
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
        summary_cell(out, backend, count(super::ALL_TOPICS, backend));
    }
    out.push_str("</tr>\n</thead>\n");

    let mut by_topic: BTreeMap<&str, Vec<&super::CaseInfo>> = BTreeMap::new();
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
fn worst(t: Tally) -> &'static str {
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

fn summary_cell(out: &mut String, backend: &str, t: Tally) {
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
fn strip(out: &mut String, versions: &[PyVersion], timeline: &[Vec<PyVersion>]) {
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

/// `2026-11-21 22:24 UTC` from seconds since the Unix epoch.
fn date(seconds: u64) -> String {
    let stamp = super::timestamp(seconds);
    format!("{} UTC", stamp[..16].replace('T', " "))
}

const PANEL: &str = r##"<aside id="panel" hidden>
<div class="bar"><h2 id="p-title"></h2><span id="p-status"></span><button id="p-close" title="close (Esc)">×</button></div>
<div class="cols">
<div>
<p id="p-description"></p>
<ul id="p-reasons"></ul>
<div id="p-diffs"></div>
<div id="p-refresh-box"><h3>To accept the new behaviour</h3><pre id="p-refresh"></pre></div>
<div id="p-runs-box"><h3>Behaviour across CPython versions</h3><div id="p-runs"></div></div>
</div>
<div>
<h3>Judged against <span id="p-against"></span></h3>
<pre id="p-golden"></pre>
<div id="p-actual-box"><h3>Observed on <span id="p-backend"></span></h3><pre id="p-actual"></pre></div>
</div>
<div>
<h3>Source <span id="p-path"></span></h3>
<pre id="p-source"></pre>
</div>
</div>
</aside>
"##;

const CSS: &str = r##"
:root { --panel: clamp(280px, 48vh, 1000px); --pass: #7cc47f; --kd: #f2c744; --fail: #e0524d; --skip: #d3d3d3; --line: #e4e4e4; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.35 system-ui, "DejaVu Sans", sans-serif; color: #1d1d1d; background: #fff; }
code, pre, .name, .cell, .sum { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
header { padding: 10px 16px 6px; border-bottom: 1px solid var(--line); background: #fafafa; }
h1 { font-size: 20px; margin: 0 0 4px; }
.meta { margin: 0 0 6px; }
.legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 1px 14px; font-size: 12px; }
.legend .lang { color: #555; }
.legend .build { color: #777; }
.keys { margin: 6px 0 0; font-size: 12px; color: #333; }
.key { display: inline-block; width: 18px; text-align: center; border-radius: 3px; font-weight: bold; }
.bad { color: #a00; }
#matrix-wrap { width: max-content; padding: 6px 16px 40px; }
body.panel-open #matrix-wrap { padding-bottom: calc(var(--panel) + 16px); }
body.panel-open td.cell { scroll-margin: 110px 8px calc(var(--panel) + 8px) 8px; }
#toolbar { margin: 2px 0 6px; font-size: 12px; }
#toolbar input[type=search] { width: 220px; font: inherit; padding: 1px 4px; }
#toolbar label { margin-left: 10px; }
table#matrix { border-collapse: separate; border-spacing: 0; }
#matrix thead { position: sticky; top: 0; z-index: 2; background: #fff; }
#matrix th, #matrix td { padding: 0; border-bottom: 1px solid #fff; border-right: 1px solid #fff; }
#matrix th.name { text-align: left; font-weight: normal; max-width: 370px; min-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding: 0 8px 0 2px; font-size: 12px; }
#matrix thead th { vertical-align: bottom; }
#matrix th.b { width: 50px; min-width: 50px; font-weight: normal; font-size: 11px; padding-bottom: 3px; }
#matrix th.b div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; margin: 0 auto; }
#matrix tr.names th.name, #matrix th.tl { font-weight: bold; font-size: 12px; padding-bottom: 3px; }
#matrix .tl { padding: 0 10px 0 4px; white-space: nowrap; font-size: 11px; color: #555; text-align: left; }
.axis { display: flex; font-weight: normal; color: #555; font-size: 10px; margin-bottom: 2px; }
.axis span { width: 22px; text-align: center; }
tr.conformance td.sum, tr.totals td.sum { font-size: 10px; height: 20px; letter-spacing: -0.2px; }
tr.conformance td.sum { font-size: 11px; }
tr.conformance td.sum { font-weight: bold; }
tr.totals td, tr.totals th { border-bottom: 2px solid #999 !important; }
td.sum { text-align: center; font-size: 10px; color: #222; }
td.sum.pass { background: #dff0df; }
td.sum.known_divergence { background: #fbedbf; }
td.sum.fail { background: #f6cfcd; }
td.sum.skipped { background: #eee; }
#matrix tr.topic th.name { font-weight: bold; font-size: 13px; padding-top: 8px; font-family: system-ui, "DejaVu Sans", sans-serif; border-bottom: 1px solid #bbb; }
#matrix tr.topic td.tl { border-bottom: 1px solid #bbb; }
tr.topic th .n { font-weight: normal; color: #777; font-size: 11px; }
tr.topic td { padding-top: 8px; background-clip: content-box; }
tr.topic td.tl { color: #a04000; }
td.cell { width: 50px; height: 17px; text-align: center; cursor: pointer; font-size: 12px; line-height: 17px; color: #fff; }
td.cell.pass, .key.pass { background: var(--pass); color: #fff; }
td.cell.known_divergence, .key.known_divergence { background: var(--kd); color: #4a3a00; }
td.cell.conforms_to_language, .key.conforms_to_language { background: #1f78b4; color: #fff; }
td.cell.fail, .key.fail { background: var(--fail); color: #fff; font-weight: bold; }
td.cell.skipped, .key.skipped { background: var(--skip); color: #666; }
td.cell:hover { outline: 2px solid #333; outline-offset: -2px; }
td.cell.selected { outline: 3px solid #0050c8; outline-offset: -3px; }
td.none { background: #f6f6f6; }
tr.case:hover th.name { background: #eef3fb; }
tr.case.has-fail th.name { color: #b3140d; font-weight: bold; }
tr.case.has-kd th.name { color: #7a5a00; }
.strip { display: inline-flex; vertical-align: middle; }
.seg { display: inline-block; width: 22px; height: 12px; border-left: 1px solid #fff; vertical-align: middle; }
.seg.none { background: repeating-linear-gradient(135deg, #f2f2f2 0 3px, #fff 3px 6px); }
.seg.r0 { background: #a9c3dc; }
.seg.r1 { background: #ef8a3c; }
.seg.r2 { background: #8a5cc4; }
.seg.r3 { background: #2a9d8f; }
.seg.r4 { background: #d6457a; }
.seg.r5 { background: #6b6b6b; }
.seg.chg { border-left: 3px solid #111; }
.at { margin-left: 6px; color: #a04000; font-size: 11px; }
tr.changes th.name::after { content: " ◆"; color: #ef8a3c; font-size: 10px; }
#panel { position: fixed; left: 0; right: 0; bottom: 0; height: var(--panel); overflow: auto; z-index: 5; border-top: 1px solid #999; box-shadow: 0 -4px 14px rgba(0, 0, 0, 0.15); background: #fcfcfc; padding: 0 16px 16px; }
#panel .bar { display: flex; align-items: center; gap: 12px; position: sticky; top: 0; z-index: 1; background: #fcfcfc; padding: 6px 0; border-bottom: 1px solid #e4e4e4; }
#panel h2 { font-size: 15px; margin: 0; word-break: break-all; }
#p-status { flex: 1; color: #444; }
#panel .cols { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
#p-description { margin: 8px 0 0; }
#panel h3 { font-size: 13px; margin: 12px 0 4px; }
#panel h3 span { font-weight: normal; color: #555; }
#p-close { font-size: 20px; border: 0; background: none; cursor: pointer; }
#p-status .key { width: auto; padding: 0 6px; }
#panel pre { margin: 0; padding: 6px 8px; background: #fff; border: 1px solid #ddd; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
#p-reasons { margin: 6px 0; padding-left: 18px; }
#panel pre.diff { white-space: pre; overflow-x: auto; }
pre .add { background: #e3f6e3; color: #135d13; display: block; }
pre .del { background: #fbe3e2; color: #8d1a14; display: block; }
pre .hunk { color: #6c4ab6; display: block; }
pre .lbl { color: #666; display: block; }
.run { margin-top: 6px; }
.run .seg { margin-right: 6px; }
[hidden] { display: none !important; }
"##;

const JS: &str = r##"
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var T = data.texts;
  var panel = document.getElementById("panel");
  var selected = null;
  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value == null ? "" : value; }
  function show(id, yes) { $(id).hidden = !yes; }
  var names = { pass: "pass", conforms_to_language: "conforms to the language", known_divergence: "known divergence", fail: "fail", skipped: "skipped" };
  function diffInto(pre, diff) {
    pre.textContent = "";
    diff.split("\n").forEach(function (line, i, all) {
      if (i === all.length - 1 && line === "") return;
      var span = document.createElement("span");
      span.textContent = line + "\n";
      if (i < 2 && (line.startsWith("--- ") || line.startsWith("+++ "))) span.className = "lbl";
      else if (line.startsWith("@@")) span.className = "hunk";
      else if (line.startsWith("+")) span.className = "add";
      else if (line.startsWith("-")) span.className = "del";
      pre.appendChild(span);
    });
  }
  function open(td) {
    var cell = data.cells[+td.dataset.i];
    cell.backend = td.dataset.backend;
    cell.status = td.dataset.status;
    var kase = data.cases[cell.case] || { id: td.dataset.case, runs: [] };
    if (selected) selected.classList.remove("selected");
    selected = td;
    td.classList.add("selected");
    text("p-title", kase.id + " @ " + cell.backend);
    var status = $("p-status");
    status.textContent = "";
    var badge = document.createElement("span");
    badge.className = "key " + cell.status;
    badge.textContent = names[cell.status];
    status.appendChild(badge);
    var backend = data.backends.filter(function (b) { return b.name === cell.backend; })[0];
    if (backend) status.appendChild(document.createTextNode(" on " + backend.build));
    text("p-description", kase.description);
    var reasons = $("p-reasons");
    reasons.textContent = "";
    (cell.reasons || []).forEach(function (r) {
      var li = document.createElement("li");
      li.textContent = r;
      reasons.appendChild(li);
    });
    var diffs = $("p-diffs");
    diffs.textContent = "";
    (cell.diffs || []).forEach(function (d) {
      var h = document.createElement("h3");
      h.textContent = "[" + d[0] + "] differs";
      var pre = document.createElement("pre");
      pre.className = "diff";
      diffInto(pre, T[d[1]]);
      diffs.appendChild(h);
      diffs.appendChild(pre);
    });
    text("p-against", T[cell.against]);
    text("p-golden", cell.golden == null ? "(nothing: the check did not run)" : T[cell.golden]);
    show("p-actual-box", cell.actual != null);
    text("p-backend", cell.backend);
    text("p-actual", cell.actual == null ? "" : T[cell.actual]);
    show("p-refresh-box", cell.refresh != null);
    text("p-refresh", cell.refresh);
    var runs = $("p-runs");
    runs.textContent = "";
    show("p-runs-box", (kase.runs || []).length > 0);
    (kase.runs || []).forEach(function (run, i) {
      var div = document.createElement("div");
      div.className = "run";
      var seg = document.createElement("span");
      seg.className = "seg r" + Math.min(i, 5);
      div.appendChild(seg);
      var note = kase.runs.length === 1 ? ": the same on every version with a golden" : i === 0 ? "" : ": behaviour changes";
      div.appendChild(document.createTextNode(run.versions + note));
      if (run.diff != null) {
        var pre = document.createElement("pre");
        pre.className = "diff";
        diffInto(pre, T[run.diff]);
        div.appendChild(pre);
      }
      runs.appendChild(div);
    });
    text("p-path", kase.path);
    text("p-source", T[kase.source]);
    panel.hidden = false;
    document.body.classList.add("panel-open");
    panel.scrollTop = 0;
  }
  // A link to the open cell, without a new history entry per click.
  function setHash(hash) {
    try { history.replaceState(null, "", location.pathname + location.search + hash); } catch (e) { /* some file:// pages refuse */ }
  }
  function close() {
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (selected) selected.classList.remove("selected");
    selected = null;
    if (location.hash) setHash("");
  }
  function fromHash() {
    var m = /^#cell=(.*)@([^@]*)$/.exec(location.hash);
    if (!m) return;
    var kase = decodeURIComponent(m[1]), backend = decodeURIComponent(m[2]);
    var cells = document.querySelectorAll("td.cell");
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].dataset.case === kase && cells[i].dataset.backend === backend) {
        open(cells[i]);
        cells[i].scrollIntoView({ block: "nearest", inline: "nearest" });
        return;
      }
    }
  }
  $("matrix").addEventListener("click", function (e) {
    var td = e.target.closest("td.cell");
    if (!td) return;
    setHash("#cell=" + encodeURIComponent(td.dataset.case).replace(/%2F/g, "/") + "@" + encodeURIComponent(td.dataset.backend));
    open(td);
  });
  // Tooltips made on demand rather than stored in every cell.
  $("matrix").addEventListener("mouseover", function (e) {
    var td = e.target.closest("td.cell");
    if (td && !td.title) td.title = td.dataset.case + " @ " + td.dataset.backend + ": " + names[td.dataset.status];
  });
  $("p-close").addEventListener("click", close);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  window.addEventListener("hashchange", fromHash);
  function filter() {
    var words = $("filter").value.trim().toLowerCase();
    var problems = $("only-problems").checked;
    var changes = $("only-changes") ? $("only-changes").checked : false;
    document.querySelectorAll("#matrix tbody").forEach(function (body) {
      var any = false;
      body.querySelectorAll("tr.case").forEach(function (tr) {
        var keep = (!words || tr.dataset.id.toLowerCase().indexOf(words) >= 0) &&
          (!problems || tr.classList.contains("has-fail") || tr.classList.contains("has-kd")) &&
          (!changes || tr.classList.contains("changes"));
        tr.hidden = !keep;
        any = any || keep;
      });
      body.hidden = !any;
    });
  }
  ["filter", "only-problems", "only-changes"].forEach(function (id) {
    if ($(id)) $(id).addEventListener("input", filter);
  });
  fromHash();
})();
"##;

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::*;

    fn blob(page: &str) -> Value {
        let start = page
            .find("<script type=\"application/json\" id=\"data\">")
            .unwrap();
        let rest = &page[start..];
        let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
        serde_json::from_str(body).unwrap()
    }

    #[test]
    fn escape_makes_markup_and_quotes_inert() {
        assert_eq!(
            escape("<script>alert(\"x\" + 'y')</script> & co"),
            "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; co"
        );
        assert_eq!(
            script_json(&json!(["</script><!--"])),
            "[\"\\u003c/script>\\u003c!--\"]"
        );
    }

    #[test]
    fn one_cell_per_outcome_with_its_status() {
        let report = sample_report();
        let page = render(&report);
        assert_eq!(
            page.matches("<td class=\"cell ").count(),
            report.outcomes.len()
        );
        for status in ["pass", "known_divergence", "fail", "skipped"] {
            assert_eq!(
                page.matches(&format!("data-status=\"{status}\"")).count(),
                1,
                "{status}"
            );
        }
        assert!(page.contains(
            "<td class=\"cell fail\" data-case=\"errors/c\" data-backend=\"cpython-3.11\" data-status=\"fail\""
        ));
        // The rustpython column has no outcomes: empty cells, not matrix cells.
        assert_eq!(page.matches("<td class=\"none\">").count(), 4);
        assert!(page.contains("<code>rustpython</code>"), "the legend");
        assert!(page.contains("Commit <code>abc123</code>"));
        assert!(page.contains("2026-11-21 22:24 UTC"));
        assert!(page.contains("33.3%"), "the conformance of cpython-3.11");
    }

    #[test]
    fn case_text_stays_text_and_the_page_is_self_contained() {
        let mut report = sample_report();
        report.cases[0].case.source = "print('</script><script>alert(1)</script>')\n".into();
        report.backends[1].build = "<b>bold</b>".into();
        let page = render(&report);
        // The page's own two scripts, and nothing a case wrote.
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        assert_eq!(page.matches("</script>").count(), 2, "{page}");
        assert!(!page.contains("<b>bold</b>"));
        assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
        assert!(!page.contains("http://") && !page.contains("https://"));
        let data = blob(&page);
        let texts: Vec<&str> = data["texts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let source = data["cases"][0]["source"].as_u64().unwrap() as usize;
        assert_eq!(texts[source], report.cases[0].case.source);
        assert_eq!(data["cells"][1]["reasons"][0], "wording | <script>");
        // The failure carries its diff, the golden and what was observed.
        let fail = &data["cells"][2];
        assert_eq!(fail["case"], 2);
        let diff = texts[fail["diffs"][0][1].as_u64().unwrap() as usize];
        assert!(diff.contains("-[-1-]\n+{+2+}\n"), "{diff}");
        assert!(texts[fail["actual"].as_u64().unwrap() as usize].contains("[stdout]\n2\n"));
        // A pass shows no observation of its own: it is the golden.
        assert!(data["cells"][0].get("actual").is_none());
    }

    #[test]
    fn texts_are_stored_once() {
        let mut report = sample_report();
        // The same case on a second backend of the same language: same source,
        // same golden.
        let mut twin = report.outcomes[0].clone();
        twin.backend = "rustpython".into();
        report.outcomes.insert(1, twin);
        let page = render(&report);
        let data = blob(&page);
        assert_eq!(data["cells"][0]["golden"], data["cells"][1]["golden"]);
        let texts = data["texts"].as_array().unwrap();
        let unique: BTreeSet<&str> = texts.iter().map(|t| t.as_str().unwrap()).collect();
        assert_eq!(unique.len(), texts.len());
    }

    #[test]
    fn the_timeline_shows_where_behaviour_changes() {
        let mut report = sample_report();
        let v = |minor| PyVersion::new(3, minor);
        report.cases[0].timeline = vec![vec![v(10), v(11)], vec![v(12)]];
        report.cases[1].timeline = vec![vec![v(11), v(12)]];
        let page = render(&report);
        assert!(page.contains(
            "<span title=\"3.10\">10</span><span title=\"3.11\">11</span><span title=\"3.12\">12</span>"
        ));
        // Case a: two runs, a change at 3.12.
        assert!(page.contains(
            "<span class=\"seg r0\" title=\"3.10: behaviour 1 of 2 (3.10–3.11)\"></span>\
             <span class=\"seg r0\" title=\"3.11: behaviour 1 of 2 (3.10–3.11)\"></span>\
             <span class=\"seg r1 chg\" title=\"3.12: behaviour 2 of 2 (3.12)\"></span>"
        ));
        assert!(page.contains("<span class=\"at\">→ 3.12</span>"));
        // Case b: no golden for 3.10, one behaviour after.
        assert!(page.contains("<span class=\"seg none\" title=\"3.10: no golden\"></span>"));
        assert_eq!(page.matches("<tr class=\"case changes").count(), 1);
        let data = blob(&page);
        assert_eq!(data["cases"][0]["runs"][1]["versions"], "3.12");
    }
}
