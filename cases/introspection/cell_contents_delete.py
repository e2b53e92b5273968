# description: `del cell.cell_contents` empties the cell; reading it raises ValueError and calling the closure raises NameError, which ends the case.
# source: rule: deleting cell_contents leaves an empty cell
# rules: introspection/cell-contents-delete, introspection/empty-cell
# requires: >=3.7 — cell_contents is writable from 3.7

def make():
    token = 'secret'

    def reveal():
        return token

    return reveal


reveal = make()
cell = reveal.__closure__[0]
print(reveal())
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
print(reveal.__closure__[0] is cell)
reveal()
