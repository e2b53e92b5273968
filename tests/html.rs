//! The HTML report in a real browser: a small corpus made in a temporary
//! directory (goldens by `regen` with python3, then one golden edited to fail and
//! one marked as a known divergence), its page rendered by headless Chromium. The
//! DOM Chromium builds must hold one matrix cell per case × backend with the
//! status the JSON report gives, and opening the page at `#cell=<case>@<backend>`
//! must show that cell's panel with the case source. `scripts/screenshot` must
//! make a PNG of it.
//!
//! Without Chromium the trial is ignored and says how to install it (failed when
//! `$CLOSURE_CONFORMANCE_REQUIRE_ALL` is set, as in .ci/run).

use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "common/needs.rs"]
mod needs;

const BIN: &str = env!("CARGO_BIN_EXE_closure-conformance");

/// Source text with characters HTML must escape, so that the panel check sees
/// them round-trip.
const COUNTER: &str = "# description: a counter keeps its state in a cell\n# source: rule: test\n# rules: t/r\n\n\
def make():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n\n\
inc = make()\nprint(inc(), inc(), 1 < 2, \"a&b\", '</script>')\n";
const LAMBDA: &str = "# description: a lambda sees the last value of the loop variable\n# source: rule: test\n# rules: t/r\n\n\
fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\n";
const UNBOUND: &str = "# description: a free variable read before it is assigned\n# source: rule: test\n# rules: t/r\n\n\
def outer():\n    def inner():\n        return x\n    try:\n        inner()\n    except NameError as e:\n        print(type(e).__name__)\n    x = 1\n\nouter()\n";
const NEWER: &str = "# description: needs a newer Python\n# source: rule: test\n# rules: t/r\n# requires: >=3.12 — a test of skipping\n\n\
def f():\n    x = 1\n    return lambda: x\n\nprint(f()())\n";

/// The flags `scripts/screenshot` uses: nothing in the background may try the
/// network, which refuses Chromium's connections here.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

