# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, cells
# source: fuzz seed 68612 (generator 1, execute mode), reduced from 33 to 10 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,cells: stdout: CPython `2`, rustpython `(nothing)`; exception: CPython `name 'z' is not defined`, rustpython `cannot access free variable 'n' where it is not associated with a value in enclosing scope`; cells: CPython `f -> f: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(y, x):
    print([(n := i) for i in range(3)])
    def h(y=y, x=0):
        print(sum(n for v in [y]))
    return h
x = h(0, 0)()
v = 0
def f(y=v):
    pass
print(z)
