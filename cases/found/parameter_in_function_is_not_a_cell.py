# description: In a function, a name bound there as parameter is one of the cellvars on CPython 3.14, not on rustpython-0.6.0
# source: fuzz seed 309 (generator 1, execute mode), reduced from 59 to 6 lines
# identity: rustpython-0.6.0: scopes: function cellvars missing: parameter
# cause: parameter_in_function_is_not_a_cell
# same-cause: rustpython-0.6.0: scopes: function varnames extra, cellvars missing: local
# same-cause: rustpython-0.6.0: scopes: function varnames extra, cellvars missing: match capture
# note: a local or match capture that is a cell on CPython 3.14 and a plain local on rustpython-0.6.0 is one difference, in varnames and cellvars together
# note: one case per root cause: each same-cause identity is another witness of this cause, merged into this case (docs/fuzzing.md)
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `g: varnames=('x', 'n', 'h') cellvars=('x',) freevars=()`, rustpython-0.6.0 `g: varnames=('x', 'n', 'h') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `g.<locals>.h: varnames=('b', 'x', 'fs', 'g') cellvars=('x',) freevars=()`, rustpython `g.<locals>.h: varnames=('b', 'x', 'fs', 'g') cellvars=('x',) freevars=('x',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(x=0, n=0):
    def h(b):
        fs = [(lambda: x) for x in 0]
        def g(n, a):
            def h(y):
                print([0 for i in [x]])
