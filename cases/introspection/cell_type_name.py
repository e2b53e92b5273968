# description: The objects in __closure__ are of the type named "cell", which is types.CellType.
# source: seed 003 running averager notebook — type(avg.__closure__[0]) is cell
# rules: introspection/cell-type
# requires: >=3.8 — types.CellType is new in 3.8
import types


def outer():
    x = 1

    def inner():
        return x

    return inner


cell = outer().__closure__[0]
print(type(cell).__name__ == 'cell')
print(type(cell) is types.CellType)
print(isinstance(cell, types.CellType))
print(type(cell).__module__)
