# description: Two closures sharing one cell keep its object alive until the last of them is deleted.
# source: rule: a cell holds a strong reference to its contents; a closure holds strong references to its cells
# rules: lifetime/released-after-closure-dies, lifetime/cell-keeps-alive
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __repr__(self):
        return "Token()"


def make_pair():
    shared = Token()

    def first():
        return shared

    def second():
        return shared

    return first, second, weakref.ref(shared)


first, second, ref = make_pair()
print(first.__closure__[0] is second.__closure__[0])
del first
gc.collect()
print(ref() is None)
del second
gc.collect()
print(ref() is None)
