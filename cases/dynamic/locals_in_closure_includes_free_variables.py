# description: locals() in a nested function includes the free variables it uses, but not enclosing variables it does not use.
# source: rule: locals() in a function includes its free variables
# rules: dynamic/locals-includes-free


def outer():
    used = 1
    unused = 2

    def inner(arg):
        own = 3
        used
        return sorted(locals())

    return inner


print(outer()("a"))
