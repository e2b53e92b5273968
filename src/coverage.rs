//! The rule catalogue (`cases/<topic>/rules.txt`) and which cases cover each rule.
//!
//! A rule with no case, or a case citing a rule that is not in the catalogue, is an
//! error: the coverage table must say what the corpus really covers.

use crate::case::Case;
use crate::compare::Verdict;
use crate::suite::Outcome;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// `topic/slug`.
    pub id: String,
    pub text: String,
}

/// Reads every `<topic>/rules.txt` under the cases directory, in topic order.
pub fn load_rules(cases_root: &Path) -> Result<Vec<Rule>, String> {
    let mut rules = Vec::new();
    let mut topics: Vec<_> = std::fs::read_dir(cases_root)
        .map_err(|e| format!("{}: {e}", cases_root.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().join("rules.txt").is_file())
        .collect();
    topics.sort_by_key(|e| e.file_name());
    for topic in topics {
        let name = topic.file_name().to_string_lossy().into_owned();
        let path = topic.path().join("rules.txt");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (slug, what) = line.split_once(':').ok_or_else(|| {
                format!(
                    "cases/{name}/rules.txt:{}: expected `slug: what the rule says`",
                    index + 1
                )
            })?;
            rules.push(Rule {
                id: format!("{name}/{}", slug.trim()),
                text: what.trim().to_string(),
            });
        }
    }
    Ok(rules)
}

/// Rule id → the cases citing it, in catalogue order; plus problems found.
pub fn map<'a>(
    rules: &'a [Rule],
    cases: &'a [Case],
) -> (Vec<(&'a Rule, Vec<&'a Case>)>, Vec<String>) {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rule in rules {
        if !seen.insert(&rule.id) {
            problems.push(format!("rule {} is in the catalogue twice", rule.id));
        }
    }
    for case in cases {
        for cited in &case.header.rules {
            if !seen.contains(cited) {
                problems.push(format!(
                    "{} cites rule {cited}, which no rules.txt defines",
                    case.display_path
                ));
            }
        }
    }
    let table: Vec<(&Rule, Vec<&Case>)> = rules
        .iter()
        .map(|rule| {
            (
                rule,
                cases
                    .iter()
                    .filter(|c| c.header.rules.contains(&rule.id))
                    .collect(),
            )
        })
        .collect();
    for (rule, covering) in &table {
        if covering.is_empty() {
            problems.push(format!("rule {} has no case", rule.id));
        }
    }
    (table, problems)
}

/// The coverage table as markdown: rule → cases, and per backend how those cases fared.
pub fn markdown(
    rules: &[Rule],
    cases: &[Case],
    outcomes: &[Outcome],
    backends: &[String],
) -> String {
    let (table, problems) = map(rules, cases);
    let verdicts: BTreeMap<(&str, &str), &Verdict> = outcomes
        .iter()
        .map(|o| ((o.case.id.as_str(), o.backend.as_str()), &o.verdict))
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| rule | what it says | cases |{}",
        backends
            .iter()
            .map(|b| format!(" {b} |"))
            .collect::<String>()
    );
    let _ = writeln!(out, "|---|---|---|{}", "---|".repeat(backends.len()));
    for (rule, covering) in &table {
        let names: Vec<String> = covering.iter().map(|c| format!("`{}`", c.id)).collect();
        let _ = write!(
            out,
            "| `{}` | {} | {} |",
            rule.id,
            escape_markdown(&rule.text),
            names.join(", ")
        );
        for backend in backends {
            let (mut pass, mut known, mut fail) = (0, 0, 0);
            for case in covering {
                match verdicts.get(&(case.id.as_str(), backend.as_str())) {
                    // As the language intends counts as passing the rule.
                    Some(
                        Verdict::Pass
                        | Verdict::CopiesReferenceBug { .. }
                        | Verdict::ConformsToLanguage { .. },
                    ) => pass += 1,
                    Some(Verdict::KnownDivergence { .. }) => known += 1,
                    Some(Verdict::Fail(_)) => fail += 1,
                    Some(Verdict::Skip { .. } | Verdict::NotObservable { .. }) | None => {}
                }
            }
            let _ = write!(out, " {pass} / {known} / {fail} |");
        }
        let _ = writeln!(out);
    }
    if !problems.is_empty() {
        let _ = writeln!(out, "\nProblems:\n");
        for problem in problems {
            let _ = writeln!(out, "- {problem}");
        }
    }
    out
}

/// Text for a markdown table cell: `|` would end the cell, `__x__` would turn bold.
fn escape_markdown(text: &str) -> String {
    text.replace('|', "\\|").replace('_', "\\_")
}

