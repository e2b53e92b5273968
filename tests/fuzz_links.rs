//! The six findings of a fresh campaign (`fuzz --seeds 50000..52000`, RustPython
//! 0.5.0 against CPython 3.14) that the signature linked to a case of another root
//! cause (issue 16) come out right with root-cause identities: each is bucketed by
//! the construct that differs, and the case it is said to be shown by carries that
//! identity (a found case in its `identity:` header, any case in its run).

use std::process::Command;

/// (seed, its identity, the case the signature wrongly linked it to).
const SIX: [(u64, &str, &str); 6] = [
    (
        50302,
        "scopes: function cellvars order",
        "class_scopes/lambda_in_class_body",
    ),
    (
        51790,
        "scopes: generator expression freevars missing: walrus target",
        "found/rustpython_0_6_0__exception_scopes_code_cells__none_vs_syntaxerror",
    ),
    (
        50013,
        "scopes: generator expression freevars missing: walrus target",
        "found/rustpython_0_6_0__scopes_cellvars__nameerror_vs_nameerror",
    ),
    (
        50011,
        "scopes: generator expression freevars missing: walrus target",
        "class_scopes/super_in_lambda_in_method",
    ),
    (
        51126,
        "scopes: function cellvars missing, freevars extra: comprehension target",
        "found/rustpython__scopes_varnames_scopes_cellvars_scopes_freevars__nameerror_vs_nameerror",
    ),
    (
        50458,
        "scopes: function cellvars missing, freevars extra: comprehension target",
        "found/rustpython__scopes_varnames_scopes_cellvars_scopes_freevars__none_vs_none",
    ),
];

#[test]
fn the_six_wrong_links_come_out_right() {
    let seeds: Vec<String> = SIX.iter().map(|(s, _, _)| s.to_string()).collect();
    let output = Command::new(env!("CARGO_BIN_EXE_closure-conformance"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fuzz", "--backend", "rustpython", "--reduce-budget", "0"])
        .arg(format!("--seed-list={}", seeds.join(",")))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (seed, identity, wrong) in SIX {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("  rustpython: {identity}  [")))
            .unwrap_or_else(|| panic!("seed {seed}: no finding {identity:?} in\n{text}"));
        assert!(
            !line.contains(wrong),
            "seed {seed} still linked to {wrong}: {line}"
        );
        // Known: the case named shows this identity; new: nothing shows it yet.
        if let Some((_, case)) = line.split_once("already shown by ") {
            let path = format!("{}/cases/{case}.py", env!("CARGO_MANIFEST_DIR"));
            let source = std::fs::read_to_string(&path).unwrap();
            // A found case carries it in its header, or shows it on rustpython
            // (a mark for rustpython: its run there is what made it known).
            if case.starts_with("found/") {
                assert!(
                    source.contains(&format!("# identity: rustpython: {identity}\n"))
                        || source.contains(&format!("# same-cause: rustpython: {identity}\n"))
                        || source.contains("# diverges: rustpython "),
                    "{case} does not carry {identity}"
                );
            }
        }
    }
}

