# description: types.FunctionType builds a working closure from a nested function's code and hand-made types.CellType cells, one per free variable.
# source: rule: FunctionType(code, globals, name, argdefs, closure) needs a tuple of exactly len(co_freevars) cells
# rules: dynamic/function-type-closure
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: rustpython cells: RustPython's types.FunctionType sets __qualname__ to the name argument; CPython 3.11+ takes it from code.co_qualname (hello shows as 'hello', CPython template.<locals>.greet) (checked against CPython 3.14.2)
# diverges: pypy cells: PyPy's types.FunctionType sets __qualname__ to the name argument; CPython 3.9 to code.co_name (checked against CPython 3.9.18)
import types


def template():
    greeting = None
    punctuation = None

    def greet(name):
        return greeting + ", " + name + punctuation

    return greet


code = template().__code__
print(code.co_freevars)
cells = (types.CellType("Hello"), types.CellType("!"))
hello = types.FunctionType(code, globals(), "hello", None, cells)
print(hello("Ada"))
print(hello.__name__)
cells[0].cell_contents = "Bye"
print(hello("Ada"))
