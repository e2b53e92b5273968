# description: Rebinding a captured variable through nonlocal releases the previous object; the cell keeps only the newest.
# source: rule: a cell holds one strong reference, to its current contents only
# rules: lifetime/cell-contents-replaced
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __repr__(self):
        return "Token()"


def make_slot():
    item = Token()
    first = weakref.ref(item)

    def put(new):
        nonlocal item
        item = new

    def get():
        return item

    return put, get, first


put, get, first = make_slot()
gc.collect()
print(first() is None)
second = Token()
put(second)
second_ref = weakref.ref(second)
del second
gc.collect()
print(first() is None)
print(get() is second_ref())
