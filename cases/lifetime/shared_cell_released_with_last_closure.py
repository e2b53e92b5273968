# description: Two closures sharing one cell keep its object alive until the last of them is deleted.
# source: rule: a cell holds a strong reference to its contents; a closure holds strong references to its cells
# rules: lifetime/released-after-closure-dies, lifetime/cell-keeps-alive
# diverges: rustpython scopes: RustPython gives every class body that contains a def or lambda a __classdict__ cell (co_cellvars ('__classdict__',)); CPython 3.11–3.13 only when an annotation scope needs it
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
