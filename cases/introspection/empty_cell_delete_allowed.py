# description: Deleting the contents of a cell that is already empty is not an error; the cell stays empty.
# source: rule: del cell.cell_contents just clears the cell
# rules: introspection/empty-cell, introspection/celltype-constructor
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: rustpython stdout: RustPython's cell repr is "<cell object at 0x…>"; CPython "<cell at 0x…: int object at 0x…>" / "<cell at 0x…: empty>" (checked against CPython 3.14.2)
import types

cell = types.CellType()
del cell.cell_contents
print('deleted an empty cell')
try:
    cell.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
cell.cell_contents = 3
del cell.cell_contents
del cell.cell_contents
print('empty' in repr(cell))
