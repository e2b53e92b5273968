# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames, scopes-cellvars, scopes-freevars
# source: fuzz seed 12821 (generator 1, execute mode), reduced from 48 to 7 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `g.<locals>.f.<locals>.g: varnames=('n', 'i', 'x') cellvars=() freevars=('b',)`, rustpython `g.<locals>.f.<locals>.g: varnames=('n', 'i') cellvars=('x',) freevars=('b',)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g():
    def f(y, b=y):
        def g(n):
            print([(x := b) for i in range(0)])
def h(b=g(), a=n):
    def g(b):
        return ((y := a) for x in range(0))