/// Every known-divergence mark of every case, as a markdown table grouped by backend:
/// the list a backend's developers read.
pub fn divergences_markdown(cases: &[Case]) -> String {
    let mut marks: Vec<(&str, &Case, &crate::case::Divergence)> = cases
        .iter()
        .flat_map(|case| {
            case.header
                .divergences
                .iter()
                .map(move |d| (d.backend.as_str(), case, d))
        })
        .collect();
    marks.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    let mut out = String::new();
    let mut current = None;
    for (backend, case, mark) in marks {
        if current != Some(backend) {
            let count = cases
                .iter()
                .filter(|c| c.divergences_for(backend).next().is_some())
                .count();
            let _ = writeln!(
                out,
                "{}## {backend} ({count} cases)\n",
                if current.is_some() { "\n" } else { "" }
            );
            let _ = writeln!(out, "| case | sections | what differs |\n|---|---|---|");
            current = Some(backend);
        }
        let sections = if mark.sections.is_empty() {
            "any".to_string()
        } else {
            mark.sections
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "| `{}` | {sections} | {} |",
            case.id,
            escape_markdown(&mark.reason)
        );
    }
    out
}

/// The whole of docs/divergences.md: its heading and `divergences_markdown`.
pub fn divergences_document(cases: &[Case]) -> String {
    format!(
        "# Known divergences\n\n\
         Made by `cargo run --release -- divergences` from the `# diverges:` marks of the cases; \
         `cargo test` checks that each still reproduces.\n\n{}{}",
        divergences_markdown(cases),
        reference_bugs_markdown(cases)
    )
}

/// Every `# reference-bug:` mark, apart from the divergences: goldens that record a
/// CPython bug, and the issue that tracks it.
pub fn reference_bugs_markdown(cases: &[Case]) -> String {
    let marked: Vec<(&Case, &crate::refbug::ReferenceBug)> = cases
        .iter()
        .flat_map(|case| case.header.reference_bugs.iter().map(move |b| (case, b)))
        .collect();
    if marked.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n## Reference bugs ({} marks)\n\n\
         Goldens that record a known CPython bug (`# reference-bug:` marks). For those versions \
         a backend that behaves as the newest version below the range does, in the marked \
         sections, conforms to the language (never a divergence); one that matches the golden \
         passes with a note that it copies the bug.\n\n\
         | case | issue | versions | sections | the bug |\n|---|---|---|---|---|\n",
        marked.len()
    );
    for (case, bug) in marked {
        let sections: Vec<&str> = bug.sections.iter().map(|s| s.name()).collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            case.id,
            bug.issue,
            bug.versions(),
            if sections.is_empty() {
                "any".to_string()
            } else {
                sections.join(", ")
            },
            escape_markdown(&bug.reason)
        );
    }
    out
}

/// What `coverage` prints: a heading naming the backends, and the table; also
/// whether every rule has a case and every cited rule exists.
pub fn document(rules: &[Rule], report: &crate::report::Report) -> (String, bool) {
    let described: Vec<String> = report
        .backends
        .iter()
        .map(|b| format!("{} = {}", b.name, b.build))
        .collect();
    let cases: Vec<Case> = report.cases.iter().map(|c| c.case.clone()).collect();
    let text = format!(
        "# Coverage\n\n\
         Made by `cargo run --release -- coverage` ({}). Each backend column counts the rule's cases: pass / known divergence / fail.\n\n{}",
        described.join(", "),
        markdown(rules, &cases, &report.outcomes, &report.backend_names())
    );
    let (_, problems) = map(rules, &cases);
    (text, problems.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Header;

    fn case(id: &str, rules: &[&str]) -> Case {
        Case {
            id: id.into(),
            topic: id.split('/').next().unwrap().into(),
            display_path: format!("cases/{id}.py"),
            path: format!("cases/{id}.py").into(),
            source: String::new(),
            header: Header {
                rules: rules.iter().map(|r| r.to_string()).collect(),
                ..Header::default()
            },
        }
    }

    #[test]
    fn loads_catalogues_and_reports_uncovered_and_unknown_rules() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("t")).unwrap();
        std::fs::write(
            dir.path().join("t/rules.txt"),
            "# comment\na: rule a\n\nb: rule b\n",
        )
        .unwrap();
        let rules = load_rules(dir.path()).unwrap();
        assert_eq!(
            rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["t/a", "t/b"]
        );
        let cases = [case("t/one", &["t/a"]), case("t/two", &["t/a", "t/zzz"])];
        let (table, problems) = map(&rules, &cases);
        assert_eq!(table[0].1.len(), 2);
        assert_eq!(
            problems,
            [
                "cases/t/two.py cites rule t/zzz, which no rules.txt defines",
                "rule t/b has no case"
            ]
        );
    }

    #[test]
    fn malformed_catalogue_line_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("t")).unwrap();
        std::fs::write(dir.path().join("t/rules.txt"), "no colon here\n").unwrap();
        assert_eq!(
            load_rules(dir.path()).unwrap_err(),
            "cases/t/rules.txt:1: expected `slug: what the rule says`"
        );
    }
}
