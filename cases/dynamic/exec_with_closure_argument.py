# description: exec() runs a code object with free variables when given a closure tuple of cells; without one it raises TypeError.
# source: rule: exec(code, globals, closure=cells) supplies the cells for a code object's free variables
# rules: dynamic/exec-closure-argument
# requires: >=3.11 — exec() takes closure= from 3.11
# diverges: rustpython stdout, exception: RustPython's exec() has no closure= keyword (CPython 3.11+): TypeError "Unexpected keyword argument closure" (checked against CPython 3.14.2)
import types


def outer():
    label = None

    def report():
        print("label is", label)

    return report


code = outer().__code__
exec(code, {"print": print}, closure=(types.CellType("from a hand-made cell"),))
try:
    exec(code, {})
except TypeError as e:
    print(type(e).__name__, e)
