# description: In a function, a name bound there as comprehension target is one of the cellvars on CPython 3.14, not on rustpython
# source: fuzz seed 8620 (generator 1, execute mode), reduced from 51 to 7 lines
# identity: rustpython: scopes: function cellvars missing: comprehension target
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython stderr,scopes: stderr: CPython `fuzz.py:4: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?`, rustpython `(nothing)`; scopes: CPython `f: varnames=('y', 'x', 'h') cellvars=() freevars=()`, rustpython `f: varnames=('y', 'x', 'h') cellvars=('x',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `cases/found/comprehension_target_in_function_is_not_a_cell.py:12: SyntaxWarning: 'int' obj…`, pyodide-3.12 `  0([0 for x in 0])`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `cases/found/comprehension_target_in_function_is_not_a_cell.py:12: SyntaxWarning: 'int' obj…`, pypy `  0([0 for x in 0])`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython-0.6.0 exception,scopes,cells: exception: CPython `none`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `f -> f: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def f(y, x):

    def h():
        0([0 for x in 0])

        def h():
            0(0((0 for i in [x])))
