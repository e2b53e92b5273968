# description: In a function, a name bound there as local is one of the varnames on rustpython-0.6.0, not on CPython 3.14
# source: fuzz seed 1212 (generator 1, execute mode), reduced from 84 to 6 lines
# identity: rustpython-0.6.0: scopes: function varnames extra: local
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 scopes: scopes: CPython `g: varnames=('b', 'f') cellvars=('i',) freevars=()`, rustpython-0.6.0 `g: varnames=('b', 'i', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `g.<locals>.f: varnames=('i', 'fs', 'g') cellvars=('i',) freevars=()`, rustpython `g.<locals>.f: varnames=('i', 'fs', 'g') cellvars=('i',) freevars=('i',)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(b=0):
    i = 0
    def f():
        fs = [(lambda: i) for i in 0]
        def g(y, n=0):
            b = i
