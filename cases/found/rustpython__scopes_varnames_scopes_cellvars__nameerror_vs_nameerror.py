# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames, scopes-cellvars
# source: fuzz seed 713 (generator 1, execute mode), reduced from 39 to 3 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `h: varnames=('x', 'v', 'a') cellvars=() freevars=()`, rustpython `h: varnames=('x', 'v') cellvars=('a',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(x):
    print([(a := x) for v in [x]])
t = (b,)
