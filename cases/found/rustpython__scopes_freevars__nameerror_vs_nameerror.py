# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-freevars
# source: fuzz seed 131 (generator 1, execute mode), reduced from 34 to 4 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `h.<locals>.val.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=('y',)`, rustpython `h.<locals>.val.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(x):
    def val(self):
        return ((y := 0) for x in [x])
print('6', s)
