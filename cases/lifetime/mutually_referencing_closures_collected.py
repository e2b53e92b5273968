# description: Two closures that call each other through cells of their common parent form a cycle that gc.collect() reclaims.
# source: rule: cycles through cells are ordinary reference cycles, reclaimed by the cycle collector
# rules: lifetime/cell-cycles-collected
# diverges: rustpython stdout: RustPython's gc never frees a cycle through a function's closure (PyFunction::traverse visits the closure tuple's cells, not the tuple): is_even/is_odd and payload survive gc.collect() (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __repr__(self):
        return "Token()"


def make_pair():
    payload = Token()

    def is_even(n):
        return True if n == 0 else is_odd(n - 1)

    def is_odd(n):
        payload
        return False if n == 0 else is_even(n - 1)

    return is_even, is_odd, weakref.ref(payload)


is_even, is_odd, payload_ref = make_pair()
print(is_even(10), is_odd(7))
print(is_even.__code__.co_freevars, is_odd.__code__.co_freevars)
even_ref = weakref.ref(is_even)
del is_even, is_odd
gc.collect()
print(even_ref() is None)
print(payload_ref() is None)
