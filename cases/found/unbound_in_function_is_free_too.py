# description: In a function, a name bound there as unbound is one of the freevars on rustpython-0.6.0, not on CPython 3.14
# source: fuzz seed 50595 (generator 1, execute mode), reduced from 61 to 7 lines
# identity: rustpython-0.6.0: scopes: function freevars extra: unbound
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `h: varnames=('x', 'n', 'h') cellvars=() freevars=()`, rustpython-0.6.0 `h: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `cases/found/unbound_in_function_is_free_too.py:12: SyntaxWarning: 'int' object is not call…`, pyodide-3.12 `  0([0 for x in 0])`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `cases/found/unbound_in_function_is_free_too.py:12: SyntaxWarning: 'int' object is not call…`, pypy `  0([0 for x in 0])`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython stderr,scopes: stderr: CPython `cases/found/unbound_in_function_is_free_too.py:11: SyntaxWarning: 'int' object is not call…`, rustpython `(nothing)`; scopes: CPython `h: varnames=('x', 'n', 'h') cellvars=() freevars=()`, rustpython `h: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h(x, n):

    def h(y):

        def f():
            0([0 for x in 0])
            0([0(0, x) for v in 0])
