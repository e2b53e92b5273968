# description: Deleting the contents of a cell that is already empty is not an error; the cell stays empty.
# source: rule: del cell.cell_contents just clears the cell
# rules: introspection/empty-cell, introspection/celltype-constructor
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
