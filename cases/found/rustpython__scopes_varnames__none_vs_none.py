# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames
# source: fuzz seed 570 (generator 1, execute mode), reduced from 44 to 3 lines
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `g: varnames=('n', 'i', 'a') cellvars=() freevars=()`, rustpython `g: varnames=('n', 'i') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g(n=0):
    global a
    print([(a := i) for i in range(0)])
