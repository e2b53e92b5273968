# description: Writing to the dict returned by locals() in a closure changes neither the free variable nor the cell.
# source: rule: locals() in a function includes its free variables
# rules: dynamic/locals-includes-free, dynamic/locals-snapshot


def outer():
    value = "kept"

    def inner():
        snapshot = locals()
        snapshot["value"] = "changed"
        return value

    return inner


inner = outer()
print(inner())
print(inner.__closure__[0].cell_contents)
