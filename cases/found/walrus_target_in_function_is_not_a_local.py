# description: In a function, a name bound there as walrus target is one of the varnames on CPython 3.14, not on rustpython
# source: fuzz seed 283 (generator 1, execute mode), reduced from 70 to 4 lines
# identity: rustpython: scopes: function varnames missing: walrus target
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stderr,scopes: stderr: CPython `fuzz.py:4: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?`, rustpython `(nothing)`; scopes: CPython `h.<locals>.f: varnames=('i', 'a') cellvars=() freevars=()`, rustpython `h.<locals>.f: varnames=('i',) cellvars=('a',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `(nothing)`, pyodide-3.12 `  0([(a := 0) for i in 0])`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `(nothing)`, pypy `  0([(a := 0) for i in 0])`; checked against 3.9 (CPython 3.9.18)
def h():

    def f():
        0([(a := 0) for i in 0])
