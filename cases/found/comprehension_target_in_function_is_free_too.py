# description: In a function, a name bound there as comprehension target is one of the freevars on rustpython, not on CPython 3.14
# source: fuzz seed 21318 (generator 1, execute mode), reduced from 67 to 6 lines
# identity: rustpython: scopes: function freevars extra: comprehension target
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython scopes: scopes: CPython `h: varnames=('v', 'f') cellvars=() freevars=()`, rustpython `h: varnames=('f',) cellvars=('v',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 exception,scopes,cells: exception: CPython `none`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `h -> h: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h():
    v = 0
    def f():
        fs = [0 for v in 0]
        def h(a, n=0):
            return v
