# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 44239 (generator 1, execute mode), reduced from 45 to 16 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython stdout,exception,scopes: stdout: CPython `(nothing)`, rustpython `[0, 0]`; exception: CPython `NameError`, rustpython `none`; scopes: CPython `<module>: varnames=('v',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 stdout,exception,scopes,cells: stdout: CPython `[0]`, rustpython-0.6.0 `(nothing)`; exception: CPython `NameError`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=('v',) cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `g -> g: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'x'": a nested scope reads 'x' as a free variable passed through a function whose inlined comprehension has an iteration variable 'x'; the language (and CPython 3.6-3.11) binds it to the enclosing variable (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
y = 0
def g(b):
    x = b
    def h(n=x, b=0):
        def f():
            fs = [(lambda: x) for i in range(2)]
            print([k() for k in fs])
        print([f() for x in range(1)])
    return h
print([0 for v in [y]])
match [0, 0]:
    case [0, _, _]:
        pass
    case [a, y]:
        pass
b = g(a)()
