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
        "scopes: function cellvars missing: comprehension target",
        "found/rustpython__scopes_varnames_scopes_cellvars_scopes_freevars__nameerror_vs_nameerror",
    ),
    (
        50458,
        "scopes: function cellvars missing: comprehension target",
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
        "scopes: function varnames missing: walrus target",
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
