# description: CPython 3.14 runs to the end; rustpython raises UnboundLocalError (local variable '…' referenced before assignment); the name is bound as walrus target
# source: fuzz seed 56257 (generator 1, execute mode), reduced from 30 to 4 lines
# identity: rustpython: exception: none vs UnboundLocalError (none; local variable '…' referenced before assignment); the name is bound as walrus target
# cause: walrus_target_is_read_as_an_unbound_local
# same-cause: rustpython: exception: none vs NameError (none; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target
# same-cause: rustpython: exception: NameError vs NameError (name '…' is not defined; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target
# same-cause: rustpython: scopes: function varnames missing, cellvars extra: walrus target
# same-cause: rustpython: scopes: generator expression freevars missing: walrus target
# note: one case per root cause: each same-cause identity is another witness of this cause, merged into this case (docs/fuzzing.md)
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0, 0]`, rustpython `(nothing)`; exception: CPython `none`, rustpython `UnboundLocalError`; scopes: CPython `h: varnames=('n', 'v', 'b', 'x') cellvars=() freevars=()`, rustpython `h: varnames=('n', 'v', 'x') cellvars=('b',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(n):
    print([(b := 0) for v in range(1)])
    print([b for x in range(2)])
print(h(0))
