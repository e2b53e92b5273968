# description: types.FunctionType rejects a closure tuple whose length differs from the code's number of free variables, naming the code in the ValueError.
# source: rule: FunctionType(code, globals, name, argdefs, closure) needs a tuple of exactly len(co_freevars) cells
# rules: dynamic/function-type-closure
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: pypy stdout: PyPy's ValueErrors for a FunctionType closure of the wrong length read "closure is wrong size" and "no closure needed"; CPython 3.9 "uses_a requires closure of length 1, not 0" and the like (checked against CPython 3.9.18)
import types


def outer():
    a = 1

    def uses_a():
        return a

    return uses_a


code = outer().__code__
for closure in [(), (types.CellType(1), types.CellType(2))]:
    try:
        types.FunctionType(code, globals(), "renamed", None, closure)
    except ValueError as e:
        print(type(e).__name__, e)


def no_free():
    return 0


try:
    types.FunctionType(no_free.__code__, globals(), "x", None, (types.CellType(1),))
except ValueError as e:
    print(type(e).__name__, e)
