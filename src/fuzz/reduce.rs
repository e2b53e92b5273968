//! The reducer: shrinks a program on the IR while a test (the same divergence
//! signature) still holds. Statements are dropped in halves, then singly, later
//! ones first (as pysource-minimize does); compound statements are replaced by
//! their bodies (inlined); expressions are replaced by a part of themselves or a
//! smaller value; names are renamed to the first letters. Every candidate is a
//! whole program the test runs, so a step that changes the divergence is refused.

use super::ir::{self, Expr, Stmt};

/// Shrinks `body` while `keeps` holds, within `budget` tests; returns the smallest
/// program found and the number of tests run.
pub fn reduce(
    body: Vec<Stmt>,
    budget: usize,
    keeps: &mut dyn FnMut(&[Stmt]) -> bool,
) -> (Vec<Stmt>, usize) {
    let mut reducer = Reducer {
        best: body,
        tests: 0,
        budget,
        keeps,
    };
    loop {
        let before = ir::render(&reducer.best);
        reducer.drop_statements();
        reducer.inline();
        reducer.simplify_expressions();
        if ir::render(&reducer.best) == before || reducer.tests >= reducer.budget {
            break;
        }
    }
    (reducer.best, reducer.tests)
}

struct Reducer<'a> {
    best: Vec<Stmt>,
    tests: usize,
    budget: usize,
    keeps: &'a mut dyn FnMut(&[Stmt]) -> bool,
}

impl Reducer<'_> {
    /// Tries a candidate; keeps it if it still shows the divergence.
    fn attempt(&mut self, candidate: Vec<Stmt>) -> bool {
        if self.tests >= self.budget || ir::render(&candidate) == ir::render(&self.best) {
            return false;
        }
        self.tests += 1;
        if (self.keeps)(&candidate) {
            self.best = candidate;
            true
        } else {
            false
        }
    }

    /// Removes runs of statements from every block, the later blocks and the later
    /// half first, halving the run down to one statement.
    fn drop_statements(&mut self) {
        let mut block = ir::count_blocks(&self.best);
        while block > 0 {
            block -= 1;
            let Some(len) = ir::block_mut(&mut self.best, block).map(|b| b.len()) else {
                continue;
            };
            let mut chunk = len.div_ceil(2).max(1);
            loop {
                let mut end = ir::block_mut(&mut self.best, block).map_or(0, |b| b.len());
                while end > 0 {
                    let start = end.saturating_sub(chunk);
                    let mut candidate = self.best.clone();
                    let Some(target) = ir::block_mut(&mut candidate, block) else {
                        break;
                    };
                    if end > target.len() {
                        end = target.len();
                        continue;
                    }
                    target.drain(start..end);
                    self.attempt(candidate);
                    end = start;
                }
                if chunk == 1 {
                    break;
                }
                chunk = chunk.div_ceil(2);
            }
        }
    }

    /// Replaces a compound statement by its body (a def or class by its body, a
    /// loop by one pass, a try by what it guards, a match by its arm).
    fn inline(&mut self) {
        let mut block = ir::count_blocks(&self.best);
        while block > 0 {
            block -= 1;
            let len = ir::block_mut(&mut self.best, block).map_or(0, |b| b.len());
            for index in (0..len).rev() {
                let mut candidate = self.best.clone();
                let Some(target) = ir::block_mut(&mut candidate, block) else {
                    break;
                };
                let Some(stmt) = target.get(index).cloned() else {
                    continue;
                };
                let inner: Vec<Stmt> = match stmt {
                    Stmt::For { var, iter, body } => {
                        let mut inner = vec![Stmt::Assign(var, first_item(&iter))];
                        inner.extend(body);
                        inner
                    }
                    Stmt::Guard(body) => body,
                    Stmt::Match { arms, .. } => match arms.last() {
                        Some((_, body)) => body.clone(),
                        None => continue,
                    },
                    Stmt::Def(def) if def.body.len() > 1 => {
                        let mut def = def;
                        def.body.retain(|s| !matches!(s, Stmt::Return(_)));
                        def.body
                    }
                    Stmt::Class(class) => class.body,
                    _ => continue,
                };
                target.splice(index..=index, inner);
                self.attempt(candidate);
            }
        }
    }

    /// Replaces each expression by a smaller one: a part of it, or a small value.
    fn simplify_expressions(&mut self) {
        let mut index = count_exprs(&mut self.best.clone());
        while index > 0 {
            index -= 1;
            let mut current = None;
            with_expr(&mut self.best.clone(), index, &mut |e| {
                current = Some(e.clone())
            });
            let Some(expr) = current else { continue };
            for smaller in smaller(&expr) {
                let mut candidate = self.best.clone();
                with_expr(&mut candidate, index, &mut |e| *e = smaller.clone());
                if warns(&mut candidate) {
                    continue;
                }
                if self.attempt(candidate) {
                    break;
                }
            }
        }
    }
}

