//! Functions: plain, factories of closures, generators, decorated; their
//! `global` and `nonlocal` declarations; the decorator itself.

use super::ir::{add, call, name, Def, Expr, Param, Stmt};
use super::scope::{FuncInfo, Kind, Returns, Ty, Var};
use super::{Generator, FUNCS, INTS, LOOP_VARS, MAX_DEPTH};
use std::collections::BTreeSet;
use std::rc::Rc;

/// What a function returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A closure it defines (too deep for one: an int).
    Factory,
    /// A generator of ints, yielding from a loop.
    Generator,
    /// An int; only such a function may be decorated.
    Plain,
}

/// How often each shape is drawn (out of 10).
pub(super) const SHAPES: &[(Shape, usize)] = &[
    (Shape::Factory, 3),
    (Shape::Generator, 1),
    (Shape::Plain, 6),
];

impl Generator {
    /// A function: plain, a factory of a closure, a generator, maybe decorated.
    pub(super) fn function(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        let fname = self.rng.pick(FUNCS).to_string();
        if !self.scopes.can_bind(at, &fname) || self.scopes.stack[at].vars.contains_key(&fname) {
            return;
        }
        let shape = self.rng.weighted(SHAPES);
        // A decorator's wrapper adds to what the function returns: only an int.
        let decorator = self
            .scopes
            .readable(at, &["deco"], |t| matches!(t, Ty::Deco(_)))
            .first()
            .cloned()
            .filter(|_| shape == Shape::Plain && self.rng.chance(50));
        if decorator.is_none()
            && self.rng.chance(12)
            && self.scopes.can_bind(at, "deco")
            && !self.scopes.stack[at].vars.contains_key("deco")
        {
            self.decorator(body);
            return;
        }
        let arity = self.rng.below(3);
        let mut params = Vec::new();
        let mut names: Vec<&str> = INTS.to_vec();
        for _ in 0..arity {
            let p = names.remove(self.rng.below(names.len()));
            // A default is evaluated here, now: default-argument capture.
            let default = if self.rng.chance(30) {
                Some(self.int_expr(1))
            } else {
                None
            };
            params.push(Param {
                name: p.to_string(),
                default,
            });
        }
        // Defaults must not be followed by parameters without one.
        let mut seen_default = false;
        for param in params.iter_mut() {
            if param.default.is_some() {
                seen_default = true;
            } else if seen_default {
                param.default = Some(Expr::Int(0));
            }
        }
        let mut deco_needs = BTreeSet::new();
        let decorators = match &decorator {
            Some(deco) => {
                if let Some(Var {
                    ty: Ty::Deco(needs),
                    ..
                }) = self.scopes.var(self.scopes.resolve(at, deco), deco)
                {
                    deco_needs = needs.clone();
                }
                vec![self.scopes.read(at, deco)]
            }
            None => Vec::new(),
        };
        self.scopes.push(Kind::Function);
        let inner = self.scopes.cur();
        for param in &params {
            self.scopes.stack[inner].params.insert(param.name.clone());
            self.scopes.stack[inner].vars.insert(
                param.name.clone(),
                Var {
                    ty: Ty::Int,
                    bound: true,
                },
            );
        }
        let mut fbody = self.declarations();
        let count = 1 + self.rng.below(4);
        self.block(&mut fbody, count);
        let returns = if shape == Shape::Factory && self.scopes.depth() < MAX_DEPTH {
            // A factory: def inner closure, return it.
            let before = fbody.len();
            self.function(&mut fbody);
            let made = fbody[before..].iter().rev().find_map(|s| match s {
                Stmt::Def(def) => Some(def.name.clone()),
                _ => None,
            });
            match made.and_then(|m| match self.scopes.stack[inner].vars.get(&m) {
                Some(Var {
                    ty: Ty::Func(info), ..
                }) if info.arity == 0 && matches!(info.returns, Returns::Int) => {
                    Some((m, info.clone()))
                }
                _ => None,
            }) {
                Some((m, info)) => {
                    let closure = self.scopes.read(inner, &m);
                    fbody.push(Stmt::Return(closure));
                    Returns::Func(info)
                }
                None => {
                    let value = self.int_expr(2);
                    fbody.push(Stmt::Return(value));
                    Returns::Int
                }
            }
        } else if shape == Shape::Generator {
            // A generator: yields from a loop, closing over the loop's state.
            let var = self.rng.pick(LOOP_VARS).to_string();
            if self.scopes.can_bind(inner, &var) && !self.scopes.stack[inner].params.contains(&var)
            {
                self.scopes.bind(inner, &var, Ty::Int);
                self.scopes.stack[inner].in_loop = true;
                let value = self.int_expr(2);
                self.scopes.stack[inner].in_loop = false;
                fbody.push(Stmt::For {
                    var,
                    iter: call(name("range"), vec![Expr::Int(1 + self.rng.below(3) as i64)]),
                    body: vec![Stmt::Yield(value)],
                });
                Returns::Ints
            } else {
                let value = self.int_expr(2);
                fbody.push(Stmt::Return(value));
                Returns::Int
            }
        } else {
            let value = self.int_expr(3);
            fbody.push(Stmt::Return(value));
            Returns::Int
        };
        let mut scope = self.scopes.pop();
        scope.needs.extend(deco_needs);
        // The body or a default may have read an outer `fname`: then it may not be
        // bound here any more; another free name will do.
        let Some(fname) = self.scopes.free_name(at, FUNCS, &fname) else {
            return;
        };
        let info = Rc::new(FuncInfo {
            arity: params.iter().filter(|p| p.default.is_none()).count(),
            needs: scope.needs,
            returns,
        });
        self.scopes.bind(at, &fname, Ty::Func(info));
        body.push(Stmt::Def(Def {
            name: fname,
            params,
            star: None,
            decorators,
            body: fbody,
        }));
    }

