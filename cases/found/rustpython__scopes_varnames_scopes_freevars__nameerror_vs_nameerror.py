# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-varnames, scopes-freevars
# source: fuzz seed 53901 (generator 1, execute mode), reduced from 59 to 10 lines
# rules: claims/free-variable-definition, errors/global-skips-enclosing, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython scopes: scopes: CPython `h: varnames=('x', 'n', 'h') cellvars=() freevars=()`, rustpython `h: varnames=('x', 'h') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h():
    global n
    print([(n := x) for x in range(0)])
    def h(x):
        print(((b := v) for i in range(0)))
match [x]:
    case [0, _, _]:
        pass
    case [b, a]:
        pass