/// Whether CPython (3.8+) warns when it compiles the program: a constant called
/// (`0(x)`: "'int' object is not callable; perhaps you missed a comma?") or
/// subscripted (`0[1]`). The SyntaxWarning lands on stderr, so a golden would
/// record noise that has nothing to do with the cause: no reduction makes one.
fn warns(body: &mut [Stmt]) -> bool {
    let literal = |e: &Expr| {
        matches!(
            e,
            Expr::Int(_) | Expr::Str(_) | Expr::Tuple(_) | Expr::List(_) | Expr::Comp { .. }
        )
    };
    let mut found = false;
    walk_stmts(body, &mut |e| {
        found |= match e {
            Expr::Call(function, _) | Expr::CallStar(function, _) => literal(function),
            Expr::Index(object, _) => matches!(
                **object,
                Expr::Int(_)
                    | Expr::Lambda(..)
                    | Expr::Comp {
                        generator: true,
                        ..
                    }
            ),
            _ => false,
        }
    });
    found
}

/// The first value a loop's iterable gives (`range(k)` gives 0).
fn first_item(iter: &Expr) -> Expr {
    match iter {
        Expr::List(items) | Expr::Tuple(items) if !items.is_empty() => items[0].clone(),
        _ => Expr::Int(0),
    }
}

/// Smaller expressions to try in place of `expr`, smallest first.
fn smaller(expr: &Expr) -> Vec<Expr> {
    match expr {
        Expr::Int(n) if *n != 0 => vec![Expr::Int(0)],
        Expr::Str(s) if s.len() > 1 => vec![Expr::Str("a".into())],
        Expr::Add(a, b) => vec![(**a).clone(), (**b).clone()],
        Expr::List(items) | Expr::Tuple(items) if items.len() > 1 => {
            let rebuild = |items: Vec<Expr>| match expr {
                Expr::List(_) => Expr::List(items),
                _ => Expr::Tuple(items),
            };
            (0..items.len())
                .rev()
                .map(|i| {
                    let mut fewer = items.clone();
                    fewer.remove(i);
                    rebuild(fewer)
                })
                .collect()
        }
        Expr::Comp {
            generator,
            elt,
            var,
            iter,
            cond: Some(_),
        } => vec![Expr::Comp {
            generator: *generator,
            elt: elt.clone(),
            var: var.clone(),
            iter: iter.clone(),
            cond: None,
        }],
        Expr::Walrus(_, value) => vec![(**value).clone(), Expr::Int(0)],
        Expr::Call(function, args) if matches!(&**function, Expr::Name(n) if n == "sum" || n == "len") =>
        {
            vec![Expr::Int(0), args.first().cloned().unwrap_or(Expr::Int(0))]
        }
        // Any other expression that is not a constant: the constant 0.
        Expr::Int(_) | Expr::Str(_) => Vec::new(),
        _ => vec![Expr::Int(0)],
    }
}

fn count_exprs(body: &mut [Stmt]) -> usize {
    let mut count = 0;
    walk_stmts(body, &mut |_| count += 1);
    count
}

/// Calls `apply` on the `index`th expression in pre-order.
fn with_expr(body: &mut [Stmt], index: usize, apply: &mut dyn FnMut(&mut Expr)) {
    let mut seen = 0;
    walk_stmts(body, &mut |e| {
        if seen == index {
            apply(e);
        }
        seen += 1;
    });
}

