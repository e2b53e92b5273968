use super::*;

fn rendered(exception: &str, scopes: &str) -> Rendered {
    let mut r = Rendered::default();
    r.set(Section::Exception, exception.into());
    r.set(Section::Scopes, scopes.into());
    r
}

fn whats(source: &str, version: &str, expected: &Rendered, actual: &Rendered) -> Vec<String> {
    let b = &bindings::of(&[source.to_string()]).unwrap()[0];
    identities("x", PyVersion::of(version).unwrap(), b, expected, actual)
        .into_iter()
        .map(|i| i.what)
        .collect()
}

#[test]
fn a_walrus_target_that_is_not_a_cell() {
    let source =
        "def g():\n    print(sum((a := x) for x in range(1)))\n    print([a for x in range(3)])\n";
    let cpython = rendered(
        "none\n",
        "<module>: varnames=() cellvars=() freevars=()\n\
         g: varnames=('x',) cellvars=('a',) freevars=()\n\
         g.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=('a',)\n",
    );
    let other = rendered(
        "UnboundLocalError\n| cannot access local variable 'a' where it is not associated with a value\n",
        "<module>: varnames=() cellvars=() freevars=()\n\
         g: varnames=('a',) cellvars=() freevars=()\n\
         g.<locals>.<genexpr>: varnames=('.0', 'x', 'a') cellvars=() freevars=()\n\
         g.<locals>.<listcomp>: varnames=('.0', 'x') cellvars=() freevars=()\n",
    );
    assert_eq!(
        whats(source, "3.14", &cpython, &other),
        [
            "scopes: extra code object: inlined comprehension in function",
            // One difference of the name in the code object that differs; g's
            // cell follows from the generator expression's free variable.
            "scopes: generator expression varnames extra, freevars missing: walrus target",
            "exception: none vs UnboundLocalError (none; cannot access local variable '…' where it \
             is not associated with a value); the name is bound as walrus target",
        ]
    );
}

/// Two generator expressions of one qualname are two code objects: the walrus
/// target of the second is not the iteration variable of the first (campaign
/// 50000..52000 saved this as a new `comprehension target` cause).
#[test]
fn code_objects_of_one_qualname_are_told_apart() {
    let source = "def h(n=0, y=0):\n    a = (0 for x in 0)\n    return ((x := 0) for v in 0)\n";
    let scopes = |free: &str| {
        format!(
            "<module>: varnames=() cellvars=() freevars=()\n\
             h: varnames=('n', 'y', 'a') cellvars=('x',) freevars=()\n\
             h.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()\n\
             h.<locals>.<genexpr>: varnames=('.0', 'v') cellvars=() freevars=({free})\n"
        )
    };
    let (cpython, other) = (
        rendered("none\n", &scopes("'x',")),
        rendered("none\n", &scopes("")),
    );
    assert_eq!(
        whats(source, "3.14", &cpython, &other),
        ["scopes: generator expression freevars missing: walrus target"]
    );
}

/// A name that becomes a cell of a function because a function inside it reads it
/// is the inner function's difference, not one of how the outer binds it (here a
/// `match` capture): the gh-121377 pattern, whichever way the outer binds it.
#[test]
fn cells_that_follow_an_inner_free_variable_are_no_difference() {
    let source = "def f(y, a):\n    match 0:\n        case [b, x]:\n            pass\n    def g():\n        \
                  fs = [0 for x in 0]\n        def g(y):\n            y += x\n";
    let cpython = rendered(
        "none\n",
        "<module>: varnames=() cellvars=() freevars=()\n\
         f: varnames=('y', 'a', 'b', 'x', 'g') cellvars=() freevars=()\n\
         f.<locals>.g: varnames=('x', 'fs', 'g') cellvars=('x',) freevars=()\n\
         f.<locals>.g.<locals>.g: varnames=('y',) cellvars=() freevars=('x',)\n",
    );
    let other = rendered(
        "none\n",
        "<module>: varnames=() cellvars=() freevars=()\n\
         f: varnames=('y', 'a', 'b', 'g') cellvars=('x',) freevars=()\n\
         f.<locals>.g: varnames=('x', 'fs', 'g') cellvars=() freevars=('x',)\n\
         f.<locals>.g.<locals>.g: varnames=('y',) cellvars=() freevars=('x',)\n",
    );
    assert_eq!(
        whats(source, "3.14", &cpython, &other),
        ["scopes: function cellvars missing, freevars extra: comprehension target"]
    );
    // gh-156664's pattern (a later comprehension reads the name) is another one.
    let later =
        "def h(x):\n    def f():\n        print([0 for x in 0])\n        print([x for v in 0])\n";
    let scopes = |cell: &str, free: &str| {
        rendered(
            "none\n",
            &format!(
                "<module>: varnames=() cellvars=() freevars=()\n\
                 h: varnames=('x', 'f') cellvars=({cell}) freevars=()\n\
                 h.<locals>.f: varnames=('x', 'v') cellvars=() freevars=({free})\n"
            ),
        )
    };
    assert_eq!(
        whats(later, "3.14", &scopes("", ""), &scopes("'x',", "'x',")),
        ["scopes: function freevars extra: comprehension target"]
    );
}

