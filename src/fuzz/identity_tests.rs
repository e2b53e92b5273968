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
            "scopes: function varnames extra: walrus target",
            "scopes: function cellvars missing: walrus target",
            "scopes: generator expression varnames extra: walrus target",
            "scopes: generator expression freevars missing: walrus target",
            "exception: none vs UnboundLocalError (none; cannot access local variable '…' where it \
             is not associated with a value); the name is bound as walrus target",
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