/// Every expression of a program, in pre-order (an expression before its parts).
fn walk_stmts(body: &mut [Stmt], visit: &mut dyn FnMut(&mut Expr)) {
    for stmt in body {
        match stmt {
            Stmt::Assign(_, e)
            | Stmt::AugAdd(_, e)
            | Stmt::Expr(e)
            | Stmt::Return(e)
            | Stmt::Yield(e) => walk_expr(e, visit),
            Stmt::Print(args) => args.iter_mut().for_each(|e| walk_expr(e, visit)),
            Stmt::Def(def) => {
                def.decorators.iter_mut().for_each(|e| walk_expr(e, visit));
                for param in def.params.iter_mut() {
                    if let Some(default) = &mut param.default {
                        walk_expr(default, visit);
                    }
                }
                walk_stmts(&mut def.body, visit);
            }
            Stmt::Class(class) => {
                class.bases.iter_mut().for_each(|e| walk_expr(e, visit));
                walk_stmts(&mut class.body, visit);
            }
            Stmt::For { iter, body, .. } => {
                walk_expr(iter, visit);
                walk_stmts(body, visit);
            }
            Stmt::Guard(body) | Stmt::Raise { handler: body, .. } => walk_stmts(body, visit),
            Stmt::Match { subject, arms } => {
                walk_expr(subject, visit);
                for (_, body) in arms.iter_mut() {
                    walk_stmts(body, visit);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Del(_) | Stmt::Pass => {}
        }
    }
}

fn walk_expr(expr: &mut Expr, visit: &mut dyn FnMut(&mut Expr)) {
    visit(expr);
    match expr {
        Expr::Tuple(items) | Expr::List(items) => {
            items.iter_mut().for_each(|e| walk_expr(e, visit))
        }
        Expr::Add(a, b) => {
            walk_expr(a, visit);
            walk_expr(b, visit);
        }
        Expr::Call(function, args) => {
            walk_expr(function, visit);
            args.iter_mut().for_each(|e| walk_expr(e, visit));
        }
        Expr::CallStar(function, _) | Expr::Attr(function, _) | Expr::Index(function, _) => {
            walk_expr(function, visit)
        }
        Expr::Lambda(params, body) => {
            for param in params.iter_mut() {
                if let Some(default) = &mut param.default {
                    walk_expr(default, visit);
                }
            }
            walk_expr(body, visit);
        }
        Expr::Comp {
            elt, iter, cond, ..
        } => {
            walk_expr(iter, visit);
            walk_expr(elt, visit);
            if let Some(cond) = cond {
                walk_expr(cond, visit);
            }
        }
        Expr::Walrus(_, value) => walk_expr(value, visit),
        Expr::Int(_) | Expr::Str(_) | Expr::Name(_) | Expr::Super => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzz::generate::{generate, Mode};

    /// A synthetic divergence: "a nested def declares a name nonlocal". The
    /// smallest program with it is a def around a def with the declaration; the
    /// reducer must get within a few lines of that from ~20-60.
    #[test]
    fn reduces_a_synthetic_divergence_to_its_core() {
        let keeps = |body: &[Stmt]| {
            let source = ir::render(body);
            source.contains("nonlocal") && source.contains("def ")
        };
        for seed in 0..400 {
            let program = generate(seed, Mode::Execute);
            if !keeps(&program.body) {
                continue;
            }
            let before = ir::lines(&program.body);
            let (reduced, tests) = reduce(program.body.clone(), 2000, &mut |b| keeps(b));
            let source = ir::render(&reduced);
            assert!(
                keeps(&reduced),
                "seed {seed}: the reduced program lost the divergence"
            );
            assert!(
                ir::lines(&reduced) <= 5,
                "seed {seed}: {before} lines reduced to {} in {tests} tests:\n{source}",
                ir::lines(&reduced)
            );
        }
    }

    /// `f(x)` whose divergence needs only `x` read: the callee stays a name, since
    /// `0(x)` makes CPython print a SyntaxWarning (nor does `0[1]` stand in for
    /// `g()[1]`).
    #[test]
    fn never_calls_or_subscripts_a_constant() {
        let body = vec![
            Stmt::Expr(ir::call(ir::name("f"), vec![ir::name("x")])),
            Stmt::Expr(Expr::Index(Box::new(ir::call(ir::name("g"), vec![])), 1)),
        ];
        let keeps = |b: &[Stmt]| {
            let source = ir::render(b);
            source.contains("(x)") && source.contains("[1]")
        };
        let (reduced, _) = reduce(body, 200, &mut |b| keeps(b));
        assert_eq!(ir::render(&reduced), "f(x)\ng()[1]\n");
    }

    #[test]
    fn a_budget_bounds_the_tests() {
        let program = generate(7, Mode::Execute);
        let mut calls = 0;
        let (_, tests) = reduce(program.body, 5, &mut |_| {
            calls += 1;
            true
        });
        assert_eq!((tests, calls), (5, 5));
    }
}
