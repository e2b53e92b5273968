# description: A function built with an empty types.CellType() raises NameError when it reads the free variable; the empty cell itself raises ValueError.
# source: rule: FunctionType(code, globals, name, argdefs, closure) needs a tuple of exactly len(co_freevars) cells
# rules: dynamic/function-type-closure
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: rustpython cells: RustPython's types.FunctionType sets __qualname__ to the name argument; CPython 3.11+ takes it from code.co_qualname (f shows as 'f', CPython outer.<locals>.read_x) (checked against CPython 3.14.2)
# diverges: pypy cells: PyPy's types.FunctionType sets __qualname__ to the name argument; CPython 3.9 to code.co_name (checked against CPython 3.9.18)
import types


def outer():
    x = 1

    def read_x():
        return x

    return read_x


empty = types.CellType()
f = types.FunctionType(outer().__code__, globals(), "f", None, (empty,))
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
empty.cell_contents = "now filled"
print(f())
