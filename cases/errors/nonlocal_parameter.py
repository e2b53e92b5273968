# description: Declaring a function's own parameter nonlocal makes the file fail to compile, even though the enclosing function binds the name.
# source: rule: a name cannot be both a parameter and nonlocal in one scope
# rules: errors/nonlocal-parameter

def outer():
    value = 1

    def inner(value):
        nonlocal value
        value += 1
        return value

    return inner


print(outer()(5))
