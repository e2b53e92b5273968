# description: After the enclosing function returns, its uncaptured local is gone while the captured one lives on in the cell.
# source: rule: a cell holds a strong reference to its contents; a closure holds strong references to its cells
# rules: lifetime/cell-outlives-frame, lifetime/cell-keeps-alive
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Token(%r)" % self.name


refs = {}


def outer():
    captured = Token("captured")
    scratch = Token("scratch")
    refs["captured"] = weakref.ref(captured)
    refs["scratch"] = weakref.ref(scratch)

    def inner():
        return captured.name

    return inner


inner = outer()
gc.collect()
print("captured alive:", refs["captured"]() is not None)
print("scratch alive:", refs["scratch"]() is not None)
print(inner())
print(outer.__code__.co_cellvars)
