//! The bindings of a generated program (src/fuzz/bindings.rs), computed from its
//! syntax tree (src/fuzz/ir.rs) instead of by Python's `ast`: a campaign needs them
//! for nearly every divergent program, and bindings.py costs a third as much CPU
//! as running the program. It follows bindings.py step by step (same scopes, same
//! order, same `resolve`); a test holds the two equal over thousands of programs.

use super::bindings::{keys, Bindings};
use super::ir::{Class, Def, Expr, Param, Pattern, Stmt};
use std::collections::BTreeSet;

struct Scope {
    kind: &'static str,
    qualname: String,
    parent: Option<usize>,
    /// name → how it is bound, in first-bound order (bindings.py's dict).
    names: Vec<(String, BTreeSet<&'static str>)>,
}

#[derive(Default)]
struct Walker {
    scopes: Vec<Scope>,
    scope: usize,
}

/// The bindings of a program given as its statements.
pub fn of(body: &[Stmt]) -> Bindings {
    let mut walker = Walker::default();
    walker.scopes.push(Scope {
        kind: "module",
        qualname: "<module>".into(),
        parent: None,
        names: Vec::new(),
    });
    walker.body_of(0, body);
    let binders = walker.resolve();
    let keys = keys(walker.scopes.iter().map(|s| s.qualname.as_str()));
    let mut out = Bindings::default();
    for (scope, key) in walker.scopes.iter().zip(&keys) {
        out.kinds.insert(key.clone(), scope.kind.to_string());
        for (name, hows) in &scope.names {
            let hows: Vec<&str> = hows.iter().copied().collect();
            out.names
                .insert((key.clone(), name.clone()), hows.join("+"));
        }
    }
    for ((scope, name), binder) in binders {
        out.binders
            .insert((keys[scope].clone(), name), keys[binder].clone());
    }
    out
}

impl Walker {
    fn bind_in(&mut self, scope: usize, name: &str, how: &'static str) {
        let names = &mut self.scopes[scope].names;
        match names.iter_mut().find(|(n, _)| n == name) {
            Some((_, hows)) => {
                hows.insert(how);
            }
            None => names.push((name.to_string(), BTreeSet::from([how]))),
        }
    }

    fn bind(&mut self, name: &str, how: &'static str) {
        self.bind_in(self.scope, name, how);
    }

    fn enter(&mut self, kind: &'static str, name: &str) -> usize {
        let parent = &self.scopes[self.scope];
        let qualname = match parent.kind {
            "module" => name.to_string(),
            "function" | "lambda" | "comprehension" | "generator expression" => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        };
        self.scopes.push(Scope {
            kind,
            qualname,
            parent: Some(self.scope),
            names: Vec::new(),
        });
        self.scopes.len() - 1
    }

    fn body_of(&mut self, scope: usize, body: &[Stmt]) {
        let saved = std::mem::replace(&mut self.scope, scope);
        for stmt in body {
            self.stmt(stmt);
        }
        self.scope = saved;
    }

    fn params(&mut self, scope: usize, params: &[Param], star: Option<&String>) {
        for param in params {
            self.bind_in(scope, &param.name, "parameter");
        }
        if let Some(star) = star {
            self.bind_in(scope, star, "parameter");
        }
        for param in params {
            if let Some(default) = &param.default {
                self.expr(default);
            }
        }
    }

    fn read(&mut self, name: &str) {
        self.bind(name, "read");
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Assign(target, value) | Stmt::AugAdd(target, value) => {
                self.bind(target, "local");
                self.expr(value);
            }
            Stmt::Print(args) => {
                self.read("print");
                args.iter().for_each(|a| self.expr(a));
            }
            Stmt::Expr(value) | Stmt::Return(value) | Stmt::Yield(value) => self.expr(value),
            Stmt::Def(def) => self.def(def),
            Stmt::Class(class) => self.class(class),
            Stmt::Global(names) => names.iter().for_each(|n| self.bind(n, "global")),
            Stmt::Nonlocal(names) => names.iter().for_each(|n| self.bind(n, "nonlocal")),
            Stmt::Del(target) => self.bind(target, "local"),
            Stmt::For { var, iter, body } => {
                self.bind(var, "local");
                self.expr(iter);
                body.iter().for_each(|s| self.stmt(s));
            }
            Stmt::Guard(body) => {
                body.iter().for_each(|s| self.stmt(s));
                self.read("NameError");
                self.bind("exc", "except target");
                for name in ["print", "type", "exc"] {
                    self.read(name);
                }
            }
            Stmt::Raise { name, handler, .. } => {
                self.read("ValueError");
                self.read("ValueError");
                self.bind(name, "except target");
                handler.iter().for_each(|s| self.stmt(s));
            }
            Stmt::Match { subject, arms } => {
                self.expr(subject);
                for (pattern, body) in arms {
                    self.pattern(pattern);
                    body.iter().for_each(|s| self.stmt(s));
                }
            }
            Stmt::Pass => {}
        }
    }

    fn def(&mut self, def: &Def) {
        def.decorators.iter().for_each(|d| self.expr(d));
        self.bind(&def.name, "local");
        let scope = self.enter("function", &def.name);
        self.params(scope, &def.params, def.star.as_ref());
        self.body_of(scope, &def.body);
    }

    fn class(&mut self, class: &Class) {
        class.bases.iter().for_each(|b| self.expr(b));
        self.bind(&class.name, "local");
        let scope = self.enter("class body", &class.name);
        self.body_of(scope, &class.body);
    }

