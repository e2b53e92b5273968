# description: types.FunctionType with closure=None for a code object that has free variables raises TypeError.
# source: rule: FunctionType(code, globals, name, argdefs, closure) needs a tuple of exactly len(co_freevars) cells
# rules: dynamic/function-type-closure
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
