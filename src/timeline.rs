//! The behaviour timeline of closures across CPython releases (`docs/versions.md`),
//! read from the goldens: every case whose observation changed between versions,
//! which versions and which sections, and how many cases each release changed.

use crate::case::Case;
use crate::golden::{self, Golden};
use crate::observation::Section;
use crate::version::PyVersion;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The whole of docs/versions.md. Unreadable goldens are errors, named.
pub fn markdown(cases: &[Case], expected_root: &Path) -> Result<String, String> {
    let mut goldens: Vec<(&Case, Golden)> = Vec::new();
    for case in cases {
        let golden = golden::read(expected_root, case).map_err(|e| e.to_string())?;
        goldens.push((case, golden));
    }
    let mut versions: BTreeSet<PyVersion> = BTreeSet::new();
    let mut builds: BTreeMap<PyVersion, BTreeSet<String>> = BTreeMap::new();
    for (_, golden) in &goldens {
        for (version, reference) in &golden.versions {
            versions.insert(*version);
            builds
                .entry(*version)
                .or_default()
                .insert(reference.made_by.clone());
        }
    }
    let changing: Vec<&(&Case, Golden)> = goldens
        .iter()
        .filter(|(_, g)| Section::ALL.iter().any(|s| g.variants(*s).len() > 1))
        .collect();

    let mut out = String::new();
    let _ = writeln!(out, "# Closure behaviour across CPython versions\n");
    let _ = writeln!(
        out,
        "Made by `cargo run --release -- versions` from the goldens in `expected/`; `cargo test` checks it is current. \
         Of {} cases, {} observe something different on some CPython version: output, exception, the scopes of the code \
         objects (`co_varnames`, `co_cellvars`, `co_freevars`) or the cells of closures.\n",
        goldens.len(),
        changing.len()
    );
    let _ = writeln!(out, "## References\n\n| version | made by |\n|---|---|");
    for (version, made_by) in &builds {
        let made_by: Vec<&str> = made_by.iter().map(String::as_str).collect();
        let _ = writeln!(out, "| {version} | {} |", made_by.join(", "));
    }

    // Per release: how many cases, and which sections, changed from the one before.
    let _ = writeln!(
        out,
        "\n## What each release changed\n\n| release | cases changed | stdout | stderr | exception | scopes | cells |\n|---|---|---|---|---|---|---|"
    );
    let ordered: Vec<PyVersion> = versions.iter().copied().collect();
    for pair in ordered.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        let mut per_section = [0usize; 5];
        let mut changed = 0;
        for (_, golden) in &goldens {
            let (Some(a), Some(b)) = (golden.get(before), golden.get(after)) else {
                continue;
            };
            let mut any = false;
            for (i, section) in Section::ALL[..5].iter().enumerate() {
                if a.body.get(*section) != b.body.get(*section) {
                    per_section[i] += 1;
                    any = true;
                }
            }
            changed += usize::from(any);
        }
        let cells: Vec<String> = per_section.iter().map(|n| n.to_string()).collect();
        let _ = writeln!(
            out,
            "| {before} → {after} | {changed} | {} |",
            cells.join(" | ")
        );
    }

    let _ = writeln!(
        out,
        "\n## Cases that change\n\nEach section that differs lists its variants: the versions that observe the same text, as the golden groups them.\n"
    );
    let _ = writeln!(out, "| case | versions | what changes |\n|---|---|---|");
    for (case, golden) in changing {
        let changes: Vec<String> = Section::ALL
            .iter()
            .filter_map(|section| {
                let variants = golden.variants(*section);
                (variants.len() > 1).then(|| {
                    let labels: Vec<&str> = variants.iter().map(|v| v.label.as_str()).collect();
                    format!("{}: {}", section.name(), labels.join(" · "))
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            case.id,
            golden.describe_versions(),
            changes.join("; ")
        );
    }
    Ok(out)
}
