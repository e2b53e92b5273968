# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 8620 (generator 1, execute mode), reduced from 51 to 9 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `(nothing)`, rustpython `<generator object f.<locals>.h.<locals>.h.<locals>.<genexpr> at 0x…>`; exception: CPython `NameError`, rustpython `none`; scopes: CPython `<module>: varnames=('x', 'k') cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>: __closure__ is None`, rustpython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy cells: cells: CPython `fs[0] -> <listcomp>.<lambda>: __closure__ is None`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>: __closure__ is None`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython-0.6.0 stdout,exception,scopes,cells: stdout: CPython `[]`, rustpython-0.6.0 `(nothing)`; exception: CPython `NameError`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=('x', 'k') cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `f -> f: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'x'": a nested scope reads 'x' as a free variable passed through a function whose inlined comprehension has an iteration variable 'x'; the language (and CPython 3.6-3.11) binds it to the enclosing variable (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
def f(y, x):
    def h():
        print([x for x in range(0)])
        def h():
            print((i for i in [x]))
        return h
    return h()()
fs = [(lambda x=x: f(x, 0)) for x in range(2)]
print([k() for k in fs])
