//! Reference bugs: a golden variant that records a known CPython bug.
//!
//! `# reference-bug: <issue> <versions> [<section>,…]: <reason>` in a case header says
//! that for the language versions `<versions>` (`3.12-3.15`, or one version) the
//! golden records a CPython bug, `<issue>` (`gh-121377`, or `candidate` when not yet
//! looked up). What the language intends there is the golden of the newest version
//! *below* the range, in the marked sections (none: every section); elsewhere the
//! golden of the version itself.
//!
//! A mark is checked against the golden like a divergence mark: a range the golden
//! does not hold, no version below the range, or a **stale** mark (some version of
//! the range no longer differs from the intended variant in those sections) makes
//! every check of the case fail with a one-line error.
//!
//! For a backend whose language version is in the range: matching the golden passes
//! with a note (`copies CPython bug gh-121377`); matching the intended variant is a
//! verdict of its own, `ConformsToLanguage`, never a divergence; anything else is
//! judged as without the mark (a failure, or a known divergence).

use crate::backend::Observes;
use crate::case::Divergence;
use crate::compare::{judge, Failure, FailureKind, Verdict};
use crate::golden::Golden;
use crate::observation::{Rendered, Section};
use crate::version::PyVersion;

/// One `reference-bug:` mark.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceBug {
    /// `gh-121377`, or `candidate`.
    pub issue: String,
    /// The language versions whose golden records the bug, inclusive.
    pub first: PyVersion,
    pub last: PyVersion,
    /// The sections the bug shows in; empty means any.
    pub sections: Vec<Section>,
    pub reason: String,
}

const SYNTAX: &str = "`reference-bug:` takes `<issue> <versions> [<section>,…]: <reason>`, \
                      e.g. `gh-121377 3.12-3.15 exception: …`";

/// Parses the value of a `reference-bug:` header line.
pub fn parse(value: &str) -> Result<ReferenceBug, String> {
    let (target, reason) = value.split_once(':').ok_or(SYNTAX)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err("a reference bug needs a reason".into());
    }
    let mut words = target.split_whitespace();
    let issue = words.next().ok_or(SYNTAX)?.to_string();
    let number = issue.strip_prefix("gh-").unwrap_or("");
    let known = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    if !known && issue != "candidate" {
        return Err(format!(
            "`reference-bug:` names issue `{issue}`: write `gh-<number>` or `candidate`"
        ));
    }
    let range = words.next().ok_or(SYNTAX)?;
    let (first, last) = match range.split_once('-') {
        Some((a, b)) => (a.parse::<PyVersion>()?, b.parse::<PyVersion>()?),
        None => {
            let v = range.parse::<PyVersion>()?;
            (v, v)
        }
    };
    if first > last {
        return Err(format!("`reference-bug:` range {range} is empty"));
    }
    let sections = match words.collect::<Vec<_>>().join(" ") {
        list if list.is_empty() => Vec::new(),
        list => list
            .split(',')
            .map(|s| s.trim().parse::<Section>())
            .collect::<Result<_, _>>()?,
    };
    Ok(ReferenceBug {
        issue,
        first,
        last,
        sections,
        reason: reason.to_string(),
    })
}

