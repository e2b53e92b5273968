# description: In a function, a name bound there as walrus target is one of the varnames on CPython 3.14, not on rustpython
# source: fuzz seed 50318 (generator 1, execute mode), reduced from 46 to 3 lines
# identity: rustpython: scopes: function varnames missing: walrus target
# cause: walrus_target_in_function_is_not_a_local
# note: the walrus target is declared `global`: every Python binds the global b; CPython 3.12+ (comprehensions inlined) and RustPython 0.6.0 list b in f's varnames, RustPython 0.5.0 does not. No case showed it (campaign 50000..52000, 9 programs); not found in RustPython's issue tracker
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `f: varnames=('y', 'v', 'b') cellvars=() freevars=()`, rustpython `f: varnames=('y', 'v') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f(y):
    global b
    print([(b := 0) for v in 0])
