//! The values of the header lines that mark a case: a known divergence's place in
//! an expectations file (`Site`), a reference bug (`refbug.rs` judges by it) and a
//! root cause (`cause.rs` counts by it). They live with the case so that reading
//! a case needs nothing that judges or counts one.

use crate::observation::Section;
use crate::version::PyVersion;

/// Where an entry of an expectations file is, for reports that point at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// The file as people see it (relative to the corpus root when under it).
    pub file: String,
    pub line: usize,
}

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
pub fn parse_reference_bug(value: &str) -> Result<ReferenceBug, String> {
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

/// Parses the value of a `cause:` header line: a name of lowercase letters, digits
/// and `_ - . / :`, no spaces.
pub fn parse_cause(value: &str) -> Result<String, String> {
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-./:".contains(c);
    if value.is_empty() || !value.chars().all(ok) {
        return Err(format!(
            "`cause:` takes one name of lowercase letters, digits and `_-./:`, got {value:?}"
        ));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_name_is_one_word() {
        assert_eq!(
            parse_cause("walrus-target-not-a-cell").unwrap(),
            "walrus-target-not-a-cell"
        );
        assert_eq!(
            parse_cause("scopes:function/varnames.x").unwrap(),
            "scopes:function/varnames.x"
        );
        for bad in ["Two words", "UPPER", "", "semi;colon"] {
            assert!(parse_cause(bad)
                .unwrap_err()
                .contains("`cause:` takes one name"));
        }
    }
}
