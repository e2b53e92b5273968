//! Closures made in a loop or a comprehension: late binding, or capture by a
//! default argument.

use super::ir::{add, call, name, Expr, Param, Stmt};
use super::scope::{Kind, Need, Ty, Var};
use super::{Generator, LOOP_VARS};
use std::collections::BTreeSet;

impl Generator {
    /// `fs = []`, then `for i in range(k): fs.append(lambda [i=i]: …)`: late
    /// binding, or capture by default argument.
    pub(super) fn closures_in_loop(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        let var = self.rng.pick(LOOP_VARS).to_string();
        if !self.scopes.can_bind(at, "fs") || !self.scopes.can_bind(at, &var) {
            return;
        }
        if self.scopes.stack[at].params.contains(&var) {
            return;
        }
        let fresh = !matches!(
            self.scopes.var(self.scopes.resolve_binding(at, "fs"), "fs"),
            Some(Var { bound: true, .. })
        );
        if !fresh && self.rng.chance(50) {
            return;
        }
        self.scopes.bind(at, "fs", Ty::Funcs(BTreeSet::new()));
        self.scopes.bind(at, &var, Ty::Int);
        let (lambda, needs) = self.lambda(&var);
        let t = self.scopes.resolve_binding(at, "fs");
        if let Some(Var {
            ty: Ty::Funcs(all), ..
        }) = self.scopes.stack[t].vars.get_mut("fs")
        {
            all.extend(needs);
        }
        let append = Expr::Attr(Box::new(name("fs")), "append".into());
        body.push(Stmt::Assign("fs".into(), Expr::List(Vec::new())));
        body.push(Stmt::For {
            var,
            iter: call(name("range"), vec![Expr::Int(1 + self.rng.below(3) as i64)]),
            body: vec![Stmt::Expr(call(append, vec![lambda]))],
        });
        if let Some(each) = self.call_each("fs") {
            body.push(Stmt::Print(vec![each]));
        }
    }

    /// A zero-argument lambda over `var` (late bound, or captured by a default).
    pub(super) fn lambda(&mut self, var: &str) -> (Expr, BTreeSet<Need>) {
        let by_default = self.rng.chance(35);
        let at = self.scopes.cur();
        let params = if by_default {
            vec![Param {
                name: var.to_string(),
                default: Some(self.scopes.read(at, var)),
            }]
        } else {
            Vec::new()
        };
        self.scopes.push(Kind::Lambda);
        let l = self.scopes.cur();
        if by_default {
            self.scopes.stack[l].vars.insert(
                var.to_string(),
                Var {
                    ty: Ty::Int,
                    bound: true,
                },
            );
        }
        let v = self.scopes.read(l, var);
        let value = if self.rng.chance(50) {
            add(v, self.int_expr(1))
        } else {
            v
        };
        let scope = self.scopes.pop();
        (Expr::Lambda(params, Box::new(value)), scope.needs)
    }

    /// `fs = [lambda: v for v in range(k)]` and calling each.
    pub(super) fn closures_in_comprehension(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        if !self.scopes.can_bind(at, "fs") {
            return;
        }
        let var = self.rng.pick(LOOP_VARS).to_string();
        self.scopes.push(Kind::Comprehension);
        let c = self.scopes.cur();
        self.scopes.stack[c].vars.insert(
            var.clone(),
            Var {
                ty: Ty::Int,
                bound: true,
            },
        );
        let (lambda, needs) = self.lambda(&var);
        self.scopes.pop();
        // The lambdas read the comprehension's variable, whose cell outlives it
        // bound (its final state): `callable` checks it like any other need.
        self.scopes.bind(at, "fs", Ty::Funcs(needs));
        body.push(Stmt::Assign(
            "fs".into(),
            Expr::Comp {
                generator: false,
                elt: Box::new(lambda),
                var,
                iter: Box::new(call(
                    name("range"),
                    vec![Expr::Int(1 + self.rng.below(3) as i64)],
                )),
                cond: None,
            },
        ));
        if let Some(each) = self.call_each("fs") {
            body.push(Stmt::Print(vec![each]));
        }
    }
}
