# description: Closures made in a while loop all see the counter's final value, one past the last iteration's.
# source: rule: a free variable is read at call time, whatever kind of loop rebinds it
# rules: late_binding/lookup-at-call-time, late_binding/cell-shared-by-loop

def make():
    funcs = []
    count = 0
    while count < 3:
        funcs.append(lambda: count)
        count += 1
    return funcs


funcs = make()
print(list(f() for f in funcs))
print(funcs[0].__closure__[0].cell_contents)
