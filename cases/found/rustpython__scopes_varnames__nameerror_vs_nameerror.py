# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames
# source: fuzz seed 519 (generator 1, execute mode), reduced from 72 to 4 lines
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `g: varnames=('y', 'v', 'n') cellvars=() freevars=()`, rustpython `g: varnames=('y', 'v') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
print(sum(n for i in range(1)))
def g(y=0):
    global n
    print([(n := v) for v in range(0)])
