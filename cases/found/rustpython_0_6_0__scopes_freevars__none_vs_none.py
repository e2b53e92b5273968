# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in scopes-freevars
# source: fuzz seed 50595 (generator 1, execute mode), reduced from 61 to 6 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython-0.6.0 scopes: scopes: CPython `h.<locals>.h: varnames=('y', 'f') cellvars=('y',) freevars=('n',)`, rustpython-0.6.0 `h.<locals>.h: varnames=('y', 'f') cellvars=('y',) freevars=('n', 'x')`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `h.<locals>.h: varnames=('y', 'f') cellvars=('y',) freevars=('n',)`, rustpython `h.<locals>.h: varnames=('y', 'f') cellvars=('y',) freevars=('n', 'x')`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def h(x, n):
    def h(y):
        def f():
            print([y for x in range(0)])
            print([g(n, x) for v in range(0)])
    return ((x := a) for v in range(0))