impl ReferenceBug {
    /// `3.12-3.15`, or `3.12`.
    pub fn versions(&self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}-{}", self.first, self.last)
        }
    }

    pub fn covers(&self, version: PyVersion) -> bool {
        (self.first..=self.last).contains(&version)
    }

    fn marks(&self, section: Section) -> bool {
        section != Section::Fault && (self.sections.is_empty() || self.sections.contains(&section))
    }

    /// `CPython bug gh-121377`, or `a suspected CPython bug` for a candidate.
    fn named(&self) -> String {
        match self.issue.as_str() {
            "candidate" => "a suspected CPython bug (candidate, not yet looked up)".into(),
            issue => format!("CPython bug {issue}"),
        }
    }

    /// The note of a backend that matches the golden: it copies the bug.
    pub fn copies_note(&self) -> String {
        format!("copies {}", self.named())
    }

    /// The verdict text of a backend that behaves as the language intends.
    pub fn conforms_note(&self) -> String {
        let have = if self.first == self.last {
            "has"
        } else {
            "have"
        };
        let versions = self.versions().replace('-', "–");
        format!(
            "conforms to the language; CPython {versions} {have} {}",
            self.named().replace("CPython bug", "bug")
        )
    }

    /// The mark as its header line writes it.
    pub fn header_value(&self) -> String {
        let sections: Vec<&str> = self.sections.iter().map(|s| s.name()).collect();
        let sections = match sections.is_empty() {
            true => String::new(),
            false => format!(" {}", sections.join(",")),
        };
        format!(
            "{} {}{sections}: {}",
            self.issue,
            self.versions(),
            self.reason
        )
    }

    /// The version whose golden says what the language intends: the newest the
    /// golden holds below the range. Errors say why the mark is bad.
    pub fn intended_version(&self, golden: &Golden) -> Result<PyVersion, String> {
        let bad = |why: String| format!("reference-bug {} {}: {why}", self.issue, self.versions());
        for bound in [self.first, self.last] {
            if golden.get(bound).is_none() {
                return Err(bad(format!(
                    "the golden holds no Python {bound} (it holds {})",
                    golden.describe_versions()
                )));
            }
        }
        let below = golden.versions.keys().copied().rfind(|v| *v < self.first);
        let intended = below.ok_or_else(|| {
            bad(format!(
                "the golden holds no version below {} to say what the language intends",
                self.first
            ))
        })?;
        let intended_body = &golden.versions[&intended].body;
        for (version, reference) in golden.versions.range(self.first..=self.last) {
            let differs = Section::ALL
                .into_iter()
                .any(|s| self.marks(s) && reference.body.get(s) != intended_body.get(s));
            if !differs {
                return Err(bad(format!(
                    "stale: the golden of {version} no longer differs from {intended}'s in {} \
                     — remove the mark or narrow its range",
                    self.section_names()
                )));
            }
        }
        Ok(intended)
    }

    fn section_names(&self) -> String {
        match self.sections.is_empty() {
            true => "any section".into(),
            false => {
                let names: Vec<&str> = self.sections.iter().map(|s| s.name()).collect();
                names.join(", ")
            }
        }
    }
}

/// What a check was judged against, and how it came out.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub verdict: Verdict,
    pub expected: Rendered,
    /// Set when the expectation is not the golden as it stands: what it was instead.
    pub against: Option<String>,
}

