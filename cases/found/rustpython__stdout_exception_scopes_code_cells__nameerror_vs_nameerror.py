# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 3802 (generator 1, execute mode), reduced from 46 to 9 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, comprehensions/generator-closes-over-state
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `[0]`, rustpython `(nothing)`; exception: CPython `name 'i' is not defined`, rustpython `cannot access free variable 'y' where it is not associated with a value in enclosing scope`; scopes: CPython `<module>: varnames=('v',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `y: int = 0`, rustpython `y: <empty>`; checked against CPython 3.14.2 (pyodide 314.0.7)
fs = [(lambda v=v: v) for v in range(0)]
def h(n):
    pass
def f():
    print([(y := 0) for x in range(1)])
    fs.append((lambda: y))
    print([k() for k in fs])
    yield i
print('a', h(sum(f())))
