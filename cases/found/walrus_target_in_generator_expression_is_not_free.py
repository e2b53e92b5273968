# description: In a generator expression, a name bound there as walrus target is one of the freevars on CPython 3.14, not on rustpython
# source: fuzz seed 131 (generator 1, execute mode), reduced from 34 to 3 lines
# identity: rustpython: scopes: generator expression freevars missing: walrus target
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stderr,scopes: stderr: CPython `fuzz.py:3: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?`, rustpython `(nothing)`; scopes: CPython `h.<locals>.val.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=('y',)`, rustpython `h.<locals>.val.<locals>.<genexpr>: varnames=('.0', 'x') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `(nothing)`, pyodide-3.12 `  return 0((y := 0) for x in 0)`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `(nothing)`, pypy `  return 0((y := 0) for x in 0)`; checked against 3.9 (CPython 3.9.18)
def h(x):
    def val(self):
        return 0((y := 0) for x in 0)
