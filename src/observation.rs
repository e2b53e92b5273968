//! The observation: what one backend saw when it ran one case, and its text form.
//!
//! The probe (src/probe.py) produces it as JSON; every backend produces the same
//! shape. Its text form is the golden format: one `[section]` block per section,
//! chosen so that a person can review a golden and a diff points at one fact.

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::str::FromStr;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub stdout: String,
    pub stderr: String,
    pub exception: Option<ExceptionInfo>,
    pub scopes: Vec<Scope>,
    pub cells: Vec<FunctionCells>,
    /// Set when the backend could not observe the case at all (crash, hang, probe fault).
    #[serde(default)]
    pub fault: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExceptionInfo {
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
}

/// One code object compiled from the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    pub qualname: String,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

/// One function reachable from the case's globals, and its closure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunctionCells {
    pub path: String,
    pub qualname: String,
    /// `None` when `__closure__` is None.
    pub closure: Option<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub name: String,
    #[serde(default)]
    pub empty: bool,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub repr: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Stdout,
    Stderr,
    Exception,
    Scopes,
    Cells,
    Fault,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Stdout,
        Section::Stderr,
        Section::Exception,
        Section::Scopes,
        Section::Cells,
        Section::Fault,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Stdout => "stdout",
            Section::Stderr => "stderr",
            Section::Exception => "exception",
            Section::Scopes => "scopes",
            Section::Cells => "cells",
            Section::Fault => "fault",
        }
    }
}

impl FromStr for Section {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        Section::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| format!("unknown section {name:?} (sections: stdout, stderr, exception, scopes, cells, fault)"))
    }
}

/// An observation as text, section by section: what goldens hold and diffs compare.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// Indexed like `Section::ALL`.
    pub sections: [String; 6],
}

impl Rendered {
    pub fn get(&self, section: Section) -> &str {
        &self.sections[section as usize]
    }

    /// Why the backend could not observe the case, as the worker said it (the
    /// fault section unquoted), or `None` when it observed it.
    pub fn fault(&self) -> Option<String> {
        let quoted = self.get(Section::Fault);
        if quoted.is_empty() {
            return None;
        }
        let lines: Vec<&str> = quoted
            .lines()
            .filter(|line| *line != "\\ no newline at end")
            .map(|line| line.strip_prefix("| ").unwrap_or(line))
            .collect();
        Some(lines.join("\n"))
    }

    pub fn set(&mut self, section: Section, text: String) {
        self.sections[section as usize] = text;
    }

    /// The body of a golden file. The fault section is written only when present,
    /// so goldens (which never hold a fault) stay free of it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for section in Section::ALL {
            let body = self.get(section);
            if section == Section::Fault && body.is_empty() {
                continue;
            }
            let _ = writeln!(out, "[{}]", section.name());
            out.push_str(body);
        }
        out
    }
}

/// Text that a case chose (output, messages) is shown behind `| ` so that no line
/// of it can be mistaken for a section header; a missing final newline is marked.
fn quote_lines(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    for line in text.split_inclusive('\n') {
        let _ = writeln!(out, "| {}", line.strip_suffix('\n').unwrap_or(line));
    }
    if !text.ends_with('\n') {
        out.push_str("\\ no newline at end\n");
    }
}

