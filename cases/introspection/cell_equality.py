# description: Cells compare equal when their contents are equal, even for distinct cells; two empty cells are equal, an empty and a full one are not.
# source: rule: cell rich comparison compares contents
# rules: introspection/cell-compare, introspection/celltype-constructor
# requires: >=3.8 — types.CellType is new in 3.8
# diverges: rustpython stdout: RustPython's cell type has no rich comparison (object's identity __eq__, no ordering); CPython compares cells by contents, an empty cell first (checked against CPython 3.14.2)
import types


def make(value):
    def get():
        return value

    return get


a = make(42).__closure__[0]
b = make(42).__closure__[0]
c = make(43).__closure__[0]
print(a is b, a == b, a != b)
print(a == c, a != c)
print(a == types.CellType(42))
print(types.CellType() == types.CellType())
print(types.CellType() == a, types.CellType() != a)
print(a == 42)
