# description: types.FunctionType with closure=None for a code object that has free variables raises TypeError.
# source: rule: FunctionType(code, globals, name, argdefs, closure) needs a tuple of exactly len(co_freevars) cells
# rules: dynamic/function-type-closure
# diverges: pypy: PyPy 7.3.11 crashes (SIGSEGV) in types.FunctionType(code, globals()) for a code object with free variables and no closure; CPython 3.9 raises TypeError "arg 5 (closure) must be tuple" (checked against CPython 3.9.18)
import types


def outer():
    a = 1

    def uses_a():
        return a

    return uses_a


code = outer().__code__
try:
    types.FunctionType(code, globals(), "f", None, None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    types.FunctionType(code, globals())
except TypeError as e:
    print(type(e).__name__, e)