fn tool(root: &Path, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(BIN)
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--python", "python3"])
        .env("CLOSURE_CONFORMANCE_HOME", root.join("no-installs"))
        .env("CLOSURE_CONFORMANCE_OFFLINE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("cases/basics/counter.py", COUNTER),
        ("cases/basics/lambda_default.py", LAMBDA),
        ("cases/errors/unbound.py", UNBOUND),
        ("cases/errors/newer.py", NEWER),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    // errors/newer has no golden: no reference here runs Python 3.12.
    let (ok, stdout, stderr) = tool(
        dir.path(),
        &["regen", "basics", "errors/unbound", "--color", "never"],
    );
    assert!(ok, "regen failed:\n{stdout}\n{stderr}");
    // A failure: the golden of errors/unbound no longer says what CPython prints.
    edit(
        &dir.path().join("expected/errors/unbound.txt"),
        "| NameError\n",
        "| KeyError\n",
    );
    // A known divergence: the golden of basics/counter is edited too, and marked.
    edit(
        &dir.path().join("expected/basics/counter.txt"),
        "| 1 2 True",
        "| 1 3 True",
    );
    edit(
        &dir.path().join("cases/basics/counter.py"),
        "# rules: t/r\n",
        "# rules: t/r\n# diverges: cpython-3.11 stdout: the golden was edited by this test\n",
    );
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{} has no {from:?}:\n{text}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn chromium() -> Result<PathBuf, String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser"] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err("chromium: not on PATH; scripts/screenshot --install installs it".into())
}

/// The DOM of a page once its scripts ran, as headless Chromium prints it.
fn dump_dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args(CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than 120 s to dump {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = reader.join().unwrap();
    let errors = errors.join().unwrap();
    assert!(
        status.success(),
        "chromium failed on {url}: {status}\n{errors}"
    );
    assert!(
        dom.contains("</html>"),
        "no DOM for {url}:\n{dom}\n{errors}"
    );
    dom
}

/// Text of serialized HTML back to what it says.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

fn element_text(dom: &str, id: &str) -> String {
    let pattern = Regex::new(&format!(r#"(?s)<[a-z0-9]+ id="{id}"[^>]*>(.*?)</"#)).unwrap();
    let captures = pattern
        .captures(dom)
        .unwrap_or_else(|| panic!("no element #{id} in the DOM"));
    unescape(&captures[1])
}

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let trials = vec![needs::trial(
        "the_page_in_chromium_has_every_cell_and_opens_one_from_the_url",
        chromium(),
        the_page_in_chromium_has_every_cell_and_opens_one_from_the_url,
    )];
    libtest_mimic::run(&args, trials).exit();
}

fn the_page_in_chromium_has_every_cell_and_opens_one_from_the_url(chromium: PathBuf) {
    let started = Instant::now();
    let dir = corpus();
    let root = dir.path();
    let backends = ["--backend", "cpython", "--backend", "rustpython"];

    // What the JSON report says of each (case, backend).
    let (_, json, stderr) = tool(
        root,
        &[&["report", "--format", "json"][..], &backends].concat(),
    );
    let json: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{stderr}"));
    let expected: BTreeMap<(String, String), String> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                (
                    row["case"].as_str().unwrap().to_string(),
                    row["backend"].as_str().unwrap().to_string(),
                ),
                row["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let statuses: std::collections::BTreeSet<&str> =
        expected.values().map(String::as_str).collect();
    assert!(
        statuses.len() >= 3 && statuses.contains("fail") && statuses.contains("known_divergence"),
        "the page should show several statuses: {expected:?}"
    );
    let backend_names: Vec<&str> = json["backends"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(backend_names, ["cpython-3.11", "rustpython"]);
    assert_eq!(expected.len(), 4 * 2);

    let page = root.join("page.html");
    let (_, stdout, stderr) = tool(
        root,
        &[
            &["report", "--format", "html", "-o", page.to_str().unwrap()][..],
            &backends,
        ]
        .concat(),
    );
    let html = std::fs::read_to_string(&page)
        .unwrap_or_else(|e| panic!("no page: {e}\n{stdout}\n{stderr}"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page must not name any URL"
    );
    let url = format!("file://{}", page.canonicalize().unwrap().display());

    // Every case × backend exactly once, with the status of the JSON report.
    let dom = dump_dom(&chromium, &url);
    let cell = Regex::new(
        r#"<td class="cell[^"]*" data-case="([^"]*)" data-backend="([^"]*)" data-status="([^"]*)""#,
    )
    .unwrap();
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for captures in cell.captures_iter(&dom) {
        let pair = (unescape(&captures[1]), unescape(&captures[2]));
        let previous = seen.insert(pair.clone(), captures[3].to_string());
        assert!(previous.is_none(), "{pair:?} has two cells");
    }
    assert_eq!(seen.len(), 4 * 2, "cells: {seen:?}");
    assert_eq!(seen, expected);
    assert!(
        Regex::new(r#"<aside id="panel" hidden"#)
            .unwrap()
            .is_match(&dom),
        "the panel starts hidden"
    );
    assert!(dom.contains("class=\"seg r0\""), "the timeline strip");

    // `#cell=case@backend` opens that cell's panel: its source, golden and diff.
    let dom = dump_dom(
        &chromium,
        &format!("{url}#cell=errors/unbound@cpython-3.11"),
    );
    assert!(
        Regex::new(r#"<aside id="panel">"#).unwrap().is_match(&dom),
        "the panel is open"
    );
    assert_eq!(
        element_text(&dom, "p-title"),
        "errors/unbound @ cpython-3.11"
    );
    assert_eq!(element_text(&dom, "p-source"), UNBOUND);
    assert!(element_text(&dom, "p-golden").contains("| KeyError"));
    assert!(dom.contains("[stdout] differs"), "the failure's diff");
    // Changed words are real highlights, made from the diff's guide line.
    assert!(
        dom.contains("<del>KeyError</del>") && dom.contains("<ins>NameError</ins>"),
        "word highlights in the diff"
    );
    assert!(
        !element_text(&dom, "p-diffs").contains("\n?"),
        "no guide line shown"
    );
    assert!(dom.contains("<td class=\"cell fail selected\" data-case=\"errors/unbound\" data-backend=\"cpython-3.11\""));

    // A source with characters HTML escapes comes back exactly.
    let dom = dump_dom(
        &chromium,
        &format!("{url}#cell=basics/counter@cpython-3.11"),
    );
    let counter = std::fs::read_to_string(root.join("cases/basics/counter.py")).unwrap();
    assert_eq!(element_text(&dom, "p-source"), counter);
    assert!(element_text(&dom, "p-reasons").contains("the golden was edited by this test"));

    // The screenshot script makes a PNG of the page.
    let png = root.join("page.png");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/screenshot");
    let output = Command::new(&script).arg(&page).arg(&png).output().unwrap();
    assert!(
        output.status.success(),
        "scripts/screenshot failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(bytes.len() > 5_000, "a PNG of {} bytes", bytes.len());

    // A cell below the first screen, its panel open: Chromium's own
    // `--screenshot` made this a blank page (1.3 KB at this size).
    let cell = root.join("cell.png");
    let output = Command::new(&script)
        .args(["--size", "900x260"])
        .arg(format!(
            "{}#cell=errors/unbound@cpython-3.11",
            page.display()
        ))
        .arg(&cell)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "scripts/screenshot #cell= failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&cell).unwrap();
    assert!(
        bytes.len() > 10_000,
        "a near-blank PNG of {} bytes",
        bytes.len()
    );
    // A cell the report does not have is an error, not a picture of the page.
    let output = Command::new(&script)
        .arg(format!(
            "{}#cell=errors/nothing@cpython-3.11",
            page.display()
        ))
        .arg(root.join("none.png"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("has no cell errors/nothing@cpython-3.11")
    );
    eprintln!("html test: {:.1} s", started.elapsed().as_secs_f64());
}
