//! A divergence's signature: which backend, which sections differ (scopes by the
//! field that differs), and the exception types on both sides. Computed from the
//! two normalized observations alone, so a corpus case and a fuzzed program with
//! the same difference get the same signature.

use crate::compare::differing_sections;
use crate::observation::{Rendered, Section};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Signature {
    pub backend: String,
    /// e.g. `stdout`, `scopes-cellvars`, `fault-timeout`.
    pub sections: Vec<String>,
    /// The reference's exception type (or `none`), then the backend's.
    pub exceptions: (String, String),
}

impl Signature {
    /// The signature of `actual` (from `backend`) against `expected`, or `None`
    /// when they agree.
    pub fn of(backend: &str, expected: &Rendered, actual: &Rendered) -> Option<Signature> {
        let differing = differing_sections(expected, actual);
        if differing.is_empty() {
            return None;
        }
        let mut sections = Vec::new();
        for section in differing {
            match section {
                Section::Scopes => sections.extend(
                    scope_fields(expected.get(Section::Scopes), actual.get(Section::Scopes))
                        .into_iter()
                        .map(|field| format!("scopes-{field}")),
                ),
                Section::Fault => sections.push(format!("fault-{}", fault_class(actual))),
                other => sections.push(other.name().to_string()),
            }
        }
        sections.dedup();
        Some(Signature {
            backend: backend.to_string(),
            sections,
            exceptions: (exception_type(expected), exception_type(actual)),
        })
    }

    /// The signature as a case name: lowercase letters, digits and `_`.
    pub fn case_name(&self) -> String {
        let text = format!(
            "{}__{}__{}_vs_{}",
            self.backend,
            self.sections.join("_"),
            self.exceptions.0,
            self.exceptions.1
        );
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect()
    }

    /// The sections as a `diverges:` mark lists them.
    pub fn mark_sections(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self
            .sections
            .iter()
            .map(|s| {
                let base = s.split('-').next().unwrap_or(s);
                Section::ALL
                    .iter()
                    .find(|section| section.name() == base)
                    .map(|section| section.name())
                    .unwrap_or("fault")
            })
            .collect();
        names.dedup();
        names
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            out,
            "{} [{}] exception {} vs {}",
            self.backend,
            self.sections.join(", "),
            self.exceptions.0,
            self.exceptions.1
        )
    }
}

fn exception_type(rendered: &Rendered) -> String {
    let text = rendered.get(Section::Exception);
    let first = text.lines().next().unwrap_or("none").trim();
    if first.is_empty() {
        "none".into()
    } else {
        first.to_string()
    }
}

/// Which fields of the scopes section differ: `code` when the code objects are not
/// the same ones, else each of `varnames`, `cellvars`, `freevars` that differs.
fn scope_fields(expected: &str, actual: &str) -> Vec<&'static str> {
    let (a, b) = (scope_table(expected), scope_table(actual));
    if a.keys().ne(b.keys()) {
        return vec!["code"];
    }
    let mut fields = Vec::new();
    for (index, field) in ["varnames", "cellvars", "freevars"].into_iter().enumerate() {
        if a.iter()
            .zip(&b)
            .any(|((_, x), (_, y))| x.get(index) != y.get(index))
        {
            fields.push(field);
        }
    }
    if fields.is_empty() {
        fields.push("order");
    }
    fields
}

/// `qualname -> [varnames, cellvars, freevars]` from the scopes section; repeated
/// qualnames (two `f.<locals>.g`) are numbered.
fn scope_table(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut table = BTreeMap::new();
    for line in text.lines() {
        let Some((qualname, rest)) = line.split_once(": varnames=") else {
            continue;
        };
        let (varnames, rest) = rest.split_once(" cellvars=").unwrap_or((rest, ""));
        let (cellvars, freevars) = rest.split_once(" freevars=").unwrap_or((rest, ""));
        let mut key = qualname.to_string();
        let mut n = 1;
        while table.contains_key(&key) {
            n += 1;
            key = format!("{qualname}#{n}");
        }
        table.insert(
            key,
            vec![
                varnames.to_string(),
                cellvars.to_string(),
                freevars.to_string(),
            ],
        );
    }
    table
}

pub fn fault_class(actual: &Rendered) -> &'static str {
    let text = actual.get(Section::Fault);
    if text.contains("timed out") {
        "timeout"
    } else if text.contains("panicked") {
        "panic"
    } else if text.contains("memory limit") {
        "memory"
    } else if text.contains("crashed") {
        "crash"
    } else {
        "probe"
    }
}

/// The first line where two section texts differ, as `expected` / `actual`.
pub fn first_difference(expected: &str, actual: &str) -> (String, String) {
    let (mut a, mut b) = (expected.lines(), actual.lines());
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => return (String::new(), String::new()),
            (x, y) => {
                return (
                    x.unwrap_or("(nothing)").to_string(),
                    y.unwrap_or("(nothing)").to_string(),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(exception: &str, scopes: &str) -> Rendered {
        let mut r = Rendered::default();
        r.set(Section::Exception, exception.into());
        r.set(Section::Scopes, scopes.into());
        r
    }

    #[test]
    fn signatures_name_the_field_and_the_exceptions() {
        let a = rendered("none\n", "<module>: varnames=() cellvars=() freevars=()\nf: varnames=() cellvars=('x',) freevars=()\n");
        let b = rendered("NameError\n| m\n", "<module>: varnames=() cellvars=() freevars=()\nf: varnames=('x',) cellvars=() freevars=()\n");
        assert_eq!(Signature::of("rustpython", &a, &a), None);
        let sig = Signature::of("rustpython", &a, &b).unwrap();
        assert_eq!(
            sig.sections,
            ["exception", "scopes-varnames", "scopes-cellvars"]
        );
        assert_eq!(
            sig.exceptions,
            ("none".to_string(), "NameError".to_string())
        );
        assert_eq!(
            sig.case_name(),
            "rustpython__exception_scopes_varnames_scopes_cellvars__none_vs_nameerror"
        );
        assert_eq!(sig.mark_sections(), ["exception", "scopes"]);
        let c = rendered("none\n", "<module>: varnames=() cellvars=() freevars=()\n");
        assert_eq!(
            Signature::of("x", &a, &c).unwrap().sections,
            ["scopes-code"]
        );
    }
}
