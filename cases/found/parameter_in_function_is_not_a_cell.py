# description: In a function, a name bound there as parameter is one of the cellvars on CPython 3.14, not on rustpython-0.6.0
# source: fuzz seed 309 (generator 1, execute mode), reduced from 59 to 9 lines
# identity: rustpython-0.6.0: scopes: function cellvars missing: parameter
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `g: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`, rustpython-0.6.0 `g: varnames=('x', 'n', 'h') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `(nothing)`, pyodide-3.12 `  0([0 for i in [x]])`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `(nothing)`, pypy `  0([0 for i in [x]])`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython stderr,scopes: stderr: CPython `cases/found/parameter_in_function_is_not_a_cell.py:14: SyntaxWarning: 'int' object is not …`, rustpython `(nothing)`; scopes: CPython `g.<locals>.h: varnames=('b', 'x', 'fs', 'g') cellvars=('x',) freevars=()`, rustpython `g.<locals>.h: varnames=('b', 'x', 'fs', 'g') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(x=0, n=0):

    def h(b):
        fs = [lambda: x for x in 0]

        def g(n, a):

            def h(y):
                0([0 for i in [x]])
