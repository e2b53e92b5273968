# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in stdout, scopes-varnames, scopes-cellvars
# source: fuzz seed 99932 (generator 1, execute mode), reduced from 65 to 16 lines
# rules: claims/free-variable-definition, errors/global-skips-enclosing, claims/anonymous-closure, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython-0.6.0 stdout,scopes: stdout: CPython `NameError`, rustpython-0.6.0 `0`; scopes: CPython `g: varnames=('b', 'f') cellvars=('x',) freevars=()`, rustpython-0.6.0 `g: varnames=('b', 'x', 'f') cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
print([x for x in range(1)])
def g():
    match [0]:
        case [0, _, _]:
            pass
        case [b, x]:
            pass
    def f(y):
        fs = [(lambda: x) for x in range(0)]
        def h(n, b=n):
            def f(n, y=(x for i in range(0))):
                global x
try:
    print(x)
except NameError as exc:
    print(type(exc).__name__)
