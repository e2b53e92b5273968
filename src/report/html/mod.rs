//! The HTML report: one self-contained page, readable offline (inline CSS and JS,
//! no external URL; they are page.css and page.js here, with panel.html). The matrix has one row per case, grouped by topic (a topic
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
//! (`markup::html`) in the markup and reaches the panel only through `textContent`.

mod data;
mod matrix;
mod observable;
#[cfg(test)]
mod tests;

use super::markup::html as escape;
use super::{visible, Mode, Report, Status, Tally};
use data::Data;
use matrix::matrix;
use serde_json::Value;
use std::fmt::Write as _;

/// The whole page.
pub fn render(report: &Report) -> String {
    let data = Data::of(report);
    let mut out = String::with_capacity(1 << 20);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Closure conformance{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        match &report.meta.commit {
            Some(commit) => format!(" at {}", escape(&short_commit(commit))),
            None => String::new(),
        },
        observable::css(report, CSS)
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
        "<script type=\"application/json\" id=\"data\">{}</script>\n<script>{}</script>\n</body>\n</html>\n",
        script_json(&data.json),
        observable::js(report, JS)
    );
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
        Status::NotObservable => "○",
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
        Status::NotObservable => "not_observable",
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
            "<div class=\"backend\"><code>{}</code> <span class=\"lang\">Python {}</span> <span class=\"build\">{}</span>{}{}</div>",
            escape(&backend.name),
            escape(backend.language.as_deref().unwrap_or("?")),
            escape(&visible(&backend.build)),
            match backend.not_observable.is_empty() {
                true => String::new(),
                false => format!(
                    " <span class=\"unobservable\">not observable: {}</span>",
                    escape(&backend.not_observable.join(", "))
                ),
            },
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
        Status::NotObservable,
    ] {
        if status == Status::NotObservable && totals.not_observable == 0 {
            continue;
        }
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
    let mut text = format!(
        "{} pass, {} conform to the language, {} known divergence, {} fail, {} skipped",
        t.pass, t.conforms_to_language, t.known_divergence, t.fail, t.skipped
    );
    if t.not_observable > 0 {
        let _ = write!(text, ", {} not observable", t.not_observable);
    }
    text
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

/// `2026-11-21 22:24 UTC` from seconds since the Unix epoch.
fn date(seconds: u64) -> String {
    let stamp = crate::report::timestamp(seconds);
    format!("{} UTC", stamp[..16].replace('T', " "))
}

/// The panel that shows a cell's details (filled by the script).
const PANEL: &str = include_str!("panel.html");

const CSS: &str = include_str!("page.css");

const JS: &str = include_str!("page.js");
