# description: Assigning a name before its nonlocal declaration in the same function makes the file fail to compile.
# source: rule: a nonlocal declaration must precede every assignment of the name in that scope
# rules: errors/nonlocal-assigned-before

def outer():
    total = 10

    def inner():
        total = 0
        nonlocal total
        return total

    return inner()


print(outer())