/// Judges an observation of language version `version` against the golden, with
/// the case's reference-bug marks (`bugs`) and divergence marks for the backend.
/// Only the sections the backend `observes` are compared (the others are masked in
/// both); a bug shows only if it differs in one of those.
pub fn judge_with(
    golden: &Golden,
    version: PyVersion,
    bugs: &[ReferenceBug],
    actual: &Rendered,
    marks: &[&Divergence],
    observes: Observes,
) -> Judged {
    let Some(reference) = golden.get(version) else {
        unreachable!("the caller found the golden of {version}")
    };
    let expected = observes.mask(&reference.body);
    let actual = &observes.mask(actual);
    let plain = |verdict| Judged {
        verdict,
        expected: expected.clone(),
        against: None,
    };
    // Every mark is checked on every check of the case: a bad one fails them all.
    let mut covering = Vec::new();
    for bug in bugs {
        match bug.intended_version(golden) {
            Err(why) => {
                return plain(Verdict::Fail(Failure {
                    why: FailureKind::NoExpectation(why),
                    sections: Vec::new(),
                }))
            }
            Ok(intended) if bug.covers(version) => covering.push((bug, intended)),
            Ok(_) => {}
        }
    }
    covering.retain(|(bug, from)| {
        let from = &golden.versions[from].body;
        Section::ALL
            .into_iter()
            .any(|s| bug.marks(s) && observes.observes(s) && from.get(s) != reference.body.get(s))
    });
    let as_golden = judge(&expected, actual, marks);
    if covering.is_empty() {
        return plain(as_golden);
    }
    let mut intended = expected.clone();
    for (bug, from) in &covering {
        for section in Section::ALL
            .into_iter()
            .filter(|s| bug.marks(*s) && observes.observes(*s))
        {
            intended.set(section, golden.versions[from].body.get(section).to_string());
        }
    }
    let notes = |note: fn(&ReferenceBug) -> String| covering.iter().map(|(b, _)| note(b)).collect();
    let against = covering
        .iter()
        .map(|(bug, from)| format!("{from}'s {} for {}", bug.section_names(), bug.issue))
        .collect::<Vec<_>>()
        .join("; ");
    let language = |verdict| Judged {
        verdict,
        expected: intended.clone(),
        against: Some(format!("as the language intends ({against})")),
    };
    if judge(&intended, actual, &[]) == Verdict::Pass {
        // As the language intends: a divergence mark for it says otherwise, and is stale.
        return language(match marks.is_empty() {
            true => Verdict::ConformsToLanguage {
                notes: notes(ReferenceBug::conforms_note),
            },
            false => Verdict::Fail(Failure {
                why: FailureKind::StaleDivergence {
                    reasons: marks.iter().map(|m| m.reason.clone()).collect(),
                },
                sections: Vec::new(),
            }),
        });
    }
    if as_golden == Verdict::Pass {
        return plain(Verdict::CopiesReferenceBug {
            notes: notes(ReferenceBug::copies_note),
        });
    }
    // Differs from both: a divergence is shown against what the language intends.
    match judge(&intended, actual, marks) {
        known @ Verdict::KnownDivergence { .. } => language(known),
        _ => plain(as_golden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golden::Reference;

    fn body(stdout: &str, exception: &str) -> Rendered {
        let mut r = Rendered::default();
        r.set(Section::Stdout, stdout.into());
        r.set(Section::Exception, exception.into());
        r
    }

    fn golden(versions: &[(u32, Rendered)]) -> Golden {
        let mut g = Golden::default();
        for (minor, body) in versions {
            g.versions.insert(
                PyVersion::new(3, *minor),
                Reference {
                    made_by: format!("CPython 3.{minor}.0"),
                    body: body.clone(),
                },
            );
        }
        g
    }

    fn buggy() -> Golden {
        let good = body("| 1\n", "none\n");
        let bad = body("", "NameError\n| cannot access free variable 'x'\n");
        golden(&[(11, good), (12, bad.clone()), (13, bad)])
    }

    const MARK: &str = "gh-121377 3.12-3.13 exception: NameError where 3.11 binds x";

    #[test]
    fn parses_the_mark_and_says_what_is_wrong_with_a_bad_one() {
        let bug = parse(MARK).unwrap();
        assert_eq!(bug.issue, "gh-121377");
        assert_eq!(
            (bug.first, bug.last),
            (PyVersion::new(3, 12), PyVersion::new(3, 13))
        );
        assert_eq!(bug.sections, vec![Section::Exception]);
        assert_eq!(bug.header_value(), MARK);
        let one = parse("candidate 3.14: found by the oracle").unwrap();
        assert_eq!(
            (one.first, one.last),
            (PyVersion::new(3, 14), PyVersion::new(3, 14))
        );
        assert!(one.sections.is_empty());
        assert_eq!(
            one.copies_note(),
            "copies a suspected CPython bug (candidate, not yet looked up)"
        );
        for (bad, says) in [
            ("gh-121377 3.12-3.13 exception", "takes `<issue> <versions>"),
            ("gh-12x 3.12: r", "write `gh-<number>` or `candidate`"),
            ("bug 3.12: r", "write `gh-<number>` or `candidate`"),
            ("gh-1: r", "takes `<issue> <versions>"),
            ("gh-1 3.13-3.12: r", "is empty"),
            ("gh-1 three: r", "three"),
            ("gh-1 3.12 stdot: r", "unknown section"),
            ("gh-1 3.12:  ", "needs a reason"),
        ] {
            let error = parse(bad).unwrap_err();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    #[test]
    fn notes_name_the_bug_and_the_versions() {
        let bug = parse(MARK).unwrap();
        assert_eq!(bug.copies_note(), "copies CPython bug gh-121377");
        assert_eq!(
            bug.conforms_note(),
            "conforms to the language; CPython 3.12–3.13 have bug gh-121377"
        );
    }

    #[test]
    fn a_mark_the_golden_cannot_hold_or_no_longer_shows_is_an_error() {
        let g = buggy();
        assert_eq!(
            parse(MARK).unwrap().intended_version(&g),
            Ok(PyVersion::new(3, 11))
        );
        let beyond = parse("gh-1 3.12-3.14 exception: r").unwrap();
        let error = beyond.intended_version(&g).unwrap_err();
        assert!(
            error.contains("holds no Python 3.14 (it holds 3.11-3.13)"),
            "{error}"
        );
        let from_the_start = parse("gh-1 3.11-3.13 exception: r").unwrap();
        let error = from_the_start.intended_version(&g).unwrap_err();
        assert!(error.contains("no version below 3.11"), "{error}");
        // Stale: the sections it names do not differ (stderr), in one version or all.
        let stale = parse("gh-1 3.12-3.13 stderr: r").unwrap();
        let error = stale.intended_version(&g).unwrap_err();
        assert!(error.contains("stale: the golden of 3.12 no longer differs from 3.11's in stderr"));
        let mut fixed = buggy();
        fixed.versions.get_mut(&PyVersion::new(3, 13)).unwrap().body = body("| 1\n", "none\n");
        let error = parse(MARK).unwrap().intended_version(&fixed).unwrap_err();
        assert!(
            error.contains("the golden of 3.13 no longer differs"),
            "{error}"
        );
    }

    fn verdict(actual: &Rendered, minor: u32, marks: &[&Divergence]) -> Judged {
        judge_with(
            &buggy(),
            PyVersion::new(3, minor),
            &[parse(MARK).unwrap()],
            actual,
            marks,
            Observes::ALL,
        )
    }

    #[test]
    fn copying_the_bug_passes_with_a_note_and_the_language_has_its_own_verdict() {
        let g = buggy();
        let v312 = PyVersion::new(3, 12);
        let copies = verdict(&g.get(v312).unwrap().body, 12, &[]);
        assert_eq!(
            copies.verdict,
            Verdict::CopiesReferenceBug {
                notes: vec!["copies CPython bug gh-121377".into()]
            }
        );
        assert!(copies.verdict.is_ok() && copies.against.is_none());
        // As 3.11 in the marked section, as 3.12 elsewhere (stdout is the same text
        // in this golden only because the intended variant keeps 3.12's stdout).
        let mut language = g.get(v312).unwrap().body.clone();
        language.set(Section::Exception, "none\n".into());
        let conforms = verdict(&language, 12, &[]);
        assert_eq!(
            conforms.verdict,
            Verdict::ConformsToLanguage {
                notes: vec![
                    "conforms to the language; CPython 3.12–3.13 have bug gh-121377".into()
                ]
            }
        );
        assert_eq!(conforms.expected, language);
        // Matching 3.11 also in a section the mark does not name is a failure.
        let wholly_311 = verdict(&body("| 1\n", "none\n"), 12, &[]);
        assert!(
            matches!(wholly_311.verdict, Verdict::Fail(_)),
            "{wholly_311:?}"
        );
        // Outside the range the mark changes nothing: 3.11 judged as ever.
        assert_eq!(
            verdict(&body("| 1\n", "none\n"), 11, &[]).verdict,
            Verdict::Pass
        );
        assert!(matches!(
            verdict(&language, 11, &[]).verdict,
            Verdict::Fail(_)
        ));
    }

    #[test]
    fn a_divergence_elsewhere_stays_a_known_divergence_and_a_bad_mark_fails_every_check() {
        let g = buggy();
        let mut language = g.get(PyVersion::new(3, 12)).unwrap().body.clone();
        language.set(Section::Exception, "none\n".into());
        language.set(Section::Scopes, "other\n".into());
        let mark = Divergence {
            backend: "rustpython".into(),
            sections: vec![Section::Scopes],
            reason: "no inlining".into(),
            entry: None,
        };
        let judged = verdict(&language, 12, &[&mark]);
        assert_eq!(
            judged.verdict,
            Verdict::KnownDivergence {
                reasons: vec!["no inlining".into()]
            }
        );
        assert!(judged.against.is_some());
        // A mark on a backend that now behaves as the language intends is stale.
        language.set(Section::Scopes, String::new());
        let judged = verdict(&language, 12, &[&mark]);
        assert!(matches!(
            judged.verdict,
            Verdict::Fail(Failure {
                why: FailureKind::StaleDivergence { .. },
                ..
            })
        ));
        let bad = parse("gh-1 3.12-3.14 exception: r").unwrap();
        let v311 = PyVersion::new(3, 11);
        let body = &g.get(v311).unwrap().body;
        let judged = judge_with(&g, v311, &[bad], body, &[], Observes::ALL);
        assert!(matches!(
            judged.verdict,
            Verdict::Fail(Failure { why: FailureKind::NoExpectation(ref why), .. })
                if why.contains("holds no Python 3.14")
        ));
    }
}
