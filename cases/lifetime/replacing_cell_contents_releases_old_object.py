# description: Assigning a new object to cell_contents releases the old one, and the closure sees the new one.
# source: rule: a cell holds one strong reference, to its current contents only
# rules: lifetime/cell-contents-replaced, lifetime/cell-keeps-alive
# diverges: rustpython scopes: RustPython gives every class body that contains a def or lambda a __classdict__ cell (co_cellvars ('__classdict__',)); CPython 3.11–3.13 only when an annotation scope needs it
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
