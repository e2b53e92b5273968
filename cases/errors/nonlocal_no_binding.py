# description: nonlocal for a name that no enclosing function binds makes the file fail to compile.
# source: rule: nonlocal names must be bound in an enclosing function scope
# rules: errors/nonlocal-no-binding

def outer():
    def inner():
        nonlocal missing
        missing = 1
        return missing

    return inner


print(outer()())
