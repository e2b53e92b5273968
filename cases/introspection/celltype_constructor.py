# description: types.CellType() makes an empty cell and types.CellType(x) a cell holding x; cell_contents can fill the empty one.
# source: rule: the cell type is constructible from Python since 3.8
# rules: introspection/celltype-constructor, introspection/empty-cell, introspection/cell-type
# requires: >=3.8 — types.CellType is new in 3.8
import types

empty = types.CellType()
full = types.CellType([1, 2])
print(type(empty).__name__, type(full).__name__)
print(full.cell_contents)
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
empty.cell_contents = 'filled'
print(empty.cell_contents)
print(types.CellType(None).cell_contents)
try:
    types.CellType(1, 2)
except TypeError as e:
    print(type(e).__name__)
