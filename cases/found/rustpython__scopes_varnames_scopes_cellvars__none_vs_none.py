# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames, scopes-cellvars
# source: fuzz seed 283 (generator 1, execute mode), reduced from 70 to 3 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `h.<locals>.f: varnames=('i', 'a') cellvars=() freevars=()`, rustpython `h.<locals>.f: varnames=('i',) cellvars=('a',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h():
    def f():
        print([(a := g()()) for i in range(0)])
