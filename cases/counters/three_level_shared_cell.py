# description: One cell is shared by three levels of nesting; nonlocal in the innermost level writes the outermost variable.
# source: rule: nonlocal binds to the nearest enclosing function scope that binds the name
# rules: counters/three-level-cell

def outer():
    count = 0

    def middle():
        nonlocal count
        count += 10

        def inner():
            nonlocal count
            count += 1
            return count

        return inner

    def read():
        return count

    return middle, read


middle, read = outer()
inner = middle()
print(inner())
print(inner())
print(read())
print(middle.__closure__[0] is inner.__closure__[0])
print(read.__closure__[0] is inner.__closure__[0])
print(middle.__code__.co_freevars, middle.__code__.co_cellvars)
