# description: In a function, a name bound there as match capture is one of the varnames on rustpython-0.6.0, not on CPython 3.14
# source: fuzz seed 6398 (generator 1, execute mode), reduced from 68 to 13 lines
# identity: rustpython-0.6.0: scopes: function varnames extra: match capture
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython-0.6.0 scopes: scopes: CPython `g: varnames=('n', 'f') cellvars=('x',) freevars=()`, rustpython-0.6.0 `g: varnames=('x', 'n', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `(nothing)`, pyodide-3.12 `  0(x)`; checked against 3.12 (CPython 3.12.1)
# diverges: rustpython stderr,scopes: stderr: CPython `cases/found/match_capture_in_function_is_an_extra_local.py:19: SyntaxWarning: 'int' object…`, rustpython `(nothing)`; scopes: CPython `g.<locals>.f: varnames=('n', 'x', 'fs', 'g') cellvars=('x',) freevars=()`, rustpython `g.<locals>.f: varnames=('n', 'x', 'fs', 'g') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g():
    match 0:
        case [0, _, _]:
            pass
        case [x, n]:
            pass

    def f(n=0):
        fs = [lambda: x for x in 0]

        @0
        def g(n, a):
            0(x)
