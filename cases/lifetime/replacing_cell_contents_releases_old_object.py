# description: Assigning a new object to cell_contents releases the old one, and the closure sees the new one.
# source: rule: a cell holds one strong reference, to its current contents only
# rules: lifetime/cell-contents-replaced, lifetime/cell-keeps-alive
# requires: >=3.7 — cell_contents is writable from 3.7
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Token(%r)" % self.name


def make_reader():
    current = Token("first")

    def reader():
        return current.name

    return reader


reader = make_reader()
first_ref = weakref.ref(reader.__closure__[0].cell_contents)
print(reader())
reader.__closure__[0].cell_contents = Token("second")
gc.collect()
print(first_ref() is None)
print(reader())
