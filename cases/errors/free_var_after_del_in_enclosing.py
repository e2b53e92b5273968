# description: After `del x` in the enclosing function the closure's cell is empty and calling it raises NameError; rebinding x refills the same cell.
# source: rule: del of a cell variable empties the cell that closures share
# rules: errors/del-empties-cell, errors/free-var-empty-cell

def outer():
    x = 'first'

    def show():
        return x

    print(show())
    cell = show.__closure__[0]
    del x
    try:
        show()
    except NameError as e:
        print(type(e).__name__)
        print(e)
    try:
        cell.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    x = 'second'
    print(show())
    print(cell.cell_contents)
    print(show.__closure__[0] is cell)
    return show


show = outer()
