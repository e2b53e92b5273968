use super::super::tests::sample_report;
use super::*;
use crate::version::PyVersion;
use serde_json::json;
use std::collections::BTreeSet;

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
    assert!(diff.contains("-1\n?^\n+2\n?^\n"), "{diff}");
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
