//! Invalid mode: break one scope rule in a valid program and predict the
//! SyntaxError (message and line) that CPython 3.11+ reports.

use super::ir::{self, call, name, Class, Def, Expr, Stmt};
use super::{Expectation, Generator};

/// The scope rules invalid mode breaks, each named for the SyntaxError it causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// `nonlocal` at module level.
    ModuleNonlocal,
    /// `[v := 1 for v in …]`.
    WalrusOnIterationVariable,
    /// A walrus in a comprehension in a class body.
    WalrusInClassComprehension,
    /// `global p` of a parameter (without parameters: `NonlocalWithoutBinding`).
    ParameterGlobal,
    /// `nonlocal p` of a parameter (likewise).
    ParameterNonlocal,
    /// A read of a name before its `global`.
    UsedBeforeGlobal,
    /// An assignment to a name before its `nonlocal`.
    AssignedBeforeNonlocal,
    /// `nonlocal zz` where no enclosing function binds it.
    NonlocalWithoutBinding,
}

impl Rule {
    /// Broken at the top of a function's body (the others at module level).
    fn in_function(self) -> bool {
        !matches!(
            self,
            Rule::ModuleNonlocal
                | Rule::WalrusOnIterationVariable
                | Rule::WalrusInClassComprehension
        )
    }
}

/// How often each rule is broken: all alike.
pub(super) const RULES: &[(Rule, usize)] = &[
    (Rule::ModuleNonlocal, 1),
    (Rule::WalrusOnIterationVariable, 1),
    (Rule::WalrusInClassComprehension, 1),
    (Rule::ParameterGlobal, 1),
    (Rule::ParameterNonlocal, 1),
    (Rule::UsedBeforeGlobal, 1),
    (Rule::AssignedBeforeNonlocal, 1),
    (Rule::NonlocalWithoutBinding, 1),
];

impl Generator {
    /// Breaks one scope rule in a valid program and says what CPython reports.
    pub(super) fn break_a_rule(&mut self, body: &mut Vec<Stmt>) -> Expectation {
        let defs = count_defs(body);
        let drawn = self.rng.weighted(RULES);
        // Without a def, a rule of functions is broken at module level instead.
        let rule = if defs == 0 && drawn.in_function() {
            Rule::ModuleNonlocal
        } else {
            drawn
        };
        let (stmts, message): (Vec<Stmt>, String) = match rule {
            Rule::ModuleNonlocal => (
                vec![Stmt::Nonlocal(vec!["zz".into()])],
                "nonlocal declaration not allowed at module level".into(),
            ),
            Rule::WalrusOnIterationVariable => (
                vec![Stmt::Print(vec![Expr::Comp {
                    generator: false,
                    elt: Box::new(Expr::Walrus("v".into(), Box::new(Expr::Int(1)))),
                    var: "v".into(),
                    iter: Box::new(call(name("range"), vec![Expr::Int(2)])),
                    cond: None,
                }])],
                "assignment expression cannot rebind comprehension iteration variable 'v'".into(),
            ),
            Rule::WalrusInClassComprehension => (
                vec![Stmt::Class(Class {
                    name: "Q".into(),
                    bases: Vec::new(),
                    body: vec![Stmt::Assign(
                        "w".into(),
                        Expr::Comp {
                            generator: false,
                            elt: Box::new(Expr::Walrus("zz".into(), Box::new(name("v")))),
                            var: "v".into(),
                            iter: Box::new(call(name("range"), vec![Expr::Int(2)])),
                            cond: None,
                        },
                    )],
                })],
                "assignment expression within a comprehension cannot be used in a class body"
                    .into(),
            ),
            _ => return self.break_in_function(body, defs, rule),
        };
        // At module level, after a random statement.
        let position = self.rng.below(body.len() + 1);
        let marked = stmts.len() - 1;
        let mut with_marker = body.clone();
        for (i, stmt) in stmts.iter().enumerate() {
            let stmt = if i == marked { marker() } else { stmt.clone() };
            with_marker.insert(position + i, stmt);
        }
        // The class's error is on its body's line, below `class Q:`.
        let line =
            marker_line(&with_marker) + usize::from(rule == Rule::WalrusInClassComprehension);
        for (i, stmt) in stmts.into_iter().enumerate() {
            body.insert(position + i, stmt);
        }
        Expectation::SyntaxError { message, line }
    }

