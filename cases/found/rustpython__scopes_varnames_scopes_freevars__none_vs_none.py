# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames, scopes-freevars
# source: fuzz seed 6933 (generator 1, execute mode), reduced from 26 to 7 lines
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython scopes: scopes: CPython `g: varnames=('x', 'y', 'v', 'b', 'f') cellvars=() freevars=()`, rustpython `g: varnames=('x', 'y', 'v', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
a = 0
def g(x=a, y=0):
    global b
    print([(b := v) for v in [0]])
    def f(a, n):
        def g(y, b):
            print('0', ((x := v) for v in range(0)))
