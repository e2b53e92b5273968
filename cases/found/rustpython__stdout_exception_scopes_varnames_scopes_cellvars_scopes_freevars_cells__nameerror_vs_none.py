# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-varnames, scopes-cellvars, scopes-freevars, cells
# source: fuzz seed 111629 (generator 1, execute mode), reduced from 57 to 13 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# requires: >=3.10 — match statements
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `(nothing)`, rustpython `[]`; exception: CPython `NameError`, rustpython `none`; scopes: CPython `h: varnames=('a', 'n', 'x', 'f') cellvars=() freevars=()`, rustpython `h: varnames=('a', 'n', 'f') cellvars=('x',) freevars=()`; cells: CPython `(nothing)`, rustpython `g -> g: __closure__ is None`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 exception,scopes,cells: exception: CPython `NameError`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `h -> h: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'x'": a nested scope reads 'x' as a free variable passed through a function whose inlined comprehension has an iteration variable 'x'; the language (and CPython 3.6-3.11) binds it to the enclosing variable (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
def h(a=0):
    match [0, a]:
        case [0, _, _]:
            pass
        case [n, x]:
            pass
    def f(n=n):
        n = sum(x for i in range(2))
        print([0 for x in range(0)])
    return f
x = h()()
def g():
    pass
