# description: With a global and an enclosing function variable of the same name, nonlocal rebinds the function's variable and leaves the global alone.
# source: rule: nonlocal binds only to enclosing function scopes
# rules: errors/nonlocal-skips-globals

x = 'global'


def outer():
    x = 'outer'

    def inner():
        nonlocal x
        x = 'set by inner'

    inner()
    return x


print(outer())
print(x)
