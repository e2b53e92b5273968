# description: An object referenced only by a closure cell stays alive while the closure exists and dies after the closure is deleted.
# source: rule: a cell holds a strong reference to its contents; a closure holds strong references to its cells
# rules: lifetime/cell-keeps-alive, lifetime/released-after-closure-dies
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __repr__(self):
        return "Token()"


def make_holder():
    token = Token()

    def holder():
        return token

    return holder, weakref.ref(token)


holder, ref = make_holder()
gc.collect()
print(ref() is None)
print(holder() is ref())
del holder
gc.collect()
print(ref() is None)