    /// `global` / `nonlocal` at the top of a function, obeying the rules.
    pub(super) fn declarations(&mut self) -> Vec<Stmt> {
        let at = self.scopes.cur();
        let mut out = Vec::new();
        if self.rng.chance(30) {
            // nonlocal: a variable of an enclosing function (classes are skipped).
            let candidates: Vec<String> = INTS
                .iter()
                .filter(|n| !self.scopes.stack[at].params.contains(**n))
                .filter(|n| {
                    let t = self.scopes.resolve(at, n);
                    t > 0
                        && self.scopes.stack[t].kind == Kind::Function
                        && self.scopes.is_local(t, n)
                })
                .map(|n| n.to_string())
                .collect();
            if !candidates.is_empty() {
                let chosen = self.rng.pick(&candidates).clone();
                let t = self.scopes.resolve(at, &chosen);
                for between in (t + 1)..at {
                    if !self.scopes.is_local(between, &chosen)
                        && self.scopes.stack[between].kind != Kind::Class
                    {
                        self.scopes.stack[between].frozen.insert(chosen.clone());
                    }
                }
                self.scopes.stack[at].nonlocals.insert(chosen.clone());
                let ty = self.scopes.stack[t].vars[&chosen].ty.clone();
                self.scopes.stack[at]
                    .vars
                    .insert(chosen.clone(), Var { ty, bound: false });
                out.push(Stmt::Nonlocal(vec![chosen]));
            }
        }
        if self.rng.chance(25) {
            let chosen = self.rng.pick(INTS).to_string();
            if !self.scopes.stack[at].params.contains(&chosen)
                && !self.scopes.stack[at].nonlocals.contains(&chosen)
                && self.scopes.stack[0]
                    .vars
                    .get(&chosen)
                    .is_none_or(|v| matches!(v.ty, Ty::Int))
            {
                self.scopes.stack[at].globals.insert(chosen.clone());
                self.scopes.stack[at].vars.insert(
                    chosen.clone(),
                    Var {
                        ty: Ty::Int,
                        bound: false,
                    },
                );
                out.push(Stmt::Global(vec![chosen]));
            }
        }
        out
    }

    /// `def deco(fn): def wrapper(*args): return fn(*args) + …; return wrapper`.
    pub(super) fn decorator(&mut self, body: &mut Vec<Stmt>) {
        let at = self.scopes.cur();
        self.scopes.push(Kind::Function);
        let d = self.scopes.cur();
        self.scopes.stack[d].params.insert("fn".into());
        self.scopes.stack[d].vars.insert(
            "fn".into(),
            Var {
                ty: Ty::Opaque,
                bound: true,
            },
        );
        self.scopes.push(Kind::Function);
        let w = self.scopes.cur();
        self.scopes.stack[w].params.insert("args".into());
        self.scopes.stack[w].vars.insert(
            "args".into(),
            Var {
                ty: Ty::Opaque,
                bound: true,
            },
        );
        self.scopes.note_read(w, "fn");
        let extra = self.int_expr(1);
        let wrapper_body = vec![Stmt::Return(add(
            Expr::CallStar(Box::new(name("fn")), "args".into()),
            extra,
        ))];
        let wrapper = self.scopes.pop();
        self.scopes.bind(d, "wrapper", Ty::Opaque);
        self.scopes.pop();
        // A decorated function needs what the wrapper reads, besides its own needs.
        self.scopes.bind(at, "deco", Ty::Deco(wrapper.needs));
        body.push(Stmt::Def(Def {
            name: "deco".into(),
            params: vec![Param {
                name: "fn".into(),
                default: None,
            }],
            star: None,
            decorators: Vec::new(),
            body: vec![
                Stmt::Def(Def {
                    name: "wrapper".into(),
                    params: Vec::new(),
                    star: Some("args".into()),
                    decorators: Vec::new(),
                    body: wrapper_body,
                }),
                Stmt::Return(name("wrapper")),
            ],
        }));
    }
}
