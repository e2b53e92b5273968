# description: With several free variables, co_freevars lists them sorted by name, not in order of first use or of definition.
# source: rule: the compiler orders free variable names alphabetically
# rules: introspection/freevars-sorted, introspection/closure-tuple-of-cells

def outer():
    zulu = 'z'
    alpha = 'a'
    mike = 'm'

    def inner():
        return mike + zulu + alpha

    return inner


inner = outer()
print(inner.__code__.co_freevars)
for cell in inner.__closure__:
    print(cell.cell_contents)
print(inner())
