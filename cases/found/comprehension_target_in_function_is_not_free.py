# description: In a function, a name bound there as comprehension target is one of the freevars on CPython 3.14, not on rustpython-0.6.0
# source: fuzz seed 39638 (generator 1, execute mode), reduced from 33 to 5 lines
# identity: rustpython-0.6.0: scopes: function freevars missing: comprehension target
# cause: comprehension_target_in_function_is_not_free
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `h.<locals>.g: varnames=('x', 'h') cellvars=('x',) freevars=()`, rustpython-0.6.0 `h.<locals>.g: varnames=('x', 'h') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `h.<locals>.g.<locals>.h.<locals>.<lambda>.<locals>.<genexpr>: varnames=('.0', 'i') cellvar…`, rustpython `h.<locals>.g.<locals>.h.<locals>.<lambda>.<genexpr>: varnames=('.0', 'i') cellvars=() free…`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h(x, n):
    def g(x):
        def h(y):
            fs = [(lambda: (0 for i in [x])) for v in 0]
            fs = [(lambda: x) for x in 0]
