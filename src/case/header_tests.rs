//! Unit tests of the header parser.

use super::*;
use crate::parse_error::ParseError;
use std::time::Duration;

pub(super) const MINIMAL: &str = "# description: d\n# source: rule: r\n# rules: a/b\n";

#[test]
fn parses_every_key() {
    let source = "# description: A counter.\n# source: seed 000 — make_counter\n\
        # rules: counters/nonlocal, introspection/freevars\n# timeout: 2.5\n# memory: 512 MiB\n\
        # requires: >=3.11 — exec() takes closure= from 3.11\n\
        # diverges: rustpython scopes, cells: no listcomp code object\n\
        # note: ported from Python 2\n# identity: rustpython: scopes: function cellvars missing: walrus target\n\
        \nprint(1)\n# not header\n";
    let header = parse_header(source).unwrap();
    assert_eq!(
        header.identity.as_deref(),
        Some("rustpython: scopes: function cellvars missing: walrus target")
    );
    let minimal = "# description: d\n# source: s\n# rules: r/x\n";
    let merged = parse_header(&format!(
        "{minimal}# same-cause: rustpython: stdout: N vs N\n"
    ))
    .unwrap();
    assert_eq!(merged.same_cause, ["rustpython: stdout: N vs N"]);
    let bad = parse_header(&format!("{minimal}# same-cause: no backend\n")).unwrap_err();
    assert!(bad.message.contains("`same-cause:` takes"), "{bad:?}");
    assert_eq!(header.description, "A counter.");
    assert_eq!(header.source, "seed 000 — make_counter");
    assert_eq!(
        header.rules,
        ["counters/nonlocal", "introspection/freevars"]
    );
    assert_eq!(header.timeout, Some(Duration::from_millis(2500)));
    assert_eq!(header.memory, Some(512 << 20));
    let python = header.requires.unwrap();
    assert_eq!(python.why, "exec() takes closure= from 3.11");
    assert!(python.spec.matches("3.11.7") && !python.spec.matches("3.10.13"));
    assert_eq!(
        header.divergences,
        [Divergence {
            backend: "rustpython".into(),
            sections: vec![Section::Scopes, Section::Cells],
            reason: "no listcomp code object".into(),
            entry: None,
        }]
    );
    assert_eq!(header.notes, ["ported from Python 2"]);
}

#[test]
fn memory_is_mib_or_gib_within_range_and_defaults_to_4_gib() {
    let good = [
        ("512 MiB", 512 << 20),
        ("8 GiB", 8 << 30),
        ("1.5 GiB", 3 << 29),
        ("0.1 GiB", 107_374_182),
        ("16 MiB", 16 << 20),
        ("64 GiB", 64 << 30),
        ("64.000 GiB", 64 << 30),
        ("2048MiB", 2 << 30),
        ("  100.25 MiB ", 105_119_744),
    ];
    for (text, bytes) in good {
        assert_eq!(parse_memory(text), Ok(bytes), "{text}");
    }
    let bad = [
        "15 MiB",
        "15.99 MiB",
        "64.01 GiB",
        "65536.1 MiB",
        "99999999999999999999999999999999999999999 GiB",
        "8",
        "8 GB",
        "8 gib",
        "8 KiB",
        "GiB",
        "-1 GiB",
        "+1 GiB",
        "1e3 MiB",
        "1. GiB",
        ".5 GiB",
        "1.2.3 GiB",
        "nan GiB",
        "1 000 MiB",
    ];
    for text in bad {
        let error = parse_memory(text).unwrap_err();
        assert_eq!(
            error,
            format!("memory must be `<number> MiB` or `<number> GiB` from 16 MiB to 64 GiB (e.g. `512 MiB`, `8 GiB`), got {text:?}")
        );
    }
    let mut case = Case {
        id: "t/c".into(),
        topic: "t".into(),
        display_path: "cases/t/c.py".into(),
        path: "cases/t/c.py".into(),
        source: String::new(),
        header: parse_header(MINIMAL).unwrap(),
    };
    assert_eq!(case.header.memory, None);
    assert_eq!(case.memory_limit(), DEFAULT_MEMORY_LIMIT);
    assert_eq!(DEFAULT_MEMORY_LIMIT, 4 * 1024 * 1024 * 1024);
    case.header = parse_header(&format!("{MINIMAL}# memory: 8 GiB\n")).unwrap();
    assert_eq!(case.memory_limit(), 8 << 30);
}