    fn pattern(&mut self, pattern: &Pattern) {
        match pattern {
            Pattern::Capture(name) | Pattern::Star(name) => self.bind(name, "match capture"),
            Pattern::Sequence(items) => items.iter().for_each(|p| self.pattern(p)),
            Pattern::Wildcard | Pattern::Literal(_) => {}
        }
    }

    fn expr(&mut self, value: &Expr) {
        match value {
            Expr::Int(_) | Expr::Str(_) => {}
            Expr::Name(name) => self.read(name),
            Expr::Tuple(items) | Expr::List(items) => items.iter().for_each(|e| self.expr(e)),
            Expr::Add(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            Expr::Call(function, args) => {
                self.expr(function);
                args.iter().for_each(|e| self.expr(e));
            }
            Expr::CallStar(function, star) => {
                self.expr(function);
                self.read(star);
            }
            Expr::Attr(object, _) | Expr::Index(object, _) => self.expr(object),
            Expr::Super => self.read("super"),
            Expr::Lambda(params, body) => {
                let scope = self.enter("lambda", "<lambda>");
                self.params(scope, params, None);
                let saved = std::mem::replace(&mut self.scope, scope);
                self.expr(body);
                self.scope = saved;
            }
            Expr::Comp {
                generator,
                elt,
                var,
                iter,
                cond,
            } => self.comprehension(*generator, elt, var, iter, cond.as_deref()),
            Expr::Walrus(target, value) => {
                self.expr(value);
                let mut scope = self.scope;
                while matches!(
                    self.scopes[scope].kind,
                    "comprehension" | "generator expression"
                ) {
                    self.bind_in(scope, target, "walrus target");
                    scope = self.scopes[scope].parent.unwrap_or(0);
                }
                let how = if scope != self.scope {
                    "walrus target"
                } else {
                    "local"
                };
                self.bind_in(scope, target, how);
            }
        }
    }

    fn comprehension(
        &mut self,
        generator: bool,
        elt: &Expr,
        var: &str,
        iter: &Expr,
        cond: Option<&Expr>,
    ) {
        // The first iterable is evaluated outside.
        self.expr(iter);
        let (kind, name) = if generator {
            ("generator expression", "<genexpr>")
        } else {
            ("comprehension", "<listcomp>")
        };
        let scope = self.enter(kind, name);
        let saved = std::mem::replace(&mut self.scope, scope);
        self.bind(var, "comprehension target");
        if let Some(cond) = cond {
            self.expr(cond);
        }
        self.expr(elt);
        self.scope = saved;
        if !generator {
            // Inlined since 3.12: its targets become names of the scope around it.
            let targets: Vec<String> = self.scopes[scope]
                .names
                .iter()
                .filter(|(_, hows)| hows.contains("comprehension target"))
                .map(|(name, _)| name.clone())
                .collect();
            let mut outer = saved;
            loop {
                for name in &targets {
                    self.bind_in(outer, name, "comprehension target");
                }
                if self.scopes[outer].kind != "comprehension" {
                    break;
                }
                outer = self.scopes[outer].parent.unwrap_or(0);
            }
        }
    }

    /// `read` alone becomes `free` (a function around binds it) or `global read`.
    /// Returns, for every (scope, name) read there, the scope the read resolves to.
    fn resolve(&mut self) -> Vec<((usize, String), usize)> {
        let mut binders = Vec::new();
        for index in 0..self.scopes.len() {
            for slot in 0..self.scopes[index].names.len() {
                let (name, hows) = &self.scopes[index].names[slot];
                if !hows.contains("read") {
                    continue;
                }
                if hows.len() != 1 {
                    let binder = if hows.contains("global") { 0 } else { index };
                    binders.push(((index, name.clone()), binder));
                    continue;
                }
                let name = name.clone();
                let mut binder = 0;
                let mut how = "global read";
                let mut outer = self.scopes[index].parent;
                while let Some(o) = outer.filter(|&o| self.scopes[o].kind != "module") {
                    let bound: BTreeSet<&str> = self.scopes[o]
                        .names
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, hows)| {
                            hows.iter()
                                .copied()
                                .filter(|h| !matches!(*h, "read" | "free" | "global read"))
                                .collect()
                        })
                        .unwrap_or_default();
                    if self.scopes[o].kind != "class body" && !bound.is_empty() {
                        // bindings.py: a `global` further out leaves `global read`.
                        if !bound.contains("global") {
                            how = "free";
                            binder = o;
                        }
                        break;
                    }
                    outer = self.scopes[o].parent;
                }
                let hows = &mut self.scopes[index].names[slot].1;
                hows.clear();
                hows.insert(how);
                binders.push(((index, name), binder));
            }
            for (_, hows) in &mut self.scopes[index].names {
                if hows.len() > 1 {
                    hows.remove("read");
                }
            }
        }
        binders
    }
}

#[cfg(test)]
mod tests {
    use super::super::generate::{generate, Mode};
    use super::*;

    /// The tree's bindings are bindings.py's, program for program.
    #[test]
    fn the_same_bindings_as_python_ast() {
        for mode in [Mode::Execute, Mode::Compile, Mode::Invalid] {
            let programs: Vec<_> = (0..1500).map(|seed| generate(seed, mode)).collect();
            let sources: Vec<String> = programs.iter().map(|p| p.source()).collect();
            let python = super::super::bindings::of(&sources).unwrap();
            for ((program, source), expected) in programs.iter().zip(&sources).zip(&python) {
                if expected.names.is_empty() {
                    // Did not parse: bindings.py has nothing to compare.
                    continue;
                }
                let ours = of(&program.body);
                assert_eq!(ours.kinds, expected.kinds, "{source}");
                assert_eq!(ours.names, expected.names, "{source}");
                assert_eq!(ours.binders, expected.binders, "{source}");
            }
        }
    }
}