fn names(list: &[String]) -> String {
    match list {
        [one] => format!("('{one}',)"),
        _ => format!(
            "({})",
            list.iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

impl Observation {
    /// An observation that records only why the backend could not observe the case.
    pub fn fault(reason: impl Into<String>) -> Self {
        Observation {
            fault: Some(reason.into()),
            ..Observation::default()
        }
    }

    pub fn render(&self) -> Rendered {
        let mut rendered = Rendered::default();
        let mut text = String::new();
        quote_lines(&mut text, &self.stdout);
        rendered.set(Section::Stdout, std::mem::take(&mut text));
        quote_lines(&mut text, &self.stderr);
        rendered.set(Section::Stderr, std::mem::take(&mut text));

        match &self.exception {
            None => text.push_str("none\n"),
            Some(e) => {
                let _ = writeln!(text, "{}", e.kind);
                // A message is not output: it has no final newline to mark.
                if !e.message.is_empty() {
                    quote_lines(&mut text, &format!("{}\n", e.message));
                }
            }
        }
        rendered.set(Section::Exception, std::mem::take(&mut text));

        for scope in &self.scopes {
            let _ = writeln!(
                text,
                "{}: varnames={} cellvars={} freevars={}",
                scope.qualname,
                names(&scope.varnames),
                names(&scope.cellvars),
                names(&scope.freevars)
            );
        }
        rendered.set(Section::Scopes, std::mem::take(&mut text));

        for function in &self.cells {
            match &function.closure {
                None => {
                    let _ = writeln!(
                        text,
                        "{} -> {}: __closure__ is None",
                        function.path, function.qualname
                    );
                }
                Some(cells) => {
                    let _ = writeln!(text, "{} -> {}:", function.path, function.qualname);
                    for cell in cells {
                        if cell.empty {
                            let _ = writeln!(text, "    {}: <empty>", cell.name);
                        } else {
                            let _ =
                                writeln!(text, "    {}: {} = {}", cell.name, cell.kind, cell.repr);
                        }
                    }
                }
            }
        }
        rendered.set(Section::Cells, std::mem::take(&mut text));

        if let Some(fault) = &self.fault {
            quote_lines(&mut text, &format!("{fault}\n"));
            rendered.set(Section::Fault, text);
        }
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Observation {
        Observation {
            stdout: "1\n[cells]\nno end".into(),
            stderr: String::new(),
            exception: Some(ExceptionInfo {
                kind: "UnboundLocalError".into(),
                message: "cannot access local variable 'count'".into(),
            }),
            scopes: vec![Scope {
                qualname: "make.<locals>.counter".into(),
                varnames: vec![],
                cellvars: vec!["a".into(), "b".into()],
                freevars: vec!["count".into()],
            }],
            cells: vec![
                FunctionCells {
                    path: "counter".into(),
                    qualname: "make.<locals>.counter".into(),
                    closure: Some(vec![
                        Cell {
                            name: "count".into(),
                            empty: false,
                            kind: "int".into(),
                            repr: "2".into(),
                        },
                        Cell {
                            name: "gone".into(),
                            empty: true,
                            kind: String::new(),
                            repr: String::new(),
                        },
                    ]),
                },
                FunctionCells {
                    path: "make".into(),
                    qualname: "make".into(),
                    closure: None,
                },
            ],
            fault: None,
        }
    }

    #[test]
    fn renders_the_golden_format() {
        let text = sample().render().to_text();
        assert_eq!(
            text,
            "[stdout]\n| 1\n| [cells]\n| no end\n\\ no newline at end\n[stderr]\n\
             [exception]\nUnboundLocalError\n| cannot access local variable 'count'\n\
             [scopes]\nmake.<locals>.counter: varnames=() cellvars=('a', 'b') freevars=('count',)\n\
             [cells]\ncounter -> make.<locals>.counter:\n    count: int = 2\n    gone: <empty>\n\
             make -> make: __closure__ is None\n"
        );
    }

    #[test]
    fn fault_section_only_when_faulted() {
        assert!(!sample().render().to_text().contains("[fault]"));
        let faulted = Observation::fault("worker crashed").render();
        assert_eq!(faulted.get(Section::Fault), "| worker crashed\n");
        assert_eq!(faulted.fault().as_deref(), Some("worker crashed"));
        let two_lines = Observation::fault("case crashed; its stderr ended with:\nboom").render();
        assert_eq!(
            two_lines.fault().as_deref(),
            Some("case crashed; its stderr ended with:\nboom")
        );
        assert_eq!(Observation::default().render().fault(), None);
        assert_eq!(faulted.get(Section::Exception), "none\n");
    }

    #[test]
    fn parses_probe_json() {
        let json = r#"{"stdout": "x\n", "stderr": "", "exception": null, "tainted": null,
            "scopes": [{"qualname": "<module>", "line": 1, "varnames": [], "cellvars": [], "freevars": []}],
            "cells": [{"path": "f", "qualname": "f", "closure": [{"name": "a", "empty": true}]}]}"#;
        let observation: Observation = serde_json::from_str(json).unwrap();
        assert_eq!(observation.scopes[0].qualname, "<module>");
        assert!(observation.cells[0].closure.as_ref().unwrap()[0].empty);
    }
}
