# description: Every lambda made in the loop holds the very same cell: the loop variable's.
# source: rule: all closures made in one call of a function share that call's cell for the variable
# rules: late_binding/cell-shared-by-loop, late_binding/lookup-at-call-time

def make():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    return funcs


funcs = make()
print(list(f() for f in funcs))
print(list(f.__code__.co_freevars for f in funcs))
cells = list(f.__closure__[0] for f in funcs)
print(cells[0] is cells[1], cells[1] is cells[2])
print(cells[0].cell_contents)
print(funcs[0] is funcs[1])
