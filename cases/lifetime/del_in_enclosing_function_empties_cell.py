# description: del of a captured variable in the enclosing function empties the shared cell, releasing the object; the closure then raises NameError.
# source: rule: a cell holds one strong reference, to its current contents only
# rules: lifetime/cell-contents-replaced
# python: >=3.11 — the NameError message for an empty free variable was reworded in 3.11
# diverges: rustpython scopes: RustPython gives every class body that contains a def or lambda a __classdict__ cell (co_cellvars ('__classdict__',)); CPython 3.11–3.13 only when an annotation scope needs it
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
