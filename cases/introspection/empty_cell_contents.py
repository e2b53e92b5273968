# description: A closure created before its variable is assigned holds an empty cell: reading cell_contents raises ValueError "Cell is empty" until the variable is bound.
# source: rule: a cell exists from the start of the enclosing call, empty until the variable is bound
# rules: introspection/empty-cell, introspection/cell-contents-read

def outer():
    def inner():
        return late

    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    late = 'bound'
    print(cell.cell_contents)
    return inner


inner = outer()
print(inner())