    /// Rules broken at the top of a function's body.
    pub(super) fn break_in_function(
        &mut self,
        body: &mut [Stmt],
        defs: usize,
        rule: Rule,
    ) -> Expectation {
        let which = self.rng.below(defs);
        let mut target = None;
        find_def(body, which, &mut 0, &mut |def: &mut Def| {
            target = Some((
                def.params
                    .iter()
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>(),
                declared(def),
            ));
        });
        let (params, declared) = target.expect("the def exists");
        let free: Vec<&str> = ["a", "b", "n", "x", "y", "q"]
            .into_iter()
            .filter(|n| !params.iter().any(|p| p == n) && !declared.contains(&n.to_string()))
            .collect();
        let other = free.first().copied().unwrap_or("q");
        let (stmts, message): (Vec<Stmt>, String) = match rule {
            Rule::ParameterGlobal if !params.is_empty() => (
                vec![Stmt::Global(vec![params[0].clone()])],
                format!("name '{}' is parameter and global", params[0]),
            ),
            Rule::ParameterNonlocal if !params.is_empty() => (
                vec![Stmt::Nonlocal(vec![params[0].clone()])],
                format!("name '{}' is parameter and nonlocal", params[0]),
            ),
            Rule::UsedBeforeGlobal => (
                vec![
                    Stmt::Print(vec![name(other)]),
                    Stmt::Global(vec![other.into()]),
                ],
                format!("name '{other}' is used prior to global declaration"),
            ),
            Rule::AssignedBeforeNonlocal => (
                vec![
                    Stmt::Assign(other.into(), Expr::Int(1)),
                    Stmt::Nonlocal(vec![other.into()]),
                ],
                format!("name '{other}' is assigned to before nonlocal declaration"),
            ),
            _ => (
                vec![Stmt::Nonlocal(vec!["zz".into()])],
                "no binding for nonlocal 'zz' found".into(),
            ),
        };
        let marked = stmts.len() - 1;
        let mut with_marker = body.to_vec();
        find_def(&mut with_marker, which, &mut 0, &mut |def: &mut Def| {
            for (i, stmt) in stmts.iter().enumerate() {
                def.body
                    .insert(i, if i == marked { marker() } else { stmt.clone() });
            }
        });
        let line = marker_line(&with_marker);
        find_def(body, which, &mut 0, &mut |def: &mut Def| {
            for (i, stmt) in stmts.iter().enumerate() {
                def.body.insert(i, stmt.clone());
            }
        });
        Expectation::SyntaxError { message, line }
    }
}

const MARKER: &str = "__closure_conformance_marker__";

fn marker() -> Stmt {
    Stmt::Expr(name(MARKER))
}

fn marker_line(body: &[Stmt]) -> usize {
    ir::render(body)
        .lines()
        .position(|l| l.contains(MARKER))
        .map(|i| i + 1)
        .expect("the marker is rendered")
}

fn count_defs(body: &[Stmt]) -> usize {
    body.iter()
        .map(|stmt| {
            let own = usize::from(matches!(stmt, Stmt::Def(_)));
            own + ir::children(stmt)
                .iter()
                .map(|b| count_defs(b))
                .sum::<usize>()
        })
        .sum()
}

/// Calls `apply` on the `which`th def in pre-order.
fn find_def(
    body: &mut [Stmt],
    which: usize,
    seen: &mut usize,
    apply: &mut dyn FnMut(&mut Def),
) -> bool {
    for stmt in body.iter_mut() {
        if let Stmt::Def(def) = stmt {
            if *seen == which {
                apply(def);
                return true;
            }
            *seen += 1;
        }
        for child in ir::children_mut(stmt) {
            if find_def(child, which, seen, apply) {
                return true;
            }
        }
    }
    false
}

/// Names a def's body declares global or nonlocal.
fn declared(def: &Def) -> Vec<String> {
    def.body
        .iter()
        .flat_map(|s| match s {
            Stmt::Global(names) | Stmt::Nonlocal(names) => names.clone(),
            _ => Vec::new(),
        })
        .collect()
}
