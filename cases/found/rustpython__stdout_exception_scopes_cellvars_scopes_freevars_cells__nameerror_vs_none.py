# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-cellvars, scopes-freevars, cells
# source: fuzz seed 79748 (generator 1, execute mode), reduced from 65 to 12 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `(nothing)`, rustpython `4 <generator object f.<locals>.f.<locals>.<genexpr> at 0x…>`; exception: CPython `NameError`, rustpython `none`; scopes: CPython `f.<locals>.f.<locals>.f: varnames=('n', 'i', 'fs') cellvars=('i',) freevars=()`, rustpython `f.<locals>.f.<locals>.f: varnames=('n', 'i', 'fs') cellvars=() freevars=('i',)`; cells: CPython `(nothing)`, rustpython `h -> h: __closure__ is None`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython-0.6.0 exception,scopes,cells: exception: CPython `NameError`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `f -> f: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'i'": a nested scope reads 'i' as a free variable passed through a function whose inlined comprehension has an iteration variable 'i'; the language (and CPython 3.6-3.11) binds it to the enclosing variable (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
def f(a):
    i = 0
    def f(n):
        def f(n):
            fs = [(lambda i=i: i) for i in range(0)]
            return sum(i for x in range(1))
        y = f(a)
        return (i for x in range(0))
    return f(i)
print('4', f(0))
def h():
    pass
