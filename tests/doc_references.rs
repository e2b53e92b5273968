//! Every `docs/<name>.md` the code, the tests, the scripts and the docs point a
//! reader to exists (`--help` once named a report-format page under docs/ that never existed).

use std::path::Path;

const REPOSITORY: &str = env!("CARGO_MANIFEST_DIR");

/// `docs/<name>.md` references in `text`.
fn references(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("docs/") {
        let tail = &rest[at + "docs/".len()..];
        let name: String = tail
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "_-.".contains(*c))
            .collect();
        if let Some(stem) = name
            .strip_suffix(".md")
            .or_else(|| name.find(".md").filter(|&i| i > 0).map(|i| &name[..i]))
        {
            found.push(format!("docs/{stem}.md"));
        }
        rest = tail;
    }
    found
}

#[test]
fn references_are_found_in_text() {
    assert_eq!(
        references("see docs/reports.md, and (docs/case-format.md#marks); docs/ alone"),
        ["docs/reports.md", "docs/case-format.md"]
    );
}

#[test]
fn every_docs_file_pointed_to_exists() {
    let root = Path::new(REPOSITORY);
    let mut missing = Vec::new();
    let mut checked = 0;
    for start in ["src", "tests", "scripts", "docs", ".ci", "README.md"] {
        for entry in walkdir::WalkDir::new(root.join(start)) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue; // not text
            };
            for reference in references(&text) {
                checked += 1;
                if !root.join(&reference).is_file() {
                    let from = entry.path().strip_prefix(root).unwrap().display();
                    missing.push(format!("{from}: {reference}"));
                }
            }
        }
    }
    assert!(checked > 20, "found only {checked} references");
    assert!(missing.is_empty(), "no such file: {missing:#?}");
}
