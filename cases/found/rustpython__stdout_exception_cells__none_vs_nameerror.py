# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, cells
# source: fuzz seed 5467 (generator 1, execute mode), reduced from 35 to 9 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,cells: stdout: CPython `2 0`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; cells: CPython `h -> h: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def g():
    a = 0
    print([(x := a) for v in range(3)])
    def g():
        return x
    return g
print('2', g()())
def h(b, y):
    pass
