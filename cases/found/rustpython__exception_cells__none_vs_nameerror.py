# description: Found by the fuzzer: rustpython differs from CPython 3.14 in exception, cells
# source: fuzz seed 20193 (generator 1, execute mode), reduced from 38 to 6 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython exception,cells: exception: CPython `none`, rustpython `NameError`; cells: CPython `g -> g: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(y=0, n=0):
    print([(b := y) for x in [y]])
    return sum(b for i in [y])
y = h()
def g(n, a):
    pass
