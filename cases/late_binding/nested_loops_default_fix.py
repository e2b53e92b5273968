# description: In nested loops, binding both loop variables as defaults captures every (row, col) pair.
# source: rule: default values are evaluated once, when the function is created
# rules: late_binding/nested-loops, late_binding/default-argument-capture

def grid():
    cells = []
    for row in range(2):
        for col in range(3):
            cells.append(lambda row=row, col=col: (row, col))
    return cells


print(list(f() for f in grid()))
