# description: `global x` in a nested function reads and rebinds the module's x, skipping the enclosing function's x, which is not a cell.
# source: rule: global declarations go straight to the module namespace
# rules: errors/global-skips-enclosing

x = 'global'


def outer():
    x = 'outer'

    def inner():
        global x
        before = x
        x = 'set by inner'
        return before

    print(inner())
    print(x)
    print(inner.__code__.co_freevars, inner.__closure__)
    return inner


outer()
print(x)
print(outer.__code__.co_cellvars)
