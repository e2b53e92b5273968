//! The generator: a program is a pure function of its seed, its mode and
//! `GENERATOR_VERSION`.
//!
//! Programs are valid by construction. While it builds the tree the generator keeps
//! the scopes a compiler would see: for every name in every scope whether it is
//! local (and bound now or not), declared `global` or `nonlocal`, or read from
//! outside; for every function the outer variables it reads when called. So:
//! - a name is read only where its binding is certain, or inside a `try` that
//!   catches the NameError (a read that is unbound on purpose; CPython's exception
//!   is the oracle);
//! - a name read from an outer scope is never bound later in the reading scope
//!   (that would turn the earlier read into an UnboundLocalError);
//! - `nonlocal` names a variable of an enclosing function, `global` and
//!   `nonlocal` come first in their function, no walrus in a class-body
//!   comprehension or onto an iteration variable;
//! - a function is called unguarded only when every variable it reads from outside
//!   is bound at that moment (checked on the caller's timeline, or passed on to
//!   the caller's own callers when the caller is itself a function);
//! - every name has one kind of value (ints, strings, tuples, lists, functions,
//!   classes), so no operation meets a value it cannot take.
//!
//! Invalid mode then breaks one scope rule on purpose and predicts the SyntaxError
//! (message and line) that CPython 3.11+ reports.

mod class;
mod closures;
mod expr;
mod function;
mod invalid;
mod rng;
mod scope;
#[cfg(test)]
mod scope_tests;
mod stmt;
#[cfg(test)]
mod tests;
mod unbinding;

use super::ir::{self, Stmt};
pub use rng::Rng;
use scope::Scopes;

/// Bumped whenever the same seed could give another program.
pub const GENERATOR_VERSION: u32 = 1;

/// The name a program that ends unbound reads last: bound nowhere, so its
/// NameError names it (the spec oracle, src/fuzz/oracle.rs, checks that it does).
pub const ENDS_UNBOUND_ON: &str = "z";

/// Which programs to make and how they are observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Run the program: the full observation.
    Execute,
    /// Only compile it: scopes.
    Compile,
    /// Break one scope rule: compare SyntaxErrors.
    Invalid,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Execute => "execute",
            Mode::Compile => "compile",
            Mode::Invalid => "invalid",
        }
    }
}

/// What compiling the program must give, as the generator predicts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    Valid,
    SyntaxError { message: String, line: usize },
}

#[derive(Debug, Clone)]
pub struct Program {
    pub seed: u64,
    pub mode: Mode,
    pub body: Vec<Stmt>,
    pub expect: Expectation,
    /// It ends on a read that is unbound on purpose and not caught: its
    /// NameError is the program's expected ending.
    pub ends_unbound: bool,
}

impl Program {
    pub fn source(&self) -> String {
        ir::render(&self.body)
    }

    /// The oldest Python (3, minor) that can compile it: `match` needs 3.10,
    /// the walrus 3.8.
    pub fn requires(&self) -> (u32, u32) {
        requires(&self.body)
    }
}

/// The minimum (3, minor) a program's syntax needs.
pub fn requires(body: &[Stmt]) -> (u32, u32) {
    requires_source(&ir::render(body))
}

/// The minimum (3, minor) a program's source needs.
pub fn requires_source(source: &str) -> (u32, u32) {
    if source.lines().any(|l| l.trim_start().starts_with("match ")) {
        (3, 10)
    } else if source.contains(":=") {
        (3, 8)
    } else {
        (3, 6)
    }
}

/// The program for `seed` in `mode`.
pub fn generate(seed: u64, mode: Mode) -> Program {
    generate_with(seed, mode, false)
}

/// The program for `seed` that the spec oracle (src/fuzz/oracle.rs) runs: drawn
/// from `stmt::ORACLE_STATEMENTS` (functions in functions and comprehensions,
/// the constructs whose scopes changed when CPython 3.12 inlined
/// comprehensions), with a comprehension's iteration variable shadowing a name
/// bound outside it where one can. Another program than `generate(seed,
/// Execute)`, as valid.
pub fn generate_for_oracle(seed: u64) -> Program {
    generate_with(seed, Mode::Execute, true)
}

fn generate_with(seed: u64, mode: Mode, oracle: bool) -> Program {
    let mut generator = Generator::new(seed);
    generator.oracle = oracle;
    let (mut body, ends_unbound) = generator.module();
    let expect = match mode {
        Mode::Invalid => generator.break_a_rule(&mut body),
        _ => Expectation::Valid,
    };
    Program {
        seed,
        mode,
        body,
        expect,
        ends_unbound,
    }
}

// Every name has one kind of value, wherever it is bound.
const INTS: &[&str] = &["a", "b", "n", "x", "y"];
const LOOP_VARS: &[&str] = &["i", "v", "x"];
const FUNCS: &[&str] = &["f", "g", "h"];
const CLASSES: &[&str] = &["C", "D"];
const MAX_DEPTH: usize = 4;

struct Generator {
    rng: Rng,
    scopes: Scopes,
    /// Statements left to generate (bounds the program's size).
    budget: usize,
    /// Programs for the spec oracle (`generate_for_oracle`).
    oracle: bool,
    /// For the oracle: (uid of a function or the module, name) where a
    /// comprehension's iteration variable shadowed that name read from outside.
    shadowed: Vec<(usize, String)>,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let budget = 14 + rng.below(22);
        Generator {
            rng,
            scopes: Scopes::default(),
            budget,
            oracle: false,
            shadowed: Vec::new(),
        }
    }
}
