# description: code.replace may rename co_freevars; cells are bound by position, so the renamed function still reads the same cell.
# source: rule: code.replace() copies a code object with some fields changed; a function built from it needs matching cells
# rules: dynamic/code-replace, dynamic/function-type-closure
# requires: >=3.8 — code.replace() is new in 3.8
# diverges: rustpython cells: RustPython's types.FunctionType sets __qualname__ to the name argument; CPython 3.11+ takes it from code.co_qualname (g shows as 'g', CPython make_multiplier.<locals>.multiply) (checked against CPython 3.14.2)
# diverges: pypy cells: PyPy's types.FunctionType sets __qualname__ to the name argument; CPython 3.9 to code.co_name (checked against CPython 3.9.18)
import types


def make_multiplier(factor):
    def multiply(n):
        return n * factor

    return multiply


double = make_multiplier(2)
renamed = double.__code__.replace(co_freevars=("scale",))
print(renamed.co_freevars)
g = types.FunctionType(renamed, globals(), "g", None, double.__closure__)
print(g(21))
print(g.__code__.co_freevars, double.__code__.co_freevars)