/// An exception names how the name is bound where the failing read resolves to,
/// not its rarest binding anywhere: here the walrus target of g, which g.<locals>.g
/// reads, not the comprehension target of a function that never reads it.
#[test]
fn an_exception_names_the_binding_its_read_resolves_to() {
    let source = "def g():\n    print([(x := 0) for v in range(3)])\n    def g():\n        def f():\n            \
                  fs = [0 for x in 0]\n        return x\n    return g\nprint('2', g()())\n";
    let scopes = "<module>: varnames=() cellvars=() freevars=()\n";
    let cpython = rendered("none\n", scopes);
    let other = rendered(
        "NameError\n| cannot access free variable 'x' where it is not associated with a value in enclosing scope\n",
        scopes,
    );
    assert_eq!(
        whats(source, "3.14", &cpython, &other),
        [
            "exception: none vs NameError (none; cannot access free variable '…' where it is not \
          associated with a value in enclosing scope); the name is bound as walrus target"
        ]
    );
}

#[test]
fn a_comprehension_not_inlined_is_one_identity() {
    let source = "fs = [(lambda: x) for x in range(2)]\n";
    let cpython = rendered(
        "none\n",
        "<module>: varnames=('x',) cellvars=('x',) freevars=()\n<lambda>: varnames=() cellvars=() freevars=('x',)\n",
    );
    let other = rendered(
        "none\n",
        "<module>: varnames=() cellvars=() freevars=()\n<listcomp>: varnames=('.0',) cellvars=('x',) freevars=()\n\
         <listcomp>.<lambda>: varnames=() cellvars=() freevars=('x',)\n",
    );
    assert_eq!(
        whats(source, "3.14", &cpython, &other),
        ["scopes: extra code object: inlined comprehension in module"]
    );
    // Against 3.11, where it is a code object of its own, nothing differs.
    assert!(whats(source, "3.11", &other, &other).is_empty());
}

#[test]
fn exceptions_name_the_binding_and_mask_names_and_numbers() {
    let source = "def f():\n    v = 0\n    fs = [(lambda: v) for v in range(0)]\n    def h():\n        return v\n    return h()\nf()\n";
    let scopes = "<module>: varnames=() cellvars=() freevars=()\n";
    let cpython = rendered(
        "NameError\n| cannot access free variable 'v' where it is not associated with a value in enclosing scope\n",
        scopes,
    );
    let other = rendered("none\n", scopes);
    assert_eq!(
        whats(source, "3.14", &cpython, &other),
        ["exception: NameError vs none (cannot access free variable '…' where it is not associated \
          with a value in enclosing scope; none); the name is bound as comprehension target"]
    );
    assert_eq!(
        normalize_message("line 12: 'ab' at 0x…"),
        "line N: '…' at N"
    );
}

#[test]
fn faults_by_kind_and_message_then_stdout_alone() {
    let mut cpython = rendered("none\n", "");
    let mut other = cpython.clone();
    other.set(
        Section::Fault,
        "panicked at src/x.rs:12: index 3 out of range\n".into(),
    );
    assert_eq!(
        whats("pass\n", "3.14", &cpython, &other),
        ["fault panic: panicked at src/x.rs:N: index N out of range"]
    );
    cpython.set(Section::Stdout, "| 1\n".into());
    let mut quiet = rendered("none\n", "");
    quiet.set(Section::Stdout, "| 2\n".into());
    assert_eq!(
        whats("pass\n", "3.14", &cpython, &quiet),
        ["stdout: N vs N"]
    );
}

/// `SEEDS=1,2 CASES=cases/a/b.py cargo test --release --lib identities_of -- --ignored
/// --nocapture`: identities of seeds and cases on $BACKEND (rustpython) against
/// the 3.14 reference, to look at.
#[test]
#[ignore]
fn identities_of() {
    use crate::backend::{discover, Backend, BackendOptions};
    let exe = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/target/release/closure-conformance"
    );
    let options = BackendOptions::from_env(exe.into()).unwrap();
    let found = discover(&options);
    let pick = |name: &str| {
        let spec = found.available.iter().find(|s| s.name == name).unwrap();
        Backend::start(spec.clone(), &options)
    };
    let name = std::env::var("BACKEND").unwrap_or("rustpython".into());
    let (backend, reference) = (pick(&name), pick("pyodide-3.14"));
    let mut items: Vec<(String, String)> = Vec::new();
    for seed in std::env::var("SEEDS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let program = crate::fuzz::generate::generate(
            seed.parse().unwrap(),
            crate::fuzz::generate::Mode::Execute,
        );
        items.push((format!("seed {seed}"), program.source()));
    }
    for case in std::env::var("CASES")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
    {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(case);
        items.push((case.to_string(), std::fs::read_to_string(path).unwrap()));
    }
    let run = |b: &Backend, source: &str| {
        crate::normalize::normalize(
            b.run_source("fuzz.py", source, std::time::Duration::from_secs(5))
                .render(),
        )
    };
    for (what, source) in items {
        let (e, a) = (run(&reference, &source), run(&backend, &source));
        let b = &bindings::of(std::slice::from_ref(&source)).unwrap()[0];
        println!("== {what}");
        if std::env::var("VERBOSE").is_ok() {
            println!(
                "{source}\n--- expected\n{}\n--- actual\n{}",
                e.get(Section::Scopes),
                a.get(Section::Scopes)
            );
        }
        for i in identities(&backend.name, PyVersion::of("3.14").unwrap(), b, &e, &a) {
            println!("   {}", i.what);
        }
    }
}
