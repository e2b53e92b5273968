# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, cells
# source: fuzz seed 56257 (generator 1, execute mode), reduced from 30 to 10 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,cells: stdout: CPython `[0, 0]`, rustpython `(nothing)`; exception: CPython `none`, rustpython `UnboundLocalError`; cells: CPython `f -> f: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h(n):
    print([(b := n) for v in range(1)])
    print([b for x in range(2)])
    def deco(fn):
        def wrapper(*args):
            return b
b = 0
print(h(h(b)))
def f(a):
    pass
