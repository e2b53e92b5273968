# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-cellvars, scopes-freevars
# source: fuzz seed 221 (generator 1, execute mode), reduced from 40 to 3 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `val: varnames=('self', 'x', 'fs') cellvars=('x', 'a') freevars=()`, rustpython `val: varnames=('self', 'x', 'fs') cellvars=('a', 'x') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def val(self):
    fs = [(lambda: x) for x in range(0)]
    return ((a := 0) for x in [0])
