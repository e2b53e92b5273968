# description: del of a captured variable in the enclosing function empties the shared cell, releasing the object; the closure then raises NameError.
# source: rule: a cell holds one strong reference, to its current contents only
# rules: lifetime/cell-contents-replaced
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __repr__(self):
        return "Token()"


def make():
    thing = Token()
    ref = weakref.ref(thing)

    def use():
        return thing

    del thing
    return use, ref


use, ref = make()
gc.collect()
print(ref() is None)
try:
    use()
except NameError as e:
    print(type(e).__name__, e)
