# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 106714 (generator 1, execute mode), reduced from 81 to 8 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `[<generator object g.<locals>.<genexpr> at 0x…>]`, rustpython `(nothing)`; exception: CPython `NameError`, rustpython `UnboundLocalError`; scopes: CPython `<module>: varnames=('x',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `y -> g.<locals>.f: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy stdout: stdout: CPython `[<generator object g.<locals>.<listcomp>.<genexpr> at 0x…>]`, pypy `[<generator object g.<locals>.<listcomp>.<locals>.<genexpr> at 0x…>]`; checked against 3.9 (CPython 3.9.18)
def g(x=0):
    print([(a := 0) for i in [x]])
    print([(a for i in [a]) for x in range(1)])
    def f(b=x):
        return g()
    return f
y = g()()
print([b for x in [0]])
