//! Statements: the module, one statement drawn from the weight table, a block.

use super::ir::{Expr, Stmt};
use super::scope::{Kind, Ty};
use super::{Generator, INTS, MAX_DEPTH};

/// The statements the generator writes, each named for what it exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Statement {
    /// `x = …`, `s = 'p'`, `t = (…)`, `l = […]`.
    Assign,
    /// `print('3', …)`: a value of any kind, numbered by its place.
    PrintNumbered,
    Function,
    Class,
    /// `fs.append(lambda: i)` in a loop: late binding, or capture by default.
    ClosuresInLoop,
    /// `fs = [lambda: v for v in …]`.
    ClosuresInComprehension,
    /// A read that is unbound on purpose, guarded.
    UnboundRead,
    /// `del` of a variable a closure has captured.
    DelCaptured,
    /// `except … as n`, which unbinds `n`.
    ExceptAs,
    /// `match` captures, which bind in the current scope.
    MatchCapture,
    /// `print([… for v in …])`.
    PrintList,
    /// `x += …`.
    AugAdd,
    /// `print(…)` of an int expression; also what is written when the statement
    /// drawn may not stand where it was drawn.
    PrintInt,
}

/// How often each statement is drawn, in the manner of Fuzzilli's weighted code
/// generators (weights out of 20; the order is part of what a seed means).
pub(super) const STATEMENTS: &[(Statement, usize)] = &[
    (Statement::Assign, 4),
    (Statement::PrintNumbered, 2),
    (Statement::Function, 3),
    (Statement::Class, 1),
    (Statement::ClosuresInLoop, 1),
    (Statement::ClosuresInComprehension, 1),
    (Statement::UnboundRead, 1),
    (Statement::DelCaptured, 1),
    (Statement::ExceptAs, 1),
    (Statement::MatchCapture, 1),
    (Statement::PrintList, 1),
    (Statement::AugAdd, 1),
    (Statement::PrintInt, 2),
];

/// The spec oracle's table (`generate_for_oracle`): nested functions and
/// comprehensions, where CPython 3.12+ inlining changed what a name means
/// (gh-121377, gh-156664); no classes, `del`, `except … as` or `match`, whose
/// scopes did not change.
pub(super) const ORACLE_STATEMENTS: &[(Statement, usize)] = &[
    (Statement::Assign, 4),
    (Statement::PrintNumbered, 1),
    (Statement::Function, 5),
    (Statement::Class, 0),
    (Statement::ClosuresInLoop, 1),
    (Statement::ClosuresInComprehension, 2),
    (Statement::UnboundRead, 1),
    (Statement::DelCaptured, 0),
    (Statement::ExceptAs, 0),
    (Statement::MatchCapture, 0),
    (Statement::PrintList, 4),
    (Statement::AugAdd, 1),
    (Statement::PrintInt, 1),
];

impl Generator {
    pub(super) fn module(&mut self) -> (Vec<Stmt>, bool) {
        self.scopes.push(Kind::Module);
        let mut body = Vec::new();
        while self.budget > 0 {
            let before = body.len();
            self.statement(&mut body);
            if body.len() == before {
                self.budget = self.budget.saturating_sub(1);
            }
        }
        // Now and then the program ends on an unbound read that nobody catches:
        // the exception section (type and message) is the oracle.
        let mut ends_unbound = false;
        if self.rng.chance(15) {
            // `z` is bound nowhere: certain to be unbound, whatever ran.
            let read = self.scopes.read(0, super::ENDS_UNBOUND_ON);
            body.push(Stmt::Print(vec![read]));
            ends_unbound = true;
        }
        (body, ends_unbound)
    }

    /// Appends one statement (or a few that belong together) to `body`. A
    /// statement given up half-way leaves the scopes as they were: what its
    /// expressions bound (a walrus) is not in the program.
    pub(super) fn statement(&mut self, body: &mut Vec<Stmt>) {
        let saved = self.scopes.snapshot();
        let before = body.len();
        self.one_statement(body);
        if body.len() == before {
            self.scopes.restore(saved);
        }
    }

    /// One statement drawn from `STATEMENTS`.
    pub(super) fn one_statement(&mut self, body: &mut Vec<Stmt>) {
        self.budget = self.budget.saturating_sub(1);
        let at = self.scopes.cur();
        let drawn = self.rng.weighted(if self.oracle {
            ORACLE_STATEMENTS
        } else {
            STATEMENTS
        });
        let choice = if self.fits(drawn, at) {
            drawn
        } else {
            Statement::PrintInt
        };
        match choice {
            Statement::Assign => {
                if let Some(stmt) = self.value_assignment() {
                    body.push(stmt);
                }
            }
            Statement::PrintNumbered => {
                let value = self.printable();
                body.push(Stmt::Print(vec![
                    Expr::Str(format!("{}", body.len())),
                    value,
                ]));
            }
            Statement::Function => self.function(body),
            Statement::Class => self.class(body),
            Statement::ClosuresInLoop => self.closures_in_loop(body),
            Statement::ClosuresInComprehension => self.closures_in_comprehension(body),
            Statement::UnboundRead => {
                if let Some(read) = self.unbound_read() {
                    body.push(read);
                }
            }
            Statement::DelCaptured => self.del_captured(body),
            Statement::ExceptAs => self.except_as(body),
            Statement::MatchCapture => self.match_capture(body),
            Statement::PrintList => {
                let list = self.comprehension(2, false);
                body.push(Stmt::Print(vec![list]));
            }
            Statement::AugAdd => self.aug_add(body, at),
            Statement::PrintInt => {
                let value = self.int_expr(3);
                body.push(Stmt::Print(vec![value]));
            }
        }
    }

    /// Whether `statement` may be written at `at` (else a `PrintInt` is).
    fn fits(&self, statement: Statement, at: usize) -> bool {
        let scope = &self.scopes.stack[at];
        let deep = self.scopes.depth() >= MAX_DEPTH;
        match statement {
            Statement::Function => !deep,
            Statement::Class => !deep && self.scopes.depth() < 3,
            Statement::DelCaptured | Statement::ExceptAs => !scope.in_loop,
            Statement::PrintList => scope.kind != Kind::Class,
            _ => true,
        }
    }

    /// `x += …`: an int variable certain to be bound, here or declared.
    /// (Bound where it is read and bound: local here, or declared.)
    fn aug_add(&mut self, body: &mut Vec<Stmt>, at: usize) {
        let names: Vec<String> = self
            .scopes
            .readable(at, INTS, |t| matches!(t, Ty::Int))
            .into_iter()
            .filter(|n| self.scopes.resolve_binding(at, n) == self.scopes.resolve(at, n))
            .filter(|n| self.scopes.can_bind(at, n))
            .collect();
        if let Some(target) = names.first().cloned() {
            let value = self.int_expr(1);
            self.scopes.note_read(at, &target);
            body.push(Stmt::AugAdd(target, value));
        }
    }

    /// A body of statements in the current scope.
    pub(super) fn block(&mut self, body: &mut Vec<Stmt>, count: usize) {
        for _ in 0..count {
            if self.budget == 0 {
                break;
            }
            self.statement(body);
        }
    }
}
