# description: Found by the fuzzer: rustpython differs from CPython 3.14 in exception, scopes-code
# source: fuzz seed 49712 (generator 1, execute mode), reduced from 73 to 20 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython exception,scopes: exception: CPython `NameError`, rustpython `none`; scopes: CPython `<module>: varnames=('i',) cellvars=('i',) freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 scopes: scopes: CPython `f: varnames=('b', 'x', 'g') cellvars=('x',) freevars=()`, rustpython-0.6.0 `f: varnames=('b', 'x', 'g') cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(n):
    pass
b = 0
fs = [(lambda: i) for i in range(0)]
match [g(b), b]:
    case [0, _, _]:
        pass
    case [x, y]:
        pass
match [0, g(y)]:
    case [0, _, _]:
        pass
    case [b, n]:
        pass
def f(b, x=0):
    def g(y=n, b=0):
        fs = [(lambda: x) for x in range(1)]
        return sum(x for v in range(3))
    return g
n = f(n)()
