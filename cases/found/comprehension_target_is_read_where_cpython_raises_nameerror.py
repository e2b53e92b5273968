# description: CPython 3.14 raises NameError (cannot access free variable '…' where it is not associated with a value in enclosing scope); rustpython runs to the end; the name is bound as comprehension target
# source: fuzz seed 8620 (generator 1, execute mode), reduced from 51 to 8 lines
# identity: rustpython: exception: NameError vs none (cannot access free variable '…' where it is not associated with a value in enclosing scope; none); the name is bound as comprehension target
# cause: comprehension_target_is_read_where_cpython_raises_nameerror
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'x'" in the inner h(), as the inlined comprehension's iteration variable x takes the place of the free variable (f's parameter x) the inner h() reads; CPython 3.6-3.11 print the generator and `2 None` as the scoping rules say (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1)
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython stdout,exception,scopes: stdout: CPython `(nothing)`, rustpython `<generator object f.<locals>.h.<locals>.h.<locals>.<genexpr> at 0x…>`; exception: CPython `NameError`, rustpython `none`; scopes: CPython `f: varnames=('y', 'x', 'h') cellvars=() freevars=()`, rustpython `f: varnames=('y', 'x', 'h') cellvars=('x',) freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 stdout,exception,scopes,cells: stdout: CPython `[]`, rustpython-0.6.0 `(nothing)`; exception: CPython `NameError`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `f -> f: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def f(y, x):
    def h():
        print([0 for x in range(0)])
        def h():
            print((0 for i in [x]))
        return h
    return h()()
print('2', f(0, 0))