/// Witnesses of one cause merged into its case (one case per root cause): their
/// identities, named in the case's `same-cause:` lines, are linked to it, not new.
#[test]
fn merged_witnesses_are_linked_to_their_cause() {
    // Seeds 283 and 131: the walrus-target witnesses merged into this case.
    let case = "found/walrus_target_is_read_as_an_unbound_local";
    let output = Command::new(env!("CARGO_BIN_EXE_closure-conformance"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fuzz", "--backend", "rustpython", "--reduce-budget", "0"])
        .arg("--seed-list=283,131")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    let source =
        std::fs::read_to_string(format!("{}/cases/{case}.py", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for identity in [
        "scopes: function varnames missing, cellvars extra: walrus target",
        "scopes: generator expression freevars missing: walrus target",
    ] {
        assert!(source.contains(&format!("# same-cause: rustpython: {identity}\n")));
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("  rustpython: {identity}  [")))
            .unwrap_or_else(|| panic!("no finding {identity:?} in\n{text}"));
        assert!(
            line.ends_with(&format!("already shown by {case}")),
            "{line}"
        );
    }
}

/// The two "new" causes a fresh campaign (`fuzz --seeds 50000..52000 -b
/// rustpython --save`) saved before identities named the code object that
/// differs: both are causes the corpus shows. Reduced, each carries only
/// identities its cause's case carries (run on rustpython against 3.14, or in its
/// `same-cause:` lines); unreduced, the campaign reports neither as new.
#[test]
fn the_two_false_new_causes_are_linked_to_their_cause() {
    use closure_conformance::backend::{discover, Backend, BackendOptions};
    use closure_conformance::fuzz::bindings;
    use closure_conformance::fuzz::campaign::{PROGRAM_PATH, PROGRAM_TIMEOUT};
    use closure_conformance::fuzz::identity::identities;
    use closure_conformance::normalize::normalize;
    // (seed, its reduced program, what it shows, the case of its cause)
    let two = [
        (
            51126,
            // gh-121377: g's inlined comprehension variable is the cell g.g reads;
            // the `match` capture becomes f's cell only where g passes x through.
            "def f(y, a):\n    match 0:\n        case [0, _, _]:\n            pass\n        case [b, x]:\n            \
             pass\n    def g():\n        fs = [0 for x in 0]\n        def g(y):\n            y += x\n",
            vec!["scopes: function cellvars missing, freevars extra: comprehension target"],
            "comprehensions/nested_function_reads_name_of_inlined_iteration_variable",
        ),
        (
            51542,
            // The walrus target of the second generator expression (not the first
            // one's iteration variable) is not free in it on RustPython 0.5.0.
            "def h(n=0, y=0):\n    a = (0 for x in 0)\n    return ((x := 0) for v in 0)\n",
            vec!["scopes: generator expression freevars missing: walrus target"],
            "found/walrus_target_is_read_as_an_unbound_local",
        ),
    ];
    let root = env!("CARGO_MANIFEST_DIR");
    let options =
        BackendOptions::from_env(env!("CARGO_BIN_EXE_closure-conformance").into()).unwrap();
    let found = discover(&options);
    let start = |name: &str| {
        let spec = found.available.iter().find(|s| s.name == name).unwrap();
        Backend::start(spec.clone(), &options)
    };
    let (rustpython, reference) = (start("rustpython"), start("pyodide-3.14"));
    let version = rustpython.language().unwrap();
    let whats = |source: &str| -> Vec<String> {
        let run =
            |b: &Backend| normalize(b.run_source(PROGRAM_PATH, source, PROGRAM_TIMEOUT).render());
        let b = &bindings::of(&[source.to_string()]).unwrap()[0];
        identities(
            "rustpython",
            version,
            b,
            &run(&reference),
            &run(&rustpython),
        )
        .into_iter()
        .map(|i| i.what)
        .collect()
    };
    for (seed, program, shows, case) in &two {
        assert_eq!(&whats(program), shows, "seed {seed}, reduced:\n{program}");
        let text = std::fs::read_to_string(format!("{root}/cases/{case}.py")).unwrap();
        let carried = whats(&text);
        for what in shows {
            assert!(
                carried.contains(&what.to_string())
                    || text.contains(&format!("# same-cause: rustpython: {what}\n")),
                "{case} does not carry {what} (its identities: {carried:?})"
            );
        }
    }
    let output = Command::new(env!("CARGO_BIN_EXE_closure-conformance"))
        .current_dir(root)
        .args(["fuzz", "--backend", "rustpython", "--reduce-budget", "0"])
        .arg("--seed-list=51126,51542")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    let findings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  rustpython: "))
        .collect();
    assert!(!findings.is_empty(), "{text}");
    for line in findings {
        assert!(line.contains(" — already shown by "), "{line}");
    }
}
