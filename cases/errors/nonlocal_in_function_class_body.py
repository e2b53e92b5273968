# description: nonlocal in a class body nested in a function rebinds the function's variable instead of creating a class attribute.
# source: rule: a class body's nonlocal looks at the enclosing function scopes
# rules: errors/nonlocal-class-body
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

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
