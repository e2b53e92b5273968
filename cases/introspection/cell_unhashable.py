# description: Cells are unhashable: hash() raises TypeError and they cannot be set members or dict keys.
# source: rule: the cell type defines __eq__ and no __hash__
# rules: introspection/cell-unhashable
# diverges: rustpython stdout: RustPython's cell type is hashable (object.__hash__); CPython cells define __eq__ and are unhashable (TypeError "unhashable type: 'cell'") (checked against CPython 3.14.2)

def make():
    x = 1

    def get():
        return x

    return get


cell = make().__closure__[0]
try:
    hash(cell)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {cell: 'value'}
except TypeError as e:
    print(type(e).__name__, e)
print(type(cell).__hash__ is None)
