# description: types.FunctionType rejects a closure tuple holding plain values instead of cells, and a closure that is a list, with TypeError.
# source: rule: FunctionType(code, globals, name, argdefs, closure) needs a tuple of exactly len(co_freevars) cells
# rules: dynamic/function-type-closure
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: rustpython stdout: RustPython's TypeError for a non-cell in FunctionType's closure reads "Expected type 'cell' but 'int' found."; CPython "arg 5 (closure) expected cell, found int" (checked against CPython 3.14.2)
# diverges: pypy stdout: PyPy's TypeErrors for a bad FunctionType closure read "'cell' object expected, got 'int' instead" and "invalid closure"; CPython 3.9 "arg 5 (closure) expected cell, found int" and "arg 5 (closure) must be None or tuple" (checked against CPython 3.9.18)
import types


def outer():
    a = 1

    def uses_a():
        return a

    return uses_a


code = outer().__code__
try:
    types.FunctionType(code, globals(), "f", None, (1,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    types.FunctionType(code, globals(), "f", None, [types.CellType(1)])
except TypeError as e:
    print(type(e).__name__, e)
