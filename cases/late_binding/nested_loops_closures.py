# description: Closures made in nested loops see the final values of both loop variables.
# source: rule: each loop variable is a separate cell, and both are read at call time
# rules: late_binding/nested-loops, late_binding/lookup-at-call-time

def grid():
    cells = []
    for row in range(2):
        for col in range(3):
            cells.append(lambda: (row, col))
    return cells


funcs = grid()
print(len(funcs))
print(set(f() for f in funcs))
print(funcs[0].__code__.co_freevars)
print(list(c.cell_contents for c in funcs[0].__closure__))
