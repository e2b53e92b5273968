# description: Cells order by their contents; an empty cell orders before any non-empty cell.
# source: rule: cell rich comparison compares contents, empty cells first
# rules: introspection/cell-compare, introspection/celltype-constructor
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: rustpython stdout, exception: RustPython's cell type has no rich comparison (object's identity __eq__, no ordering); CPython compares cells by contents, an empty cell first (Cell(1) < Cell(2) raises TypeError "'<' not supported between instances of 'cell' and 'cell'") (checked against CPython 3.14.2)
import types

Cell = types.CellType
print(Cell(1) < Cell(2), Cell(1) > Cell(2), Cell(2) >= Cell(2), Cell(3) <= Cell(2))
print(Cell('abc') < Cell('abd'))
print(Cell() < Cell(0), Cell() > Cell(0), Cell(0) > Cell())
print(Cell() < Cell(), Cell() <= Cell())
print(sorted([Cell(3), Cell(), Cell(1)], key=lambda c: c) == [Cell(), Cell(1), Cell(3)])
try:
    Cell(1) < Cell('a')
except TypeError as e:
    print(type(e).__name__)
try:
    Cell(1) < 2
except TypeError as e:
    print(type(e).__name__)
