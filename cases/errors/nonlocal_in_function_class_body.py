# description: nonlocal in a class body nested in a function rebinds the function's variable instead of creating a class attribute.
# source: rule: a class body's nonlocal looks at the enclosing function scopes
# rules: errors/nonlocal-class-body

def outer():
    level = 0

    class Config:
        nonlocal level
        level = 1
        other = 2

    print(level)
    print(hasattr(Config, 'level'), hasattr(Config, 'other'))
    return Config


outer()
print(outer.__code__.co_cellvars)
