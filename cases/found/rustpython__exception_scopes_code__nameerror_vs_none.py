# description: Found by the fuzzer: rustpython differs from CPython 3.14 in exception, scopes-code
# source: fuzz seed 49712 (generator 1, execute mode), reduced from 73 to 20 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython exception,scopes: exception: CPython `NameError`, rustpython `none`; scopes: CPython `<module>: varnames=('i',) cellvars=('i',) freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 scopes: scopes: CPython `f: varnames=('b', 'x', 'g') cellvars=('x',) freevars=()`, rustpython-0.6.0 `f: varnames=('b', 'x', 'g') cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
# reference-bug: gh-121377 3.12-3.15 exception: CPython 3.12+ raises NameError "cannot access free variable 'x'": a nested scope reads 'x' as a free variable passed through a function whose inlined comprehension has an iteration variable 'x'; the language (and CPython 3.6-3.11) binds it to the enclosing variable (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
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