#[test]
fn a_divergence_must_name_a_known_backend() {
    for good in [
        "rustpython",
        "cpython-3.12",
        "pyodide-3.15",
        "rustpython-0.6.0",
        "pypy",
    ] {
        let header = parse_header(&format!("{MINIMAL}# diverges: {good}: differs\n"));
        assert_eq!(header.unwrap().divergences[0].backend, good);
    }
    for typo in ["rustpyton", "cpython-", "CPython", "external", "graalpy-24"] {
        let error = parse_header(&format!("{MINIMAL}# diverges: {typo}: differs\n"));
        let ParseError { line, message } = error.unwrap_err();
        assert_eq!(line, 4);
        assert!(
            message.starts_with(&format!("`diverges:` names an unknown backend `{typo}`")),
            "{message}"
        );
    }
    // The message lists the kinds a mark may name: the backend kinds but `external`.
    let message = parse_header(&format!("{MINIMAL}# diverges: graalpy: r\n"))
        .unwrap_err()
        .message;
    let kinds: Vec<&str> = crate::backend::Kind::markable()
        .map(|kind| kind.name())
        .collect();
    assert!(kinds.contains(&"rustpython") && !kinds.contains(&"external"));
    assert!(
        message.contains(&format!("(known: {}, or one of", kinds.join(", "))),
        "{message}"
    );
}

#[test]
fn divergence_without_sections_means_any() {
    let header = parse_header(&format!("{MINIMAL}# diverges: pypy: differs\n")).unwrap();
    assert!(header.divergences[0].sections.is_empty());
    assert_eq!(header.divergences[0].backend, "pypy");
}

#[test]
fn errors_name_the_line() {
    let cases = [
        (
            format!("{MINIMAL}# colour: red\n"),
            4,
            "unknown header key `colour`",
        ),
        (
            format!("{MINIMAL}# just a comment\n"),
            4,
            "not `# key: value`",
        ),
        (format!("{MINIMAL}# rules: x/y\n"), 4, "given twice"),
        (
            format!("{MINIMAL}# timeout: soon\n"),
            4,
            "timeout must be seconds",
        ),
        (
            format!("{MINIMAL}# memory: 1 GiB\n# memory: 2 GiB\n"),
            5,
            "header key `memory` given twice",
        ),
        (
            format!("{MINIMAL}# memory: 8 GB\n"),
            4,
            "memory must be `<number> MiB` or `<number> GiB` from 16 MiB to 64 GiB",
        ),
        (
            format!("{MINIMAL}# diverges: rustpython\n"),
            4,
            "takes `<backend>",
        ),
        (
            format!("{MINIMAL}# diverges: rustpython:  \n"),
            4,
            "needs a reason",
        ),
        (
            format!("{MINIMAL}# diverges: rustpython stdut: x\n"),
            4,
            "unknown section",
        ),
        (
            format!("{MINIMAL}# requires: >=3.11\n"),
            4,
            "needs a reason",
        ),
        (format!("{MINIMAL}# requires: 3.x — y\n"), 4, "version"),
        (
            format!("{MINIMAL}# python: >=3.11 — y\n"),
            4,
            "unknown header key",
        ),
        (
            "# description: d\n# rules: a/b\n".to_string(),
            2,
            "lacks `# source",
        ),
        ("print(1)\n".to_string(), 1, "lacks `# description"),
        (
            "# description: d\n# source: s\n# rules: Nope\n".to_string(),
            1,
            "not `topic/slug`",
        ),
    ];
    for (source, line, message) in cases {
        let ParseError {
            line: got_line,
            message: got,
        } = parse_header(&source).unwrap_err();
        assert_eq!(got_line, line, "{source:?} → {got}");
        assert!(
            got.contains(message),
            "{source:?}: {got:?} lacks {message:?}"
        );
    }
}

#[test]
fn every_problem_of_a_header_is_reported_at_once() {
    // A bad mark, an unknown key, a bad memory cap and no `source:`.
    let source = "# description: d\n# rules: a/b\n# diverges: nope\n# frobnicate: 1\n\
        # memory: lots\nprint(1)\n";
    let errors = super::header::parse_header_fully(source).unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 5, 5], "{errors:?}");
    assert!(errors[0].message.starts_with("`diverges:` takes"));
    assert!(errors[1]
        .message
        .starts_with("unknown header key `frobnicate`"));
    assert!(errors[2].message.contains("memory"));
    assert_eq!(errors[3].message, "header lacks `# source: …`");
    // The one-error form is the first of them, as before.
    assert_eq!(parse_header(source).unwrap_err(), errors[0]);
    // A good header has none.
    assert!(super::header::parse_header_fully(MINIMAL).is_ok());
}
